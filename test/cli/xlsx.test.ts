import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { convertToPdf, soffice } from '../helpers/office.js';
import { copyProject, sampleWithGrouping, SAMPLE, tempDir } from '../helpers/temp-project.js';

// compare and summary with --format xlsx (issue 19, item 2): a sheet per table, read back by a
// second library (SheetJS) and compared number for number with the CSV of the same table.

type Cell = string | number | undefined;
const sheetRows = (file: string, sheet: string): Cell[][] =>
  XLSX.utils.sheet_to_json<Cell[]>(XLSX.readFile(file).Sheets[sheet]!, { header: 1, raw: true, defval: undefined });

/** A CSV cell as the workbook holds it: a number as a number, no figure as the page's "–", the rest as text. */
const asInWorkbook = (cell: string): Cell => (cell === '' ? '–' : /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);

async function workbook(args: string[], cwd = tempDir()): Promise<string> {
  const file = join(cwd, 'out.xlsx');
  const result = await runCli([...args, '-o', file], { cwd });
  expect(result.stderr).toMatch(/^(Skrev|Wrote) \S+out\.xlsx\n$/);
  expect(result.exitCode).toBe(0);
  return file;
}

describe('compare --format xlsx', () => {
  it('holds every table of the comparison, a sheet each, every figure the same as in the CSV (numbers as numbers)', async () => {
    const file = await workbook(['compare', '--data', SAMPLE, '--to', '2020-Q1', '--format', 'xlsx']);
    expect(XLSX.readFile(file).SheetNames).toEqual(['Hændelser', 'Aktiviteter', 'Spørgsmål']);
    for (const [table, sheet] of [
      ['incidents', 'Hændelser'],
      ['activities', 'Aktiviteter'],
      ['questions', 'Spørgsmål'],
    ] as const) {
      const csv: string[][] = parse(
        (await runCli(['compare', '--data', SAMPLE, '--to', '2020-Q1', '--table', table, '--format', 'csv'])).stdout,
      );
      const rows = sheetRows(file, sheet);
      const [header, ...body] = rows;
      // The header in the page's language: the quarters as the page names them.
      expect(header!.slice(0, 3)).toEqual([table === 'incidents' ? 'Kategori' : header![0], '2. kv. 2018', '3. kv. 2018']);
      for (const line of csv.slice(1)) {
        const row = body.find((r) => r[0] === line[1]);
        expect(row, `${table}: ${line[1]}`).toBeDefined();
        // CSV: id, label, 8 quarters, year_ago, change, change_pct, last4, prev4, last4_change, last4_change_pct.
        // Workbook: label, 8 quarters, year_ago, change, change %, assessment, last4, prev4, last4_change, last4_change %, assessment.
        // A percentage from nothing (a figure new since the earlier one) is the page's "ny".
        const percent = (pct: string, absolute: string) => (pct === '' && absolute !== '' ? 'ny' : asInWorkbook(pct));
        const figures = [
          ...line.slice(2, 12).map(asInWorkbook),
          percent(line[12]!, line[11]!),
          ...line.slice(13, 16).map(asInWorkbook),
          percent(line[16]!, line[15]!),
        ];
        const numbers = [...row!.slice(1, 12), ...row!.slice(13, 17)];
        expect(numbers, `${table}: ${line[1]}`).toEqual(figures);
      }
    }
  });

  it('says in words what the arrow says, and puts the title and the notes below the table', async () => {
    const file = await workbook(['compare', '--data', SAMPLE, '--to', '2020-Q1', '--table', 'incidents', '--format', 'xlsx']);
    expect(XLSX.readFile(file).SheetNames).toEqual(['Hændelser']);
    const rows = sheetRows(file, 'Hændelser');
    expect(rows[0]![12]).toBe('Vurdering');
    const total = rows.find((r) => r[0] === 'Kriminalitet i alt')!;
    expect(['flere', 'færre', 'inden for normal variation', 'uændret']).toContain(total[12]);
    const notes = rows.slice(rows.findIndex((r) => r.length === 0 || r.every((c) => c === undefined)) + 1).map((r) => r[0]);
    expect(notes[0]).toBe('Tryghed i Værebro Park – Anmeldelser og utryghed pr. kvartal, 2. kvartal 2018 – 1. kvartal 2020');
    expect(notes.join('\n')).toMatch(/Tallene vises i grupper/);
  });

  it('shows a suppressed figure as the page does ("<5"), a number to the team (--audience internal)', async () => {
    const project = sampleWithGrouping('categories');
    const pub = sheetRows(
      await workbook(['compare', '--data', project, '--to', '2020-Q1', '--table', 'incidents', '--format', 'xlsx']),
      'Hændelser',
    );
    const internal = sheetRows(
      await workbook([
        'compare',
        '--data',
        project,
        '--to',
        '2020-Q1',
        '--table',
        'incidents',
        '--format',
        'xlsx',
        '--audience',
        'internal',
      ]),
      'Hændelser',
    );
    const label = pub.find((r) => r.includes('<5'))![0];
    expect(label).toBeDefined();
    const at = pub.find((r) => r[0] === label)!.indexOf('<5');
    expect(typeof internal.find((r) => r[0] === label)![at]).toBe('number');
  });

  it('freezes the header row and makes the columns as wide as their texts', async () => {
    const file = await workbook(['compare', '--data', SAMPLE, '--to', '2020-Q1', '--format', 'xlsx', '--lang', 'en']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Incidents')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // As wide as the longest label of the table (the notes below it may run on).
    const labels = sheetRows(file, 'Incidents')
      .slice(1, 6)
      .map((r) => String(r[0]));
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(Math.max(...labels.map((l) => l.length)));
    expect(sheet.getCell('A1').font?.bold).toBe(true);
  });

  it('the areas of one quarter: a sheet of areas × categories with the rates', async () => {
    const file = await workbook(['compare', '--data', SAMPLE, '--to', '2020-Q1', '--areas', '--format', 'xlsx']);
    const [header, first] = sheetRows(file, 'Områder');
    expect(header!.slice(0, 2)).toEqual(['Område', 'Beboere']);
    expect(first!.slice(0, 2)).toEqual(['Værebro Park', 2600]);
    expect(header!.at(-2)).toBe('Kriminalitet pr. 1.000 beboere');
  });

  it('needs a file: without -o a usage error (exit 2); -o x.xlsx alone chooses the format', async () => {
    const none = await runCli(['compare', '--data', SAMPLE, '--format', 'xlsx']);
    expect(none).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'borgermode: --format xlsx skriver en fil: angiv -o FIL, f.eks. -o tabeller.xlsx\n',
    });
    const dir = tempDir();
    const result = await runBin(['compare', '--to', '2020-Q1', '-o', 'tabeller.xlsx', '--quiet'], { cwd: dir, env: { CI: undefined } });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'tabeller.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('summary --format xlsx', () => {
  it('a sheet per table of the summary, the figures of the CSV', async () => {
    const file = await workbook(['summary', '--data', SAMPLE, '--year', '2019', '--format', 'xlsx']);
    expect(XLSX.readFile(file).SheetNames).toEqual(['Aktiviteter', 'Samarbejdspartnere', 'Spørgsmål', 'Rygter', 'Kriminalitet']);
    const csv: string[][] = parse(
      (await runCli(['summary', '--data', SAMPLE, '--year', '2019', '--format', 'csv', '--table', 'activities'])).stdout,
    );
    const rows = sheetRows(file, 'Aktiviteter');
    expect(rows[0]).toEqual(['Område', 'Aktivitet', 'Antal', 'Deltagere', 'Timer']);
    for (const [i, line] of csv.slice(1).entries()) {
      const row = rows[i + 1]!;
      expect(row[0]).toBe('Værebro Park');
      expect(row.slice(1, 5)).toEqual([line[2], ...line.slice(3, 6).map((c) => (c === '' ? undefined : Number(c)))]);
    }
    const crime = sheetRows(file, 'Kriminalitet');
    expect(crime[0]!.slice(0, 3)).toEqual(['Område', 'Kategori', '1. kv. 2019']);
    const rumours = sheetRows(file, 'Rygter');
    expect(rumours[0]).toEqual([
      'Område',
      'Afkræftet',
      'Bekræftet',
      'Uafklaret',
      'Ingen konklusion registreret',
      'Åbne ved periodens slutning',
    ]);
  });
});

describe('a workbook on an office PC (LibreOffice)', () => {
  // .ci/run installs LibreOffice (libreoffice-calc-nogui) when it is missing, so in CI this never skips.
  it.runIf(soffice !== undefined || process.env.CI)(
    'opens in LibreOffice Calc and converts to PDF without error',
    async () => {
      expect(soffice, 'LibreOffice (soffice) is needed in CI').toBeDefined();
      const file = await workbook(['summary', '--data', SAMPLE, '--year', '2019', '--format', 'xlsx']);
      const pdf = convertToPdf(file);
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    },
    150_000,
  );
});

describe('personal data in a workbook or a document', () => {
  it('is refused as on the page: exit 1, the field named, no file written', async () => {
    const dir = copyProject(SAMPLE);
    appendFileSync(
      join(dir, 'questions.yaml'),
      '\n  - id: q-2019-05-02-9\n    date: 2019-05-02\n    question: Sælges der narko ved Centret?\n    rumour: true\n    owner: police\n    status: answered\n' +
        '    answer: Politiet har ikke set handel. Ring til betjenten på 22 33 44 55.\n    answered: 2019-06-01\n    verdict: unclear\n',
    );
    for (const name of ['opsamling.xlsx', 'opsamling.docx']) {
      const file = join(dir, name);
      const result = await runCli(['summary', '--data', dir, '--year', '2019', '-o', file]);
      expect(result.exitCode, name).toBe(1);
      expect(result.stderr).toMatch(/questions\.yaml:\d+:\d+ .*telefonnummer/);
      expect(existsSync(file), name).toBe(false);
    }
  });
});
