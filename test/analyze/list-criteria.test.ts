import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBrief } from '../../src/analyze/brief.js';
import { type CriterionId, computeListCheck, type ListCriteriaCheck } from '../../src/analyze/list-criteria.js';
import { parseQuarter } from '../../src/model/quarters.js';
import type { ListStatus } from '../../src/model/schema.js';
import { buildBriefView } from '../../src/render/brief-view.js';
import { buildDataset, type DatasetParts } from '../helpers/dataset.js';

// The list-criteria check (almenboligloven §§ 61 a–b, docs/list-criteria.md): every threshold
// just under, at and just over, both rule sets, the multi-year rules and missing figures.

type Criteria = NonNullable<ListStatus['criteria']>;

/** A record of `year`: 2,000 residents and figures that meet no criterion of any list, unless told. */
const record = (year: number, figures: Partial<Criteria> & { residents?: number | undefined } = {}): ListStatus => {
  const { residents = 2000, ...criteria } = figures;
  return {
    id: `list-${year}`,
    year,
    ...(residents === undefined ? {} : { residents }),
    criteria: {
      outside_work_education_pct: 10,
      conviction_ratio: 1.5,
      basic_education_only_pct: 30,
      income_ratio_pct: 90,
      non_western_pct: 10,
      ...criteria,
    },
  };
};

/** A record whose figures leave out the given fields. */
const without = (r: ListStatus, ...fields: (CriterionId | 'residents')[]): ListStatus => {
  const criteria = Object.fromEntries(Object.entries(r.criteria ?? {}).filter(([k]) => !fields.includes(k as CriterionId)));
  const { residents, ...rest } = r;
  return { ...rest, ...(fields.includes('residents') || residents === undefined ? {} : { residents }), criteria };
};

const verdict = (check: ListCriteriaCheck, id: CriterionId, group: 'main' | 'prevention' = 'main') =>
  check.criteria.find((c) => c.id === id)!.tests.find((t) => t.group === group)?.met;

/** Two criteria of the main thresholds met: an udsat boligområde (with few non-Western residents). */
const VULNERABLE = { outside_work_education_pct: 45, basic_education_only_pct: 65 };
/** Two criteria of the prevention thresholds met, none of the main ones. */
const PREVENTION = { outside_work_education_pct: 35, conviction_ratio: 2.5 };
/** An udsat boligområde with more than 50 % non-Western residents: ghettoområde / parallelsamfund. */
const PARALLEL = { ...VULNERABLE, non_western_pct: 60 };

