import { describe, expect, it } from 'vitest';
import { findPersonalDataIn, findPersonalDataInSettings, needsReaderForms } from '../../src/load/rules.js';
import { PlacedRecord } from '../../src/model/dataset.js';
import type { Finding } from '../../src/model/finding.js';
import fc from 'fast-check';
import { findPersonalData, foldText, MAY_FOLD, MAY_READ_OTHERWISE } from '../../src/model/personal-data.js';
import type { Settings } from '../../src/model/schema.js';
import { readerForms } from '../../src/model/reader-text.js';

// Personal data disguised so that the source text hides it and the reader sees it (issue 15 item
// 1), and the groupings a person writes: each is found in the text as written or as a reader sees
// it (model/reader-text.ts), and what merely looks like it (dates, the project's ids, money,
// years, the short numbers) is not.

/** The kinds findPersonalDataIn finds in a public text (an incident's summary), with the reader's forms as check-file.ts gives them. */
function kindsSeen(text: string): string[] {
  const findings: Finding[] = [];
  findPersonalDataIn(new PlacedRecord('incidents', 'x.yaml', 0, { id: 'inc-2020-01-01-1', summary: text }), findings, readerForms);
  return (findings.find((finding) => finding.code === 'personal-data')?.params.data as string[] | undefined) ?? [];
}

