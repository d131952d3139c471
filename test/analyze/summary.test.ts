import { describe, expect, it } from 'vitest';
import type { CompareRow } from '../../src/analyze/compare.js';
import { addQuarters, formatQuarter, parseQuarter, type Quarter, quarterIndex } from '../../src/model/quarters.js';
import { countPartners } from '../../src/analyze/figures.js';
import { answerTimes, computeAreaSummary, periodOf } from '../../src/analyze/summary.js';
import { NO_SUPPRESSION, planAreaSuppression, type SuppressionPlan } from '../../src/analyze/suppress.js';
import type { InArea } from '../../src/model/dataset.js';
import type { Question } from '../../src/model/schema.js';
import { activity, buildDataset, type DatasetParts } from '../helpers/dataset.js';

const q = (text: string): Quarter => parseQuarter(text)!;
const names = (quarters: readonly Quarter[]) => quarters.map(formatQuarter);
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

/** The summary of area 'a' from `from` to `to` (default: the first half of 2020, 1 January – 30 June). */
const summary = (parts: DatasetParts, from = '2020-Q1', to = '2020-Q2', plan?: SuppressionPlan) =>
  computeAreaSummary(buildDataset(parts), 'a', periodOf(q(from), q(to)), plan);

const crimeRow = (parts: DatasetParts, from: string, to: string, id = 'violence', plan?: SuppressionPlan): CompareRow =>
  summary(parts, from, to, plan).crime.rows.find((r) => r.id === id)!;

/** Areas a and b, a's police figures stated to run to `to` (and from `from`, else from its first police incident's quarter). */
const coveredTo = (to: string, from?: string): DatasetParts['areas'] => [
  { id: 'a', name: 'Område A', coverage: { ...(from ? { from } : {}), to } },
  { id: 'b', name: 'Område B' },
];

