import type { Lang } from '../model/schema.js';
import { t } from './i18n.js';

// A page's HTML as a Word document (docs/office.md): the same sections, tables, lists and notes,
// because it is made from the HTML the templates rendered (one's own templates included), as
// Word's own headings, tables and lists: A4, Calibri, a page number in the footer. A chart (an
// inline SVG) is an image, the SVG itself with a PNG for older Word, with the chart's title and
// description as its alternative text; its data table follows it as in the HTML. The packages
// (docx, htmlparser2, resvg, fflate) are loaded only when a document is made.

type Docx = typeof import('docx');
type Dom = typeof import('domhandler');
type AnyNode = import('domhandler').ChildNode;
type Element = import('domhandler').Element;
type Block = import('docx').Paragraph | import('docx').Table;
type Inline = import('docx').ParagraphChild;

/** A4 with 2 cm margins: the text is 17 cm wide; in pixels of 96 per inch, as docx measures images. */
const TEXT_WIDTH_PX = Math.round((17 / 2.54) * 96);
/** A chart is drawn a quarter larger than its SVG's own size, up to the text's width. */
const CHART_SCALE = 1.25;
/** The PNG for Word versions without SVG: three times the drawn size, sharp enough to print. */
const PNG_ZOOM = 3;
/** The date the file says it was made and changed: fixed, so the same page gives the same file. */
const FIXED_DATE = '2000-01-01T00:00:00Z';
const FONT = 'Calibri';

interface Marks {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  shaded?: boolean;
  size?: number;
}

interface Context {
  docx: Docx;
  dom: Dom;
  html: string;
  lang: Lang;
  charts: number;
  png: (svg: string, widthPx: number) => Uint8Array;
}

/** The Word document (.docx bytes) of a page rendered as HTML by borgermode's templates. */
export async function renderDocx(html: string, options: { lang: Lang }): Promise<Buffer> {
  const docx = await import('docx');
  const dom = await import('domhandler');
  const { parseDocument } = await import('htmlparser2');
  const { Resvg } = await import('@resvg/resvg-js');
  // Positions, so that an SVG is taken as it was written (an HTML parse lower-cases viewBox).
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const ctx: Context = {
    docx,
    dom,
    html,
    lang: options.lang,
    charts: 0,
    png: (svg, widthPx) =>
      new Resvg(svg, {
        fitTo: { mode: 'width', value: Math.round(widthPx * PNG_ZOOM) },
        font: { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' },
      })
        .render()
        .asPng(),
  };
  const all = descendants(dom, document.children);
  const root = all.find((n) => n.name === 'main') ?? all.find((n) => n.name === 'body') ?? document;
  const title = textOf(
    dom,
    all.find((n) => n.name === 'title'),
  ).trim();
  const language = wordLanguage(all.find((n) => n.name === 'html')?.attribs.lang ?? options.lang);
  const { Document, Packer, Footer, Paragraph, AlignmentType, LevelFormat } = docx;
  const heading = (size: number) => ({
    run: { font: FONT, size, bold: true, color: '111111' },
    paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
  });
  const doc = new Document({
    creator: 'borgermode',
    lastModifiedBy: 'borgermode',
    title,
    description: title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: language } }, paragraph: { spacing: { after: 100 } } },
        heading1: heading(34),
        heading2: heading(28),
        heading3: heading(24),
        heading4: heading(22),
        heading5: heading(22),
        heading6: heading(22),
      },
      paragraphStyles: [
        {
          id: 'Small',
          name: 'Small',
          basedOn: 'Normal',
          run: { size: 18, color: '444444' },
        },
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { size: 18, italics: true }, paragraph: { keepNext: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: ['•', '◦', '▪'][level]!,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
        {
          reference: 'numbers',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level]!,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, right: 1134, bottom: 1134, left: 1134, header: 567, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                style: 'Small',
                children: pageFooter(docx, t(options.lang, 'pdf_page')),
              }),
            ],
          }),
        },
        children: blocks(ctx, root.children, 0),
      },
    ],
  });
  return fixed(await Packer.toBuffer(doc));
}

/** "Side {page} af {pages}" with Word's page fields in place of the two. */
function pageFooter(docx: Docx, text: string): Inline[] {
  const { TextRun, PageNumber } = docx;
  return text
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT] })
        : part === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES] })
          : new TextRun(part),
    );
}

// ---- blocks ----

