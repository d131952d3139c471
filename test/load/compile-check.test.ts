import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { checkValue } from '../../src/load/check-value.js';
import { compileCheck } from '../../src/load/compile-check.js';
import type { Finding } from '../../src/model/finding.js';
import { RECORD_KINDS, RECORD_SCHEMAS, SettingsSchema } from '../../src/model/schema.js';

// The compiled check (src/load/compile-check.ts) against check-value.ts on generated records of
// every kind: whenever it answers, checkValue finds nothing and gives the same value (key order
// and -0 included); whenever checkValue finds nothing, it answers (so the fast path is taken).

/** Values that are right for some field and wrong for others; each field sorts them with its own schema. */
const POOL: unknown[] = [
  undefined, null, '', 'x', 'Blok 1-4', 'inc-2020-01-15-1', 'bad id!', 'vaerebro-park', 'Vaerebro', '2020-02-29', '2019-02-29', '2020-13-01', '2020-1-5',
  '2020-Q1', '2020-Q5', '19:00', '24:00', '7:00', 'violence', 'police', 'resident', 'done', 'planned', 'open', 'answered', 'confirmed', 'active', 'area', 'vulnerable',
  'patrol', 'helhedsplan', 0, 1, 2, -1, 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1899, 1900, 2020, 2999, 3000, 1_000_000, 1_000_001, 2 ** 53, true, false, [], ['helhedsplan'], ['', 'skole'],
  [1], ['q-1', 'q-2'], {}, { outside_work_education_pct: 40.5, conviction_ratio: 2 }, { non_western_pct: -1 }, { x: 1 },
];

type FieldSchema = v.GenericSchema & { type: string };

/** Records of one kind: each field mostly right (or absent when optional), sometimes wrong, now and then an unknown key. */
function records(schema: v.GenericSchema) {
  const entries = (schema as unknown as { entries: Record<string, FieldSchema> }).entries;
  const fields = Object.entries(entries).map(([key, field]) => {
    const right = POOL.filter((value) => value !== undefined && value !== null && v.safeParse(field, value).success);
    const wrong = POOL.filter((value) => !right.includes(value));
    const options = field.type === 'optional' ? [undefined, ...right] : right;
    return fc.tuple(fc.constant(key), fc.oneof({ arbitrary: fc.constantFrom(...options), weight: 9 }, { arbitrary: fc.constantFrom(...wrong), weight: 1 }));
  });
  const unknown = fc.oneof({ arbitrary: fc.constant([]), weight: 12 }, { arbitrary: fc.constant([['cout', 1]]), weight: 1 }, { arbitrary: fc.constant([['__proto__', 'x']]), weight: 1 });
  return fc.tuple(fc.tuple(...fields), unknown).map(([pairs, extra]) => {
    const record: Record<string, unknown> = {};
    for (const [key, value] of [...pairs, ...(extra as unknown as [string, unknown][])]) {
      if (value === undefined) continue;
      Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return record;
  });
}

/** The same values with the same keys in the same order, all the way down (-0 and NaN as Object.is sees them). */
function same(a: unknown, b: unknown): boolean {
  if (!isDeepStrictEqual(a, b)) return false;
  if (typeof a !== 'object' || a === null) return true;
  if (JSON.stringify(Object.keys(a)) !== JSON.stringify(Object.keys(b as object))) return false;
  return Object.keys(a).every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

describe('compileCheck', () => {
  it.each(RECORD_KINDS)('gives checkValue’s value exactly when checkValue finds nothing: %s', (kind) => {
    const fast = compileCheck(RECORD_SCHEMAS[kind]);
    expect(fast).toBeDefined();
    let clean = 0;
    fc.assert(
      fc.property(records(RECORD_SCHEMAS[kind]), (record) => {
        const findings: Finding[] = [];
        const slow = checkValue(RECORD_SCHEMAS[kind], record, 'f.yaml', [kind, 0], findings);
        const answer = fast!(record);
        if (findings.length === 0) clean++;
        return findings.length === 0 ? answer !== undefined && same(answer, slow.value) : answer === undefined;
      }),
      { numRuns: 3000 },
    );
    // Enough records came out clean for the fast path to have been taken many times.
    expect(clean).toBeGreaterThan(200);
  });

  it('gives up on a schema using what it does not know (the settings’ union, an e-mail check)', () => {
    expect(compileCheck(SettingsSchema)).toBeUndefined();
    expect(compileCheck(v.pipe(v.string(), v.email()))).toBeUndefined();
    expect(compileCheck(v.pipe(v.string(), v.minLength(2)))!('ab')).toBe('ab');
  });
});
