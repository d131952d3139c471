import { describe, expect, it } from 'vitest';
import { alignMarkdownTables } from '../../src/render/markdown-tables.js';

describe('alignMarkdownTables', () => {
  it('pads every column to its widest cell, right-aligning ---: columns', () => {
    const input = ['| Kategori | Antal |', '| --- | ---: |', '| Vold | 5 |', '| Tyveri af og fra køretøjer | 12 |'].join('\n');
    expect(alignMarkdownTables(input)).toBe(
      [
        '| Kategori                   | Antal |',
        '| -------------------------- | ----: |',
        '| Vold                       |     5 |',
        '| Tyveri af og fra køretøjer |    12 |',
      ].join('\n'),
    );
  });

  it('keeps an escaped pipe inside its cell and counts æøå and arrows as one character', () => {
    const input = ['| a | b |', '| --- | --- |', '| x \\| y | ▼ −5 (−71 %) |', '| æøå | ● ±0 |'].join('\n');
    expect(alignMarkdownTables(input)).toBe(
      ['| a      | b            |', '| ------ | ------------ |', '| x \\| y | ▼ −5 (−71 %) |', '| æøå    | ● ±0         |'].join('\n'),
    );
  });

  it('leaves text that is not a table alone, including lines with pipes and tables around it', () => {
    const input = ['Text | with a pipe', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', '|not a table|'].join('\n');
    expect(alignMarkdownTables(input)).toBe(
      ['Text | with a pipe', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', '|not a table|'].join('\n'),
    );
  });
});
