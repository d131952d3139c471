import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/model/quarters.js';
import type { Audience } from '../../src/analyze/audience.js';
import type { Lang } from '../../src/model/schema.js';
import { compareAreas } from '../../src/analyze/compare.js';
import { renderAreasCsv, renderCompareCsv } from '../../src/render/compare-csv.js';
import { type AreasView, buildAreasView, type CompareRowView, type CompareView } from '../../src/render/compare-view.js';
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
  return compareViewFor(
    audienceData(buildDataset({ areas: COVERED, incidents: [...ANCHOR, ...(incidents ?? [])] }), audience),
    'incidents',
    'a',
    TO,
    8,
    lang,
  );
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
    const v = view(
      counts('theft', { '2018-Q2': 1, '2018-Q3': 2, '2018-Q4': 3, '2019-Q1': 4, '2019-Q2': 5, '2019-Q3': 6, '2019-Q4': 7, '2020-Q1': 8 }),
    );
    const row = rowOf(v, 'theft');
    expect([row.last4.text, row.prev4.text]).toEqual(['26', '10']);
    expect(row.last4_change).toEqual({ text: '+16 (+160 %)', marker: '▲', words: 'flere', absolute: 16, percent: 160 });
  });

  it('writes "–" for a change that reaches before the records begin', () => {
    const v = compareViewFor(
      audienceData(buildDataset({ incidents: counts('theft', { '2019-Q3': 6, '2020-Q1': 8 }) }), 'internal'),
      'incidents',
      'a',
      TO,
      8,
      'da',
    );
    const row = rowOf(v, 'theft');
    expect([row.year_ago.text, row.change.text, row.last4.text, row.last4_change.text]).toEqual(['–', '–', '–', '–']);
    expect(row.change).toMatchObject({ marker: '', words: '', absolute: null, percent: null });
  });
});

describe('suppressed cells (public output, min_count 5)', () => {
  it('shows a count of 1–4 as "<5" and computes no change from it: "x", no marker, no words', () => {
    const v = view(
      [
        ...counts('violence', { '2019-Q1': 3, '2020-Q1': 9 }),
        ...counts('theft', { '2019-Q1': 20, '2020-Q1': 20 }),
        ...counts('vandalism', { '2019-Q1': 6, '2020-Q1': 6 }),
      ],
      'da',
      'public',
    );
    const row = rowOf(v, 'violence');
    expect(row.year_ago).toEqual({ text: '<5', value: null, mark: 'primary' });
    expect(row.cells.at(-1)).toEqual({ text: '9', value: 9, mark: 'shown' });
    expect(row.change).toEqual({ text: 'x', marker: '', words: '', absolute: null, percent: null });
    expect(v.suppression).toBe('"<5": 1–4 hændelser. "x": skjult, fordi et tal under 5 indgår i det.');
  });

  it('shows the same counts exactly to the team (internal), with the change', () => {
    const v = view(
      [...counts('violence', { '2019-Q1': 3, '2020-Q1': 20 }), ...counts('theft', { '2019-Q1': 20, '2020-Q1': 20 })],
      'da',
      'internal',
    );
    expect(rowOf(v, 'violence').change).toMatchObject({ text: '+17 (+567 %)', marker: '▲', words: 'flere' });
    expect(v.suppression).toBeUndefined();
  });
});

