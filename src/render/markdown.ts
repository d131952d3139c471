// Record text may hold inline Markdown (emphasis, links). Raw HTML in it is shown as text and
// never run; links keep only http(s) and mailto targets. The parser (markdown-parser.ts: marked
// and a sanitiser) is loaded by loadMarkdownParser before rendering: always for HTML, and for
// Markdown only when some text could hold a link (a `[` or a `<`); a Markdown line without
// either has no link to take apart.

type Parser = typeof import('./markdown-parser.js');
let parser: Parser | undefined;

/** Loads the parser (once). */
export async function loadMarkdownParser(): Promise<void> {
  parser ??= await import('./markdown-parser.js');
}

function loaded(): Parser {
  if (!parser) throw new Error('internal: loadMarkdownParser() was not awaited before rendering');
  return parser;
}

/** Loads the parser before a view is rendered when `always`, or when some text of the view needs it (once loaded, nothing to look at). */
export async function prepareMarkdownParser(view: unknown, always: boolean): Promise<void> {
  if (!parser && (always || viewNeedsMarkdownParser(view))) await loadMarkdownParser();
}

/** A `[` or a `<`: where a link, an image or an autolink can begin. */
const MAY_LINK = /[[<]/;

/** Whether the Markdown helpers need the parser for any text of a view (a walk over its strings). */
export function viewNeedsMarkdownParser(view: unknown): boolean {
  if (typeof view === 'string') return MAY_LINK.test(view);
  if (typeof view !== 'object' || view === null) return false;
  for (const value of Array.isArray(view) ? view : Object.values(view)) if (viewNeedsMarkdownParser(value)) return true;
  return false;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** Inline Markdown of a record field → HTML safe to put in a page. */
export function renderInlineHtml(text: string): string {
  return loaded().inlineHtml(oneLine(text));
}

/** A record field for Markdown output: one line, raw HTML made literal, unsafe links reduced to their text. */
export function renderInlineMarkdown(text: string): string {
  let line = oneLine(text);
  if (MAY_LINK.test(line)) for (const link of loaded().unsafeLinks(line)) line = line.replace(link.raw, link.text);
  return line.replace(/</g, '\\<').replace(/>/g, '\\>');
}

/** A record field for a Markdown table cell: as renderInlineMarkdown, and a `|` cannot end the cell. */
export function renderMarkdownCell(text: string): string {
  return renderInlineMarkdown(text).replace(/\|/g, '\\|');
}
