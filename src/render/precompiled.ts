import type { OutputFormat, TemplateSpec } from './handlebars.js';

/** The default templates, precompiled: templates by file name, partials by format and name. */
export interface PrecompiledTemplates {
  templates: Record<string, TemplateSpec>;
  partials: Record<OutputFormat, Record<string, TemplateSpec>>;
}

/**
 * None when running from source (the templates are compiled from their text). The bundle
 * (scripts/build.mjs) replaces this module with the default templates precompiled, which spares
 * a cold start the Handlebars compiler.
 */
export const PRECOMPILED: PrecompiledTemplates | undefined = undefined;
