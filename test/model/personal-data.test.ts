import { describe, expect, it } from 'vitest';
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
