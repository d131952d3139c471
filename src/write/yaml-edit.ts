import { isDeepStrictEqual } from 'node:util';
import jsYaml from 'js-yaml';
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

// Edits of record files that keep every byte the user wrote: the new text is inserted at an
// offset computed from the yaml package's node ranges (never Document.toString() of the whole
// file, which would re-flow comments, quotes and spacing). Each edit is then read back with the
// loader's parser and compared with the intended data, so a wrong offset can never reach disk.

/** Why a file could not be edited safely. */
export class YamlEditError extends Error {
  /** The file, relative to the project root, once known. */
  file: string | undefined;

  constructor(
    readonly reason: 'syntax' | 'not-block-mapping' | 'not-a-list' | 'layout' | 'not-found',
    detail: string,
  ) {
    super(detail);
    this.name = 'YamlEditError';
  }
}

export type PlainRecord = Readonly<Record<string, unknown>>;

export interface AppendResult {
  text: string;
  /** The index of the new record in its kind's list. */
  index: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  /** For a new list item: whether it has a blank line before it. */
  blankLine?: boolean;
}

/** Appends `record` to the `kind` list of a record file's text, changing nothing else. */
export function appendRecord(text: string, kind: string, record: PlainRecord): AppendResult {
  return appendToLongList(text, kind, record) ?? appendAnywhere(text, kind, record);
}

/**
 * Appends `records` to the `kind` list, each as appendRecord would, checked once at the end
 * (borgermode import: a thousand records are not a thousand reads of the file); `index` is the
 * first one's. When the one check finds the result not as intended, they are appended one by
 * one, each checked, as appendRecord does.
 */
export function appendRecords(text: string, kind: string, records: readonly PlainRecord[]): AppendResult {
  let out = text;
  let index = -1;
  // One by one while the list is short (each append reads the file whole); once it has more than
  // the window's records, or the file is long, the rest in one slide.
  let slide = true;
  for (let i = 0; i < records.length; i++) {
    // Tried once: when the slide does not fit the list, the rest go one by one.
    const ready = slide && (out.length >= LONG_FILE || i > TAIL_ITEMS);
    const many = ready && records.length - i > 1 ? appendManyToLongList(out, kind, records.slice(i)) : undefined;
    if (ready) slide = false;
    if (many) {
      if (index < 0) index = many.index;
      out = many.text;
      break;
    }
    const one = appendToLongList(out, kind, records[i]!, false) ?? appendAnywhere(out, kind, records[i]!, false);
    if (index < 0) index = one.index;
    out = one.text;
  }
  try {
    verify(text, out, appendedAll(kind, records));
    return { text: out, index };
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
  }
  out = text;
  index = -1;
  for (const record of records) {
    const one = appendRecord(out, kind, record);
    if (index < 0) index = one.index;
    out = one.text;
  }
  return { text: out, index };
}

function appendAnywhere(text: string, kind: string, record: PlainRecord, check = true): AppendResult {
  const doc = parseForEdit(text);
  const eol = lineBreakOf(text);
  const top = doc.contents;
  const pair = isMap(top) ? top.items.find((item) => isScalar(item.key) && item.key.value === kind) : undefined;
  let edits: Edit[];
  let index = 0;
  if (top !== null && !(isMap(top) && !top.flow))
    throw new YamlEditError('not-block-mapping', 'the file is not a block mapping of record kinds');
  if (!pair) {
    edits = [appendKind(text, top, kind, record, eol)];
  } else if (isSeq(pair.value)) {
    index = pair.value.items.length;
    edits = pair.value.flow
      ? appendToFlowList(text, pair.value, record)
      : [appendToBlockList(text, range(pair.key)[1], pair.value, record, eol)];
  } else if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    edits = [fillEmptyKind(text, pair as Pair<Scalar, Scalar | null>, top as YAMLMap, record, eol)];
  } else {
    throw new YamlEditError('not-a-list', kind);
  }
  const result = applyEdits(text, edits);
  if (check) verify(text, result, appended(kind, record));
  return { text: result, index };
}

