import type { Dataset, InArea } from '../load/dataset.js';
import type { Category } from '../model/categories.js';
import { addDays } from '../model/dates.js';
import type { Activity, Area, Incident, ListStatus, Meeting, Priority, Question, Survey } from '../model/schema.js';
import { type Change, computeChange } from './change.js';
import { countActivitiesByKind, earliestQuarter, questionStateAt, type QuestionState, countIncidents, countObservations, countPartners, dataThrough, type KindFigures, type QuarterCounts, sumCounts } from './figures.js';
import { addQuarters, compareQuarters, lastQuarters, parseQuarter, type Quarter, quarterEnd, quarterStart } from './quarters.js';

export interface BriefOptions {
  area: string;
  quarter: Quarter;
  /** Fold sensitive categories into `other` (always, in public output). */
  foldSensitive: boolean;
}

/**
 * One row of the crime picture: a category (or a total) with its comparisons. A figure for
 * quarters before the area's records begin is null: no data is not the same as zero.
 */
export interface CrimeRow {
  id: string;
  category?: Category;
  current: number;
  yearAgo: number | null;
  change: Change | null;
  previous: number | null;
  last4: number | null;
  prev4: number | null;
  last4Change: Change | null;
}

export interface FollowUp {
  question: InArea<Question>;
  /** Its status on the day of the meeting: an answer given later is not shown yet. */
  state: QuestionState;
  /** Done activities that name the question in `answers`. */
  activities: InArea<Activity>[];
}

/** Everything the brief shows, as numbers and records; render/brief-view.ts turns it into text. */
export interface Brief {
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
  followUps: FollowUp[];
  activities: InArea<Activity>[];
  activityKinds: KindFigures[];
  partners: { partner: string; count: number }[];
  crimeRows: CrimeRow[];
  concernRows: CrimeRow[];
  crimeTotal: CrimeRow;
  concernsTotal: CrimeRow;
  observations: number;
  incidentSummaries: InArea<Incident>[];
  /** Categories whose definition changed inside the compared window. */
  breaks: { category: Category; date: string; note: string }[];
  surveys: InArea<Survey>[];
  listStatus?: InArea<ListStatus>;
  priorities: InArea<Priority>[];
  comingUp: InArea<Activity>[];
  minCount: number;
}

/** Computes the brief of one area and one quarter (reports.md §1). Pure. */
export function computeBrief(dataset: Dataset, options: BriefOptions): Brief {
  const { quarter } = options;
  const area = dataset.areas.find((a) => a.id === options.area)!;
  const inArea = <T extends { area: string }>(records: readonly T[]) => records.filter((r) => r.area === area.id);
  const start = quarterStart(quarter);
  const end = quarterEnd(quarter);
  const inQuarter = (date: string) => date >= start && date <= end;

  const meetings = inArea(dataset.meetings).sort((a, b) => a.date.localeCompare(b.date));
  const meeting = meetings.find((m) => m.date > end);
  const nextMeeting = meeting ? meetings.find((m) => m.date > meeting.date) : undefined;

  const yearAgo = addQuarters(quarter, -4);
  const previous = addQuarters(quarter, -1);
  const last4 = lastQuarters(quarter, 4);
  const prev4 = lastQuarters(addQuarters(quarter, -4), 4);

  const categories = dataset.categories.filter((c) => !(options.foldSensitive && c.sensitive));
  const categoryOf = (id: string) => (options.foldSensitive && dataset.categories.find((c) => c.id === id)?.sensitive ? 'other' : id);
  const counts = countIncidents(dataset.incidents, area.id, categoryOf);
  const firstQuarter = earliestQuarter(dataset, area.id) ?? quarter;
  const row = (id: string, ids: string[], category?: Category): CrimeRow =>
    crimeRow(counts, { id, ids, quarter, yearAgo, previous, last4, prev4, firstQuarter, ...(category ? { category } : {}) });
  const window = lastQuarters(quarter, 8);
  const shown = (c: Category) => sumCounts(counts, window, [c.id]) > 0;
  const crimeCategories = categories.filter((c) => c.crime);
  const concernCategories = categories.filter((c) => !c.crime);

  const activities = inArea(dataset.activities).filter((a) => a.status === 'done' && inQuarter(a.date)).sort(byDate);
  const windowStart = quarterStart(window[0]!);

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
    ...optional('dataThrough', dataThrough(dataset, area.id, quarter)),
    followUps: followUps(dataset, area.id, quarter, meetings),
    activities,
    activityKinds: countActivitiesByKind(activities),
    partners: countPartners(activities),
    crimeRows: crimeCategories.filter(shown).map((c) => row(c.id, [c.id], c)),
    concernRows: concernCategories.filter(shown).map((c) => row(c.id, [c.id], c)),
    crimeTotal: row('crime_total', crimeCategories.map((c) => c.id)),
    concernsTotal: row('concerns_total', concernCategories.map((c) => c.id)),
    observations: countObservations(dataset.incidents, area.id, quarter),
    incidentSummaries: inArea(dataset.incidents).filter((i) => i.summary !== undefined && inQuarter(i.date) && categoryOf(i.category) === i.category).sort(byDate),
    breaks: categories.flatMap((category) => category.breaks.filter((b) => b.date > windowStart && b.date <= end).map((b) => ({ category, ...b }))),
    surveys: latestSurveys(inArea(dataset.surveys), quarter),
    ...optional('listStatus', latestListStatus(inArea(dataset.list_status), quarter)),
    priorities: inArea(dataset.priorities).filter((p) => isActiveIn(p, quarter)),
    comingUp: inArea(dataset.activities).filter((a) => a.status === 'planned' && a.date > end).sort(byDate),
    minCount: dataset.settings.privacy.min_count,
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
  /** The first quarter of the area's records; earlier quarters have no figures. */
  firstQuarter: Quarter;
}

