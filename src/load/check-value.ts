import * as v from 'valibot';
import type { Finding, YamlPath } from '../model/finding.js';
import { RecordFileSchema } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';

type AnySchema = v.GenericSchema & {
  type: string;
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  pipe?: unknown[];
};

export interface Checked {
  value: unknown;
  ok: boolean;
}

/**
 * Checks `input` against a schema of model/schema.ts and collects every problem as a finding
 * (unknown fields with "did you mean", missing fields, wrong values with what was expected).
 * Returns the value with defaults applied; `ok` is false when anything below was wrong.
 */
export function checkValue(schema: v.GenericSchema, input: unknown, file: string, path: YamlPath, findings: Finding[]): Checked {
  return walk(schema as AnySchema, input, { file, findings }, path);
}

interface Walk {
  file: string;
  findings: Finding[];
}

function walk(schema: AnySchema, input: unknown, ctx: Walk, path: YamlPath): Checked {
  if (schema.type === 'optional') {
    if (input === undefined || input === null) return { value: v.getDefault(schema), ok: true };
    return walk(schema.wrapped as AnySchema, input, ctx, path);
  }
  if (schema.type === 'strict_object') return walkObject(schema, input, ctx, path);
  if (schema.type === 'array') return walkArray(schema, input, ctx, path);
  const result = v.safeParse(schema, input);
  if (result.success) return { value: result.output, ok: true };
  const choices = schema.type === 'picklist' && typeof input === 'string' ? didYouMean(input, (schema as unknown as { options: string[] }).options) : '';
  report(ctx, path, 'value', 'invalid-value', `${fieldName(path)} expected ${expectation(schema)}, found ${describe(input)}${choices}`);
  return { value: undefined, ok: false };
}

function walkObject(schema: AnySchema, input: unknown, ctx: Walk, path: YamlPath): Checked {
  if (!isMapping(input)) {
    report(ctx, path, 'value', 'invalid-type', `${fieldName(path)} expected a mapping of fields, found ${describe(input)}`);
    return { value: undefined, ok: false };
  }
  const entries = schema.entries ?? {};
  const known = Object.keys(entries);
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(entries, key)) {
      ok = false;
      const what = path.length === 0 && schema === (RecordFileSchema as unknown) ? 'record kind' : 'field';
      report(ctx, [...path, key], 'key', `unknown-${what === 'field' ? 'field' : 'kind'}`, `unknown ${what} "${key}"${didYouMean(key, known)}; expected one of ${known.join(', ')}`);
    }
  }
  for (const key of known) {
    const fieldSchema = entries[key] as AnySchema;
    const raw = input[key];
    if ((raw === undefined || raw === null) && fieldSchema.type !== 'optional') {
      ok = false;
      report(ctx, path, 'value', 'missing-field', `missing field "${key}": expected ${expectation(fieldSchema)}`);
      continue;
    }
    const checked = walk(fieldSchema, raw, ctx, [...path, key]);
    ok &&= checked.ok;
    if (checked.value !== undefined) out[key] = checked.value;
  }
  return { value: out, ok };
}

function walkArray(schema: AnySchema, input: unknown, ctx: Walk, path: YamlPath): Checked {
  if (!Array.isArray(input)) {
    report(ctx, path, 'value', 'invalid-type', `${fieldName(path)} expected ${expectation(schema)}, found ${describe(input)}`);
    return { value: undefined, ok: false };
  }
  let ok = true;
  const out = input.map((item, index) => {
    const checked = walk(schema.item as AnySchema, item, ctx, [...path, index]);
    ok &&= checked.ok;
    return checked.value;
  });
  if (ok && schema.pipe && !v.safeParse(schema, input).success) {
    report(ctx, path, 'value', 'invalid-value', `${fieldName(path)} expected ${expectation(schema)}, found ${describe(input)}`);
    ok = false;
  }
  return { value: out, ok };
}

function report(ctx: Walk, path: YamlPath, target: 'key' | 'value', code: string, message: string): void {
  ctx.findings.push({ file: ctx.file, path, target, severity: 'error', code, message });
}

/** What a schema expects, in words for a person. */
export function expectation(schema: AnySchema): string {
  if (schema.type === 'optional') return expectation(schema.wrapped as AnySchema);
  const description = v.getDescription(schema);
  if (description) return description;
  if (schema.type === 'array') return 'a list';
  if (schema.type === 'strict_object') return 'a mapping of fields';
  return schema.expects ?? schema.type;
}

function fieldName(path: YamlPath): string {
  const last = [...path].reverse().find((step) => typeof step === 'string');
  return last === undefined ? 'the file' : `field "${last}"`;
}

/** A found value, shown short: `"2020-02-30"`, `12`, `a list`, `nothing`. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

export const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
