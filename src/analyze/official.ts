import { COUNTRY, type OfficialSeries, placeKey } from '../model/official.js';
import type { Category } from '../model/categories.js';
import { formatQuarter, type Quarter } from '../model/quarters.js';
import type { Area } from '../model/schema.js';
import type { CrimeRow } from './brief.js';

// The area's reported offences per 1,000 residents beside its municipality's and the country's
// (docs/official.md). Both sides count the same offences: the categories of the area's crime
// table that have a STRAF11 code (a group of public output has one when every member has:
// model/category-groups.ts) and whose figures the table shows, so the area's rate never tells
// more than the page does; the official side sums their codes in STRAF11, per 1,000 of FOLK1A's
// residents.

/** A rate per 1,000 residents, or why there is none. */
export type Rate = { rate: number } | { none: 'no-data' | 'not-published' | 'no-residents' };

export interface OfficialComparison {
  /** The crime table's categories counted (their labels are the page's). */
  categories: Category[];
  /** Those with a code left out, because the table hides a figure of theirs. */
  hidden: Category[];
  /** The STRAF11 codes summed on the official side. */
  codes: string[];
  municipality: string | undefined;
  /** The brief's quarter, then its last four quarters: area, municipality, country. */
  quarter: { area: Rate; municipality: Rate; country: Rate };
  last4: { area: Rate; municipality: Rate; country: Rate };
}

/**
 * Whether a category can be compared with the series: it has a STRAF11 code, and the STRAF11
 * file holds each of its codes for some place and quarter (a table downloaded with only some
 * offences compares those; a figure missing for one place or quarter is "not published").
 */
export function comparable(series: OfficialSeries, category: Category): boolean {
  const codes = codesOf(category);
  if (codes.length === 0) return false;
  const offences = offencesOf(series);
  return codes.every((code) => matching(offences, code) !== undefined);
}

/** Every offence the STRAF11 file names, once (for comparable). */
function offencesOf(series: OfficialSeries): ReadonlyMap<string, null> {
  let offences = OFFENCES.get(series);
  if (!offences) {
    offences = new Map();
    for (const byQuarter of series.offences.values())
      for (const byOffence of byQuarter.values()) for (const offence of byOffence.keys()) offences.set(offence, null);
    OFFENCES.set(series, offences);
  }
  return offences;
}

const OFFENCES = new WeakMap<OfficialSeries, Map<string, null>>();

/** The keys a category's straf11 names ("1328, 1339" is two). */
export const codesOf = (category: Category): string[] =>
  (category.straf11 ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);

/**
 * The comparison of a brief's crime rows with the official series, or undefined when there are
 * no series or no row of the table maps to a STRAF11 code.
 */
export function compareWithOfficial(
  series: OfficialSeries | undefined,
  area: Area,
  table: { categories: readonly Category[]; rows: readonly CrimeRow[]; total: CrimeRow },
  quarter: Quarter,
  last4: readonly Quarter[],
): OfficialComparison | undefined {
  if (!series) return undefined;
  // Every category of the crime table with a code; one without a row had no incident in the table's window (0).
  const withCode = table.categories.filter((category) => comparable(series, category));
  if (withCode.length === 0) return undefined;
  const rowOf = (category: Category) => table.rows.find((row) => row.id === category.id);
  // A category whose figure the table hides (in either column) is left out on both sides: the area's
  // sum is then one of figures the page shows, so it tells nothing the page does not.
  const isHidden = (category: Category) => {
    const row = rowOf(category);
    return row !== undefined && (row.marks.current !== 'shown' || row.marks.last4 !== 'shown');
  };
  const mapped = withCode.filter((category) => !isHidden(category));
  const hidden = withCode.filter(isHidden);
  if (mapped.length === 0) return undefined;
  const codes = [...new Set(mapped.flatMap(codesOf))];
  const residents = area.residents;
  const own = (figure: (row: CrimeRow) => number | null): Rate => {
    if (figure(table.total) === null) return { none: 'no-data' };
    const figures = mapped.flatMap((category) => table.rows.filter((row) => row.id === category.id)).map(figure);
    if (figures.some((f) => f === null)) return { none: 'no-data' };
    if (!residents) return { none: 'no-residents' };
    return { rate: ((figures as number[]).reduce((a, b) => a + b, 0) / residents) * 1000 };
  };
  const official = (place: string | undefined, quarters: readonly Quarter[]) => officialRate(series, place, codes, quarters);
  const municipality = area.municipality;
  return {
    categories: mapped,
    hidden,
    codes,
    municipality,
    quarter: {
      area: own((row) => row.current),
      municipality: official(municipality, [quarter]),
      country: official(COUNTRY, [quarter]),
    },
    last4: {
      area: own((row) => row.last4),
      municipality: official(municipality, last4),
      country: official(COUNTRY, last4),
    },
  };
}

/**
 * A place's reported offences of `codes` over `quarters` per 1,000 of its residents on the first
 * day of the last of them; not published when a figure is missing or "..".
 */
export function officialRate(
  series: OfficialSeries,
  place: string | undefined,
  codes: readonly string[],
  quarters: readonly Quarter[],
): Rate {
  if (place === undefined) return { none: 'not-published' };
  const key = placeKey(place);
  let offences = 0;
  for (const q of quarters) {
    const byOffence = series.offences.get(key)?.get(formatQuarter(q));
    for (const code of codes) {
      const count = byOffence === undefined ? undefined : matching(byOffence, code);
      if (count === undefined || count === null) return { none: 'not-published' };
      offences += count;
    }
  }
  const population = series.population.get(key)?.get(formatQuarter(quarters.at(-1)!));
  if (!population) return { none: 'not-published' };
  return { rate: (offences / population) * 1000 };
}

/**
 * The count of the STRAF11 offence `code` among a place's offences of a quarter: the cell is the
 * code ("1320"), the code and its text ("1320 Indbrud i beboelse"), or, for a code that is a
 * law's name ("våbenloven"), a text that names it ("Våbenloven", "3 Våbenloven").
 */
function matching(byOffence: ReadonlyMap<string, number | null>, code: string): number | null | undefined {
  const wanted = code.toLocaleLowerCase('da');
  for (const [offence, count] of byOffence) {
    const cell = offence.toLocaleLowerCase('da');
    if (cell === wanted || cell.startsWith(`${wanted} `) || cell.replace(/^\S+\s+/, '') === wanted) return count;
  }
  return undefined;
}
