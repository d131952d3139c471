import type { Dataset } from '../load/dataset.js';
import { publicRecord } from '../model/public-fields.js';
import { RECORD_KINDS, type RecordKind } from '../model/schema.js';

export type Audience = 'public' | 'internal';

/** The category sensitive incidents are counted under in public output. */
export const FOLD_INTO = 'other';

/**
 * The data an audience may see. Public: every record projected through the allowlist of
 * model/public-fields.ts, and sensitive categories folded into `other` (their incidents lose
 * zone and summary, which could point at a person). Internal: everything.
 */
export function datasetFor(dataset: Dataset, audience: Audience): Dataset {
  if (audience === 'internal') return dataset;
  const sensitive = new Set(dataset.categories.filter((c) => c.sensitive).map((c) => c.id));
  const project = <K extends RecordKind>(kind: K) => (dataset[kind] as object[]).map((record) => publicRecord(kind, record)) as Dataset[K];
  const projected = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, project(kind)])) as Pick<Dataset, RecordKind>;
  return {
    ...dataset,
    ...projected,
    categories: dataset.categories.filter((c) => !c.sensitive),
    incidents: projected.incidents.map((incident) => {
      if (!sensitive.has(incident.category)) return incident;
      const { zone: _zone, summary: _summary, ...rest } = incident;
      return { ...rest, category: FOLD_INTO };
    }),
  };
}
