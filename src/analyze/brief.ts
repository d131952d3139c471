import { compareWithOfficial, type OfficialComparison } from './official.js';
import type { Dataset, InArea } from '../model/dataset.js';
import type { Category } from '../model/categories.js';
import { type Grouping, isTableRow } from '../model/category-groups.js';
import { areaCategories } from './audience.js';
import { addDays } from '../model/dates.js';
import type { Activity, Area, Incident, ListStatus, Meeting, Priority, Question, Survey } from '../model/schema.js';
import { type Change, computeChange } from './change.js';
import { type AreaIndex, indexArea, indexedDataThrough, type SameDays } from './area-index.js';
import { type Coverage, type QuarterCoverage, quarterCoverage, quarterDays } from './coverage.js';
import {
  countActivitiesByKind,
  questionStateAt,
  type QuestionState,
  countPartners,
  type KindFigures,
  type PartnerFigures,
  type QuarterCounts,
  sumCounts,
} from './figures.js';
import {
  addQuarters,
  compareQuarters,
  lastQuarters,
  parseQuarter,
  type Quarter,
  quarterEnd,
  quarterIndex,
  quarterOf,
  quarterStart,
} from '../model/quarters.js';
import { computeListCheck, hasListFigures, type ListCriteriaCheck, listPublished } from './list-criteria.js';
import { type Group, listedBound, type Mark, NO_SUPPRESSION, primaryMark, type SuppressionPlan } from './suppress.js';
import { compareCodePoints, compareDanish } from './collate.js';

export interface BriefOptions {
  area: string;
  quarter: Quarter;
  /** Which incident figures to suppress (public output); none by default. */
  plan?: SuppressionPlan;
  /** The area's index (area-index.ts), when the caller keeps one for many briefs of the area. */
  index?: AreaIndex;
  /** Today (ISO date): an activity still planned for a day before it is not coming up. None: no such check. */
  today?: string;
}

/** The marks of a row's figures: shown, or suppressed (see analyze/suppress.ts). */
export interface RowMarks {
  current: Mark;
  yearAgo: Mark;
  previous: Mark;
  last4: Mark;
  prev4: Mark;
}

/**
 * One row of the crime picture: a category (or a total) with its comparisons. A figure of a
 * quarter the police figures do not cover wholly is null: no data is not the same as zero (the
 * brief's own quarter may be partial: then it counts the covered days, and the year-ago figure
 * is of the same days a year before). A change is null when either side is missing or
 * suppressed: nothing is computed from a hidden figure.
 */
export interface CrimeRow {
  id: string;
  category?: Category;
  current: number | null;
  yearAgo: number | null;
  change: Change | null;
  previous: number | null;
  last4: number | null;
  prev4: number | null;
  last4Change: Change | null;
  marks: RowMarks;
}

/** A group total in one quarter of the chart: null where the police figures do not cover the quarter (no data, not zero). */
export interface TrendPoint {
  quarter: Quarter;
  value: number | null;
  mark: Mark;
  /** True for a quarter covered only up to a day inside it (foreløbig). */
  partial?: boolean;
}

/** A group total over the last eight quarters up to the brief's, oldest first (the chart of the crime section). */
export interface TrendSeries {
  id: 'crime_total' | 'concerns_total';
  points: TrendPoint[];
}

export interface FollowUp {
  question: InArea<Question>;
  /** Its status on the day of the meeting: an answer given later is not shown yet. */
  state: QuestionState;
  /** Done activities that name the question in `answers`. */
  activities: InArea<Activity>[];
}

/** The latest survey figures, list status and list check as of a quarter (computeSafety). */
export interface Safety {
  surveys: InArea<Survey>[];
  listStatus?: InArea<ListStatus>;
  /** The list-criteria check of `listStatus`'s figures (the tool's own computation), when it gives any. */
  listCheck?: ListCriteriaCheck;
}

