import type { RecordKind, RecordOf } from './schema.js';

// The single allowlist of what public output may hold, per record kind. Public output is built
// from records projected through it (analyze/audience.ts), so a field not listed here, such as
// internal_note, cannot reach a public view model or template. A test checks that every field of
// every schema is either listed here or in INTERNAL_FIELDS, so a new field must be classified.

export const PUBLIC_FIELDS = {
  incidents: ['id', 'area', 'date', 'category', 'count', 'zone', 'summary', 'source', 'status'],
  activities: ['id', 'area', 'date', 'kind', 'title', 'status', 'partners', 'participants', 'hours', 'answers', 'summary'],
  questions: ['id', 'area', 'date', 'meeting', 'question', 'topic', 'zone', 'owner', 'status', 'answer', 'answered', 'rumour', 'verdict'],
  meetings: ['id', 'area', 'date', 'place', 'time', 'attendees', 'summary'],
  priorities: ['id', 'area', 'title', 'from', 'to', 'status', 'summary'],
  surveys: ['id', 'area', 'year', 'level', 'measure', 'value', 'unit', 'source', 'n'],
  list_status: ['id', 'area', 'year', 'status', 'residents', 'criteria'],
} as const satisfies { [K in RecordKind]: readonly (keyof RecordOf<K>)[] };

/** Fields that only internal output shows. */
export const INTERNAL_FIELDS = ['internal_note'] as const;

/** A copy of the record with only the allowlisted fields of its kind. */
export function publicRecord<K extends RecordKind, T extends Partial<RecordOf<K>>>(kind: K, record: T): T {
  const out: Record<string, unknown> = {};
  for (const field of PUBLIC_FIELDS[kind] as readonly string[]) {
    if (Object.hasOwn(record, field)) out[field] = (record as Record<string, unknown>)[field];
  }
  return out as T;
}
