import * as highsModule from 'highs';
import type { BriefView, CrimeRowView } from '../../src/render/brief-view.js';
import type { CompareView } from '../../src/render/compare-view.js';
import type { SummaryView } from '../../src/render/summary-view.js';

// The disclosure audit of docs/privacy.md: what a reader can work out from everything published.
// Every published incident figure becomes a fact about unknown cell counts (category × quarter);
// for each suppressed cell, integer programming (HiGHS) finds the smallest and largest count that
// agrees with all the facts. A cell is recoverable when that range holds a single value.

/** What is published about a sum of cells (one cell is a sum of one). */
export type Fact =
  | { cells: string[]; shown: number }
  | { cells: string[]; primary: true }
  | { cells: string[]; secondary: true }
  | { cells: string[]; atLeast: number };

export interface AuditResult {
  /** Suppressed cells pinned to one value, with that value. */
  recoverable: { cell: string; value: number }[];
  /** Every suppressed cell with the range a reader can narrow it to. */
  ranges: Map<string, [number, number]>;
}

// highs' type file is read as CommonJS under NodeNext, which hides its default export: the loader.
type Highs = { solve(model: string, options: Record<string, unknown>): { Status: string; ObjectiveValue: number } };
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let solver: Promise<Highs> | undefined;

const isSuppressedFact = (fact: Fact) => 'primary' in fact || 'secondary' in fact;

/** Audits a set of published facts; `minCount` is the threshold of "<min_count". */
export async function auditFacts(facts: readonly Fact[], minCount: number): Promise<AuditResult> {
  const highs = await (solver ??= loadHighs());
  const cells = [...new Set(facts.flatMap((f) => f.cells))].sort();
  const name = new Map(cells.map((cell, i) => [cell, `x${i}`]));
  const terms = (fact: Fact) => fact.cells.map((cell) => name.get(cell)).join(' + ');
  const constraints = facts.map((fact, i) => {
    if ('shown' in fact) return ` c${i}: ${terms(fact)} = ${fact.shown}`;
    if ('primary' in fact) return ` c${i}a: ${terms(fact)} >= 1\n c${i}b: ${terms(fact)} <= ${minCount - 1}`;
    if ('secondary' in fact) return ` c${i}: ${terms(fact)} >= ${minCount}`;
    return ` c${i}: ${terms(fact)} >= ${fact.atLeast}`;
  });
  const suppressed = [...new Set(facts.filter((f) => isSuppressedFact(f) && f.cells.length === 1).map((f) => f.cells[0]!))].sort();
  const ranges = new Map<string, [number, number]>();
  const recoverable: AuditResult['recoverable'] = [];
  const solve = (sense: 'Minimize' | 'Maximize', cell: string): number => {
    const model = `${sense}\n obj: ${name.get(cell)}\nSubject To\n${constraints.join('\n')}\nBounds\n${cells.map((c) => ` ${name.get(c)} >= 0`).join('\n')}\nGenerals\n ${cells.map((c) => name.get(c)).join(' ')}\nEnd`;
    const result = highs.solve(model, { output_flag: false });
    // HiGHS says "Primal infeasible or unbounded" for an unbounded integer problem whose relaxation is feasible.
    if (result.Status === 'Unbounded' || (sense === 'Maximize' && result.Status === 'Primal infeasible or unbounded')) return Number.POSITIVE_INFINITY;
    if (result.Status !== 'Optimal') throw new Error(`the published facts are inconsistent (${result.Status}) for ${cell}`);
    return Math.round(result.ObjectiveValue);
  };
  for (const cell of suppressed) {
    const range: [number, number] = [solve('Minimize', cell), solve('Maximize', cell)];
    ranges.set(cell, range);
    if (range[0] === range[1]) recoverable.push({ cell, value: range[0] });
  }
  return { recoverable, ranges };
}

/** Parses a shown figure: `1.234` / `1,234`, `<5`, `x`, or `–` (no data). */
function parseFigure(text: string): { shown: number } | { primary: true } | { secondary: true } | undefined {
  if (text === '–') return undefined;
  if (text.startsWith('<')) return { primary: true };
  if (text === 'x') return { secondary: true };
  const value = Number(text.replace(/[.,]/g, ''));
  if (!Number.isInteger(value)) throw new Error(`not a figure: ${JSON.stringify(text)}`);
  return { shown: value };
}

/**
 * The facts a set of public brief view models (e.g. every quarter of an area) publish about the
 * incident cells: each table figure, the category rows left out (zero in the whole window),
 * and the incidents listed one by one (a lower bound for their cell).
 */
