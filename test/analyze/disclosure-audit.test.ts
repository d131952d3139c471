import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AreaIndex } from '../../src/analyze/area-index.js';
import type { QuarterCounts } from '../../src/analyze/figures.js';
import { formatQuarter, parseQuarter, type Quarter, quarterIndex, quarterOf, quarterRange } from '../../src/model/quarters.js';
import { periodOf } from '../../src/analyze/summary.js';
import {
  type Group,
  listedBound,
  type Mark,
  planAreaSuppression,
  primaryMark,
  protectEquation,
  type SuppressionPlan,
} from '../../src/analyze/suppress.js';
import type { Dataset } from '../../src/model/dataset.js';
import { loadProject } from '../../src/load/load-project.js';
import { hiddenShare } from '../../src/render/hidden-share.js';
import { type AudienceData, audienceData, briefViewFor, compareViewFor, summaryViewFor } from '../../src/render/pages.js';
import {
  auditFacts,
  auditRuleAware,
  equationsOf,
  type Fact,
  factsFromBriefs,
  factsFromCompare,
  factsFromSummary,
  groupsOfBriefs,
  planReproducer,
  type Reproduces,
  tableOfCounts,
} from '../helpers/disclosure-audit.js';
import { SMALL_AREA_YEARS, SMALL_AREAS, type SmallAreaOptions, writeSmallAreaProject } from '../helpers/small-area-project.js';

// The disclosure audit of a reader who knows the rule (issue 16, item 3): every public page of
// an area becomes facts, and for each suppressed count the audit looks for two values that
// tables consistent with the facts take while the published rule, re-run on them, gives the same
// page. It finds both leaks of issue 16 on the rule before (kept here as legacyProtectEquation),
// and nothing on the rule of src/analyze/suppress.ts.

const P: Mark = 'primary';
const S: Mark = 'secondary';
const O: Mark = 'shown';

// ---- The rule before issue 16 (src/analyze/suppress.ts at 51f91f6), kept to show what the audit catches.

/** The old rule: primary cells, then the smallest shown non-zero cell hidden while a suppressed cell could be pinned. */
function legacyProtectEquation(values: readonly number[], minCount: number, known: readonly number[] = []): { marks: Mark[]; total: Mark } {
  const sum = values.reduce((a, b) => a + b, 0);
  const marks = values.map((value) => primaryMark(value, minCount));
  const totalMark = primaryMark(sum, minCount);
  if (totalMark === 'primary') {
    return { marks, total: legacyIsProtected(values, marks, [1, minCount - 1], minCount, known) ? 'primary' : 'secondary' };
  }
  while (marks.some((m) => m !== 'shown') && !legacyIsProtected(values, marks, [sum, sum], minCount, known)) {
    let candidate: number | undefined;
    values.forEach((value, index) => {
      if (marks[index] === 'shown' && value > 0 && (candidate === undefined || value < values[candidate]!)) candidate = index;
    });
    if (candidate === undefined) return { marks, total: 'secondary' };
    marks[candidate] = 'secondary';
  }
  return { marks, total: 'shown' };
}

function legacyIsProtected(
  values: readonly number[],
  marks: readonly Mark[],
  total: [number, number],
  minCount: number,
  known: readonly number[],
): boolean {
  const bounds = (mark: Mark, k: number): [number, number] =>
    mark === 'primary' ? [Math.max(1, k), minCount - 1] : [Math.max(minCount, k), Number.POSITIVE_INFINITY];
  const hidden = marks.flatMap((m, i) => (m === 'shown' ? [] : [i]));
  const shownSum = values.reduce((acc, v, i) => acc + (marks[i] === 'shown' ? v : 0), 0);
  const [restLo, restHi] = [total[0] - shownSum, total[1] - shownSum];
  const lo = hidden.map((i) => bounds(marks[i]!, known[i] ?? 0)[0]);
  const hi = hidden.map((i) => bounds(marks[i]!, known[i] ?? 0)[1]);
  const loSum = lo.reduce((a, b) => a + b, 0);
  const othersHi = (k: number) => hi.reduce((acc, h, j) => (j === k ? acc : acc + h), 0);
  return hidden.every((_, k) => Math.min(hi[k]!, restHi - (loSum - lo[k]!)) - Math.max(lo[k]!, restLo - othersHi(k)) >= 1);
}

