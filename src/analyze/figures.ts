import type { Dataset, InArea } from '../model/dataset.js';
import type { Activity, Incident, Question } from '../model/schema.js';
import { fromQuarterIndex, type Quarter, quarterIndex, quarterOf } from '../model/quarters.js';
import { compareDanish } from './collate.js';
import { latestWholeQuarter, resolveCoverage } from './coverage.js';

/** Incident counts: quarter index → category id → sum of `count`. */
export type QuarterCounts = Map<number, Map<string, number>>;

/**
 * Police-registered incident counts of one area by quarter and category. `categoryOf` maps a
 * category to the one it is shown as (public output folds sensitive categories into `other`).
 */
export function countIncidents(
  incidents: readonly InArea<Incident>[],
  area: string,
  categoryOf: (id: string) => string = (id) => id,
): QuarterCounts {
  const counts: QuarterCounts = new Map();
  for (const incident of incidents) {
    if (incident.area !== area || incident.source !== 'police') continue;
    const q = quarterIndex(quarterOf(incident.date));
    const row = counts.get(q) ?? new Map<string, number>();
    const category = categoryOf(incident.category);
    row.set(category, (row.get(category) ?? 0) + incident.count);
    counts.set(q, row);
  }
  return counts;
}

/** The sum of one category (or of several) over some quarters. */
export function sumCounts(counts: QuarterCounts, quarters: readonly Quarter[], categories: readonly string[]): number {
  let total = 0;
  for (const q of quarters) {
    const row = counts.get(quarterIndex(q));
    if (!row) continue;
    for (const category of categories) total += row.get(category) ?? 0;
  }
  return total;
}

export interface KindFigures {
  kind: Activity['kind'];
  count: number;
  /** Null when none of the activities recorded it (a patrol has no participants). */
  participants: number | null;
  hours: number | null;
}

/** Done activities by kind (count, participants, hours), in the order kinds are first met. */
export function countActivitiesByKind(activities: readonly Activity[]): KindFigures[] {
  const byKind = new Map<Activity['kind'], KindFigures>();
  for (const activity of activities) {
    if (activity.status !== 'done') continue;
    const figures = byKind.get(activity.kind) ?? { kind: activity.kind, count: 0, participants: null, hours: null };
    figures.count += 1;
    if (activity.participants !== undefined) figures.participants = (figures.participants ?? 0) + activity.participants;
    if (activity.hours !== undefined) figures.hours = (figures.hours ?? 0) + activity.hours;
    byKind.set(activity.kind, figures);
  }
  return [...byKind.values()];
}

export interface PartnerFigures {
  partner: string;
  /** Done activities the partner took part in. */
  count: number;
  /** Null when none of those activities recorded it. */
  participants: number | null;
  hours: number | null;
}

/** Done activities by partner (activities, participants, hours), most activities first, ties in Danish order. */
export function countPartners(activities: readonly Activity[]): PartnerFigures[] {
  const byPartner = new Map<string, PartnerFigures>();
  for (const activity of activities) {
    if (activity.status !== 'done') continue;
    for (const partner of new Set(activity.partners ?? [])) {
      const figures = byPartner.get(partner) ?? { partner, count: 0, participants: null, hours: null };
      figures.count += 1;
      if (activity.participants !== undefined) figures.participants = (figures.participants ?? 0) + activity.participants;
      if (activity.hours !== undefined) figures.hours = (figures.hours ?? 0) + activity.hours;
      byPartner.set(partner, figures);
    }
  }
  return [...byPartner.values()].sort((a, b) => b.count - a.count || compareDanish(a.partner, b.partner));
}

export type QuestionState = 'not_raised' | Question['status'];

/**
 * A question's status as it stood at the end of `date`: not yet raised, answered or closed once
 * its answer date has passed, and before that open (or referred / in progress as recorded).
 */
export function questionStateAt(question: Question, date: string): QuestionState {
  if (question.date > date) return 'not_raised';
  if (question.answered !== undefined && question.answered <= date) return question.status === 'closed' ? 'closed' : 'answered';
  if (question.status === 'referred' || question.status === 'in_progress') return question.status;
  return 'open';
}

/**
 * `latest` (docs/figures.md): the latest quarter the area's police
 * figures cover to its last day; for an area without them (or with no whole quarter yet), the
 * latest quarter holding an incident or a done activity.
 */
export function latestQuarter(dataset: Dataset, area: string): Quarter | undefined {
  const settings = dataset.areas.find((a) => a.id === area) ?? {};
  const police = dataset.incidents.filter((i) => i.area === area && i.source === 'police').map((i) => i.date);
  return latestWholeQuarter(resolveCoverage(settings, police)) ?? extremeQuarter(dataset, area, Math.max);
}

/**
 * The latest quarter holding an incident or a done activity of the area: where a summary's year
 * ends (the team's work counts to the end; docs/summary.md), whatever the police figures cover.
 */
export function latestRecordQuarter(dataset: Dataset, area: string): Quarter | undefined {
  return extremeQuarter(dataset, area, Math.max);
}

/** The first quarter holding an incident or a done activity of the area: where its figures begin. */
export function earliestQuarter(dataset: Dataset, area: string): Quarter | undefined {
  return extremeQuarter(dataset, area, Math.min);
}

function extremeQuarter(dataset: Dataset, area: string, pick: (a: number, b: number) => number): Quarter | undefined {
  let found: number | undefined;
  const consider = (date: string) => {
    const index = quarterIndex(quarterOf(date));
    found = found === undefined ? index : pick(found, index);
  };
  for (const incident of dataset.incidents) if (incident.area === area) consider(incident.date);
  for (const activity of dataset.activities) if (activity.area === area && activity.status === 'done') consider(activity.date);
  return found === undefined ? undefined : fromQuarterIndex(found);
}

export type { InArea };
