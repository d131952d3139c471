import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import type { ProjectState } from '../edit/project-state.js';
import type { AddableKind } from '../model/ids.js';
import { type Area, RECORD_SCHEMAS, type Settings } from '../model/schema.js';
import { type AnyFieldSpec, RECORD_FIELDS } from '../model/vocabulary.js';
import { choiceNames, type NamedValue } from './record-input.js';

// What `add` and `import` share about a record's fields: their schemas, which are required, the
// values a field may name (by id or label), and the record as it is written.

/** The fields `add` (and `import`) writes for a kind, in their order. */
export const fieldsOf = (kind: AddableKind): readonly AnyFieldSpec[] => RECORD_FIELDS[kind];

export const schemaOf = (kind: AddableKind, key: string): v.GenericSchema =>
  (RECORD_SCHEMAS[kind].entries as Record<string, v.GenericSchema>)[key]!;

/** Whether the field must be given: `area` only in a project of several areas. */
export function isRequired(kind: AddableKind, key: string, settings: Settings): boolean {
  if (key === 'area') return settings.areas.length > 1;
  return schemaOf(kind, key).type !== 'optional';
}

/** The values a field's flag may name, when they come from a list: its fixed list, the categories, the areas, or the zones of the record's area. */
export function namesOf(spec: AnyFieldSpec, state: ProjectState, values: Record<string, unknown>): NamedValue[] | undefined {
  const settings = state.settings!;
  if (spec.choices) return choiceNames(spec.choices);
  if (spec.key === 'category') return state.categories.map((c) => ({ id: c.id, names: [c.id, c.labels.da, c.labels.en] }));
  if (spec.key === 'area') return settings.areas.map((a) => ({ id: a.id, names: [a.id, a.name] }));
  const zones = currentArea(settings, values).zones;
  if (spec.key === 'zone' && zones && zones.length > 0) return zones.map((zone) => ({ id: zone, names: [zone] }));
  return undefined;
}

/** The record to write: fields in their order; the only area, and values equal to their default, left out. */
export function recordOf(kind: AddableKind, values: Record<string, unknown>, settings: Settings): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const { key } of fieldsOf(kind)) {
    const value = values[key];
    if (value === undefined) continue;
    if (key === 'area' && settings.areas.length === 1 && value === settings.areas[0]!.id) continue;
    // A meeting's place defaults to meeting.place of the settings.
    if (key === 'place' && value === settings.meeting.place) continue;
    const schema = schemaOf(kind, key);
    if (schema.type === 'optional' && isDeepStrictEqual(v.getDefault(schema as v.OptionalSchema<v.GenericSchema, unknown>), value))
      continue;
    record[key] = value;
  }
  return record;
}

/** The record's area: the one `values` names, else the first. */
export function currentArea(settings: Settings, values: Record<string, unknown>): Area {
  return settings.areas.find((a) => a.id === values.area) ?? settings.areas[0]!;
}
