import { describe, expect, it } from 'vitest';
import type { Audience } from '../../src/analyze/audience.js';
import { parseQuarter } from '../../src/model/quarters.js';
import type { Lang } from '../../src/model/schema.js';
import type { BriefView } from '../../src/render/brief-view.js';
import { t } from '../../src/render/i18n.js';
import { audienceData, briefViewFor } from '../../src/render/pages.js';
import { buildDataset, countsByQuarter as counts, type DatasetParts } from '../helpers/dataset.js';

// The texts of the brief's view model that come from the police figures' coverage and from the
// sentences on the crime total (issue 13): what a reader is told when the figures are missing or
// provisional, and how a change is put in words.

/** The brief of area 'a' for `quarter` (default 2020-Q1). */
const view = (
  parts: DatasetParts,
  {
    quarter = '2020-Q1',
    audience = 'internal',
    lang = 'da',
    today,
  }: { quarter?: string; audience?: Audience; lang?: Lang; today?: string } = {},
): BriefView => briefViewFor(audienceData(buildDataset(parts), audience), 'a', parseQuarter(quarter)!, lang, today);

/** Areas a and b, a's police figures stated to cover the days given. */
const covered = (coverage: { from?: string; to?: string }): DatasetParts['areas'] => [
  { id: 'a', name: 'Område A', coverage },
  { id: 'b', name: 'Område B' },
];

const NO_DATA_LEGEND = { da: t('da', 'no_data_legend'), en: t('en', 'no_data_legend') };

describe('follow-ups: a rumour’s "Rygte:" is written by the template, not twice', () => {
  it.each<[string, string, boolean, string]>([
    ['"Rygte: " is stripped from a rumour', 'Rygte: Der er skud ved skolen', true, 'Der er skud ved skolen'],
    ['in any case and with a space before the colon', 'rygte : der er skud ved skolen', true, 'der er skud ved skolen'],
    ['"RYGTE:" without a space after it', 'RYGTE:Der er skud', true, 'Der er skud'],
    ['"Rumour:" in English', 'Rumour: shots near the school', true, 'shots near the school'],
    ['"Rumor:" spelt the American way', 'Rumor: shots near the school', true, 'shots near the school'],
    ['a rumour without the prefix keeps its text', 'Der er skud ved skolen', true, 'Der er skud ved skolen'],
    ['"rygte:" later in the text stays', 'Er det et rygte: skud ved skolen?', true, 'Er det et rygte: skud ved skolen?'],
    ['a word that only begins with "rygte" stays', 'Rygtet: skud ved skolen', true, 'Rygtet: skud ved skolen'],
    ['a question that is not a rumour keeps "Rygte:"', 'Rygte: Der er skud ved skolen', false, 'Rygte: Der er skud ved skolen'],
  ])('%s', (_, question, rumour, expected) => {
    for (const audience of ['public', 'internal'] as const) {
      const v = view({ questions: [{ date: '2020-02-01', question, rumour }] }, { audience });
      expect(v.follow_ups.map((f) => [f.question, f.rumour])).toEqual([[expected, rumour]]);
    }
  });
});

describe('coming up: after the meeting where the brief is presented, not before today', () => {
  // The Q4 2019 brief is presented on 26 January 2020; the next meeting is on 20 April.
  const parts: DatasetParts = {
    meetings: [{ date: '2020-01-26' }, { date: '2020-04-20' }],
    activities: [
      { title: 'Tryghedsvandring 10. januar', date: '2020-01-10', status: 'planned' },
      { title: 'Tryghedsvandring 1. februar', date: '2020-02-01', status: 'planned' },
      { title: 'Sommerfest', date: '2020-06-20', status: 'planned' },
    ],
  };
  it.each<[string, string | undefined, string[]]>([
    ['without a today', undefined, ['Tryghedsvandring 1. februar', 'Sommerfest']],
    ['today 5 February', '2020-02-05', ['Sommerfest']],
    ['today 1 February: the day itself is coming up', '2020-02-01', ['Tryghedsvandring 1. februar', 'Sommerfest']],
  ])('%s', (_, today, titles) => {
    const v = view(parts, { quarter: '2019-Q4', ...(today ? { today } : {}) });
    expect(v.coming_up?.activities.map((a) => a.title)).toEqual(titles);
    expect([v.meeting?.date, v.coming_up?.next_meeting?.date]).toEqual(['2020-01-26', '2020-04-20']);
  });
});

