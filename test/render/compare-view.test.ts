import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/analyze/quarters.js';
import type { Audience } from '../../src/analyze/audience.js';
import type { Lang } from '../../src/model/schema.js';
import type { CompareRowView, CompareView } from '../../src/render/compare-view.js';
import { audienceData, compareViewFor } from '../../src/render/pages.js';
import { buildDataset, countsByQuarter as counts, type DatasetParts } from '../helpers/dataset.js';

// The texts of a comparison table's change cells (reports.md §3), as people read them: the
// absolute change beside the percentage, the sign from the rounded value, "ny" for a prior 0,
// "±0", and a marker with its words. The numbers behind them are pinned in
// test/analyze/compare.test.ts.

const TO = parseQuarter('2020-Q1')!;

/** A police record of 2018-Q1, where the area's police figures begin. */
const ANCHOR = counts('nuisance', { '2018-Q1': 20 });

/**
 * Area a's police figures stated to cover 2018-Q1 … 2020-Q1, so every quarter of the eight has
 * data: a 0 in 2020-Q1 is a figure even when no incident is recorded after 2019-Q1.
 */
const COVERED: DatasetParts['areas'] = [
  { id: 'a', name: 'Område A', coverage: { from: '2018-01-01', to: '2020-03-31' } },
  { id: 'b', name: 'Område B' },
];

function view(incidents: DatasetParts['incidents'], lang: Lang = 'da', audience: Audience = 'internal'): CompareView {
  return compareViewFor(audienceData(buildDataset({ areas: COVERED, incidents: [...ANCHOR, ...(incidents ?? [])] }), audience), 'incidents', 'a', TO, 8, lang);
}
const rowOf = (v: CompareView, id: string): CompareRowView => v.rows.find((r) => r.id === id)!;

describe('the text of a year-ago change', () => {
  it.each([
    // prior, current, da, en, marker, da words, en words
    [2, 3, '+1 (+50 %)', '+1 (+50 %)', '●', 'inden for normal variation', 'within normal variation'],
    [8, 9, '+1 (+13 %)', '+1 (+13 %)', '●', 'inden for normal variation', 'within normal variation'],
    [8, 7, '−1 (−13 %)', '−1 (−13 %)', '●', 'inden for normal variation', 'within normal variation'],
    [1000, 999, '−1 (0 %)', '−1 (0 %)', '●', 'inden for normal variation', 'within normal variation'],
    [1000, 2000, '+1.000 (+100 %)', '+1,000 (+100 %)', '▲', 'flere', 'more'],
    [0, 3, '+3 (ny)', '+3 (new)', '●', 'inden for normal variation', 'within normal variation'], // p = 0.25
    [0, 7, '+7 (ny)', '+7 (new)', '▲', 'flere', 'more'], // p ≈ 0.016
    [0, 0, '±0', '±0', '●', 'uændret', 'unchanged'],
    [5, 5, '±0 (0 %)', '±0 (0 %)', '●', 'uændret', 'unchanged'],
    [4, 0, '−4 (−100 %)', '−4 (−100 %)', '●', 'inden for normal variation', 'within normal variation'], // p ≈ 0.061 (91 days against 90)
    [9, 16, '+7 (+78 %)', '+7 (+78 %)', '●', 'inden for normal variation', 'within normal variation'], // p ≈ 0.23
    [6, 20, '+14 (+233 %)', '+14 (+233 %)', '▲', 'flere', 'more'], // p ≈ 0.009
    [20, 6, '−14 (−70 %)', '−14 (−70 %)', '▼', 'færre', 'fewer'],
  ] as const)('%d → %d: "%s" / "%s", %s', (prior, current, da, en, marker, daWords, enWords) => {
    const incidents = counts('violence', { '2019-Q1': prior, '2020-Q1': current });
    const [inDanish, inEnglish] = [rowOf(view(incidents, 'da'), 'violence'), rowOf(view(incidents, 'en'), 'violence')];
    expect(inDanish.change).toMatchObject({ text: da, marker, words: daWords, absolute: current - prior });
    expect(inEnglish.change).toMatchObject({ text: en, marker, words: enWords });
    expect(inDanish.change.text).not.toMatch(/[−-]0 %/);
  });

  it('uses a real minus sign (U+2212) in the text and a plain number in `absolute`', () => {
    const row = rowOf(view(counts('violence', { '2019-Q1': 8, '2020-Q1': 7 })), 'violence');
    expect(row.change.text.startsWith('\u2212')).toBe(true);
    expect(row.change).toMatchObject({ absolute: -1, percent: -13 });
  });
});

describe('the four-quarter change', () => {
  it('sums the last four quarters and the four before, and writes their change by the same rules', () => {
    const v = view(counts('theft', { '2018-Q2': 1, '2018-Q3': 2, '2018-Q4': 3, '2019-Q1': 4, '2019-Q2': 5, '2019-Q3': 6, '2019-Q4': 7, '2020-Q1': 8 }));
    const row = rowOf(v, 'theft');
    expect([row.last4.text, row.prev4.text]).toEqual(['26', '10']);
    expect(row.last4_change).toEqual({ text: '+16 (+160 %)', marker: '▲', words: 'flere', absolute: 16, percent: 160 });
  });

  it('writes "–" for a change that reaches before the records begin', () => {
    const v = compareViewFor(audienceData(buildDataset({ incidents: counts('theft', { '2019-Q3': 6, '2020-Q1': 8 }) }), 'internal'), 'incidents', 'a', TO, 8, 'da');
    const row = rowOf(v, 'theft');
    expect([row.year_ago.text, row.change.text, row.last4.text, row.last4_change.text]).toEqual(['–', '–', '–', '–']);
    expect(row.change).toMatchObject({ marker: '', words: '', absolute: null, percent: null });
  });
});

describe('suppressed cells (public output, min_count 5)', () => {
  it('shows a count of 1–4 as "<5" and computes no change from it: "x", no marker, no words', () => {
    const v = view([...counts('violence', { '2019-Q1': 3, '2020-Q1': 9 }), ...counts('theft', { '2019-Q1': 20, '2020-Q1': 20 }), ...counts('vandalism', { '2019-Q1': 6, '2020-Q1': 6 })], 'da', 'public');
    const row = rowOf(v, 'violence');
    expect(row.year_ago).toEqual({ text: '<5', value: null, mark: 'primary' });
    expect(row.cells.at(-1)).toEqual({ text: '9', value: 9, mark: 'shown' });
    expect(row.change).toEqual({ text: 'x', marker: '', words: '', absolute: null, percent: null });
    expect(v.suppression).toBe('"<5": 1–4 hændelser. "x": skjult, så et lille tal ikke kan regnes ud.');
  });

  it('shows the same counts exactly to the team (internal), with the change', () => {
    const v = view([...counts('violence', { '2019-Q1': 3, '2020-Q1': 20 }), ...counts('theft', { '2019-Q1': 20, '2020-Q1': 20 })], 'da', 'internal');
    expect(rowOf(v, 'violence').change).toMatchObject({ text: '+17 (+567 %)', marker: '▲', words: 'flere' });
    expect(v.suppression).toBeUndefined();
  });
});
