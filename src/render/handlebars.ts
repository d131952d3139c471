import type Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import type { Finding } from '../model/finding.js';
import type { Lang } from '../model/schema.js';
import type { OutputFormat, Template } from '../model/templates.js';
import { closest } from '../model/suggest.js';
import { formatDate, formatNumber } from './format.js';
import { isMessageKey, MESSAGE_KEYS, t } from './i18n.js';
import { alignMarkdownTables } from './markdown-tables.js';
import { prepareMarkdownParser, renderInlineHtml, renderInlineMarkdown, renderMarkdownCell, renderPlainMarkdown } from './markdown.js';
import { escapeMarkdownValues, PLAIN_TEXT_HELPER } from './markdown-values.js';
import { checkTemplate, findUnclosed } from './template-check.js';
import { placeOf, TemplateError, templateFinding } from '../model/template-error.js';

/** A compiled template with its partials: a view model in, the text out. */
export type Renderer = (view: { lang: Lang }) => Promise<string>;

// The runtime build (no compiler) has the same API as the full one, less compile; its own type file is empty.
const HandlebarsRuntime = runtime as unknown as typeof Handlebars;

/** How every template of a format is compiled, at build time and at run time alike. */
export const compileOptions = (format: OutputFormat): CompileOptions => ({
  noEscape: format === 'md',
  strict: false,
  knownHelpersOnly: false,
});
type CompileOptions = { noEscape: boolean; strict: boolean; knownHelpersOnly: boolean };

/** borgermode's own helpers (docs/templates.md), besides Handlebars' if, unless, each, with and lookup. */
export const HELPER_NAMES = ['t', 'md', 'cell', 'number', 'date', 'eq'] as const;

type Location = { source?: string; start?: { line: number; column: number } };
type Options = Handlebars.HelperOptions & { name?: string; loc?: Location };

/**
 * Compiles a template and its partials once, for any number of views. HTML templates escape every
 * `{{value}}` for HTML; Markdown templates compile without HTML escaping, and every `{{value}}` in
 * them but `md` and `cell` is escaped as text for Markdown instead (escapeMarkdownValues).
 * Prototype access stays closed (Handlebars' default); templates only see the view model. The Handlebars compiler is loaded only when a template comes as text; such a template is
 * checked before it is used (syntax, helpers, partials, text keys). Every mistake is thrown as a
 * TemplateError naming the template file, with the line and column where Handlebars knows them.
 */
export async function compileTemplate(template: Template, format: OutputFormat, partials: readonly Template[] = []): Promise<Renderer> {
  const all = [template, ...partials];
  const precompiled = all.every((t) => 'spec' in t);
  const hbs = precompiled ? HandlebarsRuntime.create() : (await import('handlebars')).default.create();
  registerHelpers(hbs, format);
  const budget = boundWork(hbs);
  const known = { helpers: helperNames(hbs), partials: partials.map((p) => p.name) };
  const findings: Finding[] = [];
  const build = (t: Template): Handlebars.TemplateDelegate => {
    if ('spec' in t) return hbs.template(t.spec);
    let ast: ReturnType<typeof Handlebars.parse>;
    try {
      ast = hbs.parseWithoutProcessing(t.source, { srcName: t.file });
    } catch (error) {
      findings.push(syntaxFinding(hbs, error, t.file, t.source));
      return () => '';
    }
    findings.push(...checkTemplate(ast, t.file, known));
    if (format === 'md') escapeMarkdownValues(ast);
    // compile() applies the whitespace control to the unprocessed tree, as it does to a text.
    // srcName: the file in the location Handlebars gives each helper call.
    const options: CompileOptions & { srcName: string } = { ...compileOptions(format), srcName: t.file };
    return hbs.compile(ast, options);
  };
  for (const partial of partials) hbs.registerPartial(partial.name, attributed(build(partial), partial.file, known.partials));
  const main = attributed(build(template), template.file, known.partials);
  if (findings.length > 0) throw new TemplateError(findings);
  return async (view) => {
    // One's own templates may hand the helpers text of their own (a literal): the parser then always.
    await prepareMarkdownParser(view, format === 'html' || !precompiled);
    budget.reset();
    const text = main(view);
    // One final newline, whatever the template's last lines do; Markdown tables aligned.
    return `${format === 'md' ? alignMarkdownTables(text.trimEnd()) : text.trimEnd()}\n`;
  };
}

/**
 * The most work one page may take (docs/templates.md#bounds): partial calls and `each` items
 * together, and the characters they make. Handlebars has no timeout, and partials that call each
 * other twice, 40 deep, would run for ever; the default templates stay far below both (a page of
 * the sample takes under 150 steps and 50 kB).
 */