describe('personal data disguised to render the same', () => {
  it.each([
    ['CPR 010190&#45;1234', ['cpr']], // a numeric entity for the dash
    ['CPR 010190&#x2D;1234', ['cpr']],
    ['CPR 010190&hyphen;1234', ['cpr']], // a named one (U+2010, read as a dash)
    ['CPR 010190\\-1234', ['cpr']], // a Markdown escape
    ['CPR 0101**90**-1234', ['cpr']], // emphasis inside the number
    ['CPR 0101~~90~~-1234', ['cpr']], // struck through, still read
    ['CPR `010190`-1234', ['cpr']], // a code span
    ['CPR [0101](https://example.dk)90-1234', ['cpr']], // a link's text
    ['Ring 2012&#51;456', ['phone']], // &#51; is "3"
    ['Ring 22&nbsp;33&nbsp;44&nbsp;55', ['phone']],
    ['Ring 2233\u20114455', []], // a non-breaking hyphen: 4-4 with a dash is no grouping of ours
    ['Ring 22\u200b33\u200b44\u200b55', ['phone']], // zero-width spaces, invisible
    ['Ring ２２３３４４５５', ['phone']], // full-width digits
    ['CPR 010190\u00ad-1234', ['cpr']], // a soft hyphen
    ['Skriv til navn&#64;example.dk', ['email']],
    ['Skriv til navn&commat;example.dk', ['email']],
    ['[skriv](mailto:navn%40example.dk)', ['email']], // a percent-encoded e-mail in a link target
    ['<mailto:navn%40example.dk>', ['email']],
    ['[skriv](mailto:navn%2540example.dk)', ['email']], // encoded twice
    ['[mere](https://example.dk/?cpr=0101901234)', ['cpr']], // in a link target only
    ['[mere](https://example.dk/ "ring 22334455")', ['phone']], // in a link title
    ['[mere](https://example.dk/%3Fcpr%3D010190-1234)', ['cpr']],
  ])('%j → %j', (text, kinds) => {
    expect(kindsSeen(text)).toEqual(kinds);
  });

  it('needs marked only for Markdown, entities and percent-encoding; Unicode is folded without it', () => {
    expect(MAY_READ_OTHERWISE.test('Tryghed – Værebro Park, “tryg” 2020')).toBe(false);
    expect(MAY_READ_OTHERWISE.test('Politi & kommune, <5 sager')).toBe(false);
    expect(needsReaderForms(new PlacedRecord('incidents', 'x.yaml', 0, { id: 'i', summary: 'Ring ２２３３４４５５' }))).toBe(false);
    const findings: Finding[] = [];
    findPersonalDataIn(new PlacedRecord('incidents', 'x.yaml', 0, { id: 'i', summary: 'Ring ２２３３４４５５' }), findings);
    expect(findings).toMatchObject([{ params: { data: ['phone'] } }]);
    expect(foldText('010190\u2011\u200b1234')).toBe('010190-1234');
  });

  it('finds nothing in the reader forms of a text the quick test lets pass that the text and its folding do not hold', () => {
    // check-file.ts loads marked only for a text MAY_READ_OTHERWISE matches; the others must read as written.
    const pieces = fc
      .array(
        fc.constantFrom(
          '0101',
          '90',
          '-',
          '1234',
          '22',
          '33',
          ' ',
          '&',
          '& ',
          '#',
          '45',
          ';',
          '@',
          'navn',
          'example.dk',
          '.',
          '(',
          ')',
          ']',
          '>',
          '%',
          '4',
          '0',
          ':',
          'mailto',
          'https://x.dk/',
          '!',
          'www.',
          '\u00a0',
          '\u2011',
          '–',
          '|',
          '<',
          '<5',
          'b>',
          'em>',
        ),
        { maxLength: 14 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(pieces, (text) => {
        if (MAY_READ_OTHERWISE.test(text)) return true;
        const plain = new Set([text, foldText(text)].flatMap((form) => findPersonalData(form)));
        return readerForms(text).every((form) => findPersonalData(form).every((kind) => plain.has(kind)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('folds only what MAY_FOLD lets through: folding any other text reveals no CPR number, phone number or e-mail address', () => {
    const pieces = fc
      .array(
        fc.oneof(
          fc.constantFrom('0101', '90', '-', '1234', '22', '33', ' ', '@', 'navn', '.dk', 'ª', 'µ', '¨', '´', 'æ', 'é', '·', '×'),
          fc.string({ unit: 'grapheme', maxLength: 3 }),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(pieces, (text) => {
        if (MAY_FOLD.test(text)) return true;
        const plain = new Set(findPersonalData(text));
        return findPersonalData(foldText(text), { addresses: false }).every((kind) => plain.has(kind));
      }),
      { numRuns: 10_000 },
    );
    for (const text of ['２２３３４４５５', '010190\u20131234', '22\u200b33\u200b44\u200b55', '¹²³⁴⁵⁶⁷⁸', 'navn＠example.dk'])
      expect(MAY_FOLD.test(text), text).toBe(true);
  });

  it('gives the text the reader sees, and the decoded link target', () => {
    expect(readerForms('0101**90**-1234')).toContain('010190-1234');
    expect(readerForms('[skriv](mailto:navn%40example.dk)')).toEqual(expect.arrayContaining(['skriv', 'mailto:navn@example.dk']));
    expect(readerForms('A &amp; B')).toContain('A & B');
  });
});

describe('other groupings', () => {
  it.each([
    ['CPR 010190 1234', ['cpr']],
    ['CPR 010190\u00a01234', ['cpr']],
    ['født 01.01.90-1234', ['cpr']],
    ['01-01-90-1234', ['cpr']],
    ['01/01/90-1234', ['cpr']],
    ['Sag-010190-1234', ['cpr']],
    ['q-0101901234', ['cpr']], // a CPR number after a hyphen, as in an id
    ['q-0101901234-1', ['cpr']],
    ['inc-010190-1234', ['cpr']],
    ['Ring 20 123 456', ['phone']],
    ['Ring +45 20 123 456', ['phone']],
  ])('%j → %j', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });
});

describe('false positives: not personal data', () => {
  it.each([
    // dates
    '2020-03-31',
    '31.03.2020',
    '31.03.20',
    'fra 01.01.20 til 31.03.20',
    '1. kvartal 2020',
    'mødet 12/3 2020 kl. 19',
    // ids of the project's own form
    'inc-2020-01-31-1',
    'inc-2020-01-31-1234',
    'mtg-2020-01-22',
    'q-2020-03-10-12',
    'act-2019-12-31-3',
    // money
    '20 123 456 kr.',
    'kr. 20 123 456',
    'budget 25000000 kr',
    'DKK 22334455',
    '22334455,-',
    '1.234.567 kr.',
    '2.500.000',
    // years and counts
    '2019-2020',
    '2019/20',
    'i 2019 2020 og 2021',
    '1990-1994',
    "1990'erne",
    '12 345 beboere', // 2-3 is no phone grouping
    // the short numbers
    'ring 112',
    'ring 114',
    'ring 1813',
    // account numbers: a registration number and an account are one run of digit groups
    'konto 1234 0101901234',
    'konto 1234-0101901234',
  ])('%j', (text) => {
    expect(kindsSeen(text)).toEqual([]);
  });

  it('reads ordinary Markdown and entities as their text, finding nothing', () => {
    for (const text of [
      'Politi **og** kommune &amp; boligselskab',
      'Se [siden](https://example.dk/2020/03/31)',
      'Tryghed – Værebro Park',
      '*Foreløbige* tal for 2020',
    ]) {
      expect(kindsSeen(text), text).toEqual([]);
    }
  });
});

describe('where it is looked for', () => {
  it('an id is a public text of the record', () => {
    const findings: Finding[] = [];
    findPersonalDataIn(new PlacedRecord('questions', 'q.yaml', 0, { id: 'q-0101901234', question: 'Hvad nu?' }), findings);
    expect(findings).toMatchObject([
      { file: 'q.yaml', path: ['questions', 0, 'id'], code: 'personal-data', params: { field: 'id', data: ['cpr'] } },
    ]);
  });

  it('every public text of the settings, at its path; never the contacts or the reviewed names', () => {
    const settings = {
      title: 'Tryghed, ring 22334455',
      language: 'da',
      areas: [
        {
          id: 'testparken',
          name: 'Testparken 010190-1234',
          municipality: 'Kommune a@b.dk',
          police_district: 'Politi 20 123 456',
          zones: ['Blok 1', 'Ruten 12, 2. th'],
        },
      ],
      categories: [
        {
          id: 'theft',
          da: 'Tyveri 2012&#51;456',
          breaks: [{ date: '2020-01-01', note: 'Ny opgørelse, spørg [os](mailto:navn%40example.dk)' }],
        },
      ],
      privacy: { min_count: 5, reviewed_names: ['Navn 22334455'] },
      meeting: { place: 'Ruten 12, 2. th' },
      contacts: [{ role: 'Lokalbetjent', name: 'Navn Navnesen', phone: '22 33 44 55', email: 'navn@example.dk' }],
    } as unknown as Settings;
    const findings: Finding[] = [];
    findPersonalDataInSettings(settings, findings, readerForms);
    expect(findings.map((f) => [f.file, f.path, f.params.field, f.params.data])).toEqual([
      ['borgermode.yaml', ['title'], 'title', ['phone']],
      ['borgermode.yaml', ['areas', 0, 'name'], 'areas[0].name', ['cpr']],
      ['borgermode.yaml', ['areas', 0, 'municipality'], 'areas[0].municipality', ['email']],
      ['borgermode.yaml', ['areas', 0, 'police_district'], 'areas[0].police_district', ['phone']],
      ['borgermode.yaml', ['areas', 0, 'zones', 1], 'areas[0].zones[1]', ['address']],
      ['borgermode.yaml', ['categories', 0, 'da'], 'categories[0].da', ['phone']],
      ['borgermode.yaml', ['categories', 0, 'breaks', 0, 'note'], 'categories[0].breaks[0].note', ['email']],
      ['borgermode.yaml', ['meeting', 'place'], 'meeting.place', ['address']],
    ]);
  });
});
