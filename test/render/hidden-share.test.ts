import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/model/quarters.js';
import { computeBrief } from '../../src/analyze/brief.js';
import { NO_SUPPRESSION, planAreaSuppression, type SuppressionPlan } from '../../src/analyze/suppress.js';
import { type BriefView, buildBriefView, type ChangeView, type CrimeRowView } from '../../src/render/brief-view.js';
import { hiddenShare } from '../../src/render/hidden-share.js';
import { buildDataset, countsByQuarter as counts } from '../helpers/dataset.js';

// The share of a brief's crime-table figures that public output hides (issue 16, item 5).

const change = (text: string): ChangeView => ({ text, marker: '', words: '', percent: null });
const row = (id: string, [current, year_ago, change_, previous, last4, prev4, last4_change]: string[]): CrimeRowView => ({
  id,
  label: id,
  current: current!,
  year_ago: year_ago!,
  change: change(change_!),
  previous: previous!,
  last4: last4!,
  prev4: prev4!,
  last4_change: change(last4_change!),
});
/** A view with only the crime tables a share is counted from. */
const tables = (rows: CrimeRowView[], crimeTotal: CrimeRowView, concernRows: CrimeRowView[], concernsTotal: CrimeRowView) =>
  ({ crime: { rows, crime_total: crimeTotal, concern_rows: concernRows, concerns_total: concernsTotal } }) as unknown as BriefView;

describe('hiddenShare', () => {
  it('counts "<5" and "x" figures and hidden changes as hidden, numbers and computed changes as shown', () => {
    const view = tables(
      [row('violence', ['<5', '7', 'x', '12', 'x', '30', 'x']), row('theft', ['9', '7', '+2 (+29 %)', '12', '40', '30', '+10 (+33 %)'])],
      row('crime_total', ['x', '14', 'x', '24', '56', '60', '−4 (−7 %)']),
      [row('traffic', ['0', '<5', 'x', '0', 'x', 'x', 'x'])],
      row('concerns_total', ['0', '<5', 'x', '0', 'x', 'x', 'x']),
    );
    // violence 4, theft 0, crime total 2, traffic 5, concerns total 5: 16 of 5 × 7 figures.
    expect(hiddenShare(view)).toEqual({ hidden: 16, total: 35 });
  });

  it('counts a figure without data ("–") in neither, nor a change it leaves uncomputed', () => {
    const view = tables(
      [row('violence', ['<5', '–', '–', '8', '–', '–', '–'])],
      row('crime_total', ['9', '–', '–', '8', '–', '–', '–']),
      [],
      row('concerns_total', ['–', '–', '–', '–', '–', '–', '–']),
    );
    expect(hiddenShare(view)).toEqual({ hidden: 1, total: 4 });
  });

  it('on a computed brief: its plan hides some figures, no plan none, and both count the same figures', () => {
    const incidents = [
      ...counts('violence', { '2019-Q1': 3, '2019-Q2': 6, '2019-Q3': 2, '2019-Q4': 8, '2020-Q1': 4 }),
      ...counts('theft', { '2019-Q1': 12, '2019-Q2': 9, '2019-Q3': 14, '2019-Q4': 11, '2020-Q1': 10 }),
      ...counts('nuisance', { '2019-Q1': 7, '2020-Q1': 6 }),
    ];
    const data = buildDataset({ incidents });
    const share = (plan: SuppressionPlan) =>
      hiddenShare(
        buildBriefView(computeBrief(data, { area: 'a', quarter: parseQuarter('2020-Q1')!, plan }), {
          lang: 'da',
          audience: 'public',
          meetingPlace: undefined,
          contacts: [],
        }),
      );
    const [planned, unplanned] = [share(planAreaSuppression(data, 'a')), share(NO_SUPPRESSION)];
    expect(planned.hidden).toBeGreaterThan(0);
    expect(planned.hidden).toBeLessThan(planned.total);
    expect(unplanned).toEqual({ hidden: 0, total: planned.total });
  });
});
