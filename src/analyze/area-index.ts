import type { Dataset, InArea } from '../model/dataset.js';
import type { Activity, Incident } from '../model/schema.js';
import { type Coverage, isCovered, quarterCoverage, resolveCoverage, sameDaysYearBefore } from './coverage.js';
import { countIncidents, type QuarterCounts } from './figures.js';
import { addQuarters, fromQuarterIndex, type Quarter, quarterIndex, quarterOf } from '../model/quarters.js';
import { compareCodePoints } from './collate.js';

// `build` renders a brief for every quarter of every area. Each brief used to filter and count the
// whole project again, so a site took quarters × records per area; this index is made in one pass
// over the project per area, and a brief then reads only its quarter's share of it.
// test/cli/build-golden.test.ts proves every page unchanged.

/** One area's records, and what its briefs need of them by quarter (quarter index → …). */
/** The area's records of each kind, in project order (meetings sorted by date). */
export interface AreaIndex extends Pick<
  Dataset,
  'incidents' | 'activities' | 'questions' | 'meetings' | 'priorities' | 'surveys' | 'list_status'
> {
  area: string;
  /** The days the area's police figures cover (coverage.ts); none when there is no police incident and none is stated. */
  coverage?: Coverage;
  /** Police-registered counts by quarter and category (figures.ts countIncidents), of the covered days only. */
  counts: QuarterCounts;
  /** When the coverage ends inside a quarter: that quarter, and the counts of the same days a year before it. */
  sameDays?: SameDays;
  /** The summed `count` of observations (incidents not from the police) by quarter. */
  observations: Map<number, number>;
  /** Incidents with a summary by quarter, in project order. */
  summaries: Map<number, InArea<Incident>[]>;
  /** Done activities by quarter, in project order. */
  done: Map<number, InArea<Activity>[]>;
  /** Planned activities, in project order. */
  planned: InArea<Activity>[];
  /** Done activities by the question ids they answer, in project order. */
  answeredBy: Map<string, InArea<Activity>[]>;
  /** The latest date of an incident or done activity in each quarter. */
  latestDate: Map<number, string>;
  /** The first and the latest quarter holding an incident or a done activity. */
  first?: Quarter;
  last?: Quarter;
}

/** The partial quarter's comparison: the counts by category of the same days one year earlier. */
export interface SameDays {
  quarter: Quarter;
  /** The partial quarter's last covered day. */
  until: string;
  /** The same days a year before: their last day, and the lengths in days of both spans. */
  priorUntil: string;
  days: { current: number; prior: number };
  counts: Map<string, number>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Indexes one area of a dataset in one pass over each kind of record. */
export function indexArea(dataset: Dataset, area: string): AreaIndex {
  const inArea = <T extends { area: string }>(records: readonly T[]) => records.filter((r) => r.area === area);
  const incidents = inArea(dataset.incidents);
  const activities = inArea(dataset.activities);
  const observations = new Map<number, number>();
  const summaries = new Map<number, InArea<Incident>[]>();
  const done = new Map<number, InArea<Activity>[]>();
  const planned: InArea<Activity>[] = [];
  const answeredBy = new Map<string, InArea<Activity>[]>();
  const latestDate = new Map<number, string>();
  const consider = (index: number, date: string) => {
    const latest = latestDate.get(index);
    if (latest === undefined || date > latest) latestDate.set(index, date);
  };
  for (const incident of incidents) {
    const index = quarterIndex(quarterOf(incident.date));
    consider(index, incident.date);
    if (incident.source !== 'police') observations.set(index, (observations.get(index) ?? 0) + incident.count);
    if (incident.summary !== undefined) push(summaries, index, incident);
  }
  for (const activity of activities) {
    if (activity.status === 'planned') planned.push(activity);
    if (activity.status !== 'done') continue;
    const index = quarterIndex(quarterOf(activity.date));
    consider(index, activity.date);
    push(done, index, activity);
    for (const id of new Set(activity.answers ?? [])) push(answeredBy, id, activity);
  }
  const quarters = [...latestDate.keys()];
  const police = incidents.filter((i) => i.source === 'police');
  const settings = dataset.areas.find((a) => a.id === area);
  const coverage = resolveCoverage(
    settings ?? {},
    police.map((i) => i.date),
  );
  const covered = police.filter((i) => isCovered(coverage, i.date));
  const sameDays = coverage ? sameDaysOf(coverage, covered) : undefined;
  return {
    area,
    incidents,
    activities,
    questions: inArea(dataset.questions),
    meetings: inArea(dataset.meetings).sort((a, b) => compareCodePoints(a.date, b.date)),
    priorities: inArea(dataset.priorities),
    surveys: inArea(dataset.surveys),
    list_status: inArea(dataset.list_status),
    ...(coverage ? { coverage } : {}),
    counts: countIncidents(covered, area),
    ...(sameDays ? { sameDays } : {}),
    observations,
    summaries,
    done,
    planned,
    answeredBy,
    latestDate,
    ...(quarters.length > 0 ? { first: fromQuarterIndex(Math.min(...quarters)), last: fromQuarterIndex(Math.max(...quarters)) } : {}),
  };
}

/** The like-for-like counts of a quarter the coverage ends inside, when the year before it is covered wholly. */
function sameDaysOf(coverage: Coverage, covered: readonly InArea<Incident>[]): SameDays | undefined {
  const quarter = quarterOf(coverage.to);
  const state = quarterCoverage(coverage, quarter);
  if (state.kind !== 'partial' || quarterCoverage(coverage, addQuarters(quarter, -4)).kind !== 'full') return undefined;
  const span = sameDaysYearBefore(quarter, state.until);
  const counts = new Map<string, number>();
  for (const incident of covered) {
    if (incident.date >= span.from && incident.date <= span.to)
      counts.set(incident.category, (counts.get(incident.category) ?? 0) + incident.count);
  }
  return { quarter, until: state.until, priorUntil: span.to, days: { current: span.currentDays, prior: span.days }, counts };
}

/** "Data through" (data-format.md §5) from the index: the latest date up to the quarter's end. */
export function indexedDataThrough(index: AreaIndex, quarter: Quarter): string | undefined {
  const until = quarterIndex(quarter);
  let latest: string | undefined;
  for (const [q, date] of index.latestDate) if (q <= until && (latest === undefined || date > latest)) latest = date;
  return latest;
}
