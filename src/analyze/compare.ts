import { codesOf, comparable, officialRate, type Rate } from './official.js';
import { COUNTRY } from '../model/official.js';
import type { Dataset } from '../model/dataset.js';
import type { Category } from '../model/categories.js';
import { type Grouping, isTableRow } from '../model/category-groups.js';
import { areaCategories } from './audience.js';
import { ACTIVITY_KINDS } from '../model/schema.js';
import { type AreaIndex, indexArea } from './area-index.js';
import { type Change, computeChange } from './change.js';
import { type Coverage, quarterCoverage, quarterDays } from './coverage.js';
import { earliestQuarter, questionStateAt, sumCounts } from './figures.js';
import { computeListCheck, hasListFigures, type ListCriteriaCheck, listPublished, type ListStatusValue } from './list-criteria.js';
import {
  addQuarters,
  compareQuarters,
  lastQuarters,
  type Quarter,
  quarterEnd,
  quarterIndex,
  quarterOf,
  quarterStart,
} from '../model/quarters.js';
import { type Mark, NO_SUPPRESSION, type SuppressionPlan } from './suppress.js';

// The comparison tables (docs/compare.md): rows × quarters, with the change against the same
// quarter a year before and the last four quarters against the four before. Incident figures
// follow the area's suppression plan (the same one the briefs use, so every page agrees); the
// team's own work (activities, questions) is never suppressed.

export type CompareTableKind = 'incidents' | 'activities' | 'questions';

/** A figure: null where there is no data (incidents: outside the days the police figures cover); with its mark. */
export interface Figure {
  value: number | null;
  mark: Mark;
  /** True for a quarter covered only up to a day inside it: a provisional figure, from which nothing is computed. */
  partial?: boolean;
  /** The areas table: a column of a grouping level other than the area's own (model/category-groups.ts), so no figure. */
  otherLevel?: boolean;
}

/** How far a row's figures cover a quarter: wholly, up to a day inside it, or not at all. */
type Covers = (quarter: Quarter) => 'full' | 'partial' | 'none';

export interface CompareRow {
  /** A category id, `crime_total`/`concerns_total`, an activity kind, `total`, or `raised`/`answered`/`open`. */
  id: string;
  category?: Category;
  cells: Figure[];
  yearAgo: Figure;
  /** The last quarter against the same quarter a year before; null when not computed. */
  change: Change | null;
  last4: Figure;
  prev4: Figure;
  last4Change: Change | null;
}

export interface CompareTable {
  kind: CompareTableKind;
  area: string;
  quarters: Quarter[];
  rows: CompareRow[];
  /** Incidents: the last day the police figures cover, when a quarter of the table is partial. */
  partialUntil?: string;
  /** Incidents: the days the area's police figures cover, when there are any. */
  coverage?: Coverage;
  /** Incidents: how public output groups the categories (model/category-groups.ts); absent internally. */
  grouping?: Grouping;
}

export interface CompareOptions {
  area: string;
  to: Quarter;
  /** How many quarters the table shows, ending with `to`. */
  count: number;
  plan?: SuppressionPlan;
  /**
   * The rolling sums (`last4`/`prev4`): how many quarters up to `to` they add up, and how far back
   * the earlier one lies. Default 4 and 4: the last four quarters against the four before.
   */
  window?: Window;
  /** The area's index (area-index.ts), when the caller keeps one; else the counts are made here. */
  index?: AreaIndex;
}

export interface Window {
  length: number;
  shift: number;
}

const FOUR_QUARTERS: Window = { length: 4, shift: 4 };

/** A row's values for any quarter, and the mark each gets (shown unless the plan says otherwise). */
interface Series {
  value(quarter: Quarter): number;
  mark(quarter: Quarter): Mark;
}

/** A count at a point in time (questions open at a quarter's end) is not summed over quarters. */
const STOCK = { stock: true } as const;

