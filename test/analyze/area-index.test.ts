import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexArea, indexedDataThrough } from '../../src/analyze/area-index.js';
import { isCovered, latestWholeQuarter, resolveCoverage, sameDaysYearBefore } from '../../src/analyze/coverage.js';
import { countIncidents, earliestQuarter, latestQuarter } from '../../src/analyze/figures.js';
import { addQuarters, parseQuarter, type Quarter, quarterIndex, quarterOf, quarterRange } from '../../src/model/quarters.js';
import type { Dataset } from '../../src/model/dataset.js';
import { loadProject } from '../../src/load/load-project.js';
import { buildDataset, type DatasetParts, incident } from '../helpers/dataset.js';
import { writeMixedProject } from '../helpers/mixed-project.js';
import { countObservations, dataThrough } from '../helpers/scanning-figures.js';

// The index answers what a scan of the project answers (test/helpers/scanning-figures.ts, and
// figures.ts), for every area and quarter.

const q = (text: string): Quarter => parseQuarter(text)!;

const work = mkdtempSync(join(tmpdir(), 'borgermode-area-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('indexArea', () => {
  it('agrees with the scanning functions of figures.ts on every area and quarter of a generated project', async () => {
    const { dataset } = await loadProject({ root: writeMixedProject(join(work, 'mixed')), now: new Date('2020-04-20T12:00:00Z') });
    // The same project with a stated coverage that leaves police incidents out at both ends
    // (2017-Q1 and September 2019 on), and ends inside 2019-Q3.
    const stated: Dataset = {
      ...dataset!,
      areas: dataset!.areas.map((a) => ({ ...a, coverage: { from: '2017-04-01', to: '2019-08-31' } })),
    };
    for (const data of [dataset!, stated]) {
      for (const area of data.areas) {
        const id = area.id;
        const index = indexArea(data, id);
        const police = data.incidents.filter((i) => i.area === id && i.source === 'police');
        expect(index.coverage).toEqual(
          resolveCoverage(
            area,
            police.map((i) => i.date),
          ),
        );
        expect(index.first).toEqual(earliestQuarter(data, id));
        // `last` is the latest quarter holding a record; latestQuarter prefers the latest one the police figures cover wholly.
        expect(index.last).toEqual(quarterOf(dataThrough(data, id, { year: 9999, quarter: 4 })!));
        expect(latestWholeQuarter(index.coverage) ?? index.last).toEqual(latestQuarter(data, id));
        // Counts are of the covered days only.
        expect(index.counts).toEqual(
          countIncidents(
            data.incidents.filter((i) => isCovered(index.coverage, i.date)),
            id,
          ),
        );
        if (index.sameDays) {
          const span = sameDaysYearBefore(index.sameDays.quarter, index.sameDays.until);
          const prior = countIncidents(
            police.filter((i) => i.date >= span.from && i.date <= span.to),
            id,
          );
          expect(index.sameDays.counts).toEqual(prior.get(quarterIndex(addQuarters(index.sameDays.quarter, -4))) ?? new Map());
        }
        for (const quarter of quarterRange(addQuarters(index.first!, -2), addQuarters(index.last!, 2))) {
          expect(indexedDataThrough(index, quarter)).toBe(dataThrough(data, id, quarter));
          expect(index.observations.get(quarterIndex(quarter)) ?? 0).toBe(countObservations(data.incidents, id, quarter));
        }
      }
    }
    // The stated coverage does leave incidents out, and ends inside a quarter.
    for (const { id } of stated.areas) {
      const index = indexArea(stated, id);
      expect(index.coverage).toEqual({ from: '2017-04-01', to: '2019-08-31', stated: { from: true, to: true } });
      expect(index.counts).not.toEqual(countIncidents(stated.incidents, id));
      expect(index.sameDays).toMatchObject({ quarter: { year: 2019, quarter: 3 }, until: '2019-08-31', priorUntil: '2018-08-31' });
      expect(latestQuarter(stated, id)).toEqual({ year: 2019, quarter: 2 });
    }
  });

  it('has no first or latest quarter for an area without records', async () => {
    const { dataset } = await loadProject({ root: writeMixedProject(join(work, 'mixed-2')), now: new Date('2020-04-20T12:00:00Z') });
    const index = indexArea({ ...dataset!, incidents: [], activities: [] }, 'nord');
    expect(index.first).toBeUndefined();
    expect(index.last).toBeUndefined();
    expect(indexedDataThrough(index, { year: 2019, quarter: 4 })).toBeUndefined();
  });
});

describe('observations (incidents reported by residents, patrols or others)', () => {
  const incidents = [
    incident({ date: '2020-02-01', count: 1 }), // police: crime, not an observation
    incident({ date: '2020-02-01', source: 'resident', count: 2 }),
    incident({ date: '2020-02-01', source: 'patrol', count: 4 }),
    incident({ date: '2020-02-01', source: 'other', count: 8 }),
    incident({ date: '2020-04-01', source: 'resident', count: 16 }),
    incident({ date: '2020-03-31', source: 'resident', count: 32 }),
    incident({ date: '2020-02-01', source: 'resident', count: 64, area: 'b' }),
  ];

  it.each([
    ['2020-Q1', 46],
    ['2020-Q2', 16],
    ['2019-Q4', 0],
  ])('%s: %d', (quarter, expected) => {
    expect(indexArea(buildDataset({ incidents }), 'a').observations.get(quarterIndex(q(quarter))) ?? 0).toBe(expected);
  });
});

describe('indexedDataThrough (2020-Q1, which ends 2020-03-31)', () => {
  it.each<[string, DatasetParts, string | undefined]>([
    ['nothing', {}, undefined],
    [
      'the latest incident not after the end',
      { incidents: [{ date: '2020-02-01' }, { date: '2020-03-31' }, { date: '2020-04-01' }] },
      '2020-03-31',
    ],
    ['a later done activity', { incidents: [{ date: '2020-03-10' }], activities: [{ date: '2020-03-20' }] }, '2020-03-20'],
    ['an incident of any source', { incidents: [{ date: '2020-03-10' }, { date: '2020-03-12', source: 'resident' }] }, '2020-03-12'],
    [
      'not planned or cancelled activities',
      {
        incidents: [{ date: '2020-03-10' }],
        activities: [
          { date: '2020-03-25', status: 'planned' },
          { date: '2020-03-26', status: 'cancelled' },
        ],
      },
      '2020-03-10',
    ],
    ['not meetings', { incidents: [{ date: '2020-03-10' }], meetings: [{ date: '2020-03-30' }] }, '2020-03-10'],
    [
      'not other areas',
      { incidents: [{ date: '2020-03-10' }, { date: '2020-03-30', area: 'b' }], activities: [{ date: '2020-03-29', area: 'b' }] },
      '2020-03-10',
    ],
    ['records before the quarter only', { incidents: [{ date: '2019-11-11' }] }, '2019-11-11'],
    ['records after the quarter only', { incidents: [{ date: '2020-04-01' }], activities: [{ date: '2020-05-01' }] }, undefined],
  ])('%s', (_, parts, expected) => {
    const data = buildDataset(parts);
    expect(indexedDataThrough(indexArea(data, 'a'), q('2020-Q1'))).toBe(expected);
    expect(dataThrough(data, 'a', q('2020-Q1'))).toBe(expected);
  });
});
