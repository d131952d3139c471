import type Handlebars from 'handlebars';

// The template registry's vocabulary, shared by the loader (load/load-templates.ts), the renderer
// (render/handlebars.ts) and the commands: the templates borgermode renders, by file name.

/** The templates borgermode renders (the package's `templates/`); one's own overrides any of them by file name. */
export const TEMPLATE_NAMES = [
  'brief.md.hbs',
  'brief.html.hbs',
  'compare.md.hbs',
  'compare.html.hbs',
  'summary.md.hbs',
  'summary.html.hbs',
  'index.html.hbs',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export type OutputFormat = 'md' | 'html';

/**
 * A template: its name (a partial's is its file name without `.hbs`), its file as shown in
 * messages, and either its text or, for the default templates in the bundle, the specification
 * Handlebars precompiled at build time (scripts/bundle.mjs).
 */
export type Template = { name: string; file: string; source: string } | { name: string; file: string; spec: TemplateSpec };
export type TemplateSpec = ReturnType<typeof Handlebars.precompile>;

/**
 * The default templates, precompiled, each loaded when first asked for (a chunk of its own, so a
 * brief does not compile the code of every other template): templates by file name, the
 * partials of a format by name.
 */
export interface PrecompiledTemplates {
  templates: Record<string, () => Promise<TemplateSpec>>;
  partials: Record<OutputFormat, () => Promise<Record<string, TemplateSpec>>>;
}