function row(
  id: string,
  series: Series,
  quarters: Quarter[],
  covers: Covers,
  window: Window,
  category?: Category | typeof STOCK,
): CompareRow {
  const stock = category !== undefined && 'stock' in category;
  const to = quarters.at(-1)!;
  const figure = (q: Quarter): Figure => {
    const kind = covers(q);
    return kind === 'none'
      ? { value: null, mark: 'shown' }
      : { value: series.value(q), mark: series.mark(q), ...(kind === 'partial' ? { partial: true } : {}) };
  };
  // A sum over several quarters is shown only when every quarter in it is (docs/privacy.md); a
  // "sum" of one quarter is that quarter's figure, with its own mark. Only whole quarters add up.
  const sumMark = (qs: Quarter[]): Mark =>
    qs.length === 1 ? series.mark(qs[0]!) : qs.every((q) => series.mark(q) === 'shown') ? 'shown' : 'secondary';
  const sum = (qs: Quarter[]): Figure =>
    stock || !qs.every((q) => covers(q) === 'full')
      ? { value: null, mark: 'shown' }
      : { value: qs.reduce((a, q) => a + series.value(q), 0), mark: sumMark(qs) };
  const days = (qs: Quarter[]) => qs.reduce((total, q) => total + quarterDays(q), 0);
  // A provisional figure is not compared: the table has no like-for-like figure of the year before.
  const changeOf = (a: Figure, b: Figure, lengths: { current: number; prior: number }) =>
    a.value === null || b.value === null || a.partial || b.partial || a.mark !== 'shown' || b.mark !== 'shown'
      ? null
      : computeChange(a.value, b.value, lengths);
  const last = figure(to);
  const yearAgo = figure(addQuarters(to, -4));
  const lastSpan = lastQuarters(to, window.length);
  const prevSpan = lastQuarters(addQuarters(to, -window.shift), window.length);
  const last4 = sum(lastSpan);
  const prev4 = sum(prevSpan);
  return {
    id,
    ...(category && !stock ? { category } : {}),
    cells: quarters.map(figure),
    yearAgo,
    change: changeOf(last, yearAgo, { current: quarterDays(to), prior: quarterDays(addQuarters(to, -4)) }),
    last4,
    prev4,
    last4Change: changeOf(last4, prev4, { current: days(lastSpan), prior: days(prevSpan) }),
  };
}

/** The team's own records have figures from the first quarter holding one of them. */
const fromFirst =
  (first: Quarter): Covers =>
  (q) =>
    compareQuarters(q, first) >= 0 ? 'full' : 'none';

/** Incidents by category and quarter: the crime categories and their total, then the concerns and theirs. */
export function compareIncidents(dataset: Dataset, options: CompareOptions): CompareTable {
  const plan = options.plan ?? NO_SUPPRESSION;
  const index = options.index ?? indexArea(dataset, options.area);
  const counts = index.counts;
  const quarters = lastQuarters(options.to, options.count);
  const covers: Covers = (q) => quarterCoverage(index.coverage, q).kind;
  const window = options.window ?? FOUR_QUARTERS;
  const categories = areaCategories(dataset, options.area);
  const crime = categories.filter((c) => c.crime);
  const concerns = categories.filter((c) => !c.crime);
  const categoryRow = (c: Category) =>
    row(c.id, { value: (q) => sumCounts(counts, [q], [c.id]), mark: (q) => plan.cell(c.id, quarterIndex(q)) }, quarters, covers, window, c);
  const totalRow = (id: 'crime_total' | 'concerns_total', group: 'crime' | 'concerns', categories: Category[]) =>
    row(
      id,
      {
        value: (q) =>
          sumCounts(
            counts,
            [q],
            categories.map((c) => c.id),
          ),
        mark: (q) => plan.total(group, quarterIndex(q)),
      },
      quarters,
      covers,
      window,
    );
  const partial = quarters.map((q) => quarterCoverage(index.coverage, q)).find((c) => c.kind === 'partial');
  return {
    kind: 'incidents',
    area: options.area,
    quarters,
    ...(partial?.kind === 'partial' ? { partialUntil: partial.until } : {}),
    ...(index.coverage ? { coverage: index.coverage } : {}),
    ...(dataset.grouping?.has(options.area) ? { grouping: dataset.grouping.get(options.area)! } : {}),
    rows: [
      ...crime.filter(isTableRow).map(categoryRow),
      totalRow('crime_total', 'crime', crime),
      ...concerns.filter(isTableRow).map(categoryRow),
      totalRow('concerns_total', 'concerns', concerns),
    ],
  };
}

