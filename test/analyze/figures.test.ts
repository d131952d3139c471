import { describe, expect, it } from 'vitest';
import {
  countActivitiesByKind,
  countIncidents,
  countPartners,
  earliestQuarter,
  latestQuarter,
  type QuarterCounts,
  questionStateAt,
  sumCounts,
} from '../../src/analyze/figures.js';
import { formatQuarter, fromQuarterIndex, parseQuarter, type Quarter } from '../../src/model/quarters.js';
import { activity, buildDataset, type DatasetParts, incident, question } from '../helpers/dataset.js';

const q = (text: string): Quarter => parseQuarter(text)!;

/** QuarterCounts as a plain object, `{ '2020-Q1': { violence: 3 } }`, so a table can state it. */
const plain = (counts: QuarterCounts) =>
  Object.fromEntries([...counts].map(([index, row]) => [formatQuarter(fromQuarterIndex(index)), Object.fromEntries(row)]));

describe('countIncidents', () => {
  it.each([
    [
      'sums count within a quarter',
      [incident({ date: '2020-01-10', count: 2 }), incident({ date: '2020-03-01', count: 3 })],
      { '2020-Q1': { violence: 5 } },
    ],
    ['a missing count was defaulted to 1 by the schema', [incident(), incident()], { '2020-Q1': { violence: 2 } }],
    [
      'counts only source police',
      [
        incident({ count: 2 }),
        incident({ source: 'resident', count: 4 }),
        incident({ source: 'patrol', count: 8 }),
        incident({ source: 'other', count: 16 }),
      ],
      { '2020-Q1': { violence: 2 } },
    ],
    ['counts only the area', [incident(), incident({ area: 'b', count: 7 })], { '2020-Q1': { violence: 1 } }],
    [
      '31 March is Q1, 1 April is Q2',
      [incident({ date: '2020-03-31' }), incident({ date: '2020-04-01', count: 2 })],
      { '2020-Q1': { violence: 1 }, '2020-Q2': { violence: 2 } },
    ],
    [
      '31 December and 1 January are different years',
      [incident({ date: '2019-12-31' }), incident({ date: '2020-01-01', count: 2 })],
      { '2019-Q4': { violence: 1 }, '2020-Q1': { violence: 2 } },
    ],
    [
      'the leap day 2020-02-29 is in Q1',
      [incident({ date: '2020-02-29', count: 3 }), incident({ date: '2020-03-01' })],
      { '2020-Q1': { violence: 4 } },
    ],
    [
      'keeps categories apart',
      [incident({ category: 'violence' }), incident({ category: 'burglary', count: 2 }), incident({ category: 'nuisance', count: 4 })],
      { '2020-Q1': { violence: 1, burglary: 2, nuisance: 4 } },
    ],
    ['nothing', [], {}],
    ['only other areas', [incident({ area: 'b' })], {}],
  ])('%s', (_, incidents, expected) => {
    expect(plain(countIncidents(incidents, 'a'))).toEqual(expected);
  });

  const foldSexual = (id: string) => (id === 'sexual' ? 'other' : id);
  const mixed = [incident({ category: 'sexual', count: 2 }), incident({ category: 'other', count: 3 }), incident({ category: 'violence' })];

  it.each([
    ['folds with categoryOf', foldSexual, { '2020-Q1': { other: 5, violence: 1 } }],
    ['keeps the category without categoryOf', undefined, { '2020-Q1': { sexual: 2, other: 3, violence: 1 } }],
  ])('%s', (_, categoryOf, expected) => {
    expect(plain(countIncidents(mixed, 'a', categoryOf))).toEqual(expected);
  });
});

describe('sumCounts', () => {
  // Powers of two, so every sum names exactly the cells it took.
  const counts = countIncidents(
    [
      incident({ date: '2019-12-01', category: 'violence', count: 1 }),
      incident({ date: '2019-12-01', category: 'theft', count: 2 }),
      incident({ date: '2020-01-15', category: 'violence', count: 4 }),
      incident({ date: '2020-02-15', category: 'theft', count: 8 }),
      incident({ date: '2020-05-01', category: 'violence', count: 16 }),
      incident({ date: '2020-03-01', category: 'nuisance', count: 32 }),
    ],
    'a',
  );

  it.each([
    [['2020-Q1'], ['violence'], 4],
    [['2020-Q1'], ['violence', 'theft'], 12],
    [['2019-Q4', '2020-Q1', '2020-Q2'], ['violence'], 21],
    [['2019-Q4', '2020-Q1', '2020-Q2'], ['violence', 'theft'], 31],
    [['2019-Q4', '2020-Q1', '2020-Q2'], ['violence', 'theft', 'nuisance'], 63],
    [['2019-Q4', '2020-Q2'], ['theft', 'nuisance'], 2],
    [['2020-Q3'], ['violence'], 0], // a quarter without incidents
    [['2020-Q2'], ['theft'], 0], // a category without incidents in that quarter
    [['2020-Q1'], ['robbery'], 0],
    [[], ['violence'], 0],
    [['2020-Q1'], [], 0],
  ])('%j × %j = %d', (quarters, categories, expected) => {
    expect(sumCounts(counts, quarters.map(q), categories)).toBe(expected);
  });
});

