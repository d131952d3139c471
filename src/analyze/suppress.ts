import type { Dataset } from '../model/dataset.js';
import type { Category } from '../model/categories.js';
import { type AreaIndex, indexArea } from './area-index.js';
import { areaCategories } from './audience.js';
import type { QuarterCounts } from './figures.js';
import { quarterIndex, quarterOf } from '../model/quarters.js';

// Disclosure control for public output (docs/privacy.md).
//
// Published incident figures of an area are cells (category × quarter), the group totals of a
// quarter (crime, concerns), and sums over four quarters. Every count from 1 to min_count − 1 is
// suppressed (primary). Per quarter and group, the cells and their total form one equation; a
// total beside a suppressed cell is hidden (secondary), so no shown figure is a sum that holds a
// suppressed cell. A sum over four quarters is shown only when none of its quarters is suppressed,
// and a change only between two shown figures. Every decision depends on the primary pattern and
// the listed incidents alone, which the page shows, so a reader who knows the rule learns nothing
// from it; each suppressed cell keeps its whole range 1 … min_count − 1 (docs/privacy.md proves
// it, and the tests audit it by integer programming, rule-aware).

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
export const NO_SUPPRESSION: SuppressionPlan = {
  minCount: 1,
  cell: () => 'shown',
  total: () => 'shown',
  sameDays: { cell: () => 'shown', total: () => 'shown' },
};

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
      const { marks, total } = protectEquation(
        values,
        minCount,
        ids.map((id) => listedBound(listed(id, quarter), minCount)),
      );
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
 * Marks for the cells of one equation `total = Σ values`. Every decision depends only on what the
 * page shows (which cells are "<min_count", the incidents it lists), never on a value it hides:
 * - a cell from 1 to min_count − 1 is primary; no cell is ever hidden for another's sake;
 * - a total beside a suppressed cell is hidden: with it shown, the suppressed cells' sum would be
 *   published, and some tables (all of them at their least, say two ones) would then be pinned;
 * - a small total is "<min_count" itself, unless that range pins its cells (four ones under "<5",
 *   or a listed 3 beside another small cell): then it is hidden.
 * `known` is how many incidents of each cell the page lists one by one (a reader's lower bound).
 */
export function protectEquation(
  values: readonly number[],
  minCount: number,
  known: readonly number[] = [],
): { marks: Mark[]; total: Mark } {
  const marks = values.map((value) => primaryMark(value, minCount));
  if (marks.every((mark) => mark === 'shown')) return { marks, total: 'shown' };
  const total = primaryMark(
    values.reduce((a, b) => a + b, 0),
    minCount,
  );
  if (total === 'shown') return { marks, total: 'secondary' };
  const lows = marks.flatMap((mark, i) => (mark === 'primary' ? [Math.max(1, known[i] ?? 0)] : []));
  return { marks, total: smallTotalProtects(lows, minCount) ? 'primary' : 'secondary' };
}

/**
 * True when a "<min_count" total (1 … min_count − 1) leaves every primary cell under it at least
 * two values, each cell being at least its lower bound `lows[i]`: cell i can reach
 * min_count − 1 − (the others' lower bounds), which must exceed its own lower bound.
 */
function smallTotalProtects(lows: readonly number[], minCount: number): boolean {
  const sum = lows.reduce((a, b) => a + b, 0);
  return lows.every((low) => minCount - 1 - (sum - low) > low);
}

/**
 * How many listed incidents of a suppressed cell a page may show: at most min_count − 2, so that
 * a "<min_count" cell keeps at least two possible values (analyze/brief.ts lists no more).
 */
export const listedBound = (listed: number, minCount: number): number => Math.min(listed, minCount - 2);

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
  const categories = areaCategories(dataset, area);
  const plan = planSuppression(counts, categories, quarters, minCount, (category, quarter) => listed.get(`${category}@${quarter}`) ?? 0);
  const sameDays = index.sameDays;
  if (!sameDays || minCount <= 1) return plan;
  const yearAgo = quarterIndex(sameDays.quarter) - 4;
  const groupTotal = (ids: string[], row: ReadonlyMap<string, number> | undefined) => ids.reduce((sum, id) => sum + (row?.get(id) ?? 0), 0);
  const ids = (group: Group) => categories.filter((c) => c.crime === (group === 'crime')).map((c) => c.id);
  const totalMark = (group: Group): Mark => {
    const whole = groupTotal(ids(group), counts.get(yearAgo));
    const part = groupTotal(ids(group), sameDays.counts);
    const rest = whole - part;
    return plan.total(group, yearAgo) === 'shown' && primaryMark(part, minCount) === 'shown' && primaryMark(rest, minCount) === 'shown'
      ? 'shown'
      : 'secondary';
  };
  const marks = { crime: totalMark('crime'), concerns: totalMark('concerns') };
  return { ...plan, sameDays: { cell: () => 'secondary', total: (group) => marks[group] } };
}
