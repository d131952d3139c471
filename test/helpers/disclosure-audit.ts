import * as highsModule from 'highs';
import type { QuarterCounts } from '../../src/analyze/figures.js';
import { addQuarters, formatQuarter, parseQuarter, quarterIndex } from '../../src/model/quarters.js';
import type { Group, SuppressionPlan } from '../../src/analyze/suppress.js';
import type { BriefView, CrimeRowView } from '../../src/render/brief-view.js';
import type { CompareView } from '../../src/render/compare-view.js';
import type { SummaryView } from '../../src/render/summary-view.js';

// The disclosure audit of docs/privacy.md: what a reader can work out from everything published.
// Every published incident figure becomes a fact about unknown cell counts (category × quarter);
// for each suppressed cell, integer programming (HiGHS) finds the smallest and largest count that
// agrees with all the facts. A cell is recoverable when that range holds a single value.
// auditRuleAware attacks like a reader who also knows the published rule: of the tables that
// agree with the facts it keeps those the rule turns into the same page, and a cell is
// recoverable when fewer than two of its values are left.

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
type Highs = {
  solve(
    model: string,
    options: Record<string, unknown>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
};
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;
let solver: Promise<Highs> | undefined;

const isSuppressedFact = (fact: Fact) => 'primary' in fact || 'secondary' in fact;

/**
 * The facts split into independent parts. A cell a fact shows on its own is pinned to that value;
 * the other cells are linked by the facts they share, and each linked component is a separate
 * integer problem (the pinned cells are constants in it). Solving the components one by one gives
 * the same ranges as one problem over every fact, in a fraction of the time.
 */
interface Parts {
  pinned: Map<string, number>;
  components: Component[];
  /** The component of each cell that is not pinned. */
  componentOf: Map<string, Component>;
}

interface Component {
  cells: string[];
  /** The facts that name one of its cells, as constraints over its cells (pinned cells moved to the right). */
  facts: { cells: string[]; low: number; high: number }[];
}

function splitFacts(facts: readonly Fact[], minCount: number, linked: readonly (readonly string[])[] = []): Parts {
  const unique = [...new Map(facts.map((f) => [JSON.stringify({ ...f, cells: [...f.cells].sort() }), f])).values()];
  const pinned = new Map<string, number>();
  for (const fact of unique) {
    if (!('shown' in fact) || fact.cells.length !== 1) continue;
    const [cell] = fact.cells as [string];
    if (pinned.has(cell) && pinned.get(cell) !== fact.shown)
      throw new Error(`the published facts are inconsistent: ${cell} is shown as ${pinned.get(cell)} and ${fact.shown}`);
    pinned.set(cell, fact.shown);
  }
  const range = (fact: Fact): [number, number] =>
    'shown' in fact
      ? [fact.shown, fact.shown]
      : 'primary' in fact
        ? [1, minCount - 1]
        : 'secondary' in fact
          ? [minCount, Number.POSITIVE_INFINITY]
          : [fact.atLeast, Number.POSITIVE_INFINITY];
  // Union-find over the cells that are not pinned.
  const parent = new Map<string, string>();
  const root = (cell: string): string => {
    let r = cell;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(cell, r);
    return r;
  };
  for (const fact of unique) for (const cell of fact.cells) if (!pinned.has(cell) && !parent.has(cell)) parent.set(cell, cell);
  for (const cells of [...unique.map((f) => f.cells), ...linked]) {
    const free = cells.filter((cell) => parent.has(cell));
    for (const cell of free.slice(1)) parent.set(root(cell), root(free[0]!));
  }
  const byRoot = new Map<string, Component>();
  const componentOf = new Map<string, Component>();
  for (const cell of [...parent.keys()].sort()) {
    const r = root(cell);
    let component = byRoot.get(r);
    if (!component) byRoot.set(r, (component = { cells: [], facts: [] }));
    component.cells.push(cell);
    componentOf.set(cell, component);
  }
  for (const fact of unique) {
    const free = fact.cells.filter((cell) => !pinned.has(cell));
    const constant = fact.cells.reduce((sum, cell) => sum + (pinned.get(cell) ?? 0), 0);
    const [low, high] = range(fact);
    if (free.length === 0) {
      if (constant < low || constant > high)
        throw new Error(`the published facts are inconsistent: ${fact.cells.join(' + ')} = ${constant} against ${JSON.stringify(fact)}`);
      continue;
    }
    componentOf.get(free[0]!)!.facts.push({ cells: free, low: low - constant, high: high - constant });
  }
  return { pinned, components: [...byRoot.values()], componentOf };
}

/** One integer problem over a component's cells, in HiGHS' LP format, with optional extra rows and an upper bound on every cell. */
function lpModel(component: Component, objective: string, extra: string[] = [], upper?: number, binaries: string[] = []): string {
  const name = new Map(component.cells.map((cell, i) => [cell, `x${i}`]));
  const terms = (cells: string[]) => cells.map((cell) => name.get(cell)).join(' + ');
  const rows = component.facts.flatMap((fact, i) => {
    if (fact.low === fact.high) return [` c${i}: ${terms(fact.cells)} = ${fact.low}`];
    return [
      ` c${i}a: ${terms(fact.cells)} >= ${fact.low}`,
      ...(Number.isFinite(fact.high) ? [` c${i}b: ${terms(fact.cells)} <= ${fact.high}`] : []),
    ];
  });
  const vars = component.cells.map((cell) => name.get(cell)!);
  return [
    objective,
    'Subject To',
    ...rows,
    ...extra,
    'Bounds',
    ...vars.map((v) => (upper === undefined ? ` ${v} >= 0` : ` 0 <= ${v} <= ${upper}`)),
    'Generals',
    ` ${vars.join(' ')}`,
    ...(binaries.length > 0 ? ['Binaries', ` ${binaries.join(' ')}`] : []),
    'End',
  ].join('\n');
}

const varOf = (component: Component, cell: string) => `x${component.cells.indexOf(cell)}`;

/** Audits a set of published facts; `minCount` is the threshold of "<min_count". */
export async function auditFacts(facts: readonly Fact[], minCount: number): Promise<AuditResult> {
  const highs = await (solver ??= loadHighs());
  const parts = splitFacts(facts, minCount);
  const suppressed = [...new Set(facts.filter((f) => isSuppressedFact(f) && f.cells.length === 1).map((f) => f.cells[0]!))].sort();
  const ranges = new Map<string, [number, number]>();
  const recoverable: AuditResult['recoverable'] = [];
  const solve = (sense: 'Minimize' | 'Maximize', cell: string): number => {
    const component = parts.componentOf.get(cell)!;
    const result = highs.solve(lpModel(component, `${sense}\n obj: ${varOf(component, cell)}`), { output_flag: false });
    // HiGHS says "Primal infeasible or unbounded" for an unbounded integer problem whose relaxation is feasible.
    if (result.Status === 'Unbounded' || (sense === 'Maximize' && result.Status === 'Primal infeasible or unbounded'))
      return Number.POSITIVE_INFINITY;
    if (result.Status !== 'Optimal') throw new Error(`the published facts are inconsistent (${result.Status}) for ${cell}`);
    return Math.round(result.ObjectiveValue);
  };
  for (const cell of suppressed) {
    // A suppressed cell that is also shown was caught as inconsistent by splitFacts.
    const range: [number, number] = [solve('Minimize', cell), solve('Maximize', cell)];
    ranges.set(cell, range);
    if (range[0] === range[1]) recoverable.push({ cell, value: range[0] });
  }
  return { recoverable, ranges };
}

/** A table of counts: cell → count. */
export type Table = ReadonlyMap<string, number>;

/**
 * Re-runs the published rule on a candidate table of counts (every cell the facts name) and says
 * whether it gives the same page: the same figures shown, "<min_count" and hidden.
 */
export type Reproduces = (table: Table) => boolean;

export interface RuleAwareOptions {
  /**
   * Sets of cells the rule decides on together (for a suppression plan, each quarter's group of
   * categories: equationsOf). The search varies the cells of a component together; a component
   * is the cells linked by the facts and by these sets. Without them, cells whose published
   * total is hidden would be varied one at a time, and a rule that looks at their sum would
   * seem to pin them.
   */
  linked?: readonly (readonly string[])[];
  /**
   * Counts for the cells outside the component being searched (the true table, say). Any table
   * that reproduces the page will do; taking one narrows what the search may try, so the audit
   * can only report more, never less, than a reader finds (and exactly as much when `linked`
   * holds every set the rule decides on together). Default: one table consistent with the
   * facts for each other component (enough when the facts form one component).
   */
  baseline?: Table;
  /** How far above the largest published figure (or min_count) an unbounded cell is tried: 20. */
  cap?: number;
  /** How many tables consistent with the facts are tried for one value of a cell before it is given up: 12. */
  attempts?: number;
}

export interface RuleAwareResult {
  /** Suppressed cells with fewer than two values left by a reader who knows the rule, with those values. */
  recoverable: { cell: string; values: number[] }[];
  /** The values found for each suppressed cell in tables that reproduce the page (the search stops at two). */
  survivors: Map<string, number[]>;
  /** How many candidate tables the rule was re-run on. */
  tried: number;
}

/**
 * The audit of a reader who knows the published rule: for each suppressed cell and each value in
 * its range (auditFacts), look for a table consistent with the facts that has the cell at that
 * value and that the rule turns into the same page (`reproduces`). A table the rule rejects is
 * excluded (a no-good row) and the next one tried, with a rotating objective (each other cell at
 * its least and most) so the search reaches the ends of the ranges, where a rule that looks at
 * values tends to decide otherwise. A cell is recoverable when fewer than two values survive.
 */
export async function auditRuleAware(
  facts: readonly Fact[],
  minCount: number,
  reproduces: Reproduces,
  options: RuleAwareOptions = {},
): Promise<RuleAwareResult> {
  const highs = await (solver ??= loadHighs());
  const { cap = 20, attempts = 12 } = options;
  const parts = splitFacts(facts, minCount, options.linked);
  const largest = Math.max(
    minCount,
    ...facts.map((f) => ('shown' in f ? f.shown : 'atLeast' in f ? f.atLeast : 0)),
    ...(options.baseline ? options.baseline.values() : []),
  );
  const upper = largest + cap;
  // A big-M for the no-good rows: more than any difference of two values in range.
  const big = upper + 2;
  const solveFor = (component: Component, objective: string, extra: string[], binaries: string[] = []): Map<string, number> | undefined => {
    const result = highs.solve(lpModel(component, objective, extra, upper, binaries), { output_flag: false });
    if (result.Status === 'Infeasible' || result.Status === 'Primal infeasible or unbounded') return undefined;
    if (result.Status !== 'Optimal') throw new Error(`unexpected solver status ${result.Status}`);
    return new Map(component.cells.map((cell) => [cell, Math.round(result.Columns[varOf(component, cell)]!.Primal)]));
  };
  // The rest of the table while one component is searched.
  const rest = new Map<string, number>(parts.pinned);
  for (const component of parts.components) {
    const given = component.cells.every((cell) => options.baseline?.has(cell));
    const values = given
      ? new Map(component.cells.map((cell) => [cell, options.baseline!.get(cell)!]))
      : solveFor(component, `Minimize\n obj: ${varOf(component, component.cells[0]!)}`, []);
    if (!values) throw new Error(`the published facts are inconsistent for ${component.cells.join(', ')}`);
    for (const [cell, value] of values) rest.set(cell, value);
  }
  const suppressedCells = new Set(facts.filter((f) => isSuppressedFact(f) && f.cells.length === 1).map((f) => f.cells[0]!));
  const survivors = new Map<string, Set<number>>([...suppressedCells].map((cell) => [cell, new Set<number>()]));
  let tried = 0;
  for (const component of parts.components) {
    const cells = component.cells.filter((cell) => suppressedCells.has(cell));
    if (cells.length === 0) continue;
    const accept = (values: Map<string, number>) => {
      tried++;
      const table = new Map(rest);
      for (const [cell, value] of values) table.set(cell, value);
      if (!reproduces(table)) return false;
      for (const cell of cells) survivors.get(cell)!.add(values.get(cell)!);
      return true;
    };
    for (const cell of cells) {
      const x = varOf(component, cell);
      const low = solveFor(component, `Minimize\n obj: ${x}`, [])?.get(cell);
      const high = solveFor(component, `Maximize\n obj: ${x}`, [])?.get(cell);
      if (low === undefined || high === undefined) throw new Error(`the published facts are inconsistent for ${cell}`);
      const others = component.cells.filter((c) => c !== cell);
      const objectives = [
        `Minimize\n obj: ${x}`,
        ...others.flatMap((c) => [`Minimize\n obj: ${varOf(component, c)}`, `Maximize\n obj: ${varOf(component, c)}`]),
      ];
      const found = survivors.get(cell)!;
      for (let value = low; value <= high && found.size < 2; value++) {
        if (found.has(value)) continue;
        const rows = [` fix: ${x} = ${value}`];
        const binaries: string[] = [];
        for (let attempt = 0; attempt < attempts; attempt++) {
          const values = solveFor(component, objectives[attempt % objectives.length]!, rows, binaries);
          if (!values || accept(values)) break;
          if (others.length === 0) break;
          // No-good: some other cell differs from this table's value by at least one.
          const flags = others.flatMap((other, i) => {
            const [v, at] = [varOf(component, other), values.get(other)!];
            const [up, down] = [`u${attempt}_${i}`, `d${attempt}_${i}`];
            rows.push(
              ` g${attempt}_${i}u: ${v} - ${big} ${up} >= ${at + 1 - big}`,
              ` g${attempt}_${i}d: ${v} + ${big} ${down} <= ${at - 1 + big}`,
            );
            return [up, down];
          });
          rows.push(` g${attempt}: ${flags.join(' + ')} >= 1`);
          binaries.push(...flags);
        }
      }
    }
  }
  const recoverable = [...survivors]
    .filter(([, values]) => values.size < 2)
    .map(([cell, values]) => ({ cell, values: [...values].sort((a, b) => a - b) }));
  return {
    recoverable: recoverable.sort((a, b) => (a.cell < b.cell ? -1 : 1)),
    survivors: new Map([...survivors].map(([cell, values]) => [cell, [...values].sort((a, b) => a - b)])),
    tried,
  };
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
 * incident cells: each table figure and chart bar, the category rows left out (zero in the whole
 * window), and the incidents listed one by one (a lower bound for their cell; the brief is the
 * only page that lists incidents). `groupOf` tells the group of a listed incident's category
 * when it has no row (a whole group shown as its total) and both groups are such.
 */
export function factsFromBriefs(views: readonly BriefView[], groupOf?: (category: string) => Group): Fact[] {
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
      facts.push({ cells, ...figure });
    };
    const rowFacts = (row: CrimeRowView, ids: string[]) => {
      const cellsOf = (quarters: string[]) => ids.flatMap((id) => quarters.map((q) => cell(id, q)));
      add(cellsOf([w.current]), row.current);
      // A provisional quarter's year-ago column is the same days a year before, part of a quarter: not its cells' sum.
      if (!view.crime.provisional) add(cellsOf([w.year_ago]), row.year_ago);
      add(cellsOf([w.previous]), row.previous);
      add(cellsOf(w.last4), row.last4);
      add(cellsOf(w.prev4), row.prev4);
    };
    // A group without category rows (its categories all zero, or shown as one whole-group row) is its total alone.
    const members = (group: 'crime' | 'concerns', total: CrimeRowView) => (groups[group].size > 0 ? [...groups[group]] : [total.id]);
    for (const [group, rows, total] of [
      ['crime', view.crime.rows, view.crime.crime_total],
      ['concerns', view.crime.concern_rows, view.crime.concerns_total],
    ] as const) {
      for (const row of rows) rowFacts(row, [row.id]);
      rowFacts(total, members(group, total));
      const listed = new Set(rows.map((r) => r.id));
      for (const id of groups[group]) if (!listed.has(id)) for (const q of all8) facts.push({ cells: [cell(id, q)], shown: 0 });
      // The chart: the group total of each of the last eight quarters.
      const series = view.crime.chart.series.find((s) => s.id === total.id);
      series?.figures.forEach((text, i) =>
        add(
          members(group, total).map((id) => cell(id, view.crime.chart.quarters[i]!)),
          text,
        ),
      );
    }
    const perCell = new Map<string, number>();
    // A listed incident of a category without a row is counted in its group's total alone.
    const wholeGroups = (['crime', 'concerns'] as const).filter((g) => groups[g].size === 0);
    const cellId = (category: string) => {
      if (groups.crime.has(category) || groups.concerns.has(category)) return category;
      const group = wholeGroups.length === 1 ? wholeGroups[0] : groupOf?.(category);
      if (group === undefined || !wholeGroups.includes(group))
        throw new Error(`a listed incident of ${category}, which is neither a row nor one whole group`);
      return `${group}_total`;
    };
    for (const summary of view.crime.summaries) {
      if (summary.observation) continue;
      const key = cell(cellId(summary.category_id), quarterOfDate(summary.date));
      perCell.set(key, (perCell.get(key) ?? 0) + 1);
    }
    for (const [key, count] of perCell) facts.push({ cells: [key], atLeast: count });
  }
  return facts;
}

