import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAY_HOLD_NAME, MAY_HOLD_PERSONAL_DATA } from '../../src/load/rules.js';
import GIVEN_NAMES from '../../src/model/given-names.json' with { type: 'json' };
import { findPersonalData, findPossibleNames } from '../../src/model/personal-data.js';

describe('findPersonalData', () => {
  it.each([
    // CPR numbers: a real date, with or without the dash
    ['Borger 010190-1234 henvendte sig', ['cpr']],
    ['cpr 0101901234', ['cpr']],
    ['290200-1234', ['cpr']], // 29 Feb 2000
    ['290201-1234', []], // no 29 Feb in 1901 or 2001
    ['320190-1234', []], // no 32nd
    ['011390-1234', []], // no 13th month
    ['sagsnr 0100-12345-00123-19', []], // a case number is not a CPR number
    // Danish phone numbers
    ['ring 22334455', ['phone']],
    ['ring 22 33 44 55', ['phone']],
    ['ring 2233 4455', ['phone']],
    ['ring +45 22334455', ['phone']],
    ['ring +4522334455', ['phone']],
    ['ring 0045 22 33 44 55', ['phone']],
    ['ring 12345678', []], // starts with 1
    ['ring 112 eller 114 eller 1813', []],
    ['konto 123456789', []], // 9 digits: touches another digit
    ['22 33 44 55 66', []], // a longer run of groups
    ['år 2019: 5 sager, 2020: 3 sager', []],
    ['den 2020-03-31', []],
    // e-mail addresses
    ['skriv til navn.efternavn@example.dk', ['email']],
    ['politi@', []],
    // several at once, each reported once
    ['010190-1234, 22334455 og a@b.dk og 33445566', ['cpr', 'phone', 'email']],
    ['Ring 22334455 om Ruten 12, 2. th', ['phone', 'address']],
  ])('%j → %j', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });
});

