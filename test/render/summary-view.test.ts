import { describe, expect, it } from 'vitest';
import type { Audience } from '../../src/analyze/audience.js';
import { parseQuarter } from '../../src/model/quarters.js';
import { periodOf } from '../../src/analyze/summary.js';
import type { Lang } from '../../src/model/schema.js';
import { t } from '../../src/render/i18n.js';
import { audienceData, summaryViewFor } from '../../src/render/pages.js';
import type { AreaSummaryView } from '../../src/render/summary-view.js';
import { buildDataset, countsByQuarter as counts, type DatasetParts } from '../helpers/dataset.js';

// The summary's crime section against the days the area's police figures cover (issue 13): the
// period and the one before it are added up and compared only when both are covered wholly;
// otherwise a footnote says what the figures cover, and there is no sentence on the total.

/** Area a's crime section in the summary of 2019 (against 2018). */
const crime = (parts: DatasetParts, lang: Lang = 'da', audience: Audience = 'internal'): AreaSummaryView['crime'] =>
  summaryViewFor(audienceData(buildDataset(parts), audience), ['a'], periodOf(parseQuarter('2019-Q1')!, parseQuarter('2019-Q4')!), lang)
    .areas[0]!.crime;

const covered = (coverage: { from?: string; to?: string }): DatasetParts['areas'] => [
  { id: 'a', name: 'Område A', coverage },
  { id: 'b', name: 'Område B' },
];

/** 40 violence reports in 2018 and 20 in 2019, ten and five a quarter. */
const incidents = counts('violence', {
  '2018-Q1': 10,
  '2018-Q2': 10,
  '2018-Q3': 10,
  '2018-Q4': 10,
  '2019-Q1': 5,
  '2019-Q2': 5,
  '2019-Q3': 5,
  '2019-Q4': 5,
});

/** The legends of "–" and "*" (compare-view.ts figureLegends), tested on their own below. */
const LEGEND = /^[–*]: /;

describe('the summary: notes on the police figures’ coverage', () => {
  it.each<[string, DatasetParts, Lang, string[]]>([
    ['both periods covered wholly: no note', { incidents }, 'da', []],
    [
      'the period not covered to its end',
      { areas: covered({ to: '2019-11-30' }), incidents },
      'da',
      [
        'Politiets tal dækker kun 1. januar 2018 – 30. november 2019, ikke hele perioden. Derfor lægger vi ikke kvartalerne sammen. Vi sammenligner heller ikke med perioden før.',
      ],
    ],
    [
      'the period not covered from its start',
      { areas: covered({ from: '2019-02-01' }), incidents },
      'da',
      [
        'Politiets tal dækker kun 1. februar 2019 – 31. december 2019, ikke hele perioden. Derfor lægger vi ikke kvartalerne sammen. Vi sammenligner heller ikke med perioden før.',
      ],
    ],
    [
      'the period not covered (en)',
      { areas: covered({ to: '2019-11-30' }), incidents },
      'en',
      [
        'The police figures only cover 1 January 2018 – 30 November 2019, not the whole period. So the quarters are not added up for the period, and it is not compared with the one before.',
      ],
    ],
    [
      'the previous period not covered wholly',
      { areas: covered({ from: '2018-04-01' }), incidents },
      'da',
      [
        'Politiets tal dækker kun 1. april 2018 – 31. december 2019, ikke hele den forrige periode. Derfor sammenlignes perioden ikke med den.',
      ],
    ],
    [
      'the previous period not covered at all (the figures begin with the period)',
      { incidents: counts('violence', { '2019-Q1': 5, '2019-Q4': 5 }) },
      'en',
      [
        'The police figures only cover 1 January 2019 – 31 December 2019, not the whole period before. So the period is not compared with it.',
      ],
    ],
    [
      'no police figures at all',
      { activities: [{ date: '2019-05-01' }], incidents: [{ date: '2019-05-01', category: 'violence', source: 'resident' }] },
      'da',
      ['Der er endnu ingen tal fra politiet for området.'],
    ],
    ['no police figures at all (en)', { activities: [{ date: '2019-05-01' }] }, 'en', ['There are no police figures for the area yet.']],
  ])('%s', (_, parts, lang, notes) => {
    for (const audience of ['public', 'internal'] as const)
      expect(crime(parts, lang, audience).footnotes.filter((f) => !LEGEND.test(f))).toEqual(notes);
  });

  it('says what "–" and "*" in its table mean, after the note on coverage', () => {
    expect(crime({ areas: covered({ to: '2019-11-30' }), incidents }).footnotes).toEqual([
      t('da', 'summary_period_not_covered', { from: '1. januar 2018', to: '30. november 2019' }),
      '–: ingen tal fra politiet for perioden, så der sammenlignes ikke.',
      '*: foreløbigt tal, politiets tal går kun til og med 30. november 2019. Et foreløbigt tal sammenlignes ikke og lægges ikke sammen med andre.',
    ]);
    expect(crime({ incidents }).footnotes).toEqual([]);
  });

  it('puts the note before the notes on definition breaks', () => {
    const categories = buildDataset().categories.map((c) =>
      c.id === 'violence' ? { ...c, breaks: [{ date: '2019-06-01', note: 'ny definition' }] } : c,
    );
    expect(crime({ areas: covered({ to: '2019-11-30' }), incidents, categories }).footnotes.filter((f) => !LEGEND.test(f))).toEqual([
      t('da', 'summary_period_not_covered', { from: '1. januar 2018', to: '30. november 2019' }),
      'Tallene for Vold er ikke helt sammenlignelige over perioden: ny definition (1. juni 2019).',
    ]);
  });

  it.each<[string, DatasetParts, Lang, string | undefined]>([
    [
      'both covered wholly: the sentence on the total',
      { incidents },
      'da',
      'Politiet registrerede 20 anmeldelser af kriminalitet i 2019 mod 40 i 2018. Det er 20 færre (−50 %), og det er mere end normal variation.',
    ],
    [
      'both covered wholly (en)',
      { incidents },
      'en',
      'The police registered 20 reports of crime in 2019 against 40 in 2018. That is 20 fewer (−50 %), which is more than normal variation.',
    ],
    [
      'both covered wholly, the same number',
      {
        incidents: counts('violence', {
          '2018-Q1': 5,
          '2018-Q2': 5,
          '2018-Q3': 5,
          '2018-Q4': 5,
          '2019-Q1': 5,
          '2019-Q2': 5,
          '2019-Q3': 5,
          '2019-Q4': 5,
        }),
      },
      'da',
      'Politiet registrerede 20 anmeldelser af kriminalitet i 2019 mod 20 i 2018. Det er lige så mange.',
    ],
    ['the period not covered: none', { areas: covered({ to: '2019-11-30' }), incidents }, 'da', undefined],
    ['the previous period not covered: none', { areas: covered({ from: '2018-04-01' }), incidents }, 'da', undefined],
    ['no police figures: none', { activities: [{ date: '2019-05-01' }] }, 'da', undefined],
  ])('highlight: %s', (_, parts, lang, highlight) => {
    const view = crime(parts, lang);
    expect(view.highlight).toBe(highlight);
    const total = view.rows.find((r) => r.id === 'crime_total')!;
    expect(total.change.absolute === null).toBe(highlight === undefined);
  });
});
