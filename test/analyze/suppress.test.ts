import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFor } from '../../src/analyze/audience.js';
import { computeBrief } from '../../src/analyze/brief.js';
import { parseQuarter } from '../../src/model/quarters.js';
import { type Mark, NO_SUPPRESSION, planAreaSuppression, protectEquation } from '../../src/analyze/suppress.js';
import type { BriefView } from '../../src/render/brief-view.js';
import { auditFacts, type Fact, factsFromBriefs } from '../helpers/disclosure-audit.js';
import { buildDataset, type DatasetParts, incident } from '../helpers/dataset.js';
import { runCli } from '../helpers/run-cli.js';
import { sampleWithGrouping } from '../helpers/temp-project.js';

const SAMPLE = join(import.meta.dirname, '../../data');
const P: Mark = 'primary';
const S: Mark = 'secondary';
const O: Mark = 'shown';

describe('protectEquation', () => {
  it.each([
    ['nothing small: nothing hidden', [7, 9, 0, 12], 5, [O, O, O, O], O],
    ['one small cell beside a shown total: the total is hidden, no other cell', [3, 7, 12, 0], 5, [P, O, O, O], S],
    ['two small cells: the total is hidden whatever their sum (2 would pin two ones)', [2, 3, 10], 5, [P, P, O], S],
    ['two ones: the same decision as for a 2 and a 3', [1, 1, 9, 14], 5, [P, P, O, O], S],
    ['two fours: the same again', [4, 4, 6, 20], 5, [P, P, O, O], S],
    ['a small total is itself "<5": its cells stay primary', [1, 2, 0], 5, [P, P, O], P],
    ['four small cells under a "<5" total would all be pinned to 1: the total is hidden', [1, 1, 1, 1, 0], 5, [P, P, P, P, O], S],
    ['two small cells under a "<3" total would be pinned: the total is hidden', [1, 1], 3, [P, P], S],
    ['one small cell and nothing else: the total is "<5" as well', [3, 0, 0], 5, [P, O, O], P],
    ['one small cell beside a large cell: the total is hidden, the large cell shown', [2, 0, 40], 5, [P, O, O], S],
    ['min_count 3: a 2 and a 5', [2, 5, 8], 3, [P, O, O], S],
  ])('%s', (_, values, minCount, marks, total) => {
    expect(protectEquation(values, minCount)).toEqual({ marks, total });
  });

  it('decides from the pattern alone: every table with the same small cells gets the same marks', () => {
    // Issue 16, leak 2: whether a cell was hidden depended on the small cells' sum; now no value matters.
    for (const [a, b] of [
      [1, 1],
      [1, 4],
      [4, 4],
      [2, 3],
    ])
      expect(protectEquation([a!, 7, 8, b!, 8], 5)).toEqual({ marks: [P, O, O, P, O], total: S });
  });

  it('counts incidents listed one by one as a lower bound under a small total: a listed 3 beside a 1 would be pinned', () => {
    expect(protectEquation([3, 1, 0], 5, [3, 0, 0]).total).toBe(S);
    expect(protectEquation([3, 1, 0], 5, [0, 0, 0]).total).toBe(P);
  });

  it('never leaves a suppressed cell that the total and shown cells pin (checked by integer programming)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 14 }), { minLength: 1, maxLength: 7 }), fc.constantFrom(3, 5), async (values, minCount) => {
        const { marks, total } = protectEquation(values, minCount);
        const cells = values.map((_, i) => `c${i}`);
        const fact = (cellsOf: string[], value: number, mark: Mark): Fact =>
          mark === 'shown'
            ? { cells: cellsOf, shown: value }
            : mark === 'primary'
              ? { cells: cellsOf, primary: true }
              : { cells: cellsOf, secondary: true };
        // A hidden total says nothing about its value, so it adds no fact.
        const totalFacts =
          total === 'secondary'
            ? []
            : [
                fact(
                  cells,
                  values.reduce((a, b) => a + b, 0),
                  total,
                ),
              ];
        const facts = [...values.map((v, i) => fact([cells[i]!], v, marks[i]!)), ...totalFacts];
        const { recoverable } = await auditFacts(facts, minCount);
        expect(recoverable).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the disclosure audit', () => {
  it('catches a table whose total gives away its one suppressed cell', async () => {
    const facts: Fact[] = [
      { cells: ['a'], primary: true },
      { cells: ['b'], shown: 7 },
      { cells: ['c'], shown: 0 },
      { cells: ['a', 'b', 'c'], shown: 10 },
    ];
    expect((await auditFacts(facts, 5)).recoverable).toEqual([{ cell: 'a', value: 3 }]);
  });

  it('catches a cell given away by the difference of two rolling four-quarter sums', async () => {
    // q1 is suppressed; q2–q5 are shown, and so are the sums q1–q4 and q2–q5.
    const facts: Fact[] = [
      { cells: ['q1'], primary: true },
      { cells: ['q2'], shown: 6 },
      { cells: ['q3'], shown: 7 },
      { cells: ['q4'], shown: 5 },
      { cells: ['q5'], shown: 8 },
      { cells: ['q1', 'q2', 'q3', 'q4'], shown: 20 },
      { cells: ['q2', 'q3', 'q4', 'q5'], shown: 26 },
    ];
    expect((await auditFacts(facts, 5)).recoverable).toEqual([{ cell: 'q1', value: 2 }]);
  });

  it.each([
    ['grouped, as the sample is (auto: 2,600 residents)', undefined, 0],
    ['category by category (privacy.grouping: categories)', 'categories' as const, 20],
  ])('finds nothing recoverable in all public briefs of the sample project together: %s', async (_, grouping, looked) => {
    const data = grouping ? sampleWithGrouping(grouping) : SAMPLE;
    const quarters = ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];
    const views: BriefView[] = [];
    for (const quarter of quarters) {
      const result = await runCli(['report', '--data', data, '--quarter', quarter, '--format', 'json']);
      expect(result.exitCode).toBe(0);
      views.push(JSON.parse(result.stdout) as BriefView);
    }
    const facts = factsFromBriefs(views);
    const { recoverable, ranges } = await auditFacts(facts, 5);
    expect(recoverable).toEqual([]);
    // Grouped, the sample has no suppressed count at all; category by category it has many, and the audit looked at each.
    if (looked === 0) expect(ranges.size).toBe(0);
    else expect(ranges.size).toBeGreaterThan(looked);
  });
});

