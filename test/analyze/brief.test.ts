import { describe, expect, it } from 'vitest';
import { datasetFor } from '../../src/analyze/audience.js';
import { computeBrief } from '../../src/analyze/brief.js';
import { parseQuarter } from '../../src/model/quarters.js';
import type { InArea } from '../../src/model/dataset.js';
import { BUILTIN_CATEGORIES, type Category } from '../../src/model/categories.js';
import type { Meeting, Question } from '../../src/model/schema.js';
import { buildDataset, type DatasetParts } from '../helpers/dataset.js';

/** The brief of area 'a' for 2020-Q1 (1 January – 31 March 2020) unless told otherwise. */
const brief = (parts: DatasetParts, options: { quarter?: string; foldSensitive?: boolean; today?: string } = {}) =>
  computeBrief(options.foldSensitive === false ? buildDataset(parts) : datasetFor(buildDataset(parts), 'public'), {
    area: 'a',
    quarter: parseQuarter(options.quarter ?? '2020-Q1')!,
    ...(options.today ? { today: options.today } : {}),
  });

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

/** The built-in categories with extra breaks or categories, for the tests that need them. */
const categoriesWith = (breaks: Record<string, string[]>, extra: Category[] = []): Category[] => [
  ...BUILTIN_CATEGORIES.map((c) => ({ ...c, breaks: (breaks[c.id] ?? []).map((date) => ({ date, note: `ny definition ${date}` })) })),
  ...extra,
];