/** The data of a file with `record` appended to its `kind` list. */
const appended = (kind: string, record: PlainRecord) => appendedAll(kind, [record]);

/** The data of a file with `records` appended to its `kind` list. */
const appendedAll = (kind: string, records: readonly PlainRecord[]) => (data: unknown) => {
  const out = isPlainObject(data) ? { ...data } : {};
  out[kind] = [...(Array.isArray(out[kind]) ? (out[kind] as unknown[]) : []), ...records];
  return out;
};

// ---- a long list: only its last records are parsed ----

/** Files shorter than this are parsed whole to append one record (a few milliseconds); appendRecords slides sooner. */
const LONG_FILE = 16_384;
/** How many of a long list's last records are parsed to place the new one. */
const TAIL_ITEMS = 4;

/**
 * The append to a top-level block list of a long file, from a parse of the list's key and its last
 * few records only (the yaml package's parse of a whole 60 kB file is ~100 ms on a cold start):
 * the same text as appendAnywhere writes, or undefined (then that runs) when the layout of the
 * records before the tail could change what it writes (a blank line between them, a block record
 * among one-line ones) or anything is out of the ordinary. The whole result is verified as always.
 */
function appendToLongList(text: string, kind: string, record: PlainRecord, check = true, anyLength = false): AppendResult | undefined {
  if (text.length < LONG_FILE && !anyLength) return undefined;
  const list = topLevelList(text, kind);
  if (!list || list.items.length <= TAIL_ITEMS) return undefined;
  const eol = lineBreakOf(text);
  const cut = list.items.at(-TAIL_ITEMS)!;
  const head = `${text.slice(list.keyStart, list.keyLineEnd)}${eol}`;
  const part = `${head}${text.slice(cut, list.end)}`;
  const doc = parseDocument(part, { uniqueKeys: true });
  const top = doc.contents;
  if (doc.errors.length > 0 || !isMap(top) || top.flow || top.items.length !== 1) return undefined;
  const pair = top.items[0]!;
  const seq = pair.value;
  if (!isScalar(pair.key) || pair.key.value !== kind || !isSeq(seq) || seq.flow || seq.items.length !== TAIL_ITEMS) return undefined;
  const items = seq.items as Node[];
  if (!items.every((item) => isMap(item))) return undefined;
  const before = text.slice(list.items[0], cut);
  const dash = ' '.repeat(list.dashCol);
  const tailAllFlow = items.every((item) => isMap(item) && item.flow);
  // Every record one-line? Then the records before the tail must be too (else a block record is written).
  if (tailAllFlow && !before.split('\n').every((line) => !line.startsWith(`${dash}-`) || /^[ ]*-[ \t]*\{/.test(line))) return undefined;
  let edit: Edit;
  try {
    edit = appendToBlockList(part, range(pair.key)[1], seq, record, eol);
  } catch (error) {
    if (error instanceof YamlEditError) return undefined;
    throw error;
  }
  // Without a blank line in the tail's gaps, one between the records before it would have given one.
  if (!edit.blankLine && /(^|\n)[ \t]*\r?\n/.test(before)) return undefined;
  const shift = cut - head.length;
  const result = applyEdits(text, [{ start: edit.start + shift, end: edit.end + shift, text: edit.text }]);
  if (!check) return { text: result, index: list.items.length };
  try {
    const data = verify(text, result, appended(kind, record)) as Record<string, unknown[]>;
    return { text: result, index: data[kind]!.length };
  } catch (error) {
    if (error instanceof YamlEditError) return undefined;
    throw error;
  }
}

/**
 * Many records appended to a long list, each as appendToLongList appends it, without reading the
 * whole text again for each: the first decides (from the whole list) that the tail is the pattern,
 * then each next one is appended to a window of the list's key and its last records, the window
 * sliding on. Once the last TAIL_ITEMS records were all written in the style the window gives
 * (same dash, fields and blank lines), the window gives that style again for every record written
 * in it, so the rest are written in it without parsing; a record that cannot be (one that does
 * not fit on one line in a list of one-line records) opens the window again. The text is put
 * together once. Undefined when the first one finds the long-list way closed (then the caller
 * appends one by one).
 */
function appendManyToLongList(text: string, kind: string, records: readonly PlainRecord[]): AppendResult | undefined {
  const first = appendToLongList(text, kind, records[0]!, false, true);
  if (!first) return undefined;
  const eol = lineBreakOf(text);
  const key = topLevelList(first.text, kind);
  if (!key) return undefined;
  const head = `${first.text.slice(key.keyStart, key.keyLineEnd)}${eol}`;
  // The text is `pieces` (all before the window), the window's records after its head, then `after`.
  const pieces: string[] = [];
  let window = '';
  let after = '';
  const open = (whole: string): boolean => {
    const list = topLevelList(whole, kind);
    if (!list || list.items.length <= TAIL_ITEMS) return false;
    const cut = list.items.at(-TAIL_ITEMS)!;
    pieces.length = 0;
    pieces.push(whole.slice(0, cut));
    window = `${head}${whole.slice(cut, list.end)}`;
    after = whole.slice(list.end);
    return true;
  };
  if (!open(first.text)) return undefined;
  let settled: ListStyle | undefined;
  // The styles of the records written last in the window, newest last.
  const styles: ListStyle[] = [];
  for (const record of records.slice(1)) {
    if (settled) {
      const item = listItem(settled, record);
      if (item.oneLine === settled.allFlow) {
        pieces.push(item.text);
        continue;
      }
      settled = undefined;
      styles.length = 0;
      if (!open(`${pieces.join('')}${after}`)) return undefined;
    }
    const doc = parseDocument(window, { uniqueKeys: true });
    const pair = isMap(doc.contents) ? doc.contents.items[0] : undefined;
    if (doc.errors.length > 0 || !pair || !isSeq(pair.value)) return undefined;
    const style = blockListStyle(window, range(pair.key)[1], pair.value, eol);
    if (styles.length >= TAIL_ITEMS && styles.slice(-TAIL_ITEMS).every((s) => sameStyle(s, style))) {
      // From here on without the window: its records go before the new ones, what follows them after.
      settled = style;
      pieces.push(window.slice(head.length, style.end));
      after = `${window.slice(style.end)}${after}`;
      pieces.push(listItem(style, record).text);
      continue;
    }
    const item = listItem(style, record);
    const lead = style.end === window.length && !window.endsWith('\n') ? eol : '';
    const grown = applyEdits(window, [{ start: style.end, end: style.end, text: `${lead}${item.text}` }]);
    styles.push(style);
    // The window's oldest record moves out, so the window keeps the last TAIL_ITEMS.
    const items = topLevelList(grown, kind)?.items;
    if (!items || items.length !== TAIL_ITEMS + 1) return undefined;
    pieces.push(grown.slice(head.length, items[1]));
    window = `${head}${grown.slice(items[1])}`;
  }
  return { text: `${pieces.join('')}${settled ? '' : window.slice(head.length)}${after}`, index: first.index };
}

interface TopLevelList {
  /** Where the line of the list's key starts, and ends (before its line break). */
  keyStart: number;
  keyLineEnd: number;
  /** Where the line of each record's dash starts. */
  items: number[];
  dashCol: number;
  /** Where the first line after the list starts (the next key, or the end of the text). */
  end: number;
}

/** The lines of the block list under the one top-level key `kind:` (unquoted, at the start of a line), as the text shows them. */
function topLevelList(text: string, kind: string): TopLevelList | undefined {
  if (!/^[a-z_]+$/.test(kind)) return undefined;
  const keys = [...text.matchAll(new RegExp(`^${kind}:[ \\t]*(?:#[^\\r\\n]*)?\\r?$`, 'gm'))];
  if (keys.length !== 1) return undefined;
  const keyStart = keys[0]!.index;
  const keyLineEnd = lineEndOf(text, keyStart);
  const items: number[] = [];
  let dashCol = -1;
  let pos = nextLineStart(text, keyLineEnd);
  for (let line = lineAt(text, pos); line !== undefined; line = lineAt(text, pos)) {
    const newline = text.indexOf('\n', pos);
    const next = newline < 0 ? text.length : newline + 1;
    if (/^[ \t]*(#.*)?$/.test(line)) {
      pos = next;
      continue;
    }
    const indent = indentOf(line);
    const isDash = /^ *-(?:[ \t]|$)/.test(line);
    if (indent === 0 && !isDash) break;
    if (dashCol < 0) {
      if (!isDash) return undefined;
      dashCol = indent;
    }
    if (indent < dashCol) return undefined;
    if (indent === dashCol && isDash) items.push(pos);
    pos = next;
  }
  return { keyStart, keyLineEnd, items, dashCol, end: pos };
}

/** Sets fields of the record at `kind[index]`: replaces the values of keys it has, adds the others after its last field. */
export function setRecordFields(text: string, kind: string, index: number, fields: PlainRecord): string {
  const doc = parseForEdit(text);
  const eol = lineBreakOf(text);
  const top = doc.contents;
  const list = isMap(top) ? top.items.find((item) => isScalar(item.key) && item.key.value === kind)?.value : undefined;
  const map = isSeq(list) ? list.items[index] : undefined;
  if (!isMap(map)) throw new YamlEditError('not-found', `${kind}[${index}] is not a record`);
  const edits: Edit[] = [];
  const added: [string, unknown][] = [];
  for (const [key, value] of Object.entries(fields)) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair) edits.push(replaceValue(text, map, pair as Pair<Scalar, Node | null>, key, value, eol));
    else added.push([key, value]);
  }
  if (added.length > 0) edits.push(addFields(text, map, added, eol));
  const result = applyEdits(text, edits);
  verify(text, result, (data) => {
    const out = structuredClone(data) as Record<string, Record<string, unknown>[]>;
    Object.assign(out[kind]![index]!, fields);
    return out;
  });
  return result;
}

