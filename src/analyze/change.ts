// The change between two counts, by the rules of reports.md §3.

export type Trend = 'up' | 'down' | 'stable';

export interface Change {
  current: number;
  prior: number;
  /** current − prior */
  absolute: number;
  /** Whole percent, halves away from zero, never −0; null when prior is 0. */
  percent: number | null;
  /** |2·(√current − √prior)| ≥ 2, a Poisson rule of thumb. */
  significant: boolean;
  /** 'stable' when absolute is 0 or the change is not significant. */
  trend: Trend;
}

/** Rounds to a whole number, halves away from zero, and never returns −0. */
export function roundHalfAwayFromZero(value: number): number {
  // Math.round is exact (unlike floor(x + 0.5), which turns 0.49999999999999994 into 1) and rounds halves up.
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/** Compares two non-negative counts. */
export function computeChange(current: number, prior: number): Change {
  if (!(current >= 0 && prior >= 0 && Number.isFinite(current) && Number.isFinite(prior))) {
    throw new RangeError(`Counts must be finite and non-negative: ${current}, ${prior}`);
  }
  const absolute = current - prior;
  // Multiply before dividing: for whole counts the quotient is then the correctly rounded ratio,
  // so exact halves stay exact (29/200·100 would give 14.4999…).
  const percent = prior === 0 ? null : roundHalfAwayFromZero((absolute * 100) / prior);
  const significant = Math.abs(2 * (Math.sqrt(current) - Math.sqrt(prior))) >= 2;
  const trend: Trend = absolute === 0 || !significant ? 'stable' : absolute > 0 ? 'up' : 'down';
  return { current, prior, absolute, percent, significant, trend };
}
