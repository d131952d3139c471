import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx.js';

// A page's HTML as a Word document (src/render/docx.ts), read back by a second library (mammoth,
// which turns Word's headings, lists and tables into HTML again) and as the zip's own parts.

const page = (body: string, lang = 'da') =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>Prøve</title><style>p { color: red }</style></head><body><main>${body}</main></body></html>`;

async function readBack(html: string): Promise<string> {
  const bytes = await renderDocx(html, { lang: 'da' });
  return (await mammoth.convertToHtml({ buffer: bytes })).value;
}

const parts = async (html: string) => unzipSync(await renderDocx(html, { lang: 'da' }));

const CHART = `<svg class="chart" role="img" viewBox="0 0 200 100" width="200" height="100" aria-labelledby="t" aria-describedby="d">
<title id="t">Kriminalitet i alt</title><desc id="d">Søjlediagram: 1. kv. 2020: 33.</desc>
<rect x="10" y="10" width="20" height="80" fill="#737373"/><text x="20" y="95" font-size="9">33</text></svg>`;

describe('renderDocx', () => {
  it('makes Word headings of the headings, at the same levels, and paragraphs of the paragraphs', async () => {
    const out = await readBack(
      page(
        '<header><h1>Mødeoplæg</h1><p class="kicker">Borgermøde</p></header><section><h2>Det har vi lavet</h2><h3>Udvalgte</h3><p>Tekst</p></section>',
      ),
    );
    expect(out).toBe('<h1>Mødeoplæg</h1><p>Borgermøde</p><h2>Det har vi lavet</h2><h3>Udvalgte</h3><p>Tekst</p>');
  });

  it('keeps bold, italics and line breaks, with HTML white space: none at the edges or after a break', async () => {
    const out = await readBack(
      page('<p class="lead">  Værebro Park,\n  Gladsaxe<br>\n1. kvartal <strong>2020</strong> og <em>mere</em>  </p>'),
    );
    expect(out).toBe('<p>Værebro Park, Gladsaxe<br />1. kvartal <strong>2020</strong> og <em>mere</em></p>');
  });

  it('shows a tag ("Rygte") in bold, and leaves out what the page hides, its style and its scripts', async () => {
    const out = await readBack(
      page(
        '<h3><span class="tag">Rygte</span> Der sælges narko.</h3><p hidden>skjult</p><p aria-hidden="true">også skjult</p><script>x()</script>',
      ),
    );
    expect(out).toBe('<h3><strong>Rygte</strong> Der sælges narko.</h3>');
  });

  it('makes Word lists of lists, nested ones one level in', async () => {
    const out = await readBack(page('<ul><li>Et</li><li>To<ul><li>To a</li></ul></li></ul><ol><li>Først</li></ol>'));
    expect(out).toBe('<ul><li>Et</li><li>To<ul><li>To a</li></ul></li></ul><ol><li>Først</li></ol>');
  });

  it('makes the first paragraph of a loose list item (Markdown) the item, and the others paragraphs after it', async () => {
    const out = await readBack(page('<ul><li><p>Et</p><p>Mere om et</p></li><li>To</li></ul>'));
    expect(out).toBe('<ul><li>Et</li></ul><p>Mere om et</p><ul><li>To</li></ul>');
  });

  it('makes a Word table of a table, its header row repeated on each page, the figures right-aligned', async () => {
    const html = page(
      '<table><thead><tr><th scope="col">Kategori</th><th class="num">1. kv. 2020</th></tr></thead>' +
        '<tbody><tr><th scope="row">Vold</th><td class="num">7</td></tr><tr class="total"><th>I alt</th><td class="num">&lt;5</td></tr></tbody></table>',
    );
    expect(await readBack(html)).toBe(
      '<table><thead><tr><th><p><strong>Kategori</strong></p></th><th><p><strong>1. kv. 2020</strong></p></th></tr></thead>' +
        '<tbody><tr><td><p><strong>Vold</strong></p></td><td><p>7</p></td></tr><tr><td><p><strong>I alt</strong></p></td><td><p><strong>&lt;5</strong></p></td></tr></tbody></table>',
    );
    const xml = strFromU8((await parts(html))['word/document.xml']!);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:jc w:val="right"\/>(?:(?!<\/w:p>).)*>7</);
  });

  it('makes a chart an image: the SVG, a PNG for older Word, and the chart\u2019s description as its alternative text', async () => {
    const other = CHART.replace('Kriminalitet i alt', 'Utryghed').replace('height="80"', 'height="40"');
    const html = page(`<div class="charts">${CHART}\n${other}</div>`);
    const out = await readBack(html);
    expect(out.match(/<img [^>]*alt="Søjlediagram: 1. kv. 2020: 33."/g)).toHaveLength(2);
    // Side by side, as on the page: one paragraph with both.
    expect(out).toMatch(/^<p><img [^>]*\/> {2}<img [^>]*\/><\/p>$/);
    const files = await parts(html);
    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(2);
    const pngs = media.filter((name) => name.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    expect(strFromU8(files[pngs[0]!]!.subarray(1, 4))).toBe('PNG');
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('title="Kriminalitet i alt"');
    expect(xml).toContain('title="Utryghed"');
  });

  it('takes an SVG as it was written (viewBox kept), and gives one without its namespace the namespace', async () => {
    const files = await parts(page(CHART.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ')));
    const svg = strFromU8(files[Object.keys(files).find((name) => name.endsWith('.svg'))!]!);
    expect(svg).toContain('viewBox="0 0 200 100"');
    const bare = await parts(page(CHART));
    expect(strFromU8(bare[Object.keys(bare).find((name) => name.endsWith('.svg'))!]!)).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart"/,
    );
  });

  it('links a web address and an e-mail address; a link within the site is its text', async () => {
    const out = await readBack(
      page('<p><a href="https://politi.dk">politi.dk</a>, <a href="mailto:a@b.dk">a@b.dk</a> og <a href="../index.html">forsiden</a></p>'),
    );
    expect(out).toBe('<p><a href="https://politi.dk">politi.dk</a>, <a href="mailto:a@b.dk">a@b.dk</a> og forsiden</p>');
  });

  it('is A4 with a page number in the footer, in the page\u2019s language, with the page\u2019s title', async () => {
    const files = await parts(page('<p>x</p>'));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const footer = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    expect(strFromU8(files[footer]!)).toMatch(/Side .*PAGE.* af .*NUMPAGES/s);
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:lang w:val="da-DK"');
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title>Prøve</dc:title>');
  });

  it('gives the same bytes for the same page (fixed dates inside and in the zip)', async () => {
    const html = page(`<h1>Titel</h1>${CHART}<ul><li><a href="https://x.dk">x</a></li></ul>`);
    const first = await renderDocx(html, { lang: 'da' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.compare(first, await renderDocx(html, { lang: 'da' }))).toBe(0);
    expect(strFromU8(unzipSync(first)['docProps/core.xml']!)).toContain('2000-01-01T00:00:00Z');
  });
});
