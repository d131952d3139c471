import type { Lang } from './schema.js';

/** A definition change inside a category's series, e.g. a new paragraph in the penal code. */
export interface CategoryBreak {
  date: string;
  note: string;
}

export interface Category {
  id: string;
  labels: Record<Lang, string>;
  /** false for concerns that are not offences; they are counted apart from crime totals. */
  crime: boolean;
  /** Public output never shows a sensitive category on its own (it is folded into `other`). */
  sensitive: boolean;
  straf11?: string;
  breaks: CategoryBreak[];
  builtIn: boolean;
  /**
   * A group of public output (model/category-groups.ts): the grouping levels that count in it, whether
   * it is its group's whole total (then never a row of its own), and the categories it holds.
   */
  group?: { levels: ('groups' | 'totals')[]; whole: boolean; members: string[] };
}

const builtIn = (id: string, da: string, en: string, crime: boolean, extra: { sensitive?: boolean; straf11?: string } = {}): Category => ({
  id,
  labels: { da, en },
  crime,
  sensitive: extra.sensitive ?? false,
  ...(extra.straf11 ? { straf11: extra.straf11 } : {}),
  breaks: [],
  builtIn: true,
});

/** The built-in incident categories of docs/data-format.md, in their stable order. */
export const BUILTIN_CATEGORIES: readonly Category[] = [
  builtIn('violence', 'Vold', 'Violence', true, { straf11: '12' }),
  builtIn('sexual', 'Seksualforbrydelser', 'Sexual offences', true, { sensitive: true, straf11: '11' }),
  builtIn('threats', 'Trusler', 'Threats', true),
  builtIn('burglary', 'Indbrud i beboelse', 'Residential burglary', true, { straf11: '1320' }),
  builtIn('theft', 'Tyveri', 'Theft', true),
  builtIn('vehicle', 'Tyveri af og fra køretøjer', 'Vehicle crime', true, { straf11: '1328, 1339' }),
  builtIn('robbery', 'Røveri', 'Robbery', true, { straf11: '1380' }),
  builtIn('vandalism', 'Hærværk', 'Criminal damage', true, { straf11: '1390' }),
  builtIn('arson', 'Brandstiftelse', 'Arson', true, { straf11: '1312' }),
  builtIn('drugs', 'Narkotika', 'Drugs', true, { straf11: 'lov om euforiserende stoffer' }),
  builtIn('weapons', 'Våben', 'Weapons', true, { straf11: 'våbenloven' }),
  builtIn('traffic', 'Færdsel og knallertkørsel', 'Traffic and mopeds', false),
  builtIn('nuisance', 'Utryghedsskabende adfærd', 'Anti-social behaviour', false),
  builtIn('other', 'Andet', 'Other', true),
];
