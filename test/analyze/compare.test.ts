import { describe, expect, it } from 'vitest';
import { datasetFor } from '../../src/analyze/audience.js';
import { poissonChangeP } from '../../src/analyze/change.js';
import { type CompareRow, compareIncidents, compareListChecks, type CompareTable } from '../../src/analyze/compare.js';
import { formatQuarter, parseQuarter } from '../../src/model/quarters.js';
import { planAreaSuppression } from '../../src/analyze/suppress.js';
import type { Dataset } from '../../src/model/dataset.js';
import { buildDataset, countsByQuarter as counts, type DatasetParts } from '../helpers/dataset.js';

// The change rules of reports.md §3 on the cells of a comparison table (reports.md §2): the last
// quarter against the same quarter a year before, the last four quarters against the four before,
// the totals, and no change from a suppressed figure. The texts of the same cells are pinned in
// test/render/compare-view.test.ts.

const TO = parseQuarter('2020-Q1')!;

/** A police record of 2018-Q1: the area's police figures begin there (coverage.ts), so every quarter of the eight up to 2020-Q1 has data (zeros are figures). */
const ANCHOR = counts('nuisance', { '2018-Q1': 20 });

/**
 * Area a's police figures stated to cover 2018-Q1 … 2020-Q1 (`areas[].coverage`): a 0 in 2020-Q1
 * is then a figure even when no incident is recorded after 2019-Q1 (by default the coverage would
 * end with the month of the latest incident).
 */
const COVERED: DatasetParts['areas'] = [
  { id: 'a', name: 'Område A', coverage: { from: '2018-01-01', to: '2020-03-31' } },
  { id: 'b', name: 'Område B' },
];

const incidentsTable = (data: Dataset, plan?: Parameters<typeof compareIncidents>[1]['plan']): CompareTable =>
  compareIncidents(data, { area: 'a', to: TO, count: 8, ...(plan ? { plan } : {}) });
const rowOf = (table: CompareTable, id: string): CompareRow => table.rows.find((r) => r.id === id)!;

describe('the year-ago change of a cell (internal: every figure shown)', () => {
  it.each([
    // prior (2019-Q1), current (2020-Q1), absolute, percent, significant, trend
    [2, 3, 1, 50, false, 'stable'],
    [8, 9, 1, 13, false, 'stable'], // +12.5 %: half away from zero
    [8, 7, -1, -13, false, 'stable'], // −12.5 %: half away from zero, not up to −12
    [1000, 999, -1, 0, false, 'stable'], // −0.1 % rounds to 0, never −0
    [0, 3, 3, null, false, 'stable'], // prior 0: no percentage; p = 0.25
    [0, 7, 7, null, true, 'up'], // p ≈ 0.016
    [0, 0, 0, null, false, 'stable'],
    [4, 0, -4, -100, false, 'stable'], // p ≈ 0.061 (2020-Q1 has 91 days, 2019-Q1 90): four events can vanish by chance
    [7, 0, -7, -100, true, 'down'],
    [9, 16, 7, 78, false, 'stable'], // p ≈ 0.23: within normal variation
    [6, 20, 14, 233, true, 'up'], // p ≈ 0.009
    [20, 6, -14, -70, true, 'down'],
    [5, 5, 0, 0, false, 'stable'],
  ] as const)('%d → %d: %d, %s %%, significant %s (%s)', (prior, current, absolute, percent, significant, trend) => {
    const data = buildDataset({ areas: COVERED, incidents: [...ANCHOR, ...counts('violence', { '2019-Q1': prior, '2020-Q1': current })] });
    const row = rowOf(incidentsTable(data), 'violence');
    expect(row.yearAgo).toEqual({ value: prior, mark: 'shown' });
    expect(row.cells.at(-1)).toEqual({ value: current, mark: 'shown' });
    expect(row.change).toMatchObject({ current, prior, absolute, percent, significant, trend });
    if (percent === 0) expect(Object.is(row.change!.percent, 0)).toBe(true);
  });

  it('weighs the two quarters by their lengths in days (2020-Q1 has 91, 2019-Q1 90)', () => {
    const data = buildDataset({ areas: COVERED, incidents: [...ANCHOR, ...counts('violence', { '2019-Q1': 4 })] });
    const change = rowOf(incidentsTable(data), 'violence').change!;
    expect(change.p).toBe(poissonChangeP(0, 4, { current: 91, prior: 90 }));
    expect(change.p).not.toBe(poissonChangeP(0, 4));
  });

  it('compares the last quarter with the same quarter a year before, not with the quarter before', () => {
    const data = buildDataset({ incidents: [...ANCHOR, ...counts('theft', { '2019-Q1': 10, '2019-Q4': 40, '2020-Q1': 20 })] });
    expect(rowOf(incidentsTable(data), 'theft').change).toMatchObject({ prior: 10, absolute: 10, percent: 100 });
  });
});