describe('incidents listed one by one under a suppressed count', () => {
  const theft = (day: number, source: 'police' | 'resident' = 'police') =>
    incident({
      id: `i-${source}-${day}`,
      date: `2020-02-${String(day).padStart(2, '0')}`,
      category: 'theft',
      summary: `Sag ${day}`,
      source,
    });

  it.each([
    ['a "<5" cell of 4 lists at most 3 of its incidents', [theft(1), theft(2), theft(3), theft(4)], 3],
    ['a shown cell of 5 lists all 5', [theft(1), theft(2), theft(3), theft(4), theft(5)], 5],
    // Violence 2 ("<5") beside theft 6: the total is hidden, theft is shown, so its six incidents tell nothing new.
    // (Before, theft was hidden ("x") and listing all six pinned violence: issue 16, leak 1.)
    [
      'a shown cell beside a "<5" cell lists all its incidents: the total is hidden, not the cell',
      [
        theft(1),
        theft(2),
        theft(3),
        theft(4),
        theft(5),
        theft(6),
        incident({ id: 'v-1', date: '2020-02-20', category: 'violence', count: 2 }),
      ],
      6,
    ],
    [
      'a "<5" count of 4 observations lists at most 3',
      [theft(1, 'resident'), theft(2, 'resident'), theft(3, 'resident'), theft(4, 'resident')],
      3,
    ],
  ])('%s', (_, incidents, listed) => {
    const data = datasetFor(buildDataset({ incidents }), 'public');
    const brief = computeBrief(data, { area: 'a', quarter: parseQuarter('2020-Q1')!, plan: planAreaSuppression(data, 'a') });
    expect(brief.incidentSummaries).toHaveLength(listed);
  });
});