describe('crime: a quarter the police figures do not cover', () => {
  it.each<[string, DatasetParts, string, Lang, string]>([
    [
      'the coverage ended before the quarter',
      { areas: covered({ to: '2020-03-31' }), incidents: counts('violence', { '2019-Q1': 6, '2020-Q1': 8 }) },
      '2020-Q2',
      'da',
      'Politiets tal for 2. kvartal 2020 er ikke kommet endnu. Tallene går til og med 31. marts 2020.',
    ],
    [
      'the coverage ended before the quarter (en)',
      { areas: covered({ to: '2020-03-31' }), incidents: counts('violence', { '2019-Q1': 6, '2020-Q1': 8 }) },
      '2020-Q2',
      'en',
      'The police figures for Q2 2020 are not in yet. The figures run to 31 March 2020.',
    ],
    [
      'the coverage ended in a month before the quarter, from the latest incident',
      { incidents: [{ date: '2019-11-20', category: 'violence', count: 6 }] },
      '2020-Q1',
      'da',
      'Politiets tal for 1. kvartal 2020 er ikke kommet endnu. Tallene går til og med 30. november 2019.',
    ],
    [
      'the coverage begins after the quarter',
      { incidents: counts('violence', { '2019-Q1': 6, '2020-Q1': 8 }) },
      '2018-Q4',
      'da',
      'Der er ingen tal fra politiet for 4. kvartal 2018. Tallene for området begynder 1. januar 2019.',
    ],
    [
      'the coverage begins inside the quarter',
      { areas: covered({ from: '2019-02-01' }), incidents: counts('violence', { '2019-Q1': 6, '2020-Q1': 8 }) },
      '2019-Q1',
      'da',
      'Der er ingen tal fra politiet for 1. kvartal 2019. Tallene for området begynder 1. februar 2019.',
    ],
    [
      'the coverage begins after the quarter (en)',
      { incidents: counts('violence', { '2019-Q1': 6, '2020-Q1': 8 }) },
      '2018-Q4',
      'en',
      'There are no police figures for Q4 2018. The figures for the area begin on 1 January 2019.',
    ],
    [
      'no police incident at all',
      { incidents: [{ date: '2020-02-01', category: 'violence', count: 6, source: 'resident' }], activities: [{ date: '2020-02-01' }] },
      '2020-Q1',
      'da',
      'Der er endnu ingen tal fra politiet for området.',
    ],
    [
      'no police incident at all (en)',
      { activities: [{ date: '2020-02-01' }] },
      '2020-Q1',
      'en',
      'There are no police figures for the area yet.',
    ],
  ])('%s: says so, and has no comparison, chart, highlights or "–" note', (_, parts, quarter, lang, text) => {
    // A break inside the window would be a footnote of a quarter with figures.
    const categories = buildDataset().categories.map((c) =>
      c.id === 'violence' ? { ...c, breaks: [{ date: '2019-06-01', note: 'ny definition' }] } : c,
    );
    for (const audience of ['public', 'internal'] as const) {
      const v = view({ ...parts, categories }, { quarter, audience, lang });
      expect(v.crime.no_figures).toBe(text);
      expect(v.comparison).toBeUndefined();
      expect(v.crime.provisional).toBeUndefined();
      expect(v.crime.chart).toEqual({ quarters: [], series: [] });
      expect(v.crime.highlights).toEqual([]);
      expect(v.crime.footnotes).toEqual([]);
      expect(v.crime.rows).toEqual([]);
      expect(v.crime.suppression).toBeUndefined();
    }
  });

  it('a covered quarter has no such sentence, a comparison and a chart', () => {
    const v = view({ incidents: counts('violence', { '2019-Q1': 6, '2020-Q1': 8 }) });
    expect(v.crime.no_figures).toBeUndefined();
    expect(v.comparison).toBe('Tallene sammenlignes med 1. kvartal 2019 (samme kvartal sidste år) og 4. kvartal 2019 (kvartalet før).');
    expect(v.crime.chart.series.map((s) => s.id)).toEqual(['crime_total', 'concerns_total']);
    // The four quarters before the last four begin before the police figures: "–", and its note.
    expect(v.crime.crime_total.prev4).toBe('–');
    expect(v.crime.footnotes).toEqual([NO_DATA_LEGEND.da]);
  });
});

