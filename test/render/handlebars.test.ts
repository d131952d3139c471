import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageText } from '../../src/model/messages.js';
import type { OutputFormat, Template } from '../../src/model/templates.js';
import { compileTemplate, HELPER_NAMES } from '../../src/render/handlebars.js';
import { TemplateError } from '../../src/model/template-error.js';

const view = {
  lang: 'da' as const,
  title: 'Testparken <b>',
  n: 1234,
  date: '2020-03-03',
  key: 'no_such_key',
  items: [{ name: 'a' }, { name: 'b' }],
};
const text = (file: string, source: string, name = file): Template => ({ name, file, source });

/** The findings of rendering, as one line each (English), or the output. */
async function attempt(template: Template, format: OutputFormat = 'md', partials: Template[] = []): Promise<string | string[]> {
  try {
    return await (
      await compileTemplate(template, format, partials)
    )(view);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return error.findings.map((f) => `${f.file}:${f.line ?? '-'}:${f.column ?? '-'} ${f.code} ${messageText(f.code, f.params, 'en')}`);
  }
}

describe('templates and their helpers', () => {
  it('give every template the same helpers: t, md, cell, number, date, eq', async () => {
    const source = '{{t "about"}}|{{md "*x*"}}|{{cell "a|b"}}|{{number n}}|{{date date}}|{{#if (eq lang "da")}}da{{/if}}';
    expect(await attempt(text('own.md.hbs', source))).toBe('Om tallene|*x*|a\\|b|1.234|3. marts 2020|da\n');
    expect(await attempt(text('own.html.hbs', source), 'html')).toBe('Om tallene|<em>x</em>|a\\|b|1.234|3. marts 2020|da\n');
  });

  it('escape every value in HTML templates for HTML, and in Markdown ones as text for Markdown', async () => {
    expect(await attempt(text('own.html.hbs', '<h1>{{title}}</h1>'), 'html')).toBe('<h1>Testparken &lt;b&gt;</h1>\n');
    expect(await attempt(text('own.md.hbs', '# {{title}}'))).toBe('# Testparken &lt;b>\n');
  });

  // The same step runs on the default templates when scripts/bundle.mjs precompiles them (test/cli/markdown-safety.test.ts runs the bin).
  it('in Markdown templates, make every {{value}} text, a helper call too, but leave md, cell and {{{ }}} as they are', async () => {
    const hostile = { ...view, title: '<img src=x onerror=alert(1)> [a](javascript:x) `b` *c* a|b &lt;', items: [{ name: '# <b>' }] };
    const render = await compileTemplate(
      text(
        'own.md.hbs',
        '{{title}}\n{{t "not_comparable" category=title note="n" date="d"}}\n{{#each items}}{{name}}{{/each}}\n{{md title}}\n{{cell title}}\n{{{title}}}',
      ),
      'md',
    );
    expect((await render(hostile)).split('\n')).toEqual([
      '&lt;img src=x onerror=alert(1)> \\[a\\](javascript:x) \\`b\\` *c* a\\|b &amp;lt;',
      'Tallene for &lt;img src=x onerror=alert(1)> \\[a\\](javascript:x) \\`b\\` *c* a\\|b &amp;lt; er ikke helt sammenlignelige over perioden: n (d).',
      '\\# &lt;b>',
      '&lt;img src=x onerror=alert(1)> a \\`b\\` *c* a|b &lt;',
      '&lt;img src=x onerror=alert(1)> a \\`b\\` *c* a\\|b &lt;',
      '<img src=x onerror=alert(1)> [a](javascript:x) `b` *c* a|b &lt;',
      '',
    ]);
  });

  it('are the helpers docs/templates.md lists', () => {
    const docs = readFileSync(join(import.meta.dirname, '../../docs/templates.md'), 'utf8');
    const cells = [...docs.matchAll(/^\| (`\{\{.*?) \|/gm)].map((m) => m[1]!);
    const listed = cells.flatMap((cell) => [...cell.matchAll(/\{\{(?:#if \()?(\w+)/g)].map((m) => m[1]));
    expect(listed.sort()).toEqual([...HELPER_NAMES].sort());
  });

  it('print nothing themselves: {{log}} is not among them', async () => {
    expect(await attempt(text('own.md.hbs', 'a\n{{log title}}'))).toEqual([
      'own.md.hbs:2:3 template-unknown-helper unknown helper "log"; expected one of t, md, cell, number, date, eq, each, if, unless, lookup, with',
    ]);
  });

  it('keep prototypes closed: constructor, __proto__ and lookup give nothing', async () => {
    const source =
      '[{{constructor}}][{{__proto__}}][{{lookup this "constructor"}}][{{constructor.name}}][{{#with __proto__}}{{toString}}{{/with}}][{{lookup (lookup this "constructor") "name"}}]';
    expect(await attempt(text('own.md.hbs', source))).toBe('[][][][][][]\n');
  });

  it('compile once and render any number of views', async () => {
    const render = await compileTemplate(text('own.md.hbs', '{{title}} {{#each items}}{{name}}{{/each}}'), 'md');
    expect(await render(view)).toBe('Testparken &lt;b> ab\n');
    const other = { ...view, title: 'Other', items: [] };
    expect(await render(other)).toBe('Other\n');
  });
});

describe('a broken template names its file, line and column', () => {
  it.each([
    [
      'an unclosed block, at its opening',
      'a\n\n  {{#if title}}\nb\n',
      ['own.md.hbs:3:3 template-syntax Handlebars syntax error: this {{#if}} is never closed: expected {{/if}} before the end of the file'],
    ],
    [
      'an unclosed tag, at its opening',
      'a\n {{title\n',
      ['own.md.hbs:2:2 template-syntax Handlebars syntax error: this {{ is never closed with }}'],
    ],
    [
      'a block closed by another name',
      'a\n{{#each items}}\n{{/if}}\n',
      [
        "own.md.hbs:2:4 template-syntax Handlebars syntax error: {{/if}} closes {{#each}}; expected {{/each}} (Handlebars: each doesn't match if)",
      ],
    ],
    [
      'a tag Handlebars cannot read, where it stops',
      'a\n\n  {{foo bar=}}\n',
      [
        "own.md.hbs:3:13 template-syntax Handlebars syntax error: Expecting 'OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', got 'CLOSE'",
      ],
    ],
    [
      'an unknown helper, also in a branch this view does not reach',
      'a\n{{#if nothing}}\n  {{numbr n}}\n{{/if}}',
      [
        'own.md.hbs:3:5 template-unknown-helper unknown helper "numbr" (did you mean "number"?); expected one of t, md, cell, number, date, eq, each, if, unless, lookup, with',
      ],
    ],
    [
      'an unknown helper in a subexpression or a block',
      '{{#if (same a b)}}{{/if}}\n{{#loop items}}{{/loop}}',
      ['own.md.hbs:1:8 template-unknown-helper unknown helper "same"', 'own.md.hbs:2:4 template-unknown-helper unknown helper "loop"'],
    ],
    [
      'an unknown text key',
      'a {{t "abuot"}}',
      ['own.md.hbs:1:7 template-unknown-text unknown text key "abuot" for the helper t (did you mean "about"?)'],
    ],
    [
      'an unknown partial',
      '\n{{> brief-styel}}',
      [
        'own.md.hbs:2:5 template-unknown-partial unknown partial "brief-styel" (did you mean "brief-style"?); expected one of brief-style (a partial is a file in partials/, named without .hbs)',
      ],
    ],
    [
      'a text key known only when rendering',
      'a\n  {{t key}}',
      ['own.md.hbs:2:3 template-unknown-text unknown text key "no_such_key" for the helper t'],
    ],
    [
      'a partial named only when rendering (no line: Handlebars does not give one)',
      '{{> (lookup . "title")}}',
      ['own.md.hbs:-:- template-unknown-partial unknown partial "Testparken <b>"'],
    ],
  ])('%s', async (_, source, expected) => {
    const result = await attempt(text('own.md.hbs', source), 'md', [text('partials/brief-style.hbs', 'css', 'brief-style')]);
    expect(Array.isArray(result), String(result)).toBe(true);
    expect(result).toHaveLength(expected.length);
    (result as string[]).forEach((line, i) => expect(line.startsWith(expected[i]!), line).toBe(true));
  });

  it('a problem in a partial names the partial, not the template that uses it', async () => {
    const row = text('templates/partials/row.hbs', '<td>\n{{t key}}</td>', 'row');
    expect(await attempt(text('templates/brief.html.hbs', '<table>{{> row}}</table>'), 'html', [row])).toEqual([
      'templates/partials/row.hbs:2:1 template-unknown-text unknown text key "no_such_key" for the helper t; expected one of borgermode\'s text keys (the default templates show them in use)',
    ]);
  });

  it('every problem of every template at once, not the first', async () => {
    const broken = text('partials/a.hbs', '{{#if x}}', 'a');
    const result = await attempt(text('own.md.hbs', '{{> a}}\n{{nope 1}}'), 'md', [broken]);
    expect(result).toEqual([
      expect.stringMatching(
        /^partials\/a\.hbs:1:1 template-syntax Handlebars syntax error: this \{\{#if\}\} is never closed: expected \{\{\/if\}\} before the end of the file \(Handlebars: Expecting .*, got 'EOF'\)$/,
      ),
      'own.md.hbs:2:3 template-unknown-helper unknown helper "nope"; expected one of t, md, cell, number, date, eq, each, if, unless, lookup, with',
    ]);
  });

  it('a field that is not there is no error: it shows nothing, as in the defaults', async () => {
    expect(await attempt(text('own.md.hbs', '[{{missing}}][{{missing.deeper}}][{{#missing}}x{{/missing}}]'))).toBe('[][][]\n');
  });
});

// Handlebars has no timeout: the work of one page is bounded (RENDER_LIMITS), and a template past it is a TemplateError naming a template file.
describe('the work of a page is bounded', () => {
  /** p0 calls p1 twice, p1 calls p2 twice …: 2^depth calls of the last one. */
  const doubling = (depth: number, leaf: string) =>
    Array.from({ length: depth + 1 }, (_, i) =>
      text(`templates/partials/p${i}.hbs`, i === depth ? leaf : `{{> p${i + 1}}}{{> p${i + 1}}}`, `p${i}`),
    );

  it.each([
    ['partials that call each other twice, 40 deep, with no output', '', 'steps'],
    ['partials that call each other twice, 40 deep, doubling the text', 'x'.repeat(200), 'chars'],
  ])('%s: stopped in well under a second', async (_, leaf, limit) => {
    const started = performance.now();
    const result = await attempt(text('templates/brief.md.hbs', '{{> p0}}'), 'md', doubling(40, leaf));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result).toEqual([
      expect.stringMatching(
        new RegExp(
          `^templates/(partials/p\\d+|brief\\.md)\\.hbs:-:- template-too-much-work the template was stopped because it does more work than a page may: over ${limit === 'steps' ? '1,000,000 partial calls' : '64 MiB of text'}`,
        ),
      ),
    ]);
  });

  it('inline partials and nested {{#each}} blocks are counted too', async () => {
    const inline = `${Array.from({ length: 30 }, (_, i) => `{{#*inline "i${i}"}}{{> i${i + 1}}}{{> i${i + 1}}}{{/inline}}`).join('')}{{#*inline "i30"}}{{/inline}}{{> i0}}`;
    expect(await attempt(text('own.md.hbs', inline))).toEqual([expect.stringMatching(/^own\.md\.hbs:-:- template-too-much-work /)]);
    const nested = `${'{{#each @root.items}}'.repeat(30)}.${'{{/each}}'.repeat(30)}`;
    expect(await attempt(text('own.md.hbs', nested))).toEqual([
      expect.stringMatching(/^own\.md\.hbs:1:\d+ template-too-much-work .*over 1,000,000 partial calls and \{\{#each\}\} items/),
    ]);
  });

  it('counts each page afresh: a renderer used for many pages is not stopped by their sum', async () => {
    const render = await compileTemplate(text('own.md.hbs', '{{> p0}}'), 'md', doubling(18, 'x'));
    for (let page = 0; page < 5; page++) expect((await render(view)).length).toBe(2 ** 18 + 1);
  });
});