describe('computeBrief: follow-up on questions (reports.md §1.2)', () => {
  type Row = [string, Partial<InArea<Meeting>>[], Partial<InArea<Question>>, string | null];

  // M = 2020-04-15 (first meeting after 31 March), P = 2019-12-10 (latest meeting before M). The
  // meetings of area b would move M to 2020-04-02 and P to 2020-01-20 if they were counted.
  const meetings: Partial<InArea<Meeting>>[] = [
    { date: '2019-12-10' },
    { date: '2020-04-15' },
    { date: '2020-07-01' },
    { date: '2020-01-20', area: 'b' },
    { date: '2020-04-02', area: 'b' },
  ];
  // No meeting after the quarter: M = 2020-04-01 (the day after its end), P = 2020-01-20.
  const noneAfter: Partial<InArea<Meeting>>[] = [{ date: '2019-11-01' }, { date: '2020-01-20' }];
  // No meeting at all: M = 2020-04-01, P = 2020-01-01 (the quarter's first day).
  const none: Partial<InArea<Meeting>>[] = [];
  // A meeting on the quarter's last day is not after it: M = 2020-05-01, P = 2020-03-31.
  const onEnd: Partial<InArea<Meeting>>[] = [{ date: '2020-03-31' }, { date: '2020-05-01' }];

  it.each<Row>([
    ['answered before P: not shown', meetings, { date: '2019-10-01', status: 'answered', answered: '2019-12-01' }, null],
    ['answered on P: not shown (it was shown at P)', meetings, { date: '2019-10-01', status: 'answered', answered: '2019-12-10' }, null],
    ['answered the day after P: shown, answered', meetings, { date: '2019-10-05', status: 'answered', answered: '2019-12-11' }, 'answered'],
    [
      'raised and answered in the quarter: shown, answered',
      meetings,
      { date: '2020-01-10', status: 'answered', answered: '2020-02-01' },
      'answered',
    ],
    ['answered on M: shown, answered', meetings, { date: '2020-02-01', status: 'answered', answered: '2020-04-15' }, 'answered'],
    ['answered the day after M: shown, still open', meetings, { date: '2020-02-10', status: 'answered', answered: '2020-04-16' }, 'open'],
    ['closed after P: shown, closed', meetings, { date: '2019-11-01', status: 'closed', answered: '2020-03-01' }, 'closed'],
    ['closed after M: shown, still open', meetings, { date: '2019-11-01', status: 'closed', answered: '2020-05-01' }, 'open'],
    [
      'referred, answered after M: shown, referred',
      meetings,
      { date: '2020-02-11', status: 'referred', answered: '2020-05-01' },
      'referred',
    ],
    ['in progress, no answer: shown', meetings, { date: '2020-03-01', status: 'in_progress' }, 'in_progress'],
    ['open since long before P: shown, open', meetings, { date: '2019-06-01' }, 'open'],
    ['raised after the quarter, before M: shown', meetings, { date: '2020-04-14' }, 'open'],
    ['raised on M: not shown', meetings, { date: '2020-04-15' }, null],
    ['raised after M: not shown', meetings, { date: '2020-05-01' }, null],
    ['of another area: not shown', meetings, { date: '2020-02-01', area: 'b' }, null],

    ['no meeting after: answered on P', noneAfter, { date: '2020-01-02', status: 'answered', answered: '2020-01-20' }, null],
    [
      'no meeting after: answered the day after P',
      noneAfter,
      { date: '2020-01-02', status: 'answered', answered: '2020-01-21' },
      'answered',
    ],
    [
      'no meeting after: answered on the quarter end',
      noneAfter,
      { date: '2020-01-02', status: 'answered', answered: '2020-03-31' },
      'answered',
    ],
    [
      'no meeting after: answered on M, the day after the end',
      noneAfter,
      { date: '2020-01-02', status: 'answered', answered: '2020-04-01' },
      'answered',
    ],
    ['no meeting after: answered after M', noneAfter, { date: '2020-01-02', status: 'answered', answered: '2020-04-02' }, 'open'],
    ['no meeting after: raised on the quarter end', noneAfter, { date: '2020-03-31' }, 'open'],
    ['no meeting after: raised on M', noneAfter, { date: '2020-04-01' }, null],

    ['no meetings: answered before the quarter', none, { date: '2019-10-01', status: 'answered', answered: '2019-12-31' }, null],
    ['no meetings: answered on the first day (P)', none, { date: '2019-10-01', status: 'answered', answered: '2020-01-01' }, null],
    ['no meetings: answered on the second day', none, { date: '2019-10-01', status: 'answered', answered: '2020-01-02' }, 'answered'],
    ['no meetings: open from an earlier year', none, { date: '2018-05-01' }, 'open'],

    ['meeting on the quarter end is P: answered on it', onEnd, { date: '2020-01-02', status: 'answered', answered: '2020-03-31' }, null],
    [
      'meeting on the quarter end is P: answered after it, before M',
      onEnd,
      { date: '2020-01-02', status: 'answered', answered: '2020-04-20' },
      'answered',
    ],
    ['meeting on the quarter end is P: raised after the quarter, before M', onEnd, { date: '2020-04-30' }, 'open'],
  ])('%s', (_, meetingParts, questionParts, expected) => {
    const followUps = brief({ meetings: meetingParts, questions: [questionParts] }).followUps;
    expect(followUps.map((f) => f.state)).toEqual(expected === null ? [] : [expected]);
  });

  it('lists the questions shown by date', () => {
    const followUps = brief({
      meetings,
      questions: [
        { id: 'late', date: '2020-04-10' },
        { id: 'old', date: '2019-06-01' },
        { id: 'mid', date: '2020-02-01', status: 'answered', answered: '2020-03-01' },
      ],
    }).followUps;
    expect(followUps.map((f) => f.question.id)).toEqual(['old', 'mid', 'late']);
  });

  it('shows the done activities that answer a question beside it, by date', () => {
    const followUps = brief({
      meetings,
      questions: [
        { id: 'q-parking', date: '2020-01-05' },
        { id: 'q-light', date: '2020-01-06' },
        { id: 'q-none', date: '2020-01-07' },
      ],
      activities: [
        { id: 'walk', date: '2020-03-01', answers: ['q-parking'] },
        { id: 'meeting', date: '2020-02-01', answers: ['q-light', 'q-parking'] },
        { id: 'planned', date: '2020-03-15', status: 'planned', answers: ['q-parking'] },
        { id: 'cancelled', date: '2020-03-16', status: 'cancelled', answers: ['q-parking'] },
        { id: 'elsewhere', date: '2020-03-01', area: 'b', answers: ['q-parking'] },
        { id: 'unlinked', date: '2020-03-01' },
      ],
    }).followUps;
    expect(followUps.map((f) => [f.question.id, ids(f.activities)])).toEqual([
      ['q-parking', ['meeting', 'walk']],
      ['q-light', ['meeting']],
      ['q-none', []],
    ]);
  });
});