/** Everything the brief shows, as numbers and records; render/brief-view.ts turns it into text. */
export interface Brief extends Safety {
  area: Area;
  title?: string;
  quarter: Quarter;
  yearAgo: Quarter;
  previous: Quarter;
  last4: Quarter[];
  prev4: Quarter[];
  /** The meeting where the brief is presented (the first after the quarter), when recorded. */
  meeting?: InArea<Meeting>;
  nextMeeting?: InArea<Meeting>;
  dataThrough?: string;
  /** The days the area's police figures cover, when there are any (coverage.ts). */
  coverage?: Coverage;
  /** How they cover the brief's quarter: wholly, up to a day (foreløbig), or not (no incident figures). */
  incidentCoverage: QuarterCoverage;
  /** A partial quarter's comparison: the same days a year before, when that year is covered. */
  sameDays?: SameDays;
  followUps: FollowUp[];
  activities: InArea<Activity>[];
  activityKinds: KindFigures[];
  partners: PartnerFigures[];
  crimeRows: CrimeRow[];
  concernRows: CrimeRow[];
  crimeTotal: CrimeRow;
  concernsTotal: CrimeRow;
  /** Crime and concerns totals per quarter over the last eight quarters, with the same marks as the table's totals. */
  trend: TrendSeries[];
  observations: number;
  observationsMark: Mark;
  /** The categories of the area's figures (public: sensitive ones folded away, and grouped at the area's level). */
  categories: Category[];
  /** How public output groups the categories (model/category-groups.ts); `categories` internally. */
  grouping: Grouping;
  incidentSummaries: InArea<Incident>[];
  /** Categories whose definition changed inside the compared window. */
  breaks: { category: Category; date: string; note: string }[];
  priorities: InArea<Priority>[];
  /** Planned activities after the meeting where the brief is presented (else after the quarter), not before today. */
  comingUp: InArea<Activity>[];
  minCount: number;
  /** The area beside its municipality and the country in Danmarks Statistik's series, when the project has them (analyze/official.ts). */
  official?: OfficialComparison;
}

/** The tryghed section as of a quarter (the brief's, and a summary's at its end): the latest survey figures, list status and list check. */
export function computeSafety(index: AreaIndex, quarter: Quarter): Safety {
  const lists = index.list_status;
  const listStatus = latestListStatus(lists, quarter);
  return {
    surveys: latestSurveys(index.surveys, quarter),
    ...optional('listStatus', listStatus),
    ...optional(
      'listCheck',
      listStatus && hasListFigures(listStatus)
        ? computeListCheck(
            listStatus,
            lists.filter((l) => l.year < listStatus.year),
          )
        : undefined,
    ),
  };
}