/** The old planSuppression: one legacy equation per quarter and group, over the area's categories. */
function legacyPlan(
  counts: QuarterCounts,
  categories: Record<Group, readonly string[]>,
  minCount: number,
  listed: (category: string, quarter: number) => number,
): SuppressionPlan {
  const cells = new Map<string, Mark>();
  const totals = new Map<string, Mark>();
  for (const [quarter, row] of counts) {
    for (const group of ['crime', 'concerns'] as const) {
      const ids = categories[group];
      const { marks, total } = legacyProtectEquation(
        ids.map((id) => row.get(id) ?? 0),
        minCount,
        ids.map((id) => listedBound(listed(id, quarter), minCount)),
      );
      ids.forEach((id, i) => cells.set(`${id}@${quarter}`, marks[i]!));
      totals.set(`${group}@${quarter}`, total);
    }
  }
  const hidden = { cell: () => S, total: () => S };
  return { minCount, cell: (c, q) => cells.get(`${c}@${q}`) ?? O, total: (g, q) => totals.get(`${g}@${q}`) ?? O, sameDays: hidden };
}

// ---- One equation (a quarter's crime table), as a page shows it.

/** The facts of one equation's page: each cell as marked, the total unless hidden, and the incidents listed. */
function equationFacts(
  names: readonly string[],
  values: readonly number[],
  marks: readonly Mark[],
  total: Mark,
  listed: readonly number[] = [],
): Fact[] {
  const fact = (cells: string[], value: number, mark: Mark): Fact =>
    mark === 'shown' ? { cells, shown: value } : mark === 'primary' ? { cells, primary: true } : { cells, secondary: true };
  return [
    ...values.map((v, i) => fact([names[i]!], v, marks[i]!)),
    ...(total === 'secondary'
      ? []
      : [
          fact(
            [...names],
            values.reduce((a, b) => a + b, 0),
            total,
          ),
        ]),
    ...listed.flatMap((n, i) => (n > 0 ? [{ cells: [names[i]!], atLeast: n }] : [])),
  ];
}

/** `reproduces` for one equation: the rule on the candidate values gives the page's marks. */
function equationReproducer(
  names: readonly string[],
  page: { marks: Mark[]; total: Mark },
  rule: typeof protectEquation,
  known: readonly number[] = [],
): Reproduces {
  return (table) => {
    const { marks, total } = rule(
      names.map((n) => table.get(n)!),
      5,
      known,
    );
    return total === page.total && marks.every((m, i) => m === page.marks[i]);
  };
}

