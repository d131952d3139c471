import * as v from 'valibot';
import type { Finding, YamlPath } from '../model/finding.js';
import { type Expectation, type ExpectKey, foundValue, type MessageCode, type Params } from '../model/messages.js';
import { isPlainLine, isPlainText, textProblem } from '../model/plain-text.js';
import { RecordFileSchema } from '../model/schema.js';
import { closest } from '../model/suggest.js';

type AnySchema = v.GenericSchema & {
  type: string;
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  options?: readonly string[];
  pipe?: unknown[];
};

export interface Checked {
  value: unknown;
  ok: boolean;
}

/**
 * Checks `input` against a schema of model/schema.ts and collects every problem as a finding
 * (unknown fields with "did you mean", missing fields, wrong values with what was expected).
 * Returns the value with defaults applied and wrong parts left out; `ok` is false when
 * anything below was wrong.
 */
export function checkValue(schema: v.GenericSchema, input: unknown, file: string, path: YamlPath, findings: Finding[]): Checked {
  return walk(schema, input, { file, findings }, path);
}

interface Walk {
  file: string;
  findings: Finding[];
}

// Paths are made only for what is reported: a field is walked with its parent's path and its
// key, which keeps a clean file of a million records from allocating a path per field.
const pathOf = (parent: YamlPath, key: string | number | undefined): YamlPath => (key === undefined ? parent : [...parent, key]);

/** The field names of an object schema, worked out once per schema. */
const knownKeys = new WeakMap<object, string[]>();

function walk(schema: AnySchema, input: unknown, ctx: Walk, parent: YamlPath, key?: string | number): Checked {
  if (schema.type === 'optional') {
    if (input === undefined || input === null) return { value: v.getDefault(schema), ok: true };
    return walk(schema.wrapped as AnySchema, input, ctx, parent, key);
  }
  if (schema.type === 'strict_object') return walkObject(schema, input, ctx, pathOf(parent, key));
  if (schema.type === 'array') return walkArray(schema, input, ctx, pathOf(parent, key));
  const result = v.safeParse(schema, input);
  if (result.success) return { value: result.output, ok: true };
  if (typeof input === 'string' && textRefused(schema, input, ctx, pathOf(parent, key))) return { value: undefined, ok: false };
  const suggestion = schema.type === 'picklist' && typeof input === 'string' ? closest(input, schema.options ?? []) : undefined;
  invalid(ctx, pathOf(parent, key), schema, input, suggestion);
  return { value: undefined, ok: false };
}

function walkObject(schema: AnySchema, input: unknown, ctx: Walk, path: YamlPath): Checked {
  if (!isMapping(input)) {
    invalid(ctx, path, schema, input);
    return { value: undefined, ok: false };
  }
  const entries = schema.entries ?? {};
  let known = knownKeys.get(entries);
  if (!known) knownKeys.set(entries, (known = Object.keys(entries)));
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const key in input) {
    if (!Object.hasOwn(input, key) || Object.hasOwn(entries, key)) continue;
    ok = false;
    const code: MessageCode = path.length === 0 && schema === (RecordFileSchema as unknown) ? 'unknown-kind' : 'unknown-field';
    report(ctx, [...path, key], 'key', code, { key, suggestion: closest(key, known), choices: known });
  }
  for (const key of known) {
    const fieldSchema = entries[key] as AnySchema;
    const raw = input[key];
    if ((raw === undefined || raw === null) && fieldSchema.type !== 'optional') {
      ok = false;
      report(ctx, path, 'value', 'missing-field', { key, expected: expectation(fieldSchema) });
      continue;
    }
    const checked = walk(fieldSchema, raw, ctx, path, key);
    if (!checked.ok) ok = false;
    if (checked.value !== undefined) out[key] = checked.value;
  }
  return { value: out, ok };
}

function walkArray(schema: AnySchema, input: unknown, ctx: Walk, path: YamlPath): Checked {
  if (!Array.isArray(input)) {
    invalid(ctx, path, schema, input);
    return { value: undefined, ok: false };
  }
  let ok = true;
  const out = input.map((item, index) => {
    const checked = walk(schema.item as AnySchema, item, ctx, path, index);
    if (!checked.ok) ok = false;
    return checked.value;
  });
  // The list's own rules (e.g. at least one area), once its items are fine.
  if (ok && schema.pipe && !v.safeParse(schema, input).success) {
    invalid(ctx, path, schema, input);
    ok = false;
  }
  return { value: out, ok };
}

/** A control character or an unbalanced bidi control in text: its own finding, naming the character and where it is in the text. */
function textRefused(schema: AnySchema, input: string, ctx: Walk, path: YamlPath): boolean {
  const rule = schema.pipe?.find(
    (item): item is { type: 'check'; requirement: unknown } =>
      (item as { type?: string }).type === 'check' && [isPlainLine, isPlainText].includes((item as { requirement?: never }).requirement!),
  );
  const problem = rule && textProblem(input, rule.requirement === isPlainText);
  if (!problem) return false;
  const field = [...path].reverse().find((step): step is string => typeof step === 'string');
  report(ctx, path, 'value', problem.kind === 'control' ? 'control-character' : 'unbalanced-bidi', {
    field,
    char: problem.char,
    position: problem.position,
    lines: rule.requirement === isPlainText ? 'many' : 'one',
  });
  return true;
}

function invalid(ctx: Walk, path: YamlPath, schema: AnySchema, input: unknown, suggestion?: string): void {
  const field = [...path].reverse().find((step): step is string => typeof step === 'string');
  report(ctx, path, 'value', 'invalid-value', { field, expected: expectation(schema), found: foundValue(input), suggestion });
}

function report(ctx: Walk, path: YamlPath, target: 'key' | 'value', code: MessageCode, params: Params): void {
  ctx.findings.push({ file: ctx.file, path, target, severity: 'error', code, params });
}

/** What a schema expects: its named expectation, the values of a picklist, or its structure. */
export function expectation(schema: AnySchema): Expectation {
  if (schema.type === 'optional') return expectation(schema.wrapped as AnySchema);
  if (schema.type === 'picklist') return { oneOf: schema.options ?? [] };
  const metadata = v.getMetadata(schema) as { expect?: ExpectKey; min?: number; max?: number };
  if (metadata.expect)
    return metadata.min === undefined
      ? { expect: metadata.expect }
      : metadata.max === undefined
        ? { expect: metadata.expect, min: metadata.min }
        : { expect: metadata.expect, min: metadata.min, max: metadata.max };
  if (schema.type === 'array') return { expect: 'list' };
  if (schema.type === 'strict_object') return { expect: 'mapping' };
  return { expect: 'text' };
}

export const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
