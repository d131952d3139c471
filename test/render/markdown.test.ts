import { describe, expect, it } from 'vitest';
import { renderInlineHtml, renderInlineMarkdown, renderMarkdownCell } from '../../src/render/markdown.js';

describe('renderInlineHtml', () => {
  it.each([
    ['Det er *ikke* narko', 'Det er <em>ikke</em> narko'],
    ['**fed** og `kode`', '<strong>fed</strong> og <code>kode</code>'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a <b onclick="x()">b</b>', 'a &lt;b onclick=&quot;x()&quot;&gt;b&lt;/b&gt;'],
    ['[politi](https://politi.dk)', '<a href="https://politi.dk">politi</a>'],
    ['[skriv](mailto:a@b.dk)', '<a href="mailto:a@b.dk">skriv</a>'],
    ['[farlig](javascript:alert(1))', 'farlig'],
    ['[data](data:text/html,x)', 'data'],
    ['![billede](https://x.dk/y.png)', 'billede'],
    ['to\nlinjer', 'to linjer'],
  ])('%j → %j', (input, expected) => {
    expect(renderInlineHtml(input)).toBe(expected);
  });
});

describe('renderInlineMarkdown', () => {
  it.each([
    ['Det er *ikke* narko', 'Det er *ikke* narko'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[politi](https://politi.dk)', '[politi](https://politi.dk)'],
    ['[farlig](javascript:alert(1)) og mere', 'farlig og mere'],
    ['*[inde](javascript:x)*', '*inde*'],
    ['to\n  linjer', 'to linjer'],
  ])('%j → %j', (input, expected) => {
    expect(renderInlineMarkdown(input)).toBe(expected);
  });

  it('escapes a pipe in a table cell', () => {
    expect(renderMarkdownCell('Blok 1 | Blok 2')).toBe('Blok 1 \\| Blok 2');
  });
});
