import { createHash } from 'node:crypto';
import { relative, resolve } from 'node:path';
import * as v from 'valibot';
import { addRecords } from '../../edit/record-edits.js';
import type { ProjectState } from '../../edit/project-state.js';
import {
  headerSignature,
  type ImportMap,
  ImportMapError,
  mapProblem,
  readImportMap,
  SAVED_MAPS_DIR,
  savedImportMap,
} from '../../load/import-map.js';
import { readSheet, type SheetRow, type SheetValue } from '../../load/read-sheet.js';
import { writeProjectFile } from '../../write/write-output.js';
import { todayIso } from '../../model/dates.js';
import { findingMessage, hasErrors } from '../../model/finding.js';
import { headerKey, IMPORT_HEADERS, type ImportKind, SOURCE_ID_HEADERS } from '../../model/import-columns.js';
import { type Lang, RECORD_SCHEMAS, type Settings } from '../../model/schema.js';
import type { AnyFieldSpec } from '../../model/vocabulary.js';
import { formatNumber } from '../../render/format.js';
import { buildListView, LIST_KIND_WORDS } from '../../render/record-list.js';
import type { Words } from '../../model/vocabulary.js';
import { countText } from '../diagnostics.js';
import { rethrowInLang } from '../errors.js';
import { EXIT, usageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { cliText, listWords } from '../messages.js';
import type { ProjectOptions } from '../project.js';
import { openProject, settingsBroken } from '../record-command.js';
import { badFlag, checkDateFlag, fieldProblem, namedValue, parseValue } from '../record-input.js';
import { fieldsOf, isRequired, namesOf, recordOf, schemaOf } from '../record-values.js';
import { printMessage } from '../safe-text.js';
import { recordTableText } from '../record-table.js';

// `borgermode import FILE` (docs/import.md): the rows of a spreadsheet as records of one kind,
// each value read as `add` reads a flag, every bad cell reported at FILE:row:column in one run,
// nothing written unless every row is right; a row imported before is not imported again.

export interface ImportOptions extends ProjectOptions {
  kind?: ImportKind;
  dryRun?: boolean;
  json?: boolean;
  map?: string;
}

interface Problem {
  row: number;
  column: number;
  message: string;
}

/** The first rows looked at for the header row (titles and blank rows above it are skipped). */
const HEADER_SEARCH = 20;

export async function importCommand(io: Io, file: string, options: ImportOptions): Promise<number> {
  // --kind is one of IMPORT_KINDS: commander's choices refuse any other.
  const kindFlag = options.kind;
  const { world, state, lang } = await openProject(io, options);
  if (!state.settings) return settingsBroken(io, options, state, lang);
  const settings = state.settings;
  const path = resolve(io.cwd, file);
  const shown = relative(io.cwd, path) || file;
  let sheet;
  try {
    sheet = await readSheet(path);
  } catch (error) {
    rethrowInLang(error, lang);
  }

  const n = (count: number) => formatNumber(count, lang);
  const say = (text: string) => {
    if (!options.quiet && !options.json) printMessage(io, text);
  };
  // The mapping: --map, else the one kept for a sheet with the same header row.
  let map: ImportMap = EMPTY_MAP;
  let mapText: string | undefined;
  if (options.map !== undefined) {
    try {
      ({ map, text: mapText } = await readImportMap(resolve(io.cwd, options.map)));
    } catch (error) {
      if (error instanceof ImportMapError)
        throw usageError(
          cliText(lang, 'import_bad_map', {
            file: options.map,
            detail: error.yaml ?? cliText(lang, 'import_map_shape', { where: error.where || '.' }),
          }),
        );
      rethrowInLang(error, lang);
    }
  } else {
    for (const row of sheet.rows.slice(0, HEADER_SEARCH)) {
      const saved = await savedImportMap(world.root, headersOf(row));
      if (!saved) continue;
      map = saved.map;
      say(cliText(lang, 'import_saved_map', { file: saved.file }));
      break;
    }
  }
  const header = findHeader(sheet.rows, kindFlag ?? map.kind, map);
  if (!header) return refuse(io, options, lang, shown, [{ row: 1, column: 1, message: cliText(lang, 'import_no_header') }]);
  const kind = kindFlag ?? map.kind ?? header.kind;
  const wrongMap = mapProblem(map, kind);
  if (wrongMap)
    throw usageError(
      cliText(lang, 'import_bad_map', {
        file: options.map ?? '',
        detail: cliText(lang, 'import_map_field', { ...wrongMap, kind, expected: wrongMap.expected.join(', ') }),
      }),
    );
  const columns = mapColumns(header.row, kind, map);
  if (!kindFlag && !map.kind)
    say(cliText(lang, 'import_kind_guessed', { file: shown, kind: LIST_KIND_WORDS[kind][lang], columns: listWords(lang, columns.named) }));
  if (columns.ignored.length > 0) say(cliText(lang, 'import_ignored', { columns: listWords(lang, columns.ignored) }));

  // A field the records need and no column gives is one problem, before any row.
  const missing = fieldsOf(kind).filter((f) => isRequired(kind, f.key, settings) && !columns.fields.has(f.key));
  const problems: Problem[] = missing.map((f) => ({
    row: header.row.row,
    column: 1,
    message: cliText(lang, 'import_missing_column', { field: f.key, headers: IMPORT_HEADERS[kind][f.key]!.slice(0, 3).join(', ') }),
  }));
  if (problems.length > 0) return refuse(io, options, lang, shown, problems);

  const today = todayIso(world.now);
  const rows = sheet.rows.filter((r) => r.row > header.row.row && r.cells.some((c) => c !== undefined));
  const read = rows.map((row) => readRow(row, kind, columns, { lang, state, settings, today, problems, map }));
  if (problems.length > 0) return refuse(io, options, lang, shown, problems);

  // The key of each row: its source id, else its values (a repeated row counted on, so two equal rows stay two).
  const seen = new Map<string, number>();
  const records = read.map(({ values, sourceId }) => {
    const record = recordOf(kind, values, settings);
    let key = sourceId ?? `h-${createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 12)}`;
    const repeat = (seen.get(key) ?? 0) + 1;
    seen.set(key, repeat);
    if (repeat > 1) key = `${key}-${repeat}`;
    return { ...record, import_id: key };
  });
  const imported = new Set(
    state.files.flatMap((f) =>
      (f.records[kind] ?? []).flatMap((r) => ((r as { import_id?: string }).import_id ? [(r as { import_id?: string }).import_id!] : [])),
    ),
  );
  const fresh = records.filter((r) => !imported.has(r.import_id));
  const skipped = records.length - fresh.length;

  if (fresh.length === 0) {
    if (options.json) io.stdout.write(`${JSON.stringify({ ok: true, kind, added: [], skipped, diagnostics: [] }, null, 2)}\n`);
    say(cliText(lang, 'import_nothing_new', { file: shown, skipped: n(skipped) }));
    return EXIT.ok;
  }
  let result;
  try {
    // A dry run is checked as the import would be (personal data, the rules across records), and not written.
    result = await addRecords({ ...world, kind, records: fresh, dryRun: options.dryRun ?? false });
  } catch (error) {
    rethrowInLang(error, lang);
  }
  if (options.dryRun && !hasErrors(result.findings)) {
    const preview = fresh.map((r, i) => {
      // As the dataset will hold it: the defaults filled in (count 1, source police …).
      const checked = v.safeParse(RECORD_SCHEMAS[kind], { id: result.added[i]!.id, ...r });
      return { area: settings.areas[0]!.id, ...(checked.success ? checked.output : { id: result.added[i]!.id, ...r }) } as never;
    });
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, dry_run: true, kind, records: preview, skipped, diagnostics: [] }, null, 2)}\n`);
      return EXIT.ok;
    }
    const categories = new Map<string, Words>(state.categories.map((c) => [c.id, c.labels]));
    const view = buildListView(kind, preview, { lang, categories });
    io.stdout.write(recordTableText(io, view, { withArea: settings.areas.length > 1, toTerminal: true }));
    say(cliText(lang, 'import_dry_run', { count: n(fresh.length), kind: LIST_KIND_WORDS[kind][lang], skipped: n(skipped) }));
    return EXIT.ok;
  }
  if (!result.written) {
    // The findings about the new records, at the row each came from.
    const rowOfAdded = (i: number) => read[records.indexOf(fresh[i]!)]!.row;
    const atRows = result.findings
      .filter((f) => f.severity === 'error')
      .map((f) => {
        const i = result.added.findIndex((a) => a.file === f.file && f.path?.[0] === kind && f.path[1] === a.index);
        return { row: i >= 0 ? rowOfAdded(i) : 1, column: 1, message: findingMessage(f, lang) };
      });
    return refuse(io, options, lang, shown, atRows.length > 0 ? atRows : [{ row: 1, column: 1, message: cliText(lang, 'add_refused') }]);
  }
  // A mapping named with --map is kept for the next sheet with these headers.
  const keep = async () => {
    if (mapText === undefined) return;
    const kept = `${SAVED_MAPS_DIR}/${headerSignature(headersOf(header.row))}.yaml`;
    await writeProjectFile(world.root, kept, mapText);
    say(cliText(lang, 'import_map_kept', { file: kept }));
    // A mapping in the project's folders would be read as a record file.
    const inside = relative(world.root, resolve(io.cwd, options.map!));
    if (!inside.startsWith('..') && !inside.split(/[\\/]/).some((part) => part.startsWith('.')))
      say(cliText(lang, 'import_map_inside', { file: inside }));
  };
  if (options.json) {
    const added = result.added.map(({ id, file }) => ({ id, file }));
    io.stdout.write(`${JSON.stringify({ ok: true, kind, added, skipped, diagnostics: [] }, null, 2)}\n`);
    await keep();
    return EXIT.ok;
  }
  say(
    cliText(lang, 'import_done', {
      count: n(result.added.length),
      kind: (result.added.length === 1 ? KIND_WORD : LIST_KIND_WORDS)[kind][lang],
      file: shown,
      files: listWords(lang, result.files),
      skipped: skipped > 0 ? cliText(lang, 'import_skipped', { skipped: n(skipped) }) : '',
    }),
  );
  await keep();
  return EXIT.ok;
}

/** One record of a kind ("Importerede 1 hændelse"); the plural is LIST_KIND_WORDS. */
const KIND_WORD: { readonly [K in ImportKind]: Words } = {
  incidents: { da: 'hændelse', en: 'incident' },
  activities: { da: 'aktivitet', en: 'activity' },
  questions: { da: 'spørgsmål', en: 'question' },
};

const EMPTY_MAP: ImportMap = { columns: new Map(), values: new Map() };

/** The texts of a row's cells, as its headers. */
const headersOf = (row: SheetRow): string[] => row.cells.map((c) => (typeof c === 'string' ? c : ''));

/** The header row: the first of the first rows with two or more known headers (of `kind`, or the kind they fit best; the mapping's count too). */
function findHeader(
  rows: readonly SheetRow[],
  kind: ImportKind | undefined,
  map: ImportMap,
): { row: SheetRow; kind: ImportKind } | undefined {
  for (const row of rows.slice(0, HEADER_SEARCH)) {
    const keys = row.cells.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
    const known = (k: ImportKind, key: string) =>
      (map.columns.get(key) ?? 'ignore') !== 'ignore' || Object.values(IMPORT_HEADERS[k]).some((names) => names.includes(key));
    const score = (k: ImportKind) => keys.filter((key) => key !== '' && known(k, key)).length;
    const kinds = kind ? [kind] : (Object.keys(IMPORT_HEADERS) as ImportKind[]);
    // Distinctive columns decide between kinds that share Dato and Område.
    const ranked = kinds.map((k) => ({ k, score: score(k) + (distinctive(k, keys) ? 10 : 0) })).sort((a, b) => b.score - a.score);
    if (ranked[0] && ranked[0].score % 10 >= 2) return { row, kind: ranked[0].k };
  }
  return undefined;
}

function distinctive(kind: ImportKind, keys: readonly string[]): boolean {
  const has = (field: string) => keys.some((key) => IMPORT_HEADERS[kind][field]?.includes(key));
  if (kind === 'incidents') return has('category');
  if (kind === 'questions') return has('question');
  return has('participants') || has('partners') || has('hours');
}

interface Columns {
  /** Field → its column (1-based) and header. */
  fields: Map<string, { column: number; header: string }>;
  sourceId?: { column: number; header: string };
  named: string[];
  ignored: string[];
}

function mapColumns(header: SheetRow, kind: ImportKind, map: ImportMap): Columns {
  const columns: Columns = { fields: new Map(), named: [], ignored: [] };
  header.cells.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const key = headerKey(cell);
    // The mapping first: a column it names is that field, the row's id, or left out without a word.
    const mapped = map.columns.get(key);
    if (mapped === 'ignore') return;
    if (mapped === 'id') {
      columns.sourceId = { column: i + 1, header: cell };
      return;
    }
    if (mapped !== undefined) {
      columns.fields.set(mapped, { column: i + 1, header: cell });
      columns.named.push(cell);
      return;
    }
    const field = Object.entries(IMPORT_HEADERS[kind]).find(([f, names]) => names.includes(key) && !columns.fields.has(f))?.[0];
    if (field) {
      columns.fields.set(field, { column: i + 1, header: cell });
      columns.named.push(cell);
    } else if (SOURCE_ID_HEADERS.includes(key) && !columns.sourceId) columns.sourceId = { column: i + 1, header: cell };
    else columns.ignored.push(cell);
  });
  return columns;
}

/** 1 → 1899-12-31: Excel's day numbers (with its 29 February 1900), as a date. */
function excelSerial(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'x', '1']);
const NO = new Set(['nej', 'n', 'no', 'false', '0']);

/** The raw cell as `add` takes a flag's text (a workbook's dates and numbers as they are). */
function cellInput(spec: AnyFieldSpec, cell: SheetValue): unknown {
  if (cell instanceof Date) return spec.type === 'date' ? cell.toISOString().slice(0, 10) : cell.toISOString();
  if (typeof cell === 'number') {
    if (spec.type === 'date') return excelSerial(cell) ?? String(cell);
    if (spec.type === 'whole' || spec.type === 'number') return cell;
    return String(cell);
  }
  if (spec.type === 'flag') {
    const word = cell.trim().toLocaleLowerCase('da');
    return YES.has(word) ? true : NO.has(word) ? false : cell;
  }
  return parseValue(spec.type, cell);
}

function readRow(
  row: SheetRow,
  kind: ImportKind,
  columns: Columns,
  ctx: { lang: Lang; state: ProjectState; settings: Settings; today: string; problems: Problem[]; map: ImportMap },
): { row: number; values: Record<string, unknown>; sourceId?: string } {
  const { lang, state, settings, today, problems, map } = ctx;
  const values: Record<string, unknown> = {};
  // The area first: the zones a record may name are its area's.
  const specs = [...fieldsOf(kind)].sort((a, b) => Number(b.key === 'area') - Number(a.key === 'area'));
  for (const spec of specs) {
    const at = columns.fields.get(spec.key);
    if (!at) continue;
    const raw = row.cells[at.column - 1];
    // The sheet's own word for a value, as the mapping says it.
    const cell = typeof raw === 'string' ? (map.values.get(spec.key)?.get(raw.trim().toLocaleLowerCase('da')) ?? raw) : raw;
    const where = { row: row.row, column: at.column };
    const label = cliText(lang, 'import_column', { header: at.header });
    if (cell === undefined) {
      if (isRequired(kind, spec.key, settings)) problems.push({ ...where, message: cliText(lang, 'import_empty', { column: label }) });
      continue;
    }
    let value = cellInput(spec, cell);
    if (value === undefined) continue;
    const names = typeof value === 'string' ? namesOf(spec, state, values) : undefined;
    try {
      if (names) value = namedValue(lang, label, value as string, names);
      const schema: v.GenericSchema = schemaOf(kind, spec.key);
      if (fieldProblem(schema, value, lang) !== undefined) throw badFlag(lang, label, schema, value);
      if (spec.key === 'date') checkDateFlag(lang, label, value, today);
    } catch (error) {
      problems.push({ ...where, message: (error as Error).message });
      continue;
    }
    values[spec.key] = value;
  }
  const id = columns.sourceId ? row.cells[columns.sourceId.column - 1] : undefined;
  return { row: row.row, values, ...(id === undefined ? {} : { sourceId: id instanceof Date ? id.toISOString() : String(id).trim() }) };
}

/** Every problem at FILE:row:column, the verdict line, exit 1; nothing written. */
function refuse(io: Io, options: ImportOptions, lang: Lang, file: string, problems: readonly Problem[]): number {
  const sorted = [...problems].sort((a, b) => a.row - b.row || a.column - b.column);
  if (options.json) {
    const diagnostics = sorted.map((p) => ({
      file,
      line: p.row,
      column: p.column,
      severity: 'error',
      code: 'import-value',
      message: p.message,
    }));
    io.stdout.write(`${JSON.stringify({ ok: false, diagnostics }, null, 2)}\n`);
    return EXIT.invalidData;
  }
  for (const p of sorted) printMessage(io, `${file}:${p.row}:${p.column} error ${p.message}`);
  printMessage(io, `${countText(sorted.length, 0, lang)} – ${cliText(lang, 'nothing_written')}`);
  return EXIT.invalidData;
}
