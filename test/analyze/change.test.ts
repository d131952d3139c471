import { describe, expect, it } from 'vitest';
import { computeChange, poissonChangeP, roundHalfAwayFromZero } from '../../src/analyze/change.js';
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';

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

describe('computeChange: the exact test of two Poisson counts', () => {
  it.each([
    // current, prior, significant, trend
    [1, 0, false, 'stable'], // one event is never a real change: p = 1
    [0, 1, false, 'stable'],
    [5, 0, false, 'stable'], // p = 2/32 = 0.0625
    [0, 5, false, 'stable'],
    [6, 0, true, 'up'], // p = 2/64 = 0.031
    [0, 6, true, 'down'],
    [16, 8, false, 'stable'], // p ≈ 0.152: about one time in seven by chance
    [8, 16, false, 'stable'],
    [33, 53, true, 'down'], // p ≈ 0.040
    [53, 33, true, 'up'],
    [32, 52, true, 'down'], // p ≈ 0.038
    [40, 60, false, 'stable'], // p ≈ 0.057: just not
    [9, 4, false, 'stable'], // was ▲ under the square-root rule
    [121, 100, false, 'stable'], // was ▲ under the square-root rule: p ≈ 0.18
    [0, 0, false, 'stable'],
    [50, 50, false, 'stable'],
  ])('%d ← %d: significant %s, %s', (current, prior, significant, trend) => {
    const change = computeChange(current, prior);
    expect(change.significant).toBe(significant);
    expect(change.trend).toBe(trend);
  });

  it.each([
    // current, prior, p as R's binom.test(current, current + prior) gives it
    [1, 0, 1],
    [5, 0, 0.0625],
    [6, 0, 0.03125],
    [16, 8, 0.1515896],
    [33, 53, 0.0398539],
    [121, 100, 0.1783816],
  ])('%d ← %d: p = %d', (current, prior, p) => {
    expect(poissonChangeP(current, prior)).toBeCloseTo(p, 5);
  });

  it('weighs the counts by the lengths of the two periods', () => {
    // Four quarters against four quarters: equal lengths, as two quarters.
    expect(poissonChangeP(40, 60, { current: 4, prior: 4 })).toBeCloseTo(poissonChangeP(40, 60), 12);
    // 10 in one quarter against 10 in four: a rate four times as high, real.
    expect(computeChange(10, 10, { current: 1, prior: 4 }).trend).toBe('up');
    expect(computeChange(10, 10).trend).toBe('stable');
    // 6 in 91 days against 0 in 90: still real (p ≈ 0.031).
    expect(poissonChangeP(6, 0, { current: 91, prior: 90 })).toBeCloseTo(0.0312643, 6);
    // 12 against 8 in one and two periods: rates 12 and 4, real (p ≈ 0.016); 6 against 8: not (p ≈ 0.57).
    expect(poissonChangeP(12, 8, { current: 1, prior: 2 })).toBeCloseTo(0.0162813, 6);
    expect(computeChange(6, 8, { current: 1, prior: 2 }).significant).toBe(false);
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

describe('poissonChangeP sums only the tails, and misses nothing', () => {
  // The definition itself: every split of n at most as likely as the observed one, all n + 1 terms.
  const naive = (current: number, prior: number, lengths = { current: 1, prior: 1 }) => {
    const n = current + prior;
    if (n === 0) return 1;
    const share = lengths.current / (lengths.current + lengths.prior);
    const observed = binomialPmf(current, n, share) * (1 + 1e-7);
    let p = 0;
    for (let k = 0; k <= n; k++) if (binomialPmf(k, n, share) <= observed) p += binomialPmf(k, n, share);
    return Math.min(1, p);
  };

  it('equals the full sum over a grid of counts and lengths (relative 1e-12)', () => {
    const lengthsList = [
      undefined,
      { current: 91, prior: 90 },
      { current: 45, prior: 92 },
      { current: 365, prior: 366 },
      { current: 1, prior: 3 },
    ];
    for (const lengths of lengthsList) {
      for (let current = 0; current <= 60; current += 1) {
        for (const prior of [0, 1, 2, 5, 8, 13, 16, 33, 53, 60]) {
          const expected = naive(current, prior, lengths);
          const got = poissonChangeP(current, prior, lengths);
          expect(Math.abs(got - expected), `${current} vs ${prior} ${JSON.stringify(lengths)}`).toBeLessThanOrEqual(
            1e-12 * Math.max(expected, 1e-300),
          );
        }
      }
    }
  });

  it('equals the full sum for sums of four quarters in the hundreds', () => {
    for (const [current, prior] of [
      [147, 215],
      [215, 147],
      [300, 301],
      [120, 400],
      [0, 500],
      [500, 0],
    ]) {
      expect(poissonChangeP(current!, prior!)).toBeCloseTo(naive(current!, prior!), 12);
    }
  });
});