describe('findPersonalData: street addresses', () => {
  it.each([
    // any word, a house number and a floor with a side (or "N. sal", or a postcode and town): one dwelling
    'Ruten 12, 2. th',
    'Min nabo i Ruten 12, 2. th sælger hash',
    'ruten 12, 2.th',
    'Nørrebrogade 12, 3. tv.',
    'Algade 10 1.sal',
    'Algade 10, 1. sal',
    'Toften 7, st. mf',
    'Toften 7 kld. tv',
    'Ruten 12, 2650 Hvidovre',
    'Blok 5, 2. th', // a flat in a block is one dwelling too
    'Opgang 3, st. tv',
    // a capitalised word, a house number and a floor or a side alone
    'Ved Stranden 3, st.',
    'Ved Stranden 3, stuen',
    'Ruten 12 th',
    'Bor på Ruten 12, 1.',
    'Ruten 12, 1. Han sælger',
    // a street: a compound ending in a street word, or the street word after a capitalised word
    'Vestergade 4B',
    'Vestergade 4b sælger',
    'Tranehøj 12',
    'Lindealle 3',
    'Mjølnerparken 12',
    'Bor i Rosenvænget 5.',
    'H.C. Andersens Boulevard 27',
    'Israels Plads 3',
    'Frederiksberg Allé 12',
    'Frederiksberg Alle\u0301 12', // the accent as a combining mark
    'Ved Skovbrynet og Holmevej 9',
  ])('%j is an address', (text) => {
    expect(findPersonalData(text)).toEqual(['address']);
  });

  it.each([
    // from the issue and the zones users write
    'Blok 5-9',
    'Blok 1-4',
    'Blok 2',
    'Opgang 3',
    'P-plads 2',
    'P-pladser',
    'Cykeltyveri ved Blok 2, anmelder kan træffes på hverdage',
    // numbers that are not house numbers
    '1. kvartal 2020',
    'Politiets Tryghedsundersøgelse 2019',
    'Justitsministeriets Tryghedsundersøgelse 2021',
    'kl. 19',
    'Mødet i Salen 3 kl. 19',
    'hver tirsdag kl. 16-18 i Beboerhuset',
    'uge 12',
    'Uge 12, 1.',
    'Kvartal 3, 1. halvdel',
    '8. klasse',
    'Elever fra 8. klasse',
    '114',
    'Ring 112 eller 114',
    '2 gange',
    'Vestergade 2 gange om ugen',
    'Nørrebrogade 3 timer',
    '§ 61',
    'Straffeloven § 244',
    'Legeplads 1 og Boldplads 2',
    'Brandvej 3',
    'Danmark 2',
    'Vejle 12, 3,5 km', // a capitalised word and a number, but no floor and no street word
    'Vestergade 4-6',
    'Vestergade 3,5',
    'Salen 12/3',
    'Nørrebrogade 12 %',
    'I Gården 2',
    'Alle 3 beboere',
    'Toften 12', // a street without a street word, and nothing after the number: not found (docs/privacy.md)
    'Salen 3, 2 TV-skærme',
  ])('%j is not an address', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('findPossibleNames', () => {
  it.each([
    ['Mødtes med Mette Hansen', ['Mette Hansen']],
    ['Ali Hassan var med', ['Ali Hassan']],
    ['Ali Hassan Mohamed og Fatima Yilmaz kom', ['Ali Hassan Mohamed', 'Fatima Yilmaz']],
    ['Anne-Mette Due', ['Anne-Mette Due']],
    ['Ayşe Kaya og Ayse Kaya', ['Ayşe Kaya', 'Ayse Kaya']],
    ['Rene\u0301 Jensen', ['René Jensen']], // composed before the list is asked
    ['Hodan Abdi Farah', ['Hodan Abdi Farah']],
    ['Muhammad Imran Khan', ['Muhammad Imran Khan']],
    ['Mette Hansen og Mette Hansen', ['Mette Hansen']],
    // not names: a given name alone, lower case, a place, a street, an abbreviation or a numeral
    ['Lokalbetjent Mette', []],
    ['mette hansen', []],
    ['Karen Blixens Plads', []],
    ['Sankt Hans Torv', []],
    ['Peter Bangs Vej', []],
    ['Maria Kirke', []],
    ['Ali SSP', []],
    ['Christian IV', []],
    ['Politiets Tryghedsundersøgelse 2019', []],
    ['Værebro Park', []],
    ['Boligsocial Helhedsplan', []],
    ['Mette. Hansen kom', []],
  ])('%j → %j', (text, names) => {
    expect(findPossibleNames(text)).toEqual(names);
  });

  it('ships a list of at least 200 given names with its sources', () => {
    const names = Object.values(GIVEN_NAMES.names).flat();
    expect(names.length).toBeGreaterThanOrEqual(200);
    expect(new Set(names).size).toBe(names.length);
    expect(GIVEN_NAMES.sources.join(' ')).toContain('Danmarks Statistik');
    for (const name of ['Mette', 'Mohammad', 'Fatima', 'Ayşe', 'Hodan', 'Imran']) expect(names).toContain(name);
    // Names that are also common words are left out (given-names.json says which).
    for (const word of ['Bo', 'Per', 'Ask', 'Storm']) expect(names).not.toContain(word);
  });
});

describe('the quick test before findPersonalData (load/rules.ts)', () => {
  // Text it lets pass unchecked must hold no personal data at all, or the rule would miss some.
  const pieces = fc
    .array(
      fc.constantFrom(
        '22',
        '3',
        '45',
        '0101',
        '90',
        '1234',
        '123',
        '01.01.',
        '/',
        ' ',
        '\u00a0',
        '-',
        '+45',
        '0045',
        '@',
        'a',
        '.dk',
        'x',
        'Ruten',
        'gade',
        'Blok',
        ',',
        '2.',
        'th',
        'st.',
        'sal',
        'B',
        'Allé',
        'e\u0301',
        '.',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));
  it.each([
    ['random text', fc.string({ unit: 'grapheme', maxLength: 40 })],
    ['pieces of numbers and addresses', pieces],
  ])('never skips text that holds personal data: %s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (text) => MAY_HOLD_PERSONAL_DATA.test(text) || findPersonalData(text).length === 0),
      { numRuns: 20_000 },
    );
  });

  it.each([
    '010190-1234',
    '010190 1234',
    '01.01.90-1234',
    'q-0101901234',
    '20 123 456',
    '22334455',
    '22 33 44 55',
    '2233\u00a04455',
    '+45 22334455',
    'a@b.dk',
    'Vestergade 4B',
    'ruten\u00a012, 2. th',
  ])('lets %s through', (text) => {
    expect(MAY_HOLD_PERSONAL_DATA.test(text)).toBe(true);
  });

  it.each(['inc-2019-01-15-1', '2019-01-15', 'Blok A', 'P-pladser', 'En kort, offentlig beskrivelse af hændelsen i én sætning.'])(
    'skips %s',
    (text) => {
      expect(MAY_HOLD_PERSONAL_DATA.test(text)).toBe(false);
    },
  );
});

describe('the quick test before findPossibleNames (load/rules.ts)', () => {
  const words = fc
    .array(
      fc.constantFrom(
        'Mette',
        'Hansen',
        'Ali',
        'Anne-Mette',
        'Ayşe',
        'Rene\u0301',
        'Plads',
        'SSP',
        'mette',
        ' ',
        '\u00a0',
        '-',
        '.',
        'X',
        'ø',
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));
  it.each([
    ['random text', fc.string({ unit: 'grapheme', maxLength: 40 })],
    ['pieces of names', words],
  ])('never skips text that holds a possible name: %s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (text) => MAY_HOLD_NAME.test(text) || findPossibleNames(text).length === 0),
      { numRuns: 20_000 },
    );
  });

  it.each(['inc-2019-01-15-1', 'Blok 1-4', 'En kort, offentlig beskrivelse af hændelsen i én sætning.', 'Politiets tryghedsundersøgelse'])(
    'skips %s',
    (text) => {
      expect(MAY_HOLD_NAME.test(text)).toBe(false);
    },
  );
});