// The period and the one it is compared with: the same quarters whole years earlier (so seasons
// match), shifted back by 4·ceil(n/4) quarters so that the two never overlap.
describe('periodOf', () => {
  it.each<[string, string, string[], string[], number]>([
    ['2020-Q3', '2020-Q3', ['2020-Q3'], ['2019-Q3'], 4],
    ['2020-Q2', '2020-Q3', ['2020-Q2', '2020-Q3'], ['2019-Q2', '2019-Q3'], 4],
    ['2020-Q1', '2020-Q4', ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'], ['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4'], 4],
    ['2019-Q3', '2020-Q2', ['2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2'], ['2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2'], 4],
    [
      '2019-Q4',
      '2020-Q4',
      ['2019-Q4', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'],
      ['2017-Q4', '2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4'],
      8,
    ],
    [
      '2019-Q1',
      '2020-Q4',
      ['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'],
      ['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4', '2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4'],
      8,
    ],
  ])('%s … %s', (from, to, quarters, previous, shift) => {
    const period = periodOf(q(from), q(to));
    expect(names([period.from, period.to])).toEqual([from, to]);
    expect(names(period.quarters)).toEqual(quarters);
    expect(names(period.previous)).toEqual(previous);
    expect(period.shift).toBe(shift);
  });

  it('for 1 to 13 quarters: as long as the period, same seasons, whole years back, ending before it begins', () => {
    for (let n = 1; n <= 13; n++) {
      const from = q('2015-Q2');
      const period = periodOf(from, addQuarters(from, n - 1));
      expect(period.quarters).toHaveLength(n);
      expect(period.previous).toHaveLength(n);
      expect(period.shift).toBe(4 * Math.ceil(n / 4));
      period.previous.forEach((p, i) => {
        expect(p.quarter).toBe(period.quarters[i]!.quarter);
        expect(quarterIndex(period.quarters[i]!) - quarterIndex(p)).toBe(period.shift);
      });
      expect(quarterIndex(period.previous.at(-1)!)).toBeLessThan(quarterIndex(period.quarters[0]!));
    }
  });
});

// How long answers took: the median in days (halves kept) and the count per band
// (≤ 30 days, 31–90 days, longer).
describe('answerTimes', () => {
  it('has no median when nothing was answered', () => {
    expect(answerTimes([])).toEqual({ answered: 0, medianDays: null, within30: 0, within90: 0, longer: 0 });
  });

  it.each<[string, number[], number]>([
    ['one value', [42], 42],
    ['odd count: the middle value, sorted numerically (not as text)', [100, 9, 10], 10],
    ['even count: the mean of the two middle values, halves kept', [21, 10], 15.5],
    ['even count, unsorted', [100, 3, 1, 2], 2.5],
    ['even count with equal middle values', [5, 7, 7, 9], 7],
  ])('median: %s', (_, days, median) => {
    expect(answerTimes(days).medianDays).toBe(median);
    expect(answerTimes(days).answered).toBe(days.length);
  });

  it('does not reorder the caller’s array', () => {
    const days = [30, 1, 20];
    answerTimes(days);
    expect(days).toEqual([30, 1, 20]);
  });

  it.each<[number, 'within30' | 'within90' | 'longer']>([
    [0, 'within30'],
    [30, 'within30'],
    [31, 'within90'],
    [90, 'within90'],
    [91, 'longer'],
    [400, 'longer'],
  ])('%i days falls in %s', (days, band) => {
    const times = answerTimes([days]);
    expect({ within30: times.within30, within90: times.within90, longer: times.longer }).toEqual({
      within30: 0,
      within90: 0,
      longer: 0,
      [band]: 1,
    });
  });

  it('counts every value in its band', () => {
    expect(answerTimes([0, 30, 31, 90, 91, 365, 12])).toMatchObject({ answered: 7, medianDays: 31, within30: 3, within90: 2, longer: 2 });
  });
});

// Done activities by partner: each activity counts once per partner, participants and hours are
// summed (null when none recorded them), most activities first, then by name in Danish order.
describe('countPartners', () => {
  it('counts only done activities', () => {
    const figures = countPartners([
      activity({ id: 'done', partners: ['SSP'] }),
      activity({ id: 'planned', status: 'planned', partners: ['SSP', 'Politiet'] }),
      activity({ id: 'cancelled', status: 'cancelled', partners: ['SSP', 'Politiet'] }),
    ]);
    expect(figures).toEqual([{ partner: 'SSP', count: 1, participants: null, hours: null }]);
  });

  it('counts a partner listed twice on one activity once, and its participants and hours once', () => {
    expect(countPartners([activity({ partners: ['SSP', 'SSP'], participants: 10, hours: 2 })])).toEqual([
      { partner: 'SSP', count: 1, participants: 10, hours: 2 },
    ]);
  });

  it('sums participants and hours over the activities that recorded them; null when none did', () => {
    const figures = countPartners([
      activity({ id: '1', partners: ['Klubben', 'Politiet'], participants: 12, hours: 1.5 }),
      activity({ id: '2', partners: ['Klubben'], participants: 8 }),
      activity({ id: '3', partners: ['Klubben', 'Politiet'], hours: 2 }),
      activity({ id: '4', partners: ['Politiet'] }),
      activity({ id: '5', partners: ['Boligselskabet'], participants: 0 }),
    ]);
    expect(figures).toEqual([
      { partner: 'Klubben', count: 3, participants: 20, hours: 3.5 },
      { partner: 'Politiet', count: 3, participants: 12, hours: 3.5 },
      { partner: 'Boligselskabet', count: 1, participants: 0, hours: null },
    ]);
  });

  it('has nothing for activities without partners', () => {
    expect(countPartners([activity(), activity({ partners: [] })])).toEqual([]);
  });

  it('sorts by count, most first, then by name in Danish collation (Æ, Ø, Å after Z)', () => {
    const figures = countPartners([
      activity({ partners: ['Åbyen', 'Ærø', 'Zoo', 'Østbo', 'Alfa', 'Beta'] }),
      activity({ partners: ['Beta'] }),
    ]);
    expect(figures.map((f) => f.partner)).toEqual(['Beta', 'Alfa', 'Zoo', 'Ærø', 'Østbo', 'Åbyen']);
  });
});

// What the team did in the period: done activities of the area dated from the period's first day
// to its last, with their kinds and partners.
describe('computeAreaSummary: activities', () => {
  const parts: DatasetParts = {
    activities: [
      { id: 'last-day', date: '2020-06-30', kind: 'dialogue', participants: 12, partners: ['Boligselskabet'] },
      { id: 'mid', date: '2020-03-15', kind: 'patrol', hours: 3 },
      { id: 'first-day', date: '2020-01-01', kind: 'patrol', hours: 2, partners: ['Politiet', 'Boligselskabet'] },
      { id: 'day-before', date: '2019-12-31', partners: ['SSP'] },
      { id: 'day-after', date: '2020-07-01', partners: ['SSP'] },
      { id: 'planned', date: '2020-03-01', status: 'planned', partners: ['SSP'] },
      { id: 'cancelled', date: '2020-03-02', status: 'cancelled', partners: ['SSP'] },
      { id: 'elsewhere', date: '2020-03-03', area: 'b', partners: ['SSP'] },
    ],
  };

  it('lists the done activities of the area within the period, first and last day included, by date', () => {
    const s = summary(parts);
    expect(s.area).toBe('a');
    expect(ids(s.activities)).toEqual(['first-day', 'mid', 'last-day']);
  });

  it('counts them by kind', () => {
    expect(summary(parts).kinds).toEqual([
      { kind: 'patrol', count: 2, participants: null, hours: 5 },
      { kind: 'dialogue', count: 1, participants: 12, hours: null },
    ]);
  });

  it('counts their partners, and only theirs', () => {
    expect(summary(parts).partners).toEqual([
      { partner: 'Boligselskabet', count: 2, participants: 12, hours: 2 },
      { partner: 'Politiet', count: 1, participants: null, hours: 2 },
    ]);
  });
});

// Residents' questions in the period 2020-Q1 … 2020-Q2 (1 January – 30 June 2020): raised in it,
// answered in it (with an answer), and open at its last day.
describe('computeAreaSummary: questions', () => {
  const answered = (p: Partial<InArea<Question>>): Partial<InArea<Question>> => ({ status: 'answered', answer: 'Svar', ...p });

  it.each<[string, number, Partial<InArea<Question>>]>([
    ['on the first day', 1, { date: '2020-01-01' }],
    ['on the last day', 1, { date: '2020-06-30' }],
    ['the day before', 0, { date: '2019-12-31' }],
    ['the day after', 0, { date: '2020-07-01' }],
    ['in the period and answered in it', 1, answered({ date: '2020-02-01', answered: '2020-03-01' })],
    ['in the period, another area', 0, { date: '2020-02-01', area: 'b' }],
  ])('raised %s: %i', (_, raised, question) => {
    expect(summary({ questions: [question] }).questions.raised).toBe(raised);
  });

  it.each<[string, number, Partial<InArea<Question>>]>([
    ['answered on the first day (raised before the period)', 1, answered({ date: '2019-11-01', answered: '2020-01-01' })],
    ['answered on the last day', 1, answered({ date: '2020-02-01', answered: '2020-06-30' })],
    ['closed with an answer in the period', 1, answered({ date: '2020-02-01', status: 'closed', answered: '2020-04-01' })],
    ['answered the day before', 0, answered({ date: '2019-11-01', answered: '2019-12-31' })],
    ['answered the day after', 0, answered({ date: '2020-02-01', answered: '2020-07-01' })],
    // As the comparison table and the brief count it: the `answered` date is what counts.
    ['an answer date in the period but no answer', 1, { date: '2020-02-01', status: 'referred', answered: '2020-03-01' }],
    ['answered in the period, another area', 0, answered({ date: '2020-02-01', answered: '2020-03-01', area: 'b' })],
  ])('%s: answered %i', (_, count, question) => {
    const s = summary({ questions: [question] });
    expect(s.questions.answered).toBe(count);
    expect(s.questions.times.answered).toBe(count);
  });

  it.each<[string, number, Partial<InArea<Question>>]>([
    ['open, raised in the period', 1, { date: '2020-02-01' }],
    ['open, raised long before the period', 1, { date: '2018-05-01' }],
    ['open, raised on the last day', 1, { date: '2020-06-30' }],
    ['in progress', 1, { date: '2020-02-01', status: 'in_progress' }],
    ['referred', 1, { date: '2020-02-01', status: 'referred' }],
    ['answered in the period', 0, answered({ date: '2020-02-01', answered: '2020-05-01' })],
    ['answered on the last day', 0, answered({ date: '2020-02-01', answered: '2020-06-30' })],
    ['answered before the period', 0, answered({ date: '2019-02-01', answered: '2019-05-01' })],
    ['answered the day after the end: open at the end', 1, answered({ date: '2020-02-01', answered: '2020-07-01' })],
    ['closed after the end: open at the end', 1, answered({ date: '2020-02-01', status: 'closed', answered: '2020-09-01' })],
    ['referred, answered after the end: open at the end', 1, { date: '2020-02-01', status: 'referred', answered: '2020-08-01' }],
    ['raised the day after the end', 0, { date: '2020-07-01' }],
    ['open, another area', 0, { date: '2020-02-01', area: 'b' }],
  ])('%s: open at end %i', (_, open, question) => {
    expect(summary({ questions: [question] }).questions.openAtEnd).toBe(open);
  });

  it('measures answer times from the question date to the answer date, for the questions answered in the period', () => {
    const s = summary({
      questions: [
        answered({ date: '2020-01-01', answered: '2020-01-31' }), // 30 days
        answered({ date: '2019-12-01', answered: '2020-01-15' }), // 45 days
        answered({ date: '2020-01-01', answered: '2020-04-01' }), // 91 days (2020 is a leap year)
        answered({ date: '2020-03-01', answered: '2020-07-01' }), // answered after the period
        { date: '2020-01-01', status: 'referred', answered: '2020-01-02' }, // 1 day, no answer text
        answered({ date: '2020-01-01', answered: '2020-01-02', area: 'b' }), // another area
      ],
    });
    expect(s.questions.times).toEqual({ answered: 4, medianDays: 37.5, within30: 2, within90: 1, longer: 1 });
  });

  it('has zeros and no median with no questions', () => {
    expect(summary({}).questions).toEqual({
      raised: 0,
      answered: 0,
      openAtEnd: 0,
      times: { answered: 0, medianDays: null, within30: 0, within90: 0, longer: 0 },
    });
  });
});

// Rumours: those answered in the period, by verdict (every verdict, zeros included, in the order
// dispelled, confirmed, unresolved, none), oldest answer first; and those still open at the end.
describe('computeAreaSummary: rumours', () => {
  const rumour = (p: Partial<InArea<Question>>): Partial<InArea<Question>> => ({ rumour: true, status: 'answered', answer: 'Svar', ...p });

  it('counts the rumours checked in the period by verdict and lists them by answer date', () => {
    const s = summary({
      questions: [
        rumour({ id: 'r-late', date: '2020-05-01', answered: '2020-06-30', verdict: 'dispelled' }),
        rumour({ id: 'r-early', date: '2019-12-01', answered: '2020-01-01', verdict: 'dispelled' }),
        rumour({ id: 'r-confirmed', date: '2020-02-01', answered: '2020-03-01', verdict: 'confirmed' }),
        rumour({ id: 'r-none', date: '2020-02-01', answered: '2020-04-01' }),
        rumour({ id: 'r-before', date: '2019-10-01', answered: '2019-12-31', verdict: 'unresolved' }),
        rumour({ id: 'r-after', date: '2020-06-01', answered: '2020-07-01', verdict: 'unresolved' }),
        rumour({ id: 'r-elsewhere', date: '2020-02-01', answered: '2020-03-01', verdict: 'unresolved', area: 'b' }),
        { id: 'not-a-rumour', date: '2020-02-01', status: 'answered', answer: 'Svar', answered: '2020-03-01' },
      ],
    });
    expect(s.rumours.verdicts).toEqual([
      { verdict: 'dispelled', count: 2 },
      { verdict: 'confirmed', count: 1 },
      { verdict: 'unresolved', count: 0 },
      { verdict: 'none', count: 1 },
    ]);
    expect(ids(s.rumours.checked)).toEqual(['r-early', 'r-confirmed', 'r-none', 'r-late']);
  });

  it('lists every verdict with zero when no rumour was checked', () => {
    expect(summary({}).rumours).toEqual({
      verdicts: [
        { verdict: 'dispelled', count: 0 },
        { verdict: 'confirmed', count: 0 },
        { verdict: 'unresolved', count: 0 },
        { verdict: 'none', count: 0 },
      ],
      checked: [],
      open: 0,
    });
  });

  it('counts the rumours open at the period’s end', () => {
    const s = summary({
      questions: [
        { id: 'open', date: '2019-06-01', rumour: true },
        { id: 'in-progress', date: '2020-06-30', rumour: true, status: 'in_progress' },
        rumour({ id: 'answered-after', date: '2020-05-01', answered: '2020-07-01' }),
        rumour({ id: 'answered-in', date: '2020-05-01', answered: '2020-06-30' }),
        { id: 'raised-after', date: '2020-07-01', rumour: true },
        { id: 'not-a-rumour', date: '2020-02-01' },
        { id: 'elsewhere', date: '2020-02-01', rumour: true, area: 'b' },
      ],
    });
    expect(s.rumours.open).toBe(3);
    expect(s.questions.openAtEnd).toBe(4);
  });
});

// The crime table: a cell per quarter of the period; `last4` sums the period and `prev4` the
// previous one (the same quarters whole years earlier), with the change between them.
describe('computeAreaSummary: crime table', () => {
  it('a four-quarter period against the year before, boundaries included', () => {
    const s = summary(
      {
        incidents: [
          { date: '2018-12-31', count: 40 }, // before the previous period
          { date: '2019-01-01', count: 1 }, // first day of the previous period
          { date: '2019-12-31', count: 9 }, // last day of the previous period
          { date: '2020-01-01', count: 3 },
          { date: '2020-06-30', count: 5 },
          { date: '2020-12-31', count: 12 },
          { date: '2021-01-01', count: 50 }, // after the period
          { date: '2020-05-01', count: 7, source: 'resident' }, // not police
          { date: '2020-05-01', count: 7, area: 'b' }, // another area
        ],
      },
      '2020-Q1',
      '2020-Q4',
    );
    expect(s.crime).toMatchObject({ kind: 'incidents', area: 'a' });
    expect(names(s.crime.quarters)).toEqual(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4']);
    for (const id of ['violence', 'crime_total']) {
      const row = s.crime.rows.find((r) => r.id === id)!;
      expect(row.cells).toEqual([3, 5, 0, 12].map((value) => ({ value, mark: 'shown' })));
      expect(row.last4).toEqual({ value: 20, mark: 'shown' });
      expect(row.prev4).toEqual({ value: 10, mark: 'shown' });
      // 20 against 10: p ≈ 0.099, within normal variation.
      expect(row.last4Change).toMatchObject({ current: 20, prior: 10, absolute: 10, percent: 100, significant: false, trend: 'stable' });
    }
    const theft = s.crime.rows.find((r) => r.id === 'theft')!;
    expect([theft.last4, theft.prev4]).toEqual([
      { value: 0, mark: 'shown' },
      { value: 0, mark: 'shown' },
    ]);
  });

  it('a two-quarter period against the same two quarters a year earlier', () => {
    const violence = crimeRow(
      {
        incidents: [
          { date: '2019-03-31', count: 7 }, // the quarter before the previous period
          { date: '2019-04-01', count: 2 },
          { date: '2019-09-30', count: 3 },
          { date: '2019-10-01', count: 100 }, // between the two periods
          { date: '2020-03-31', count: 50 }, // between the two periods
          { date: '2020-04-01', count: 4 },
          { date: '2020-09-30', count: 6 },
        ],
      },
      '2020-Q2',
      '2020-Q3',
    );
    expect(violence.cells.map((c) => c.value)).toEqual([4, 6]);
    expect(violence.last4).toEqual({ value: 10, mark: 'shown' });
    expect(violence.prev4).toEqual({ value: 5, mark: 'shown' });
    // p ≈ 0.30: not significant, so stable.
    expect(violence.last4Change).toMatchObject({ current: 10, prior: 5, absolute: 5, percent: 100, significant: false, trend: 'stable' });
  });

  it('a five-quarter period against the same five quarters two years earlier', () => {
    const violence = crimeRow(
      {
        incidents: [
          { date: '2017-10-01', count: 2 },
          { date: '2018-12-31', count: 3 },
          { date: '2019-01-01', count: 100 }, // between the two periods
          { date: '2019-10-01', count: 4 },
          { date: '2020-12-31', count: 6 },
        ],
      },
      '2019-Q4',
      '2020-Q4',
    );
    expect(violence.cells.map((c) => c.value)).toEqual([4, 0, 0, 0, 6]);
    expect(violence.last4.value).toBe(10);
    expect(violence.prev4.value).toBe(5);
  });

  // Violence 4 in 2020-Q2 and one more record (a concern, outside the crime total) that decides
  // where the area's police figures begin: the first day of its quarter (coverage.ts). They are
  // stated to run to the end of 2020; the period is 2020-Q1 … 2020-Q4, the previous one 2019-Q1 … 2019-Q4.
  it.each<[string, DatasetParts, number | null, number | null]>([
    ['first police record on the previous period’s first day', { incidents: [{ date: '2019-01-01', category: 'nuisance' }] }, 4, 0],
    [
      'first police record on the last day of the previous period’s first quarter',
      { incidents: [{ date: '2019-03-31', category: 'nuisance' }] },
      4,
      0,
    ],
    [
      'a done activity in the previous period’s first quarter does not start the police figures',
      { activities: [{ date: '2019-03-31' }] },
      null,
      null,
    ],
    [
      'a resident report in the previous period’s first quarter does not start the police figures',
      { incidents: [{ date: '2019-01-01', category: 'nuisance', source: 'resident' }] },
      null,
      null,
    ],
    ['first police record in the previous period’s second quarter', { incidents: [{ date: '2019-04-01', category: 'nuisance' }] }, 4, null],
    ['first police record in the period’s first quarter', { incidents: [{ date: '2020-01-01', category: 'nuisance' }] }, 4, null],
    ['first police record in the period’s second quarter', {}, null, null],
    ['a coverage stated from the previous period’s first day', { areas: coveredTo('2020-12-31', '2019-01-01') }, 4, 0],
  ])('%s', (_, parts, last4, prev4) => {
    const total = crimeRow(
      { areas: coveredTo('2020-12-31'), ...parts, incidents: [{ date: '2020-05-01', count: 4 }, ...(parts.incidents ?? [])] },
      '2020-Q1',
      '2020-Q4',
      'crime_total',
    );
    expect(total.last4.value).toBe(last4);
    expect(total.prev4.value).toBe(prev4);
    expect(total.last4Change === null).toBe(last4 === null || prev4 === null);
    if (last4 !== null && prev4 !== null) expect(total.last4Change).toMatchObject({ current: last4, prior: prev4 });
  });

  it('has no figure for the quarters of the period before the first police record', () => {
    const violence = crimeRow({ areas: coveredTo('2020-12-31'), incidents: [{ date: '2020-05-01', count: 4 }] }, '2020-Q1', '2020-Q4');
    expect(violence.cells).toEqual([
      { value: null, mark: 'shown' },
      { value: 4, mark: 'shown' },
      { value: 0, mark: 'shown' },
      { value: 0, mark: 'shown' },
    ]);
  });
});

// Incident figures follow the suppression plan: a sum over the period, or the previous one, that
// includes a suppressed quarter is itself hidden (secondary), and no change is computed from it.
describe('computeAreaSummary: crime table with a suppression plan', () => {
  const parts: DatasetParts = {
    areas: coveredTo('2020-12-31'), // the police figures are in for every quarter of the period
    incidents: [
      { date: '2019-02-01', count: 6 },
      { date: '2019-08-01', count: 3 },
      { date: '2020-02-01', count: 8 },
      { date: '2020-08-01', count: 7 },
    ],
  };
  /** Violence in one quarter marked primary; everything else shown. */
  const hiding = (quarter: string): SuppressionPlan => ({
    ...NO_SUPPRESSION,
    minCount: 5,
    cell: (category, index) => (category === 'violence' && index === quarterIndex(q(quarter)) ? 'primary' : 'shown'),
    total: () => 'shown',
  });

  it('without a plan every figure is shown', () => {
    for (const plan of [undefined, NO_SUPPRESSION]) {
      const violence = crimeRow(parts, '2020-Q1', '2020-Q4', 'violence', plan);
      expect([violence.last4, violence.prev4]).toEqual([
        { value: 15, mark: 'shown' },
        { value: 9, mark: 'shown' },
      ]);
      expect(violence.last4Change).toMatchObject({ current: 15, prior: 9, absolute: 6 });
    }
  });

  it('a suppressed quarter in the previous period hides its sum and the change', () => {
    const violence = crimeRow(parts, '2020-Q1', '2020-Q4', 'violence', hiding('2019-Q3'));
    expect(violence.last4).toEqual({ value: 15, mark: 'shown' });
    expect(violence.prev4.mark).toBe('secondary');
    expect(violence.last4Change).toBeNull();
  });

  it('a suppressed quarter in the period marks its cell and hides the period’s sum and the change', () => {
    const violence = crimeRow(parts, '2020-Q1', '2020-Q4', 'violence', hiding('2020-Q3'));
    expect(violence.cells.map((c) => c.mark)).toEqual(['shown', 'shown', 'primary', 'shown']);
    expect(violence.last4.mark).toBe('secondary');
    expect(violence.prev4).toEqual({ value: 9, mark: 'shown' });
    expect(violence.last4Change).toBeNull();
  });

  it('a suppressed quarter outside both periods changes nothing', () => {
    const violence = crimeRow(parts, '2020-Q1', '2020-Q2', 'violence', hiding('2019-Q3'));
    expect([violence.last4.mark, violence.prev4.mark]).toEqual(['shown', 'shown']);
    expect(violence.last4Change).toMatchObject({ current: 8, prior: 6 });
  });

  it('follows the area’s plan from planAreaSuppression (min_count 5)', () => {
    // 2020-Q2: violence 3 (primary) beside theft 10: the crime total of the quarter is hidden
    // (secondary), theft stays shown, and so do its period sums.
    const data: DatasetParts = {
      areas: coveredTo('2020-12-31'), // the police figures are in for every quarter of the period
      incidents: [
        { date: '2019-02-01', category: 'violence', count: 6 },
        { date: '2019-02-01', category: 'theft', count: 8 },
        { date: '2020-05-01', category: 'violence', count: 3 },
        { date: '2020-05-01', category: 'theft', count: 10 },
      ],
    };
    const dataset = buildDataset(data);
    const s = computeAreaSummary(dataset, 'a', periodOf(q('2020-Q1'), q('2020-Q4')), planAreaSuppression(dataset, 'a'));
    const row = (id: string) => s.crime.rows.find((r) => r.id === id)!;
    expect(row('violence').cells[1]!.mark).toBe('primary');
    expect(row('theft').cells[1]).toEqual({ value: 10, mark: 'shown' });
    expect(row('theft').last4).toEqual({ value: 10, mark: 'shown' });
    expect(row('theft').last4Change).toMatchObject({ current: 10, prior: 8 });
    for (const id of ['violence', 'crime_total']) {
      expect(row(id).last4.mark).toBe('secondary');
      expect(row(id).prev4.mark).toBe('shown');
      expect(row(id).last4Change).toBeNull();
    }
    expect(row('crime_total').cells[1]!.mark).toBe('secondary');
  });
});
