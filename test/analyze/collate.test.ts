import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareDanish } from '../../src/analyze/collate.js';

const icu = (a: string, b: string) => Math.sign(a.localeCompare(b, 'da'));

// The characters the fast path knows, and some it does not (so the fallback is exercised too).
const known = [...' _-\u2013,:.\'()/&0123456789abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ'];
const other = [...'éÉäöüÄÖÜ+;!?"@#%*ñ\u00a0'];
const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((list) => list.join(''));
// Strings that share a start, so that the order is decided by case, length or a late character.
const pair = (chars: string[]) => fc.tuple(text(chars), text(chars), text(chars)).map(([common, a, b]) => [common + a, common + b] as const);

describe('compareDanish', () => {
  it('orders as ICU does for Danish on text of the characters it knows', () => {
    fc.assert(
      fc.property(pair(known), ([a, b]) => {
        expect(compareDanish(a, b)).toBe(icu(a, b));
      }),
      { numRuns: 30_000 },
    );
  });

  it('orders as ICU does with any other character in the text (handed to ICU)', () => {
    fc.assert(
      fc.property(pair([...known, ...other]), ([a, b]) => {
        expect(compareDanish(a, b)).toBe(icu(a, b));
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['skole', 'SSP'],
    ['boligselskab', 'civile forebyggere'],
    ['Zealand', 'Aarhus'], // aa is å
    ['zebra', 'ærø'],
    ['ærø', 'øst'],
    ['øst', 'år'],
    ['Kommune', 'kommune'], // upper case first
    ['a b', 'ab'],
    ['klub', 'klubben'],
  ])('%s before %s', (a, b) => {
    expect(compareDanish(a, b)).toBe(-1);
    expect(compareDanish(b, a)).toBe(1);
  });
});

describe('compareCodePoints', () => {
  it('orders ISO dates by time and ids by code point', () => {
    expect(['2020-03-01', '2019-12-31', '2020-01-15'].sort(compareCodePoints)).toEqual(['2019-12-31', '2020-01-15', '2020-03-01']);
    expect(['b-2', 'B-1', 'a.1', 'a_1'].sort(compareCodePoints)).toEqual(['B-1', 'a.1', 'a_1', 'b-2']);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });
});
