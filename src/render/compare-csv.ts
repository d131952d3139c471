import type { Lang } from '../model/schema.js';
import type { AreasView, ChangeCellView, CompareView, FigureView } from './compare-view.js';

// CSV for scripts (reports.md §2): one table per run, a fixed header, ids in the first column,
// plain integers with an ASCII minus, suppressed cells as "<5" (and hidden ones as "x"), empty
// where there is no figure, a provisional figure with "*" ("12*"). `excel` writes what Danish Excel opens directly: ";" between
// fields, a decimal comma, UTF-8 with a byte order mark and CRLF line ends.

export interface CsvOptions {
  excel: boolean;
  /** Row ids in the order of the CSV (categories in built-in order, then the project's own); others follow. */
  order?: readonly string[];
}

// A provisional figure (a quarter not covered to its end) keeps its "*", like "<5" and "x" stay text.
export const csvFigure = (f: FigureView): string => (f.mark === 'no-data' ? '' : f.mark === 'shown' ? `${f.value}${f.partial ? '*' : ''}` : f.text);
export const csvAbsolute = (c: ChangeCellView): string => (c.absolute === null ? '' : String(c.absolute));
export const csvPercent = (c: ChangeCellView): string => (c.percent === null ? '' : String(c.percent));

/**
 * A number of the view (its text is Danish or English: `1.234,5` or `1,234.5`) as CSV wants it:
 * plain (`1234.5`), with a decimal comma for Excel; empty for "–" (nothing recorded).
 */
export function csvNumber(text: string, lang: Lang, { excel }: Pick<CsvOptions, 'excel'>): string {
  if (text === '–') return '';
  const plain = lang === 'da' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  return excel ? plain.replace('.', ',') : plain;
}

/** Rows as CSV: for scripts (`,`, LF, no BOM) or for Danish Excel (`;`, CRLF, BOM). */
export function writeCsv(rows: string[][], { excel }: Pick<CsvOptions, 'excel'>): string {
  const separator = excel ? ';' : ',';
  const quote = (field: string) => (field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  const lines = rows.map((row) => row.map(quote).join(separator));
  return excel ? `\ufeff${lines.join('\r\n')}\r\n` : `${lines.join('\n')}\n`;
}

/** A quarter table as CSV: `id,label,<quarters>,year_ago,change,change_pct,last4,prev4,last4_change,last4_change_pct`. */
export function renderCompareCsv(view: CompareView, options: CsvOptions): string {
  const header = ['id', 'label', ...view.quarters.map((q) => q.id), 'year_ago', 'change', 'change_pct', 'last4', 'prev4', 'last4_change', 'last4_change_pct'];
  const rank = (id: string) => {
    const index = options.order?.indexOf(id) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const ordered = [...view.rows].sort((a, b) => rank(a.id) - rank(b.id));
  const rows = ordered.map((r) => [
    r.id,
    r.label,
    ...r.cells.map(csvFigure),
    csvFigure(r.year_ago),
    csvAbsolute(r.change),
    csvPercent(r.change),
    csvFigure(r.last4),
    csvFigure(r.prev4),
    csvAbsolute(r.last4_change),
    csvPercent(r.last4_change),
  ]);
  return writeCsv([header, ...rows], options);
}

/** The areas table as CSV: `id,label,residents,<category ids>,crime_total,concerns_total,crime_rate,concerns_rate`. */
export function renderAreasCsv(view: AreasView, options: CsvOptions): string {
  const number = (text: string) => (text === '–' ? '' : text);
  // Rates keep one decimal.
  const rate = (text: string) => csvNumber(text, view.lang, options);
  const header = ['id', 'label', 'residents', ...view.categories.map((c) => c.id), 'crime_rate', 'concerns_rate'];
  const rank = (id: string) => {
    const index = options.order?.indexOf(id) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const ordered = [...view.rows].sort((a, b) => rank(a.id) - rank(b.id));
  const rows = ordered.map((r) => [r.id, r.label, number(r.residents).replace(/[.,]/g, ''), ...r.cells.map(csvFigure), rate(r.crime_rate), rate(r.concerns_rate)]);
  return writeCsv([header, ...rows], options);
}
