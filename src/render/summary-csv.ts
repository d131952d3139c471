import { type CsvCell, type CsvDialect, csvAbsolute, csvFigure, csvPercent, renderCsv } from './csv.js';
import { t } from './i18n.js';
import type { SummaryView } from './summary-view.js';

// The summary as CSV (docs/summary.md): one table per run, one per section of the summary, each
// with a fixed header, the area id in the first column and a row per area (or per kind,
// partner or category of each area). Figures as in the comparison CSV, from the view's numbers:
// plain numbers, empty when nothing was recorded, suppressed incident counts as "<5" and hidden
// ones as "x".

export const SUMMARY_TABLES = ['activities', 'partners', 'focus_areas', 'questions', 'rumours', 'crime'] as const;
export type SummaryTable = (typeof SUMMARY_TABLES)[number];

const VERDICTS = ['dispelled', 'confirmed', 'unresolved', 'none'] as const;

export function renderSummaryCsv(view: SummaryView, table: SummaryTable, options: CsvDialect): string {
  const rows: CsvCell[][] = [];
  switch (table) {
    case 'activities':
      rows.push(['area', 'id', 'label', 'count', 'participants', 'hours']);
      for (const a of view.areas) {
        for (const k of a.activities.kinds) rows.push([a.area.id, k.kind, k.label, k.values.count, k.values.participants, k.values.hours]);
        const all = a.activities.values;
        rows.push([a.area.id, 'total', t(view.lang, 'summary_all'), all.total, all.participants, all.hours]);
      }
      break;
    case 'partners':
      rows.push(['area', 'partner', 'activities', 'participants', 'hours']);
      for (const a of view.areas)
        for (const p of a.activities.partners) rows.push([a.area.id, p.name, p.values.count, p.values.participants, p.values.hours]);
      break;
    case 'focus_areas':
      // Partners and priorities separated by "; " in their cell.
      rows.push(['area', 'focus_area', 'label', 'activities', 'participants', 'hours', 'partners', 'priorities']);
      for (const a of view.areas)
        for (const f of a.focus_areas ?? [])
          rows.push([
            a.area.id,
            f.focus,
            f.label,
            f.values.count,
            f.values.participants,
            f.values.hours,
            f.values.partners.join('; '),
            f.values.priorities.join('; '),
          ]);
      break;
    case 'questions':
      rows.push(['area', 'raised', 'answered', 'open', 'median_days', 'within_30_days', 'within_90_days', 'over_90_days']);
      for (const a of view.areas) {
        const q = a.questions.values;
        rows.push([a.area.id, q.raised, q.answered, q.open, q.median_days, q.within30, q.within90, q.longer]);
      }
      break;
    case 'rumours':
      rows.push(['area', ...VERDICTS.map((v) => (v === 'none' ? 'no_verdict' : v)), 'open']);
      for (const a of view.areas) {
        const count = (verdict: string) => a.rumours.verdicts.find((v) => v.verdict === verdict)?.values.count ?? 0;
        rows.push([a.area.id, ...VERDICTS.map(count), a.rumours.values.open]);
      }
      break;
    case 'crime': {
      const first = view.areas[0];
      rows.push(['area', 'id', 'label', ...(first?.crime.quarters.map((q) => q.id) ?? []), 'period', 'previous', 'change', 'change_pct']);
      for (const a of view.areas) {
        for (const r of a.crime.rows)
          rows.push([
            a.area.id,
            r.id,
            r.label,
            ...r.cells.map(csvFigure),
            csvFigure(r.period),
            csvFigure(r.previous),
            csvAbsolute(r.change),
            csvPercent(r.change),
          ]);
      }
      break;
    }
  }
  return renderCsv(rows, options);
}