describe('planAreaSuppression: the same days a year before a partial quarter (public, min_count 5)', () => {
  // Area a's police figures are stated to end on 15 February 2020, so 2020-Q1 is partial and is
  // compared with 1 January – 15 February 2019; "rest" is 16 February – 31 March 2019.
  const areas: DatasetParts['areas'] = [
    { id: 'a', name: 'Område A', coverage: { to: '2020-02-15' } },
    { id: 'b', name: 'Område B' },
  ];
  const part = (category: string, count: number) => ({ date: '2019-01-10', category, count });
  const rest = (category: string, count: number) => ({ date: '2019-03-01', category, count });
  const planOf = (incidents: DatasetParts['incidents'], minCount = 5) => {
    const data = datasetFor(
      buildDataset({
        areas,
        incidents: [...(incidents ?? []), { date: '2020-01-20', category: 'violence', count: 9 }],
        settings: { privacy: { min_count: minCount, grouping: 'categories' } },
      }),
      'public',
    );
    return { data, plan: planAreaSuppression(data, 'a') };
  };

  it.each<[string, DatasetParts['incidents'], Mark, Mark]>([
    ['same days 10, rest 0 (the whole quarter is the same days): the crime total is shown', [part('violence', 10)], O, O],
    ['same days 10, rest 12: shown', [part('violence', 10), rest('violence', 12)], O, O],
    ['same days 10, rest 5: shown', [part('violence', 10), rest('violence', 5)], O, O],
    ['same days 10, rest 4: hidden (the rest would be a small count)', [part('violence', 10), rest('violence', 4)], S, O],
    ['same days 10, rest 3: hidden', [part('violence', 10), rest('violence', 3)], S, O],
    ['same days 10, rest 1: hidden', [part('violence', 10), rest('violence', 1)], S, O],
    ['same days 5, rest 10: shown', [part('violence', 5), rest('violence', 10)], O, O],
    ['same days 4, rest 10: hidden (the same-days total is small)', [part('violence', 4), rest('violence', 10)], S, O],
    ['same days 1, rest 10: hidden', [part('violence', 1), rest('violence', 10)], S, O],
    ['same days 0, rest 10: shown (0 is not small)', [rest('violence', 10)], O, O],
    [
      'the year-ago total is hidden (4 + 4 + 4 would pin its cells): hidden, though 12 and 0 are not small',
      [part('violence', 4), part('theft', 4), part('vandalism', 4)],
      S,
      O,
    ],
    ['the year-ago total is "<5": hidden', [part('violence', 3)], S, O],
    ['a small same-days concerns total hides that group only', [part('violence', 10), part('nuisance', 2), rest('nuisance', 10)], O, S],
    ['a small concerns rest hides that group only', [part('violence', 10), part('nuisance', 10), rest('nuisance', 2)], O, S],
  ])('%s', (_, incidents, crime, concerns) => {
    const { data, plan } = planOf(incidents);
    expect([plan.sameDays.total('crime'), plan.sameDays.total('concerns')]).toEqual([crime, concerns]);
    // A category's same-days figure is never public, however large.
    for (const category of ['violence', 'theft', 'vandalism', 'nuisance', 'traffic']) expect(plan.sameDays.cell(category)).toBe(S);
    // The brief's year-ago column of the partial quarter carries these marks.
    const b = computeBrief(data, { area: 'a', quarter: parseQuarter('2020-Q1')!, plan });
    expect(b.incidentCoverage).toEqual({ kind: 'partial', until: '2020-02-15' });
    expect([b.crimeTotal.marks.yearAgo, b.concernsTotal.marks.yearAgo]).toEqual([crime, concerns]);
    expect(b.crimeRows.map((r) => r.marks.yearAgo)).toEqual(b.crimeRows.map(() => S));
  });

  it('shows every same-days figure without suppression: NO_SUPPRESSION, and a public project with min_count 1', () => {
    expect([
      NO_SUPPRESSION.sameDays.cell('violence'),
      NO_SUPPRESSION.sameDays.total('crime'),
      NO_SUPPRESSION.sameDays.total('concerns'),
    ]).toEqual([O, O, O]);
    const { plan } = planOf([part('violence', 4), rest('violence', 3)], 1);
    expect([plan.sameDays.cell('violence'), plan.sameDays.total('crime'), plan.sameDays.total('concerns')]).toEqual([O, O, O]);
  });
});
