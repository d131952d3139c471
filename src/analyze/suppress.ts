import type { Dataset } from '../load/dataset.js';
import type { Category } from '../model/categories.js';
import { type AreaIndex, indexArea } from './area-index.js';
import type { QuarterCounts } from './figures.js';
import { quarterIndex, quarterOf } from './quarters.js';

// Disclosure control for public output (reports.md §4, docs/privacy.md).
//
// Published incident figures of an area are cells (category × quarter), the group totals of a
// quarter (crime, concerns), and sums over four quarters. Every count from 1 to min_count − 1 is
// suppressed (primary). Then, per quarter and group, the cells and their total form one equation;
// when the suppressed cells of an equation could be worked out from it, the smallest shown
// non-zero cell is suppressed as well (secondary), and if there is none, the total. A sum over
// four quarters is shown only when none of its quarters is suppressed, so it tells nothing that
// the shown cells do not; a change is shown only between two shown figures. Each cell belongs to
// exactly one equation, so checking the equations one by one is exact; the tests confirm it with
// a linear-programming audit over every published figure.

/**
 * How a published figure is shown: as its value, as `<min_count` (primary: 1 … min_count − 1),
 * or hidden (secondary). A hidden cell is always at least min_count (smaller ones are primary);
 * a hidden total or four-quarter sum tells nothing about its value.
 */
export type Mark = 'shown' | 'primary' | 'secondary';

export type Group = 'crime' | 'concerns';

export interface SuppressionPlan {
  minCount: number;
  /** The mark of a category's count in a quarter. */
  cell(category: string, quarter: number): Mark;
  /** The mark of a group's total in a quarter. */
  total(group: Group, quarter: number): Mark;
  /** The marks of the like-for-like year-ago figures of a partial quarter (area-index.ts SameDays). */
  sameDays: { cell(category: string): Mark; total(group: Group): Mark };
}

/** No suppression: internal output shows every figure. */
export const NO_SUPPRESSION: SuppressionPlan = { minCount: 1, cell: () => 'shown', total: () => 'shown', sameDays: { cell: () => 'shown', total: () => 'shown' } };

/**
 * The same days a year before a partial quarter are a second, partial count of a quarter whose
 * whole count is published: the difference is a count of a few days that no equation protects.
 * So their category figures are never public, and a group total only when it leaves nothing
 * small: the whole quarter's total shown, the partial total not small, the rest not 1 … min − 1.
 */
const HIDDEN_SAME_DAYS: SuppressionPlan['sameDays'] = { cell: () => 'secondary', total: () => 'secondary' };

/** The mark a count gets on its own: primary when it is from 1 to min_count − 1. */
export const primaryMark = (value: number, minCount: number): Mark => (value >= 1 && value < minCount ? 'primary' : 'shown');

/**
 * Plans the suppression of one area's figures over the given quarters (all of them, so that every
 * page of a site, and every brief handed out over the years, shows the same cells the same way).
 */
export function planSuppression(
  counts: QuarterCounts,
  categories: readonly Category[],
  quarters: readonly number[],
  minCount: number,
  /** How many of a cell's incidents are listed one by one (with a summary): a reader's lower bound. */
  listed: (category: string, quarter: number) => number = () => 0,
): SuppressionPlan {
  const cells = new Map<string, Mark>();
  const totals = new Map<string, Mark>();
  const groups: [Group, string[]][] = [
    ['crime', categories.filter((c) => c.crime).map((c) => c.id)],
    ['concerns', categories.filter((c) => !c.crime).map((c) => c.id)],
  ];
  for (const quarter of quarters) {
    const row = counts.get(quarter);
    for (const [group, ids] of groups) {
      const values = ids.map((id) => row?.get(id) ?? 0);
      const { marks, total } = protectEquation(values, minCount, ids.map((id) => listedBound(listed(id, quarter), minCount)));
      ids.forEach((id, index) => cells.set(`${id}@${quarter}`, marks[index]!));
      totals.set(`${group}@${quarter}`, total);
    }
  }
  return {
    minCount,
    cell: (category, quarter) => cells.get(`${category}@${quarter}`) ?? 'shown',
    total: (group, quarter) => totals.get(`${group}@${quarter}`) ?? 'shown',
    sameDays: minCount > 1 ? HIDDEN_SAME_DAYS : NO_SUPPRESSION.sameDays,
  };
}

/**
 * Marks for the cells of one equation `total = Σ values`: primary suppression, then secondary
 * suppression of the smallest shown non-zero cells until no suppressed cell can be pinned to a
 * single value; if no cell is left to suppress, the total is hidden.
 */
