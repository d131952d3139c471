import type { Dataset, InArea } from '../model/dataset.js';
import type { AreaIndex } from './area-index.js';
import { daysBetween } from '../model/dates.js';
import { type Activity, FOCUS_AREAS, type Priority, type Question } from '../model/schema.js';
import { compareIncidents, type CompareTable } from './compare.js';
import { countActivitiesByKind, countPartners, type KindFigures, type PartnerFigures, questionStateAt } from './figures.js';
import { addQuarters, compareQuarters, parseQuarter, type Quarter, quarterEnd, quarterRange, quarterStart } from '../model/quarters.js';
import { NO_SUPPRESSION, type SuppressionPlan } from './suppress.js';
import { compareCodePoints, compareDanish } from './collate.js';

// The summary for the leader of the boligsocial helhedsplan (docs/summary.md): what the team
// did in a period, for whom and with which partners, how residents' questions and rumours were
// handled, and the crime trend over the period. Incident figures follow the area's suppression
// plan (the one every other page uses); the team's own work is never suppressed.

/** A run of whole quarters, and the run it is compared with. */
export interface Period {
  from: Quarter;
  to: Quarter;
  quarters: Quarter[];
  /** The same quarters whole years earlier (so seasons match), as long as the period. */
  previous: Quarter[];
  /** How many quarters `previous` lies before the period. */
  shift: number;
}

/**
 * The period from `from` to `to` and the one it is compared with: the same quarters one year
 * earlier for up to four quarters, two years for up to eight, and so on, so that seasons match
 * and the two never overlap.
 */
export function periodOf(from: Quarter, to: Quarter): Period {
  const quarters = quarterRange(from, to);
  const shift = 4 * Math.ceil(quarters.length / 4);
  return { from, to, quarters, previous: quarters.map((q) => addQuarters(q, -shift)), shift };
}

/**
 * The summary period of calendar year `year` with data up to `latest`: cut short at `latest` when
 * the year is not over in the data; none when the year begins after it.
 * `summary --year` and `build` both take it from here.
 */
export function yearPeriod(year: number, latest: Quarter): { period: Period; partial: boolean } | undefined {
  const first: Quarter = { year, quarter: 1 };
  if (compareQuarters(latest, first) < 0) return undefined;
  const last: Quarter = { year, quarter: 4 };
  const partial = compareQuarters(latest, last) < 0;
  return { period: periodOf(first, partial ? latest : last), partial };
}

export interface AnswerTimes {
  /** Questions answered (or closed) in the period: their `answered` date falls in it. */
  answered: number;
  /** Days from question to answer: the median (halves kept), and how many fell in each band. */
  medianDays: number | null;
  within30: number;
  within90: number;
  longer: number;
}

export interface RumourFigures {
  /** Rumours whose answer fell in the period, by verdict (`none`: no verdict recorded); every verdict, zeros too. */
  verdicts: { verdict: 'dispelled' | 'confirmed' | 'unresolved' | 'none'; count: number }[];
  /** Those rumours, oldest answer first. */
  checked: InArea<Question>[];
  /** Rumours raised before the period's end and not answered by it. */
  open: number;
}

/** The work for one of Landsbyggefonden's focus areas (`none`: done activities that name none). */
export interface FocusFigures {
  focus: (typeof FOCUS_AREAS)[number] | 'none';
  count: number;
  participants: number | null;
  hours: number | null;
  /** The partners of those activities, in Danish order. */
  partners: string[];
  /** The titles of the area's priorities for that focus area that were set in some part of the period. */
  priorities: string[];
}

export interface AreaSummary {
  area: string;
  activities: InArea<Activity>[];
  kinds: KindFigures[];
  partners: PartnerFigures[];
  /** By focus area, in Landsbyggefonden's order; undefined when no activity or priority of the period names one. */
  focus?: FocusFigures[];
  questions: { raised: number; answered: number; openAtEnd: number; times: AnswerTimes };
  rumours: RumourFigures;
  /** Incidents by category over the period's quarters; `last4`/`prev4` are the period and the previous one. */
  crime: CompareTable;
}

