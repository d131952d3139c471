import type Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import type { Lang } from '../model/schema.js';
import { formatDate, formatNumber } from './format.js';
import { isMessageKey, t } from './i18n.js';
import { alignMarkdownTables } from './markdown-tables.js';
import { renderInlineHtml, renderInlineMarkdown, renderMarkdownCell } from './markdown.js';

export type OutputFormat = 'md' | 'html';

/**
 * A template: its name (for messages) and either its text or, for the default templates in the
 * bundle, the specification Handlebars precompiled at build time (scripts/build.mjs).
 */
export type Template = { name: string; source: string } | { name: string; spec: TemplateSpec };
export type TemplateSpec = ReturnType<typeof Handlebars.precompile>;

// The runtime build (no compiler) has the same API as the full one, less compile; its own type file is empty.
const HandlebarsRuntime = runtime as unknown as typeof Handlebars;

/** How every template of a format is compiled, at build time and at run time alike. */
export const compileOptions = (format: OutputFormat): CompileOptions => ({ noEscape: format === 'md', strict: false, knownHelpersOnly: false });
type CompileOptions = { noEscape: boolean; strict: boolean; knownHelpersOnly: boolean };

/**
 * Renders a view model through a template. Markdown templates compile without HTML escaping
 * (their helpers escape for Markdown instead); HTML templates escape every `{{value}}`.
 * Prototype access stays closed (Handlebars' default); templates only see the view model.
 * The Handlebars compiler is loaded only when a template comes as text.
 */
export async function renderTemplate(template: Template, view: { lang: Lang }, format: OutputFormat, partials: readonly Template[] = []): Promise<string> {
  const all = [template, ...partials];
  const hbs = all.every((t) => 'spec' in t) ? HandlebarsRuntime.create() : (await import('handlebars')).default.create();
  registerHelpers(hbs, format);
  const build = (t: Template) => ('spec' in t ? hbs.template(t.spec) : hbs.compile(t.source, compileOptions(format)));
  for (const partial of partials) hbs.registerPartial(partial.name, build(partial));
  const text = build(template)(view);
  // One final newline, whatever the template's last lines do; Markdown tables aligned.
  return `${format === 'md' ? alignMarkdownTables(text.trimEnd()) : text.trimEnd()}\n`;
}

function registerHelpers(hbs: typeof Handlebars, format: OutputFormat): void {
  const lang = (options: Handlebars.HelperOptions): Lang => (options.data?.root as { lang?: Lang })?.lang ?? 'da';

  /** {{t "key" name=value}}: a text for people in the view's language. */
  hbs.registerHelper('t', function (key: unknown, options: Handlebars.HelperOptions) {
    const name = String(key);
    if (!isMessageKey(name)) throw new Error(`unknown text key "${name}" in {{t}}`);
    return t(lang(options), name, options.hash as Record<string, string | number>);
  });
  /** {{md field}}: inline Markdown of a record field (HTML output: safe HTML; Markdown output: literal HTML). */
  hbs.registerHelper('md', (text: unknown) => {
    if (text === undefined || text === null) return '';
    return format === 'html' ? new hbs.SafeString(renderInlineHtml(String(text))) : renderInlineMarkdown(String(text));
  });
  /** {{cell field}}: a value in a Markdown table cell. */
  hbs.registerHelper('cell', (text: unknown) => (text === undefined || text === null ? '' : renderMarkdownCell(String(text))));
  hbs.registerHelper('number', (value: unknown, options: Handlebars.HelperOptions) => formatNumber(Number(value), lang(options)));
  hbs.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) => formatDate(String(value), lang(options)));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}
