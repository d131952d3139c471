import { Marked, type Token, type Tokens } from 'marked';
import xssPackage from 'xss';

// marked and the sanitiser: loaded by markdown.ts when a text needs them (setting them up costs
// ~10 ms of a start, which a Markdown brief without links does not pay).

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

/** One line of inline Markdown → sanitised HTML. */
export function inlineHtml(line: string): string {
  return sanitiser.process(marked.parseInline(line, { async: false }) as string);
}

/** Links and images in one line of inline Markdown (at any depth) whose target is not http(s) or mailto. */
export function unsafeLinks(line: string): { raw: string; text: string }[] {
  return unsafeIn(marked.Lexer.lexInline(line));
}

function unsafeIn(tokens: readonly Token[]): { raw: string; text: string }[] {
  return tokens.flatMap((token) => {
    if ((token.type === 'link' || token.type === 'image') && !SAFE_LINK.test((token as Tokens.Link).href.trim())) return [{ raw: token.raw, text: (token as Tokens.Link).text }];
    return 'tokens' in token && token.tokens ? unsafeIn(token.tokens) : [];
  });
}