describe('computeBrief: crime picture rows', () => {
  it('lists a category only when it has a police count in the 8 quarters up to the brief', () => {
    // The window of 2020-Q1 is 2018-Q2 … 2020-Q1.
    const b = brief({
      incidents: [
        { date: '2020-02-01', category: 'violence', count: 3 },
        { date: '2018-04-01', category: 'burglary', count: 2 }, // first day of the window
        { date: '2018-03-31', category: 'theft', count: 5 }, // the day before it
        { date: '2020-04-01', category: 'robbery' }, // after the quarter
        { date: '2020-02-01', category: 'vandalism', source: 'resident' }, // not police
        { date: '2020-02-01', category: 'drugs', area: 'b' }, // another area
        { date: '2019-05-01', category: 'nuisance', count: 2 },
      ],
    });
    expect(ids(b.crimeRows)).toEqual(['violence', 'burglary']);
    expect(ids(b.concernRows)).toEqual(['nuisance']);
    expect(b.crimeRows.map((r) => r.category?.id)).toEqual(['violence', 'burglary']);
    expect([b.crimeTotal.id, b.concernsTotal.id]).toEqual(['crime_total', 'concerns_total']);
  });

  it('has total rows even with no incidents at all, without figures (no police figures cover the quarter)', () => {
    const b = brief({});
    expect([b.crimeRows, b.concernRows]).toEqual([[], []]);
    expect([b.crimeTotal.id, b.concernsTotal.id]).toEqual(['crime_total', 'concerns_total']);
    expect([b.crimeTotal.current, b.concernsTotal.current]).toEqual([null, null]);
    expect(b.incidentCoverage).toEqual({ kind: 'none' });
    expect(b.coverage).toBeUndefined();
  });

  // This quarter (2020-Q1): crime 2 + 3 + 1 + 4 = 10, concerns 5 + 6 = 11; the resident report and
  // area b are left out. 2019-Q1 (a year ago): crime 1, concerns 2. 2019-Q4 (previous): crime 16.
  // The records begin in 2019-Q1, so the four quarters before the last four (2018-Q2 … 2019-Q1) have no figures.
  const totals: DatasetParts = {
    incidents: [
      { date: '2020-01-10', category: 'violence', count: 2 },
      { date: '2020-02-10', category: 'theft', count: 3 },
      { date: '2020-03-10', category: 'sexual', count: 1 },
      { date: '2020-03-11', category: 'other', count: 4 },
      { date: '2020-03-12', category: 'nuisance', count: 5 },
      { date: '2020-03-13', category: 'traffic', count: 6 },
      { date: '2020-03-14', category: 'violence', count: 7, source: 'resident' },
      { date: '2020-03-15', category: 'violence', count: 8, area: 'b' },
      { date: '2019-02-01', category: 'violence', count: 1 },
      { date: '2019-02-01', category: 'nuisance', count: 2 },
      { date: '2019-11-01', category: 'theft', count: 16 },
    ],
  };

  it.each([true, false])('crime_total and concerns_total (foldSensitive %s: totals are the same)', (foldSensitive) => {
    const { crimeTotal, concernsTotal } = brief(totals, { foldSensitive });
    expect(crimeTotal).toMatchObject({ current: 10, yearAgo: 1, previous: 16, last4: 26, prev4: null, last4Change: null });
    expect(crimeTotal.change).toMatchObject({ current: 10, prior: 1, absolute: 9, percent: 900 });
    expect(concernsTotal).toMatchObject({ current: 11, yearAgo: 2, previous: 0, last4: 11, prev4: null, last4Change: null });
    expect(concernsTotal.change).toMatchObject({ current: 11, prior: 2, absolute: 9, percent: 450 });
  });

  it('computes the four-quarter change when both windows are covered', () => {
    // last4 = 2019-Q2 … 2020-Q1 = 3 + 6 = 9; prev4 = 2018-Q2 … 2019-Q1 = 1 + 2 = 3.
    const violence = brief({
      incidents: [
        { date: '2018-04-01', category: 'violence', count: 1 },
        { date: '2019-03-31', category: 'violence', count: 2 },
        { date: '2019-04-01', category: 'violence', count: 3 },
        { date: '2020-03-31', category: 'violence', count: 6 },
      ],
    }).crimeRows[0]!;
    expect(violence).toMatchObject({ id: 'violence', current: 6, yearAgo: 2, previous: 0, last4: 9, prev4: 3 });
    expect(violence.last4Change).toMatchObject({ current: 9, prior: 3, absolute: 6, percent: 200 });
  });

  // Violence 4 in March 2020 (so the police figures cover 2020-Q1 to its last day), and one more
  // record that decides where the area's police figures begin: the first day of the quarter of the
  // earliest police incident (coverage.ts), or a stated coverage. Figures for quarters before it are
  // null (no data), not 0. A year ago = 2019-Q1, previous = 2019-Q4, last4 = 2019-Q2 … 2020-Q1,
  // prev4 = 2018-Q2 … 2019-Q1.
  it.each<[string, DatasetParts, number | null, number | null, number | null, number | null]>([
    ['first police record in 2018-Q2', { incidents: [{ date: '2018-04-01', category: 'theft' }] }, 0, 0, 4, 1],
    ['first police record in 2018-Q3', { incidents: [{ date: '2018-07-01', category: 'theft' }] }, 0, 0, 4, null],
    ['first police record in 2019-Q1', { incidents: [{ date: '2019-03-31', category: 'theft' }] }, 1, 0, 4, null],
    ['first police record in 2019-Q2', { incidents: [{ date: '2019-04-01', category: 'theft' }] }, null, 0, 5, null],
    ['first police record in 2019-Q3', { incidents: [{ date: '2019-07-01', category: 'theft' }] }, null, 0, null, null],
    ['first police record in 2019-Q4', { incidents: [{ date: '2019-12-31', category: 'theft' }] }, null, 1, null, null],
    ['first police record in the quarter itself', {}, null, null, null, null],
    [
      'a coverage stated from 2018-04-01',
      {
        areas: [
          { id: 'a', name: 'Område A', coverage: { from: '2018-04-01' } },
          { id: 'b', name: 'Område B' },
        ],
      },
      0,
      0,
      4,
      0,
    ],
    ['a done activity in 2018-Q2 does not start the police figures', { activities: [{ date: '2018-04-01' }] }, null, null, null, null],
    [
      'a resident report in 2018-Q2 does not start the police figures',
      { incidents: [{ date: '2018-04-01', category: 'theft', source: 'resident' }] },
      null,
      null,
      null,
      null,
    ],
    ['a planned activity in 2018-Q2 is not a record', { activities: [{ date: '2018-04-01', status: 'planned' }] }, null, null, null, null],
    ['a meeting in 2018-Q2 is not a record', { meetings: [{ date: '2018-04-01' }] }, null, null, null, null],
    [
      'an incident of area b in 2018-Q2 is not a record of a',
      { incidents: [{ date: '2018-04-01', category: 'theft', area: 'b' }] },
      null,
      null,
      null,
      null,
    ],
  ])('%s', (_, parts, yearAgo, previous, last4, prev4) => {
    const { crimeTotal } = brief({
      ...parts,
      incidents: [{ date: '2020-03-01', category: 'violence', count: 4 }, ...(parts.incidents ?? [])],
    });
    expect(crimeTotal).toMatchObject({ current: 4, yearAgo, previous, last4, prev4 });
    expect(crimeTotal.change?.prior ?? null).toBe(yearAgo);
    expect(crimeTotal.last4Change === null).toBe(last4 === null || prev4 === null);
  });
});

