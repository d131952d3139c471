import type { PrecompiledTemplates } from '../model/templates.js';

/**
 * None when running from source (the templates are compiled from their text). The bundle
 * (scripts/bundle.mjs) replaces this module with the default templates precompiled, which spares
 * a cold start the Handlebars compiler.
 */
export const PRECOMPILED: PrecompiledTemplates | undefined = undefined;
