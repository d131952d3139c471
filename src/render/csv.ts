import { stringify } from 'csv-stringify/sync';
import type { ChangeCellView, FigureView } from './compare-view.js';

// The CSV dialects of every table the tool writes, by csv-stringify: for scripts (`,`, LF, no
// BOM) or for Danish Excel (`;`, a decimal comma, UTF-8 with a byte order mark, CRLF). A cell is
// a number (written from the number, never from a text shown to people), a text, or empty.
// A text cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab
// or a carriage return) gets a leading `'`, as OWASP advises; a number never does, so −3 is `-3`.

export type CsvCell = string | number | null;

export interface CsvDialect {
  excel: boolean;
}

/** A figure as a cell: its count; empty without data; "<5", "x" and a provisional "12*" stay text. */
export function csvFigure(f: FigureView): CsvCell {
  if (f.mark === 'no-data') return null;
  if (f.mark !== 'shown') return f.text;
  return f.partial ? `${f.value}*` : f.value;
}

export const csvAbsolute = (c: ChangeCellView): CsvCell => c.absolute;
export const csvPercent = (c: ChangeCellView): CsvCell => c.percent;

/** Rows as CSV in one of the two dialects, every text cell neutralised against formulas. */
export function renderCsv(rows: readonly (readonly CsvCell[])[], { excel }: CsvDialect): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      delimiter: excel ? ';' : ',',
      record_delimiter: excel ? 'windows' : 'unix',
      bom: excel,
      // Quote a lone CR or LF too, not only the record delimiter.
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: { number: (n) => (excel ? String(n).replace('.', ',') : String(n)) },
    },
  );
}
