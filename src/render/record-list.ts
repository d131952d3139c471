import stringWidth from 'string-width';
import type { Listed } from '../analyze/record-list.js';
import type { ListKind } from '../model/ids.js';
import { parseQuarter } from '../model/quarters.js';
import type { Lang } from '../model/schema.js';
import { choiceLabel, type ChoiceName, type Words } from '../model/vocabulary.js';
import { renderCsv, type CsvDialect } from './csv.js';
import { formatNumber, formatQuarterShort } from './format.js';
import { label, listStatusLabel } from './i18n.js';

// The records `borgermode list` shows (docs/data-entry.md, "See what is there"), in three forms:
// a table for a person on a terminal (labels in the project's language, Danish numbers), and for
// scripts CSV and JSON with the field names of the files and the values as written (ids, numbers).
// The columns are the record's main fields; internal notes are never shown.

type Raw = string | number | boolean | null;

interface Column<K extends ListKind> {
  /** The field (the CSV header and the JSON key). */
  key: string;
  header: Words;
  raw: (record: Listed<K>) => Raw;
  /** The cell for people; the raw value when not given. */
  text?: (record: Listed<K>, lang: Lang, categories: ReadonlyMap<string, Words>) => string;
  /** The one long text of the row: the column shortened to fit a terminal. */
  long?: boolean;
  /** Right-aligned (a count). */
  number?: boolean;
}

const w = (da: string, en: string): Words => ({ da, en });
const choice = (name: ChoiceName) => (value: string | undefined, lang: Lang) =>
  value === undefined ? '' : (choiceLabel(name, value, lang) ?? value);
const count = (value: number | undefined, lang: Lang) => (value === undefined ? '' : formatNumber(value, lang, 2));
const quarterText = (value: string | undefined, lang: Lang) => (value === undefined ? '' : formatQuarterShort(parseQuarter(value)!, lang));

const ID = { key: 'id', header: w('Id', 'Id'), raw: (r: { id: string }) => r.id };
const AREA = { key: 'area', header: w('Område', 'Area'), raw: (r: { area: string }) => r.area };
const DATE = { key: 'date', header: w('Dato', 'Date'), raw: (r: { date: string }) => r.date };
const YEAR = { key: 'year', header: w('År', 'Year'), raw: (r: { year: number }) => r.year, text: (r: { year: number }) => String(r.year) };

/** What the records of each kind are called, in the plural ("Ingen spørgsmål at vise."). */
export const LIST_KIND_WORDS: { readonly [K in ListKind]: Words } = {
  incidents: w('hændelser', 'incidents'),
  activities: w('aktiviteter', 'activities'),
  questions: w('spørgsmål', 'questions'),
  meetings: w('møder', 'meetings'),
  priorities: w('prioriteter', 'priorities'),
  surveys: w('tryghedstal', 'survey figures'),
  list_status: w('listestatusser', 'list statuses'),
};

/** The columns of each kind, in the order shown. */
const COLUMNS: { readonly [K in ListKind]: readonly Column<K>[] } = {
  incidents: [
    ID,
    DATE,
    AREA,
    {
      key: 'category',
      header: w('Kategori', 'Category'),
      raw: (r) => r.category,
      text: (r, lang, categories) => categories.get(r.category)?.[lang] ?? r.category,
    },
    { key: 'count', header: w('Antal', 'Number'), raw: (r) => r.count, text: (r, lang) => count(r.count, lang), number: true },
    { key: 'zone', header: w('Zone', 'Zone'), raw: (r) => r.zone ?? null },
    { key: 'source', header: w('Kilde', 'Source'), raw: (r) => r.source, text: (r, lang) => choice('source')(r.source, lang) },
    { key: 'summary', header: w('Resumé', 'Summary'), raw: (r) => r.summary ?? null, long: true },
  ],
  activities: [
    ID,
    DATE,
    AREA,
    { key: 'kind', header: w('Slags', 'Kind'), raw: (r) => r.kind, text: (r, lang) => choice('activity_kind')(r.kind, lang) },
    { key: 'status', header: w('Status', 'Status'), raw: (r) => r.status, text: (r, lang) => choice('activity_status')(r.status, lang) },
    {
      key: 'participants',
      header: w('Deltagere', 'Participants'),
      raw: (r) => r.participants ?? null,
      text: (r, lang) => count(r.participants, lang),
      number: true,
    },
    { key: 'hours', header: w('Timer', 'Hours'), raw: (r) => r.hours ?? null, text: (r, lang) => count(r.hours, lang), number: true },
    { key: 'title', header: w('Titel', 'Title'), raw: (r) => r.title, long: true },
  ],
  questions: [
    ID,
    DATE,
    AREA,
    { key: 'status', header: w('Status', 'Status'), raw: (r) => r.status, text: (r, lang) => choice('question_status')(r.status, lang) },
    { key: 'owner', header: w('Ansvarlig', 'Owner'), raw: (r) => r.owner, text: (r, lang) => choice('owner')(r.owner, lang) },
    {
      key: 'rumour',
      header: w('Rygte', 'Rumour'),
      raw: (r) => r.rumour,
      text: (r, lang) => (r.rumour ? (lang === 'da' ? 'ja' : 'yes') : ''),
    },
    { key: 'question', header: w('Spørgsmål', 'Question'), raw: (r) => r.question, long: true },
  ],
  meetings: [
    ID,
    DATE,
    { key: 'time', header: w('Kl.', 'Time'), raw: (r) => r.time ?? null },
    AREA,
    {
      key: 'attendees',
      header: w('Fremmødte', 'Attendees'),
      raw: (r) => r.attendees ?? null,
      text: (r, lang) => count(r.attendees, lang),
      number: true,
    },
    { key: 'place', header: w('Sted', 'Place'), raw: (r) => r.place ?? null, long: true },
  ],
  priorities: [
    ID,
    AREA,
    { key: 'from', header: w('Fra', 'From'), raw: (r) => r.from, text: (r, lang) => quarterText(r.from, lang) },
    { key: 'to', header: w('Til', 'To'), raw: (r) => r.to ?? null, text: (r, lang) => quarterText(r.to, lang) },
    { key: 'status', header: w('Status', 'Status'), raw: (r) => r.status, text: (r, lang) => choice('priority_status')(r.status, lang) },
    { key: 'title', header: w('Titel', 'Title'), raw: (r) => r.title, long: true },
  ],
  surveys: [
    ID,
    YEAR,
    AREA,
    {
      key: 'value',
      header: w('Værdi', 'Value'),
      raw: (r) => r.value,
      text: (r, lang) => `${count(r.value, lang)} ${r.unit}`,
      number: true,
    },
    { key: 'level', header: w('Niveau', 'Level'), raw: (r) => r.level, text: (r, lang) => label(lang, 'level', r.level) },
    {
      key: 'measure',
      header: w('Mål', 'Measure'),
      raw: (r) => r.measure,
      text: (r, lang) => label(lang, 'measure', r.measure),
      long: true,
    },
  ],
  list_status: [
    ID,
    YEAR,
    AREA,
    {
      key: 'status',
      header: w('Status', 'Status'),
      raw: (r) => r.status ?? null,
      text: (r, lang) => (r.status === undefined ? '' : listStatusLabel(lang, r.status, r.year)),
      long: true,
    },
    {
      key: 'residents',
      header: w('Beboere', 'Residents'),
      raw: (r) => r.residents ?? null,
      text: (r, lang) => count(r.residents, lang),
      number: true,
    },
  ],
};