describe('computeBrief: data coverage', () => {
  /** Areas a and b, a's police figures stated to cover the days given (coverage.ts). */
  const covered = (coverage: { from?: string; to?: string }): DatasetParts['areas'] => [
    { id: 'a', name: 'Område A', coverage },
    { id: 'b', name: 'Område B' },
  ];

  it('has no figures for a quarter after the coverage ends: no category rows, no change', () => {
    // The police figures cover 2019-01-01 … 2019-11-30 (the month of the latest incident); 2020-Q1 holds only a done activity.
    const b = brief({
      incidents: [
        { date: '2019-02-15', category: 'violence', count: 3 },
        { date: '2019-11-15', category: 'theft', count: 2 },
        { date: '2019-11-20', category: 'nuisance', count: 2 },
      ],
      activities: [{ date: '2020-02-01' }],
    });
    expect(b.incidentCoverage).toEqual({ kind: 'none' });
    expect(b.coverage).toMatchObject({ from: '2019-01-01', to: '2019-11-30' });
    expect([b.crimeTotal.current, b.concernsTotal.current]).toEqual([null, null]);
    expect([b.crimeRows, b.concernRows]).toEqual([[], []]);
    expect([b.crimeTotal.change, b.concernsTotal.change]).toEqual([null, null]);
    expect([b.crimeTotal.last4, b.crimeTotal.last4Change]).toEqual([null, null]);
    expect(b.trend[0]!.points.at(-1)!.value).toBeNull();
  });

  describe('a stated coverage ending inside the quarter (2020-02-15): the quarter is partial', () => {
    const b = brief({
      areas: covered({ to: '2020-02-15' }),
      incidents: [
        { date: '2019-01-01', category: 'violence', count: 2 }, // the first of the same days a year before
        { date: '2019-02-15', category: 'violence', count: 3 }, // the last of them
        { date: '2019-02-16', category: 'violence', count: 40 }, // after them
        { date: '2019-03-31', category: 'theft', count: 50 },
        { date: '2020-01-10', category: 'violence', count: 6 },
        { date: '2020-02-15', category: 'theft', count: 1 }, // the last covered day
        { date: '2020-02-16', category: 'violence', count: 30 }, // after the coverage: not counted
        { date: '2020-03-20', category: 'theft', count: 20 }, // likewise
      ],
    });

    it('counts the covered days, against the same days a year before (1 January – 15 February 2019)', () => {
      expect(b.incidentCoverage).toEqual({ kind: 'partial', until: '2020-02-15' });
      expect(b.sameDays).toMatchObject({ until: '2020-02-15', priorUntil: '2019-02-15', days: { current: 46, prior: 46 } });
      expect(b.crimeTotal).toMatchObject({ current: 7, yearAgo: 5, previous: 0, last4: null, prev4: null, last4Change: null });
      expect(b.crimeTotal.change).toMatchObject({ current: 7, prior: 5, absolute: 2, percent: 40 });
      expect(b.crimeRows.map((r) => [r.id, r.current, r.yearAgo, r.change?.prior ?? null])).toEqual([
        ['violence', 6, 5, 5],
        ['theft', 1, 0, 0],
      ]);
    });

    it('says so in the chart: the last point is partial', () => {
      expect(b.trend[0]!.points.at(-1)).toMatchObject({ value: 7, partial: true });
      expect(b.trend[0]!.points.slice(0, -1).some((p) => p.partial)).toBe(false);
    });
  });

  it('has no figure for a quarter the coverage begins inside (2019-02-01): a year later, no year-ago figure and no change', () => {
    const parts: DatasetParts = {
      areas: covered({ from: '2019-02-01' }),
      incidents: [
        { date: '2019-02-15', category: 'violence', count: 3 },
        { date: '2020-03-15', category: 'violence', count: 4 },
      ],
    };
    const early = brief(parts, { quarter: '2019-Q1' });
    expect(early.incidentCoverage).toEqual({ kind: 'none' });
    expect(early.crimeTotal.current).toBeNull();
    const b = brief(parts);
    expect(b.incidentCoverage).toEqual({ kind: 'full' });
    expect(b.crimeTotal).toMatchObject({ current: 4, yearAgo: null, change: null, previous: 0, last4: 4, prev4: null });
  });

  it('does not count an incident dated after the stated coverage', () => {
    const areas = covered({ to: '2020-03-20' });
    const incidents: DatasetParts['incidents'] = [
      { date: '2019-02-15', category: 'violence', count: 3 },
      { date: '2020-03-20', category: 'violence', count: 2 }, // the last covered day
      { date: '2020-03-21', category: 'violence', count: 9 },
      { date: '2020-05-15', category: 'violence', count: 5 },
    ];
    const b = brief({ areas, incidents });
    expect(b.incidentCoverage).toEqual({ kind: 'partial', until: '2020-03-20' });
    expect(b.crimeTotal.current).toBe(2);
    const after = brief({ areas, incidents }, { quarter: '2020-Q2' });
    expect(after.incidentCoverage).toEqual({ kind: 'none' });
    expect(after.crimeTotal.current).toBeNull();
    // Without the stated end the same incidents are counted (the coverage runs to 31 May).
    expect(brief({ incidents }).crimeTotal.current).toBe(11);
    expect(brief({ incidents }, { quarter: '2020-Q2' }).crimeTotal.current).toBe(5);
  });

  it('gives 0, not null, for a covered quarter without incidents', () => {
    // Covered 2019-01-01 … 2020-03-31; no theft and no concern in 2020-Q1, no incident at all in 2019-Q3.
    const parts: DatasetParts = {
      incidents: [
        { date: '2019-02-15', category: 'theft', count: 6 },
        { date: '2020-03-15', category: 'violence', count: 1 },
      ],
    };
    const b = brief(parts);
    expect(b.incidentCoverage).toEqual({ kind: 'full' });
    const theft = b.crimeRows.find((r) => r.id === 'theft')!;
    expect(theft).toMatchObject({ current: 0, yearAgo: 6 });
    expect(theft.change).toMatchObject({ current: 0, prior: 6, absolute: -6 });
    expect(b.concernsTotal).toMatchObject({ current: 0, yearAgo: 0 });
    const quiet = brief(parts, { quarter: '2019-Q3' });
    expect(quiet.incidentCoverage).toEqual({ kind: 'full' });
    expect([quiet.crimeTotal.current, quiet.concernsTotal.current]).toEqual([0, 0]);
  });
});