describe('a provisional quarter (the police figures end inside it)', () => {
  /** Area a's police figures stated to cover `from` … 15 February 2020: 2020-Q1 is partial. */
  const partialView = (
    incidents: DatasetParts['incidents'],
    { from = '2018-01-01', lang = 'da', audience = 'internal' }: { from?: string; lang?: Lang; audience?: Audience } = {},
  ) =>
    compareViewFor(
      audienceData(
        buildDataset({
          areas: [
            { id: 'a', name: 'Område A', coverage: { from, to: '2020-02-15' } },
            { id: 'b', name: 'Område B' },
          ],
          incidents: [...ANCHOR, ...(incidents ?? [])],
        }),
        audience,
      ),
      'incidents',
      'a',
      TO,
      8,
      lang,
    );
  const incidents = [
    ...counts('violence', { '2019-Q1': 9 }),
    { date: '2020-01-20', category: 'violence', count: 12 },
    { date: '2020-02-20', category: 'violence', count: 30 },
  ];

  it('writes its figure with "*" and `partial: true`, counting the covered days only, and compares nothing with it', () => {
    const row = rowOf(partialView(incidents), 'violence');
    expect(row.cells.at(-1)).toEqual({ text: '12*', value: 12, mark: 'shown', partial: true });
    expect(row.cells.slice(0, -1).every((c) => c.partial === undefined && !c.text.endsWith('*'))).toBe(true);
    expect(row.year_ago).toEqual({ text: '9', value: 9, mark: 'shown' });
    expect(row.change).toEqual({ text: '–', marker: '', words: '', absolute: null, percent: null });
    expect([row.last4.text, row.last4_change.text]).toEqual(['–', '–']);
  });

  it('writes a suppressed provisional figure with "*" too, in public', () => {
    const row = rowOf(partialView([...incidents, { date: '2020-01-20', category: 'theft', count: 2 }], { audience: 'public' }), 'theft');
    expect(row.cells.at(-1)).toEqual({ text: '<5*', value: null, mark: 'primary', partial: true });
  });

  it.each<[string, DatasetParts['incidents'], { from?: string; lang?: Lang }, string[]]>([
    ['every quarter covered wholly: no footnote', counts('violence', { '2019-Q1': 9, '2020-Q1': 12 }), {}, []],
    [
      'partial: what "*" means, with the date, and what "–" means (the four-quarter sums)',
      incidents,
      {},
      [
        '–: ingen tal fra politiet for perioden, så der sammenlignes ikke.',
        '*: foreløbigt tal, politiets tal går kun til og med 15. februar 2020. Et foreløbigt tal sammenlignes ikke og lægges ikke sammen med andre.',
      ],
    ],
    [
      'partial (en)',
      incidents,
      { lang: 'en' },
      [
        '–: no police figures for the period, so nothing is compared.',
        '*: a provisional figure; the police figures only run to 15 February 2020. A provisional figure is not compared or added to others.',
      ],
    ],
  ])('footnotes: %s', (_, rows, options, footnotes) => {
    const v = rows === incidents ? partialView(rows, options) : view(rows, options.lang);
    expect(v.footnotes).toEqual(footnotes);
  });

  it('footnotes: "–" without a partial quarter, when some quarters lie before the police figures begin', () => {
    const v = compareViewFor(
      audienceData(buildDataset({ incidents: counts('theft', { '2019-Q3': 6, '2020-Q1': 8 }) }), 'internal'),
      'incidents',
      'a',
      TO,
      8,
      'da',
    );
    expect(rowOf(v, 'theft').cells[0]).toEqual({ text: '–', value: null, mark: 'no-data' });
    expect(v.footnotes).toEqual(['–: ingen tal fra politiet for perioden, så der sammenlignes ikke.']);
  });

  it('is "12*" in CSV, and a figure without data is empty', () => {
    const csv = renderCompareCsv(partialView(incidents), { excel: false });
    const line = csv.split('\n').find((l) => l.startsWith('violence,'))!;
    // 2018-Q2 … 2020-Q1, year_ago, change, change_pct, last4, prev4, last4_change, last4_change_pct
    expect(line).toBe('violence,Vold,0,0,0,9,0,0,0,12*,9,,,,9,,');
  });
});