describe('countActivitiesByKind', () => {
  it.each([
    ['nothing', [], []],
    [
      'counts only done activities',
      [activity(), activity({ status: 'planned' }), activity({ status: 'cancelled' })],
      [{ kind: 'patrol', count: 1, participants: null, hours: null }],
    ],
    [
      'participants and hours are null when no activity recorded them',
      [activity({ kind: 'patrol' }), activity({ kind: 'patrol' })],
      [{ kind: 'patrol', count: 2, participants: null, hours: null }],
    ],
    [
      'sums participants and hours over the activities that recorded them',
      [
        activity({ kind: 'dialogue', participants: 10 }),
        activity({ kind: 'dialogue' }),
        activity({ kind: 'dialogue', participants: 5, hours: 1.5 }),
        activity({ kind: 'dialogue', hours: 2 }),
      ],
      [{ kind: 'dialogue', count: 4, participants: 15, hours: 3.5 }],
    ],
    [
      '0 participants is a recorded 0, not null',
      [activity({ kind: 'information', participants: 0, hours: 0 })],
      [{ kind: 'information', count: 1, participants: 0, hours: 0 }],
    ],
    [
      'kinds in the order first met',
      [
        activity({ kind: 'school_visit', participants: 20 }),
        activity({ kind: 'patrol', hours: 2 }),
        activity({ kind: 'school_visit', participants: 25 }),
      ],
      [
        { kind: 'school_visit', count: 2, participants: 45, hours: null },
        { kind: 'patrol', count: 1, participants: null, hours: 2 },
      ],
    ],
  ])('%s', (_, activities, expected) => {
    expect(countActivitiesByKind(activities)).toEqual(expected);
  });
});

describe('countPartners', () => {
  it.each([
    ['nothing', [], []],
    ['activities without partners', [activity()], []],
    [
      'most first',
      [activity({ partners: ['Skole', 'SSP'] }), activity({ partners: ['SSP'] }), activity({ partners: ['Boligselskab', 'Skole', 'SSP'] })],
      [
        { partner: 'SSP', count: 3 },
        { partner: 'Skole', count: 2 },
        { partner: 'Boligselskab', count: 1 },
      ],
    ],
    [
      'ties in Danish alphabetical order (Æ, Ø, Å after Z)',
      [activity({ partners: ['Åbent hus', 'Ørsted', 'Ældreråd', 'Zoneklubben', 'Boligselskab'] })],
      [
        { partner: 'Boligselskab', count: 1 },
        { partner: 'Zoneklubben', count: 1 },
        { partner: 'Ældreråd', count: 1 },
        { partner: 'Ørsted', count: 1 },
        { partner: 'Åbent hus', count: 1 },
      ],
    ],
    [
      'a partner listed twice in one activity counts once',
      [activity({ partners: ['SSP', 'SSP', 'SSP'] }), activity({ partners: ['Skole'] }), activity({ partners: ['Skole'] })],
      [
        { partner: 'Skole', count: 2 },
        { partner: 'SSP', count: 1 },
      ],
    ],
    [
      'only done activities',
      [
        activity({ partners: ['SSP'], status: 'planned' }),
        activity({ partners: ['SSP'], status: 'cancelled' }),
        activity({ partners: ['Skole'] }),
      ],
      [{ partner: 'Skole', count: 1 }],
    ],
  ])('%s', (_, activities, expected) => {
    expect(countPartners(activities).map(({ partner, count }) => ({ partner, count }))).toEqual(expected);
  });
});

describe('questionStateAt', () => {
  // Every question here is raised on 2020-02-01.
  it.each([
    ['open, the day before it is raised', {}, '2020-01-31', 'not_raised'],
    ['open, the day it is raised', {}, '2020-02-01', 'open'],
    ['answered, at a date before it was raised', { status: 'answered', answered: '2020-03-10' }, '2020-01-31', 'not_raised'],
    ['answered, the day before the answer', { status: 'answered', answered: '2020-03-10' }, '2020-03-09', 'open'],
    ['answered, on the answer date itself', { status: 'answered', answered: '2020-03-10' }, '2020-03-10', 'answered'],
    ['answered, after the answer date', { status: 'answered', answered: '2020-03-10' }, '2020-06-01', 'answered'],
    ['answered on the day it was raised', { status: 'answered', answered: '2020-02-01' }, '2020-02-01', 'answered'],
    ['closed, the day before the answer', { status: 'closed', answered: '2020-03-10' }, '2020-03-09', 'open'],
    ['closed, on the answer date', { status: 'closed', answered: '2020-03-10' }, '2020-03-10', 'closed'],
    ['referred, no answer', { status: 'referred' }, '2020-06-01', 'referred'],
    ['in progress, no answer', { status: 'in_progress' }, '2020-06-01', 'in_progress'],
    ['referred, before its later answer', { status: 'referred', answered: '2020-03-10' }, '2020-03-09', 'referred'],
    ['in progress, before its later answer', { status: 'in_progress', answered: '2020-03-10' }, '2020-03-09', 'in_progress'],
    ['referred, once answered', { status: 'referred', answered: '2020-03-10' }, '2020-03-10', 'answered'],
    ['open, long after', {}, '2021-12-31', 'open'],
  ] as const)('%s', (_, fields, date, expected) => {
    expect(questionStateAt(question({ date: '2020-02-01', ...fields }), date)).toBe(expected);
  });
});