describe('computeBrief: sensitive categories', () => {
  const incidents: DatasetParts['incidents'] = [
    { date: '2020-02-01', category: 'violence', count: 1 },
    { date: '2020-02-01', category: 'sexual', count: 2 },
    { date: '2020-02-01', category: 'other', count: 4 },
    { date: '2019-02-01', category: 'sexual', count: 8 },
  ];
  const rows = (foldSensitive: boolean, parts: DatasetParts = { incidents }) =>
    brief(parts, { foldSensitive }).crimeRows.map((r) => [r.id, r.current, r.yearAgo]);

  it.each<[string, boolean, DatasetParts, (string | number | null)[][]]>([
    [
      'folded into other',
      true,
      { incidents },
      [
        ['violence', 1, 0],
        ['other', 6, 8],
      ],
    ],
    [
      'shown on its own',
      false,
      { incidents },
      [
        ['violence', 1, 0],
        ['sexual', 2, 8],
        ['other', 4, 0],
      ],
    ],
    [
      'folded: other is listed for a sensitive count alone',
      true,
      { incidents: [{ date: '2020-02-01', category: 'sexual', count: 3 }] },
      [['other', 3, null]],
    ],
    [
      'a project category marked sensitive is folded too',
      true,
      {
        categories: categoriesWith({}, [
          { id: 'hate', labels: { da: 'Hadforbrydelser', en: 'Hate crime' }, crime: true, sensitive: true, breaks: [], builtIn: false },
        ]),
        incidents: [{ date: '2020-02-01', category: 'hate', count: 3 }],
      },
      [['other', 3, null]],
    ],
  ])('%s', (_, foldSensitive, parts, expected) => {
    expect(rows(foldSensitive, parts)).toEqual(expected);
  });
});

