import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as yaml from 'yaml';
import { appendRecord, appendRecords } from '../../src/write/yaml-edit.js';

// A long file's append (src/write/yaml-edit.ts appendToLongList): only the list's key and its last
// records are parsed, and what is written is what a parse of the whole file gives. Each case
// pins the text written and whether the whole file was parsed (the yaml package's parseDocument
// is watched for that).

vi.mock('yaml', async (importOriginal) => {
  const original = await importOriginal<typeof import('yaml')>();
  return { ...original, parseDocument: vi.fn(original.parseDocument) };
});

const parsed = () => vi.mocked(yaml.parseDocument).mock.calls.map(([text]) => text.length);

beforeEach(() => {
  vi.mocked(yaml.parseDocument).mockClear();
});

const RECORD = { id: 'inc-2020-04-01-1', date: '2020-04-01', category: 'theft' };
const BLOCK_ITEM = '  - id: inc-2020-04-01-1\n    date: 2020-04-01\n    category: theft\n';

/** `count` block records of incidents, ~90 bytes each; `gap(i)` is the text before record i (after the first). */
function blockRecords(count: number, gap: (i: number) => string = () => ''): string {
  return Array.from(
    { length: count },
    (_, i) => `${i > 0 ? gap(i) : ''}  - id: inc-2019-01-01-${i + 1}\n    date: 2019-01-01\n    category: theft\n    zone: Blok 1-4\n`,
  ).join('');
}

const oneLineRecords = (count: number): string =>
  Array.from({ length: count }, (_, i) => `  - { id: inc-2019-01-01-${i + 1}, date: 2019-01-01, category: theft, zone: Blok 1-4 }\n`).join(
    '',
  );

const HEAD = '# Hændelser 2019\nincidents:\n';

describe('appendRecord on a long list', () => {
  it('parses only the last records, and appends after the last one', () => {
    const text = `${HEAD}${blockRecords(300)}`;
    const { text: out, index } = appendRecord(text, 'incidents', RECORD);
    expect(out).toBe(`${text}${BLOCK_ITEM}`);
    expect(index).toBe(300);
    expect(parsed()).toHaveLength(1);
    expect(parsed()[0]).toBeLessThan(1_000);
  });

  it('keeps the blank line between records', () => {
    const text = `${HEAD}${blockRecords(300, () => '\n')}`;
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${text}\n${BLOCK_ITEM}`);
    expect(parsed()[0]).toBeLessThan(1_000);
  });

  it('a blank line only between earlier records still gives one (the whole file is parsed)', () => {
    const text = `${HEAD}${blockRecords(300, (i) => (i < 100 ? '\n' : ''))}`;
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${text}\n${BLOCK_ITEM}`);
    expect(parsed().at(-1)).toBe(text.length);
  });

  it('one-line records get a one-line record', () => {
    const text = `${HEAD}${oneLineRecords(300)}`;
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${text}  - { id: inc-2020-04-01-1, date: 2020-04-01, category: theft }\n`);
    expect(parsed()[0]).toBeLessThan(1_000);
  });

  it('one-line records after block ones get a block record (the whole file is parsed)', () => {
    const text = `${HEAD}${blockRecords(200)}${oneLineRecords(10)}`;
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${text}${BLOCK_ITEM}`);
    expect(parsed().at(-1)).toBe(text.length);
  });

  it('goes after the last record and its own comments, before the next kind', () => {
    const records = blockRecords(300);
    const rest = '# Aktiviteter\nactivities:\n  - id: act-2019-01-01-1\n    date: 2019-01-01\n    kind: other\n    title: Møde\n';
    const text = `${HEAD}${records}    # sidste hændelse\n${rest}`;
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${HEAD}${records}    # sidste hændelse\n${BLOCK_ITEM}${rest}`);
    expect(parsed()[0]).toBeLessThan(1_000);
  });

  it('keeps CRLF line breaks and a missing final line break', () => {
    const text = `${HEAD}${blockRecords(300)}`.replaceAll('\n', '\r\n').replace(/\r\n$/, '');
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${text}\r\n${BLOCK_ITEM.replaceAll('\n', '\r\n')}`);
    expect(parsed()[0]).toBeLessThan(1_000);
  });

  it('keeps a list without indentation', () => {
    const text = `${HEAD}${blockRecords(300).replace(/^ {2}/gm, '')}`;
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${text}${BLOCK_ITEM.replace(/^ {2}/gm, '')}`);
    expect(parsed()[0]).toBeLessThan(1_000);
  });

  it('an alias to an anchor before the tail: the whole file is parsed, and the edit is the same', () => {
    const text = `${HEAD}  - &first\n    id: inc-2019-01-01-0\n    date: 2019-01-01\n    category: theft\n${blockRecords(300)}  - *first\n`;
    // The list ends with the same record twice, so the ids repeat: the edit itself is fine.
    expect(appendRecord(text, 'incidents', RECORD).text).toBe(`${text}${BLOCK_ITEM}`);
    expect(parsed().at(-1)).toBe(text.length);
  });
});

describe('appendRecords on a long list', () => {
  const many = (count: number, extra: (i: number) => Record<string, unknown> = () => ({})) =>
    Array.from({ length: count }, (_, i) => ({ id: `inc-2020-04-01-${i + 1}`, date: '2020-04-01', category: 'theft', ...extra(i) }));
  const oneByOne = (text: string, records: readonly Record<string, unknown>[]) =>
    records.reduce((t, r) => appendRecord(t, 'incidents', r).text, text);

  it('writes what appendRecord writes one by one, parsing only the first few windows', () => {
    const rest = '  # sidst\n\n# Aktiviteter\nactivities: []\n';
    for (const text of [
      `${HEAD}${blockRecords(300)}${rest}`,
      `${HEAD}${blockRecords(300, () => '\n')}${rest}`,
      `${HEAD}${oneLineRecords(300)}${rest}`,
      `${HEAD}${blockRecords(300)}`.replaceAll('\n', '\r\n'),
    ]) {
      const records = many(200, (i) => (i % 3 === 0 ? { zone: 'Blok 1-4', count: i } : {}));
      const expected = oneByOne(text, records);
      vi.mocked(yaml.parseDocument).mockClear();
      expect(appendRecords(text, 'incidents', records)).toEqual({ text: expected, index: 300 });
      // The first record's window and the few that settle the style; then none.
      expect(parsed().length).toBeLessThan(10);
    }
  });

  it('a record that does not fit on one line among one-line records opens the window again', () => {
    const text = `${HEAD}${oneLineRecords(300)}`;
    const records = many(60, (i) => (i === 30 ? { summary: 'To linjer\nher' } : {}));
    const expected = oneByOne(text, records);
    // One-line records, then a block record, then block records (the list is not all one-line any more).
    expect(expected).toContain('  - { id: inc-2020-04-01-30, date: 2020-04-01, category: theft }\n  - id: inc-2020-04-01-31\n');
    expect(expected).toContain('  - id: inc-2020-04-01-32\n');
    vi.mocked(yaml.parseDocument).mockClear();
    expect(appendRecords(text, 'incidents', records).text).toBe(expected);
    // Not one by one from there: the window settles again.
    expect(parsed().length).toBeLessThan(20);
  });
});
