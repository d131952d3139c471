import Handlebars from 'handlebars';
import type { Lang } from '../model/schema.js';
import { formatDate, formatNumber } from './format.js';
import { isMessageKey, t } from './i18n.js';
import { renderInlineHtml, renderInlineMarkdown, renderMarkdownCell } from './markdown.js';

export type OutputFormat = 'md' | 'html';

/** A template as read from disk: its name (for messages) and text. */
export interface TemplateSource {
  name: string;
  source: string;
}

/**
 * Renders a view model through a template. Markdown templates compile without HTML escaping
 * (their helpers escape for Markdown instead); HTML templates escape every `{{value}}`.
 * Prototype access stays closed (Handlebars' default); templates only see the view model.
 */
export function renderTemplate(template: TemplateSource, view: { lang: Lang }, format: OutputFormat, partials: readonly TemplateSource[] = []): string {
  const hbs = Handlebars.create();
  registerHelpers(hbs, format);
  for (const partial of partials) hbs.registerPartial(partial.name, partial.source);
  const compiled = hbs.compile(template.source, { noEscape: format === 'md', strict: false, knownHelpersOnly: false });
  // One final newline, whatever the template's last lines do.
  return `${compiled(view).trimEnd()}\n`;
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
