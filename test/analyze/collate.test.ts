import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareDanish } from '../../src/analyze/collate.js';

describe('compareDanish', () => {
  it.each([
    ['skole', 'SSP'],
    ['boligselskab', 'civile forebyggere'],
    ['Zealand', 'Aarhus'], // aa is å
    ['zebra', 'ærø'], // æ, ø, å after z
    ['ærø', 'øst'],
    ['øst', 'år'],
    ['Kommune', 'kommune'], // upper case first
    ['a b', 'ab'], // punctuation and spaces count
    ['klub', 'klubben'],
    ['Ålborg', 'Aalborg'], // å written as one letter before aa
    ['Élise', 'Emil'], // é sorts as e
  ])('%s before %s', (a, b) => {
    expect(compareDanish(a, b)).toBe(-1);
    expect(compareDanish(b, a)).toBe(1);
  });

  it('gives 0 for the same text', () => {
    expect(compareDanish('Boligselskabet Øst', 'Boligselskabet Øst')).toBe(0);
  });

  it('sorts a list of partner names as a Danish reader expects', () => {
    expect(['Østerbro Lokaludvalg', 'Aarhus Kommune', 'boligselskab', 'Zealand', 'Ærø', 'SSP', 'Ålborg'].sort(compareDanish)).toEqual([
      'boligselskab',
      'SSP',
      'Zealand',
      'Ærø',
      'Østerbro Lokaludvalg',
      'Ålborg',
      'Aarhus Kommune',
    ]);
  });
});

describe('compareCodePoints', () => {
  it('orders ISO dates by time and ids by code point', () => {
    expect(['2020-03-01', '2019-12-31', '2020-01-15'].sort(compareCodePoints)).toEqual(['2019-12-31', '2020-01-15', '2020-03-01']);
    expect(['b-2', 'B-1', 'a.1', 'a_1'].sort(compareCodePoints)).toEqual(['B-1', 'a.1', 'a_1', 'b-2']);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });
});
