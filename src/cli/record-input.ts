import * as v from 'valibot';
import { expectation } from '../load/check-value.js';
import { dateRange } from '../model/dates.js';
import { expectationText, foundValue } from '../model/messages.js';
import type { Lang } from '../model/schema.js';
import type { ValueType } from '../model/vocabulary.js';
import { usageError } from './exit-codes.js';
import { cliText } from './messages.js';
import type { Choice, Prompts } from './prompts.js';

// Values of record fields as they come from flags and prompts: text turned into the field's type,
// then checked with the field's own schema from model/schema.ts (the one `validate` uses), so a
// typo is caught where it is typed, in the checks' own words.

/** Text → the field's value: numbers (a decimal comma is fine), comma-separated lists; empty text is no value. */
export function parseValue(type: ValueType, raw: string | boolean | undefined): unknown {
  if (raw === undefined || typeof raw === 'boolean') return raw;
  const text = raw.trim();
  if (type === 'list') {
    const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
    return items.length === 0 ? undefined : items;
  }
  if (text === '') return undefined;
  if (type === 'whole' && /^[+-]?\d+$/.test(text)) return Number(text);
  if (type === 'number' && /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return Number(text.replace(',', '.'));
  return text;
}

/** Undefined when `value` is right for `schema`, else "expected …" in `lang`. */
export function fieldProblem(schema: v.GenericSchema, value: unknown, lang: Lang): string | undefined {
  if (v.safeParse(schema, value).success) return undefined;
  return expectationText(expectation(schema), lang);
}

/** The usage error for a date flag (`--date`) outside the dates data may have on `today` (docs/data-format.md#dates). */
export function checkDateFlag(lang: Lang, flag: string, value: unknown, today: string): void {
  const range = dateRange(today);
  if (typeof value === 'string' && (value < range.from || value > range.to)) {
    throw usageError(cliText(lang, 'bad_flag', { flag, expected: cliText(lang, 'date_in_range', { from: range.from, to: range.to }), found: foundText(value) }));
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
  const expected = cliText(lang, 'one_line', { expected: expectationText(expectation(field), lang) });
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
  question: { message: string; type: ValueType; schema: v.GenericSchema; required: boolean; default?: string },
): Promise<unknown> {
  const expected = lang === 'da' ? 'forventede' : 'expected';
  const answer = await prompts.input({
    message: question.required ? question.message : `${question.message} ${cliText(lang, 'optional')}`,
    default: question.default,
    validate: (text) => {
      const value = parseValue(question.type, text);
      // Nothing is fine for an optional field, and never for a required one (even if its schema is optional, like an answer).
      if (value === undefined) return question.required ? `${expected} ${expectationText(expectation(question.schema), lang)}` : true;
      const problem = fieldProblem(question.schema, value, lang);
      return problem === undefined ? true : `${expected} ${problem}`;
    },
  });
  return parseValue(question.type, answer);
}

/** Asks to choose one value; an optional one offers "(none)" first. */
export async function askChoice<T extends string>(prompts: Prompts, lang: Lang, question: { message: string; choices: readonly Choice<T>[]; default?: T; optional?: boolean }): Promise<T | undefined> {
  const none = '' as T;
  const choices = question.optional ? [{ value: none, name: cliText(lang, 'none') }, ...question.choices] : question.choices;
  const answer = await prompts.select({ message: question.message, choices, default: question.default ?? (question.optional ? none : undefined) });
  return answer === none ? undefined : answer;
}
