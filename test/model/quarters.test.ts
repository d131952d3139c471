import { describe, expect, it } from 'vitest';
import type { Quarter } from '../../src/model/quarters.js';
import {
  addQuarters,
  compareQuarters,
  formatQuarter,
  fromQuarterIndex,
  lastQuarters,
  parseQuarter,
  quarterEnd,
  quarterIndex,
  quarterOf,
  quarterRange,
  quarterStart,
} from '../../src/model/quarters.js';

const q = (year: number, quarter: Quarter['quarter']): Quarter => ({ year, quarter });
const names = (quarters: Quarter[]): string[] => quarters.map(formatQuarter);

describe('parseQuarter', () => {
  it.each([
    ['2020-Q1', q(2020, 1)],
    ['2020Q1', q(2020, 1)],
    ['2020-q1', q(2020, 1)],
    ['2020q4', q(2020, 4)],
    ['1999-Q3', q(1999, 3)],
  ])('accepts %s', (text, expected) => {
    expect(parseQuarter(text)).toEqual(expected);
  });

  it.each([
    '2020-Q0',
    '2020-Q5',
    '20-Q1',
    '02020-Q1',
    '2020_Q1',
    '2020 Q1',
    'Q1-2020',
    'Q1 2020',
    '2020-1',
    '2020-Q1 ',
    ' 2020-Q1',
    '2020--Q1',
    '2020-Q12',
    '',
    'latest',
  ])('rejects %j', (text) => {
    expect(parseQuarter(text)).toBeUndefined();
  });
});

describe('formatQuarter', () => {
  it.each([
    [q(2020, 1), '2020-Q1'],
    [q(2019, 4), '2019-Q4'],
  ])('%j → %s', (quarter, expected) => {
    expect(formatQuarter(quarter)).toBe(expected);
  });

  it('round-trips with parseQuarter', () => {
    expect(parseQuarter(formatQuarter(q(2021, 3)))).toEqual(q(2021, 3));
  });
});

describe('quarterOf', () => {
  it.each([
    ['2020-01-01', '2020-Q1'],
    ['2020-02-29', '2020-Q1'],
    ['2020-03-31', '2020-Q1'],
    ['2020-04-01', '2020-Q2'],
    ['2020-06-30', '2020-Q2'],
    ['2020-07-01', '2020-Q3'],
    ['2020-09-30', '2020-Q3'],
    ['2020-10-01', '2020-Q4'],
    ['2019-12-31', '2019-Q4'],
  ])('%s is in %s', (iso, expected) => {
    expect(formatQuarter(quarterOf(iso))).toBe(expected);
  });

  it.each(['2019-02-29', '2020-1-5', 'x'])('rejects %j', (iso) => {
    expect(() => quarterOf(iso)).toThrow(RangeError);
  });
});

describe('quarterStart and quarterEnd', () => {
  it.each([
    [q(2020, 1), '2020-01-01', '2020-03-31'],
    [q(2020, 2), '2020-04-01', '2020-06-30'],
    [q(2020, 3), '2020-07-01', '2020-09-30'],
    [q(2020, 4), '2020-10-01', '2020-12-31'],
  ])('%j runs %s – %s', (quarter, start, end) => {
    expect(quarterStart(quarter)).toBe(start);
    expect(quarterEnd(quarter)).toBe(end);
    expect(quarterOf(start)).toEqual(quarter);
    expect(quarterOf(end)).toEqual(quarter);
  });
});

describe('quarterIndex and fromQuarterIndex', () => {
  it.each([
    [q(2020, 1), 8080],
    [q(2020, 4), 8083],
    [q(2021, 1), 8084],
  ])('%j ↔ %d', (quarter, index) => {
    expect(quarterIndex(quarter)).toBe(index);
    expect(fromQuarterIndex(index)).toEqual(quarter);
  });
});

describe('addQuarters', () => {
  it.each([
    [q(2020, 1), 1, '2020-Q2'],
    [q(2020, 4), 1, '2021-Q1'],
    [q(2020, 3), 3, '2021-Q2'],
    [q(2020, 1), 4, '2021-Q1'],
    [q(2020, 1), -1, '2019-Q4'],
    [q(2020, 1), -4, '2019-Q1'],
    [q(2020, 2), -6, '2018-Q4'],
    [q(2020, 2), 0, '2020-Q2'],
  ])('%j %+d → %s', (quarter, n, expected) => {
    expect(formatQuarter(addQuarters(quarter, n))).toBe(expected);
  });
});

describe('compareQuarters', () => {
  it.each([
    [q(2020, 1), q(2020, 2), -1],
    [q(2020, 4), q(2021, 1), -1],
    [q(2021, 1), q(2020, 4), 1],
    [q(2020, 3), q(2020, 3), 0],
  ])('%j vs %j → %d', (a, b, expected) => {
    expect(Math.sign(compareQuarters(a, b))).toBe(expected);
  });
});

describe('quarterRange', () => {
  it('includes both ends across a year boundary, oldest first', () => {
    expect(names(quarterRange(q(2019, 3), q(2020, 2)))).toEqual(['2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2']);
  });

  it('holds one quarter when from equals to', () => {
    expect(names(quarterRange(q(2020, 2), q(2020, 2)))).toEqual(['2020-Q2']);
  });

  it('is empty when from is after to', () => {
    expect(quarterRange(q(2020, 3), q(2020, 2))).toEqual([]);
  });
});

describe('lastQuarters', () => {
  it.each([
    [q(2020, 2), 4, ['2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2']],
    [q(2020, 2), 1, ['2020-Q2']],
    [q(2020, 2), 0, []],
  ])('%j, %d → %j', (to, n, expected) => {
    expect(names(lastQuarters(to, n))).toEqual(expected);
  });

  it('gives eight quarters for the chart, ending with the chosen one', () => {
    const quarters = lastQuarters(q(2020, 1), 8);
    expect(quarters).toHaveLength(8);
    expect(formatQuarter(quarters[0]!)).toBe('2018-Q2');
    expect(formatQuarter(quarters[7]!)).toBe('2020-Q1');
  });
});