export const RENDER_LIMITS = { steps: 1_000_000, chars: 64 * 1024 * 1024 } as const;

/**
 * Counts the work of every partial call (also inline and dynamic partials: Handlebars' own hook)
 * and of every `each` item, and stops the page with a TemplateError when it is past RENDER_LIMITS.
 * The characters are those each partial and each item make, so a nested one counts again in its
 * parents: an upper bound, reached by the page's size or before it.
 */
function boundWork(hbs: typeof Handlebars): { reset(): void } {
  let steps = 0;
  let chars = 0;
  const step = (loc: Location | undefined) => {
    if (++steps > RENDER_LIMITS.steps)
      throw new TemplateError([
        templateFinding('template-too-much-work', { limit: 'steps', max: RENDER_LIMITS.steps }, loc?.source ?? '', placeOf(loc)),
      ]);
  };
  const made = (text: unknown, loc: Location | undefined) => {
    if (typeof text === 'string' && (chars += text.length) > RENDER_LIMITS.chars) {
      throw new TemplateError([
        templateFinding(
          'template-too-much-work',
          { limit: 'chars', max: RENDER_LIMITS.chars / 1024 / 1024 },
          loc?.source ?? '',
          placeOf(loc),
        ),
      ]);
    }
    return text;
  };
  // hbs.VM is the runtime every template of this instance calls through (Handlebars documents overriding it).
  type Vm = { invokePartial: (this: unknown, ...args: unknown[]) => unknown };
  const env = hbs as unknown as { VM: Vm };
  const vm = env.VM;
  env.VM = {
    ...vm,
    invokePartial(this: unknown, ...args: unknown[]) {
      step(undefined);
      return made(vm.invokePartial.apply(this, args), undefined);
    },
  };
  const each = hbs.helpers.each! as (this: unknown, ...args: unknown[]) => unknown;
  hbs.registerHelper('each', function (this: unknown, ...args: unknown[]) {
    const options = args.at(-1) as Options;
    const fn = options.fn;
    const counted = {
      ...options,
      fn: (context: unknown, o?: Handlebars.RuntimeOptions) => {
        step(options.loc);
        return made(fn(context, o), options.loc);
      },
    };
    return each.apply(this, [...args.slice(0, -1), counted]);
  });
  return {
    reset() {
      steps = 0;
      chars = 0;
    },
  };
}

/** The helpers a template may call: borgermode's, then Handlebars' own (less its internal hooks). */
function helperNames(hbs: typeof Handlebars): string[] {
  return [
    ...HELPER_NAMES,
    ...Object.keys(hbs.helpers).filter(
      (name) => !(HELPER_NAMES as readonly string[]).includes(name) && name !== PLAIN_TEXT_HELPER && !name.endsWith('Missing'),
    ),
  ];
}

/**
 * A template or partial whose errors name its file: the innermost one that fails is the one that
 * is named. Errors from helpers already carry their place; others get the file, and the line when
 * Handlebars gives one.
 */
function attributed(render: Handlebars.TemplateDelegate, file: string, partials: readonly string[]): Handlebars.TemplateDelegate {
  return (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return render(context, options);
    } catch (error) {
      throw runtimeError(error, file, partials);
    }
  };
}

function runtimeError(error: unknown, file: string, partials: readonly string[]): TemplateError {
  if (error instanceof TemplateError) return new TemplateError(error.findings.map((f) => (f.file === '' ? { ...f, file } : f)));
  const message = error instanceof Error ? error.message : String(error);
  // A partial named at run time ({{> (lookup …)}}); a name written out is checked before.
  const partial = /^The partial (.+) could not be found$/.exec(message);
  if (partial)
    return new TemplateError([
      templateFinding(
        'template-unknown-partial',
        { key: partial[1], suggestion: closest(partial[1]!, partials), choices: [...partials].sort() },
        file,
      ),
    ]);
  const { lineNumber, column } = error as { lineNumber?: number; column?: number };
  return new TemplateError([
    templateFinding(
      'template-error',
      { detail: message.replace(/ - \d+:\d+$/, '') },
      file,
      placeOf(lineNumber === undefined ? undefined : { start: { line: lineNumber, column: column ?? 0 } }),
    ),
  ]);
}

/**
 * A Handlebars syntax error as a finding. Its parser says "Parse error on line N:" and keeps the
 * place of the token it stopped at in its lexer, which gives the column; block errors carry both.
 */
