import type Handlebars from 'handlebars';
import { walkTemplate } from './template-check.js';

// scripts/bundle.mjs bundles this module to precompile the default Markdown templates with the same step.

/** The helper every `{{value}}` of a Markdown template goes through (renderPlainMarkdown); not one a template is offered (HELPER_NAMES). */
export const PLAIN_TEXT_HELPER = 'markdown-plain-text';

/** Helpers whose result is Markdown already, made safe by them. */
const MARKDOWN_HELPERS = new Set(['md', 'cell']);

type Program = ReturnType<typeof Handlebars.parse>;
type Node = { type: string; loc?: unknown };

type Mustache = Node & { path: Node & { original?: unknown }; params: Node[]; hash?: Node; escaped: boolean };

/**
 * Makes every `{{value}}` of a Markdown template text, the Markdown counterpart of the HTML
 * escaping that HTML templates get: `{{value}}` becomes `{{markdown-plain-text value}}`, and a
 * helper call `{{t "key" n=x}}` becomes `{{markdown-plain-text (t "key" n=x)}}`. Left as they are:
 * `{{md …}}` and `{{cell …}}` (inline Markdown of record text) and `{{{…}}}` (raw, on purpose).
 * Changes the parsed template in place and returns it, before it is compiled.
 */
export function escapeMarkdownValues(ast: Program): Program {
  // A mustache's own children are never mustaches, so changing it as it is visited is safe.
  for (const node of walkTemplate(ast)) {
    if (node.type !== 'MustacheStatement') continue;
    const mustache = node as Mustache;
    if (!mustache.escaped || (mustache.path.type === 'PathExpression' && MARKDOWN_HELPERS.has(String(mustache.path.original)))) continue;
    const { path, params, hash, loc } = mustache;
    const value = params.length > 0 || hash ? { type: 'SubExpression', path, params, hash, loc } : path;
    mustache.path = {
      type: 'PathExpression',
      data: false,
      depth: 0,
      parts: [PLAIN_TEXT_HELPER],
      original: PLAIN_TEXT_HELPER,
      loc,
    } as Mustache['path'];
    mustache.params = [value];
    mustache.hash = undefined;
  }
  return ast;
}
