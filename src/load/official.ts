import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../model/finding.js';
import { foundValue } from '../model/messages.js';
import { type OfficialSeries, placeKey } from '../model/official.js';
import { readSheet, type SheetRow } from './read-sheet.js';

// Official series beside the area's own figures (docs/official.md): tables of Danmarks
// Statistik's StatBank as the user downloads them, kept in the project's official/ folder.
// STRAF11 (reported offences by municipality and type of offence) and FOLK1A (population), in
// the CSV layout StatBank writes: separated by ";", one column per variable and INDHOLD for the
// value, quarters as 2020K1, ".." where a value is not published. Read by csv-parse (read-sheet.ts).

/** The project's folder of official series. */
export const OFFICIAL_DIR = 'official';

const TABLE_COLUMNS = {
  STRAF11: ['OMRÅDE', 'OVERTRÆD', 'TID', 'INDHOLD'],
  FOLK1A: ['OMRÅDE', 'TID', 'INDHOLD'],
} as const;

/**
 * The official series of the project at `root`: every `.csv` in official/, the table told by its
 * columns (OVERTRÆD: STRAF11; else OMRÅDE, TID and INDHOLD: FOLK1A). Undefined without the folder
 * or any file in it; a file that does not read as either is an error at its place.
 */
export async function readOfficialSeries(root: string): Promise<{ series: OfficialSeries | undefined; findings: Finding[] }> {
  let names: string[];
  try {
    names = (await readdir(join(root, OFFICIAL_DIR), { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.csv$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return { series: undefined, findings: [] };
  }
  if (names.length === 0) return { series: undefined, findings: [] };
  const series: OfficialSeries = { offences: new Map(), population: new Map(), files: [] };
  const findings: Finding[] = [];
  for (const name of names) {
    const file = `${OFFICIAL_DIR}/${name}`;
    const sheet = await readSheet(join(root, file));
    readTable(file, sheet.rows, series, findings);
    series.files.push(file);
  }
  return { series, findings };
}

function readTable(file: string, rows: readonly SheetRow[], series: OfficialSeries, findings: Finding[]): void {
  const problem = (row: number, column: number, code: Finding['code'], params: Finding['params']) =>
    findings.push({ file, severity: 'error', code, params, line: row, column });
  const header = rows.find((r) => r.cells.some((c) => c !== undefined));
  const names = (header?.cells ?? []).map((c) =>
    String(c ?? '')
      .trim()
      .toLocaleUpperCase('da'),
  );
  const at = (name: string) => names.indexOf(name);
  const table = at('OVERTRÆD') >= 0 ? 'STRAF11' : 'FOLK1A';
  const missing = TABLE_COLUMNS[table].filter((name) => at(name) < 0);
  if (!header || missing.length > 0) {
    problem(header?.row ?? 1, 1, 'official-layout', { columns: header ? names.filter(Boolean) : '' });
    return;
  }
  const place = at('OMRÅDE');
  const time = at('TID');
  const value = at('INDHOLD');
  const offence = at('OVERTRÆD');
  // FOLK1A's other variables (KØN, ALDER, CIVILSTAND …) must be their totals: one figure per place and quarter.
  const others = table === 'FOLK1A' ? names.flatMap((name, i) => (name !== '' && ![place, time, value].includes(i) ? [i] : [])) : [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(rows.indexOf(header) + 1)) {
    const cell = (i: number) => (row.cells[i] === undefined ? '' : String(row.cells[i]).trim());
    if (row.cells.every((c) => c === undefined || String(c).trim() === '')) continue;
    const quarter = /^(\d{4})K([1-4])$/.exec(cell(time));
    if (!quarter) {
      problem(row.row, time + 1, 'official-value', { column: 'TID', want: 'quarter', found: foundValue(cell(time)) });
      continue;
    }
    const text = cell(value);
    // A whole number, also with Danish thousands separators (70.000); ".." is not published.
    const number = text === '..' ? null : /^\d+$|^\d{1,3}(\.\d{3})+$/.test(text) ? Number(text.replaceAll('.', '')) : undefined;
    if (number === undefined) {
      problem(row.row, value + 1, 'official-value', { column: 'INDHOLD', want: 'count', found: foundValue(text) });
      continue;
    }
    const notTotal = others.find((i) => !/(^|\s)(i alt|tot|total)$/i.test(cell(i)));
    if (notTotal !== undefined) {
      problem(row.row, notTotal + 1, 'official-totals', { column: names[notTotal]!, found: foundValue(cell(notTotal)) });
      continue;
    }
    if (cell(place) === '') {
      problem(row.row, place + 1, 'official-value', { column: 'OMRÅDE', want: 'place', found: foundValue('') });
      continue;
    }
    const where = placeKey(cell(place));
    const when = `${quarter[1]}-Q${quarter[2]}`;
    const what = table === 'STRAF11' ? cell(offence) : '';
    const key = [cell(place), what, cell(time)].filter(Boolean).join(', ');
    const first = seen.get(`${where}\u0000${what}\u0000${when}`);
    if (first !== undefined) {
      problem(row.row, 1, 'official-duplicate', { key, table, first });
      continue;
    }
    seen.set(`${where}\u0000${what}\u0000${when}`, row.row);
    if (table === 'STRAF11') {
      const byQuarter = getOrSet(series.offences, where, () => new Map<string, Map<string, number | null>>());
      getOrSet(byQuarter, when, () => new Map<string, number | null>()).set(what, number);
    } else {
      getOrSet(series.population, where, () => new Map<string, number | null>()).set(when, number);
    }
  }
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
