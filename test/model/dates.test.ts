import { describe, expect, it } from 'vitest';
import { addDays, dateRange, isIsoDate, isoToUtcDate, todayIso } from '../../src/model/dates.js';

describe('isIsoDate', () => {
  it.each([
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['2020-12-31', true],
    ['2020-01-01', true],
    ['2020-04-30', true],
    ['2019-02-29', false],
    ['1900-02-29', false],
    ['2020-02-30', false],
    ['2020-04-31', false],
    ['2020-13-01', false],
    ['2020-00-10', false],
    ['2020-01-00', false],
    ['2020-1-5', false],
    ['20200105', false],
    ['2020-01-05T00:00', false],
    [' 2020-01-05', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2020-02-28', 1, '2020-02-29'],
    ['2020-02-29', 1, '2020-03-01'],
    ['2019-02-28', 1, '2019-03-01'],
    ['2020-03-31', 1, '2020-04-01'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2021-01-01', -1, '2020-12-31'],
    ['2020-03-29', 1, '2020-03-30'], // DST starts in Copenhagen that night
    ['2020-01-15', 0, '2020-01-15'],
    ['2020-01-01', 366, '2021-01-01'],
    ['0050-01-01', 1, '0050-01-02'],
  ])('%s %+d → %s', (iso, days, expected) => {
    expect(addDays(iso, days)).toBe(expected);
  });

  it('rejects a date that does not exist', () => {
    expect(() => addDays('2019-02-29', 1)).toThrow(RangeError);
  });

  it('rejects a fraction of a day', () => {
    expect(() => addDays('2020-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('isoToUtcDate', () => {
  it('gives UTC midnight', () => {
    expect(isoToUtcDate('2020-03-03').toISOString()).toBe('2020-03-03T00:00:00.000Z');
  });
});

describe('todayIso', () => {
  it.each([
    ['2020-03-31T22:30:00Z', '2020-04-01'], // summer time, UTC+2
    ['2020-03-31T21:59:59Z', '2020-03-31'],
    ['2020-01-15T22:59:59Z', '2020-01-15'], // winter time, UTC+1
    ['2020-01-15T23:00:00Z', '2020-01-16'],
    ['2020-12-31T23:00:00Z', '2021-01-01'],
    ['2020-06-15T12:00:00Z', '2020-06-15'],
    ['2020-03-28T23:30:00Z', '2020-03-29'], // last winter night before the switch
    ['2020-03-29T00:59:59Z', '2020-03-29'], // 01:59:59 winter time on the day summer time starts
    ['2020-03-29T01:00:00Z', '2020-03-29'], // 03:00 summer time, the same day
    ['2020-03-29T21:59:59Z', '2020-03-29'], // 23:59:59 on the first summer day
    ['2020-03-29T22:00:00Z', '2020-03-30'], // midnight, UTC+2
    ['2020-03-29T22:30:00Z', '2020-03-30'], // first summer evening
    ['2020-10-24T22:30:00Z', '2020-10-25'], // still summer time
    ['2020-10-25T22:30:00Z', '2020-10-25'], // winter time again
    ['2020-10-25T22:59:59Z', '2020-10-25'],
    ['2020-10-25T23:00:00Z', '2020-10-26'], // midnight, UTC+1
    ['2021-03-27T23:00:00Z', '2021-03-28'], // summer time starts on the last Sunday of March, whatever its date
    ['2021-03-28T22:00:00Z', '2021-03-29'],
    ['2999-07-01T22:00:00Z', '2999-07-02'], // far ahead, still summer time
  ])('%s → %s', (instant, expected) => {
    expect(todayIso(new Date(instant))).toBe(expected);
  });
});

describe('dateRange', () => {
  it('runs from 1 January 1990 to 31 December of the fifth year after today, whatever day of that year', () => {
    expect(dateRange('2026-04-20')).toEqual({ from: '1990-01-01', to: '2031-12-31', firstYear: 1990, lastYear: 2031 });
    expect(dateRange('2026-12-31')).toEqual(dateRange('2026-01-01'));
  });
});
