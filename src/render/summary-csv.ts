import { csvAbsolute, csvFigure, csvNumber, csvPercent, writeCsv } from './compare-csv.js';
import { t } from './i18n.js';
import type { SummaryView } from './summary-view.js';

// The summary as CSV (docs/summary.md): one table per run, one per section of the summary, each
// with a fixed header, the area id in the first column and a row per area (or per kind,
// partner or category of each area). Figures as in the comparison CSV: plain numbers, empty when
// nothing was recorded, suppressed incident counts as "<5" and hidden ones as "x".

export const SUMMARY_TABLES = ['activities', 'partners', 'questions', 'rumours', 'crime'] as const;
export type SummaryTable = (typeof SUMMARY_TABLES)[number];

export function renderSummaryCsv(view: SummaryView, table: SummaryTable, options: { excel: boolean }): string {
  const number = (text: string) => csvNumber(text, view.lang, options);
  const rows: string[][] = [];
  switch (table) {
    case 'activities':
      rows.push(['area', 'id', 'label', 'count', 'participants', 'hours']);
      for (const a of view.areas) {
        for (const k of a.activities.kinds) rows.push([a.area.id, k.kind, k.label, number(k.count), number(k.participants), number(k.hours)]);
        rows.push([a.area.id, 'total', t(view.lang, 'summary_all'), number(a.activities.total), number(a.activities.participants), number(a.activities.hours)]);
      }
      break;
    case 'partners':
      rows.push(['area', 'partner', 'activities', 'participants', 'hours']);
      for (const a of view.areas) for (const p of a.activities.partners) rows.push([a.area.id, p.name, number(p.count), number(p.participants), number(p.hours)]);
      break;
    case 'questions':
      rows.push(['area', 'raised', 'answered', 'open', 'median_days', 'within_30_days', 'within_90_days', 'over_90_days']);
      for (const a of view.areas) {
        const q = a.questions;
        rows.push([a.area.id, number(q.raised), number(q.answered), number(q.open), number(q.median_days), number(q.within30), number(q.within90), number(q.longer)]);
      }
      break;
    case 'rumours': {
      const verdicts = ['dispelled', 'confirmed', 'unresolved', 'none'];
      rows.push(['area', ...verdicts.map((v) => (v === 'none' ? 'no_verdict' : v)), 'open']);
      for (const a of view.areas) {
        const count = (verdict: string) => number(a.rumours.verdicts.find((v) => v.verdict === verdict)?.count ?? '0');
        rows.push([a.area.id, ...verdicts.map(count), number(a.rumours.open)]);
      }
      break;
    }
    case 'crime': {
      const first = view.areas[0];
      rows.push(['area', 'id', 'label', ...(first?.crime.quarters.map((q) => q.id) ?? []), 'period', 'previous', 'change', 'change_pct']);
      for (const a of view.areas) {
        for (const r of a.crime.rows) rows.push([a.area.id, r.id, r.label, ...r.cells.map(csvFigure), csvFigure(r.period), csvFigure(r.previous), csvAbsolute(r.change), csvPercent(r.change)]);
      }
      break;
    }
  }
  return writeCsv(rows, options);
}