const HEADINGS: Record<string, keyof Docx['HeadingLevel']> = {
  h1: 'HEADING_1',
  h2: 'HEADING_2',
  h3: 'HEADING_3',
  h4: 'HEADING_4',
  h5: 'HEADING_5',
  h6: 'HEADING_6',
};
/** Classes of paragraphs the page shows small: the kicker above the title, meta lines, notes. */
const SMALL = new Set(['kicker', 'meta', 'note', 'sources', 'generated']);
const CONTAINERS = new Set(['main', 'body', 'header', 'footer', 'section', 'article', 'div', 'nav', 'aside', 'details', 'figure']);

function blocks(ctx: Context, nodes: readonly AnyNode[], listLevel: number): Block[] {
  const { docx, dom } = ctx;
  const out: Block[] = [];
  // Text and inline elements between blocks (a div with text in it) make a paragraph of their own.
  let loose: AnyNode[] = [];
  const flush = () => {
    const runs = inline(ctx, loose, {});
    if (runs.length > 0) out.push(new docx.Paragraph({ children: runs }));
    loose = [];
  };
  for (let at = 0; at < nodes.length; at++) {
    const node = nodes[at]!;
    if (!dom.isTag(node)) {
      if (dom.isText(node) && node.data.trim() !== '') loose.push(node);
      continue;
    }
    if (isHidden(node)) continue;
    const name = node.name;
    if (!isBlock(name)) {
      loose.push(node);
      continue;
    }
    flush();
    if (name in HEADINGS) {
      out.push(new docx.Paragraph({ heading: docx.HeadingLevel[HEADINGS[name]!], children: inline(ctx, node.children, {}) }));
    } else if (name === 'p') {
      const small = classesOf(node).some((c) => SMALL.has(c));
      out.push(new docx.Paragraph({ ...(small ? { style: 'Small' } : {}), children: inline(ctx, node.children, {}) }));
    } else if (name === 'ul' || name === 'ol') {
      out.push(...listItems(ctx, node, listLevel));
    } else if (name === 'table') {
      out.push(...table(ctx, node));
    } else if (name === 'svg') {
      // Charts side by side on the page are side by side here too, as large as the width lets them be.
      const group = [node];
      for (let next = at + 1; next < nodes.length; next++) {
        const sibling = nodes[next]!;
        if (dom.isText(sibling) && sibling.data.trim() === '') continue;
        if (!dom.isTag(sibling) || sibling.name !== 'svg') break;
        group.push(sibling);
        at = next;
      }
      out.push(charts(ctx, group));
    } else if (name === 'figcaption' || name === 'caption') {
      out.push(new docx.Paragraph({ style: 'Caption', children: inline(ctx, node.children, {}) }));
    } else if (name === 'blockquote') {
      out.push(...blocks(ctx, node.children, listLevel));
    } else if (name === 'pre') {
      out.push(new docx.Paragraph({ children: inline(ctx, node.children, { code: true }, true) }));
    } else if (name === 'hr') {
      out.push(new docx.Paragraph({ border: { bottom: { style: docx.BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }));
    } else if (CONTAINERS.has(name)) {
      out.push(...blocks(ctx, node.children, listLevel));
    }
    // Anything else that is a block (script, style, head, template…) has nothing to print.
  }
  flush();
  return out;
}

const BLOCKS = new Set([
  ...Object.keys(HEADINGS),
  ...CONTAINERS,
  'p',
  'ul',
  'ol',
  'li',
  'table',
  'svg',
  'figcaption',
  'caption',
  'blockquote',
  'pre',
  'hr',
  'script',
  'style',
  'head',
  'title',
  'meta',
  'link',
  'template',
]);
const isBlock = (name: string) => BLOCKS.has(name);

function listItems(ctx: Context, list: Element, level: number): Block[] {
  const { docx, dom } = ctx;
  const reference = list.name === 'ol' ? 'numbers' : 'bullets';
  const out: Block[] = [];
  for (const item of list.children) {
    if (!dom.isTag(item) || item.name !== 'li' || isHidden(item)) continue;
    const own = item.children.filter((c) => !(dom.isTag(c) && (c.name === 'ul' || c.name === 'ol')));
    const nested = item.children.filter((c): c is Element => dom.isTag(c) && (c.name === 'ul' || c.name === 'ol'));
    const numbered = (children: Inline[]) => new docx.Paragraph({ numbering: { reference, level: Math.min(level, 2) }, children });
    // An item of paragraphs (Markdown's loose lists): the first paragraph is the item, the other blocks follow it.
    const first = own.find((c): c is Element => dom.isTag(c) && isBlock(c.name));
    if (!first) out.push(numbered(inline(ctx, own, {})));
    else if (first.name === 'p')
      out.push(numbered(inline(ctx, first.children, {})), ...blocks(ctx, own.slice(own.indexOf(first) + 1), level));
    else out.push(numbered([]), ...blocks(ctx, own, level));
    for (const sub of nested) out.push(...listItems(ctx, sub, level + 1));
  }
  return out;
}

// ---- tables ----

function table(ctx: Context, node: Element): Block[] {
  const { docx, dom } = ctx;
  const out: Block[] = [];
  const caption = node.children.find((c): c is Element => dom.isTag(c) && c.name === 'caption');
  if (caption) out.push(new docx.Paragraph({ style: 'Caption', children: inline(ctx, caption.children, { bold: true }) }));
  const rows: { row: Element; head: boolean }[] = [];
  for (const part of node.children) {
    if (!dom.isTag(part)) continue;
    if (part.name === 'tr') rows.push({ row: part, head: false });
    if (part.name === 'thead' || part.name === 'tbody' || part.name === 'tfoot')
      for (const row of part.children) if (dom.isTag(row) && row.name === 'tr') rows.push({ row, head: part.name === 'thead' });
  }
  if (rows.length === 0) return out;
  const border = { style: docx.BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  const widths = columnWidths(
    ctx,
    rows.map(({ row }) => row),
    new Set(rows.filter((r) => r.head).map((r) => r.row)),
  );
  out.push(
    new docx.Table({
      width: { size: TEXT_WIDTH_TWIPS, type: docx.WidthType.DXA },
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: rows.map(
        ({ row, head }) =>
          new docx.TableRow({
            // Only the header rows say so (a reader such as mammoth takes tblHeader="false" for a header too).
            ...(head ? { tableHeader: true } : {}),
            cantSplit: true,
            children: row.children
              .filter((c): c is Element => dom.isTag(c) && (c.name === 'th' || c.name === 'td'))
              .map((cell) => {
                const numeric = classesOf(cell).includes('num');
                const bold = cell.name === 'th' || classesOf(row).includes('total');
                const span = Number(cell.attribs.colspan ?? 1);
                const rowSpan = Number(cell.attribs.rowspan ?? 1);
                return new docx.TableCell({
                  ...(span > 1 ? { columnSpan: span } : {}),
                  ...(rowSpan > 1 ? { rowSpan } : {}),
                  ...(head ? { shading: { type: docx.ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
                  margins: { top: 40, bottom: 40, left: 80, right: 80 },
                  children: [
                    new docx.Paragraph({
                      spacing: { after: 0 },
                      alignment: numeric ? docx.AlignmentType.RIGHT : docx.AlignmentType.LEFT,
                      children: inline(ctx, cell.children, { bold, size: 19 }),
                    }),
                  ],
                });
              }),
          }),
      ),
    }),
  );
  // Word puts two tables one after the other together as one: a paragraph keeps them apart.
  out.push(new docx.Paragraph({ spacing: { after: 0 }, children: [] }));
  return out;
}

/** The text's width in twentieths of a point (17 cm). */
const TEXT_WIDTH_TWIPS = Math.round((17 / 2.54) * 1440);

/**
 * Columns as wide as their texts need, in proportion (a long text counts up to 24 characters, a
 * header half its length or its longest word, a column at least 5), so that the category column of a figures table is not as narrow as a count.
 */
function columnWidths(ctx: Context, rows: readonly Element[], head: ReadonlySet<Element>): number[] {
  const { dom } = ctx;
  const need: number[] = [];
  for (const row of rows) {
    let column = 0;
    for (const cell of row.children) {
      if (!dom.isTag(cell) || (cell.name !== 'th' && cell.name !== 'td')) continue;
      const span = Math.max(1, Number(cell.attribs.colspan ?? 1));
      const text = textOf(dom, cell).replace(/\s+/g, ' ').trim();
      // A header may wrap onto two lines, between its words; a figure or a label should not have to.
      const length = head.has(row) ? Math.max(Math.ceil(text.length / 2), ...text.split(' ').map((word) => word.length)) : text.length;
      if (span === 1) need[column] = Math.max(need[column] ?? 5, Math.min(24, length));
      column += span;
    }
    for (let c = 0; c < column; c++) need[c] ??= 5;
  }
  // Two characters more for the cell's margins.
  const total = need.reduce((sum, n) => sum + n + 2, 0);
  return need.map((n) => Math.floor((TEXT_WIDTH_TWIPS * (n + 2)) / total));
}

// ---- charts ----

/** The space between two charts side by side, in pixels. */
const CHART_GAP_PX = 30;

/** Charts in one paragraph: each a quarter larger than its SVG, or smaller where they would not fit side by side. */
function charts(ctx: Context, nodes: readonly Element[]): Block {
  const sizes = nodes.map((node) => {
    const viewBox = (node.attribs.viewbox ?? '').split(/[\s,]+/).map(Number);
    const width = Number(node.attribs.width) || viewBox[2] || 300;
    const height = Number(node.attribs.height) || viewBox[3] || 150;
    return { width, height };
  });
  const room = TEXT_WIDTH_PX - CHART_GAP_PX * (nodes.length - 1);
  const scale = Math.min(CHART_SCALE, room / sizes.reduce((sum, size) => sum + size.width, 0));
  const children: Inline[] = [];
  nodes.forEach((node, i) => {
    if (i > 0) children.push(new ctx.docx.TextRun({ text: '  ' }));
    children.push(chartImage(ctx, node, Math.floor(sizes[i]!.width * scale), Math.floor(sizes[i]!.height * scale)));
  });
  return new ctx.docx.Paragraph({ keepLines: true, children });
}

/** One chart: the SVG, a PNG of it for Word without SVG, and its title and description as the alternative text. */
function chartImage(ctx: Context, node: Element, width: number, height: number): Inline {
  const { docx, dom } = ctx;
  const svg = withNamespace(ctx.html.slice(node.startIndex!, node.endIndex! + 1));
  const textOfChild = (tag: string) => {
    const found = node.children.find((c): c is Element => dom.isTag(c) && c.name === tag);
    return found ? textOf(dom, found).replace(/\s+/g, ' ').trim() : '';
  };
  const title = textOfChild('title') || node.attribs['aria-label'] || '';
  const description = textOfChild('desc') || title;
  ctx.charts += 1;
  return new docx.ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(svg),
    fallback: { type: 'png', data: ctx.png(svg, width) },
    transformation: { width, height },
    altText: { name: `chart-${ctx.charts}`, title, description },
  });
}

/** An inline SVG may leave out its namespace (HTML allows it); an SVG file may not. */
function withNamespace(svg: string): string {
  return /^<svg[^>]*\sxmlns=/.test(svg) ? svg : svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
}

// ---- inline text ----

function inline(ctx: Context, nodes: readonly AnyNode[], marks: Marks, pre = false): Inline[] {
  const runs: Inline[] = [];
  walkInline(ctx, nodes, marks, pre, runs);
  return trimRuns(ctx, runs);
}

function walkInline(ctx: Context, nodes: readonly AnyNode[], marks: Marks, pre: boolean, runs: Inline[]): void {
  const { docx, dom } = ctx;
  for (const node of nodes) {
    if (dom.isText(node)) {
      const text = pre ? node.data : node.data.replace(/\s+/g, ' ');
      if (text !== '') runs.push(textRun(ctx, text, marks));
      continue;
    }
    if (!dom.isTag(node) || isHidden(node)) continue;
    const name = node.name;
    if (name === 'br') runs.push(lineBreak(ctx));
    else if (name === 'strong' || name === 'b') walkInline(ctx, node.children, { ...marks, bold: true }, pre, runs);
    else if (name === 'em' || name === 'i' || name === 'cite') walkInline(ctx, node.children, { ...marks, italics: true }, pre, runs);
    else if (name === 'code' || name === 'kbd' || name === 'samp') walkInline(ctx, node.children, { ...marks, code: true }, pre, runs);
    else if (name === 'small') walkInline(ctx, node.children, { ...marks, size: 18 }, pre, runs);
    // A tag ("Rygte") is a label on a shaded ground, as the page shows it.
    else if (classesOf(node).includes('tag')) {
      walkInline(ctx, node.children, { ...marks, bold: true, shaded: true }, pre, runs);
    } else if (name === 'a' && /^(https?:|mailto:)/i.test(node.attribs.href ?? '')) {
      const children: Inline[] = [];
      walkInline(ctx, node.children, marks, pre, children);
      runs.push(new docx.ExternalHyperlink({ link: node.attribs.href!, children: children.map((run) => linkRun(ctx, run)) }));
    } else if (name === 'svg' || name === 'script' || name === 'style' || name === 'template') continue;
    else if (name === 'ul' || name === 'ol' || name === 'table') continue;
    else walkInline(ctx, node.children, marks, pre, runs);
  }
}

/** The text of a link, shown as links are (Word's Hyperlink style). */
function linkRun(ctx: Context, run: Inline): Inline {
  const text = RUN_TEXT.get(run);
  return text === undefined ? run : new ctx.docx.TextRun({ text, style: 'Hyperlink' });
}

/** A line break: white space after it is the start of a line. */
function lineBreak(ctx: Context): Inline {
  const run = new ctx.docx.TextRun({ break: 1 });
  BREAKS.add(run);
  return run;
}

const BREAKS = new WeakSet<object>();

/** The text each run was made with, so that spaces at a paragraph's edges can be taken off. */
const RUN_TEXT = new WeakMap<object, string>();
const RUN_MARKS = new WeakMap<object, Marks>();

function textRun(ctx: Context, text: string, marks: Marks): Inline {
  const run = new ctx.docx.TextRun({
    text,
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italics ? { italics: true } : {}),
    ...(marks.size ? { size: marks.size } : {}),
    ...(marks.code ? { font: 'Consolas' } : {}),
    ...(marks.shaded ? { shading: { type: ctx.docx.ShadingType.CLEAR, fill: 'E4E4E4', color: 'auto' } } : {}),
  });
  RUN_TEXT.set(run, text);
  RUN_MARKS.set(run, marks);
  return run;
}

/** HTML's white space: none at the start and end of a paragraph, none doubled between runs. */
function trimRuns(ctx: Context, runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  let lastSpace = true;
  for (const run of runs) {
    const text = RUN_TEXT.get(run);
    if (text === undefined) {
      // Before a line break, no space; after it, none either.
      if (BREAKS.has(run)) trimEnd(ctx, out);
      out.push(run);
      lastSpace = BREAKS.has(run);
      continue;
    }
    const trimmed: string = lastSpace ? text.replace(/^ /, '') : text;
    if (trimmed === '') continue;
    lastSpace = trimmed.endsWith(' ');
    out.push(trimmed === text ? run : textRun(ctx, trimmed, RUN_MARKS.get(run)!));
  }
  trimEnd(ctx, out);
  return out;
}

/** The space at the end of the last run taken off. */
function trimEnd(ctx: Context, runs: Inline[]): void {
  const last = runs.at(-1);
  const text = last === undefined ? undefined : RUN_TEXT.get(last);
  if (text === undefined || !text.endsWith(' ')) return;
  runs.pop();
  const trimmed = text.replace(/ $/, '');
  if (trimmed !== '') runs.push(textRun(ctx, trimmed, RUN_MARKS.get(last!)!));
}

// ---- helpers ----

function descendants(dom: Dom, nodes: readonly AnyNode[]): Element[] {
  const out: Element[] = [];
  const walk = (list: readonly AnyNode[]) => {
    for (const node of list)
      if (dom.isTag(node)) {
        out.push(node);
        walk(node.children);
      }
  };
  walk(nodes);
  return out;
}

function textOf(dom: Dom, node: AnyNode | undefined): string {
  if (!node) return '';
  if (dom.isText(node)) return node.data;
  return dom.hasChildren(node) ? node.children.map((c) => textOf(dom, c)).join('') : '';
}

const classesOf = (node: Element): string[] => (node.attribs.class ?? '').split(/\s+/).filter(Boolean);

/** Hidden on the page (the `hidden` attribute, aria-hidden) is left out of the document too. */
const isHidden = (node: Element): boolean => 'hidden' in node.attribs || node.attribs['aria-hidden'] === 'true';

/** The document's language as Word names it. */
function wordLanguage(lang: string): string {
  const base = lang.toLowerCase().split('-')[0];
  return base === 'da' ? 'da-DK' : base === 'en' ? 'en-GB' : lang;
}

/**
 * The same file for the same page: the package dates every part of the zip and the document by
 * the clock, and names a link's relationship at random; here they get one fixed date and
 * numbered names (the zip repacked by fflate).
 */
async function fixed(bytes: Buffer): Promise<Buffer> {
  const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
  const files = unzipSync(bytes);
  // A link's relationship id is random ("rId" and a nanoid): numbered in the order of the relationships instead.
  const relations = files['word/_rels/document.xml.rels'];
  const random = relations ? [...strFromU8(relations).matchAll(/Id="(rId(?!\d+")[^"]+)"/g)].map((m) => m[1]!) : [];
  if (random.length > 0) {
    const numbered = new Map(random.map((id, i) => [id, `rIdLink${i + 1}`]));
    const pattern = new RegExp(`"(${random.map((id) => id.replace(/[-]/g, '\\$&')).join('|')})"`, 'g');
    for (const [path, data] of Object.entries(files))
      if (/\.(xml|rels)$/.test(path)) files[path] = strToU8(strFromU8(data).replace(pattern, (_, id: string) => `"${numbered.get(id)}"`));
  }
  const core = files['docProps/core.xml'];
  if (core)
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${FIXED_DATE}$2`),
    );
  const mtime = new Date('2000-01-01T00:00:00');
  const entries = Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { mtime }] as const]));
  return Buffer.from(zipSync(entries as unknown as import('fflate').Zippable, { level: 6 }));
}