describe('the last four quarters against the four before', () => {
  const byQuarter = { '2018-Q2': 1, '2018-Q3': 2, '2018-Q4': 3, '2019-Q1': 4, '2019-Q2': 5, '2019-Q3': 6, '2019-Q4': 7, '2020-Q1': 8 };
  const table = incidentsTable(buildDataset({ incidents: [...ANCHOR, ...counts('theft', byQuarter)] }));

  it('sums 2019-Q2 … 2020-Q1 and 2018-Q2 … 2019-Q1, and compares the sums by the same rules', () => {
    const row = rowOf(table, 'theft');
    expect(table.quarters.map(formatQuarter)).toEqual(Object.keys(byQuarter));
    expect(row.last4).toEqual({ value: 5 + 6 + 7 + 8, mark: 'shown' });
    expect(row.prev4).toEqual({ value: 1 + 2 + 3 + 4, mark: 'shown' });
    // 26 against 10: +16, +160 %, p ≈ 0.011.
    expect(row.last4Change).toMatchObject({ current: 26, prior: 10, absolute: 16, percent: 160, significant: true, trend: 'up' });
  });

  it('gives no sum, and no change, for four quarters that reach before the records begin', () => {
    const data = buildDataset({ incidents: counts('theft', { '2019-Q3': 6, '2019-Q4': 7, '2020-Q1': 8 }) });
    const row = rowOf(incidentsTable(data), 'theft');
    expect(row.cells.slice(0, 5).map((c) => c.value)).toEqual([null, null, null, null, null]);
    expect(row.yearAgo.value).toBeNull();
    expect(row.change).toBeNull();
    expect(row.last4.value).toBeNull(); // 2019-Q2 is before the first record
    expect(row.prev4.value).toBeNull();
    expect(row.last4Change).toBeNull();
  });

  it('is not started by a done activity or a resident report before the first police record', () => {
    const parts: DatasetParts = {
      incidents: [
        ...counts('theft', { '2019-Q3': 6, '2019-Q4': 7, '2020-Q1': 8 }),
        { date: '2018-04-01', category: 'nuisance', source: 'resident' },
      ],
      activities: [{ date: '2018-04-01' }],
    };
    const row = rowOf(incidentsTable(buildDataset(parts)), 'theft');
    expect(row.cells.slice(0, 5).map((c) => c.value)).toEqual([null, null, null, null, null]);
    expect([row.yearAgo.value, row.last4.value, row.prev4.value]).toEqual([null, null, null]);
    // A stated coverage does start them: then the quarters before the first incident are zeros.
    const stated = buildDataset({
      ...parts,
      areas: [
        { id: 'a', name: 'Område A', coverage: { from: '2018-04-01' } },
        { id: 'b', name: 'Område B' },
      ],
    });
    expect(
      rowOf(incidentsTable(stated), 'theft')
        .cells.slice(0, 5)
        .map((c) => c.value),
    ).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('a last quarter the police figures cover only in part (foreløbig)', () => {
  // Stated coverage 2018-01-01 … 2020-02-15: 2020-Q1 is covered up to 15 February.
  const area = (to: string): DatasetParts['areas'] => [
    { id: 'a', name: 'Område A', coverage: { from: '2018-01-01', to } },
    { id: 'b', name: 'Område B' },
  ];
  const incidents: DatasetParts['incidents'] = [
    ...counts('theft', { '2018-Q2': 3, '2019-Q1': 9, '2019-Q4': 4 }),
    { date: '2020-01-20', category: 'theft', count: 6 },
    { date: '2020-02-15', category: 'theft', count: 1 }, // the last covered day
    { date: '2020-02-16', category: 'theft', count: 50 }, // after the coverage: in no figure
  ];
  const table = incidentsTable(buildDataset({ areas: area('2020-02-15'), incidents }));

  it('marks its cells partial, and computes no change and no four-quarter sum from them', () => {
    expect(table.partialUntil).toBe('2020-02-15');
    for (const id of ['theft', 'crime_total']) {
      const row = rowOf(table, id);
      expect(row.cells.at(-1), id).toEqual({ value: 7, mark: 'shown', partial: true });
      expect(row.cells.at(-2), id).toEqual({ value: 4, mark: 'shown' });
      expect(row.yearAgo, id).toEqual({ value: 9, mark: 'shown' });
      expect(row.change, id).toBeNull();
      expect(row.last4, id).toEqual({ value: null, mark: 'shown' });
      expect(row.prev4, id).toEqual({ value: 12, mark: 'shown' });
      expect(row.last4Change, id).toBeNull();
    }
  });

  it('the same quarter covered to its last day has whole figures and a change', () => {
    const whole = incidentsTable(buildDataset({ areas: area('2020-03-31'), incidents }));
    const theft = rowOf(whole, 'theft');
    expect(whole.partialUntil).toBeUndefined();
    expect(theft.cells.at(-1)).toEqual({ value: 57, mark: 'shown' });
    expect(theft.change).toMatchObject({ current: 57, prior: 9 });
    expect(theft.last4).toEqual({ value: 61, mark: 'shown' });
  });
});

describe('crime_total and concerns_total', () => {
  const data = buildDataset({
    incidents: [
      ...ANCHOR,
      ...counts('violence', { '2019-Q1': 3, '2019-Q3': 2, '2020-Q1': 4 }),
      ...counts('theft', { '2019-Q1': 7, '2019-Q2': 1, '2020-Q1': 9 }),
      ...counts('sexual', { '2020-Q1': 2 }),
      ...counts('traffic', { '2019-Q1': 5, '2020-Q1': 6 }),
      ...counts('nuisance', { '2019-Q4': 1, '2020-Q1': 11 }),
      // Observations are not police reports: counted in no figure of the table.
      { category: 'violence', date: '2020-02-20', count: 50, source: 'resident' as const },
    ],
  });
  const table = incidentsTable(data);
  const crime = table.rows.filter((r) => r.category?.crime);
  const concerns = table.rows.filter((r) => r.category && !r.category.crime);
  const sum = (rows: CompareRow[], pick: (r: CompareRow) => number | null) => rows.reduce((a, r) => a + pick(r)!, 0);

  it.each([
    ['crime_total', () => crime],
    ['concerns_total', () => concerns],
  ] as const)('%s is the exact sum of its rows in every quarter, a year before and over four quarters', (id, rows) => {
    const total = rowOf(table, id);
    table.quarters.forEach((_, i) =>
      expect(total.cells[i]!.value, formatQuarter(table.quarters[i]!)).toBe(sum(rows(), (r) => r.cells[i]!.value)),
    );
    expect(total.yearAgo.value).toBe(sum(rows(), (r) => r.yearAgo.value));
    expect(total.last4.value).toBe(sum(rows(), (r) => r.last4.value));
    expect(total.prev4.value).toBe(sum(rows(), (r) => r.prev4.value));
  });

  it('holds the figures the records give: crime 4 + 9 + 2 = 15 in 2020-Q1 (internal: sexual offences on their own), concerns 6 + 11', () => {
    expect(rowOf(table, 'crime_total').cells.at(-1)!.value).toBe(15);
    expect(rowOf(table, 'crime_total').change).toMatchObject({ prior: 10, absolute: 5, percent: 50 });
    expect(rowOf(table, 'concerns_total').cells.at(-1)!.value).toBe(17);
    // 2018-Q1's 20 nuisance incidents are before the window and in no four-quarter sum.
    expect(rowOf(table, 'concerns_total').prev4.value).toBe(5);
  });

  it('counts a sensitive category in public output under Other, so the crime total is unchanged', () => {
    const published = datasetFor(data, 'public');
    const publicTable = incidentsTable(published);
    expect(publicTable.rows.map((r) => r.id)).not.toContain('sexual');
    expect(rowOf(publicTable, 'crime_total').cells.at(-1)!.value).toBe(15);
  });
});

describe('suppressed figures (public output, min_count 5)', () => {
  /** The public table of the data, with the area's suppression plan, as `compare` makes it. */
  const publicTable = (incidents: DatasetParts['incidents']) => {
    const data = datasetFor(buildDataset({ incidents: [...ANCHOR, ...(incidents ?? [])] }), 'public');
    return incidentsTable(data, planAreaSuppression(data, 'a'));
  };

  it.each([
    ['the year before is 1–4', { '2019-Q1': 3, '2020-Q1': 9 }],
    ['the last quarter is 1–4', { '2019-Q1': 9, '2020-Q1': 3 }],
  ])('computes no change when %s', (_, byQuarter) => {
    const row = rowOf(
      publicTable([
        ...counts('violence', byQuarter),
        ...counts('theft', { '2019-Q1': 20, '2020-Q1': 20 }),
        ...counts('vandalism', { '2019-Q1': 6, '2020-Q1': 6 }),
      ]),
      'violence',
    );
    expect([row.yearAgo.mark, row.cells.at(-1)!.mark]).toContain('primary');
    expect(row.change).toBeNull();
  });

  it('hides the total beside a small count (secondary), never another cell, and computes no change from it', () => {
    // 2020-Q1: violence 3 (primary) and theft 10; a shown crime total 13 would give violence
    // away, so the total is hidden, with every change and sum that holds it; theft stays shown.
    const table = publicTable([
      ...counts('violence', { '2019-Q1': 8, '2020-Q1': 3 }),
      ...counts('theft', { '2019-Q1': 12, '2020-Q1': 10 }),
    ]);
    const theft = rowOf(table, 'theft');
    expect(theft.cells.at(-1)).toEqual({ value: 10, mark: 'shown' });
    expect(theft.change).toMatchObject({ current: 10, prior: 12, absolute: -2 });
    const total = rowOf(table, 'crime_total');
    expect(total.cells.at(-1)!.mark).toBe('secondary');
    expect(total.yearAgo).toEqual({ value: 20, mark: 'shown' });
    expect(total.change).toBeNull();
    expect(total.last4.mark).toBe('secondary');
    expect(total.last4Change).toBeNull();
  });

  it('hides a four-quarter sum that holds a suppressed quarter, and computes no change from it', () => {
    const table = publicTable(
      counts('theft', { '2018-Q2': 9, '2018-Q3': 9, '2018-Q4': 9, '2019-Q1': 9, '2019-Q2': 9, '2019-Q3': 2, '2019-Q4': 9, '2020-Q1': 9 }),
    );
    const theft = rowOf(table, 'theft');
    expect(theft.cells.map((c) => c.mark)).toEqual(['shown', 'shown', 'shown', 'shown', 'shown', 'primary', 'shown', 'shown']);
    expect(theft.prev4).toEqual({ value: 36, mark: 'shown' });
    expect(theft.last4.mark).toBe('secondary');
    expect(theft.last4Change).toBeNull();
    // The year-ago change uses two shown figures, so it is computed.
    expect(theft.change).toMatchObject({ current: 9, prior: 9, absolute: 0 });
  });

  it('still computes the change between two shown figures, zero included', () => {
    const row = rowOf(
      publicTable([...counts('theft', { '2019-Q1': 6, '2020-Q1': 0 }), ...counts('violence', { '2019-Q1': 7, '2020-Q1': 7 })]),
      'theft',
    );
    expect(row.cells.at(-1)).toEqual({ value: 0, mark: 'shown' });
    expect(row.change).toMatchObject({ absolute: -6, percent: -100, trend: 'down' });
  });
});

describe('compareListChecks: the list years of the comparison page', () => {
  const parallel = (year: number, area = 'a') => ({
    year,
    area,
    residents: 2000,
    criteria: {
      outside_work_education_pct: 45,
      conviction_ratio: 1,
      basic_education_only_pct: 65,
      income_ratio_pct: 90,
      non_western_pct: 60,
    },
  });

  it('takes the area’s lists published by the end of the last quarter, oldest first, each checked with the earlier ones only', () => {
    const data = buildDataset({
      list_status: [
        parallel(2019),
        { year: 2016, status: 'vulnerable' },
        parallel(2018),
        parallel(2017),
        parallel(2016, 'b'),
        parallel(2020),
      ],
    });
    const years = compareListChecks(data, 'a', parseQuarter('2020-Q3')!);
    expect(years.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019]);
    expect(years[0]).toEqual({ year: 2016, status: 'vulnerable' }); // no figures: no check
    // 2019 needs ghettoområde in 2016–2018 as well; 2016 has no figures (area b's do not count), so it stays open.
    expect(years[3]!.check).toMatchObject({ at_least: 'parallel_society', missing_years: [2016] });
    // The list of 2020 (published 1 December 2020) is after 2020-Q3; by 2020-Q4 it is in.
    expect(compareListChecks(data, 'a', parseQuarter('2020-Q4')!).map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020]);
  });
});