describe('computeBrief: meeting and next meeting', () => {
  it.each<[string, Partial<InArea<Meeting>>[], string | undefined, string | undefined]>([
    [
      'the first two after the quarter',
      [{ date: '2020-02-01' }, { date: '2020-04-15' }, { date: '2020-07-01' }, { date: '2020-10-01' }],
      '2020-04-15',
      '2020-07-01',
    ],
    ['in any order', [{ date: '2020-07-01' }, { date: '2020-02-01' }, { date: '2020-04-15' }], '2020-04-15', '2020-07-01'],
    ['the day after the quarter', [{ date: '2020-04-01' }], '2020-04-01', undefined],
    ['not one on the last day of the quarter', [{ date: '2020-03-31' }, { date: '2020-04-20' }], '2020-04-20', undefined],
    ['none after the quarter', [{ date: '2020-01-15' }, { date: '2020-03-31' }], undefined, undefined],
    ['nothing', [], undefined, undefined],
    [
      'not those of another area',
      [{ date: '2020-04-02', area: 'b' }, { date: '2020-04-15' }, { date: '2020-06-01', area: 'b' }, { date: '2020-09-01' }],
      '2020-04-15',
      '2020-09-01',
    ],
  ])('%s', (_, meetings, meeting, nextMeeting) => {
    const b = brief({ meetings });
    expect(b.meeting?.date).toBe(meeting);
    expect(b.nextMeeting?.date).toBe(nextMeeting);
  });
});

