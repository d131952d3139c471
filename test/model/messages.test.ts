import { describe, expect, it } from 'vitest';
import { expectationText, foundValue, MESSAGE_CODES, messageText, type Params } from '../../src/model/messages.js';

// Parameters every message may name; a template that reads one it was not given shows "undefined".
const PARAMS: Params = {
  detail: 'Map keys must be unique',
  yamlCode: 'DUPLICATE_KEY',
  size: 80,
  max: 64,
  kinds: ['incidents:', 'activities:'],
  found: { kind: 'list' },
  key: 'cout',
  suggestion: 'count',
  expected: { expect: 'whole_range', min: 1, max: 1_000_000 },
  field: 'count',
  char: 'U+0007',
  position: 3,
  choices: ['count', 'date'],
  id: 'x-1',
  count: 4,
  areas: ['a', 'b'],
  zone: 'Blok 5',
  area: 'vaerebro-park',
  zones: ['Blok 1-4'],
  known: ['m-1'],
  kind: 'questions',
  expectedKind: 'meetings',
  status: 'answered',
  answered: '2020-01-01',
  date: '2020-02-01',
  from: '2020-Q2',
  to: '2020-Q1',
  crime: 'true',
  today: '2020-01-15',
  quarters: 2,
  data: ['cpr', 'phone', 'address'],
  names: ['Mette Hansen', 'Ali Hassan'],
  year: 2019,
  column: 'TID',
  want: 'quarter',
  columns: ['OMRÅDE', 'TID'],
  table: 'STRAF11',
  first: 2,
  lix: 52,
};

describe('messages', () => {
  it.each(MESSAGE_CODES.flatMap((code) => [[code, 'da'] as const, [code, 'en'] as const]))('%s has a full %s text', (code, lang) => {
    const text = messageText(code, PARAMS, lang);
    // A {name} left unfilled; a Handlebars {{name}} quoted in a message about templates is meant.
    expect(text.replace(/\{\{[^{}]*\}\}/g, '')).not.toMatch(/undefined|\[object Object\]|\{\w+\}/);
    expect(text.length).toBeGreaterThan(10);
  });

  it('differ between Danish and English for every code', () => {
    const same = MESSAGE_CODES.filter((code) => messageText(code, PARAMS, 'da') === messageText(code, PARAMS, 'en'));
    expect(same).toEqual([]);
  });

  it('explain known yaml errors in words and keep the parser text for others', () => {
    expect(messageText('yaml-syntax', { detail: 'Map keys must be unique', yamlCode: 'DUPLICATE_KEY' }, 'da')).toBe(
      'YAML-syntaksfejl: samme nøgle står to gange i samme post eller mapping (Map keys must be unique)',
    );
    expect(messageText('yaml-syntax', { detail: 'Something odd', yamlCode: 'IMPOSSIBLE' }, 'en')).toBe('YAML syntax error: Something odd');
  });

  it.each([
    [{ expect: 'whole_range', min: 1, max: 1_000_000 } as const, 'da', 'et helt tal fra 1 til 1.000.000'],
    [{ expect: 'number_range', min: -1_000_000, max: 1_000_000 } as const, 'en', 'a number from -1,000,000 to 1,000,000'],
    [{ expect: 'date' } as const, 'en', 'a valid date written YYYY-MM-DD, e.g. 2020-03-31'],
    [{ oneOf: ['police', 'resident', 'patrol'] }, 'da', 'en af police, resident eller patrol'],
    [{ oneOf: ['da', 'en'] }, 'en', 'one of da or en'],
  ] as const)('words the expectation %j in %s', (expectation, lang, text) => {
    expect(expectationText(expectation, lang)).toBe(text);
  });

  it.each([
    [undefined, { kind: 'nothing' }],
    [null, { kind: 'nothing' }],
    ['2020-02-30', { literal: '"2020-02-30"' }],
    [12, { literal: '12' }],
    [false, { literal: 'false' }],
    [[1], { kind: 'list' }],
    [{ a: 1 }, { kind: 'mapping' }],
    ['x'.repeat(100), { literal: `"${'x'.repeat(57)}..."` }],
  ])('shortens the found value %j', (value, found) => {
    expect(foundValue(value)).toEqual(found);
  });
});