/** The quarter `n` quarters after `id` ("2019-Q1"). */
function shiftQuarter(id: string, n: number): string {
  return formatQuarter(addQuarters(parseQuarter(id)!, n));
}

function quarterOfDate(iso: string): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The facts a public comparison table of incidents publishes (cells, totals, four-quarter sums). */
export function factsFromCompare(view: CompareView, groups: { crime: string[]; concerns: string[] }): Fact[] {
  const facts: Fact[] = [];
  const to = view.quarters.at(-1)!.id;
  const span = (end: number) => [3, 2, 1, 0].map((back) => shiftQuarter(to, end - back));
  for (const row of view.rows) {
    const ids = row.id === 'crime_total' ? groups.crime : row.id === 'concerns_total' ? groups.concerns : [row.id];
    const cellsOf = (quarters: string[]) => ids.flatMap((id) => quarters.map((q) => `${id}@${q}`));
    const add = (cells: string[], text: string) => {
      const figure = parseFigure(text);
      if (figure && !('secondary' in figure && cells.length > 1)) facts.push({ cells, ...figure });
    };
    row.cells.forEach((cell, i) => add(cellsOf([view.quarters[i]!.id]), cell.text));
    // The year-ago quarter, the last four quarters up to the table's last and the four a year before (compare.ts).
    add(cellsOf([shiftQuarter(to, -4)]), row.year_ago.text);
    add(cellsOf(span(0)), row.last4.text);
    add(cellsOf(span(-4)), row.prev4.text);
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
        if (figure && !('secondary' in figure && cells.length > 1)) facts.push({ cells, ...figure });
      };
      row.cells.forEach((cell, i) => add(cellsOf([crime.quarters[i]!.id]), cell.text));
      add(cellsOf(crime.window.period), row.period.text);
      add(cellsOf(crime.window.previous), row.previous.text);
    }
  }
  return facts;
}

