import { describe, expect, it } from 'vitest';
import { listRecords } from '../../src/analyze/record-list.js';
import { buildDataset } from '../helpers/dataset.js';

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const TODAY = '2020-04-20';

describe('listRecords', () => {
  it('gives the records of a kind in date order, then by id, whatever the order of the files', () => {
    const dataset = buildDataset({
      incidents: [
        { id: 'c', date: '2020-03-01' },
        { id: 'b', date: '2020-01-05' },
        { id: 'a', date: '2020-03-01' },
      ],
    });
    expect(ids(listRecords(dataset, 'incidents', { today: TODAY }))).toEqual(['b', 'a', 'c']);
  });

  it('--area keeps one area', () => {
    const dataset = buildDataset({ questions: [{ id: 'qa' }, { id: 'qb', area: 'b' }] });
    expect(ids(listRecords(dataset, 'questions', { area: 'b', today: TODAY }))).toEqual(['qb']);
  });

  it('--open: questions open or in progress (not answered, referred or closed); priorities still active', () => {
    const dataset = buildDataset({
      questions: (['open', 'in_progress', 'answered', 'referred', 'closed'] as const).map((status) => ({ id: status, status })),
      priorities: [
        { id: 'p-active', status: 'active' },
        { id: 'p-achieved', status: 'achieved' },
        { id: 'p-dropped', status: 'dropped' },
      ],
    });
    expect(ids(listRecords(dataset, 'questions', { open: true, today: TODAY }))).toEqual(['in_progress', 'open']);
    expect(ids(listRecords(dataset, 'priorities', { open: true, today: TODAY }))).toEqual(['p-active']);
  });

  it('--planned: activities planned; meetings from today on (today included)', () => {
    const dataset = buildDataset({
      activities: [
        { id: 'done', status: 'done' },
        { id: 'planned', status: 'planned', date: '2020-05-01' },
        { id: 'cancelled', status: 'cancelled' },
      ],
      meetings: [
        { id: 'past', date: '2020-04-19' },
        { id: 'today', date: TODAY },
        { id: 'next', date: '2020-08-26' },
      ],
    });
    expect(ids(listRecords(dataset, 'activities', { planned: true, today: TODAY }))).toEqual(['planned']);
    expect(ids(listRecords(dataset, 'meetings', { planned: true, today: TODAY }))).toEqual(['today', 'next']);
  });

  it('--quarter: dated records of the quarter, priorities active in some part of it, figures of its year', () => {
    const quarter = { year: 2020, quarter: 1 } as const;
    const dataset = buildDataset({
      incidents: [
        { id: 'dec', date: '2019-12-31' },
        { id: 'jan', date: '2020-01-01' },
        { id: 'mar', date: '2020-03-31' },
        { id: 'apr', date: '2020-04-01' },
      ],
      priorities: [
        { id: 'ended-before', from: '2019-Q1', to: '2019-Q4' },
        { id: 'ends-in', from: '2019-Q1', to: '2020-Q1' },
        { id: 'open-ended', from: '2019-Q3' },
        { id: 'starts-in', from: '2020-Q1' },
        { id: 'starts-after', from: '2020-Q2' },
      ],
      surveys: [
        { id: 's2019', year: 2019 },
        { id: 's2020', year: 2020 },
      ],
      list_status: [
        { id: 'l2020', year: 2020 },
        { id: 'l2021', year: 2021 },
      ],
    });
    expect(ids(listRecords(dataset, 'incidents', { quarter, today: TODAY }))).toEqual(['jan', 'mar']);
    expect(ids(listRecords(dataset, 'priorities', { quarter, today: TODAY }))).toEqual(['ends-in', 'open-ended', 'starts-in']);
    expect(ids(listRecords(dataset, 'surveys', { quarter, today: TODAY }))).toEqual(['s2020']);
    expect(ids(listRecords(dataset, 'list_status', { quarter, today: TODAY }))).toEqual(['l2020']);
  });

  it('orders meetings of a day by their time, and filters combine', () => {
    const dataset = buildDataset({
      meetings: [
        { id: 'evening', date: '2020-05-01', time: '19:00' },
        { id: 'morning', date: '2020-05-01', time: '09:30' },
        { id: 'other-area', date: '2020-05-01', area: 'b' },
      ],
    });
    expect(ids(listRecords(dataset, 'meetings', { area: 'a', planned: true, quarter: { year: 2020, quarter: 2 }, today: TODAY }))).toEqual([
      'morning',
      'evening',
    ]);
  });
});
