import { type MessageCode, messageText, type Params, seeText } from './messages.js';
import type { Lang } from './schema.js';

/** An error stops a command; a warning is to be fixed; a note (validate's readability, LIX) is advice. */
export type Severity = 'error' | 'warning' | 'note';

/** A path into a parsed YAML document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** One problem found in the data. `path` is resolved to line and column before it is shown. */
export interface Finding {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  severity: Severity;
  /** A stable, kebab-case name of the problem, e.g. `unknown-field`; it picks the message. */
  code: MessageCode;
  /** The values the message names (the key, what was expected, what was found …). */
  params: Params;
  /** Where in the document; `key` points at the key of the last step instead of its value. */
  path?: YamlPath;
  target?: 'key' | 'value';
  line?: number;
  column?: number;
  /** Another place the message refers to, e.g. the first use of a duplicate id. */
  related?: { file: string; path: YamlPath; line?: number; column?: number };
}

/** Findings sorted by file, line and column (then code, so the order is stable). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

/** The message of a finding in `lang`, with the place it refers to, if any. */
export function findingMessage(f: Finding, lang: Lang): string {
  const related = f.related ? ` (${seeText(lang)} ${f.related.file}:${f.related.line ?? 1}:${f.related.column ?? 1})` : '';
  return `${messageText(f.code, f.params, lang)}${related}`;
}

/** The one-line form `path:line:col severity message`. */
export function formatFinding(f: Finding, lang: Lang): string {
  return `${f.file}:${f.line ?? 1}:${f.column ?? 1} ${f.severity} ${findingMessage(f, lang)}`;
}