/**
 * The categories of each group as the briefs' rows name them (the cells of its total); a group
 * without category rows is its total alone, named by the total's id ("crime_total"), as in
 * factsFromBriefs.
 */
export function groupsOfBriefs(views: readonly BriefView[]): Record<Group, string[]> {
  const ids = (rows: (v: BriefView) => CrimeRowView[], total: string) => {
    const found = [...new Set(views.flatMap((v) => rows(v).map((r) => r.id)))].sort();
    return found.length > 0 ? found : [total];
  };
  return { crime: ids((v) => v.crime.rows, 'crime_total'), concerns: ids((v) => v.crime.concern_rows, 'concerns_total') };
}

/** Where a cell of the facts is counted: its category, the one category of a group named by its total's id. */
function categoryOfCell(id: string, categories: Record<Group, readonly string[]>): string {
  for (const group of ['crime', 'concerns'] as const) {
    if (id !== `${group}_total`) continue;
    if (categories[group].length !== 1) throw new Error(`${id} stands for a group of ${categories[group].length} categories`);
    return categories[group][0]!;
  }
  return id;
}

/** The counts of a table of cells ("theft@2019-Q1"), as an area's index holds them (quarter index → category → count). */
export function countsOfTable(table: Table, categories: Record<Group, readonly string[]>): QuarterCounts {
  const counts: QuarterCounts = new Map();
  for (const [cell, value] of table) {
    const [id, quarter] = cell.split('@') as [string, string];
    const index = quarterIndex(parseQuarter(quarter)!);
    let row = counts.get(index);
    if (!row) counts.set(index, (row = new Map<string, number>()));
    row.set(categoryOfCell(id, categories), value);
  }
  return counts;
}