/**
 * Adds `key: value` to each record of `kind` at `indices` (records that lack it), right after the
 * record's `after` field when it has one (its id), else after its last field: one parse and one
 * check of the whole file, however many records (issue 18, item 4: `add area` gives every record
 * of a one-area project its area).
 */
export function addFieldToRecords(
  text: string,
  kind: string,
  indices: readonly number[],
  key: string,
  value: unknown,
  after = 'id',
): string {
  const doc = parseForEdit(text);
  const eol = lineBreakOf(text);
  const top = doc.contents;
  const list = isMap(top) ? top.items.find((item) => isScalar(item.key) && item.key.value === kind)?.value : undefined;
  const edits: Edit[] = indices.map((index) => {
    const map = isSeq(list) ? list.items[index] : undefined;
    if (!isMap(map)) throw new YamlEditError('not-found', `${kind}[${index}] is not a record`);
    if (map.items.some((item) => isScalar(item.key) && item.key.value === key))
      throw new YamlEditError('not-found', `${kind}[${index}] has ${key} already`);
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === after) as Pair<Scalar, Node | null> | undefined;
    if (!pair || pair === map.items.at(-1)) return addFields(text, map, [[key, value]], eol);
    const end = range(pair.value ?? pair.key)[1];
    if (map.flow) return { start: end, end, text: `, ${flowKey(key)}: ${flowValue(value)}` };
    const keyCol = columnOf(text, range(map)[0]);
    const at = nextLineStart(text, end);
    return { start: at, end: at, text: `${' '.repeat(keyCol)}${flowKey(key)}: ${blockValue(key, value, keyCol, eol)}${eol}` };
  });
  const result = applyEdits(text, edits);
  verify(text, result, (data) => {
    const out = structuredClone(data) as Record<string, Record<string, unknown>[]>;
    for (const index of indices) {
      const record = out[kind]![index]!;
      const entries = Object.entries(record);
      const position = entries.findIndex(([k]) => k === after);
      entries.splice(position < 0 ? entries.length : position + 1, 0, [key, value]);
      out[kind]![index] = Object.fromEntries(entries);
    }
    return out;
  });
  return result;
}

