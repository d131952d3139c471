import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ADDABLE_KINDS, type AddableKind } from '../../src/model/ids.js';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  LIST_STATUSES,
  PRIORITY_STATUSES,
  QUESTION_OWNERS,
  QUESTION_STATUSES,
  RECORD_SCHEMAS,
  SURVEY_LEVELS,
  VERDICTS,
} from '../../src/model/schema.js';
import {
  ANSWER_FIELDS,
  ANSWER_STATUSES,
  type AnyFieldSpec,
  CHOICES,
  choiceLabel,
  choiceValues,
  flagOf,
  optionOf,
  RECORD_FIELDS,
} from '../../src/model/vocabulary.js';

// src/model/vocabulary.ts: the one table of the record fields add writes and of the fixed lists of values.
describe('CHOICES', () => {
  it('has each list of the schemas, value for value and in their order', () => {
    expect(choiceValues('source')).toEqual([...INCIDENT_SOURCES]);
    expect(choiceValues('incident_status')).toEqual([...INCIDENT_STATUSES]);
    expect(choiceValues('activity_kind')).toEqual([...ACTIVITY_KINDS]);
    expect(choiceValues('activity_status')).toEqual([...ACTIVITY_STATUSES]);
    expect(choiceValues('owner')).toEqual([...QUESTION_OWNERS]);
    expect(choiceValues('question_status')).toEqual([...QUESTION_STATUSES]);
    expect(choiceValues('verdict')).toEqual([...VERDICTS]);
    expect(choiceValues('priority_status')).toEqual([...PRIORITY_STATUSES]);
    expect(choiceValues('survey_level')).toEqual([...SURVEY_LEVELS]);
    expect(choiceValues('list_status')).toEqual([...LIST_STATUSES]);
  });

  it('labels every value in Danish and English, `many` falling back to `one`', () => {
    for (const name of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
      for (const value of choiceValues(name))
        for (const lang of ['da', 'en'] as const) expect(choiceLabel(name, value, lang)).toMatch(/\S/);
    }
    expect(choiceLabel('activity_kind', 'safety_walk', 'da', 'many')).toBe('Tryghedsvandringer');
    expect(choiceLabel('owner', 'housing', 'da', 'many')).toBe('Boligselskabet');
    expect(choiceLabel('owner', 'constructor', 'da')).toBeUndefined();
  });
});

describe('RECORD_FIELDS', () => {
  const kinds = Object.values(ADDABLE_KINDS) as AddableKind[];
  const entries = (kind: AddableKind) => RECORD_SCHEMAS[kind].entries as Record<string, v.GenericSchema>;
  /** The picklist under a field's optional and pipe wrappers, if it is one. */
  const picklistOf = (schema: v.GenericSchema): readonly string[] | undefined => {
    const inner = schema as unknown as { type: string; wrapped?: v.GenericSchema; pipe?: v.GenericSchema[]; options?: readonly string[] };
    if (inner.type === 'picklist') return inner.options;
    if (inner.wrapped) return picklistOf(inner.wrapped);
    if (inner.pipe) return picklistOf(inner.pipe[0]!);
    return undefined;
  };

  it.each(kinds)("%s: every field is a field of the schema, once, and every field from a list names the schema's list", (kind) => {
    const fields = RECORD_FIELDS[kind] as readonly AnyFieldSpec[];
    expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
    for (const field of fields) {
      expect(Object.keys(entries(kind))).toContain(field.key);
      const list = picklistOf(entries(kind)[field.key]!);
      if (field.choices) expect(list).toEqual(choiceValues(field.choices));
      else expect(list).toBeUndefined();
      expect(field.prompt.da).toMatch(/\S/);
      expect(field.help.en).toMatch(/\S/);
    }
  });

  it('names flags and commander options from the field', () => {
    expect(flagOf('internal_note')).toBe('--internal-note');
    expect(optionOf('internal_note')).toBe('internalNote');
  });
});

describe('ANSWER_FIELDS', () => {
  it('are fields of a question, each from the list its schema has, and answer offers statuses of that list', () => {
    const entries = RECORD_SCHEMAS.questions.entries as Record<string, v.GenericSchema>;
    for (const field of Object.values(ANSWER_FIELDS)) expect(Object.keys(entries)).toContain(field.key);
    expect(choiceValues('question_status')).toEqual(expect.arrayContaining([...ANSWER_STATUSES]));
    expect(ANSWER_STATUSES).not.toContain('open');
    expect(ANSWER_FIELDS.answer.flag).toBe('--text <text>');
  });
});