/** Computes the brief of one area and one quarter (docs/view-model.md, the brief). Pure. */
export function computeBrief(dataset: Dataset, options: BriefOptions): Brief {
  const { quarter } = options;
  const area = dataset.areas.find((a) => a.id === options.area)!;
  const index = options.index ?? indexArea(dataset, area.id);
  const quarterNumber = quarterIndex(quarter);
  const end = quarterEnd(quarter);
  // Copies, sorted: the index's lists are shared by every brief of the area.
  const sortedByDate = <T extends { date: string }>(records: readonly T[] | undefined) => [...(records ?? [])].sort(byDate);

  const meetings = index.meetings;
  const meeting = meetings.find((m) => m.date > end);
  const nextMeeting = meeting ? meetings.find((m) => m.date > meeting.date) : undefined;

  const yearAgo = addQuarters(quarter, -4);
  const previous = addQuarters(quarter, -1);
  const last4 = lastQuarters(quarter, 4);
  const prev4 = lastQuarters(addQuarters(quarter, -4), 4);

  const categories = areaCategories(dataset, area.id);
  const counts = index.counts;
  const plan = options.plan ?? NO_SUPPRESSION;
  const coverageOf = (q: Quarter) => quarterCoverage(index.coverage, q);
  const incidentCoverage = coverageOf(quarter);
  const sameDays =
    incidentCoverage.kind === 'partial' && index.sameDays && index.sameDays.until === incidentCoverage.until ? index.sameDays : undefined;
  const row = (id: string, ids: string[], category?: Category): CrimeRow =>
    crimeRow(counts, plan, {
      id,
      ids,
      quarter,
      yearAgo,
      previous,
      last4,
      prev4,
      coverage: coverageOf,
      ...(sameDays ? { sameDays } : {}),
      ...(category ? { category } : {}),
    });
  const observations = index.observations.get(quarterNumber) ?? 0;
  const window = lastQuarters(quarter, 8);
  // No category rows for a quarter without figures: nothing to show in them.
  // nor for a category that stands for its whole group (model/category-groups.ts): its row is the total.
  const shown = (c: Category) => incidentCoverage.kind !== 'none' && isTableRow(c) && sumCounts(counts, window, [c.id]) > 0;
  const crimeCategories = categories.filter((c) => c.crime);
  const concernCategories = categories.filter((c) => !c.crime);

  const activities = sortedByDate(index.done.get(quarterNumber));
  const windowStart = quarterStart(window[0]!);
  const crimeRows = crimeCategories.filter(shown).map((c) => row(c.id, [c.id], c));
  const crimeTotal = row(
    'crime_total',
    crimeCategories.map((c) => c.id),
  );
  const official = compareWithOfficial(
    dataset.official,
    area,
    { categories: crimeCategories.filter(isTableRow), rows: crimeRows, total: crimeTotal },
    quarter,
    last4,
  );

  return {
    area,
    ...(dataset.settings.title ? { title: dataset.settings.title } : {}),
    quarter,
    yearAgo,
    previous,
    last4,
    prev4,
    ...(meeting ? { meeting } : {}),
    ...(nextMeeting ? { nextMeeting } : {}),
    ...optional('dataThrough', indexedDataThrough(index, quarter)),
    ...optional('coverage', index.coverage),
    incidentCoverage,
    ...optional('sameDays', sameDays),
    followUps: followUps(index, quarter),
    activities,
    activityKinds: countActivitiesByKind(activities),
    partners: countPartners(activities),
    crimeRows,
    concernRows: concernCategories.filter(shown).map((c) => row(c.id, [c.id], c)),
    crimeTotal,
    concernsTotal: row(
      'concerns_total',
      concernCategories.map((c) => c.id),
    ),
    trend: [
      trendSeries(
        counts,
        plan,
        'crime_total',
        'crime',
        crimeCategories.map((c) => c.id),
        window,
        coverageOf,
      ),
      trendSeries(
        counts,
        plan,
        'concerns_total',
        'concerns',
        concernCategories.map((c) => c.id),
        window,
        coverageOf,
      ),
    ],
    observations,
    categories,
    grouping: dataset.grouping?.get(area.id) ?? 'categories',
    observationsMark: primaryMark(observations, plan.minCount),
    incidentSummaries: listedIncidents(sortedByDate(index.summaries.get(quarterNumber)), plan, primaryMark(observations, plan.minCount)),
    breaks: categories.flatMap((category) =>
      category.breaks.filter((b) => b.date > windowStart && b.date <= end).map((b) => ({ category, ...b })),
    ),
    ...computeSafety(index, quarter),
    priorities: index.priorities.filter((p) => isActiveIn(p, quarter)),
    comingUp: sortedByDate(
      index.planned.filter((a) => a.date > (meeting?.date ?? end) && (options.today === undefined || a.date >= options.today)),
    ),
    minCount: dataset.settings.privacy.min_count,
    ...optional('official', official),
  };
}

interface RowWindow {
  id: string;
  ids: string[];
  category?: Category;
  quarter: Quarter;
  yearAgo: Quarter;
  previous: Quarter;
  last4: Quarter[];
  prev4: Quarter[];
  /** How the police figures cover a quarter; only wholly covered quarters have figures, and the brief's own one when partial. */
  coverage: (quarter: Quarter) => QuarterCoverage;
  /** Present when the brief's quarter is partial and the same days a year before are covered. */
  sameDays?: SameDays;
}

