import { describe, expect, it } from 'vitest';
import type { ListYear } from '../../src/analyze/compare.js';
import { computeListCheck, RULE_SETS } from '../../src/analyze/list-criteria.js';
import type { ListStatus } from '../../src/model/schema.js';
import { buildListChecksView, buildListCheckView } from '../../src/render/list-check-view.js';

// The list-criteria check in words: the comparison page's years side by side, built from the
// same pieces as the brief's one list (docs/list-criteria.md). The brief's table itself is
// pinned in test/analyze/list-criteria.test.ts.

type Criteria = NonNullable<ListStatus['criteria']>;

/** A list record of `year`: 2,000 residents and figures that meet no criterion, unless told; `null` leaves a figure out. */
const record = (year: number, figures: { [K in keyof Criteria]?: number | null } = {}, status?: ListStatus['status']): ListStatus => {
  const criteria = {
    outside_work_education_pct: 10,
    conviction_ratio: 1.5,
    basic_education_only_pct: 30,
    income_ratio_pct: 90,
    non_western_pct: 10,
    ...figures,
  };
  return {
    id: `list-${year}`,
    year,
    residents: 2000,
    ...(status ? { status } : {}),
    criteria: Object.fromEntries(Object.entries(criteria).filter(([, v]) => v !== null)),
  };
};

/** List years as `compareListChecks` makes them: each checked with the earlier ones. */
const yearsOf = (...records: ListStatus[]): ListYear[] =>
  records.map((r) => ({
    year: r.year,
    ...(r.status ? { status: r.status } : {}),
    ...(r.criteria
      ? {
          check: computeListCheck(
            r,
            records.filter((e) => e.year < r.year),
          ),
        }
      : {}),
  }));

const VULNERABLE = { outside_work_education_pct: 45, basic_education_only_pct: 65 };
const PREVENTION = { outside_work_education_pct: 35, conviction_ratio: 2.5, non_western_pct: 40 };

describe('the rule sets the year-by-year table relies on', () => {
  it('gives each threshold group the same thresholds in every rule set, so one threshold column per group is right for every year', () => {
    for (const id of ['main', 'prevention'] as const) {
      const thresholds = RULE_SETS.flatMap((rules) => rules.groups.filter((g) => g.id === id).map((g) => JSON.stringify(g.thresholds)));
      expect(new Set(thresholds).size, id).toBe(1);
    }
  });
});

