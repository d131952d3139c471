import { RECORD_KINDS, RECORD_SCHEMAS, type RecordKind, type RecordOf } from './schema.js';
import { FIELDS } from './vocabulary.js';

// The single allowlist of what public output may hold, per record kind: the fields the record
// vocabulary (vocabulary.ts FIELDS) marks public, in the schema's order. Public output is built
// from records projected through it (analyze/audience.ts), so a field not marked public, such as
// internal_note, cannot reach a public view model or template. A field the vocabulary does not
// classify is a type error there.

type PublicFields = { readonly [K in RecordKind]: readonly (keyof RecordOf<K> & string)[] };

const isPublic = (kind: RecordKind, field: string): boolean =>
  (FIELDS[kind] as Readonly<Record<string, { public: boolean }>>)[field]!.public;

export const PUBLIC_FIELDS = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind, Object.keys(RECORD_SCHEMAS[kind].entries).filter((field) => isPublic(kind, field))]),
) as unknown as PublicFields;

/** A copy of the record with only the allowlisted fields of its kind. */
export function publicRecord<K extends RecordKind, T extends Partial<RecordOf<K>>>(kind: K, record: T): T {
  const out: Record<string, unknown> = {};
  for (const field of PUBLIC_FIELDS[kind] as readonly string[]) {
    if (Object.hasOwn(record, field)) out[field] = (record as Record<string, unknown>)[field];
  }
  return out as T;
}
