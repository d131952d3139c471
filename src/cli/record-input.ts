import * as v from 'valibot';
import { expectation } from '../load/check-value.js';
import { dateRange } from '../model/dates.js';
import { expectationText, foundValue } from '../model/messages.js';
import { type Lang, LANGS } from '../model/schema.js';
import { closestOf } from '../model/suggest.js';
import { type ChoiceName, CHOICES, choiceValues, type ValueLabels, type ValueType } from '../model/vocabulary.js';
import { usageError } from './exit-codes.js';
import { cliText } from './messages.js';
import type { Choice, Prompts } from './prompts.js';

// Values of record fields as they come from flags and prompts: text turned into the field's type,
// then checked with the field's own schema from model/schema.ts (the one `validate` uses), so a
// typo is caught where it is typed, in the checks' own words.

/**
 * Text → the field's value, the way people write it here (docs/data-entry.md#how-values-are-typed):
 * whole numbers with thousands points or spaces (`6.500`, `6 500`); numbers with a decimal comma
 * or point (`2,5`, `2.5`; `1.234,5`; a point before exactly three digits is a thousands point);
 * dates as `2020-02-03`, `3.2.2020`, `3/2 2020` or `3-2-2020` (day first), kept as ISO; times as
 * `19:00`, `19.00` or `7.30`, quoted or not; comma-separated lists. Empty text is no value. What
 * is not one of these is given as typed, for the field's schema to refuse in its own words.
 */
export function parseValue(type: ValueType, raw: string | boolean | undefined): unknown {
  if (raw === undefined || typeof raw === 'boolean') return raw;
  const text = raw.trim();
  if (type === 'list') {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return items.length === 0 ? undefined : items;
  }
  if (text === '') return undefined;
  if (type === 'whole') return wholeNumber(text) ?? text;
  if (type === 'number') return decimalNumber(text) ?? text;
  if (type === 'date') return isoDate(text) ?? text;
  if (type === 'time') return clockTime(text) ?? text;
  if (type === 'quarter') return quarterText(text) ?? text;
  return text;
}

/** `2020-Q1` as it is; `2020Q1`, `2020 q1`, `2020-K1`, `Q1 2020`, `1. kvartal 2020`, `1. kv. 2020` as `2020-Q1`. */
function quarterText(text: string): string | undefined {
  const yearFirst = /^(\d{4})\s*-?\s*[QqKk]([1-4])$/.exec(text);
  if (yearFirst) return `${yearFirst[1]}-Q${yearFirst[2]}`;
  const quarterFirst = /^(?:[QqKk]([1-4])|([1-4])\.\s*(?:kvartal|kvt\.?|kv\.?))\s+(\d{4})$/i.exec(text);
  return quarterFirst ? `${quarterFirst[3]}-Q${quarterFirst[1] ?? quarterFirst[2]}` : undefined;
}

/** `6500`, `6.500`, `6 500` (a space or a no-break space), `1.000.000`, with an optional sign. */
function wholeNumber(text: string): number | undefined {
  if (/^[+-]?\d+$/.test(text)) return Number(text);
  if (/^[+-]?\d{1,3}([. \u00a0]\d{3})+$/.test(text)) return Number(text.replace(/[. \u00a0]/g, ''));
  return undefined;
}

