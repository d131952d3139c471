import { describe, expect, it } from 'vitest';
import { computeChange } from '../../src/analyze/change.js';
import type { Lang } from '../../src/render/format.js';
import {
  formatChange,
  formatDate,
  formatDayMonth,
  formatNumber,
  formatPercent,
  formatQuarterName,
  formatQuarterShort,
  formatQuarterSpan,
  formatTrend,
  roundNumber,
} from '../../src/render/format.js';

const MINUS = '\u2212';

describe('formatNumber', () => {
  it.each<[number, Lang, string]>([
    [1234, 'da', '1.234'],
    [1234, 'en', '1,234'],
    [2.5, 'da', '2,5'],
    [2.5, 'en', '2.5'],
    [1234567.25, 'da', '1.234.567,3'],
    [1234567.25, 'en', '1,234,567.3'],
    [0, 'da', '0'],
    [12, 'da', '12'],
    [-3, 'da', `${MINUS}3`],
    [-1234.5, 'da', `${MINUS}1.234,5`],
    [-1234.5, 'en', `${MINUS}1,234.5`],
    [-0.04, 'da', '0'], // rounds to zero: no minus
    [-0, 'en', '0'],
    [1000, 'da', '1.000'], // four digits are grouped too
    [1000000, 'en', '1,000,000'],
  ])('%d in %s → %s', (n, lang, expected) => {
    expect(formatNumber(n, lang)).toBe(expected);
  });

  it('honours maxFractionDigits, rounding half away from zero on the number as written', () => {
    expect(formatNumber(2.345, 'da', 2)).toBe('2,35');
    expect(formatNumber(1.005, 'en', 2)).toBe('1.01');
    expect(formatNumber(2.5, 'en', 0)).toBe('3');
    expect(formatNumber(-2.5, 'da', 0)).toBe(`${MINUS}3`);
    expect(formatNumber(0.25, 'da')).toBe('0,3');
    expect(formatNumber(1234.56, 'da', 0)).toBe('1.235');
  });
});