/** Done activities by kind and quarter, and their total. */
export function compareActivities(dataset: Dataset, options: CompareOptions): CompareTable {
  const quarters = lastQuarters(options.to, options.count);
  const first = fromFirst(earliestQuarter(dataset, options.area) ?? options.to);
  const window = options.window ?? FOUR_QUARTERS;
  const done = dataset.activities.filter((a) => a.area === options.area && a.status === 'done');
  const countIn = (q: Quarter, kind?: string) =>
    done.filter((a) => (kind === undefined || a.kind === kind) && quarterIndex(quarterOf(a.date)) === quarterIndex(q)).length;
  const shown = { mark: (): Mark => 'shown' };
  return {
    kind: 'activities',
    area: options.area,
    quarters,
    rows: [
      ...ACTIVITY_KINDS.map((kind) => row(kind, { value: (q) => countIn(q, kind), ...shown }, quarters, first, window)),
      row('total', { value: (q) => countIn(q), ...shown }, quarters, first, window),
    ],
  };
}

/** Questions raised and answered in each quarter, and open at its end (open, in progress or referred). */
export function compareQuestions(dataset: Dataset, options: CompareOptions): CompareTable {
  const quarters = lastQuarters(options.to, options.count);
  const first = fromFirst(earliestQuarter(dataset, options.area) ?? options.to);
  const window = options.window ?? FOUR_QUARTERS;
  const questions = dataset.questions.filter((q) => q.area === options.area);
  const within = (date: string | undefined, q: Quarter) => date !== undefined && date >= quarterStart(q) && date <= quarterEnd(q);
  const shown = { mark: (): Mark => 'shown' };
  const openAtEnd = (q: Quarter) =>
    questions.filter((x) => ['open', 'in_progress', 'referred'].includes(questionStateAt(x, quarterEnd(q)))).length;
  return {
    kind: 'questions',
    area: options.area,
    quarters,
    rows: [
      row('raised', { value: (q) => questions.filter((x) => within(x.date, q)).length, ...shown }, quarters, first, window),
      row('answered', { value: (q) => questions.filter((x) => within(x.answered, q)).length, ...shown }, quarters, first, window),
      row('open', { value: openAtEnd, ...shown }, quarters, first, window, STOCK),
    ],
  };
}

export interface AreaRow {
  area: string;
  name: string;
  residents?: number;
  /** One figure per category of `categories`, then crime_total and concerns_total. */
  cells: Figure[];
  /** Per 1,000 residents, for the two totals; null when residents are unknown or the total is suppressed. */
  crimeRate: number | null;
  concernsRate: number | null;
  /** Beside Danmarks Statistik (analyze/official.ts), when the project keeps its series: the area, its municipality, the country. */
  official?: { area: Rate; municipality: Rate; country: Rate };
}

export interface AreaTable {
  quarter: Quarter;
  categories: Category[];
  rows: AreaRow[];
  /** The last day covered, for each area whose police figures cover the quarter only in part. */
  partialUntil: Map<string, string>;
  /**
   * The categories compared with Danmarks Statistik in every row (those with a STRAF11 code whose
   * figure every area's row shows), and those with a code left out; present when the project keeps
   * the series and some category is compared.
   */
  official?: { categories: Category[]; hidden: Category[] };
}

/**
 * Areas × categories for one quarter, each area with its own suppression plan. An area whose
 * police figures do not cover the quarter has no figures; one covering it in part has provisional
 * figures and no rate (a rate of part of a quarter does not compare with the others').
 */
