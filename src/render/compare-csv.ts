import type { AreasView, ChangeCellView, CompareView, FigureView } from './compare-view.js';

// CSV for scripts (reports.md §2): one table per run, a fixed header, ids in the first column,
// plain integers with an ASCII minus, suppressed cells as "<5" (and hidden ones as "x"), empty
// where there is no figure. `excel` writes what Danish Excel opens directly: ";" between
// fields, a decimal comma, UTF-8 with a byte order mark and CRLF line ends.

export interface CsvOptions {
  excel: boolean;
  /** Row ids in the order of the CSV (categories in built-in order, then the project's own); others follow. */
  order?: readonly string[];
}

const figure = (f: FigureView): string => (f.mark === 'no-data' ? '' : f.mark === 'shown' ? String(f.value) : f.text);
const absolute = (c: ChangeCellView): string => (c.absolute === null ? '' : String(c.absolute));
const percent = (c: ChangeCellView): string => (c.percent === null ? '' : String(c.percent));

function write(rows: string[][], { excel }: CsvOptions): string {
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
    ...r.cells.map(figure),
    figure(r.year_ago),
    absolute(r.change),
    percent(r.change),
    figure(r.last4),
    figure(r.prev4),
    absolute(r.last4_change),
    percent(r.last4_change),
  ]);
  return write([header, ...rows], options);
}

/** The areas table as CSV: `id,label,residents,<category ids>,crime_total,concerns_total,crime_rate,concerns_rate`. */
export function renderAreasCsv(view: AreasView, options: CsvOptions): string {
  const number = (text: string) => (text === '–' ? '' : text);
  // Rates keep one decimal: the view's text is Danish or English; CSV wants a plain number.
  const rate = (text: string) => {
    if (text === '–') return '';
    const plain = view.lang === 'da' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
    return options.excel ? plain.replace('.', ',') : plain;
  };
  const header = ['id', 'label', 'residents', ...view.categories.map((c) => c.id), 'crime_rate', 'concerns_rate'];
  const rank = (id: string) => {
    const index = options.order?.indexOf(id) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const ordered = [...view.rows].sort((a, b) => rank(a.id) - rank(b.id));
  const rows = ordered.map((r) => [r.id, r.label, number(r.residents).replace(/[.,]/g, ''), ...r.cells.map(figure), rate(r.crime_rate), rate(r.concerns_rate)]);
  return write([header, ...rows], options);
}