/** Renders a new record file: an optional first comment line (the editor's schema modeline), then the kind and its record. */
export function newRecordFile(kind: string, record: PlainRecord, firstLine?: string): string {
  return appendRecord(firstLine === undefined ? '' : `${firstLine}\n`, kind, record).text;
}

// ---- the edits ----

function appendToBlockList(text: string, keyEnd: number, seq: YAMLSeq, record: PlainRecord, eol: string): Edit {
  const style = blockListStyle(text, keyEnd, seq, eol);
  const lead = style.end === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
  const item = listItem(style, record);
  return { start: style.end, end: style.end, text: `${lead}${item.text}`, blankLine: item.blank };
}

/** How a block list's next item is written. */
interface ListStyle {
  /** Where the new item goes: after the last item and the comment lines that belong to it. */
  end: number;
  dashCol: number;
  contentCol: number;
  /** Whether every item is a one-line record (then a record that fits on one line is written as one). */
  allFlow: boolean;
  /** Whether a new block record, and a new one-line record, gets a blank line before it. */
  blankBlock: boolean;
  blankLine: boolean;
  eol: string;
}

function blockListStyle(text: string, keyEnd: number, seq: YAMLSeq, eol: string): ListStyle {
  const items = seq.items as Node[];
  const last = items.at(-1)!;
  const dashCol = columnOf(text, dashOffset(text, range(last)[0]));
  let end = nextLineStart(text, range(last)[1]);
  // Comment lines indented deeper than the dash still belong to the last record.
  for (let line = lineAt(text, end); line !== undefined && /^[ \t]*#/.test(line) && indentOf(line) > dashCol; line = lineAt(text, end)) {
    end = nextLineStart(text, end + line.length);
  }
  const allFlow = items.every((item) => isMap(item) && item.flow);
  return {
    end,
    dashCol,
    contentCol: contentColumn(text, items, dashCol),
    allFlow,
    blankBlock: blankLineBefore(text, keyEnd, items, true),
    blankLine: allFlow && blankLineBefore(text, keyEnd, items, false),
    eol,
  };
}

