// Record text may hold inline Markdown (emphasis, links). Raw HTML in it is shown as text and
// never run; links keep only http(s) and mailto targets. The parser (markdown-parser.ts: marked
// and a sanitiser) is loaded by loadMarkdownParser before rendering: always for HTML, and for
// Markdown only when some text could hold more than emphasis (a `[`, a `<`, a backtick or a
// backslash); a Markdown line without any of them is escaped as it stands.

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

/** Where Markdown beyond emphasis can begin: a link or an image `[`, raw HTML or an autolink `<`, a code span, a backslash escape. */
const MAY_PARSE = /[[<`\\]/;

/** Whether the Markdown helpers need the parser for any text of a view (a walk over its strings). */
export function viewNeedsMarkdownParser(view: unknown): boolean {
  if (typeof view === 'string') return MAY_PARSE.test(view);
  if (typeof view !== 'object' || view === null) return false;
  for (const value of Array.isArray(view) ? view : Object.values(view)) if (viewNeedsMarkdownParser(value)) return true;
  return false;
}

// A line ending inside a field would let its text start a block (a heading, a list, HTML); CR alone ends a line too.
const oneLine = (text: string) => text.replace(/\s*[\r\n]\s*/g, ' ');

/** Inline Markdown of a record field → HTML safe to put in a page. */
export function renderInlineHtml(text: string): string {
  return loaded().inlineHtml(oneLine(text));
}

/**
 * A record field for Markdown output: one line, in which emphasis, strong, strikethrough and
 * http(s)/mailto links stay Markdown and everything else is text to every Markdown renderer (raw
 * HTML, code spans with their backticks, other links by their text, images by their alt text).
 */
export function renderInlineMarkdown(text: string): string {
  return inlineMarkdown(text, false);
}

/** A record field for a Markdown table cell: as renderInlineMarkdown, and a `|` cannot end the cell. */
export function renderMarkdownCell(text: string): string {
  return inlineMarkdown(text, true);
}

function inlineMarkdown(text: string, cell: boolean): string {
  const line = oneLine(text).trim();
  // Without those characters the parser would find text and emphasis only, which stand as written.
  return escapeEnds(MAY_PARSE.test(line) ? loaded().inlineMarkdown(line, cell) : escapeMarkdownRun(line, cell));
}

/**
 * A value that is text, not Markdown (every `{{value}}` of a Markdown template but `md` and
 * `cell`): Markdown that every renderer shows as exactly that text. Emphasis characters stay as
 * they are (`12*`, `*: foreløbigt`): at worst they pair into emphasis, never into a link or HTML.
 */
export function renderPlainMarkdown(text: string): string {
  return escapeEnds(
    escapeMarkdownRun(
      oneLine(text)
        .trim()
        .replace(/&(?=#?\w+;)/g, '&amp;'),
      true,
    ),
  );
}

/**
 * Text inside inline Markdown, escaped where it could begin anything but emphasis: a backslash, a
 * backtick (a code span opened here could swallow the escapes of the text after it), a bracket,
 * and in a table cell a `|`, each with a backslash; a `<` (raw HTML, a comment, an autolink; `<5`
 * stays) as the entity `&lt;`, because marked reads a backslash after a bare URL into the link
 * (GFM) and would leave the `<` bare. Entities stay entities, as in the HTML output.
 */
export function escapeMarkdownRun(text: string, cell: boolean): string {
  const escaped = text.replace(/[\\`[\]]/g, '\\$&').replace(/<(?![\d\s])/g, '&lt;');
  return cell ? escaped.replace(/\|/g, '\\|') : escaped;
}

/** The ends of a value, which a template may put anywhere: its start must not begin a block, its end must not make an image of a link after it (`!` `[`). */
function escapeEnds(markdown: string): string {
  return escapeBlockStart(markdown.trim()).replace(/(?<!\\)((?:\\\\)*)!$/, '$1\\!');
}

/**
 * A value placed at the start of a line must not begin a block: a heading, a quote, a list item, a
 * rule or a fence, also inside a numbered item; nor a GitHub workflow command (`::warning …`, read
 * as one from a line of a CI log that starts with `::`, so `\::`). A number and a full stop stay ("1. kvartal 2020"
 * is ordinary Danish, and the value may stand anywhere in a line): at a line's start it numbers an
 * item, and the number is still shown.
 */
function escapeBlockStart(markdown: string): string {
  // One space after a leading number, so that what follows it cannot be an indented code block either.
  const numbered = markdown.replace(/^(?:\d{1,9}[.)](?:\s+|$))+/, (numbers) => numbers.replace(/\s+/g, ' '));
  return numbered.replace(
    /^((?:\s*\d{1,9}[.)](?=\s|$))*\s*)(?=#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|[-=]+\s*$|(?:[-_*]\s*){3,}$|~{3,}|::)/,
    '$1\\',
  );
}