describe('the areas table (one quarter, 2020-Q1)', () => {
  // Area a is covered wholly, b up to 15 February 2020, c's figures ended in 2019 (none for 2020-Q1).
  const areas: DatasetParts['areas'] = [
    { id: 'a', name: 'Område A', residents: 2000 },
    { id: 'b', name: 'Område B', residents: 1000, coverage: { to: '2020-02-15' } },
    { id: 'c', name: 'Område C', residents: 500 },
  ];
  const incidents: DatasetParts['incidents'] = [
    { date: '2020-03-15', category: 'violence', count: 9 },
    { date: '2020-02-01', category: 'violence', count: 12, area: 'b' },
    { date: '2019-02-01', category: 'violence', count: 6, area: 'b' },
    { date: '2019-11-15', category: 'violence', count: 7, area: 'c' },
  ];
  const areasView = (lang: Lang = 'da', audience: Audience = 'internal') => {
    const source = audienceData(buildDataset({ areas, incidents }), audience);
    return buildAreasView(
      compareAreas(
        source.data,
        TO,
        (area) => source.plan(area),
        (area) => source.index(area),
      ),
      { lang, audience, title: 'Områder', minCount: () => 5 },
    );
  };
  const cell = (v: AreasView, area: string, id: string) =>
    v.rows.find((r) => r.id === area)!.cells[v.categories.findIndex((c) => c.id === id)]!;

  it('shows "–" for an area without figures for the quarter (not 0), and its rate "–"', () => {
    const v = areasView();
    expect(cell(v, 'c', 'violence')).toEqual({ text: '–', value: null, mark: 'no-data' });
    expect(cell(v, 'c', 'crime_total')).toEqual({ text: '–', value: null, mark: 'no-data' });
    expect(v.rows.find((r) => r.id === 'c')!.crime_rate).toBe('–');
    // A covered quarter without incidents is 0, a figure.
    expect(cell(v, 'a', 'theft')).toEqual({ text: '0', value: 0, mark: 'shown' });
    expect([cell(v, 'a', 'crime_total').text, v.rows.find((r) => r.id === 'a')!.crime_rate]).toEqual(['9', '4,5']);
  });

  it('marks an area covered in part with "*" and gives it no rate', () => {
    const v = areasView();
    expect(cell(v, 'b', 'violence')).toEqual({ text: '12*', value: 12, mark: 'shown', partial: true });
    expect(cell(v, 'b', 'crime_total')).toEqual({ text: '12*', value: 12, mark: 'shown', partial: true });
    expect(v.rows.find((r) => r.id === 'b')!).toMatchObject({ crime_rate: '–', concerns_rate: '–' });
  });

  it.each<[Lang, string[]]>([
    [
      'da',
      [
        '–: ingen tal fra politiet for perioden, så der sammenlignes ikke.',
        '*: foreløbige tal for Område B: politiets tal går kun til og med 15. februar 2020, så der er ingen tal pr. 1.000 beboere.',
      ],
    ],
    [
      'en',
      [
        '–: no police figures for the period, so nothing is compared.',
        '*: provisional figures for Område B: the police figures only run to 15 February 2020, so there is no figure per 1,000 residents.',
      ],
    ],
  ])('says what "–" and "*" mean (%s)', (lang, footnotes) => {
    expect(areasView(lang).footnotes).toEqual(footnotes);
  });

  it('has no footnotes when every area is covered wholly, and no suppression legend for "–" alone', () => {
    const source = audienceData(buildDataset({ areas: areas.slice(0, 1), incidents: incidents.slice(0, 1) }), 'public');
    const v = buildAreasView(
      compareAreas(
        source.data,
        TO,
        (area) => source.plan(area),
        (area) => source.index(area),
      ),
      { lang: 'da', audience: 'public', title: 'Områder', minCount: () => 5 },
    );
    expect(v.footnotes).toEqual([]);
    expect(areasView('da', 'public').suppression).toBeUndefined();
  });

  it('writes "12*" and an empty field in CSV', () => {
    const csv = renderAreasCsv(areasView(), { excel: false });
    const field = (area: string, id: string) => {
      const [header, ...lines] = csv
        .trim()
        .split('\n')
        .map((l) => l.split(','));
      return lines.find((l) => l[0] === area)![header!.indexOf(id)];
    };
    expect([field('a', 'violence'), field('b', 'violence'), field('c', 'violence')]).toEqual(['9', '12*', '']);
    expect([field('a', 'crime_rate'), field('b', 'crime_rate'), field('c', 'crime_rate')]).toEqual(['4.5', '', '']);
  });
});
