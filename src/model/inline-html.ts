import { Marked, type Tokens } from 'marked';
import xssPackage from 'xss';

// What a line of a record's inline Markdown is to a reader: the HTML marked makes of it, through
// an allowlist sanitiser. The pages show it (render/markdown.ts through markdown-parser.ts), and
// the personal-data check looks at it (reader-text.ts), so both see the same text. Loaded only
// when a text needs it: setting marked and the sanitiser up costs ~10 ms of a start.

/** The link targets a page keeps: http(s) and mailto. */
export const SAFE_LINK = /^(https?:|mailto:)/i;

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** marked, set up for the records' inline Markdown. */
export const marked = new Marked({
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
  safeAttrValue: (_tag: string, name: string, value: string) =>
    name === 'href' && !SAFE_LINK.test(value.trim()) ? '' : xss.escapeAttrValue(value),
});

/** One line of inline Markdown → sanitised HTML. */
export function inlineHtml(line: string): string {
  return sanitiser.process(marked.parseInline(line, { async: false }));
}