export function factsFromBriefs(views: readonly BriefView[]): Fact[] {
  const groups = { crime: new Set<string>(), concerns: new Set<string>() };
  for (const view of views) {
    for (const row of view.crime.rows) groups.crime.add(row.id);
    for (const row of view.crime.concern_rows) groups.concerns.add(row.id);
  }
  const facts: Fact[] = [];
  const cell = (category: string, quarter: string) => `${category}@${quarter}`;
  for (const view of views) {
    const w = view.crime.window;
    const all8 = [...w.prev4, ...w.last4];
    const add = (cells: string[], text: string) => {
      const figure = parseFigure(text);
      // A hidden cell is at least min_count (smaller ones are shown as "<min_count"); a hidden
      // total or four-quarter sum says nothing about its value.
      if (!figure || ('secondary' in figure && cells.length > 1)) return;
      facts.push({ cells, ...figure } as Fact);
    };
    const rowFacts = (row: CrimeRowView, ids: string[]) => {
      const cellsOf = (quarters: string[]) => ids.flatMap((id) => quarters.map((q) => cell(id, q)));
      add(cellsOf([w.current]), row.current);
      add(cellsOf([w.year_ago]), row.year_ago);
      add(cellsOf([w.previous]), row.previous);
      add(cellsOf(w.last4), row.last4);
      add(cellsOf(w.prev4), row.prev4);
    };
    for (const [group, rows, total] of [
      ['crime', view.crime.rows, view.crime.crime_total],
      ['concerns', view.crime.concern_rows, view.crime.concerns_total],
    ] as const) {
      for (const row of rows) rowFacts(row, [row.id]);
      rowFacts(total, [...groups[group]]);
      const listed = new Set(rows.map((r) => r.id));
      for (const id of groups[group]) if (!listed.has(id)) for (const q of all8) facts.push({ cells: [cell(id, q)], shown: 0 });
    }
    const perCell = new Map<string, number>();
    for (const summary of view.crime.summaries) {
      if (summary.observation) continue;
      const key = cell(summary.category_id, quarterOfDate(summary.date));
      perCell.set(key, (perCell.get(key) ?? 0) + 1);
    }
    for (const [key, count] of perCell) facts.push({ cells: [key], atLeast: count });
  }
  return facts;
}

function quarterOfDate(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The facts a public comparison table of incidents publishes (cells, totals, four-quarter sums). */
export function factsFromCompare(view: CompareView, groups: { crime: string[]; concerns: string[] }): Fact[] {
  const facts: Fact[] = [];
  const lastQuarters = (endIndex: number) => view.quarters.slice(Math.max(0, endIndex - 3), endIndex + 1).map((q) => q.id);
  for (const row of view.rows) {
    const ids = row.id === 'crime_total' ? groups.crime : row.id === 'concerns_total' ? groups.concerns : [row.id];
    const cellsOf = (quarters: string[]) => ids.flatMap((id) => quarters.map((q) => `${id}@${q}`));
    row.cells.forEach((cell, i) => {
      const figure = parseFigure(cell.text);
      if (figure && !('secondary' in figure && ids.length > 1)) facts.push({ cells: cellsOf([view.quarters[i]!.id]), ...figure } as Fact);
    });
    // The last four quarters, when the table holds all of them.
    if (view.quarters.length >= 4) {
      const figure = parseFigure(row.last4.text);
      if (figure && !('secondary' in figure)) facts.push({ cells: cellsOf(lastQuarters(view.quarters.length - 1)), ...figure } as Fact);
    }
  }
  return facts;
}

/** The facts a public summary publishes about the incident cells: each quarter, the period's and the previous period's sums. */
export function factsFromSummary(view: SummaryView, groups: { crime: string[]; concerns: string[] }): Fact[] {
  const facts: Fact[] = [];
  for (const area of view.areas) {
    const { crime } = area;
    for (const row of crime.rows) {
      const ids = row.id === 'crime_total' ? groups.crime : row.id === 'concerns_total' ? groups.concerns : [row.id];
      const cellsOf = (quarters: string[]) => ids.flatMap((id) => quarters.map((q) => `${id}@${q}`));
      const add = (cells: string[], text: string) => {
        const figure = parseFigure(text);
        if (figure && !('secondary' in figure && cells.length > 1)) facts.push({ cells, ...figure } as Fact);
      };
      row.cells.forEach((cell, i) => add(cellsOf([crime.quarters[i]!.id]), cell.text));
      add(cellsOf(crime.window.period), row.period.text);
      add(cellsOf(crime.window.previous), row.previous.text);
    }
  }
  return facts;
}
