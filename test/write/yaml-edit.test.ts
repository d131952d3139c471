import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { appendRecord, formatFlowValue, newRecordFile, setRecordFields, YamlEditError } from '../../src/write/yaml-edit.js';

// The edits of add and answer: the original text must survive byte for byte, with only new text
// inserted (or, for answer, only the values that change replaced), and the result must read back
// as the old data plus the change.

const read = (text: string) => jsYaml.load(text.replace(/^\uFEFF/, ''), { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown[]> | null;

/** The texts inserted into `before` to make `after`, when `after` is `before` with insertions only; else undefined. */
function insertions(before: string, after: string): string[] | undefined {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (prefix + suffix === before.length) return [after.slice(prefix, after.length - suffix)];
  // Two insertions: the middle of `before` sits somewhere inside the middle of `after`.
  const middle = before.slice(prefix, before.length - suffix);
  const inner = after.slice(prefix, after.length - suffix);
  const at = inner.indexOf(middle);
  return at < 0 ? undefined : [inner.slice(0, at), inner.slice(at + middle.length)].filter((s) => s !== '');
}

const INCIDENT = {
  id: 'inc-2020-04-01-1',
  date: '2020-04-01',
  category: 'theft',
  count: 2,
  zone: 'Blok 1-4',
  summary: 'Cykel stjålet: "rød" # ikke låst',
};

interface Case {
  name: string;
  text: string;
  kind?: string;
  record?: Record<string, unknown>;
  /** The lines the new record must be written as (joined with the file's line break). */
  inserted?: string;
  /** How many separate places receive text (1 unless said). */
  places?: number;
}

const cases: Case[] = [
  {
    name: 'block list with blank lines between records, a trailing comment at record level',
    text: 'incidents:\n\n  - id: a\n    date: 2020-01-01\n    category: theft\n\n  - id: b\n    date: 2020-01-02\n    category: theft\n    # status: reported (record b)\n# the end\n',
    inserted:
      '\n  - id: inc-2020-04-01-1\n    date: 2020-04-01\n    category: theft\n    count: 2\n    zone: Blok 1-4\n    summary: \'Cykel stjålet: "rød" # ikke låst\'\n',
  },
  {
    name: 'odd indentation: four spaces and "-   "',
    text: "incidents:\n    -   id: a\n        date:    2020-01-01   # spaces\n        category: 'theft'\n",
    record: { id: 'b', date: '2020-01-02', category: 'drugs' },
    inserted: '    -   id: b\n        date: 2020-01-02\n        category: drugs\n',
  },
  {
    name: 'indentless list',
    text: 'activities:\n- id: a\n  date: 2020-01-01\n  kind: patrol\n  title: T\n',
    kind: 'activities',
    record: {
      id: 'b',
      date: '2020-01-02',
      kind: 'patrol',
      title: 'Fodpatrulje, aften',
      partners: ['helhedsplan', 'SSP, skole'],
      hours: 1.5,
    },
    inserted:
      '- id: b\n  date: 2020-01-02\n  kind: patrol\n  title: Fodpatrulje, aften\n  partners: [helhedsplan, "SSP, skole"]\n  hours: 1.5\n',
  },
  {
    name: 'a list of one-line flow records gets a one-line flow record',
    text: 'incidents:\n  - { id: a, date: 2020-01-01, category: theft }\n  - {id: b, date: 2020-01-02, category: theft}  # b\n',
    record: { id: 'c', date: '2020-01-03', category: 'theft', count: 4 },
    inserted: '  - { id: c, date: 2020-01-03, category: theft, count: 4 }\n',
  },
  {
    name: 'block records after one-line records: blank line as between the block records',
    text: 'incidents:\n  - id: a\n    date: 2020-01-01\n    category: theft\n\n  - { id: b, date: 2020-01-02, category: theft }\n  - { id: c, date: 2020-01-02, category: theft }\n',
    record: { id: 'd', date: '2020-01-03', category: 'theft', summary: 'Tekst' },
    inserted: '\n  - id: d\n    date: 2020-01-03\n    category: theft\n    summary: Tekst\n',
  },
  {
    name: 'last record ends in a block scalar',
    text: 'questions:\n  - id: q1\n    date: 2020-01-01\n    question: |\n      Hvad med lyset?\n      Og stien?\n',
    kind: 'questions',
    record: { id: 'q2', date: '2020-01-02', question: 'Hvornår?' },
    inserted: '  - id: q2\n    date: 2020-01-02\n    question: Hvornår?\n',
  },
  {
    name: 'no line break at the end of the file',
    text: 'meetings:\n  - id: m1\n    date: 2020-01-01\n    time: "19:00"',
    kind: 'meetings',
    record: { id: 'm2', date: '2020-04-01', time: '19:30', place: 'Fælleshuset' },
    inserted: '\n  - id: m2\n    date: 2020-04-01\n    time: "19:30"\n    place: Fælleshuset\n',
  },
  {
    name: 'another kind follows in the same file',
    text: '# two kinds\nincidents:\n  - id: a\n    date: 2020-01-01\n    category: theft\nactivities:\n  - id: b\n    date: 2020-01-01\n    kind: patrol\n    title: T\n',
    record: { id: 'c', date: '2020-01-02', category: 'arson' },
    inserted: '  - id: c\n    date: 2020-01-02\n    category: arson\n',
  },
  {
    name: 'flow list, one record per line, comment after the last',
    text: 'meetings: [\n  { id: m1, date: 2020-01-22 },\n  { id: m2, date: 2020-04-22 }   # next\n]\n',
    kind: 'meetings',
    record: { id: 'm3', date: '2020-08-26', time: '19:00' },
    places: 2,
  },
  {
    name: 'flow list on one line',
    text: 'incidents: [{id: a, date: 2020-01-01, category: theft}]   # c\n',
    record: { id: 'b', date: '2020-01-02', category: 'theft' },
  },
  {
    name: 'empty flow list',
    text: 'incidents: []\n',
  },
  {
    name: 'empty kind with commented examples under it',
    text: 'incidents:   # none yet\n  # - id: example\nactivities:\n    -   id: a\n        date: 2020-01-01\n        kind: patrol\n        title: T\n',
    inserted:
      '    -   id: inc-2020-04-01-1\n        date: 2020-04-01\n        category: theft\n        count: 2\n        zone: Blok 1-4\n        summary: \'Cykel stjålet: "rød" # ikke låst\'\n',
  },
  {
    name: 'the kind is new to the file',
    text: '# only activities\nactivities:\n  - id: a\n    date: 2020-01-01\n    kind: patrol\n    title: T\n',
  },
  {
    name: 'a file of comments only',
    text: '# yaml-language-server: $schema=x.json\n# nothing yet\n',
  },
  {
    name: 'document start marker and Danish text everywhere',
    text: '---\n# Hændelser på Ærøvej og i Østergården\nincidents:\n  - id: æ1\n    date: 2020-01-01\n    category: theft\n    zone: "Gården"\n    summary: \'Cykel fra "Åbakken"\'\n',
    record: { id: 'ø2', date: '2020-01-02', category: 'theft', zone: 'Gården', summary: 'Knallert på stien ved Ålegården' },
  },
];

const variants = (c: Case) => [
  { label: 'LF', text: c.text },
  { label: 'CRLF', text: c.text.replace(/\n/g, '\r\n') },
  { label: 'BOM + CRLF', text: `\uFEFF${c.text.replace(/\n/g, '\r\n')}` },
];

describe('appendRecord', () => {
  for (const c of cases) {
    for (const variant of variants(c)) {
      it(`${c.name} (${variant.label})`, () => {
        const kind = c.kind ?? 'incidents';
        const record = c.record ?? INCIDENT;
        const { text, index } = appendRecord(variant.text, kind, record);
        const added = insertions(variant.text, text);
        expect(added, 'only insertions').toBeDefined();
        expect(added!.length).toBe(c.places ?? 1);
        const eol = variant.label === 'LF' ? '\n' : '\r\n';
        // Where an insertion starts can be ambiguous (it may begin with the same spaces as what follows); its text is not.
        if (c.inserted !== undefined) {
          expect(text).toContain(c.inserted.replace(/\n/g, eol));
          expect(added!.join('').length).toBe(c.inserted.replace(/\n/g, eol).length);
        }
        // Nothing of the other line-break style sneaks in.
        if (eol === '\r\n') expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        const before = read(variant.text) ?? {};
        const after = read(text)!;
        expect(after).toEqual({ ...before, [kind]: [...((before[kind] as unknown[] | null) ?? []), record] });
        expect(index).toBe(((before[kind] as unknown[] | null) ?? []).length);
      });
    }
  }

  it('refuses a file with a YAML error, and a top level that is not a block mapping', () => {
    expect(() => appendRecord('incidents:\n  - id: a\n   date: x\n', 'incidents', INCIDENT)).toThrow(YamlEditError);
    expect(() => appendRecord('{incidents: []}\n', 'incidents', INCIDENT)).toThrow(/block mapping/);
    expect(() => appendRecord('incidents: 3\n', 'incidents', INCIDENT)).toThrow(expect.objectContaining({ reason: 'not-a-list' }));
  });
});

describe('newRecordFile', () => {
  it('writes the modeline, the kind and the record, with a quoted time', () => {
    expect(
      newRecordFile('meetings', { id: 'mtg-2021-01-01', date: '2021-01-01', time: '19:00' }, '# yaml-language-server: $schema=../s.json'),
    ).toBe('# yaml-language-server: $schema=../s.json\nmeetings:\n  - id: mtg-2021-01-01\n    date: 2021-01-01\n    time: "19:00"\n');
  });
});

describe('setRecordFields', () => {
  const text = [
    '# spørgsmål',
    'questions:',
    '  - id: q1',
    '    date: 2020-01-01',
    '    question: Hvad?   # kort',
    '    answer: |',
    '      gammelt',
    '      svar',
    '    status: open  # endnu ikke',
    '',
    '  - { id: q2, date: 2020-01-01, question: "x, y", rumour: true }',
    '  - id: q3',
    '    date: 2020-01-01',
    '    question: Hvornår?',
    '    answer:',
    '',
  ].join('\n');

  it('replaces values where they stand and adds new fields after the last one', () => {
    const out = setRecordFields(text, 'questions', 0, { status: 'answered', answer: 'Nyt: svar', answered: '2020-02-01' });
    expect(out).toBe(
      text.replace(
        '    answer: |\n      gammelt\n      svar\n    status: open  # endnu ikke\n',
        '    answer: "Nyt: svar"\n    status: answered  # endnu ikke\n    answered: 2020-02-01\n',
      ),
    );
  });

  it('edits a one-line flow record in flow style', () => {
    const out = setRecordFields(text, 'questions', 1, {
      status: 'closed',
      answer: 'Nej, det passer ikke.',
      answered: '2020-02-01',
      verdict: 'dispelled',
    });
    expect(out).toBe(
      text.replace(
        'rumour: true }',
        'rumour: true, status: closed, answer: "Nej, det passer ikke.", answered: 2020-02-01, verdict: dispelled }',
      ),
    );
  });

  it('fills an empty value after its colon', () => {
    const out = setRecordFields(text, 'questions', 2, { answer: 'Snart.', answered: '2020-02-01' });
    expect(out).toBe(text.replace('    answer:\n', '    answer: Snart.\n    answered: 2020-02-01\n'));
  });

  it('keeps CRLF line breaks, also in a new multi-line value', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const out = setRecordFields(crlf, 'questions', 2, { answer: 'To\nlinjer', answered: '2020-02-01' });
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect((read(out)!.questions![2] as Record<string, unknown>).answer).toBe('To\nlinjer');
  });

  it('refuses a record that is not there', () => {
    expect(() => setRecordFields(text, 'questions', 7, { status: 'closed' })).toThrow(/not a record/);
  });
});

describe('formatFlowValue', () => {
  it.each([
    ['Blok 1-4', 'Blok 1-4'],
    ['114', '"114"'],
    ['a, b', '"a, b"'],
    ['Gården', 'Gården'],
    [2600, '2600'],
  ])('%j → %s', (value, expected) => {
    expect(formatFlowValue(value)).toBe(expected);
    expect(jsYaml.load(`[${expected}]`, { schema: jsYaml.CORE_SCHEMA })).toEqual([value]);
  });
});