describe('computeBrief: coming up', () => {
  it('lists planned activities of the area after the quarter, by date', () => {
    const b = brief({
      activities: [
        { id: 'june', date: '2020-06-01', status: 'planned' },
        { id: 'april', date: '2020-04-01', status: 'planned' },
        { id: 'may', date: '2020-05-01', status: 'planned' },
        { id: 'in-quarter', date: '2020-03-31', status: 'planned' },
        { id: 'done-after', date: '2020-04-10', status: 'done' },
        { id: 'cancelled', date: '2020-04-20', status: 'cancelled' },
        { id: 'elsewhere', date: '2020-04-05', status: 'planned', area: 'b' },
      ],
    });
    expect(ids(b.comingUp)).toEqual(['april', 'may', 'june']);
  });

  // The Q4 2019 brief (quarter end 31 December) is presented at M, the first meeting after the
  // quarter: "coming up" is what is planned after M, and, with a today, not before today.
  type Row = [string, Partial<InArea<Meeting>>[], string | undefined, string, boolean];
  const atM: Partial<InArea<Meeting>>[] = [{ date: '2019-12-10' }, { date: '2020-01-26' }, { date: '2020-04-20' }];
  it.each<Row>([
    ['a walk on 10 January, before M on 26 January: not coming up', atM, undefined, '2020-01-10', false],
    ['a walk on M itself: not coming up (only what is planned after M)', atM, undefined, '2020-01-26', false],
    ['a walk the day after M: coming up', atM, undefined, '2020-01-27', true],
    ['a walk on 1 February, after M: coming up', atM, undefined, '2020-02-01', true],
    ['no meeting after the quarter: a walk the day after its end is coming up', [{ date: '2019-12-10' }], undefined, '2020-01-01', true],
    ['no meeting after the quarter: a walk on its last day is not', [{ date: '2019-12-10' }], undefined, '2019-12-31', false],
    ['no meeting at all: a walk on 10 January is coming up', [], undefined, '2020-01-10', true],
    [
      'a meeting of area b on 5 January is not M (a’s is on 26 January): a walk on 10 January is not coming up',
      [{ date: '2020-01-05', area: 'b' }, { date: '2020-01-26' }],
      undefined,
      '2020-01-10',
      false,
    ],
    [
      'area b’s meeting alone is not M: a walk on 10 January is coming up',
      [{ date: '2020-01-05', area: 'b' }],
      undefined,
      '2020-01-10',
      true,
    ],
    ['today 5 February: a walk still planned for 1 February (after M) is not coming up', atM, '2020-02-05', '2020-02-01', false],
    ['today 5 February: a walk on today is coming up', atM, '2020-02-05', '2020-02-05', true],
    ['today 5 February: a walk on 6 February is coming up', atM, '2020-02-05', '2020-02-06', true],
    ['today 2 January, before M: a walk on 10 January is still not coming up', atM, '2020-01-02', '2020-01-10', false],
    ['today before the quarter ends: a walk after M is coming up', atM, '2019-12-01', '2020-02-01', true],
  ])('%s', (_, meetings, today, date, expected) => {
    const b = brief(
      { meetings, activities: [{ id: 'walk', date, status: 'planned' }] },
      { quarter: '2019-Q4', ...(today ? { today } : {}) },
    );
    expect(ids(b.comingUp)).toEqual(expected ? ['walk'] : []);
  });

  it.each<[string, Partial<InArea<Meeting>>[], string | undefined, string | undefined]>([
    ['M on 26 January, the next on 20 April', atM, '2020-01-26', '2020-04-20'],
    [
      'two meetings on M’s day: the next is the first after that day',
      [{ date: '2020-01-26' }, { date: '2020-01-26' }, { date: '2020-03-01' }],
      '2020-01-26',
      '2020-03-01',
    ],
    ['no meeting after M', [{ date: '2020-01-26' }], '2020-01-26', undefined],
  ])('the meeting and the next one: %s', (_, meetings, meeting, next) => {
    const b = brief({ meetings }, { quarter: '2019-Q4' });
    expect([b.meeting?.date, b.nextMeeting?.date]).toEqual([meeting, next]);
  });
});