export function compareAreas(
  dataset: Dataset,
  quarter: Quarter,
  planOf: (area: string) => SuppressionPlan,
  indexOf: (area: string) => AreaIndex = (area) => indexArea(dataset, area),
): AreaTable {
  const index = quarterIndex(quarter);
  // Every category that is some area's row; an area counted at another level has no figure in it.
  const crime = dataset.categories.filter((c) => c.crime && isTableRow(c));
  const concerns = dataset.categories.filter((c) => !c.crime && isTableRow(c));
  const allCrime = dataset.categories.filter((c) => c.crime);
  const allConcerns = dataset.categories.filter((c) => !c.crime);
  const partialUntil = new Map<string, string>();
  const rows = dataset.areas.map((area) => {
    const plan = planOf(area.id);
    const areaIndex = indexOf(area.id);
    const covered = quarterCoverage(areaIndex.coverage, quarter);
    const kind = covered.kind;
    if (covered.kind === 'partial') partialUntil.set(area.id, covered.until);
    const partial = kind === 'partial' ? { partial: true } : {};
    const value = (ids: string[]) => (kind === 'none' ? null : sumCounts(areaIndex.counts, [quarter], ids));
    const own = new Set(areaCategories(dataset, area.id).map((c) => c.id));
    const cells: Figure[] = [...crime, ...concerns].map((c) =>
      own.has(c.id) ? { value: value([c.id]), mark: plan.cell(c.id, index), ...partial } : { value: null, mark: 'shown', otherLevel: true },
    );
    const crimeTotal: Figure = { value: value(allCrime.map((c) => c.id)), mark: plan.total('crime', index), ...partial };
    const concernsTotal: Figure = { value: value(allConcerns.map((c) => c.id)), mark: plan.total('concerns', index), ...partial };
    const rate = (f: Figure) =>
      area.residents && kind === 'full' && f.mark === 'shown' && f.value !== null ? (f.value * 1000) / area.residents : null;
    return {
      area: area.id,
      name: area.name,
      ...(area.residents !== undefined ? { residents: area.residents } : {}),
      cells: [...cells, crimeTotal, concernsTotal],
      crimeRate: rate(crimeTotal),
      concernsRate: rate(concernsTotal),
      covered: kind,
    };
  });
  const table: AreaTable = {
    quarter,
    categories: [...crime, ...concerns],
    partialUntil,
    rows: rows.map(({ covered: _covered, ...row }) => row),
  };
  const series = dataset.official;
  if (!series) return table;
  // The same offences in every row: a category with a code that some row hides (or counts at another level) is left out.
  const withCode = crime.filter((c) => comparable(series, c));
  const column = (c: Category) => table.categories.indexOf(c);
  const compared = withCode.filter((c) => rows.every((row) => !row.cells[column(c)]!.otherLevel && row.cells[column(c)]!.mark === 'shown'));
  if (compared.length === 0) return table;
  const codes = [...new Set(compared.flatMap(codesOf))];
  table.official = { categories: compared, hidden: withCode.filter((c) => !compared.includes(c)) };
  table.rows.forEach((row, i) => {
    const area = dataset.areas[i]!;
    const values = compared.map((c) => row.cells[column(c)]!.value);
    const own: Rate =
      rows[i]!.covered !== 'full' || values.some((v) => v === null)
        ? { none: 'no-data' }
        : !area.residents
          ? { none: 'no-residents' }
          : { rate: ((values as number[]).reduce((a, b) => a + b, 0) / area.residents) * 1000 };
    row.official = {
      area: own,
      municipality: officialRate(series, area.municipality, codes, [quarter]),
      country: officialRate(series, COUNTRY, codes, [quarter]),
    };
  });
  return table;
}

/** One list year of an area: its official status and the tool's own check of its figures, each when recorded. */
export interface ListYear {
  year: number;
  status?: ListStatusValue;
  /** Absent when the record gives no figure: then only the official status is shown. */
  check?: ListCriteriaCheck;
}

/**
 * Every list of the area published by the end of `to` (1 December), oldest first, with the
 * list-criteria check of its figures. As in the brief, each list is checked with the area's
 * earlier lists for the multi-year rule, and a list without figures gets no check.
 */
export function compareListChecks(dataset: Dataset, area: string, to: Quarter): ListYear[] {
  const lists = dataset.list_status.filter((l) => l.area === area);
  const end = quarterEnd(to);
  return lists
    .filter((l) => listPublished(l.year) <= end)
    .sort((a, b) => a.year - b.year)
    .map((l) => ({
      year: l.year,
      ...(l.status ? { status: l.status } : {}),
      ...(hasListFigures(l)
        ? {
            check: computeListCheck(
              l,
              lists.filter((e) => e.year < l.year),
            ),
          }
        : {}),
    }));
}