describe('roundNumber', () => {
  it.each<[number, number, number]>([
    [12.345, 1, 12.3],
    [2.345, 2, 2.35],
    [0.1 + 0.2, 1, 0.3],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.04, 1, 0],
    [1234, 1, 1234],
  ])('%d to %d decimals → %d', (n, digits, expected) => {
    expect(roundNumber(n, digits)).toBe(expected);
    expect(Object.is(roundNumber(n, digits), -0)).toBe(false);
  });

  it('is the number formatNumber shows: String() of it reads as the text, with a point and an ASCII minus', () => {
    const mismatches: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const value = Math.round(Math.sin(i) * 10 ** (i % 7) * 1000) / 1000;
      for (const digits of [0, 1, 2]) {
        const shown = formatNumber(value, 'en', digits).replace(/,/g, '').replace(MINUS, '-');
        if (String(roundNumber(value, digits)) !== shown) mismatches.push(`${value} ${digits}: ${roundNumber(value, digits)} ≠ ${shown}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});

describe('formatDate', () => {
  it.each<[string, Lang, string]>([
    ['2020-03-03', 'da', '3. marts 2020'],
    ['2020-03-03', 'en', '3 March 2020'],
    ['2020-01-01', 'da', '1. januar 2020'],
    ['2019-12-31', 'en', '31 December 2019'],
    ['2020-02-29', 'da', '29. februar 2020'],
    ['2020-03-29', 'da', '29. marts 2020'], // the day summer time starts: a date has no time zone
    ['2020-10-25', 'en', '25 October 2020'],
  ])('%s in %s → %s', (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });

  it('rejects a date that does not exist', () => {
    expect(() => formatDate('2019-02-29', 'da')).toThrow(RangeError);
  });

  it('leaves out the year for a day of a year named elsewhere', () => {
    expect(formatDayMonth('2020-03-03', 'da')).toBe('3. marts');
    expect(formatDayMonth('2020-03-03', 'en')).toBe('3 March');
  });
});

describe('formatQuarterName', () => {
  it.each<[Lang, string]>([
    ['da', '1. kvartal 2020'],
    ['en', 'Q1 2020'],
  ])('%s → %s', (lang, expected) => {
    expect(formatQuarterName({ year: 2020, quarter: 1 }, lang)).toBe(expected);
  });

  it('names the fourth quarter', () => {
    expect(formatQuarterName({ year: 2019, quarter: 4 }, 'da')).toBe('4. kvartal 2019');
  });
});

describe('formatQuarterShort', () => {
  it.each<[Lang, string]>([
    ['da', '3. kv. 2019'],
    ['en', 'Q3 2019'],
  ])('%s → %s', (lang, expected) => {
    expect(formatQuarterShort({ year: 2019, quarter: 3 }, lang)).toBe(expected);
  });
});

describe('formatQuarterSpan', () => {
  it.each<[1 | 2 | 3 | 4, Lang, string]>([
    [1, 'da', '1. januar – 31. marts 2020'],
    [1, 'en', '1 January – 31 March 2020'],
    [2, 'da', '1. april – 30. juni 2020'],
    [3, 'en', '1 July – 30 September 2020'],
    [4, 'da', '1. oktober – 31. december 2020'],
  ])('Q%d in %s → %s', (quarter, lang, expected) => {
    expect(formatQuarterSpan({ year: 2020, quarter }, lang)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each<[number, Lang, string]>([
    [43, 'da', '43 %'],
    [43, 'en', '43 %'],
    [-20, 'da', `${MINUS}20 %`],
    [0, 'en', '0 %'],
    [-0, 'da', '0 %'],
    [2.5, 'da', '3 %'],
    [-2.5, 'en', `${MINUS}3 %`],
    [1200, 'da', '1.200 %'],
  ])('%d in %s → %s', (value, lang, expected) => {
    expect(formatPercent(value, lang)).toBe(expected);
  });
});

describe('formatChange', () => {
  it.each<[number, number, Lang, string]>([
    [10, 7, 'da', '+3 (+43 %)'],
    [10, 7, 'en', '+3 (+43 %)'],
    [8, 10, 'da', `${MINUS}2 (${MINUS}20 %)`],
    [3, 0, 'da', '+3 (ny)'],
    [3, 0, 'en', '+3 (new)'],
    [0, 0, 'da', '±0'],
    [0, 0, 'en', '±0'],
    [5, 5, 'da', '±0 (0 %)'],
    [999, 1000, 'da', `${MINUS}1 (0 %)`], // −0.1 % is shown as 0 %, never −0 %
    [1001, 1000, 'en', '+1 (0 %)'],
    [41, 40, 'da', '+1 (+3 %)'],
    [39, 40, 'da', `${MINUS}1 (${MINUS}3 %)`],
    [2468, 1234, 'da', '+1.234 (+100 %)'],
    [2468, 1234, 'en', '+1,234 (+100 %)'],
    [0, 4, 'en', `${MINUS}4 (${MINUS}100 %)`],
  ])('%d ← %d in %s → %s', (current, prior, lang, expected) => {
    expect(formatChange(computeChange(current, prior), lang)).toBe(expected);
  });
});

describe('formatTrend', () => {
  it.each<[number, number, Lang, string, string]>([
    [20, 6, 'da', '▲', 'flere'],
    [20, 6, 'en', '▲', 'more'],
    [6, 20, 'da', '▼', 'færre'],
    [6, 20, 'en', '▼', 'fewer'],
    [9, 4, 'da', '●', 'inden for normal variation'], // p ≈ 0.27
    [0, 1, 'en', '●', 'within normal variation'], // one event is never a real change
    [5, 5, 'da', '●', 'uændret'],
    [0, 0, 'en', '●', 'unchanged'],
    [7, 5, 'da', '●', 'inden for normal variation'],
    [5, 7, 'en', '●', 'within normal variation'],
  ])('%d ← %d in %s → %s %s', (current, prior, lang, marker, words) => {
    expect(formatTrend(computeChange(current, prior), lang)).toEqual({ marker, words });
  });
});