describe('buildListChecksView', () => {
  it('puts the years side by side: a figure and a mark per threshold group, then the official status and the computed result', () => {
    const view = buildListChecksView(yearsOf(record(2020, VULNERABLE, 'vulnerable'), record(2021, PREVENTION, 'prevention_area')), 'da');
    expect(view.columns).toEqual({
      criterion: 'Kriterium',
      thresholds: ['Grænse', 'Grænse for forebyggelsesområde'],
      years: [
        { year: 2020, date_text: '1. december 2020' },
        { year: 2021, date_text: '1. december 2021' },
      ],
    });
    expect(view.rows.map((r) => [r.label, ...r.thresholds, ...r.cells.map((c) => c.text)])).toEqual([
      ['Beboere', 'mindst 1.000', 'mindst 1.000', '2.000 ✓', '2.000 ✓ / ✓'],
      ['18–64-årige uden arbejde eller uddannelse', 'over 40\u00a0%', 'over 30\u00a0%', '45\u00a0% ✓', '35\u00a0% – / ✓'],
      ['Dømte i forhold til landsgennemsnittet', 'mindst 3\u00a0gange', 'mindst 2\u00a0gange', '1,5\u00a0gange –', '2,5\u00a0gange – / ✓'],
      ['30–59-årige med kun grundskole', 'over 60\u00a0%', 'over 60\u00a0%', '65\u00a0% ✓', '30\u00a0% – / –'],
      ['Indkomst i forhold til regionen', 'under 55\u00a0%', 'under 65\u00a0%', '90\u00a0% –', '90\u00a0% – / –'],
      ['Ikke-vestlige indvandrere og efterkommere', 'over 50\u00a0%', 'over 30\u00a0%', '10\u00a0% –', '40\u00a0% – / ✓'],
    ]);
    expect(view.rows[1]!.cells[1]).toEqual({ value: 35, figure: '35\u00a0%', met: ['–', '✓'], text: '35\u00a0% – / ✓' });
    expect(view.official).toEqual({
      label: 'Officiel status',
      cells: [
        { status: 'vulnerable', text: 'udsat boligområde' },
        { status: 'prevention_area', text: 'forebyggelsesområde' },
      ],
    });
    expect(view.computed.label).toBe(
      'Den liste, tallene peger på (vores egen beregning ud fra de offentliggjorte tal, ikke en officiel afgørelse)',
    );
    expect(view.computed.cells).toEqual([
      { computed: true, points_to: 'vulnerable', text: 'udsat boligområde' },
      { computed: true, points_to: 'prevention_area', text: 'forebyggelsesområde' },
    ]);
  });

  it('shows the computed result beside a different official status, never in its place', () => {
    const view = buildListChecksView(yearsOf(record(2019, VULNERABLE, 'none')), 'da');
    expect(view.official.cells).toEqual([{ status: 'none', text: 'ikke på listen' }]);
    expect(view.computed.cells).toEqual([{ computed: true, points_to: 'vulnerable', text: 'udsat boligområde' }]);
  });

  it('names the lists in the terms of their year, and the rules of each set of lists', () => {
    const parallel = { ...VULNERABLE, non_western_pct: 60 };
    const view = buildListChecksView(yearsOf(record(2019, parallel, 'parallel_society'), record(2021, parallel, 'parallel_society')), 'da');
    expect(view.official.cells.map((c) => c.text)).toEqual(['ghettoområde', 'parallelsamfund']);
    expect(view.computed.cells.map((c) => c.text)).toEqual(['mindst ghettoområde', 'mindst parallelsamfund']);
    expect(view.notes.filter((n) => n.startsWith('Listerne'))).toEqual([
      'Listerne 2019: Udsat boligområde: mindst 1.000 beboere og mindst 2 af de 4 kriterier. Ghettoområde: desuden over 50\u00a0% ikke-vestlige. Hårdt ghettoområde: ghettoområde 4 år i træk.',
      'Listerne 2021: Udsat boligområde: mindst 1.000 beboere og mindst 2 af de 4 kriterier. Parallelsamfund: desuden over 50\u00a0% ikke-vestlige. Omdannelsesområde: parallelsamfund 5 år i træk. Forebyggelsesområde: mindst 1.000 beboere, mindst 2 af de 4 kriterier efter grænserne for forebyggelsesområde og over 30\u00a0% ikke-vestlige.',
    ]);
    expect(view.notes).toContain(
      'Fra listen 2021 har hvert tal to mærker: det første efter grænsen, det andet efter grænsen for forebyggelsesområde.',
    );
  });

  it('gives the rules without years, and one mark per figure, when every year is under the same rules', () => {
    const view = buildListChecksView(yearsOf(record(2018), record(2019)), 'en');
    expect(view.columns.thresholds).toEqual(['Threshold']);
    expect(view.notes).toEqual([
      'Vulnerable housing area: at least 1,000 residents and at least 2 of the 4 criteria. Ghetto area: in addition over 50\u00a0% non-Western. Hard ghetto area: ghetto area 4 years in a row.',
      '✓ met, – not met, ? cannot be judged. The thresholds are those of almenboligloven §§ 61 a–b. Only the official list counts.',
    ]);
    expect(view.official.cells.map((c) => c.text)).toEqual(['not recorded', 'not recorded']);
    expect(view.computed.cells.map((c) => c.text)).toEqual(['not on the list', 'not on the list']);
  });

  it('marks a missing figure "?" and says per year what cannot be judged', () => {
    const view = buildListChecksView(yearsOf(record(2018, { ...VULNERABLE, non_western_pct: null })), 'da');
    expect(view.rows.at(-1)!.cells[0]).toEqual({ value: null, figure: 'mangler', met: ['?'], text: 'mangler ?' });
    expect(view.computed.cells[0]).toEqual({ computed: true, at_least: 'vulnerable', text: 'mindst udsat boligområde' });
    expect(view.notes.slice(0, 2)).toEqual([
      'Listen 2018: Kan ikke vurderes, fordi tallet mangler: ikke-vestlige indvandrere og efterkommere.',
      'Listen 2018: Hårdt ghettoområde kræver 4 år i træk som ghettoområde. Det kan ikke vurderes, fordi tallene for 2015, 2016 og 2017 mangler.',
    ]);
  });

  it('shows the figures of a list before 2018 without marks, and a year without figures by its official status only', () => {
    const noFigures: ListStatus = { id: 'list-2017', year: 2017, status: 'parallel_society' };
    const view = buildListChecksView(yearsOf(record(2016, VULNERABLE, 'vulnerable'), noFigures, record(2018)), 'da');
    expect(view.rows[1]!.cells.map((c) => c.text)).toEqual(['45\u00a0%', 'mangler', '10\u00a0% –']);
    expect(view.rows[1]!.cells[1]).toEqual({ value: null, figure: 'mangler', met: [], text: 'mangler' });
    expect(view.official.cells.map((c) => c.text)).toEqual(['udsat boligområde', 'ghettoområde', 'ikke registreret']);
    expect(view.computed.cells).toEqual([
      { computed: false, text: 'ikke beregnet' },
      { computed: false, text: 'ikke beregnet' },
      { computed: true, points_to: 'none', text: 'ikke på listen' },
    ]);
    expect(view.notes).toContain('Listen 2017: Der er ikke registreret offentliggjorte tal, så kun den officielle status vises.');
    expect(view.notes).toContain(
      'Reglerne i almenboligloven §§ 61 a–b gælder fra listen 1. december 2018. For listen 1. december 2016 vises tallene derfor kun, som de blev offentliggjort.',
    );
  });

  it('reads like the brief: the same figure, threshold, mark and result texts for the same list', () => {
    const r = record(2021, { ...PREVENTION, income_ratio_pct: null }, 'prevention_area');
    const [year] = yearsOf(r);
    const brief = buildListCheckView(year!.check!, 'da');
    const page = buildListChecksView([year!], 'da');
    brief.rows.forEach((row, i) => {
      expect(page.rows[i]!.label).toBe(row.label);
      expect(page.rows[i]!.cells[0]!.figure).toBe(row.figure);
      expect(page.rows[i]!.thresholds).toEqual(row.tests.map((t) => t.threshold));
      expect(page.rows[i]!.cells[0]!.met).toEqual(row.tests.map((t) => t.met));
    });
    expect(page.computed.cells[0]!.text).toBe(brief.result);
    expect(page.computed.label).toBe(brief.lead);
    expect(page.columns.criterion).toBe(brief.columns.criterion);
  });
});
