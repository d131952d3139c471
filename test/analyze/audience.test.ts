import { describe, expect, it } from 'vitest';
import { datasetFor } from '../../src/analyze/audience.js';
import { buildDataset, incident, question } from '../helpers/dataset.js';

describe('datasetFor', () => {
  const dataset = buildDataset({
    incidents: [
      incident({ id: 'i1', date: '2020-01-10', category: 'sexual', zone: 'Blok 3', summary: 'Beskrivelse', internal_note: 'note' }),
      incident({ id: 'i2', date: '2020-01-11', category: 'theft', summary: 'Cykel', internal_note: 'note' }),
    ],
    questions: [question({ id: 'q1', date: '2020-01-12', question: 'Hvad?', internal_note: 'note' })],
  });

  it('public: folds sensitive incidents into other without zone and summary, and drops internal notes', () => {
    const data = datasetFor(dataset, 'public');
    expect(data.incidents).toEqual([
      expect.objectContaining({ id: 'i1', category: 'other' }),
      expect.objectContaining({ id: 'i2', category: 'theft', summary: 'Cykel' }),
    ]);
    expect(data.incidents[0]).not.toHaveProperty('zone');
    expect(data.incidents[0]).not.toHaveProperty('summary');
    expect(JSON.stringify(data)).not.toContain('internal_note');
    expect(data.categories.map((c) => c.id)).not.toContain('sexual');
  });

  it('internal: everything as it is', () => {
    expect(datasetFor(dataset, 'internal')).toBe(dataset);
  });
});
