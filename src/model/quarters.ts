import { isIsoDate } from './dates.js';

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const QUARTER_TEXT = /^(\d{4})-?[Qq]([1-4])$/;

const START = ['01-01', '04-01', '07-01', '10-01'] as const;
const END = ['03-31', '06-30', '09-30', '12-31'] as const;

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}

/** Reads `2020-Q1`, `2020Q1` or `2020-q1`; anything else gives undefined. */
export function parseQuarter(text: string): Quarter | undefined {
  const match = QUARTER_TEXT.exec(text);
  if (!match) return undefined;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

/** The canonical spelling, `2020-Q1`. */
export function formatQuarter(q: Quarter): string {
  return `${pad4(q.year)}-Q${q.quarter}`;
}

/** The quarter an ISO date falls in. */
export function quarterOf(iso: string): Quarter {
  if (!isIsoDate(iso)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const month = Number(iso.slice(5, 7));
  return { year: Number(iso.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** The first day of the quarter as an ISO date. */
export function quarterStart(q: Quarter): string {
  return `${pad4(q.year)}-${START[q.quarter - 1]}`;
}

/** The last day of the quarter as an ISO date. */
export function quarterEnd(q: Quarter): string {
  return `${pad4(q.year)}-${END[q.quarter - 1]}`;
}

/** A running number of quarters, so consecutive quarters differ by 1. */
export function quarterIndex(q: Quarter): number {
  return q.year * 4 + q.quarter - 1;
}

/** The inverse of quarterIndex. */
export function fromQuarterIndex(index: number): Quarter {
  const year = Math.floor(index / 4);
  return { year, quarter: (index - year * 4 + 1) as Quarter['quarter'] };
}

/** The quarter `n` quarters after `q` (before it when `n` is negative). */
export function addQuarters(q: Quarter, n: number): Quarter {
  return fromQuarterIndex(quarterIndex(q) + n);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return quarterIndex(a) - quarterIndex(b);
}

/** Every quarter from `from` to `to` inclusive, oldest first; empty when `from` is after `to`. */
export function quarterRange(from: Quarter, to: Quarter): Quarter[] {
  const quarters: Quarter[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++) quarters.push(fromQuarterIndex(i));
  return quarters;
}

/** The `n` quarters ending with `to`, oldest first. */
export function lastQuarters(to: Quarter, n: number): Quarter[] {
  return quarterRange(addQuarters(to, 1 - n), to);
}