export function protectEquation(values: readonly number[], minCount: number, known: readonly number[] = []): { marks: Mark[]; total: Mark } {
  const sum = values.reduce((a, b) => a + b, 0);
  const marks = values.map((value) => primaryMark(value, minCount));
  const totalMark = primaryMark(sum, minCount);
  // A small total is published as "<min_count", a range, and all its non-zero cells are primary;
  // if the range still pins them (say four ones under "<5"), the total is hidden instead.
  if (totalMark === 'primary') {
    return { marks, total: isProtected(values, marks, [1, minCount - 1], minCount, known) ? 'primary' : 'secondary' };
  }
  while (marks.some((m) => m !== 'shown') && !isProtected(values, marks, [sum, sum], minCount, known)) {
    const candidate = smallestShownNonZero(values, marks);
    if (candidate === undefined) return { marks, total: 'secondary' };
    marks[candidate] = 'secondary';
  }
  return { marks, total: 'shown' };
}

function smallestShownNonZero(values: readonly number[], marks: readonly Mark[]): number | undefined {
  let best: number | undefined;
  values.forEach((value, index) => {
    if (marks[index] === 'shown' && value > 0 && (best === undefined || value < values[best]!)) best = index;
  });
  return best;
}

/**
 * How many listed incidents of a suppressed cell a page may show: at most min_count − 2, so that
 * a "<min_count" cell keeps at least two possible values (analyze/brief.ts lists no more).
 */
export const listedBound = (listed: number, minCount: number): number => Math.min(listed, minCount - 2);

/**
 * What a reader knows of a suppressed figure: primary ones are 1…min_count−1, secondary ones at
 * least min_count; and at least as many as the incidents listed one by one.
 */
function bounds(mark: Mark, minCount: number, known: number): [number, number] {
  return mark === 'primary' ? [Math.max(1, known), minCount - 1] : [Math.max(minCount, known), Number.POSITIVE_INFINITY];
}

/**
 * True when, knowing the total (exactly, or as a range) and the shown cells, every suppressed
 * cell can still take at least two whole values: for cell i with the others at their bounds,
 * max(lo_i, restLo − Σ hi_j) < min(hi_i, restHi − Σ lo_j), where rest = total − shown cells.
 */
function isProtected(values: readonly number[], marks: readonly Mark[], total: [number, number], minCount: number, known: readonly number[]): boolean {
  const hidden = marks.flatMap((m, i) => (m === 'shown' ? [] : [i]));
  const shownSum = values.reduce((acc, v, i) => acc + (marks[i] === 'shown' ? v : 0), 0);
  const [restLo, restHi] = [total[0] - shownSum, total[1] - shownSum];
  const lo = hidden.map((i) => bounds(marks[i]!, minCount, known[i] ?? 0)[0]);
  const hi = hidden.map((i) => bounds(marks[i]!, minCount, known[i] ?? 0)[1]);
  const loSum = lo.reduce((a, b) => a + b, 0);
  // The others' upper bounds, summed; Infinity when any other is unbounded (a secondary cell).
  const othersHi = (k: number) => hi.reduce((acc, h, j) => (j === k ? acc : acc + h), 0);
  return hidden.every((_, k) => {
    const min = Math.max(lo[k]!, restLo - othersHi(k));
    const max = Math.min(hi[k]!, restHi - (loSum - lo[k]!));
    return max - min >= 1;
  });
}

/** The suppression plan of one area in public output: over every quarter its incidents span. */
export function planAreaSuppression(dataset: Dataset, area: string, index: AreaIndex = indexArea(dataset, area)): SuppressionPlan {
  const counts = index.counts;
  const indexes = [...counts.keys()];
  if (indexes.length === 0) return { ...NO_SUPPRESSION, minCount: dataset.settings.privacy.min_count };
  const quarters = Array.from({ length: Math.max(...indexes) - Math.min(...indexes) + 1 }, (_, i) => Math.min(...indexes) + i);
  const listed = new Map<string, number>();
  for (const incident of index.incidents) {
    if (incident.source !== 'police' || incident.summary === undefined) continue;
    const key = `${incident.category}@${quarterIndex(quarterOf(incident.date))}`;
    listed.set(key, (listed.get(key) ?? 0) + 1);
  }
  const minCount = dataset.settings.privacy.min_count;
  const plan = planSuppression(counts, dataset.categories, quarters, minCount, (category, quarter) => listed.get(`${category}@${quarter}`) ?? 0);
  const sameDays = index.sameDays;
  if (!sameDays || minCount <= 1) return plan;
  const yearAgo = quarterIndex(sameDays.quarter) - 4;
  const groupTotal = (ids: string[], row: ReadonlyMap<string, number> | undefined) => ids.reduce((sum, id) => sum + (row?.get(id) ?? 0), 0);
  const ids = (group: Group) => dataset.categories.filter((c) => c.crime === (group === 'crime')).map((c) => c.id);
  const totalMark = (group: Group): Mark => {
    const whole = groupTotal(ids(group), counts.get(yearAgo));
    const part = groupTotal(ids(group), sameDays.counts);
    const rest = whole - part;
    return plan.total(group, yearAgo) === 'shown' && primaryMark(part, minCount) === 'shown' && primaryMark(rest, minCount) === 'shown' ? 'shown' : 'secondary';
  };
  const marks = { crime: totalMark('crime'), concerns: totalMark('concerns') };
  return { ...plan, sameDays: { cell: () => 'secondary', total: (group) => marks[group] } };
}
