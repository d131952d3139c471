import { describe, expect, it } from 'vitest';
import { checkValue } from '../../src/load/check-value.js';
import type { Finding } from '../../src/model/finding.js';
import { isPlainLine, isPlainText, textProblem } from '../../src/model/plain-text.js';
import { ActivitySchema } from '../../src/model/schema.js';

describe('text that stays text (model/plain-text.ts)', () => {
  it.each([
    ['plain Danish', 'Tryghedsvandring i Blok 1-4, ærø', undefined, undefined],
    ['a tab', 'a\tb', { kind: 'control', char: 'U+0009', position: 2 }, undefined],
    ['a line break', 'a\nb', { kind: 'control', char: 'U+000A', position: 2 }, undefined],
    ['a CR', 'a\rb', { kind: 'control', char: 'U+000D', position: 2 }, { kind: 'control', char: 'U+000D', position: 2 }],
    ['NUL', '\0', { kind: 'control', char: 'U+0000', position: 1 }, { kind: 'control', char: 'U+0000', position: 1 }],
    ['ESC', 'x\u001b[2J', { kind: 'control', char: 'U+001B', position: 2 }, { kind: 'control', char: 'U+001B', position: 2 }],
    ['BEL', 'x\u0007', { kind: 'control', char: 'U+0007', position: 2 }, { kind: 'control', char: 'U+0007', position: 2 }],
    ['DEL', '\u007f', { kind: 'control', char: 'U+007F', position: 1 }, { kind: 'control', char: 'U+007F', position: 1 }],
    ['a C1 control', '\u009b2J', { kind: 'control', char: 'U+009B', position: 1 }, { kind: 'control', char: 'U+009B', position: 1 }],
    ['a noncharacter', 'x\ufffe', { kind: 'control', char: 'U+FFFE', position: 2 }, { kind: 'control', char: 'U+FFFE', position: 2 }],
    ['a lone surrogate', 'x\ud800y', { kind: 'control', char: 'U+D800', position: 2 }, { kind: 'control', char: 'U+D800', position: 2 }],
    [
      'an emoji (a surrogate pair), counted as one character',
      '😀\u0007',
      { kind: 'control', char: 'U+0007', position: 2 },
      { kind: 'control', char: 'U+0007', position: 2 },
    ],
    ['a closed isolate', 'a \u2067مرحبا\u2069 b', undefined, undefined],
    ['a closed embedding in a closed isolate', '\u2066a\u202bשלום\u202cb\u2069', undefined, undefined],
    ['direction marks alone', '\u200e\u200f\u061c', undefined, undefined],
    ['an override left open', 'x\u202e evil', { kind: 'bidi', char: 'U+202E', position: 2 }, { kind: 'bidi', char: 'U+202E', position: 2 }],
    ['an isolate left open', '\u2068x', { kind: 'bidi', char: 'U+2068', position: 1 }, { kind: 'bidi', char: 'U+2068', position: 1 }],
    ['a PDF without an embedding', 'x\u202c', { kind: 'bidi', char: 'U+202C', position: 2 }, { kind: 'bidi', char: 'U+202C', position: 2 }],
    [
      'an isolate closed by PDF',
      '\u2067x\u202c',
      { kind: 'bidi', char: 'U+202C', position: 3 },
      { kind: 'bidi', char: 'U+202C', position: 3 },
    ],
    [
      'crossed pairs',
      '\u2067\u202ax\u2069\u202c',
      { kind: 'bidi', char: 'U+2069', position: 4 },
      { kind: 'bidi', char: 'U+2069', position: 4 },
    ],
  ])('%s', (_, text, oneLine, severalLines) => {
    expect(textProblem(text, false)).toEqual(oneLine);
    expect(textProblem(text, true)).toEqual(severalLines);
    expect(isPlainLine(text)).toBe(oneLine === undefined);
    expect(isPlainText(text)).toBe(severalLines === undefined);
  });

  const record = { id: 'act-1', date: '2020-01-10', kind: 'patrol', title: 'Patrulje' };
  const check = (value: Record<string, unknown>) => {
    const findings: Finding[] = [];
    checkValue(ActivitySchema, value, 'a.yaml', ['activities', 0], findings);
    return findings;
  };

  it('checkValue reports control-character with the field, the character and its place in the text', () => {
    expect(check({ ...record, title: 'Pa\u001b]0;x\u0007' })).toEqual([
      {
        file: 'a.yaml',
        path: ['activities', 0, 'title'],
        target: 'value',
        severity: 'error',
        code: 'control-character',
        params: { field: 'title', char: 'U+001B', position: 3, lines: 'one' },
      },
    ]);
    expect(check({ ...record, summary: 'Linje 1\nLinje 2\tog\u202e' })).toMatchObject([
      { code: 'unbalanced-bidi', params: { field: 'summary', char: 'U+202E', position: 19, lines: 'many' } },
    ]);
    expect(check({ ...record, partners: ['ok', 'klub\nskole'] })).toMatchObject([
      { code: 'control-character', path: ['activities', 0, 'partners', 1] },
    ]);
    expect(check({ ...record, summary: 'Linje 1\nLinje 2\tog' })).toEqual([]);
  });
});
