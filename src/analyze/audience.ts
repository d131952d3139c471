import type { Dataset } from '../model/dataset.js';
import { type Area, RECORD_KINDS, type RecordKind } from '../model/schema.js';
import type { Category } from '../model/categories.js';
import { type Grouping, groupedCategories, countsAt, groupOf, resolveGrouping } from '../model/category-groups.js';
import { publicRecord } from '../model/public-fields.js';

export type Audience = 'public' | 'internal';

/** The category sensitive incidents are counted under in public output. */
export const FOLD_INTO = 'other';

/** The grouping level of an area's public figures (model/category-groups.ts): its own setting, else the project's. */
export function areaGrouping(dataset: Pick<Dataset, 'settings'>, area: Pick<Area, 'grouping' | 'residents'>): Grouping {
  return resolveGrouping(area.grouping ?? dataset.settings.privacy.grouping, area.residents);
}

/** The categories an area's figures are counted in: those of its grouping level (all of them, internally). */
export function areaCategories(dataset: Pick<Dataset, 'categories' | 'grouping'>, area: string): Category[] {
  const level = dataset.grouping?.get(area);
  return level ? dataset.categories.filter((c) => countsAt(c, level)) : dataset.categories;
}

/**
 * The data an audience may see. Public: every record projected through the allowlist of
 * model/public-fields.ts; sensitive categories folded into `other` (their incidents lose zone
 * and summary, which could point at a person); and each area's categories grouped at its level
 * (docs/privacy.md#grouping). Internal: everything, category by category.
 */
export function datasetFor(dataset: Dataset, audience: Audience): Dataset {
  if (audience === 'internal') return dataset;
  const sensitive = new Set(dataset.categories.filter((c) => c.sensitive).map((c) => c.id));
  const project = <K extends RecordKind>(kind: K) => (dataset[kind] as object[]).map((record) => publicRecord(kind, record)) as Dataset[K];
  const projected = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, project(kind)])) as Pick<Dataset, RecordKind>;
  const fine = dataset.categories.filter((c) => !c.sensitive);
  const levels = new Map(dataset.areas.map((area) => [area.id, areaGrouping(dataset, area)]));
  const shownAs = new Map([...levels.values()].map((level) => [level, new Map(fine.map((c) => [c.id, groupOf(c, level)]))]));
  return {
    ...dataset,
    ...projected,
    categories: groupedCategories(fine, new Set(levels.values())),
    grouping: levels,
    incidents: projected.incidents.map((incident) => {
      let shown = incident;
      if (sensitive.has(incident.category)) {
        const { zone: _zone, summary: _summary, ...rest } = incident;
        shown = { ...rest, category: FOLD_INTO };
      }
      const category = shownAs.get(levels.get(incident.area)!)?.get(shown.category) ?? shown.category;
      return category === shown.category ? shown : { ...shown, category };
    }),
  };
}