describe('computeListCheck: each threshold just under, at and just over', () => {
  // [criterion, group, value, met]; `over`/`under` are strict and `at least` is not, as the law words them.
  const rows: [CriterionId, 'main' | 'prevention', number, boolean][] = [
    ['residents', 'main', 999, false],
    ['residents', 'main', 1000, true],
    ['residents', 'main', 1001, true],
    ['outside_work_education_pct', 'main', 39.9, false],
    ['outside_work_education_pct', 'main', 40, false],
    ['outside_work_education_pct', 'main', 40.1, true],
    ['conviction_ratio', 'main', 2.9, false],
    ['conviction_ratio', 'main', 3, true],
    ['conviction_ratio', 'main', 3.1, true],
    ['basic_education_only_pct', 'main', 59.9, false],
    ['basic_education_only_pct', 'main', 60, false],
    ['basic_education_only_pct', 'main', 60.1, true],
    ['income_ratio_pct', 'main', 54.9, true],
    ['income_ratio_pct', 'main', 55, false],
    ['income_ratio_pct', 'main', 55.1, false],
    ['non_western_pct', 'main', 49.9, false],
    ['non_western_pct', 'main', 50, false],
    ['non_western_pct', 'main', 50.1, true],
  ];
  const preventionRows: [CriterionId, 'main' | 'prevention', number, boolean][] = [
    ['residents', 'prevention', 999, false],
    ['residents', 'prevention', 1000, true],
    ['residents', 'prevention', 1001, true],
    ['outside_work_education_pct', 'prevention', 29.9, false],
    ['outside_work_education_pct', 'prevention', 30, false],
    ['outside_work_education_pct', 'prevention', 30.1, true],
    ['conviction_ratio', 'prevention', 1.9, false],
    ['conviction_ratio', 'prevention', 2, true],
    ['conviction_ratio', 'prevention', 2.1, true],
    ['basic_education_only_pct', 'prevention', 59.9, false],
    ['basic_education_only_pct', 'prevention', 60, false],
    ['basic_education_only_pct', 'prevention', 60.1, true],
    ['income_ratio_pct', 'prevention', 64.9, true],
    ['income_ratio_pct', 'prevention', 65, false],
    ['income_ratio_pct', 'prevention', 65.1, false],
    ['non_western_pct', 'prevention', 29.9, false],
    ['non_western_pct', 'prevention', 30, false],
    ['non_western_pct', 'prevention', 30.1, true],
  ];

  it.each([
    ...[2018, 2019, 2020, 2021, 2024].flatMap((year) => rows.map((r) => [year, ...r] as const)),
    ...[2021, 2024].flatMap((year) => preventionRows.map((r) => [year, ...r] as const)),
  ])('list of %i: %s (%s) %d → %s', (year, id, group, value, met) => {
    expect(verdict(computeListCheck(record(year, { [id]: value })), id, group)).toBe(met);
  });

  it('has no prevention thresholds before the list of 2021', () => {
    for (const year of [2018, 2019, 2020]) {
      const check = computeListCheck(record(year));
      expect(check.criteria.every((c) => c.tests.length === 1)).toBe(true);
      expect(check.lists.map((l) => l.list)).toEqual(['transformation_area', 'parallel_society', 'vulnerable']);
    }
    expect(computeListCheck(record(2021)).lists.map((l) => l.list)).toEqual([
      'transformation_area',
      'parallel_society',
      'vulnerable',
      'prevention_area',
    ]);
  });
});

describe('computeListCheck: each criterion decides the list at its threshold (one other criterion met)', () => {
  // With exactly one other criterion met, the area is udsat exactly when the tested one is met.
  const other = (id: CriterionId) =>
    id === 'outside_work_education_pct' ? { basic_education_only_pct: 65 } : { outside_work_education_pct: 45 };
  it.each<[number, CriterionId, number, 'vulnerable' | 'none']>([
    [2019, 'outside_work_education_pct', 40, 'none'],
    [2019, 'outside_work_education_pct', 40.1, 'vulnerable'],
    [2019, 'conviction_ratio', 2.9, 'none'],
    [2019, 'conviction_ratio', 3, 'vulnerable'],
    [2019, 'basic_education_only_pct', 60, 'none'],
    [2019, 'basic_education_only_pct', 60.1, 'vulnerable'],
    [2019, 'income_ratio_pct', 55, 'none'],
    [2019, 'income_ratio_pct', 54.9, 'vulnerable'],
    [2022, 'outside_work_education_pct', 40, 'none'],
    [2022, 'outside_work_education_pct', 40.1, 'vulnerable'],
    [2022, 'conviction_ratio', 2.9, 'none'],
    [2022, 'conviction_ratio', 3, 'vulnerable'],
    [2022, 'income_ratio_pct', 55, 'none'],
    [2022, 'income_ratio_pct', 54.9, 'vulnerable'],
  ])('list of %i: %s %d with one other criterion → %s', (year, id, value, expected) => {
    expect(computeListCheck(record(year, { ...other(id), [id]: value })).points_to).toBe(expected);
  });

  it.each<[CriterionId, number, 'prevention_area' | 'none']>([
    ['outside_work_education_pct', 30, 'none'],
    ['outside_work_education_pct', 30.1, 'prevention_area'],
    ['income_ratio_pct', 65, 'none'],
    ['income_ratio_pct', 64.9, 'prevention_area'],
  ])('list of 2021, 40 %% non-Western, conviction 2.5×: %s %d → %s', (id, value, expected) => {
    expect(computeListCheck(record(2021, { non_western_pct: 40, conviction_ratio: 2.5, [id]: value })).points_to).toBe(expected);
  });
});

