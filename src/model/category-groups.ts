import type { Category } from './categories.js';
import type { Lang } from './schema.js';

// How public output groups incident categories where an area's counts are small (docs/privacy.md
// "Grouping"): small cells are shown as "<5" and hide their group total, so fewer, larger rows
// hide far less. The level is chosen from public facts only (the project's setting, the area's
// number of residents), so choosing it tells a reader nothing about the counts.

/** The grouping levels, finest first; `auto` chooses one per area from its residents. */
export const GROUPINGS = ['categories', 'groups', 'totals'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const GROUPING_SETTINGS = ['auto', ...GROUPINGS] as const;
export type GroupingSetting = (typeof GROUPING_SETTINGS)[number];

/**
 * `auto`: with fewer residents, fewer incidents and so smaller cells. The bands (docs/privacy.md):
 * from 10,000 residents the categories, from 2,000 the groups, below that the totals only; an
 * area whose residents are not given gets the groups.
 */
export const AUTO_BANDS = { categories: 10_000, groups: 2_000 } as const;

/** The level of one area: its own setting, else the project's; `auto` resolved from its residents. */
export function resolveGrouping(setting: GroupingSetting, residents: number | undefined): Grouping {
  if (setting !== 'auto') return setting;
  if (residents === undefined) return 'groups';
  return residents >= AUTO_BANDS.categories ? 'categories' : residents >= AUTO_BANDS.groups ? 'groups' : 'totals';
}

interface GroupDef {
  id: string;
  labels: Record<Lang, string>;
  crime: boolean;
  /** The built-in categories it holds; a crime category not named here falls into `other_crime`, a concern into `all_concerns`. */
  members: readonly string[];
}

/** The groups level: three crime groups and the concerns together. */
const GROUPS: readonly GroupDef[] = [
  {
    id: 'violence_threats',
    labels: { da: 'Vold, trusler og røveri', en: 'Violence, threats and robbery' },
    crime: true,
    members: ['violence', 'threats', 'robbery'],
  },
  {
    id: 'theft_burglary',
    labels: { da: 'Indbrud og tyveri', en: 'Burglary and theft' },
    crime: true,
    members: ['burglary', 'theft', 'vehicle'],
  },
  {
    id: 'other_crime',
    labels: { da: 'Anden kriminalitet', en: 'Other crime' },
    crime: true,
    members: ['vandalism', 'arson', 'drugs', 'weapons', 'other', 'sexual'],
  },
];

/** The totals level's two categories: each is its group's total, so no table shows it as a row. */
const TOTALS: readonly GroupDef[] = [
  { id: 'all_crime', labels: { da: 'Kriminalitet', en: 'Crime' }, crime: true, members: [] },
  { id: 'all_concerns', labels: { da: 'Utryghed og færdsel', en: 'Anti-social behaviour and traffic' }, crime: false, members: [] },
];

/** The ids of the groups: a project's own category may not take one (load/resolve-categories.ts). */
export const GROUP_IDS: readonly string[] = [...GROUPS, ...TOTALS].map((g) => g.id);

/** True when an area counted at `level` counts in `category`. */
export const countsAt = (category: Category, level: Grouping): boolean =>
  category.group ? (category.group.levels as Grouping[]).includes(level) : level === 'categories';

/** True for a category that is a table's row (or column): not one that stands for its whole group. */
export const isTableRow = (category: Category): boolean => !category.group?.whole;

/** The category a (fine) category is shown as at `level`. */
export function groupOf(category: Category, level: Grouping): string {
  if (level === 'categories') return category.id;
  if (!category.crime) return 'all_concerns';
  if (level === 'totals') return 'all_crime';
  return (GROUPS.find((g) => g.members.includes(category.id)) ?? GROUPS[2]!).id;
}

/**
 * The categories of the levels in use: those of `categories` (the fine ones, as given), then
 * each group that holds one of them, with their members' definition breaks.
 */
export function groupedCategories(categories: readonly Category[], levels: ReadonlySet<Grouping>): Category[] {
  const result: Category[] = levels.has('categories') ? [...categories] : [];
  for (const level of ['groups', 'totals'] as const) {
    if (!levels.has(level)) continue;
    for (const def of [...(level === 'groups' ? GROUPS : []), ...TOTALS]) {
      const members = categories.filter((c) => groupOf(c, level) === def.id);
      if (members.length === 0) continue;
      const existing = result.find((c) => c.id === def.id);
      if (existing) {
        existing.group!.levels.push(level);
        continue;
      }
      const whole = def.members.length === 0;
      result.push({
        id: def.id,
        labels: def.labels,
        crime: def.crime,
        sensitive: false,
        breaks: members.flatMap((m) => m.breaks),
        builtIn: true,
        // A group is one STRAF11 series when each of its members is one (analyze/official.ts).
        ...(members.every((m) => m.straf11) ? { straf11: members.map((m) => m.straf11).join(', ') } : {}),
        group: { levels: [level], whole, members: members.map((m) => m.id) },
      });
    }
  }
  return result;
}
