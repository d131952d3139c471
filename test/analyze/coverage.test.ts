import { describe, expect, it } from 'vitest';
import {
  type Coverage,
  isCovered,
  latestWholeQuarter,
  monthEnd,
  quarterCoverage,
  quarterDays,
  resolveCoverage,
  sameDaysYearBefore,
  wholeQuarters,
  yearBefore,
} from '../../src/analyze/coverage.js';
import { formatQuarter, parseQuarter, type Quarter } from '../../src/model/quarters.js';

// The days an area's police figures cover (coverage.ts): stated in `areas[].coverage`, else from
// the first day of the quarter of the earliest police incident to the last day of the month of
// the latest. Only quarters covered to their last day have figures; one the coverage ends inside
// is partial; one it begins inside has none.

const q = (text: string): Quarter => parseQuarter(text)!;
const cov = (from: string, to: string): Coverage => ({ from, to, stated: { from: true, to: true } });

describe('resolveCoverage', () => {
  it('by default runs from the first day of the earliest incident’s quarter to the last day of the latest incident’s month', () => {
    expect(resolveCoverage({}, ['2019-05-20', '2018-08-14', '2020-02-03'])).toEqual({
      from: '2018-07-01',
      to: '2020-02-29',
      stated: { from: false, to: false },
    });
  });

  it('for a single incident: its quarter’s first day to its month’s last', () => {
    expect(resolveCoverage({}, ['2019-12-31'])).toEqual({ from: '2019-10-01', to: '2019-12-31', stated: { from: false, to: false } });
  });

  it.each<[string, { from?: string; to?: string }, Coverage]>([
    ['a stated start wins', { from: '2018-02-01' }, { from: '2018-02-01', to: '2020-02-29', stated: { from: true, to: false } }],
    ['a stated end wins', { to: '2019-12-31' }, { from: '2018-07-01', to: '2019-12-31', stated: { from: false, to: true } }],
    [
      'an end stated before the latest incident wins too',
      { to: '2019-06-30' },
      { from: '2018-07-01', to: '2019-06-30', stated: { from: false, to: true } },
    ],
    ['both stated', { from: '2017-01-01', to: '2021-03-31' }, { from: '2017-01-01', to: '2021-03-31', stated: { from: true, to: true } }],
  ])('%s', (_, coverage, expected) => {
    expect(resolveCoverage({ coverage }, ['2019-05-20', '2018-08-14', '2020-02-03'])).toEqual(expected);
  });

  it('needs both ends: none without incidents unless both are stated', () => {
    expect(resolveCoverage({}, [])).toBeUndefined();
    expect(resolveCoverage({ coverage: { from: '2019-01-01' } }, [])).toBeUndefined();
    expect(resolveCoverage({ coverage: { to: '2019-12-31' } }, [])).toBeUndefined();
    expect(resolveCoverage({ coverage: { from: '2019-01-01', to: '2019-12-31' } }, [])).toEqual(cov('2019-01-01', '2019-12-31'));
  });

  it('is none when the start lies after the end', () => {
    expect(resolveCoverage({ coverage: { from: '2020-01-02', to: '2020-01-01' } }, [])).toBeUndefined();
    expect(resolveCoverage({ coverage: { from: '2021-01-01' } }, ['2020-05-05'])).toBeUndefined();
    // One day is a coverage.
    expect(resolveCoverage({ coverage: { from: '2020-01-01', to: '2020-01-01' } }, [])).toEqual(cov('2020-01-01', '2020-01-01'));
  });
});

describe('isCovered', () => {
  const coverage = cov('2019-04-01', '2020-02-15');
  it.each([
    ['2019-03-31', false],
    ['2019-04-01', true],
    ['2019-12-31', true],
    ['2020-02-15', true],
    ['2020-02-16', false],
  ])('%s: %s', (date, covered) => {
    expect(isCovered(coverage, date)).toBe(covered);
  });

  it('covers nothing without a coverage', () => {
    expect(isCovered(undefined, '2020-01-01')).toBe(false);
  });
});

