import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/model/quarters.js';
import { periodOf } from '../../src/analyze/summary.js';
import { BUILTIN_CATEGORIES } from '../../src/model/categories.js';
import type { Lang } from '../../src/model/schema.js';
import { audienceData, summaryViewFor } from '../../src/render/pages.js';
import { renderSummaryCsv, type SummaryTable } from '../../src/render/summary-csv.js';
import { buildDataset, countsByQuarter as counts, ownCategory as own, type DatasetParts } from '../helpers/dataset.js';

// The summary CSV (docs/summary.md) from the view's numbers, with partners and category labels
// that a spreadsheet would run as a formula: each gets a leading "'" in plain CSV and for Excel,
// and is quoted where CSV requires; numbers (a change of -3) never are.

const YEAR_2019 = periodOf(parseQuarter('2019-Q1')!, parseQuarter('2019-Q4')!);

/** Hostile texts and their cells, the same in both dialects (neither holds the other separator). */
const HOSTILE: [string, string][] = [
  ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
  ['+1', "'+1"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['\rx', `"'\rx"`],
];

const DIALECTS = [
  ['plain', false, ',', '\n', '.'],
  ['--excel', true, ';', '\r\n', ','],
] as const;

function csv(parts: DatasetParts, table: SummaryTable, excel: boolean, lang: Lang = 'da'): string {
  const parts_: DatasetParts = { areas: [{ id: 'a', name: 'Område A', coverage: { from: '2018-01-01', to: '2019-12-31' } }], ...parts };
  return renderSummaryCsv(summaryViewFor(audienceData(buildDataset(parts_), 'public'), ['a'], YEAR_2019, lang), table, { excel });
}

describe('the partners table', () => {
  // One activity of every hostile partner: 12 participants, 1.5 hours.
  const parts: DatasetParts = {
    activities: [
      {
        date: '2019-05-14',
        kind: 'dialogue',
        partners: [...HOSTILE.map(([name]) => name), 'klub, "skolen"; SSP'],
        participants: 12,
        hours: 1.5,
      },
    ],
  };

  it.each(DIALECTS)('%s: a partner beginning with =, +, -, @, a tab or a CR gets a leading quote', (_, excel, sep, eol, point) => {
    const out = csv(parts, 'partners', excel);
    for (const [, cell] of HOSTILE) expect(out).toContain(`${eol}${['a', cell, 1, 12, `1${point}5`].join(sep)}${eol}`);
  });

  it.each(DIALECTS)('%s: quotes, separators and line breaks in a partner are quoted, the quotes doubled', (_, excel, sep, eol, point) => {
    expect(csv(parts, 'partners', excel)).toContain(`${eol}${['a', '"klub, ""skolen""; SSP"', 1, 12, `1${point}5`].join(sep)}${eol}`);
    const broken = csv({ activities: [{ date: '2019-05-14', kind: 'dialogue', partners: ['klub\nskole'] }] }, 'partners', excel);
    expect(broken).toContain(`${eol}${['a', '"klub\nskole"', 1, '', ''].join(sep)}${eol}`);
  });
});

describe('the crime table', () => {
  // Each own category: 8 in 2018-Q1, 5 in 2019-Q1; the period 5 against 8, a change of -3 (-38 %).
  const parts: DatasetParts = {
    categories: [...BUILTIN_CATEGORIES, ...HOSTILE.map(([label], i) => own(i, label))],
    incidents: HOSTILE.flatMap((_, i) => counts(`own_${i}`, { '2018-Q1': 8, '2019-Q1': 5 })),
  };

  it.each(DIALECTS)(
    '%s: a category label beginning with =, +, -, @, a tab or a CR gets a leading quote; -3 stays a number',
    (_, excel, sep, eol) => {
      const out = csv(parts, 'crime', excel);
      HOSTILE.forEach(([, cell], i) => {
        // 2019-Q1 … 2019-Q4, period, previous, change, change_pct
        expect(out).toContain(`${eol}${['a', `own_${i}`, cell, 5, 0, 0, 0, 5, 8, -3, -38].join(sep)}${eol}`);
      });
    },
  );
});

describe('numbers from the view’s numbers, not from its texts', () => {
  it.each<[Lang, boolean, string]>([
    ['da', false, 'a,total,I alt,2,1234,0.3\n'],
    ['da', true, 'a;total;I alt;2;1234;0,3\r\n'],
    ['en', false, 'a,total,In all,2,1234,0.3\n'],
    ['en', true, 'a;total;In all;2;1234;0,3\r\n'],
  ])('%s, excel %s: 1,234 participants and 0.1 + 0.2 hours (shown 0,3) as numbers', (lang, excel, total) => {
    const parts: DatasetParts = {
      activities: [
        { date: '2019-05-14', kind: 'dialogue', participants: 1000, hours: 0.1 },
        { date: '2019-06-14', kind: 'dialogue', participants: 234, hours: 0.2 },
      ],
    };
    expect(csv(parts, 'activities', excel, lang).endsWith(total)).toBe(true);
  });

  it('the questions table: a median of days that is not a whole number keeps its one decimal; empty without answers', () => {
    const parts: DatasetParts = {
      questions: [
        { date: '2019-02-01', status: 'answered', answered: '2019-02-11', answer: 'Svar' },
        { date: '2019-03-01', status: 'answered', answered: '2019-03-12', answer: 'Svar' },
      ],
    };
    expect(csv(parts, 'questions', false)).toBe(
      'area,raised,answered,open,median_days,within_30_days,within_90_days,over_90_days\na,2,2,0,10.5,2,0,0\n',
    );
    expect(csv(parts, 'questions', true)).toBe(
      '\ufeffarea;raised;answered;open;median_days;within_30_days;within_90_days;over_90_days\r\na;2;2;0;10,5;2;0;0\r\n',
    );
    expect(csv({}, 'questions', false)).toBe(
      'area,raised,answered,open,median_days,within_30_days,within_90_days,over_90_days\na,0,0,0,,0,0,0\n',
    );
  });

  it('the rumours table: a verdict not given is 0', () => {
    const parts: DatasetParts = {
      questions: [{ date: '2019-02-01', rumour: true, status: 'answered', answered: '2019-02-11', answer: 'Nej', verdict: 'dispelled' }],
    };
    expect(csv(parts, 'rumours', false)).toBe('area,dispelled,confirmed,unresolved,no_verdict,open\na,1,0,0,0,0\n');
  });
});