/** The next item of a list in `style`: its blank line, the record (one line when every item is one and it fits) and its line break. */
function listItem(style: ListStyle, record: PlainRecord): { text: string; blank: boolean; oneLine: boolean } {
  const oneLine = style.allFlow ? renderFlowRecord(record) : undefined;
  const blank = oneLine === undefined ? style.blankBlock : style.blankLine;
  const item =
    oneLine === undefined ? blockItem(record, style.dashCol, style.contentCol, style.eol) : `${' '.repeat(style.dashCol)}- ${oneLine}`;
  return { text: `${blank ? style.eol : ''}${item}${style.eol}`, blank, oneLine: oneLine !== undefined };
}

const sameStyle = (a: ListStyle, b: ListStyle): boolean =>
  a.dashCol === b.dashCol &&
  a.contentCol === b.contentCol &&
  a.allFlow === b.allFlow &&
  a.blankBlock === b.blankBlock &&
  a.blankLine === b.blankLine;

function appendToFlowList(text: string, seq: YAMLSeq, record: PlainRecord): Edit[] {
  const flow = renderFlowRecord(record) ?? renderFlowRecord(record, true)!;
  const items = seq.items as Node[];
  if (items.length === 0) {
    const open = range(seq)[0];
    return [{ start: open + 1, end: open + 1, text: flow }];
  }
  const [start, end] = range(items.at(-1)!);
  const lineEnd = lineEndOf(text, end);
  const rest = text.slice(end, lineEnd);
  // One item per line stays one item per line, after the last line's comment (which belongs to that item).
  if (/^[ \t]*$/.test(text.slice(lineStart(text, start), start))) {
    const newLine = `${lineBreakOf(text)}${' '.repeat(columnOf(text, start))}${flow}`;
    if (/^[ \t]*(#.*)?$/.test(rest))
      return [
        { start: end, end, text: ',' },
        { start: lineEnd, end: lineEnd, text: newLine },
      ];
    if (/^[ \t]*,[ \t]*(#.*)?$/.test(rest)) return [{ start: lineEnd, end: lineEnd, text: `${newLine},` }];
  }
  return [{ start: end, end, text: `, ${flow}` }];
}

function fillEmptyKind(text: string, pair: Pair<Scalar, Scalar | null>, top: YAMLMap, record: PlainRecord, eol: string): Edit {
  const value = pair.value;
  const { dashCol, contentCol } = listIndent(text, top, columnOf(text, range(pair.key)[0]));
  // An explicit null (`~`, `null`) is the empty list being replaced; an empty value has no text.
  const [valueStart, valueEnd] = value ? range(value) : [range(pair.key)[1], range(pair.key)[1]];
  let start = valueStart;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t') && valueEnd > valueStart) start--;
  const lineEnd = nextLineStart(text, valueEnd);
  const rest = text.slice(valueEnd, lineEnd);
  const lead = lineEnd === text.length && !text.endsWith('\n') ? eol : '';
  return { start, end: lineEnd, text: `${rest}${lead}${blockItem(record, dashCol, contentCol, eol)}${eol}` };
}

function appendKind(text: string, top: YAMLMap | null, kind: string, record: PlainRecord, eol: string): Edit {
  const { dashCol, contentCol } = top ? listIndent(text, top, 0) : { dashCol: 2, contentCol: 4 };
  const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
  const blank = top !== null && top.items.length > 0 ? eol : '';
  return {
    start: text.length,
    end: text.length,
    text: `${lead}${blank}${kind}:${eol}${blockItem(record, dashCol, contentCol, eol)}${eol}`,
  };
}

function replaceValue(text: string, map: YAMLMap, pair: Pair<Scalar, Node | null>, key: string, value: unknown, eol: string): Edit {
  const keyCol = columnOf(text, range(pair.key)[0]);
  if (pair.value === null || range(pair.value)[0] === range(pair.value)[1]) {
    // `answer:` with nothing after it: the value goes right after the colon.
    const at = pair.value ? range(pair.value)[0] : range(pair.key)[1];
    return { start: at, end: at, text: ` ${map.flow ? flowValue(value) : blockValue(key, value, keyCol, eol)}` };
  }
  const [start, end] = range(pair.value);
  if (map.flow) return { start, end, text: flowValue(value) };
  const old = text.slice(start, end);
  // A block scalar's range takes its last line break with it; give it back.
  const trailing = /\r?\n$/.exec(old)?.[0] ?? '';
  return { start, end, text: `${blockValue(key, value, keyCol, eol)}${trailing}` };
}

function addFields(text: string, map: YAMLMap, fields: [string, unknown][], eol: string): Edit {
  const lastPair = map.items.at(-1) as Pair<Scalar, Node | null> | undefined;
  if (map.flow) {
    const at = lastPair ? range(lastPair.value ?? lastPair.key)[1] : range(map)[0] + 1;
    const body = fields.map(([key, value]) => `${flowKey(key)}: ${flowValue(value)}`).join(', ');
    return { start: at, end: at, text: lastPair ? `, ${body}` : ` ${body} ` };
  }
  const keyCol = columnOf(text, range(map)[0]);
  const end = nextLineStart(text, range(map)[1]);
  const lead = end === text.length && !text.endsWith('\n') ? eol : '';
  const lines = fields.map(([key, value]) => `${' '.repeat(keyCol)}${flowKey(key)}: ${blockValue(key, value, keyCol, eol)}${eol}`);
  return { start: end, end, text: `${lead}${lines.join('')}` };
}

// ---- rendering values the way the yaml package quotes them ----

/** A record as block-mapping lines (no indentation), with lists in flow style and times quoted. */
function renderBlockLines(record: PlainRecord): string[] {
  const doc = new Document(record);
  styleNodes(doc.contents as YAMLMap);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '').split('\n');
}

/** A record as a one-line flow mapping `{ id: x, … }`, or undefined when it does not fit on one line. */
function renderFlowRecord(record: PlainRecord, force = false): string | undefined {
  const doc = new Document(record);
  const map = doc.contents as YAMLMap;
  styleNodes(map);
  map.flow = true;
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  if (out.includes('\n') && !force) return undefined;
  return out.includes('\n') ? out : `{ ${out.slice(1, -1)} }`;
}

function styleNodes(map: YAMLMap): void {
  for (const pair of map.items) {
    if (isSeq(pair.value)) pair.value.flow = true;
    // A meeting time is written in quotes ("19:00"), as docs/data-format.md asks.
    if (isScalar(pair.key) && pair.key.value === 'time' && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
  }
}

function blockItem(record: PlainRecord, dashCol: number, contentCol: number, eol: string): string {
  const lines = renderBlockLines(record);
  const first = `${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, contentCol - dashCol - 1))}${lines[0]}`;
  return [first, ...lines.slice(1).map((line) => (line === '' ? '' : `${' '.repeat(contentCol)}${line}`))].join(eol);
}

/** The text after `key: ` for a value in block context, continuation lines indented under the key. */
function blockValue(key: string, value: unknown, keyCol: number, eol: string): string {
  const lines = renderBlockLines({ [key]: value });
  const first = lines[0]!.slice(lines[0]!.indexOf(':') + 1).replace(/^ /, '');
  return [first, ...lines.slice(1).map((line) => (line === '' ? '' : `${' '.repeat(keyCol)}${line}`))].join(eol);
}

/** A value written so that it reads back the same anywhere on a line, in flow or block context (`"a, b"`, `Blok 1-4`, `"114"`). */
export function formatFlowValue(value: unknown): string {
  return flowValue(value);
}

function flowValue(value: unknown): string {
  const doc = new Document([value]);
  (doc.contents as YAMLSeq).flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trim().slice(1, -1);
}

function flowKey(key: string): string {
  return flowValue(key);
}

// ---- positions ----

function parseForEdit(text: string) {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new YamlEditError('syntax', doc.errors[0]!.message.split('\n')[0]!);
  return doc;
}

function range(node: Node | Pair | { range?: [number, number, number] | null }): [number, number, number] {
  const r = (node as { range?: [number, number, number] | null }).range;
  if (!r) throw new YamlEditError('layout', 'a node without a position');
  return r;
}

function lineBreakOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** Where the line holding `pos` starts; a byte-order mark stands before the first line, not in it. */
function lineStart(text: string, pos: number): number {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  return start === 0 && text.charCodeAt(0) === 0xfeff && pos > 0 ? 1 : start;
}

/** `pos` when it starts a line, else the start of the next line (or the end of the text). */
function nextLineStart(text: string, pos: number): number {
  if (pos === 0 || text[pos - 1] === '\n') return pos;
  const newline = text.indexOf('\n', pos);
  return newline < 0 ? text.length : newline + 1;
}

/** The end of the line holding `pos`, before its line break. */
function lineEndOf(text: string, pos: number): number {
  const newline = text.indexOf('\n', pos);
  if (newline < 0) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** The line starting at `pos` (without its line break), or undefined at the end of the text. */
function lineAt(text: string, pos: number): string | undefined {
  if (pos >= text.length) return undefined;
  const newline = text.indexOf('\n', pos);
  return text.slice(pos, newline < 0 ? text.length : newline).replace(/\r$/, '');
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/** The offset of the `-` that introduces the list item starting at `itemStart` (on its line, or a line above). */
function dashOffset(text: string, itemStart: number): number {
  let start = lineStart(text, itemStart);
  let prefix = text.slice(start, itemStart);
  for (;;) {
    const match = /^([ \t]*)-(?:[ \t]|\r?\n|$)/.exec(prefix);
    if (match) return start + match[1]!.length;
    if (start === 0) throw new YamlEditError('layout', 'a list item without its dash');
    const above = lineStart(text, start - 1);
    prefix = text.slice(above, start);
    start = above;
  }
}

const columnOf = (text: string, pos: number): number => pos - lineStart(text, pos);

/** Where the fields of a block item start: as in the list's block-mapping items, else two past the dash. */
function contentColumn(text: string, items: Node[], dashCol: number): number {
  const block = [...items].reverse().find((item) => isMap(item) && !item.flow);
  if (!block) return dashCol + 2;
  const start = range(block)[0];
  const dash = dashOffset(text, start);
  return lineStart(text, dash) === lineStart(text, start) ? columnOf(text, start) - columnOf(text, dash) + dashCol : dashCol + 2;
}

/** The indentation of the file's other block lists (relative to their key), for a list under a new or empty key. */
function listIndent(text: string, top: YAMLMap, keyCol: number): { dashCol: number; contentCol: number } {
  for (const pair of top.items) {
    if (!isSeq(pair.value) || pair.value.flow || pair.value.items.length === 0) continue;
    const items = pair.value.items as Node[];
    const otherKeyCol = columnOf(text, range(pair.key as Node)[0]);
    const dashCol = columnOf(text, dashOffset(text, range(items[0]!)[0]));
    return { dashCol: keyCol + dashCol - otherKeyCol, contentCol: keyCol + contentColumn(text, items, dashCol) - otherKeyCol };
  }
  return { dashCol: keyCol + 2, contentCol: keyCol + 4 };
}

/**
 * Whether the new item gets a blank line before it, as the list's items have: for a block record,
 * when the gaps next to block records have blank lines; for a one-line record, as the last gap.
 * A list of one item looks at the gap between its key and that item.
 */
function blankLineBefore(text: string, keyEnd: number, items: Node[], block: boolean): boolean {
  const hasBlank = (from: number, to: number) => /(^|\n)[ \t]*\r?\n/.test(text.slice(from, to));
  const itemLine = (item: Node) => lineStart(text, dashOffset(text, range(item)[0]));
  if (items.length === 1) return hasBlank(nextLineStart(text, keyEnd), itemLine(items[0]!));
  const isBlock = (node: Node) => !(isMap(node) && node.flow);
  const gaps = items.slice(1).map((item, i) => ({
    blank: hasBlank(nextLineStart(text, range(items[i]!)[1]), itemLine(item)),
    nearBlock: isBlock(items[i]!) || isBlock(item),
  }));
  const nearBlock = gaps.filter((gap) => gap.nearBlock);
  if (block && nearBlock.length > 0) return nearBlock.some((gap) => gap.blank);
  return gaps.at(-1)!.blank;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Reads the edited text back as the loader does and compares it with the intended data; returns the data read before. */
function verify(before: string, after: string, expected: (data: unknown) => unknown): unknown {
  const read = (text: string) => jsYaml.load(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { schema: jsYaml.CORE_SCHEMA }) ?? null;
  let got: unknown;
  try {
    got = read(after);
  } catch (error) {
    throw new YamlEditError('layout', `the edit would not read back: ${(error as Error).message.split('\n')[0]}`);
  }
  const data = read(before);
  if (!isDeepStrictEqual(got, expected(data))) throw new YamlEditError('layout', 'the edit would not read back as intended');
  return data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
