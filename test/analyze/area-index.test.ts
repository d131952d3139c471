import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexArea, indexedDataThrough } from '../../src/analyze/area-index.js';
import { countIncidents, countObservations, dataThrough, earliestQuarter, latestQuarter } from '../../src/analyze/figures.js';
import { addQuarters, quarterIndex, quarterRange } from '../../src/analyze/quarters.js';
import { loadProject } from '../../src/load/load-project.js';
import { writeMixedProject } from '../helpers/mixed-project.js';

// The index answers what figures.ts answers by scanning the project, for every area and quarter.

const work = mkdtempSync(join(tmpdir(), 'borgermode-area-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('indexArea', () => {
  it('agrees with the scanning functions of figures.ts on every area and quarter of a generated project', async () => {
    const { dataset } = await loadProject({ root: writeMixedProject(join(work, 'mixed')), now: new Date('2020-04-20T12:00:00Z') });
    for (const { id } of dataset!.areas) {
      const index = indexArea(dataset!, id);
      expect(index.first).toEqual(earliestQuarter(dataset!, id));
      expect(index.last).toEqual(latestQuarter(dataset!, id));
      expect(index.counts).toEqual(countIncidents(dataset!.incidents, id));
      for (const quarter of quarterRange(addQuarters(index.first!, -2), addQuarters(index.last!, 2))) {
        expect(indexedDataThrough(index, quarter)).toBe(dataThrough(dataset!, id, quarter));
        expect(index.observations.get(quarterIndex(quarter)) ?? 0).toBe(countObservations(dataset!.incidents, id, quarter));
      }
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