const OPEN_STATES = new Set(['open', 'in_progress', 'referred']);
const VERDICT_ORDER = ['dispelled', 'confirmed', 'unresolved', 'none'] as const;

/** The summary of one area for a period; `index`: the area's index when the caller keeps one. */
export function computeAreaSummary(
  dataset: Dataset,
  area: string,
  period: Period,
  plan: SuppressionPlan = NO_SUPPRESSION,
  index?: AreaIndex,
): AreaSummary {
  const start = quarterStart(period.from);
  const end = quarterEnd(period.to);
  const within = (date: string | undefined) => date !== undefined && date >= start && date <= end;

  const activities = dataset.activities
    .filter((a) => a.area === area && a.status === 'done' && within(a.date))
    .sort((a, b) => compareCodePoints(a.date, b.date) || compareCodePoints(a.id, b.id));
  const questions = dataset.questions.filter((q) => q.area === area);
  const answeredIn = questions.filter((q) => within(q.answered));
  const openAt = (q: Question) => OPEN_STATES.has(questionStateAt(q, end));
  const rumoursChecked = answeredIn
    .filter((q) => q.rumour)
    .sort((a, b) => compareCodePoints(a.answered!, b.answered!) || compareCodePoints(a.id, b.id));

  return {
    area,
    activities,
    kinds: countActivitiesByKind(activities),
    partners: countPartners(activities),
    ...focusOf(
      activities,
      dataset.priorities.filter((p) => p.area === area && inPeriod(p, period)),
    ),
    questions: {
      raised: questions.filter((q) => within(q.date)).length,
      answered: answeredIn.length,
      openAtEnd: questions.filter(openAt).length,
      times: answerTimes(answeredIn.map((q) => daysBetween(q.date, q.answered!))),
    },
    rumours: {
      verdicts: VERDICT_ORDER.map((verdict) => ({
        verdict,
        count: rumoursChecked.filter((q) => (q.verdict ?? 'none') === verdict).length,
      })),
      checked: rumoursChecked,
      open: questions.filter((q) => q.rumour && openAt(q)).length,
    },
    crime: compareIncidents(dataset, {
      area,
      to: period.to,
      count: period.quarters.length,
      plan,
      window: { length: period.quarters.length, shift: period.shift },
      ...(index ? { index } : {}),
    }),
  };
}

/** A priority set in some part of the period: from at or before its end, to (when given) at or after its start. */
const inPeriod = (priority: Priority, period: Period): boolean =>
  compareQuarters(parseQuarter(priority.from)!, period.to) <= 0 &&
  (priority.to === undefined || compareQuarters(parseQuarter(priority.to)!, period.from) >= 0);

/** The work by focus area (docs/summary.md, "By focus area"), when something of the period names one. */
function focusOf(activities: readonly Activity[], priorities: readonly Priority[]): { focus?: FocusFigures[] } {
  if (!activities.some((a) => a.focus_area) && !priorities.some((p) => p.focus_area)) return {};
  const figures = [...FOCUS_AREAS, 'none' as const].map((focus): FocusFigures => {
    const mine = activities.filter((a) => (a.focus_area ?? 'none') === focus);
    const sum = (field: 'participants' | 'hours') =>
      mine.some((a) => a[field] !== undefined) ? mine.reduce((total, a) => total + (a[field] ?? 0), 0) : null;
    return {
      focus,
      count: mine.length,
      participants: sum('participants'),
      hours: sum('hours'),
      partners: [...new Set(mine.flatMap((a) => a.partners ?? []))].sort(compareDanish),
      priorities: focus === 'none' ? [] : priorities.filter((p) => p.focus_area === focus).map((p) => p.title),
    };
  });
  return { focus: figures.filter((f) => f.count > 0 || f.priorities.length > 0) };
}

/** How long answers took: the median in days and the count within 30 days, 31–90 days and longer. */
export function answerTimes(days: readonly number[]): AnswerTimes {
  const sorted = [...days].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    answered: sorted.length,
    medianDays: median,
    within30: sorted.filter((d) => d <= 30).length,
    within90: sorted.filter((d) => d > 30 && d <= 90).length,
    longer: sorted.filter((d) => d > 90).length,
  };
}