describe('computeListCheck: the lists of 2018–2020', () => {
  it.each<[string, ListStatus, string]>([
    ['no criterion met', record(2019), 'none'],
    ['one criterion met', record(2019, { outside_work_education_pct: 45 }), 'none'],
    ['two criteria met', record(2019, VULNERABLE), 'vulnerable'],
    [
      'all four met',
      record(2019, { outside_work_education_pct: 45, conviction_ratio: 4, basic_education_only_pct: 65, income_ratio_pct: 40 }),
      'vulnerable',
    ],
    ['two met, 999 residents', record(2019, { ...VULNERABLE, residents: 999 }), 'none'],
    ['two met, 1,000 residents', record(2019, { ...VULNERABLE, residents: 1000 }), 'vulnerable'],
    ['two met, 50 % non-Western', record(2019, { ...VULNERABLE, non_western_pct: 50 }), 'vulnerable'],
    ['two met, 50.1 % non-Western (ghettoområde)', record(2019, { ...VULNERABLE, non_western_pct: 50.1 }), 'parallel_society'],
    ['one met, 90 % non-Western', record(2019, { outside_work_education_pct: 45, non_western_pct: 90 }), 'none'],
    ['the prevention thresholds do not count before 2021', record(2020, { ...PREVENTION, non_western_pct: 40 }), 'none'],
  ])('%s → %s', (_, r, expected) => {
    expect(computeListCheck(r, [record(2018, PARALLEL), record(2017)]).points_to).toBe(expected);
  });
});

describe('computeListCheck: the lists from 2021', () => {
  it.each<[string, ListStatus, string]>([
    ['nothing met', record(2021), 'none'],
    ['udsat, 20 % non-Western (not forebyggelse: too few)', record(2021, { ...VULNERABLE, non_western_pct: 20 }), 'vulnerable'],
    ['udsat, 40 % non-Western: the stricter list wins', record(2021, { ...VULNERABLE, non_western_pct: 40 }), 'vulnerable'],
    ['two prevention criteria, 30.1 % non-Western', record(2021, { ...PREVENTION, non_western_pct: 30.1 }), 'prevention_area'],
    ['two prevention criteria, 30 % non-Western', record(2021, { ...PREVENTION, non_western_pct: 30 }), 'none'],
    [
      'two prevention criteria, 40 % non-Western, 999 residents',
      record(2021, { ...PREVENTION, non_western_pct: 40, residents: 999 }),
      'none',
    ],
    [
      'two prevention criteria, 40 % non-Western, 1,000 residents',
      record(2021, { ...PREVENTION, non_western_pct: 40, residents: 1000 }),
      'prevention_area',
    ],
    ['one prevention criterion, 40 % non-Western', record(2021, { outside_work_education_pct: 35, non_western_pct: 40 }), 'none'],
    ['udsat, 50.1 % non-Western (parallelsamfund)', record(2021, { ...VULNERABLE, non_western_pct: 50.1 }), 'parallel_society'],
    ['udsat, 50 % non-Western', record(2021, { ...VULNERABLE, non_western_pct: 50 }), 'vulnerable'],
    ['udsat and 60 % non-Western, 999 residents', record(2021, { ...PARALLEL, residents: 999 }), 'none'],
  ])('%s → %s', (_, r, expected) => {
    // 2020 is not parallelsamfund, so the five-year rule is settled: no omdannelsesområde.
    expect(computeListCheck(r, [record(2020)]).points_to).toBe(expected);
  });
});