describe('the rule-aware audit, one equation at a time', () => {
  // Issue 16, leak 2: the page of a generated project under the old rule.
  const names = ['Vold', 'Trusler', 'Indbrud', 'Tyveri', 'Køretøjer', 'Hærværk'];
  const values = [6, 4, 7, 8, 4, 8];

  it('catches leak 2 on the old rule: Vold x, Trusler <5, Indbrud 7, Tyveri 8, Køretøjer <5, Hærværk 8, total 37 → Trusler 4, Køretøjer 4, Vold 6', async () => {
    const page = legacyProtectEquation(values, 5);
    expect(page).toEqual({ marks: [S, P, O, O, P, O], total: O });
    const facts = equationFacts(names, values, page.marks, page.total);
    // A reader who does not know the rule is left with ranges …
    const plain = await auditFacts(facts, 5);
    expect(plain.recoverable).toEqual([]);
    expect(plain.ranges.get('Trusler')).toEqual([1, 4]);
    // … one who re-runs the rule keeps only the true table.
    const aware = await auditRuleAware(facts, 5, equationReproducer(names, page, legacyProtectEquation), { linked: [names] });
    expect(aware.recoverable).toEqual([
      { cell: 'Køretøjer', values: [4] },
      { cell: 'Trusler', values: [4] },
      { cell: 'Vold', values: [6] },
    ]);
  });

  it('finds nothing on the rule of suppress.ts for the same table', async () => {
    const page = protectEquation(values, 5);
    const aware = await auditRuleAware(
      equationFacts(names, values, page.marks, page.total),
      5,
      equationReproducer(names, page, protectEquation),
      { linked: [names] },
    );
    expect(aware.recoverable).toEqual([]);
  });

  it('catches leak 1 on the old rule with every incident of an "x" listed: Vold <5, Indbrud 9, Tyveri x with six thefts listed, Hærværk 0, total 16 → Tyveri 6, Vold 1', async () => {
    const cells = ['Vold', 'Indbrud', 'Tyveri', 'Hærværk'];
    const table = [1, 9, 6, 0];
    const known = [0, 0, listedBound(6, 5), 0];
    const page = legacyProtectEquation(table, 5, known);
    expect(page).toEqual({ marks: [P, O, S, O], total: O });
    // Six listed (before faebc54): the list alone pins both.
    const uncapped = await auditFacts(equationFacts(cells, table, page.marks, page.total, [0, 0, 6, 0]), 5);
    expect(uncapped.recoverable).toEqual([
      { cell: 'Tyveri', value: 6 },
      { cell: 'Vold', value: 1 },
    ]);
    // Three listed (the cap of min_count − 2): each keeps two values, also for a reader who knows the old rule.
    const capped = equationFacts(cells, table, page.marks, page.total, [0, 0, 3, 0]);
    expect((await auditFacts(capped, 5)).recoverable).toEqual([]);
    expect(
      (await auditRuleAware(capped, 5, equationReproducer(cells, page, legacyProtectEquation, known), { linked: [cells] })).recoverable,
    ).toEqual([]);
  });

  it('finds nothing on random equations under the rule of suppress.ts, and something on the old rule for some', async () => {
    let legacyLeaks = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 12 }), { minLength: 2, maxLength: 7 }), async (table) => {
        const cells = table.map((_, i) => `c${i}`);
        for (const rule of [protectEquation, legacyProtectEquation]) {
          const page = rule(table, 5);
          // The old rule only has to be caught somewhere: a shorter search (that may report more) will do.
          const search = rule === protectEquation ? {} : { attempts: 4, cap: 6 };
          const { recoverable } = await auditRuleAware(
            equationFacts(cells, table, page.marks, page.total),
            5,
            equationReproducer(cells, page, rule),
            { linked: [cells], ...search },
          );
          if (rule === protectEquation) expect(recoverable).toEqual([]);
          else if (recoverable.length > 0) legacyLeaks++;
        }
      }),
      { numRuns: 40, seed: 16 },
    );
    expect(legacyLeaks).toBeGreaterThan(0);
  });
});

// ---- Every public page of the generated project.

const QUARTERS = quarterRange(parseQuarter(`${SMALL_AREA_YEARS[0]}-Q1`)!, parseQuarter(`${SMALL_AREA_YEARS.at(-1)}-Q4`)!);
const NOW = new Date('2020-03-01T12:00:00Z');
// Each variant as the project's default grouping has it (auto: by residents), and category by
// category, where most cells are small and the rule has the most to do.
const OPTIONS: [string, SmallAreaOptions][] = [
  ['plain', {}],
  ['a summary on every incident', { summaries: true }],
  ['sensitive incidents', { sensitive: true, summaries: true }],
  ['records counting 2–3 incidents', { counts: true, summaries: true }],
];
const VARIANTS = OPTIONS.flatMap(([name, options]): [string, SmallAreaOptions][] => [
  [name, options],
  [`${name}, category by category`, { ...options, grouping: 'categories' }],
]);