describe('crime: a partial quarter (the police figures end on 15 February 2020)', () => {
  const incidents = [
    { date: '2019-01-10', category: 'violence', count: 5 }, // the same days a year before
    { date: '2019-03-10', category: 'violence', count: 40 }, // the rest of 2019-Q1
    { date: '2020-01-20', category: 'violence', count: 30 },
    { date: '2020-02-10', category: 'theft', count: 6 },
  ];
  const withPrior: DatasetParts = { areas: covered({ from: '2019-01-01', to: '2020-02-15' }), incidents };
  // The figures begin in 2019-Q3: no figures for 1 January – 15 February 2019.
  const withoutPrior: DatasetParts = { areas: covered({ from: '2019-07-01', to: '2020-02-15' }), incidents };

  it.each<[string, DatasetParts, Lang, string[], string, string]>([
    [
      'with the same days a year before covered',
      withPrior,
      'da',
      [
        'Foreløbige tal: politiets tal for 1. kvartal 2020 går kun til og med 15. februar 2020. De sammenlignes med de samme dage året før, 1. januar – 15. februar 2019.',
        'De fire seneste kvartaler sammenlignes først, når kvartalet er slut.',
      ],
      '1. kv. 2020 (til 15. februar)',
      '1. kv. 2019 (til 15. februar)',
    ],
    [
      'with the same days a year before covered (en)',
      withPrior,
      'en',
      [
        'Provisional figures: the police figures for Q1 2020 only run to 15 February 2020. They are compared with the same days a year before, 1 January – 15 February 2019.',
        'The last four quarters are compared once the quarter is over.',
      ],
      'Q1 2020 (to 15 February)',
      'Q1 2019 (to 15 February)',
    ],
    [
      'without figures for the same days a year before',
      withoutPrior,
      'da',
      [
        'Foreløbige tal: politiets tal for 1. kvartal 2020 går kun til og med 15. februar 2020. Der er ingen tal for de samme dage året før at sammenligne med.',
        'De fire seneste kvartaler sammenlignes først, når kvartalet er slut.',
      ],
      '1. kv. 2020 (til 15. februar)',
      '1. kv. 2019',
    ],
  ])('%s: provisional, and the columns say up to which day', (_, parts, lang, provisional, current, yearAgo) => {
    const v = view(parts, { lang });
    expect(v.crime.no_figures).toBeUndefined();
    expect(v.crime.provisional).toEqual(provisional);
    // The provisional note says what the figures are compared with, instead of the comparison line.
    expect(v.comparison).toBeUndefined();
    expect([v.crime.columns.current, v.crime.columns.year_ago]).toEqual([current, yearAgo]);
    // The other columns and the window keep the whole quarters.
    expect(v.crime.columns.previous).toBe(lang === 'da' ? '4. kv. 2019' : 'Q4 2019');
    expect([v.crime.window.current, v.crime.window.year_ago]).toEqual(['2020-Q1', '2019-Q1']);
  });

  it('a whole quarter is not provisional, and its columns are the quarters', () => {
    const v = view({ incidents: counts('violence', { '2019-Q1': 6, '2020-Q1': 8 }) });
    expect(v.crime.provisional).toBeUndefined();
    expect([v.crime.columns.current, v.crime.columns.year_ago]).toEqual(['1. kv. 2020', '1. kv. 2019']);
  });

  it('compares like for like in the highlights: "til og med 15. februar" against "samme periode af 1. kvartal 2019"', () => {
    expect(view(withPrior).crime.highlights).toEqual([
      'Politiet registrerede 36 anmeldelser af kriminalitet i 1. kvartal 2020 til og med 15. februar mod 5 i samme periode af 1. kvartal 2019. Det er 31 flere (+620 %), og det er mere end normal variation.',
      'Vold: 30 i 1. kvartal 2020 til og med 15. februar mod 5 i samme periode af 1. kvartal 2019. Det er 25 flere (+500 %).',
      'Tyveri: 6 i 1. kvartal 2020 til og med 15. februar mod 0 i samme periode af 1. kvartal 2019. Det er 6 flere.',
    ]);
    expect(view(withPrior, { lang: 'en' }).crime.highlights[1]).toBe(
      'Violence: 30 in Q1 2020 up to 15 February against 5 in the same days of Q1 2019. That is 25 more (+500 %).',
    );
  });

  it('has no highlights without the same days a year before', () => {
    expect(view(withoutPrior).crime.highlights).toEqual([]);
  });
});