describe('computeListCheck: hårdt ghettoområde (4 years) and omdannelsesområde (5 years)', () => {
  const parallelYears = (...years: number[]) => years.map((year) => record(year, PARALLEL));

  it.each<[string, number, ListStatus[], Pick<ListCriteriaCheck, 'points_to' | 'at_least' | 'missing_years'>]>([
    ['2018 and ghettoområde 2015–2017', 2018, parallelYears(2015, 2016, 2017), { points_to: 'transformation_area', missing_years: [] }],
    ['2020 and ghettoområde 2017–2019', 2020, parallelYears(2017, 2018, 2019), { points_to: 'transformation_area', missing_years: [] }],
    [
      '2020, 2019 only udsat',
      2020,
      [...parallelYears(2017, 2018), record(2019, VULNERABLE)],
      { points_to: 'parallel_society', missing_years: [] },
    ],
    ['2020, 2017 not recorded', 2020, parallelYears(2018, 2019), { at_least: 'parallel_society', missing_years: [2017] }],
    ['2020, no earlier year recorded', 2020, [], { at_least: 'parallel_society', missing_years: [2017, 2018, 2019] }],
    [
      '2020, 2017 missing but 2018 not ghettoområde: settled',
      2020,
      [record(2018, VULNERABLE), ...parallelYears(2019)],
      { points_to: 'parallel_society', missing_years: [] },
    ],
    [
      '2020, 2016 is not needed',
      2020,
      [record(2016), ...parallelYears(2017, 2018, 2019)],
      { points_to: 'transformation_area', missing_years: [] },
    ],
    [
      '2021 and parallelsamfund 2017–2020 (five years)',
      2021,
      parallelYears(2017, 2018, 2019, 2020),
      { points_to: 'transformation_area', missing_years: [] },
    ],
    [
      '2021 and parallelsamfund 2018–2020 only (four years are not enough)',
      2021,
      parallelYears(2018, 2019, 2020),
      { at_least: 'parallel_society', missing_years: [2017] },
    ],
    [
      '2022 and parallelsamfund 2018–2021',
      2022,
      parallelYears(2018, 2019, 2020, 2021),
      { points_to: 'transformation_area', missing_years: [] },
    ],
    [
      '2022, 2018 udsat only',
      2022,
      [record(2018, VULNERABLE), ...parallelYears(2019, 2020, 2021)],
      { points_to: 'parallel_society', missing_years: [] },
    ],
  ])('%s', (_, year, earlier, expected) => {
    const check = computeListCheck(record(year, PARALLEL), earlier);
    expect({ points_to: check.points_to, at_least: check.at_least, missing_years: check.missing_years }).toEqual({
      points_to: undefined,
      at_least: undefined,
      ...expected,
    });
  });

  it('judges an earlier year with missing figures when what is there settles it', () => {
    // 2017 has no income and no basic-schooling figure, but two criteria and the non-Western share are met.
    const earlier = [
      without(record(2017, PARALLEL), 'income_ratio_pct', 'conviction_ratio'),
      ...[2018, 2019].map((y) => record(y, PARALLEL)),
    ];
    expect(computeListCheck(record(2020, PARALLEL), earlier).points_to).toBe('transformation_area');
  });

  it('names an earlier year whose figures leave it open', () => {
    const earlier = [without(record(2017, PARALLEL), 'non_western_pct'), ...[2018, 2019].map((y) => record(y, PARALLEL))];
    const check = computeListCheck(record(2020, PARALLEL), earlier);
    expect(check.at_least).toBe('parallel_society');
    expect(check.missing_years).toEqual([2017]);
  });

  it('gives no missing years when this year is not ghettoområde', () => {
    expect(computeListCheck(record(2020, VULNERABLE), []).missing_years).toEqual([]);
  });

  it('ignores records of later years and of the same year', () => {
    const check = computeListCheck(record(2019, PARALLEL), [...[2020, 2021, 2022].map((y) => record(y, PARALLEL)), record(2019, PARALLEL)]);
    expect(check.missing_years).toEqual([2016, 2017, 2018]);
  });
});

describe('computeListCheck: lists before 2018', () => {
  it.each([2010, 2016, 2017])('shows the figures of %i but computes nothing', (year) => {
    const check = computeListCheck(record(year, PARALLEL), []);
    expect(check.rules).toBeUndefined();
    expect(check.lists).toEqual([]);
    expect(check.points_to).toBeUndefined();
    expect(check.at_least).toBeUndefined();
    expect(check.criteria.map((c) => [c.id, c.value, c.tests.length])).toEqual([
      ['residents', 2000, 0],
      ['outside_work_education_pct', 45, 0],
      ['conviction_ratio', 1.5, 0],
      ['basic_education_only_pct', 65, 0],
      ['income_ratio_pct', 90, 0],
      ['non_western_pct', 60, 0],
    ]);
  });

  it('computes from the list of 2018', () => {
    expect(computeListCheck(record(2018, PARALLEL), parallelYearsOf(2015, 2016, 2017)).points_to).toBe('transformation_area');
  });
});

