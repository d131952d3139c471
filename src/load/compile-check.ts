import * as v from 'valibot';
import { isMapping } from './check-value.js';

// The hot path of the field checks. check-value.ts walks a schema beside each value and runs
// valibot once per field, which is what a person's mistakes need (every finding, with what was
// expected). A project of a million records is almost all fine, so each record schema is also
// compiled once into a plain function that answers only "is this record entirely fine, and what
// is its checked value?". Anything it is not sure of is "no", and the record goes the full way,
// so the findings and values are check-value.ts's own. test/load/compile-check.test.ts compares
// the two on generated records of every kind.

/** A valibot schema or action, as far as this compiler looks at it. */
interface AnySchema {
  type: string;
  kind: string;
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  options?: readonly unknown[];
  pipe?: readonly AnySchema[];
  requirement?: unknown;
  default?: unknown;
}

/** Returned by a compiled check for anything but a value that passes entirely. */
const FAIL: unique symbol = Symbol('fail');
type Compiled = (input: unknown) => unknown;

/**
 * A function giving the value checkValue(schema, input) would give, when that would find
 * nothing; undefined otherwise. Undefined itself when the schema uses something this compiler
 * does not know (then every value goes the full way).
 */
export function compileCheck(schema: v.GenericSchema): ((input: unknown) => unknown) | undefined {
  const compiled = compile(schema as unknown as AnySchema);
  if (!compiled) return undefined;
  return (input) => {
    const value = compiled(input);
    return value === FAIL ? undefined : value;
  };
}

function compile(schema: AnySchema): Compiled | undefined {
  switch (schema.type) {
    case 'optional':
      return compileOptional(schema);
    case 'strict_object':
      return schema.pipe ? undefined : compileObject(schema);
    case 'array':
      return compileArray(schema);
    case 'string':
    case 'number':
    case 'boolean':
    case 'picklist':
      return compileLeaf(schema);
    default:
      return undefined;
  }
}

function compileOptional(schema: AnySchema): Compiled | undefined {
  const inner = compile(schema.wrapped!);
  if (!inner) return undefined;
  const { default: fallback } = schema;
  // A function default is called for each value, as v.getDefault does.
  if (typeof fallback === 'function') return (input) => (input === undefined || input === null ? v.getDefault(schema as never) : inner(input));
  return (input) => (input === undefined || input === null ? fallback : inner(input));
}

function compileObject(schema: AnySchema): Compiled | undefined {
  const entries = schema.entries ?? {};
  const fields: { key: string; check: Compiled; required: boolean }[] = [];
  for (const [key, field] of Object.entries(entries)) {
    const check = compile(field);
    if (!check) return undefined;
    fields.push({ key, check, required: field.type !== 'optional' });
  }
  return (input) => {
    if (!isMapping(input)) return FAIL;
    for (const key in input) if (Object.hasOwn(input, key) && !Object.hasOwn(entries, key)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const { key, check, required } of fields) {
      const raw = input[key];
      if (required && (raw === undefined || raw === null)) return FAIL;
      const value = check(raw);
      if (value === FAIL) return FAIL;
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
}

function compileArray(schema: AnySchema): Compiled | undefined {
  const item = compile(schema.item!);
  const rules = schema.pipe ? compilePipe(schema.pipe) : () => true;
  if (!item || !rules) return undefined;
  return (input) => {
    if (!Array.isArray(input)) return FAIL;
    let ok = true;
    const out = input.map((value) => {
      const checked = item(value);
      if (checked === FAIL) ok = false;
      return checked;
    });
    return ok && rules(input) ? out : FAIL;
  };
}

/** A string, number, boolean or picklist, with its pipe: the value itself when it passes (these schemas change nothing). */
function compileLeaf(schema: AnySchema): Compiled | undefined {
  const rules = compilePipe(schema.pipe ?? [schema]);
  if (!rules) return undefined;
  return (input) => (rules(input) ? input : FAIL);
}

/** The checks of a pipe (its first item is the schema itself), as valibot runs them. */
function compilePipe(pipe: readonly AnySchema[]): ((input: unknown) => boolean) | undefined {
  const tests: ((input: unknown) => boolean)[] = [];
  for (const item of pipe) {
    if (item.kind === 'metadata') continue;
    const test = compileTest(item);
    if (!test) return undefined;
    tests.push(test);
  }
  return (input) => {
    for (const test of tests) if (!test(input)) return false;
    return true;
  };
}

type Test = (input: unknown) => boolean;

/** One schema type test or validation action; the same conditions as valibot's own (node_modules/valibot). */
function compileTest(item: AnySchema): Test | undefined {
  const requirement = item.requirement as never;
  if (item.kind === 'schema') {
    if (item.type === 'string') return (input) => typeof input === 'string';
    if (item.type === 'boolean') return (input) => typeof input === 'boolean';
    if (item.type === 'number') return (input) => typeof input === 'number' && !Number.isNaN(input);
    if (item.type === 'picklist') return (input) => item.options!.includes(input);
    if (item.type === 'array') return (input) => Array.isArray(input);
    return undefined;
  }
  if (item.kind !== 'validation') return undefined;
  switch (item.type) {
    case 'min_length':
      return (input) => (input as { length: number }).length >= requirement;
    case 'regex':
      return (input) => (requirement as RegExp).test(input as string);
    case 'integer':
    case 'check':
      return (input) => Boolean((requirement as (value: unknown) => unknown)(input));
    case 'min_value':
      return (input) => (input as number) >= requirement;
    case 'max_value':
      return (input) => (input as number) <= requirement;
    default:
      return undefined;
  }
}