function crimeRow(counts: QuarterCounts, plan: SuppressionPlan, o: RowWindow): CrimeRow {
  const full = (quarters: Quarter[]) => quarters.every((q) => o.coverage(q).kind === 'full');
  const sum = (quarters: Quarter[]) => (full(quarters) ? sumCounts(counts, quarters, o.ids) : null);
  const own = o.coverage(o.quarter).kind;
  const partial = own === 'partial';
  // A category row's figure has its cell's mark; a total row's, its group total's.
  const markOf = (quarter: Quarter): Mark => {
    const index = quarterIndex(quarter);
    if (o.id === 'crime_total') return plan.total('crime', index);
    if (o.id === 'concerns_total') return plan.total('concerns', index);
    return plan.cell(o.id, index);
  };
  // A four-quarter sum is shown only when every quarter in it is: then it tells nothing new.
  const markOfSum = (quarters: Quarter[]): Mark => (quarters.every((q) => markOf(q) === 'shown') ? 'shown' : 'secondary');
  const sameDaysMark = (): Mark =>
    o.id === 'crime_total'
      ? plan.sameDays.total('crime')
      : o.id === 'concerns_total'
        ? plan.sameDays.total('concerns')
        : plan.sameDays.cell(o.id);
  const current = own === 'none' ? null : sumCounts(counts, [o.quarter], o.ids);
  // A partial quarter is compared like for like, with the same days a year before; its four-quarter sum would not be whole.
  const yearAgo = !partial
    ? sum([o.yearAgo])
    : o.sameDays
      ? o.ids.reduce((total, id) => total + (o.sameDays!.counts.get(id) ?? 0), 0)
      : null;
  const last4 = partial ? null : sum(o.last4);
  const prev4 = partial ? null : sum(o.prev4);
  const days = (quarters: Quarter[]) => quarters.reduce((total, q) => total + quarterDays(q), 0);
  const marks: RowMarks = {
    current: markOf(o.quarter),
    yearAgo: partial ? sameDaysMark() : markOf(o.yearAgo),
    previous: markOf(o.previous),
    last4: markOfSum(o.last4),
    prev4: markOfSum(o.prev4),
  };
  // The test of a change weighs both sides by their lengths in days (a leap year's quarter, a partial one).
  const changeOf = (a: number | null, markA: Mark, b: number | null, markB: Mark, lengths: { current: number; prior: number }) =>
    a === null || b === null || markA !== 'shown' || markB !== 'shown' ? null : computeChange(a, b, lengths);
  const yearAgoDays = partial && o.sameDays ? o.sameDays.days : { current: quarterDays(o.quarter), prior: quarterDays(o.yearAgo) };
  return {
    id: o.id,
    ...(o.category ? { category: o.category } : {}),
    current,
    yearAgo,
    change: changeOf(current, marks.current, yearAgo, marks.yearAgo, yearAgoDays),
    previous: sum([o.previous]),
    last4,
    prev4,
    last4Change: changeOf(last4, marks.last4, prev4, marks.prev4, { current: days(o.last4), prior: days(o.prev4) }),
    marks,
  };
}

/**
 * A group total per quarter of `window`, marked as the table's total row marks it (the same plan,
 * so the chart shows nothing the tables of other quarters do not). A quarter the police figures
 * do not cover has no value; the brief's own quarter (the last) may be partial, and says so.
 */
function trendSeries(
  counts: QuarterCounts,
  plan: SuppressionPlan,
  id: TrendSeries['id'],
  group: Group,
  ids: string[],
  window: Quarter[],
  coverage: (quarter: Quarter) => QuarterCoverage,
): TrendSeries {
  const last = window.at(-1)!;
  return {
    id,
    points: window.map((quarter) => {
      const kind = coverage(quarter).kind;
      const known = kind === 'full' || (kind === 'partial' && quarter === last);
      return {
        quarter,
        value: known ? sumCounts(counts, [quarter], ids) : null,
        mark: plan.total(group, quarterIndex(quarter)),
        ...(kind === 'partial' && known ? { partial: true } : {}),
      };
    }),
  };
}

