import type Handlebars from 'handlebars';
import type { Finding } from '../model/finding.js';
import { closest } from '../model/suggest.js';
import { isMessageKey, MESSAGE_KEYS } from './i18n.js';
import { placeOf, templateFinding } from '../model/template-error.js';

type Program = ReturnType<typeof Handlebars.parse>;
type Node = { type: string; loc?: { start: { line: number; column: number } } };
type Path = Node & { original: string; parts: string[]; data: boolean; depth: number };
type Call = Node & { path: Node; params: Node[]; hash?: unknown };
type Partial = Node & { name: Node & { original?: string; value?: unknown } };

/** The helpers and partials a template may use. */
export interface KnownNames {
  helpers: readonly string[];
  partials: readonly string[];
}

// Handlebars' own hooks, never called by name from a template.
const HOOKS = new Set(['helperMissing', 'blockHelperMissing']);

/**
 * Checks a parsed template before it is compiled, so that a mistake is found wherever it sits,
 * also in a branch the data of this run does not reach: every helper it calls, every partial it
 * names and every text key written out in `{{t "…"}}` must exist. Returns every finding.
 */
export function checkTemplate(ast: Program, file: string, known: KnownNames): Finding[] {
  const nodes = [...walkTemplate(ast)];
  const helpers = known.helpers.filter((name) => !HOOKS.has(name));
  // {{#*inline "name"}} … {{/inline}} defines a partial inside the template itself.
  const inline = nodes.filter(
    (n): n is Call =>
      n.type === 'DecoratorBlock' && (n as Call).path.type === 'PathExpression' && ((n as Call).path as Path).original === 'inline',
  );
  const partials = [...known.partials, ...inline.map((n) => String((n.params[0] as { value?: unknown } | undefined)?.value))];
  const findings: Finding[] = [];
  for (const node of nodes) {
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const call = node as Call;
      if (call.path.type !== 'PathExpression') continue;
      const path = call.path as Path;
      // Without arguments {{name}} and {{#name}} read the view model, unless a helper has that name; with them, or in ( ), they call a helper.
      const callsHelper = node.type === 'SubExpression' || call.params.length > 0 || Boolean(call.hash);
      const simple = !path.data && path.depth === 0 && path.parts.length === 1 && path.original === path.parts[0];
      if (callsHelper && !(simple && helpers.includes(path.original))) {
        findings.push(
          templateFinding(
            'template-unknown-helper',
            { key: path.original, suggestion: closest(path.original, helpers), choices: helpers },
            file,
            placeOf(path.loc),
          ),
        );
      } else if (!callsHelper && simple && helpers.includes(path.original)) {
        // The helper wins over a field of the same name: {{md}} gave the site's index href="[object Object]".
        findings.push(templateFinding('template-helper-without-argument', { key: path.original }, file, placeOf(path.loc)));
      } else if (simple && path.original === 't' && call.params[0]?.type === 'StringLiteral') {
        const key = String((call.params[0] as { value?: unknown }).value);
        if (!isMessageKey(key))
          findings.push(
            templateFinding('template-unknown-text', { key, suggestion: closest(key, MESSAGE_KEYS) }, file, placeOf(call.params[0].loc)),
          );
      }
    } else if (node.type === 'PartialStatement') {
      // A dynamic name, {{> (lookup …)}}, is only known when rendering; a partial block has a fallback.
      const name = (node as Partial).name;
      const value = name.type === 'PathExpression' ? name.original : name.type.endsWith('Literal') ? String(name.value) : undefined;
      if (value !== undefined && !partials.includes(value)) {
        findings.push(
          templateFinding(
            'template-unknown-partial',
            { key: value, suggestion: closest(value, partials), choices: [...partials].sort() },
            file,
            placeOf(name.loc),
          ),
        );
      }
    }
  }
  return findings;
}

/** Every node of a Handlebars AST, depth first. */
export function walkTemplate(ast: Program): Generator<Node> {
  return walk(ast);
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || value === null || typeof value !== 'object') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      // Every AST node has a type; strip flags and the like do not.
      if (child !== null && typeof child === 'object' && typeof (child as Node).type === 'string') yield* walk(child as Node);
    }
  }
}

/**
 * Where a template that ends too early went wrong, for a better message than Handlebars' "got
 * EOF" at the last line: a `{{` never closed, else the innermost block left open. A plain scan of
 * the text (comments blanked out); undefined when it finds neither.
 */
export function findUnclosed(source: string): { kind: 'tag' | 'block'; name?: string; line: number; column: number } | undefined {
  const text = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const place = (index: number) => {
    const before = text.slice(0, index);
    return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
  };
  const lastOpen = text.lastIndexOf('{{');
  if (lastOpen >= 0 && lastOpen > text.lastIndexOf('}}')) return { kind: 'tag', ...place(lastOpen) };
  const open: { name: string; index: number }[] = [];
  for (const match of text.matchAll(/\{\{~?\s*([#^/])\s*[*>]?\s*([^\s}~()]+)/g)) {
    if (match[1] === '/') open.pop();
    else open.push({ name: match[2]!, index: match.index });
  }
  const last = open.at(-1);
  return last ? { kind: 'block', name: last.name, ...place(last.index) } : undefined;
}