describe('latestQuarter and earliestQuarter', () => {
  const name = (quarter: Quarter | undefined) => (quarter ? formatQuarter(quarter) : undefined);
  const coveredTo = (to: string): DatasetParts['areas'] => [
    { id: 'a', name: 'Område A', coverage: { to } },
    { id: 'b', name: 'Område B' },
  ];

  it.each<[string, DatasetParts, string | undefined, string | undefined]>([
    ['nothing', {}, undefined, undefined],
    ['incidents', { incidents: [{ date: '2020-06-05' }, { date: '2019-11-01' }] }, '2020-Q2', '2019-Q4'],
    // latest: the latest quarter the police figures cover to its last day (to the end of the latest incident's month).
    [
      'the police figures end inside a quarter: the quarter before',
      { incidents: [{ date: '2020-05-05' }, { date: '2019-11-01' }] },
      '2020-Q1',
      '2019-Q4',
    ],
    [
      'a done activity after the police figures does not move it',
      { incidents: [{ date: '2020-03-05' }], activities: [{ date: '2020-08-01' }] },
      '2020-Q1',
      '2020-Q1',
    ],
    [
      'a resident report after the police figures does not move it',
      { incidents: [{ date: '2020-03-05' }, { date: '2020-08-01', source: 'resident' }] },
      '2020-Q1',
      '2020-Q1',
    ],
    ['a stated coverage end moves it', { areas: coveredTo('2020-09-30'), incidents: [{ date: '2020-02-01' }] }, '2020-Q3', '2020-Q1'],
    [
      'a stated coverage end inside a quarter: the quarter before',
      { areas: coveredTo('2020-11-30'), incidents: [{ date: '2020-02-01' }] },
      '2020-Q3',
      '2020-Q1',
    ],
    [
      'a stated coverage end before the latest incident',
      { areas: coveredTo('2019-12-31'), incidents: [{ date: '2019-11-01' }, { date: '2020-05-05' }] },
      '2019-Q4',
      '2019-Q4',
    ],
    // No quarter covered wholly: the latest quarter holding an incident or a done activity.
    ['no whole covered quarter', { incidents: [{ date: '2020-02-01' }], activities: [{ date: '2020-08-01' }] }, '2020-Q3', '2020-Q1'],
    [
      'an incident of any source',
      { incidents: [{ date: '2020-02-01' }, { date: '2020-07-07', source: 'resident' }, { date: '2019-01-01', source: 'patrol' }] },
      '2020-Q3',
      '2019-Q1',
    ],
    [
      'a done activity counts',
      { incidents: [{ date: '2020-02-01' }], activities: [{ date: '2020-08-01' }, { date: '2019-06-30' }] },
      '2020-Q3',
      '2019-Q2',
    ],
    ['done activities alone', { activities: [{ date: '2020-08-01' }] }, '2020-Q3', '2020-Q3'],
    [
      'planned and cancelled activities do not count',
      {
        incidents: [{ date: '2020-02-01' }],
        activities: [
          { date: '2020-08-01', status: 'planned' },
          { date: '2019-01-01', status: 'planned' },
          { date: '2021-01-01', status: 'cancelled' },
          { date: '2018-01-01', status: 'cancelled' },
        ],
      },
      '2020-Q1',
      '2020-Q1',
    ],
    ['only planned activities', { activities: [{ date: '2020-08-01', status: 'planned' }] }, undefined, undefined],
    [
      'meetings do not count',
      { incidents: [{ date: '2020-02-01' }], meetings: [{ date: '2020-04-15' }, { date: '2019-06-01' }] },
      '2020-Q1',
      '2020-Q1',
    ],
    ['only meetings', { meetings: [{ date: '2020-04-15' }] }, undefined, undefined],
    [
      'other areas do not count',
      {
        incidents: [{ date: '2020-02-01' }, { date: '2020-11-01', area: 'b' }, { date: '2018-01-01', area: 'b' }],
        activities: [
          { date: '2021-01-01', area: 'b' },
          { date: '2017-01-01', area: 'b' },
        ],
      },
      '2020-Q1',
      '2020-Q1',
    ],
    [
      'only other areas',
      { incidents: [{ date: '2020-02-01', area: 'b' }], activities: [{ date: '2020-02-01', area: 'b' }] },
      undefined,
      undefined,
    ],
    ['quarter boundaries', { incidents: [{ date: '2020-03-31' }], activities: [{ date: '2019-12-31' }] }, '2020-Q1', '2019-Q4'],
  ])('%s', (_, parts, latest, earliest) => {
    const dataset = buildDataset(parts);
    expect(name(latestQuarter(dataset, 'a'))).toBe(latest);
    expect(name(earliestQuarter(dataset, 'a'))).toBe(earliest);
  });
});
