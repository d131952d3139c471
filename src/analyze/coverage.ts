import { addDays, daysBetween } from '../model/dates.js';
import type { Area } from '../model/schema.js';
import { addQuarters, type Quarter, quarterEnd, quarterOf, quarterStart } from '../model/quarters.js';

// The days an area's police figures cover (docs/figures.md). Inside them a count
// of 0 is a figure; outside them there is no figure, and nothing is computed from one.

/** The first and the last day the area's police figures cover, both included. */
export interface Coverage {
  from: string;
  to: string;
  /** Which ends the project states in `areas[].coverage` (the others follow from the incidents). */
  stated: { from: boolean; to: boolean };
}

/** How far a quarter is covered: wholly, up to a day inside it (foreløbig), or not (no figures). */
export type QuarterCoverage = { kind: 'full' } | { kind: 'partial'; until: string } | { kind: 'none' };

/** The last day of the month of an ISO date. */
export function monthEnd(iso: string): string {
  const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${iso.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** The same day one year earlier (29 February: the 28th). */
export function yearBefore(iso: string): string {
  const year = String(Number(iso.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${year}-${monthDay}`;
}

/**
 * An area's coverage: as stated in borgermode.yaml, else from the first day of the quarter of its
 * earliest police incident to the last day of the month of its latest. None without either end.
 */
export function resolveCoverage(area: Pick<Area, 'coverage'>, policeDates: Iterable<string>): Coverage | undefined {
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const date of policeDates) {
    if (earliest === undefined || date < earliest) earliest = date;
    if (latest === undefined || date > latest) latest = date;
  }
  const from = area.coverage?.from ?? (earliest === undefined ? undefined : quarterStart(quarterOf(earliest)));
  const to = area.coverage?.to ?? (latest === undefined ? undefined : monthEnd(latest));
  if (from === undefined || to === undefined || from > to) return undefined;
  return { from, to, stated: { from: area.coverage?.from !== undefined, to: area.coverage?.to !== undefined } };
}

/** True when the day is covered. */
export function isCovered(coverage: Coverage | undefined, date: string): boolean {
  return coverage !== undefined && date >= coverage.from && date <= coverage.to;
}

/**
 * How a quarter is covered. A quarter the coverage begins inside has no figures (its first days
 * are missing, so no figure of it would be whole); one it ends inside is partial, up to that day.
 */
export function quarterCoverage(coverage: Coverage | undefined, quarter: Quarter): QuarterCoverage {
  const start = quarterStart(quarter);
  const end = quarterEnd(quarter);
  if (coverage === undefined || coverage.from > start || coverage.to < start) return { kind: 'none' };
  return coverage.to >= end ? { kind: 'full' } : { kind: 'partial', until: coverage.to };
}

/** True when every one of the quarters is covered to its last day. */
export function wholeQuarters(coverage: Coverage | undefined, quarters: readonly Quarter[]): boolean {
  return quarters.every((q) => quarterCoverage(coverage, q).kind === 'full');
}

/** The latest quarter covered to its last day: `latest` (docs/figures.md). */
export function latestWholeQuarter(coverage: Coverage | undefined): Quarter | undefined {
  if (coverage === undefined) return undefined;
  const last = quarterOf(coverage.to);
  const latest = coverage.to === quarterEnd(last) ? last : addQuarters(last, -1);
  return quarterCoverage(coverage, latest).kind === 'full' ? latest : undefined;
}

/**
 * The days a partial quarter is compared with: the same days one year earlier. Both spans as ISO
 * dates, and their lengths in days (for the test of a change).
 */
export function sameDaysYearBefore(quarter: Quarter, until: string): { from: string; to: string; days: number; currentDays: number } {
  const prior = addQuarters(quarter, -4);
  const to = yearBefore(until);
  return {
    from: quarterStart(prior),
    to,
    days: daysBetween(quarterStart(prior), to) + 1,
    currentDays: daysBetween(quarterStart(quarter), until) + 1,
  };
}

/** The length of a quarter in days. */
export function quarterDays(quarter: Quarter): number {
  return daysBetween(quarterStart(quarter), quarterEnd(quarter)) + 1;
}