/** The true table of the facts' cells, from an area's counts (the baseline of auditRuleAware). */
export function tableOfCounts(
  counts: QuarterCounts,
  facts: readonly Fact[],
  categories: Record<Group, readonly string[]>,
): Map<string, number> {
  const cells = [...new Set(facts.flatMap((f) => f.cells))];
  return new Map(
    cells.map((cell) => {
      const [id, quarter] = cell.split('@') as [string, string];
      return [cell, counts.get(quarterIndex(parseQuarter(quarter)!))?.get(categoryOfCell(id, categories)) ?? 0];
    }),
  );
}

/** The cells of each equation of a plan (a quarter's group of categories), named as the facts name them: `linked` of auditRuleAware. */
export function equationsOf(groups: Record<Group, readonly string[]>, quarters: readonly string[]): string[][] {
  return quarters.flatMap((q) => [groups.crime, groups.concerns].map((ids) => ids.map((id) => `${id}@${q}`)));
}

/**
 * `reproduces` for a suppression plan: the rule re-run (`planOf`) on a candidate table gives every
 * cell and group total of the published quarters the mark the page has (`truth`). The marks of
 * the sums and changes follow from those of the cells and totals, and the incidents a page lists
 * from the marks and the listing, which the page shows; so equal marks are an equal page.
 * `categories`: the area's categories by group, as its index counts them.
 */
export function planReproducer(options: {
  categories: Record<Group, readonly string[]>;
  quarters: readonly string[];
  truth: SuppressionPlan;
  planOf: (counts: QuarterCounts) => SuppressionPlan;
}): Reproduces {
  const { categories, truth, planOf } = options;
  const quarters = options.quarters.map((q) => quarterIndex(parseQuarter(q)!));
  const ids = [...categories.crime, ...categories.concerns];
  return (table) => {
    const plan = planOf(countsOfTable(table, categories));
    return quarters.every(
      (q) =>
        ids.every((id) => plan.cell(id, q) === truth.cell(id, q)) &&
        (['crime', 'concerns'] as const).every((group) => plan.total(group, q) === truth.total(group, q)),
    );
  };
}
