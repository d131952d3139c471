import { describe, expect, it } from 'vitest';
import { compareAreas } from '../../src/analyze/compare.js';
import { parseQuarter } from '../../src/model/quarters.js';
import { BUILTIN_CATEGORIES } from '../../src/model/categories.js';
import type { Lang } from '../../src/model/schema.js';
import { renderAreasCsv, renderCompareCsv } from '../../src/render/compare-csv.js';
import { buildAreasView } from '../../src/render/compare-view.js';
import { audienceData, compareViewFor } from '../../src/render/pages.js';
import { buildDataset, countsByQuarter as counts, ownCategory as own } from '../helpers/dataset.js';

// The comparison CSV (docs/compare.md) with category labels and area names that a spreadsheet
// would run as a formula: in plain CSV and for Excel, each gets a leading "'", and is quoted where
// CSV requires; the figures beside them (a change of -3) are numbers and stay as they are.

const TO = parseQuarter('2020-Q1')!;

/** Hostile texts and their cells, the same in both dialects (neither holds the other separator). */
const HOSTILE: [string, string][] = [
  ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
  ['+1', "'+1"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['\rx', `"'\rx"`],
];

const CATEGORIES = [...BUILTIN_CATEGORIES, ...HOSTILE.map(([label], i) => own(i, label))];

const DIALECTS = [
  ['plain', false, ',', '\n'],
  ['--excel', true, ';', '\r\n'],
] as const;

describe('the quarter table as CSV', () => {
  // Each own category: 8 in 2019-Q1, 5 in 2020-Q1; its police figures cover 2018-Q1 … 2020-Q1.
  const dataset = buildDataset({
    areas: [{ id: 'a', name: 'Område A', coverage: { from: '2018-01-01', to: '2020-03-31' } }],
    categories: CATEGORIES,
    incidents: HOSTILE.flatMap((_, i) => counts(`own_${i}`, { '2019-Q1': 8, '2020-Q1': 5 })),
  });
  const csv = (excel: boolean, lang: Lang = 'da') =>
    renderCompareCsv(compareViewFor(audienceData(dataset, 'public'), 'incidents', 'a', TO, 8, lang), {
      excel,
      order: CATEGORIES.map((c) => c.id),
    });

  it.each(DIALECTS)(
    '%s: a category label beginning with =, +, -, @, a tab or a CR gets a leading quote; the change -3 is -3',
    (_, excel, sep, eol) => {
      const out = csv(excel);
      HOSTILE.forEach(([, cell], i) => {
        // 2018-Q2 … 2020-Q1, year_ago, change, change_pct, last4, prev4, last4_change, last4_change_pct
        expect(out).toContain(`${eol}${[`own_${i}`, cell, 0, 0, 0, 8, 0, 0, 0, 5, 8, -3, -38, 5, 8, -3, -38].join(sep)}${eol}`);
      });
      expect(out).toContain(
        `${eol}${['crime_total', 'Kriminalitet i alt', 0, 0, 0, 48, 0, 0, 0, 30, 48, -18, -38, 30, 48, -18, -38].join(sep)}${eol}`,
      );
    },
  );

  it('the same in English', () => {
    expect(csv(false, 'en')).toContain(`\nown_0,"'=HYPERLINK(""http://x"",""klik"")",0,0,0,8,0,0,0,5,8,-3,-38,5,8,-3,-38\n`);
  });

  it('--excel: the BOM first, CRLF after every row, no bare LF', () => {
    const out = csv(true);
    expect(out.startsWith('\ufeffid;label;2018-Q2;')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});

describe('the areas table as CSV', () => {
  // Six areas named with the hostile texts, 1,000 residents each; area 0 has 9 violence reports (9.0 per 1,000).
  const dataset = buildDataset({
    areas: HOSTILE.map(([name], i) => ({ id: `a${i}`, name, residents: 1000, coverage: { from: '2018-01-01', to: '2020-03-31' } })),
    incidents: [{ area: 'a0', date: '2020-03-15', category: 'violence', count: 9 }],
  });
  const source = audienceData(dataset, 'public');
  const view = buildAreasView(
    compareAreas(
      source.data,
      TO,
      (area) => source.plan(area),
      (area) => source.index(area),
    ),
    { lang: 'da', audience: 'public', title: 'Områder', minCount: () => 5 },
  );

  it.each(DIALECTS)(
    '%s: an area name beginning with =, +, -, @, a tab or a CR gets a leading quote; residents and rates are numbers',
    (_, excel, sep, eol) => {
      const out = renderAreasCsv(view, { excel });
      const zeros = (n: number) => Array<number>(n).fill(0);
      const categories = view.categories.length;
      HOSTILE.forEach(([, cell], i) => {
        const figures = i === 0 ? [9, ...zeros(categories - 3), 9, 0] : zeros(categories);
        expect(out).toContain(`${eol}${[`a${i}`, cell, 1000, ...figures, i === 0 ? 9 : 0, 0].join(sep)}${eol}`);
      });
    },
  );

  it('writes a rate with its one decimal: a point, or a comma for Excel', () => {
    const rated = { ...view, rows: view.rows.map((r) => ({ ...r, values: { ...r.values, crime_rate: 12.7 } })) };
    expect(renderAreasCsv(rated, { excel: false })).toMatch(/,12\.7,0\n/);
    expect(renderAreasCsv(rated, { excel: true })).toMatch(/;12,7;0\r\n/);
  });
});
