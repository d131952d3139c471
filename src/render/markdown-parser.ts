import type { Token, Tokens } from 'marked';
import { marked, SAFE_LINK } from '../model/inline-html.js';
import { escapeMarkdownRun } from './markdown.js';

// The records' inline Markdown for the pages (loaded by markdown.ts when a text needs it): as
// sanitised HTML (model/inline-html.ts, which the personal-data check reads too), or rebuilt as
// Markdown that means the same to every renderer.

export { inlineHtml } from '../model/inline-html.js';

/**
 * One line of inline Markdown → Markdown rebuilt from marked's tokens: emphasis, strong,
 * strikethrough and http(s)/mailto links stay; raw HTML and code spans are text, an image is its
 * alt text, any other link is its text; every text run is escaped (escapeMarkdownRun), so the
 * result means the same to every CommonMark renderer, wherever in a line it is put.
 */
export function inlineMarkdown(line: string, cell: boolean): string {
  return markdownOf(marked.Lexer.lexInline(line), cell);
}

function markdownOf(tokens: readonly Token[], cell: boolean): string {
  return tokens.map((token) => tokenMarkdown(token, cell)).join('');
}

function tokenMarkdown(token: Token, cell: boolean): string {
  const inner = () => markdownOf('tokens' in token && token.tokens ? token.tokens : [], cell);
  switch (token.type) {
    case 'em':
    case 'strong':
    case 'del': {
      // The delimiters as written (`*` or `_`, `~` or `~~`) around the rebuilt content.
      const width = token.type === 'em' ? 1 : token.type === 'strong' ? 2 : /^~+/.exec(token.raw)![0].length;
      return `${token.raw.slice(0, width)}${inner()}${token.raw.slice(-width)}`;
    }
    case 'codespan':
      // Text, backticks and all: what is inside a code span cannot be escaped, and a bare URL just
      // before one (marked reads a backtick into the link) would leave its inside bare.
      return escapeMarkdownRun(token.raw, cell);
    case 'escape':
      // An escaped `<` as the entity, for the reason escapeMarkdownRun gives.
      return token.raw === '\\<' ? '&lt;' : token.raw;
    case 'link':
      return linkMarkdown(token as Tokens.Link, inner, cell);
    case 'image':
      return escapeMarkdownRun((token as Tokens.Image).text, cell);
    case 'br':
      return ' ';
    default:
      // text, and raw HTML (tags, comments): shown as written.
      return escapeMarkdownRun(token.raw, cell);
  }
}

function linkMarkdown(link: Tokens.Link, text: () => string, cell: boolean): string {
  if (!SAFE_LINK.test(link.href.trim())) return text();
  // A bare URL (GFM) stays bare; an autolink <…> holds no space, < or > and no escapes.
  if (!/^[[<]/.test(link.raw)) return escapeMarkdownRun(link.raw, cell);
  if (link.raw.startsWith('<')) return cell ? link.raw.replace(/\|/g, '\\|') : link.raw;
  // The target percent-encoded where it could end the link or open a code span; the title with its punctuation escaped.
  const href = link.href.replace(/[\s<>()\\`|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const title = link.title ? ` "${link.title.replace(/[!-/:-@[-`{-~]/g, '\\$&')}"` : '';
  return `[${text()}](${href}${title})`;
}
