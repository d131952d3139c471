import type { OutputFormat, TemplateSpec } from './handlebars.js';

/**
 * The default templates, precompiled, each loaded when first asked for (a chunk of its own, so a
 * brief does not compile the code of every other template): templates by file name, the
 * partials of a format by name.
 */
export interface PrecompiledTemplates {
  templates: Record<string, () => Promise<TemplateSpec>>;
  partials: Record<OutputFormat, () => Promise<Record<string, TemplateSpec>>>;
}

/**
 * None when running from source (the templates are compiled from their text). The bundle
 * (scripts/build.mjs) replaces this module with the default templates precompiled, which spares
 * a cold start the Handlebars compiler.
 */
export const PRECOMPILED: PrecompiledTemplates | undefined = undefined;