const work = mkdtempSync(join(tmpdir(), 'borgermode-audit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function loadVariant(name: string, options: SmallAreaOptions): Promise<Dataset> {
  const dir = writeSmallAreaProject(join(work, name.replace(/\W+/g, '-')), options);
  const { dataset, findings } = await loadProject({ root: dir, now: NOW });
  // Clean for validate: not even a warning.
  expect(findings).toEqual([]);
  return dataset!;
}

/** The area's categories by group, as its (public) index counts them. */
function areaGroups(data: Dataset, index: AreaIndex): Record<Group, string[]> {
  const ids = new Set([...index.counts.values()].flatMap((row) => [...row.keys()]));
  const of = (crime: boolean) => data.categories.filter((c) => c.crime === crime && ids.has(c.id)).map((c) => c.id);
  return { crime: of(true), concerns: of(false) };
}

/**
 * Every public page of an area that shows incident figures, as a build makes them, over `quarters`:
 * each quarter's brief, comparison tables of several windows, summaries of each whole year, a
 * half-year and four quarters across a year's end.
 */
function publicPages(source: AudienceData, area: string, quarters: readonly Quarter[]) {
  const briefs = quarters.map((q) => briefViewFor(source, area, q, 'da'));
  const groups = groupsOfBriefs(briefs);
  const last = quarters.length - 1;
  const windows: [Quarter, number][] = [
    [quarters[last]!, 8],
    [quarters[last]!, quarters.length],
    [quarters[last - 6]!, 9],
    [quarters[6]!, 4],
  ];
  const compares = windows.map(([to, count]) => compareViewFor(source, 'incidents', area, to, count, 'da'));
  const years = [...new Set(quarters.map((q) => q.year))].filter(
    (year) => quarters.some((q) => q.year === year && q.quarter === 1) && quarters.some((q) => q.year === year && q.quarter === 4),
  );
  const periods = [
    ...years.map((year) => periodOf({ year, quarter: 1 }, { year, quarter: 4 })),
    periodOf({ year: years[0]!, quarter: 1 }, { year: years[0]!, quarter: 2 }),
    periodOf({ year: years[0]!, quarter: 3 }, { year: years[0]! + 1, quarter: 2 }),
  ];
  const summaries = periods.map((period) => summaryViewFor(source, [area], period, 'da'));
  const groupOf = (id: string): Group => (source.data.categories.find((c) => c.id === id)?.crime === false ? 'concerns' : 'crime');
  const facts = [
    ...factsFromBriefs(briefs, groupOf),
    ...compares.flatMap((c) => factsFromCompare(c, groups)),
    ...summaries.flatMap((s) => factsFromSummary(s, groups)),
  ];
  return { briefs, facts };
}

/** Both audits of an area's pages; the rule re-run through `planOf`, searched around the true table. */
async function auditArea(
  source: AudienceData,
  area: string,
  planOf: (counts: QuarterCounts) => SuppressionPlan,
  quarters: readonly Quarter[] = QUARTERS,
) {
  const index = source.index(area);
  const { briefs, facts } = publicPages(source, area, quarters);
  const categories = areaGroups(source.data, index);
  const ids = quarters.map(formatQuarter);
  const reproduces = planReproducer({ categories, quarters: ids, truth: source.plan(area), planOf });
  const plain = await auditFacts(facts, 5);
  const aware = await auditRuleAware(facts, 5, reproduces, {
    linked: equationsOf(groupsOfBriefs(briefs), ids),
    baseline: tableOfCounts(index.counts, facts, categories),
  });
  return { briefs, plain, aware };
}

describe('the rule-aware audit of every public page of the sample', () => {
  it.each([
    ['grouped, as the sample is', false],
    ['category by category', true],
  ])('%s: no suppressed count is recoverable, by the facts or by the rule', async (_, fine) => {
    const root = join(work, fine ? 'sample-categories' : 'sample');
    cpSync(join(import.meta.dirname, '../../data'), root, { recursive: true });
    if (fine) {
      const settings = join(root, 'borgermode.yaml');
      writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^(\s+)min_count: 5.*$/m, '$&\n$1grouping: categories'));
    }
    const { dataset, findings } = await loadProject({ root, now: NOW });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const source = audienceData(dataset!, 'public');
    const area = 'vaerebro-park';
    const quarters = quarterRange(parseQuarter('2018-Q1')!, parseQuarter('2020-Q1')!);
    const { plain, aware } = await auditArea(
      source,
      area,
      (counts) => planAreaSuppression(source.data, area, { ...source.index(area), counts }),
      quarters,
    );
    expect(plain.recoverable).toEqual([]);
    expect(aware.recoverable).toEqual([]);
    if (fine) expect(aware.survivors.size).toBeGreaterThan(20);
  });
});

