import { Marked, type Token, type Tokens } from 'marked';
import xssPackage from 'xss';

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

// The second wall: whatever marked produced passes an allowlist sanitiser (js-xss) before it
// reaches a page: only these inline tags, no attributes but a link's http(s)/mailto href and title.
// js-xss is CommonJS: its default export is the module, whose own type file declares only named exports.
const xss = xssPackage as unknown as typeof import('xss');
const sanitiser = new xss.FilterXSS({
  whiteList: { a: ['href', 'title'], em: [], strong: [], code: [], del: [], br: [] },
  stripIgnoreTag: false,
  stripIgnoreTagBody: ['script', 'style'],
  safeAttrValue: (_tag: string, name: string, value: string) => (name === 'href' && !SAFE_LINK.test(value.trim()) ? '' : xss.escapeAttrValue(value)),
});

/** Inline Markdown of a record field → HTML safe to put in a page. */
export function renderInlineHtml(text: string): string {
  return sanitiser.process(marked.parseInline(text.replace(/\s*\n\s*/g, ' '), { async: false }) as string);
}

/** A record field for Markdown output: one line, raw HTML made literal, unsafe links reduced to their text. */
export function renderInlineMarkdown(text: string): string {
  let line = text.replace(/\s*\n\s*/g, ' ');
  for (const link of unsafeLinks(marked.Lexer.lexInline(line))) line = line.replace(link.raw, link.text);
  return line.replace(/</g, '\\<').replace(/>/g, '\\>');
}

/** Links and images in inline tokens (at any depth) whose target is not http(s) or mailto. */
function unsafeLinks(tokens: readonly Token[]): { raw: string; text: string }[] {
  return tokens.flatMap((token) => {
    if ((token.type === 'link' || token.type === 'image') && !SAFE_LINK.test((token as Tokens.Link).href.trim())) return [{ raw: token.raw, text: (token as Tokens.Link).text }];
    return 'tokens' in token && token.tokens ? unsafeLinks(token.tokens) : [];
  });
}

/** A record field for a Markdown table cell: as renderInlineMarkdown, and a `|` cannot end the cell. */
export function renderMarkdownCell(text: string): string {
  return renderInlineMarkdown(text).replace(/\|/g, '\\|');
}
