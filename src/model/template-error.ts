import type { Finding } from './finding.js';
import type { Params } from './messages.js';

export type TemplateErrorCode =
  | 'template-syntax'
  | 'template-unknown-helper'
  | 'template-helper-without-argument'
  | 'template-unknown-text'
  | 'template-unknown-partial'
  | 'template-error'
  | 'template-too-much-work'
  | 'template-outside-project';

/**
 * A template that cannot be rendered: its findings name the template file, and the line and
 * column where Handlebars knows them. The command refuses the output (exit 1), writing nothing.
 */
export class TemplateError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => `${f.file}:${f.line ?? 1}:${f.column ?? 1} ${f.code}`).join('; '));
    this.name = 'TemplateError';
  }
}

/** Where in a template: 1-based line and column. */
export interface TemplatePlace {
  line?: number | undefined;
  column?: number | undefined;
}

/** A template finding; `file` is the template's path as shown to people (relative to the project when inside it). */
export function templateFinding(code: TemplateErrorCode, params: Params, file: string, place: TemplatePlace = {}): Finding {
  return { file, severity: 'error', code, params, ...(place.line === undefined ? {} : { line: place.line, column: place.column ?? 1 }) };
}

/** A Handlebars source location (0-based columns) as a place. */
export function placeOf(loc: { start?: { line: number; column: number } } | undefined): TemplatePlace {
  return loc?.start ? { line: loc.start.line, column: loc.start.column + 1 } : {};
}
