import fc from 'fast-check';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  escapeMarkdownRun,
  loadMarkdownParser,
  renderInlineHtml,
  renderInlineMarkdown,
  renderMarkdownCell,
  renderPlainMarkdown,
  viewNeedsMarkdownParser,
} from '../../src/render/markdown.js';
import { inlineMarkdown } from '../../src/render/markdown-parser.js';
import { HOSTILE_TEXTS, htmlProblems, KEPT_MARKDOWN, LINE_STARTS } from '../helpers/markdown-corpus.js';

// The Markdown helpers are checked the way a reader meets their output: rendered by marked, a
// renderer that does not sanitise, as GitHub's or an editor's preview would render it. Whatever the
// record text, the HTML holds no element but what inline Markdown makes and no link off http(s)/mailto.

/** The text a reader sees of marked's HTML (marked shows an entity in a bare URL as written: `https://x.dk/">&lt;/a>`). */
const visible = (html: string) =>
  html
    .replace(/<a [^>]*>(.*?)<\/a>/g, (_, text: string) => text.replace(/&amp;(?=lt;)/g, '&'))
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!)
    .trim();
const inline = (markdown: string) => marked.parse(markdown, { async: false });
const inTable = (cell: string) => marked.parse(`| h |\n| --- |\n| ${cell} |\n`, { async: false });
const TABLE = ['table', 'thead', 'tbody', 'tr', 'th', 'td', 'em', 'strong', 'del', 'code', 'a', 'br'];

