import { describe, expect, it } from 'vitest';
import { choiceNames, namedValue, parseValue } from '../../src/cli/record-input.js';

// src/cli/record-input.ts: values as they are typed at a flag or a prompt (issue 18, item 2;
// docs/data-entry.md#how-values-are-typed).
describe('parseValue', () => {
  it.each([
    ['whole', '6500', 6500],
    ['whole', '6.500', 6500],
    ['whole', '6 500', 6500],
    ['whole', '6\u00a0500', 6500],
    ['whole', '1.000.000', 1_000_000],
    ['whole', '-3', -3],
    ['whole', '6.50', '6.50'],
    ['whole', '2,5', '2,5'],
    ['number', '2,5', 2.5],
    ['number', '2.5', 2.5],
    ['number', ',5', 0.5],
    ['number', '1.234,5', 1234.5],
    ['number', '1 234,5', 1234.5],
    ['number', '2.500', 2500],
    ['number', 'to', 'to'],
    ['date', '2020-02-03', '2020-02-03'],
    ['date', '3.2.2020', '2020-02-03'],
    ['date', '03.02.2020', '2020-02-03'],
    ['date', '3. 2. 2020', '2020-02-03'],
    ['date', '3/2 2020', '2020-02-03'],
    ['date', '3/2/2020', '2020-02-03'],
    ['date', '3-2-2020', '2020-02-03'],
    ['date', '31.2.2020', '2020-02-31'],
    ['date', '3.2.20', '3.2.20'],
    ['time', '19:00', '19:00'],
    ['time', '19.00', '19:00'],
    ['time', '7.30', '07:30'],
    ['time', '"19:00"', '19:00'],
    ['time', "'19:00'", '19:00'],
    ['time', '"19:00', '"19:00'],
    ['time', '7pm', '7pm'],
    ['list', 'a, b,,c ', ['a', 'b', 'c']],
    ['text', '  x  ', 'x'],
    ['text', '', undefined],
  ] as const)('%s %j → %j', (type, raw, expected) => {
    expect(parseValue(type, raw)).toEqual(expected);
  });
});

describe('namedValue', () => {
  const sources = choiceNames('source');
  it('takes an id or a label of either language, in any case', () => {
    expect(namedValue('da', '--source', 'resident', sources)).toBe('resident');
    expect(namedValue('da', '--source', 'Beboer', sources)).toBe('resident');
    expect(namedValue('da', '--source', 'RESIDENT', sources)).toBe('resident');
    expect(namedValue('da', '--source', 'politiet (anmeldelse)', sources)).toBe('police');
    expect(namedValue('da', '--kind', 'Tryghedsvandringer', choiceNames('activity_kind'))).toBe('safety_walk');
  });

  it('refuses anything else as a usage error naming the flag, the values and the nearest one', () => {
    expect(() => namedValue('da', '--source', 'beboeer', sources)).toThrow(
      '--source: forventede en af police, resident, patrol eller other, fandt "beboeer" (mente du "resident"?)',
    );
    expect(() => namedValue('en', '--kind', 'school', choiceNames('activity_kind'))).toThrow('(did you mean "school_visit"?)');
    expect(() => namedValue('en', '--source', 'xyzzy', sources)).toThrow(/found "xyzzy"$/);
  });
});
