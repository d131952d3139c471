import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMarkdownParser, renderInlineHtml, renderInlineMarkdown, renderMarkdownCell, viewNeedsMarkdownParser } from '../../src/render/markdown.js';
import { unsafeLinks } from '../../src/render/markdown-parser.js';

// The first describe runs before the parser is loaded (it is loaded once per process).
describe('Markdown text without a [ or a <, before the parser is loaded', () => {
  it('renders without it', () => {
    expect(renderInlineMarkdown('Unge *samles* > kl. 22\nved p-pladsen')).toBe('Unge *samles* \\> kl. 22 ved p-pladsen');
    expect(renderMarkdownCell('a | b')).toBe('a \\| b');
  });

  it('asks for it when a text may hold a link (and HTML always needs it)', () => {
    expect(() => renderInlineMarkdown('[farlig](javascript:x)')).toThrow(/loadMarkdownParser/);
    expect(() => renderInlineHtml('tekst')).toThrow(/loadMarkdownParser/);
  });

  it.each([
    [{ lang: 'da', items: [{ text: 'ingen links her' }] }, false],
    [{ lang: 'da', items: [{ text: 'se [politi](https://politi.dk)' }] }, true],
    [{ lang: 'da', nested: { deep: ['a', 'b <c>'] } }, true],
    [{ lang: 'da', count: 3, none: null, flag: true }, false],
  ])('finds a text that needs it in a view: %j → %s', (view, expected) => {
    expect(viewNeedsMarkdownParser(view)).toBe(expected);
  });

  it('would find no link to take apart in a line without [ or < (so skipping the parser changes nothing)', async () => {
    await loadMarkdownParser();
    const noLinkStart = fc.string({ unit: fc.constantFrom(...'abc (){}]>!*_`~:/.@-_ \\\n\thttps://www.x.dk mailto:a@b.dk javascript:'.split('')) });
    fc.assert(
      fc.property(noLinkStart, (text) => {
        expect(unsafeLinks(text.replace(/\s*\n\s*/g, ' '))).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});


describe('renderInlineHtml', () => {
  beforeAll(loadMarkdownParser);

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
  beforeAll(loadMarkdownParser);

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