describe('computeBrief: priorities active in 2020-Q1', () => {
  it.each<[string, DatasetParts['priorities'], boolean]>([
    ['from the quarter, no end', [{ from: '2020-Q1' }], true],
    ['from an earlier quarter, no end', [{ from: '2019-Q1' }], true],
    ['from a later quarter', [{ from: '2020-Q2' }], false],
    ['ended the quarter before', [{ from: '2019-Q1', to: '2019-Q4' }], false],
    ['ends with the quarter', [{ from: '2019-Q1', to: '2020-Q1' }], true],
    ['the quarter alone', [{ from: '2020-Q1', to: '2020-Q1' }], true],
    ['achieved', [{ from: '2019-Q1', status: 'achieved' }], false],
    ['dropped', [{ from: '2019-Q1', status: 'dropped' }], false],
    ['of another area', [{ from: '2019-Q1', area: 'b' }], false],
  ])('%s: %s', (_, priorities, active) => {
    expect(brief({ priorities }).priorities.length).toBe(active ? 1 : 0);
  });
});

describe('computeBrief: list status (a list is published each 1 December)', () => {
  // Area a has the lists of 2017 and 2019; area b's list of 2018 must never be picked for a.
  const list_status: DatasetParts['list_status'] = [
    { id: 'a-2019', year: 2019, status: 'vulnerable' },
    { id: 'a-2017', year: 2017, status: 'parallel_society' },
    { id: 'b-2018', year: 2018, status: 'prevention_area', area: 'b' },
  ];

  it.each([
    ['2017-Q3', undefined],
    ['2017-Q4', 'a-2017'],
    ['2018-Q4', 'a-2017'],
    ['2019-Q1', 'a-2017'],
    ['2019-Q3', 'a-2017'],
    ['2019-Q4', 'a-2019'],
    ['2020-Q2', 'a-2019'],
  ])('%s: %s', (quarter, expected) => {
    expect(brief({ list_status }, { quarter }).listStatus?.id).toBe(expected);
  });
});

describe('computeBrief: surveys', () => {
  it('takes the latest of each measure and level up to the quarter’s year, area first, national last', () => {
    const b = brief({
      surveys: [
        { id: 'area-safe-2018', year: 2018, level: 'area', measure: 'safe_share' },
        { id: 'area-safe-2020', year: 2020, level: 'area', measure: 'safe_share' },
        { id: 'area-safe-2021', year: 2021, level: 'area', measure: 'safe_share' }, // after 2020
        { id: 'national-safe-2019', year: 2019, level: 'national', measure: 'safe_share' },
        { id: 'national-safe-2017', year: 2017, level: 'national', measure: 'safe_share' },
        { id: 'municipality-unsafe-2019', year: 2019, level: 'municipality', measure: 'unsafe_share' },
        { id: 'area-trust-2016', year: 2016, level: 'area', measure: 'trust_share' },
        { id: 'b-area-trust-2019', year: 2019, level: 'area', measure: 'trust_share', area: 'b' },
      ],
    });
    expect(ids(b.surveys)).toEqual(['area-safe-2020', 'area-trust-2016', 'municipality-unsafe-2019', 'national-safe-2019']);
  });
});

describe('computeBrief: definition breaks inside the window 2018-04-01 … 2020-03-31', () => {
  it.each([
    ['2018-03-31', false],
    ['2018-04-01', false], // every compared quarter already uses the new definition
    ['2018-04-02', true],
    ['2019-06-01', true],
    ['2020-03-31', true],
    ['2020-04-01', false],
  ])('a burglary break on %s: %s', (date, inside) => {
    const b = brief({ categories: categoriesWith({ burglary: [date] }) });
    expect(b.breaks.map((x) => [x.category.id, x.date, x.note])).toEqual(inside ? [['burglary', date, `ny definition ${date}`]] : []);
  });
});