// The first describe runs before the parser is loaded (it is loaded once per process).
describe('Markdown text without a [, a <, a backtick or a backslash, before the parser is loaded', () => {
  it('renders without it', () => {
    expect(renderInlineMarkdown('Unge *samles* > kl. 22\nved p-pladsen')).toBe('Unge *samles* > kl. 22 ved p-pladsen');
    expect(renderMarkdownCell('a | b')).toBe('a \\| b');
    expect(renderPlainMarkdown('<script> `x` a|b')).toBe('&lt;script> \\`x\\` a\\|b');
  });

  it.each([['[farlig](javascript:x)'], ['<b>'], ['`kode`'], ['\\*']])('asks for it for %j (and HTML always needs it)', (text) => {
    expect(() => renderInlineMarkdown(text)).toThrow(/loadMarkdownParser/);
    expect(() => renderInlineHtml('tekst')).toThrow(/loadMarkdownParser/);
  });

  it.each([
    [{ lang: 'da', items: [{ text: 'ingen links her, *kun* fremhævning' }] }, false],
    [{ lang: 'da', items: [{ text: 'se [politi](https://politi.dk)' }] }, true],
    [{ lang: 'da', nested: { deep: ['a', 'b <c>'] } }, true],
    [{ lang: 'da', nested: { deep: ['a `kode`'] } }, true],
    [{ lang: 'da', nested: { deep: ['C:\\mappe'] } }, true],
    [{ lang: 'da', count: 3, none: null, flag: true }, false],
  ])('finds a text that needs it in a view: %j → %s', (view, expected) => {
    expect(viewNeedsMarkdownParser(view)).toBe(expected);
  });

  it('would rebuild a line without those characters exactly as it is escaped without the parser', async () => {
    await loadMarkdownParser();
    const unit = fc.constantFrom(
      ...'abc (){}]>!*_~:/.@-=#+|&; \t'.split(''),
      '**',
      '~~',
      'https://www.x.dk/a_b',
      'www.x.dk',
      'a@b.dk',
      'mailto:a@b.dk',
      'javascript:x',
      '&lt;',
    );
    fc.assert(
      fc.property(fc.string({ unit }), fc.boolean(), (text, cell) => {
        expect(inlineMarkdown(text, cell)).toBe(escapeMarkdownRun(text, cell));
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

describe('renderInlineMarkdown: inline Markdown of record text for Markdown output', () => {
  beforeAll(loadMarkdownParser);

  it.each([
    ['Det er *ikke* narko', 'Det er *ikke* narko'],
    ['__fed__, _kursiv_ og ~~streg~~', '__fed__, _kursiv_ og ~~streg~~'],
    ['`kode` som skrevet', '\\`kode\\` som skrevet'],
    [
      '[politi](https://politi.dk) og [skriv](mailto:a@b.dk "Skriv til os")',
      '[politi](https://politi.dk) og [skriv](mailto:a@b.dk "Skriv til os")',
    ],
    ['<https://politi.dk> og https://politi.dk/a_b', '<https://politi.dk> og https://politi.dk/a_b'],
    ['[mellem rum](<https://x.dk/a b(c)>)', '[mellem rum](https://x.dk/a%20b%28c%29)'],
    ['<script>alert(1)</script>', '&lt;script>alert(1)&lt;/script>'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)>'],
    ['<a href="javascript:alert(1)">klik</a>', '&lt;a href="javascript:alert(1)">klik&lt;/a>'],
    ['<details open ontoggle=alert(1)>', '&lt;details open ontoggle=alert(1)>'],
    ['<!-- skjult -->', '&lt;!-- skjult -->'],
    ['\\<img src=x onerror=alert(1)//>', '&lt;img src=x onerror=alert(1)//>'],
    ['[farlig](javascript:alert(1)) og mere', 'farlig og mere'],
    ['[klik](JaVaScRiPt:alert(1))', 'klik'],
    ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ['*[inde](javascript:x)*', '*inde*'],
    ['[**fed** <b>](https://politi.dk)', '[**fed** &lt;b>](https://politi.dk)'],
    ['![billede](https://x.dk/y.png)', 'billede'],
    ['[ref]: javascript:alert(1)', '\\[ref\\]: javascript:alert(1)'],
    ['&lt;script&gt; og &amp;', '&lt;script&gt; og &amp;'],
    ['en enlig ` backtick', 'en enlig \\` backtick'],
    ['`<img src=x onerror=alert(1)>`', '\\`&lt;img src=x onerror=alert(1)>\\`'],
    ['C:\\mappe og \\*ikke fremhævet\\*', 'C:\\\\mappe og \\*ikke fremhævet\\*'],
    ['to\n  linjer', 'to linjer'],
    ['linje\n# overskrift\n> citat\n- punkt', 'linje # overskrift > citat - punkt'],
    ['linje\r<b>', 'linje &lt;b>'],
    ['# overskrift', '\\# overskrift'],
    ['> citat', '\\> citat'],
    ['- punkt', '\\- punkt'],
    ['---', '\\---'],
    ['~~~ hegn', '\\~~~ hegn'],
    ['  # med luft foran  ', '\\# med luft foran'],
    ['a | b', 'a | b'],
    ['Tal <5 og < 5', 'Tal <5 og < 5'],
    ['Kom og vær med!', 'Kom og vær med\\!'],
  ])('%j → %j', (input, expected) => {
    expect(renderInlineMarkdown(input)).toBe(expected);
  });

  it.each([
    ['Blok 1 | Blok 2', 'Blok 1 \\| Blok 2'],
    ['`a|b` og \\| og [x|y](https://x.dk/a|b)', '\\`a\\|b\\` og \\| og [x\\|y](https://x.dk/a%7Cb)'],
  ])('in a table cell: %j → %j', (input, expected) => {
    expect(renderMarkdownCell(input)).toBe(expected);
  });

  it.each(HOSTILE_TEXTS)('leaves nothing of %j that runs or loads, rendered by marked (in a line, in a table cell)', (text) => {
    expect(htmlProblems(inline(`Før ${renderInlineMarkdown(text)} efter`))).toEqual([]);
    const table = inTable(renderMarkdownCell(text));
    expect(htmlProblems(table, TABLE)).toEqual([]);
    expect(table.match(/<td>/g)).toHaveLength(1);
  });

  it('shows raw HTML as its text', () => {
    expect(visible(inline(renderInlineMarkdown('<script>alert(1)</script> og <img src=x onerror=alert(1)>')))).toBe(
      '<script>alert(1)</script> og <img src=x onerror=alert(1)>',
    );
    expect(visible(inline(renderInlineMarkdown('\\<img src=x onerror=alert(1)//>')))).toBe('<img src=x onerror=alert(1)//>');
  });

  it.each(KEPT_MARKDOWN)('keeps %j working: %j', (text, html) => {
    expect(inline(`Før ${renderInlineMarkdown(text)} efter`)).toBe(`<p>Før ${html} efter</p>\n`);
  });

  it.each(LINE_STARTS)('does not start a block with a text that begins %j', (start) => {
    const html = inline(renderInlineMarkdown(`${start}tekst`));
    expect(html).toMatch(/^<p>/);
    expect(htmlProblems(html)).toEqual([]);
  });
});

describe('renderPlainMarkdown: a {{value}} of a Markdown template, shown as exactly its text', () => {
  it.each([
    ['Tallene for <b>Vold</b> er ikke sammenlignelige', 'Tallene for &lt;b>Vold&lt;/b> er ikke sammenlignelige'],
    ['[klik](javascript:alert(1))', '\\[klik\\](javascript:alert(1))'],
    ['![billede](https://x.dk/y.png)', '!\\[billede\\](https://x.dk/y.png)'],
    ['`kode` og C:\\mappe', '\\`kode\\` og C:\\\\mappe'],
    ['a | b', 'a \\| b'],
    ['&lt;script&gt; & mere', '&amp;lt;script&amp;gt; & mere'],
    ['# Vold', '\\# Vold'],
    // A GitHub workflow command at the start of a line of a CI log (issue 15): `\::` shows as `::` and commands nothing.
    ['::warning file=INJECTED.yaml::forged', '\\::warning file=INJECTED.yaml::forged'],
    ['  ::stop-commands::tok', '\\::stop-commands::tok'],
    ['a ::warning:: inside', 'a ::warning:: inside'],
    // What borgermode's own texts hold stays as it is: small counts, footnote marks, numbers.
    ['<5', '<5'],
    ['12*', '12*'],
    ['*: foreløbigt tal', '*: foreløbigt tal'],
    ['1. kv. 2020', '1. kv. 2020'],
    ['−3 (−38 %)', '−3 (−38 %)'],
    ['-2+3', '-2+3'],
  ])('%j → %j', (input, expected) => {
    expect(renderPlainMarkdown(input)).toBe(expected);
  });

  it.each(HOSTILE_TEXTS)('shows %j as exactly its text, rendered by marked (in a line, in a table cell)', (text) => {
    const line = text.replace(/\s*[\r\n]\s*/g, ' ');
    const html = inline(`Før ${renderPlainMarkdown(text)} efter`);
    // A bare URL in it may become a link (GFM), as it would in any text.
    expect(htmlProblems(html, ['p', 'a'])).toEqual([]);
    expect(visible(html)).toBe(`Før ${line} efter`);
    const table = inTable(renderPlainMarkdown(text));
    expect(
      htmlProblems(
        table,
        TABLE.filter((tag) => !['em', 'strong', 'del', 'code'].includes(tag)),
      ),
    ).toEqual([]);
    expect(visible(/<td>(.*)<\/td>/s.exec(table)![1]!)).toBe(line);
  });
});

describe('any text, next to any other', () => {
  beforeAll(loadMarkdownParser);

  // Two texts side by side, as a template puts a title and a summary: together they must not make
  // HTML or a link either (a backtick left in the first could open a code span closed in the second).
  const unit = fc.constantFrom(
    ...'<>[]()!`\\*_~|&#-+=:/"\' \n\ra1'.split(''),
    'img src=x onerror=x',
    'script',
    '!--',
    'javascript:x',
    'https://x.dk',
    'lt;',
    '1. ',
    '[x](javascript:x)',
    '`',
    '``',
    '<https://x.dk>',
    '[a](https://x.dk)',
    '![a](https://x.dk/a.png)',
    'www.x.dk',
    '&#60;',
    '<!--',
    '<a href=',
    '<?',
    '<![CDATA[',
    '\t',
    ...HOSTILE_TEXTS,
  );
  const helpers = [
    ['md', renderInlineMarkdown],
    ['plain', renderPlainMarkdown],
  ] as const;

  it.each(helpers)('%s: in a line, at its start, and in a table cell', (_, render) => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), fc.string({ unit, maxLength: 16 }), (a, b) => {
        expect(htmlProblems(inline(`x ${render(a)}${render(b)} y ${render(b)}`))).toEqual([]);
        // At a line's start only an ordered list may begin ("1. kvartal" is ordinary text in Danish).
        expect(htmlProblems(inline(render(a)), ['p', 'em', 'strong', 'del', 'code', 'a', 'br', 'ol', 'li'])).toEqual([]);
        const cell = render === renderInlineMarkdown ? renderMarkdownCell : render;
        const table = inTable(`${cell(a)} ${cell(b)}`);
        expect(htmlProblems(table, TABLE)).toEqual([]);
        expect(table.match(/<td>/g)).toHaveLength(1);
      }),
      { numRuns: 4_000 },
    );
  });
});