describe('the rule-aware audit of every public page of a generated two-area project', () => {
  const loaded = new Map<string, Dataset>();
  beforeAll(async () => {
    for (const [name, options] of VARIANTS) loaded.set(name, await loadVariant(name, options));
  });

  describe.each(VARIANTS)('%s', (name, options) => {
    it.each(SMALL_AREAS.map((a) => [a.name, a.id]))(
      '%s: no suppressed count is recoverable, by the facts or by the rule',
      async (_, area) => {
        const source = audienceData(loaded.get(name)!, 'public');
        const { plain, aware } = await auditArea(source, area, (counts) =>
          planAreaSuppression(source.data, area, { ...source.index(area), counts }),
        );
        expect(plain.recoverable).toEqual([]);
        expect(aware.recoverable).toEqual([]);
        // The audit did look: category by category, small areas have many suppressed counts.
        if (options.grouping === 'categories') expect(aware.survivors.size).toBeGreaterThan(50);
      },
    );
  });

  it('catches the old rule in the same project: its decisions depended on the values they hid (leak 2; its pages made by the old plan)', async () => {
    const data = loaded.get('plain, category by category')!;
    const base = audienceData(data, 'public');
    const legacyOf = (area: string) => (counts: QuarterCounts) => {
      const index = base.index(area);
      const listed = new Map<string, number>();
      for (const incident of index.incidents) {
        if (incident.source !== 'police' || incident.summary === undefined) continue;
        const key = `${incident.category}@${quarterIndex(quarterOf(incident.date))}`;
        listed.set(key, (listed.get(key) ?? 0) + 1);
      }
      return legacyPlan(counts, areaGroups(base.data, index), 5, (c, q) => listed.get(`${c}@${q}`) ?? 0);
    };
    const legacy: AudienceData = { ...base, plan: (area) => legacyOf(area)(base.index(area).counts) };
    const found: string[] = [];
    for (const area of SMALL_AREAS) {
      const { plain, aware } = await auditArea(legacy, area.id, legacyOf(area.id));
      expect(plain.recoverable).toEqual([]);
      found.push(...aware.recoverable.map((r) => `${area.id} ${r.cell} = ${r.values.join(' or ')}`));
    }
    console.log(
      `old rule on the generated project: ${found.length} hidden counts recoverable by a reader who knows the rule: ${found.join(', ')}`,
    );
    expect(found.length).toBeGreaterThan(0);
  });
});

// Issue 16, item 4: on this project the median public brief hides at most a quarter of its figures.
describe('hidden share target', () => {
  it('the median public brief of the generated project (default grouping) hides at most 25 % of its figures', async () => {
    const source = audienceData(await loadVariant('share', {}), 'public');
    const shares = SMALL_AREAS.flatMap((area) =>
      QUARTERS.map((q) => hiddenShare(briefViewFor(source, area.id, q, 'da')))
        .filter((s) => s.total > 0)
        .map((s) => s.hidden / s.total),
    ).sort((a, b) => a - b);
    const median = (shares[(shares.length - 1) >> 1]! + shares[shares.length >> 1]!) / 2;
    const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
    console.log(
      `hidden share of ${shares.length} public briefs: median ${percent(median)} (${percent(shares[0]!)}–${percent(shares.at(-1)!)})`,
    );
    expect(median).toBeLessThanOrEqual(0.25);
  });
});
