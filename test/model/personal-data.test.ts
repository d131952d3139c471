import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAY_HOLD_PERSONAL_DATA } from '../../src/load/rules.js';
import { findPersonalData } from '../../src/model/personal-data.js';

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
  ])('%j → %j', (text, kinds) => {
    expect(findPersonalData(text)).toEqual(kinds);
  });
});

describe('the quick test before findPersonalData (load/rules.ts)', () => {
  // Text it lets pass unchecked must hold no personal data at all, or the rule would miss some.
  const pieces = fc.array(fc.constantFrom('22', '3', '45', '0101', '90', '1234', ' ', '\u00a0', '-', '+45', '0045', '@', 'a', '.dk', 'x'), { maxLength: 12 }).map((parts) => parts.join(''));
  it.each([
    ['random text', fc.string({ unit: 'grapheme', maxLength: 40 })],
    ['pieces of numbers and addresses', pieces],
  ])('never skips text that holds personal data: %s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (text) => MAY_HOLD_PERSONAL_DATA.test(text) || findPersonalData(text).length === 0),
      { numRuns: 20_000 },
    );
  });

  it.each(['010190-1234', '22334455', '22 33 44 55', '2233\u00a04455', '+45 22334455', 'a@b.dk'])('lets %s through', (text) => {
    expect(MAY_HOLD_PERSONAL_DATA.test(text)).toBe(true);
  });

  it.each(['inc-2019-01-15-1', '2019-01-15', 'Blok 1-4', 'år 2019: 5 sager'])('skips %s', (text) => {
    expect(MAY_HOLD_PERSONAL_DATA.test(text)).toBe(false);
  });
});
