import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { accessError } from '../model/file-access-error.js';

// The rows of a spreadsheet for `borgermode import` (docs/import.md), by csv-parse and exceljs,
// never by hand: a CSV in UTF-8 (with or without a byte order mark) or in the Windows-1252 that
// Excel still writes, separated by ";", "," or tabs; or the first sheet of an .xlsx workbook.
// Every cell keeps its row and column, for the messages.

/** A cell as the sheet holds it: a text, a number, or (from a workbook) a date. */
export type SheetValue = string | number | Date;

export interface SheetRow {
  /** The row's number in the file: the line of a CSV (the first of a quoted value over lines), the row of a sheet. */
  row: number;
  /** The cells by column (1-based), undefined where empty. */
  cells: (SheetValue | undefined)[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  /** The text encoding of a CSV (utf-8 or windows-1252). */
  encoding?: 'utf-8' | 'windows-1252';
  rows: SheetRow[];
}

/** Reads `path` (.csv, .txt or .xlsx); a file that cannot be opened is a FileAccessError. */
export async function readSheet(path: string): Promise<Sheet> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw accessError(error, path, 'file');
  }
  return extname(path).toLowerCase() === '.xlsx' ? readWorkbook(bytes) : readCsv(bytes);
}

/** UTF-8 when the bytes are valid UTF-8 (a byte order mark dropped), else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator of a CSV: the one of ";", tab and "," that its first lines hold most of (";" when Danish Excel wrote it). */
export function separatorOf(text: string): string {
  const head = text.split(/\r?\n/).slice(0, 10).join('\n');
  const count = (sep: string) => head.split(sep).length - 1;
  return [';', '\t', ','].reduce((best, sep) => (count(sep) > count(best) ? sep : best), ';');
}

async function readCsv(bytes: Buffer): Promise<Sheet> {
  const { parse } = await import('csv-parse/sync');
  const { text, encoding } = decodeText(bytes);
  const records = parse(text, {
    delimiter: separatorOf(text),
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
    trim: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // info.lines is the line the record ends on; its first line is where its cells begin.
  let nextLine = 1;
  const rows = records.map(({ record, info }) => {
    const row = { row: nextLine, cells: record.map((cell) => (cell.trim() === '' ? undefined : cell)) };
    nextLine = info.lines + 1;
    return row;
  });
  return { format: 'csv', encoding, rows };
}

async function readWorkbook(bytes: Buffer): Promise<Sheet> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: SheetRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: (SheetValue | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    rows.push({ row: number, cells });
  });
  return { format: 'xlsx', rows };
}

/** A workbook cell as a text, a number or a date: a formula by its result, rich text as its text, a hyperlink as its text. */
function cellValue(value: unknown): SheetValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ('result' in v) return cellValue(v.result);
    if (v.richText) return cellValue(v.richText.map((part) => part.text).join(''));
    if (typeof v.text === 'string') return cellValue(v.text);
    if ('error' in v) return undefined;
  }
  return typeof value === 'bigint' ? Number(value) : undefined;
}