function parallelYearsOf(...years: number[]): ListStatus[] {
  return years.map((year) => record(year, PARALLEL));
}

describe('computeListCheck: missing figures', () => {
  it.each<[string, ListStatus, Pick<ListCriteriaCheck, 'points_to' | 'at_least' | 'missing'>]>([
    ['no residents', without(record(2019, PARALLEL), 'residents'), { missing: ['residents'] }],
    ['no residents, nothing else met: settled', without(record(2019), 'residents'), { points_to: 'none', missing: ['residents'] }],
    [
      'one met, one missing: open',
      without(record(2019, { outside_work_education_pct: 45 }), 'income_ratio_pct'),
      { missing: ['income_ratio_pct'] },
    ],
    ['none met, one missing: settled', without(record(2019), 'income_ratio_pct'), { points_to: 'none', missing: ['income_ratio_pct'] }],
    [
      'two met, two missing, few non-Western: settled',
      without(record(2019, VULNERABLE), 'conviction_ratio', 'income_ratio_pct'),
      { points_to: 'vulnerable', missing: ['conviction_ratio', 'income_ratio_pct'] },
    ],
    [
      'two met, non-Western missing',
      without(record(2019, VULNERABLE), 'non_western_pct'),
      { at_least: 'vulnerable', missing: ['non_western_pct'] },
    ],
    [
      'one met, non-Western missing: settled',
      without(record(2019, { outside_work_education_pct: 45 }), 'non_western_pct'),
      { points_to: 'none', missing: ['non_western_pct'] },
    ],
    [
      '2021: udsat, non-Western missing',
      without(record(2021, VULNERABLE), 'non_western_pct'),
      { at_least: 'vulnerable', missing: ['non_western_pct'] },
    ],
    [
      '2021: prevention criteria met, non-Western missing',
      without(record(2021, PREVENTION), 'non_western_pct'),
      { missing: ['non_western_pct'] },
    ],
    [
      'no criteria at all',
      { id: 'l', year: 2019, residents: 2000 },
      { missing: ['outside_work_education_pct', 'conviction_ratio', 'basic_education_only_pct', 'income_ratio_pct', 'non_western_pct'] },
    ],
  ])('%s', (_, r, expected) => {
    const check = computeListCheck(r, [record(2016), record(2017), record(2018), record(2020)]);
    expect({ points_to: check.points_to, at_least: check.at_least, missing: check.missing }).toEqual({
      points_to: undefined,
      at_least: undefined,
      ...expected,
    });
  });

  it('leaves the criterion of a missing figure open and keeps its value absent', () => {
    const check = computeListCheck(without(record(2021), 'conviction_ratio'));
    expect(verdict(check, 'conviction_ratio')).toBeNull();
    expect(verdict(check, 'conviction_ratio', 'prevention')).toBeNull();
    expect(check.criteria.find((c) => c.id === 'conviction_ratio')).not.toHaveProperty('value');
  });

  it('never claims a list that a missing figure could change (any figures, any completion)', () => {
    const RANK: Record<string, number> = { none: 0, prevention_area: 1, vulnerable: 2, parallel_society: 3, transformation_area: 4 };
    const figure = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true }), { nil: undefined });
    const figures = fc.record({
      residents: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
      outside_work_education_pct: figure(100),
      conviction_ratio: figure(6),
      basic_education_only_pct: figure(100),
      income_ratio_pct: figure(150),
      non_western_pct: figure(100),
    });
    const complete = fc.record({
      residents: fc.integer({ min: 0, max: 3000 }),
      outside_work_education_pct: fc.double({ min: 0, max: 100, noNaN: true }),
      conviction_ratio: fc.double({ min: 0, max: 6, noNaN: true }),
      basic_education_only_pct: fc.double({ min: 0, max: 100, noNaN: true }),
      income_ratio_pct: fc.double({ min: 0, max: 150, noNaN: true }),
      non_western_pct: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    const toRecord = (year: number, f: Record<string, number | undefined>): ListStatus => {
      const { residents, ...criteria } = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, number>;
      return { id: `l-${year}`, year, ...(residents !== undefined ? { residents } : {}), criteria };
    };
    fc.assert(
      fc.property(fc.constantFrom(2018, 2020, 2021, 2023), figures, complete, fc.boolean(), (year, partial, fill, earlierParallel) => {
        // Earlier years all recorded, so a complete record always settles its list.
        const years = [year - 4, year - 3, year - 2, year - 1];
        const earlier = earlierParallel ? parallelYearsOf(...years) : years.map((y) => record(y));
        const open = computeListCheck(toRecord(year, partial), earlier);
        const filled = computeListCheck(
          toRecord(year, { ...fill, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) }),
          earlier,
        );
        expect(filled.points_to).toBeDefined();
        if (open.points_to !== undefined) expect(filled.points_to).toBe(open.points_to);
        if (open.at_least !== undefined) expect(RANK[filled.points_to!]).toBeGreaterThanOrEqual(RANK[open.at_least]!);
        if (open.points_to === undefined) expect(open.lists.some((l) => l.met === null)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the check in the brief', () => {
  /** The brief of area 'a' for a quarter, and its Danish view. */
  const brief = (parts: DatasetParts, quarter: string) => computeBrief(buildDataset(parts), { area: 'a', quarter: parseQuarter(quarter)! });
  const view = (parts: DatasetParts, quarter: string, lang: 'da' | 'en' = 'da') =>
    buildBriefView(brief(parts, quarter), { lang, audience: 'public', meetingPlace: undefined, contacts: [] }).safety?.list_check;
  const parallel = (year: number, extra: { area?: string } = {}) => ({ ...record(year, PARALLEL), ...extra });

  it('checks the list the brief picks, with the area’s earlier lists only', () => {
    const list_status = [
      parallel(2017),
      parallel(2018),
      parallel(2019),
      parallel(2016, { area: 'b' }),
      parallel(2020),
      { ...parallel(2016), id: 'a-2016' },
    ];
    // 2019-Q4 ends after 1 December 2019: the list of 2019, judged with 2016–2018 of area a.
    expect(brief({ list_status }, '2019-Q4').listCheck?.points_to).toBe('transformation_area');
    // Without area a's own 2016 list, area b's does not stand in for it.
    expect(brief({ list_status: list_status.filter((l) => l.id !== 'a-2016') }, '2019-Q4').listCheck).toMatchObject({
      at_least: 'parallel_society',
      missing_years: [2016],
    });
    // 2019-Q3 ends before 1 December 2019: the list of 2018.
    expect(brief({ list_status }, '2019-Q3').listCheck?.year).toBe(2018);
  });

  it('has no check when the list gives no figures, and keeps the official status', () => {
    const b = brief({ list_status: [{ year: 2019, status: 'vulnerable' }] }, '2020-Q1');
    expect(b.listCheck).toBeUndefined();
    expect(b.listStatus?.status).toBe('vulnerable');
  });

  it('shows the check beside the official status, which it never replaces', () => {
    const safety = buildBriefView(brief({ list_status: [{ ...record(2019, VULNERABLE), status: 'none' }] }, '2020-Q1'), {
      lang: 'da',
      audience: 'public',
      meetingPlace: undefined,
      contacts: [],
    }).safety;
    expect(safety?.list_status?.text).toBe('ikke på listen');
    expect(safety?.list_check?.result).toBe('udsat boligområde');
    expect(safety?.list_check?.lead).toBe(
      'Den liste, tallene peger på (vores egen beregning ud fra de offentliggjorte tal, ikke en officiel afgørelse)',
    );
  });

  it('shows the safety section for a list with figures but no official status', () => {
    const check = view({ list_status: [record(2019, VULNERABLE)] }, '2020-Q1');
    expect(check?.points_to).toBe('vulnerable');
  });

  it('names the lists as they were called in the list’s year', () => {
    expect(view({ list_status: [record(2020, PARALLEL)] }, '2021-Q1')?.result).toBe('mindst ghettoområde');
    expect(view({ list_status: [record(2021, PARALLEL)] }, '2022-Q1')?.result).toBe('mindst parallelsamfund');
    expect(view({ list_status: [record(2021, PARALLEL)] }, '2022-Q1', 'en')?.result).toBe('at least parallel society');
    expect(view({ list_status: [record(2020, PARALLEL), ...parallelYearsOf(2017, 2018, 2019)] }, '2021-Q1')?.result).toBe(
      'hårdt ghettoområde',
    );
  });

  it('lays out the table: figures, thresholds and ✓ / – / ?', () => {
    const check = view(
      {
        list_status: [
          without(record(2021, { outside_work_education_pct: 35, conviction_ratio: 3, non_western_pct: 42.35 }), 'income_ratio_pct'),
        ],
      },
      '2022-Q1',
    );
    expect(check?.columns).toEqual({
      criterion: 'Kriterium',
      figure: 'Tal',
      tests: [
        { threshold: 'Grænse', met: 'Opfyldt' },
        { threshold: 'Grænse for forebyggelsesområde', met: 'Opfyldt for forebyggelsesområde' },
      ],
    });
    expect(check?.rows.map((r) => [r.label, r.figure, ...r.tests.flatMap((t) => [t.threshold, t.met])])).toEqual([
      ['Beboere', '2.000', 'mindst 1.000', '✓', 'mindst 1.000', '✓'],
      ['18–64-årige uden arbejde eller uddannelse', '35\u00a0%', 'over 40\u00a0%', '–', 'over 30\u00a0%', '✓'],
      ['Dømte i forhold til landsgennemsnittet', '3\u00a0gange', 'mindst 3\u00a0gange', '✓', 'mindst 2\u00a0gange', '✓'],
      ['30–59-årige med kun grundskole', '30\u00a0%', 'over 60\u00a0%', '–', 'over 60\u00a0%', '–'],
      ['Indkomst i forhold til regionen', 'mangler', 'under 55\u00a0%', '?', 'under 65\u00a0%', '?'],
      ['Ikke-vestlige indvandrere og efterkommere', '42,35\u00a0%', 'over 50\u00a0%', '–', 'over 30\u00a0%', '✓'],
    ]);
    // Two prevention criteria met already: forebyggelsesområde whatever the income; udsat still open.
    expect(check?.result).toBe('mindst forebyggelsesområde');
    expect(check?.notes[0]).toBe('Kan ikke vurderes, fordi tallet mangler: indkomst i forhold til regionen.');
  });

  it('says which earlier years are missing for the multi-year rule', () => {
    const check = view({ list_status: [record(2021, PARALLEL), ...parallelYearsOf(2018, 2020)] }, '2022-Q1');
    expect(check?.notes).toContain(
      'Omdannelsesområde kræver 5 år i træk som parallelsamfund. Det kan ikke vurderes, fordi tallene for 2017 og 2019 mangler.',
    );
    const en = view({ list_status: [record(2019, PARALLEL), ...parallelYearsOf(2018)] }, '2020-Q1', 'en');
    expect(en?.notes).toContain(
      'Hard ghetto area requires 4 years in a row as ghetto area. This cannot be judged because the figures for 2016 and 2017 are missing.',
    );
  });

  it('shows the figures of a list before 2018 and says the check is not computed', () => {
    const check = view({ list_status: [record(2017, PARALLEL)] }, '2018-Q1');
    expect(check?.computed).toBe(false);
    expect(check?.result).toBe('ikke beregnet');
    expect(check?.columns.tests).toEqual([]);
    expect(check?.rows.map((r) => r.figure)).toEqual(['2.000', '45\u00a0%', '1,5\u00a0gange', '65\u00a0%', '90\u00a0%', '60\u00a0%']);
    expect(check?.notes).toEqual([
      'Reglerne i almenboligloven §§ 61 a–b gælder fra listen 1. december 2018. For listen 1. december 2017 vises tallene derfor kun, som de blev offentliggjort.',
    ]);
  });

  it('shows a figure just over its threshold as written, never rounded onto it', () => {
    const check = view({ list_status: [record(2019, { outside_work_education_pct: 40.01 })] }, '2020-Q1');
    expect(check?.rows[1]).toMatchObject({ figure: '40,01\u00a0%', tests: [{ threshold: 'over 40\u00a0%', met: '✓' }] });
  });
});