/**
 * The follow-ups (docs/view-model.md, the brief): M is the first meeting after the quarter (else the day after it ends), P the
 * latest meeting before M (else the quarter's first day). Shown: questions raised before M that
 * were not answered by M, or were answered after P and by M.
 */
function followUps(index: AreaIndex, quarter: Quarter): FollowUp[] {
  const end = quarterEnd(quarter);
  const meetings = index.meetings;
  const m = meetings.find((meeting) => meeting.date > end)?.date ?? addDays(end, 1);
  const p = [...meetings].reverse().find((meeting) => meeting.date < m)?.date ?? quarterStart(quarter);
  return index.questions
    .filter((q) => q.date < m)
    .filter((q) => q.answered === undefined || q.answered > p)
    .sort(byDate)
    .map((question) => ({
      question,
      state: questionStateAt(question, m),
      activities: (index.answeredBy.get(question.id) ?? []).filter((a) => a.date <= m).sort(byDate),
    }));
}

/** The latest figure of each measure and level, from surveys of years up to the quarter's. */
function latestSurveys(surveys: readonly InArea<Survey>[], quarter: Quarter): InArea<Survey>[] {
  const latest = new Map<string, InArea<Survey>>();
  for (const survey of surveys) {
    if (survey.year > quarter.year) continue;
    const key = `${survey.measure}\u0000${survey.level}`;
    const seen = latest.get(key);
    if (!seen || survey.year > seen.year) latest.set(key, survey);
  }
  return [...latest.values()].sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || compareDanish(a.measure, b.measure),
  );
}

const LEVEL_ORDER: Survey['level'][] = ['area', 'sub_areas', 'municipality', 'district', 'national'];

/** The list in force at the quarter's end: the latest published by then (lists come out each 1 December). */
function latestListStatus(lists: readonly InArea<ListStatus>[], quarter: Quarter): InArea<ListStatus> | undefined {
  const end = quarterEnd(quarter);
  return lists.filter((l) => listPublished(l.year) <= end).sort((a, b) => b.year - a.year)[0];
}

function isActiveIn(priority: Priority, quarter: Quarter): boolean {
  if (priority.status !== 'active') return false;
  const from = parseQuarter(priority.from);
  const to = priority.to === undefined ? undefined : parseQuarter(priority.to);
  return from !== undefined && compareQuarters(from, quarter) <= 0 && (to === undefined || compareQuarters(to, quarter) >= 0);
}

const byDate = (a: { date: string }, b: { date: string }) => compareCodePoints(a.date, b.date);

/**
 * The incidents listed one by one: all of them, except that a suppressed cell of either kind
 * ("<5" or "x"), or a suppressed count of observations, lists at most min_count − 2 of its
 * incidents, so the list tells no more than the plan assumes a reader knows (analyze/suppress.ts).
 */
function listedIncidents(incidents: readonly InArea<Incident>[], plan: SuppressionPlan, observationsMark: Mark): InArea<Incident>[] {
  const perCell = new Map<string, number>();
  return incidents.filter((incident) => {
    const quarter = quarterIndex(quarterOf(incident.date));
    const observation = incident.source !== 'police';
    // An "x" cell listing every incident would give its count a lower bound the plan does not know of.
    if ((observation ? observationsMark : plan.cell(incident.category, quarter)) === 'shown') return true;
    const key = observation ? 'observations' : `${incident.category}@${quarter}`;
    const count = (perCell.get(key) ?? 0) + 1;
    perCell.set(key, count);
    return count <= listedBound(Number.POSITIVE_INFINITY, plan.minCount);
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
