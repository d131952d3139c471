import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { checkValue } from '../../src/load/check-value.js';
import type { Finding } from '../../src/model/finding.js';
import { messageText } from '../../src/model/messages.js';
import {
  ActivitySchema,
  IncidentSchema,
  ListStatusSchema,
  MeetingSchema,
  NUMBER_RANGES,
  SettingsSchema,
  SurveySchema,
} from '../../src/model/schema.js';

// The numbers a person writes are finite and within documented ranges (docs/data-format.md#numbers),
// refused alike by the full check and by its compiled fast path.

const base = {
  incident: { id: 'i-1', date: '2020-01-10', category: 'violence' },
  activity: { id: 'a-1', date: '2020-01-10', kind: 'patrol', title: 'Patrulje' },
  meeting: { id: 'm-1', date: '2020-01-10' },
  survey: { id: 's-1', year: 2020, level: 'area', measure: 'safe_share', value: 80, source: 'Egen undersøgelse' },
  list: { id: 'l-1', year: 2020 },
};

/** The English message of each finding of a record with `field: value`. */
function findings(schema: v.GenericSchema, record: Record<string, unknown>): string[] {
  const found: Finding[] = [];
  checkValue(schema, record, 'x.yaml', [], found);
  return found.map((f) => messageText(f.code, f.params, 'en'));
}

describe('numbers', () => {
  it.each([
    ['count', IncidentSchema, base.incident, 'a whole number from 1 to 1,000,000'],
    ['participants', ActivitySchema, base.activity, 'a whole number from 0 to 1,000,000'],
    ['hours', ActivitySchema, base.activity, 'a number from 0 to 100,000'],
    ['attendees', MeetingSchema, base.meeting, 'a whole number from 0 to 1,000,000'],
    ['value', SurveySchema, base.survey, 'a number from -1,000,000 to 1,000,000'],
    ['n', SurveySchema, base.survey, 'a whole number from 0 to 10,000,000'],
    ['residents', ListStatusSchema, base.list, 'a whole number from 0 to 10,000,000'],
  ] as const)('%s: .inf, -.inf, .nan, past its range and past 2^53 are refused; its ends are fine', (field, schema, record, expected) => {
    for (const value of [
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      2 ** 53,
      // eslint-disable-next-line no-loss-of-precision -- 2^53 + 1 as a record may write it, which JavaScript reads as 2^53
      9007199254740993,
      10_000_001,
      -1_000_001,
    ]) {
      expect(findings(schema, { ...record, [field]: value })).toEqual([`field "${field}": expected ${expected}, found ${String(value)}`]);
    }
    const [min, max] = /from (-?[\d,]+) to ([\d,]+)/
      .exec(expected)!
      .slice(1)
      .map((n) => Number(n.replaceAll(',', '')));
    expect(findings(schema, { ...record, [field]: min })).toEqual([]);
    expect(findings(schema, { ...record, [field]: max })).toEqual([]);
  });

  it('list criteria and min_count have ranges too', () => {
    expect(findings(ListStatusSchema, { ...base.list, criteria: { conviction_ratio: Number.POSITIVE_INFINITY } })).toEqual([
      'field "conviction_ratio": expected a number from 0 to 1,000, found Infinity',
    ]);
    const settings = (privacy: unknown) => ({ areas: [{ id: 'a', name: 'A', residents: 2600 }], privacy });
    const found: Finding[] = [];
    checkValue(SettingsSchema, settings({ min_count: 1001 }), 'borgermode.yaml', [], found);
    expect(found.map((f) => messageText(f.code, f.params, 'en'))).toEqual([
      'field "min_count": expected a whole number from 3 to 1,000, found 1001',
    ]);
  });

  it('are the ranges docs/data-format.md lists', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../docs/data-format.md'), 'utf8');
    for (const [name, [min, max]] of Object.entries(NUMBER_RANGES)) {
      const written = (n: number) => n.toLocaleString('en');
      expect(docs, name).toMatch(new RegExp(`\\| \`${name}\` \\| [^|]+ \\| ${written(min).replace('-', '−')} \\| ${written(max)} \\|`));
    }
  });
});