export interface ListView {
  kind: ListKind;
  columns: { key: string; header: string; number: boolean; long: boolean }[];
  /** Per record: the raw values (for CSV and JSON) and the texts (for the table), one per column. */
  rows: { raw: Raw[]; text: string[] }[];
}

/** The records as a table of their main columns. */
export function buildListView<K extends ListKind>(
  kind: K,
  records: readonly Listed<K>[],
  context: { lang: Lang; categories: ReadonlyMap<string, Words> },
): ListView {
  const columns = COLUMNS[kind] as readonly Column<K>[];
  return {
    kind,
    columns: columns.map((c) => ({ key: c.key, header: c.header[context.lang], number: c.number ?? false, long: c.long ?? false })),
    rows: records.map((record) => ({
      raw: columns.map((c) => c.raw(record) ?? null),
      text: columns.map((c) => (c.text ? c.text(record, context.lang, context.categories) : String(c.raw(record) ?? ''))),
    })),
  };
}

/**
 * The table for a terminal: a header, a rule, a line per record, columns two spaces apart; the
 * area column only in a project of several areas. With `width` (the terminal's), the long text is
 * shortened with "…" so a line fits; each cell is one line (line breaks in a text are shown as spaces).
 */
export function renderListTable(all: ListView, options: { width?: number; withArea: boolean }): string {
  const shown = all.columns.flatMap((c, i) => (c.key !== 'area' || options.withArea ? [i] : []));
  const view = { columns: shown.map((i) => all.columns[i]!), rows: all.rows.map((row) => ({ text: shown.map((i) => row.text[i]!) })) };
  const width = options.width;
  const lines = [view.columns.map((c) => c.header), ...view.rows.map((row) => row.text.map(oneLine))];
  const widths = view.columns.map((_, i) => Math.max(...lines.map((line) => stringWidth(line[i]!))));
  const longIndex = view.columns.findIndex((c) => c.long);
  if (width !== undefined && longIndex >= 0) {
    const others = widths.reduce((sum, w, i) => (i === longIndex ? sum : sum + w), 0) + 2 * (widths.length - 1);
    widths[longIndex] = Math.max(Math.min(widths[longIndex]!, width - others), 10);
  }
  const cell = (text: string, i: number) => {
    const column = view.columns[i]!;
    const fitted = stringWidth(text) > widths[i]! ? shorten(text, widths[i]!) : text;
    const pad = ' '.repeat(widths[i]! - stringWidth(fitted));
    return column.number ? pad + fitted : fitted + pad;
  };
  const format = (line: readonly string[]) => line.map(cell).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return `${[format(lines[0]!), rule, ...lines.slice(1).map(format)].join('\n')}\n`;
}

/** A text on one line: its line breaks (and the spaces around them) as one space. */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

/** `text` cut to `width` columns, the last one "…". */
function shorten(text: string, width: number): string {
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** CSV for scripts: the field names, then the values as the files hold them. */
export function renderListCsv(view: ListView, dialect: CsvDialect): string {
  return renderCsv(
    [
      view.columns.map((c) => c.key),
      ...view.rows.map((row) => row.raw.map((value) => (typeof value === 'boolean' ? String(value) : value))),
    ],
    dialect,
  );
}

/** The records for --json: one object per record, by field name, the values as the files hold them. */
export function listRecordsJson(view: ListView): Record<string, Raw>[] {
  return view.rows.map((row) => Object.fromEntries(view.columns.map((c, i) => [c.key, row.raw[i]!])));
}
