import { Marked, type Tokens } from 'marked';

// Record text may hold inline Markdown (emphasis, links). Raw HTML in it is shown as text and
// never run; links keep only http(s) and mailto targets.

const SAFE_LINK = /^(https?:|mailto:)/i;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!SAFE_LINK.test(href.trim())) return text;
      return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${text}</a>`;
    },
    image({ text }: Tokens.Image) {
      return escapeHtml(text);
    },
  },
});

/** Inline Markdown of a record field → HTML safe to put in a page. */
export function renderInlineHtml(text: string): string {
  return marked.parseInline(text.replace(/\s*\n\s*/g, ' '), { async: false }) as string;
}

/** A record field for Markdown output: one line, with raw HTML made literal. */
export function renderInlineMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/</g, '\\<').replace(/>/g, '\\>');
}

/** A record field for a Markdown table cell: as renderInlineMarkdown, and a `|` cannot end the cell. */
export function renderMarkdownCell(text: string): string {
  return renderInlineMarkdown(text).replace(/\|/g, '\\|');
}