function crimeRow(counts: QuarterCounts, o: RowWindow): CrimeRow {
  const covered = (quarters: Quarter[]) => compareQuarters(quarters[0]!, o.firstQuarter) >= 0;
  const sum = (quarters: Quarter[]) => (covered(quarters) ? sumCounts(counts, quarters, o.ids) : null);
  const current = sumCounts(counts, [o.quarter], o.ids);
  const yearAgo = sum([o.yearAgo]);
  const last4 = sum(o.last4);
  const prev4 = sum(o.prev4);
  return {
    id: o.id,
    ...(o.category ? { category: o.category } : {}),
    current,
    yearAgo,
    change: yearAgo === null ? null : computeChange(current, yearAgo),
    previous: sum([o.previous]),
    last4,
    prev4,
    last4Change: last4 === null || prev4 === null ? null : computeChange(last4, prev4),
  };
}

/**
 * reports.md §1.2: M is the first meeting after the quarter (else the day after it ends), P the
 * latest meeting before M (else the quarter's first day). Shown: questions raised before M that
 * were not answered by M, or were answered after P and by M.
 */
function followUps(dataset: Dataset, area: string, quarter: Quarter, meetings: readonly InArea<Meeting>[]): FollowUp[] {
  const end = quarterEnd(quarter);
  const m = meetings.find((meeting) => meeting.date > end)?.date ?? addDays(end, 1);
  const p = [...meetings].reverse().find((meeting) => meeting.date < m)?.date ?? quarterStart(quarter);
  return dataset.questions
    .filter((q) => q.area === area && q.date < m)
    .filter((q) => q.answered === undefined || q.answered > p)
    .sort(byDate)
    .map((question) => ({
      question,
      state: questionStateAt(question, m),
      activities: dataset.activities.filter((a) => a.area === area && a.status === 'done' && a.date <= m && (a.answers ?? []).includes(question.id)).sort(byDate),
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
  return [...latest.values()].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.measure.localeCompare(b.measure));
}

const LEVEL_ORDER: Survey['level'][] = ['area', 'sub_areas', 'municipality', 'district', 'national'];

/** The list in force at the quarter's end: the latest published by then (lists come out each 1 December). */
function latestListStatus(lists: readonly InArea<ListStatus>[], quarter: Quarter): InArea<ListStatus> | undefined {
  const end = quarterEnd(quarter);
  return lists.filter((l) => `${l.year}-12-01` <= end).sort((a, b) => b.year - a.year)[0];
}

function isActiveIn(priority: Priority, quarter: Quarter): boolean {
  if (priority.status !== 'active') return false;
  const from = parseQuarter(priority.from);
  const to = priority.to === undefined ? undefined : parseQuarter(priority.to);
  return from !== undefined && compareQuarters(from, quarter) <= 0 && (to === undefined || compareQuarters(to, quarter) >= 0);
}

const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

