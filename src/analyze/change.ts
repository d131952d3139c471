// The change between two counts, by the rules of docs/figures.md.
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';

export type Trend = 'up' | 'down' | 'stable';

export interface Change {
  current: number;
  prior: number;
  /** current − prior */
  absolute: number;
  /** Whole percent, halves away from zero, never −0; null when prior is 0. */
  percent: number | null;
  /** The two-sided p-value of the exact test of two Poisson counts (poissonChangeP). */
  p: number;
  /** p < 0.05: a change larger than chance alone would give more than one time in twenty. */
  significant: boolean;
  /** The direction of a significant change of the rate; 'stable' when the change is not significant. */
  trend: Trend;
}

/** The level below which a change counts as real (docs/figures.md). */
export const SIGNIFICANCE_LEVEL = 0.05;

/** The lengths of the two periods compared (in days, or any unit both share); equal when not given. */
export interface PeriodLengths {
  current: number;
  prior: number;
}

/** Rounds to a whole number, halves away from zero, and never returns −0. */
export function roundHalfAwayFromZero(value: number): number {
  // Math.round is exact (unlike floor(x + 0.5), which turns 0.49999999999999994 into 1) and rounds halves up.
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

// R's binom.test counts an outcome as "as extreme" when its probability is at most the observed
// one's times 1 + 1e-7, so that outcomes of equal probability are not split by rounding.
const RELATIVE_ERROR = 1 + 1e-7;

/**
 * The exact two-sided test of two Poisson counts (the conditional binomial test): given
 * n = current + prior events, under "no change in the rate" the current count is binomial with
 * n and the current period's share of the total length. The p-value sums the probabilities of
 * every split at most as likely as the observed one (as R's binom.test and poisson.test do).
 */
export function poissonChangeP(current: number, prior: number, lengths: PeriodLengths = { current: 1, prior: 1 }): number {
  const n = current + prior;
  if (n === 0) return 1;
  const share = lengths.current / (lengths.current + lengths.prior);
  const key = `${current} ${prior} ${share}`;
  let p = tested.get(key);
  if (p === undefined) {
    if (tested.size >= MEMO_LIMIT) tested.clear();
    tested.set(key, (p = testedP(current, n, share)));
  }
  return p;
}

// A site tests the same counts again and again (a brief's year-ago change is the next year's
// compare page's, a sum of four quarters reaches eight briefs): `build` at 200,000 records made
// 8,900 tests of 4,900 pairs, 1.56 million binomial terms of 185,000 different ones, ~0.8 s.
// Both are remembered (the same numbers, so the same p), up to bounds (then forgotten and begun again).
const MEMO_LIMIT = 1 << 16;
const TERMS_LIMIT = 1 << 20;
const tested = new Map<string, number>();
const terms = new Map<string, Map<number, number>>();
let termCount = 0;

/** The binomial probabilities of n and share, each computed once. */
function binomialTerms(n: number, share: number): (k: number) => number {
  const key = `${n} ${share}`;
  let known = terms.get(key);
  if (!known) {
    if (termCount >= TERMS_LIMIT) {
      terms.clear();
      termCount = 0;
    }
    terms.set(key, (known = new Map<number, number>()));
  }
  const table = known;
  return (k) => {
    let term = table.get(k);
    if (term === undefined) {
      table.set(k, (term = binomialPmf(k, n, share)));
      termCount++;
    }
    return term;
  };
}

function testedP(current: number, n: number, share: number): number {
  const pmf = binomialTerms(n, share);
  const observed = pmf(current) * RELATIVE_ERROR;
  // The binomial is unimodal, so the splits at most as likely as the observed one are two tails:
  // each one's inner end is found by bisection on its side of the mode, and it is summed outward
  // until a term can no longer change the sum (a brief tests a few dozen changes of sums in the
  // hundreds; summing all n + 1 terms cost a start-up 6 ms).
  const mode = Math.min(n, Math.max(0, Math.floor((n + 1) * share)));
  const lower = innerEnd(pmf, observed, mode, 0);
  const upper = innerEnd(pmf, observed, mode, n);
  const p = sumOutward(pmf, lower, -1, 0) + sumOutward(pmf, upper, 1, n);
  return Math.min(1, p);
}

/**
 * The k nearest the mode, between `mode` and `end`, whose probability is at most `observed`
 * (the probabilities fall monotonically from the mode to `end`); undefined when there is none.
 */
function innerEnd(pmf: (k: number) => number, observed: number, mode: number, end: number): number | undefined {
  const step = end >= mode ? 1 : -1;
  if (pmf(end) > observed) return undefined;
  // Invariant: pmf(far) <= observed; near is the mode side, where pmf(near) > observed or near = mode.
  let near = mode;
  let far = end;
  if (pmf(near) <= observed) return near;
  while (Math.abs(far - near) > 1) {
    const middle = near + step * Math.floor(Math.abs(far - near) / 2);
    if (pmf(middle) <= observed) far = middle;
    else near = middle;
  }
  return far;
}

/** The sum of the probabilities from `start` towards `end`, stopping once a term is too small to count. */
function sumOutward(pmf: (k: number) => number, start: number | undefined, step: 1 | -1, end: number): number {
  if (start === undefined) return 0;
  let sum = 0;
  for (let k = start; step > 0 ? k <= end : k >= end; k += step) {
    const term = pmf(k);
    sum += term;
    // The terms keep falling outward: once one is below the sum's last bit, the rest cannot add up to it.
    if (term < sum * Number.EPSILON * 1e-3) break;
  }
  return sum;
}

/** Compares two non-negative counts, over periods of the given lengths (equal by default). */
export function computeChange(current: number, prior: number, lengths?: PeriodLengths): Change {
  if (!(current >= 0 && prior >= 0 && Number.isFinite(current) && Number.isFinite(prior))) {
    throw new RangeError(`Counts must be finite and non-negative: ${current}, ${prior}`);
  }
  const absolute = current - prior;
  // Multiply before dividing: for whole counts the quotient is then the correctly rounded ratio,
  // so exact halves stay exact (29/200·100 would give 14.4999…).
  const percent = prior === 0 ? null : roundHalfAwayFromZero((absolute * 100) / prior);
  const p = poissonChangeP(current, prior, lengths);
  // The direction is the rates': the counts themselves when the periods are equally long.
  const rateChange = lengths ? current * lengths.prior - prior * lengths.current : absolute;
  const significant = rateChange !== 0 && p < SIGNIFICANCE_LEVEL;
  const trend: Trend = !significant ? 'stable' : rateChange > 0 ? 'up' : 'down';
  return { current, prior, absolute, percent, p, significant, trend };
}