describe('crime: "no category changed" only when some category was compared', () => {
  const noBigChanges = t('da', 'no_big_changes');
  // Same days a year before: violence 20 and theft 20 (crime total 40); now 22 and 19 (41).
  const partial: DatasetParts = {
    areas: covered({ to: '2020-02-15' }),
    incidents: [
      { date: '2019-01-10', category: 'violence', count: 20 },
      { date: '2019-01-10', category: 'theft', count: 20 },
      { date: '2019-03-10', category: 'violence', count: 30 },
      { date: '2020-01-20', category: 'violence', count: 22 },
      { date: '2020-01-20', category: 'theft', count: 19 },
    ],
  };
  const whole: DatasetParts = {
    incidents: [...counts('violence', { '2019-Q1': 20, '2020-Q1': 22 }), ...counts('theft', { '2019-Q1': 20, '2020-Q1': 19 })],
  };

  it.each<[string, DatasetParts, Audience, boolean]>([
    ['a public brief of a partial quarter: every category’s same-days figure is hidden, so no sentence', partial, 'public', false],
    ['the internal brief of the same quarter compares the categories', partial, 'internal', true],
    ['a public brief of a whole quarter compares the categories', whole, 'public', true],
  ])('%s', (_, parts, audience, expected) => {
    const v = view(parts, { audience });
    expect(v.crime.highlights[0]).toMatch(/^Politiet registrerede 41 anmeldelser af kriminalitet i 1\. kvartal 2020/);
    expect(v.crime.highlights.slice(1)).toEqual(expected ? [noBigChanges] : []);
    expect(v.crime.rows.every((r) => r.change.text !== 'x')).toBe(expected);
  });
});

