import stringWidth from 'string-width';

// Tables as an Excel workbook (docs/office.md), by exceljs, loaded only when a workbook is made:
// one sheet per table, the header row frozen, numbers as numbers, a suppressed or missing figure
// as the same text the brief shows ("<5", "x", "–"), columns as wide as their longest text, and
// the table's notes (sources, the suppression note) below it on the same sheet.

/** A cell: a number (written as a number), a text, or empty. */
export type XlsxCell = string | number | null;

export interface SheetView {
  /** The sheet's name (Excel allows 31 characters, and no : \ / ? * [ ]). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  /** Lines below the table. */
  notes: readonly string[];
}

const MAX_WIDTH = 60;

/** A name Excel takes for a sheet, unique among `taken`. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Ark';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return candidate;
}

/** The workbook of `sheets`, as the bytes of an .xlsx file. */
export async function renderWorkbook(sheets: readonly SheetView[], options: { creator: string }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator;
  // A fixed date: the same tables give the same file.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...sheet.header]).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((cell) => cell ?? null));
    if (sheet.notes.length > 0) ws.addRow([]);
    for (const note of sheet.notes) ws.addRow([note]);
    sheet.header.forEach((header, i) => {
      const texts = [header, ...sheet.rows.map((row) => (row[i] === null || row[i] === undefined ? '' : String(row[i])))];
      ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(...texts.map((text) => stringWidth(text))) + 2);
      // Text cells that are figures ("<5", "–") and numbers alike stand to the right.
      if (i > 0) ws.getColumn(i + 1).alignment = { horizontal: 'right' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
