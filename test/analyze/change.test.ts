import { describe, expect, it } from 'vitest';
import { computeChange, roundHalfAwayFromZero } from '../../src/analyze/change.js';

describe('computeChange: absolute and percent', () => {
  it.each([
    // current, prior, absolute, percent
    [10, 7, 3, 43], // 42.857…
    [8, 10, -2, -20],
    [9, 8, 1, 13], // 12.5 exactly: half away from zero
    [7, 8, -1, -13], // −12.5
    [41, 40, 1, 3], // 2.5
    [39, 40, -1, -3], // −2.5
    [229, 200, 29, 15], // 14.5; 29/200·100 in floating point is 14.4999…
    [171, 200, -29, -15],
    [999, 1000, -1, 0], // −0.1 rounds to 0, not −0
    [1001, 1000, 1, 0],
    [5, 5, 0, 0],
    [3, 0, 3, null],
    [0, 0, 0, null],
    [0, 4, -4, -100],
  ])('%d ← %d: %d, %s %%', (current, prior, absolute, percent) => {
    const change = computeChange(current, prior);
    expect(change.current).toBe(current);
    expect(change.prior).toBe(prior);
    expect(change.absolute).toBe(absolute);
    expect(change.percent).toBe(percent);
  });

  it('never gives −0 as the percent', () => {
    expect(Object.is(computeChange(999, 1000).percent, 0)).toBe(true);
  });

  it.each([
    [-1, 0],
    [0, -1],
    [Number.NaN, 1],
    [1, Number.POSITIVE_INFINITY],
  ])('rejects %d ← %d', (current, prior) => {
    expect(() => computeChange(current, prior)).toThrow(RangeError);
  });
});

describe('computeChange: significance and trend', () => {
  it.each([
    // current, prior, significant, trend
    [4, 0, true, 'up'], // 2·(2 − 0) = 4
    [1, 0, true, 'up'], // 2·(1 − 0) = 2: exactly at the boundary
    [0, 1, true, 'down'],
    [9, 4, true, 'up'], // 2·(3 − 2) = 2: exactly at the boundary
    [4, 9, true, 'down'],
    [7, 5, false, 'stable'], // 2·(2.646 − 2.236) ≈ 0.82
    [5, 7, false, 'stable'],
    [8, 4, false, 'stable'], // 2·(2.828 − 2) ≈ 1.66
    [16, 9, true, 'up'],
    [15, 9, false, 'stable'], // just under: 2·(3.873 − 3) ≈ 1.75
    [120, 100, false, 'stable'], // +20 % of a larger count, still 2·(10.954 − 10) ≈ 1.91
    [121, 100, true, 'up'], // 2·(11 − 10) = 2
    [0, 0, false, 'stable'],
    [50, 50, false, 'stable'],
  ])('%d ← %d: significant %s, %s', (current, prior, significant, trend) => {
    const change = computeChange(current, prior);
    expect(change.significant).toBe(significant);
    expect(change.trend).toBe(trend);
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [0.5, 1],
    [-0.5, -1],
    [2.4, 2],
    [-2.4, -2],
    [0.49999999999999994, 0],
    [12.5, 13],
  ])('%d → %d', (value, expected) => {
    expect(roundHalfAwayFromZero(value)).toBe(expected);
  });

  it('normalises −0 to 0', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0), 0)).toBe(true);
  });
});