describe('quarterCoverage', () => {
  const coverage = cov('2019-04-01', '2020-02-15');
  it.each([
    ['2019-Q1', { kind: 'none' }], // before it
    ['2019-Q2', { kind: 'full' }], // begins on its first day
    ['2019-Q4', { kind: 'full' }],
    ['2020-Q1', { kind: 'partial', until: '2020-02-15' }], // ends inside it
    ['2020-Q2', { kind: 'none' }], // after it
  ])('%s', (quarter, expected) => {
    expect(quarterCoverage(coverage, q(quarter))).toEqual(expected);
  });

  it('a quarter the coverage begins inside has no figures, even when it ends inside it too', () => {
    expect(quarterCoverage(cov('2019-04-02', '2020-12-31'), q('2019-Q2'))).toEqual({ kind: 'none' });
    expect(quarterCoverage(cov('2019-05-01', '2019-05-31'), q('2019-Q2'))).toEqual({ kind: 'none' });
    expect(quarterCoverage(cov('2019-04-02', '2020-12-31'), q('2019-Q3'))).toEqual({ kind: 'full' });
  });

  it('a coverage ending on the first day of a quarter covers one day of it; on its last day, all of it', () => {
    expect(quarterCoverage(cov('2019-01-01', '2020-01-01'), q('2020-Q1'))).toEqual({ kind: 'partial', until: '2020-01-01' });
    expect(quarterCoverage(cov('2019-01-01', '2020-03-31'), q('2020-Q1'))).toEqual({ kind: 'full' });
  });

  it('is none without a coverage', () => {
    expect(quarterCoverage(undefined, q('2020-Q1'))).toEqual({ kind: 'none' });
  });

  it('wholeQuarters: true only when every quarter is covered to its last day', () => {
    expect(wholeQuarters(coverage, [q('2019-Q2'), q('2019-Q3'), q('2019-Q4')])).toBe(true);
    expect(wholeQuarters(coverage, [q('2019-Q4'), q('2020-Q1')])).toBe(false);
    expect(wholeQuarters(coverage, [q('2019-Q1'), q('2019-Q2')])).toBe(false);
  });
});

describe('latestWholeQuarter', () => {
  const name = (quarter: Quarter | undefined) => (quarter ? formatQuarter(quarter) : undefined);
  it.each([
    ['2026-11-30', '2026-Q3'], // ends inside 2026-Q4: the quarter before
    ['2026-12-31', '2026-Q4'], // ends on its last day
    ['2026-10-01', '2026-Q3'],
    ['2026-09-30', '2026-Q3'],
  ])('coverage to %s: %s', (to, expected) => {
    expect(name(latestWholeQuarter(cov('2025-01-01', to)))).toBe(expected);
  });

  it('is none when no quarter is covered wholly', () => {
    expect(latestWholeQuarter(undefined)).toBeUndefined();
    expect(latestWholeQuarter(cov('2026-01-01', '2026-03-30'))).toBeUndefined();
    // Begins inside 2026-Q3 and ends on its last day: 2026-Q3 has no figures.
    expect(latestWholeQuarter(cov('2026-08-01', '2026-09-30'))).toBeUndefined();
  });
});

describe('sameDaysYearBefore', () => {
  it('compares the covered days of a partial quarter with the same days a year before', () => {
    expect(sameDaysYearBefore(q('2019-Q3'), '2019-08-31')).toEqual({ from: '2018-07-01', to: '2018-08-31', days: 62, currentDays: 62 });
    expect(sameDaysYearBefore(q('2020-Q2'), '2020-04-01')).toEqual({ from: '2019-04-01', to: '2019-04-01', days: 1, currentDays: 1 });
  });

  it('counts the days of each span: a leap year’s February is a day longer', () => {
    expect(sameDaysYearBefore(q('2020-Q1'), '2020-03-10')).toEqual({ from: '2019-01-01', to: '2019-03-10', days: 69, currentDays: 70 });
  });

  it('a partial quarter ending on 29 February is compared with the days up to 28 February', () => {
    expect(sameDaysYearBefore(q('2020-Q1'), '2020-02-29')).toEqual({ from: '2019-01-01', to: '2019-02-28', days: 59, currentDays: 60 });
    expect(sameDaysYearBefore(q('2021-Q1'), '2021-02-28')).toEqual({ from: '2020-01-01', to: '2020-02-28', days: 59, currentDays: 59 });
  });

  it('yearBefore: the same day a year earlier, 29 February the 28th', () => {
    expect(yearBefore('2020-02-29')).toBe('2019-02-28');
    expect(yearBefore('2020-03-01')).toBe('2019-03-01');
    expect(yearBefore('2021-01-01')).toBe('2020-01-01');
  });
});

describe('monthEnd', () => {
  it.each([
    ['2020-02-03', '2020-02-29'], // leap year
    ['2019-02-28', '2019-02-28'],
    ['2100-02-01', '2100-02-28'], // not a leap year
    ['2000-02-01', '2000-02-29'], // a leap year
    ['2019-12-01', '2019-12-31'], // December: into the next year
    ['2019-12-31', '2019-12-31'],
    ['2019-04-15', '2019-04-30'],
    ['2019-01-31', '2019-01-31'],
  ])('%s: %s', (date, expected) => {
    expect(monthEnd(date)).toBe(expected);
  });
});

describe('quarterDays', () => {
  it.each([
    ['2019-Q1', 90],
    ['2020-Q1', 91], // leap year
    ['2020-Q2', 91],
    ['2020-Q3', 92],
    ['2020-Q4', 92],
  ])('%s: %d days', (quarter, days) => {
    expect(quarterDays(q(quarter))).toBe(days);
  });
});