/** `2,5`, `2.5`, `,5`, `1.234,5`, `1 234,5`; `2.500` is two thousand five hundred, as a Danish reader reads it. */
function decimalNumber(text: string): number | undefined {
  const whole = wholeNumber(text);
  if (whole !== undefined) return whole;
  const grouped = /^([+-]?\d{1,3}(?:[. \u00a0]\d{3})+),(\d+)$/.exec(text);
  if (grouped) return Number(`${grouped[1]!.replace(/[. \u00a0]/g, '')}.${grouped[2]}`);
  if (/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

/** `2020-02-03` as it is; `3.2.2020`, `3/2 2020`, `3/2/2020`, `3-2-2020` (day, month, four-digit year) as ISO. */
function isoDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^(\d{1,2})(?:\.\s*|\/|-)(\d{1,2})(?:\.\s*|\/|-|\s+)(\d{4})$/.exec(text);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : undefined;
}

/** `19:00`, `19.00`, `7.30`, `"19:00"` as `HH:MM`. */
function clockTime(text: string): string | undefined {
  const match = /^(["']?)(\d{1,2})[:.](\d{2})\1$/.exec(text);
  return match ? `${match[2]!.padStart(2, '0')}:${match[3]}` : undefined;
}

/** A value of a list as people may name it: its id, and its labels. */
export interface NamedValue {
  id: string;
  names: readonly string[];
}

/** The values of a fixed list of the vocabulary, each named by its id and its labels in both languages (one and many). */
export function choiceNames(name: ChoiceName): NamedValue[] {
  return choiceValues(name).map((id) => {
    const labels = (CHOICES[name] as Readonly<Record<string, ValueLabels>>)[id]!;
    return { id, names: [id, ...LANGS.flatMap((lang) => [labels.one[lang], ...(labels.many ? [labels.many[lang]] : [])])] };
  });
}

/**
 * The id a typed value names (docs/data-entry.md#how-values-are-typed): an id or a label of
 * either language, in any case (`indbrud`, `Burglary`, `BURGLARY` → `burglary`). Anything else is
 * a usage error naming the flag, the values it takes and the nearest one ("mente du …?").
 */
export function namedValue(lang: Lang, flag: string, typed: string, values: readonly NamedValue[]): string {
  const wanted = typed.trim().toLocaleLowerCase(lang);
  const hit = values.find((value) => value.names.some((name) => name.toLocaleLowerCase(lang) === wanted));
  if (hit) return hit.id;
  const suggestion = closestOf(typed, values, (value) => value.names)?.id;
  const expected = expectationText({ oneOf: values.map((value) => value.id) }, lang);
  throw usageError(
    `${cliText(lang, 'bad_flag', { flag, expected, found: foundText(typed) })}${suggestion === undefined ? '' : cliText(lang, 'did_you_mean', { value: suggestion })}`,
  );
}

/** Undefined when `value` is right for `schema`, else "expected …" in `lang`. */
export function fieldProblem(schema: v.GenericSchema, value: unknown, lang: Lang): string | undefined {
  if (v.safeParse(schema, value).success) return undefined;
  return typedExpectationText(schema, lang);
}

/**
 * What a typed value (a flag, an answer at a prompt) of `schema` must be, in the forms typing
 * takes: a date also as 3.2.2020, a time as 19.00 and never in quotes (the writer quotes it).
 */
function typedExpectationText(schema: v.GenericSchema, lang: Lang): string {
  const expected = expectation(schema);
  const typed = { date: 'typed_date', time: 'typed_time', quarter: 'typed_quarter' } as const;
  if ('expect' in expected && (expected.expect === 'date' || expected.expect === 'time' || expected.expect === 'quarter')) {
    return expectationText({ ...expected, expect: typed[expected.expect] }, lang);
  }
  return expectationText(expected, lang);
}

/** The usage error for a date flag (`--date`) outside the dates data may have on `today` (docs/data-format.md#dates). */
export function checkDateFlag(lang: Lang, flag: string, value: unknown, today: string): void {
  const range = dateRange(today);
  if (typeof value === 'string' && (value < range.from || value > range.to)) {
    throw usageError(
      cliText(lang, 'bad_flag', {
        flag,
        expected: cliText(lang, 'date_in_range', { from: range.from, to: range.to }),
        found: foundText(value),
      }),
    );
  }
}

/** The usage error for a flag whose value its field does not take; of a list, the first item it does not take, in the item's words. */
export function badFlag(lang: Lang, flag: string, schema: v.GenericSchema, value: unknown): Error {
  const list = schema as v.GenericSchema & { type: string; wrapped?: v.GenericSchema & { type: string; item?: v.GenericSchema } };
  const item = (list.type === 'optional' ? list.wrapped : (list as { item?: v.GenericSchema; type: string }))?.item;
  const wrong: unknown = item && Array.isArray(value) ? value.find((each) => !v.safeParse(item, each).success) : undefined;
  if (item && wrong !== undefined) return badFlag(lang, flag, item, wrong);
  const expected = fieldProblem(schema, value, lang) ?? '';
  return usageError(cliText(lang, 'bad_flag', { flag, expected, found: foundText(value) }));
}

/**
 * The usage error for a text flag (or an item of a list flag) holding a control character, a
 * line break above all: `init` writes the flags into borgermode.yaml, where a zone "B\nC" broke
 * the YAML (and was an internal error).
 */
export function checkOneLineFlag(lang: Lang, flag: string, schema: v.GenericSchema, value: unknown): void {
  const texts: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const wrong = texts.find((text) => typeof text === 'string' && CONTROL.test(text));
  if (wrong === undefined) return;
  const list = schema as v.GenericSchema & { type: string; wrapped?: v.GenericSchema & { item?: v.GenericSchema }; item?: v.GenericSchema };
  const field = Array.isArray(value) ? ((list.type === 'optional' ? list.wrapped?.item : list.item) ?? schema) : schema;
  const expected = cliText(lang, 'one_line', { expected: typedExpectationText(field, lang) });
  throw usageError(cliText(lang, 'bad_flag', { flag, expected, found: foundText(wrong) }));
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function foundText(value: unknown): string {
  const found = foundValue(value);
  return 'literal' in found ? found.literal : found.kind;
}

/** Asks for a text field; empty is "no value" when the field is optional. Each answer is checked with `schema`. */
export async function askValue(
  prompts: Prompts,
  lang: Lang,
  question: {
    message: string;
    type: ValueType;
    schema: v.GenericSchema;
    required: boolean;
    default?: string;
    /** A rule across records, checked where the value is typed (an answer dated before its question): the message, or undefined. */
    check?: (value: unknown) => string | undefined;
  },
): Promise<unknown> {
  const expected = lang === 'da' ? 'forventede' : 'expected';
  const answer = await prompts.input({
    // "(Enter for none)" only where Enter gives none: with a default, Enter gives the default, which the prompt shows.
    message: question.required || question.default !== undefined ? question.message : `${question.message} ${cliText(lang, 'optional')}`,
    default: question.default,
    validate: (text) => {
      const value = parseValue(question.type, text);
      // Nothing is fine for an optional field, and never for a required one (even if its schema is optional, like an answer).
      if (value === undefined) return question.required ? `${expected} ${typedExpectationText(question.schema, lang)}` : true;
      const problem = fieldProblem(question.schema, value, lang);
      if (problem !== undefined) return `${expected} ${problem}`;
      return question.check?.(value) ?? true;
    },
  });
  return parseValue(question.type, answer);
}

/** Asks to choose one value; an optional one offers "(none)" first. */
export async function askChoice<T extends string>(
  prompts: Prompts,
  lang: Lang,
  question: { message: string; choices: readonly Choice<T>[]; default?: T; optional?: boolean },
): Promise<T | undefined> {
  const none = '' as T;
  const choices = question.optional ? [{ value: none, name: cliText(lang, 'none') }, ...question.choices] : question.choices;
  const answer = await prompts.select({
    message: question.message,
    choices,
    default: question.default ?? (question.optional ? none : undefined),
  });
  return answer === none ? undefined : answer;
}