describe('crime: the sentence on the crime total', () => {
  it.each<[string, number, number, Lang, string]>([
    [
      'fewer, more than normal variation',
      53,
      33,
      'da',
      'Politiet registrerede 33 anmeldelser af kriminalitet i 1. kvartal 2020 mod 53 i 1. kvartal 2019. Det er 20 færre (−38 %), og det er mere end normal variation.',
    ],
    [
      'more, more than normal variation',
      20,
      40,
      'da',
      'Politiet registrerede 40 anmeldelser af kriminalitet i 1. kvartal 2020 mod 20 i 1. kvartal 2019. Det er 20 flere (+100 %), og det er mere end normal variation.',
    ],
    [
      'more from 0: no percentage',
      0,
      7,
      'da',
      'Politiet registrerede 7 anmeldelser af kriminalitet i 1. kvartal 2020 mod 0 i 1. kvartal 2019. Det er 7 flere, og det er mere end normal variation.',
    ],
    [
      'within normal variation',
      3,
      1,
      'da',
      'Politiet registrerede 1 anmeldelse af kriminalitet i 1. kvartal 2020 mod 3 i 1. kvartal 2019. Forskellen er inden for normal variation.',
    ],
    [
      'the same number',
      1,
      1,
      'da',
      'Politiet registrerede 1 anmeldelse af kriminalitet i 1. kvartal 2020 mod 1 i 1. kvartal 2019. Det er lige så mange.',
    ],
    [
      'none now',
      2,
      0,
      'da',
      'Politiet registrerede 0 anmeldelser af kriminalitet i 1. kvartal 2020 mod 2 i 1. kvartal 2019. Forskellen er inden for normal variation.',
    ],
    [
      'fewer (en)',
      53,
      33,
      'en',
      'The police registered 33 reports of crime in Q1 2020 against 53 in Q1 2019. That is 20 fewer (−38 %), which is more than normal variation.',
    ],
    [
      'more (en)',
      20,
      40,
      'en',
      'The police registered 40 reports of crime in Q1 2020 against 20 in Q1 2019. That is 20 more (+100 %), which is more than normal variation.',
    ],
    [
      'one report, within normal variation (en)',
      3,
      1,
      'en',
      'The police registered 1 report of crime in Q1 2020 against 3 in Q1 2019. The difference is within normal variation.',
    ],
    [
      'the same number (en)',
      4,
      4,
      'en',
      'The police registered 4 reports of crime in Q1 2020 against 4 in Q1 2019. That is the same number.',
    ],
  ])('%s: %d → %d', (_, prior, current, lang, sentence) => {
    // The concerns keep the police figures running to the end of 2020-Q1 when the crime count is 0.
    const v = view(
      {
        incidents: [...counts('violence', { '2019-Q1': prior, '2020-Q1': current }), ...counts('nuisance', { '2019-Q1': 1, '2020-Q1': 1 })],
      },
      { lang },
    );
    expect(v.crime.highlights[0]).toBe(sentence);
  });
});

describe('crime: observations (not police reports)', () => {
  const observations = (count: number): DatasetParts => ({
    incidents: [
      ...counts('violence', { '2019-Q1': 9, '2020-Q1': 9 }),
      ...(count > 0 ? [{ date: '2020-02-01', category: 'nuisance', count, source: 'resident' as const }] : []),
    ],
  });

  it.each<[string, number, Audience, Lang, string | undefined]>([
    [
      'below min_count in public: in words, no "<5"',
      3,
      'public',
      'da',
      'Derudover færre end 5 observationer fra beboere, patruljer og andre. De tælles ikke med i kriminalitetstallene.',
    ],
    [
      'one, in public',
      1,
      'public',
      'da',
      'Derudover færre end 5 observationer fra beboere, patruljer og andre. De tælles ikke med i kriminalitetstallene.',
    ],
    [
      'below min_count in public (en)',
      4,
      'public',
      'en',
      'In addition, fewer than 5 observations from residents, patrols and others. They are not counted in the crime figures.',
    ],
    [
      'min_count and more in public: the number',
      5,
      'public',
      'da',
      'Derudover 5 observationer fra beboere, patruljer og andre. De tælles ikke med i kriminalitetstallene.',
    ],
    [
      'internal: the number',
      3,
      'internal',
      'da',
      'Derudover 3 observationer fra beboere, patruljer og andre. De tælles ikke med i kriminalitetstallene.',
    ],
    ['none: no sentence', 0, 'public', 'da', undefined],
  ])('%s', (_, count, audience, lang, text) => {
    const v = view(observations(count), { audience, lang });
    expect(v.crime.observations).toBe(text);
    expect(v.crime.observations ?? '').not.toContain('<');
  });
});