function syntaxFinding(hbs: typeof Handlebars, error: unknown, file: string, source: string): Finding {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const parse = /^(?:Parse|Lexical) error on line (\d+)/.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const at = (hbs as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
    const detail = lines[3] ?? lines[0]!;
    if (/got 'EOF'$/.test(detail)) {
      // Handlebars stops at the end of the file; the place to fix is where the tag or block opens.
      const unclosed = findUnclosed(source);
      if (unclosed?.kind === 'block')
        return templateFinding('template-syntax', { detail, hint: 'eof-block', open: unclosed.name }, file, unclosed);
      if (unclosed?.kind === 'tag') return templateFinding('template-syntax', { detail, hint: 'eof-tag' }, file, unclosed);
      return templateFinding('template-syntax', { detail, hint: 'eof' }, file, { line });
    }
    return templateFinding('template-syntax', { detail }, file, {
      line,
      column: at?.first_line === line ? at.first_column + 1 : undefined,
    });
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  const { lineNumber, column } = error as { lineNumber?: number; column?: number };
  const detail = lines[0]!.replace(/ - \d+:\d+$/, '');
  return templateFinding(
    'template-syntax',
    { detail, ...(mismatch ? { hint: 'mismatch', open: mismatch[1], close: mismatch[2] } : {}) },
    file,
    lineNumber === undefined ? {} : { line: lineNumber, column: (column ?? 0) + 1 },
  );
}

function registerHelpers(hbs: typeof Handlebars, format: OutputFormat): void {
  const lang = (options: Handlebars.HelperOptions): Lang => (options.data as { root?: { lang?: Lang } } | undefined)?.root?.lang ?? 'da';
  // A helper that fails names the place of its call: Handlebars gives every helper its location.
  const helper = (name: (typeof HELPER_NAMES)[number], fn: (...args: never[]) => unknown) =>
    hbs.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return (fn as (...a: unknown[]) => unknown).apply(this, args);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        const options = args.at(-1) as Options;
        throw new TemplateError([
          templateFinding(
            'template-error',
            { detail: `${name}: ${error instanceof Error ? error.message : String(error)}` },
            options.loc?.source ?? '',
            placeOf(options.loc),
          ),
        ]);
      }
    });

  /** {{t "key" name=value}}: a text for people in the view's language. */
  helper('t', (key: unknown, options: Options) => {
    const name = String(key);
    if (!isMessageKey(name))
      throw new TemplateError([
        templateFinding(
          'template-unknown-text',
          { key: name, suggestion: closest(name, MESSAGE_KEYS) },
          options.loc?.source ?? '',
          placeOf(options.loc),
        ),
      ]);
    return t(lang(options), name, options.hash as Record<string, string | number>);
  });
  /** {{md field}}: inline Markdown of a record field (HTML output: safe HTML; Markdown output: Markdown in which raw HTML is text). */
  helper('md', (text: unknown) => {
    if (text === undefined || text === null) return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a template's value: text, a number or a boolean from the view model
    return format === 'html' ? new hbs.SafeString(renderInlineHtml(String(text))) : renderInlineMarkdown(String(text));
  });
  /** {{cell field}}: a value in a Markdown table cell. */
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a template's value: text, a number or a boolean from the view model
  helper('cell', (text: unknown) => (text === undefined || text === null ? '' : renderMarkdownCell(String(text))));
  // Every other {{value}} of a Markdown template, put through this by escapeMarkdownValues.
  if (format === 'md')
    hbs.registerHelper(PLAIN_TEXT_HELPER, (value: unknown) =>
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a template's value: text, a number or a boolean from the view model
      value === undefined || value === null ? '' : renderPlainMarkdown(String(value)),
    );
  helper('number', (value: unknown, options: Options) => formatNumber(Number(value), lang(options)));
  helper('date', (value: unknown, options: Options) => formatDate(String(value), lang(options)));
  helper('eq', (a: unknown, b: unknown) => a === b);
  // {{log}} writes to the console: a renderer prints nothing (and stdout may be the output).
  hbs.unregisterHelper('log');
  // Handlebars' own hook, with the place of the call: {{name}} alone reads a missing field (nothing), {{name x}} calls a helper.
  hbs.registerHelper('helperMissing', (...args: unknown[]) => {
    if (args.length === 1) return undefined;
    const options = args.at(-1) as Options;
    const helpers = helperNames(hbs);
    throw new TemplateError([
      templateFinding(
        'template-unknown-helper',
        { key: options.name, suggestion: closest(String(options.name), helpers), choices: helpers },
        options.loc?.source ?? '',
        placeOf(options.loc),
      ),
    ]);
  });
}
