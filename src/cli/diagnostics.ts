import { relative, resolve, sep } from 'node:path';
import { type Finding, findingMessage, formatFinding } from '../model/finding.js';
import type { Lang } from '../model/schema.js';
import type { Io } from './io.js';
import { safeLines, safeText, withoutCommands } from './safe-text.js';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const CYAN = '\u001b[36m';
const RESET = '\u001b[0m';

/**
 * Prints findings on stderr, one line each; with GITHUB_ACTIONS set, each also as a workflow
 * command (`::error`, `::warning` or `::notice`) that GitHub shows as an annotation on the file.
 */
export function printFindings(
  io: Io,
  findings: readonly Finding[],
  options: { color: boolean; quiet?: boolean; lang: Lang; root: string },
): void {
  for (const finding of findings) {
    if (options.quiet && finding.severity !== 'error') continue;
    // Record text and file names reach the line escaped (safe-text.ts): never a second line, never a line starting with "::".
    let line = withoutCommands(safeText(formatFinding({ ...finding, file: safePath(finding.file) }, options.lang)), io.env);
    if (options.color) {
      const colour = finding.severity === 'error' ? RED : finding.severity === 'warning' ? YELLOW : CYAN;
      line = line.replace(` ${finding.severity} `, ` ${colour}${finding.severity}${RESET} `);
    }
    io.stderr.write(`${line}\n`);
    if (io.env.GITHUB_ACTIONS)
      io.stderr.write(`${annotation(finding, options.lang, relative(io.cwd, resolve(options.root, finding.file)).split(sep).join('/'))}\n`);
  }
}

/**
 * A finding as a GitHub workflow command: `file` as named from the working folder (the
 * repository root in a workflow); properties and message escaped as GitHub's runner requires.
 */
export function annotation(finding: Finding, lang: Lang, file: string): string {
  const properties = [`file=${escapeProperty(safeLines(file))}`, `line=${finding.line ?? 1}`, `col=${finding.column ?? 1}`];
  // Line breaks as GitHub escapes them (the annotation shows them); other controls as in the line above it.
  const message = safeLines(findingMessage(finding, lang));
  const command = finding.severity === 'note' ? 'notice' : finding.severity;
  return `::${command} ${properties.join(',')}::${escapeData(message)}`;
}

/** A workflow command's message: `%`, CR and LF escaped (GitHub's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as its message, and `:` and `,` too (GitHub's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A path that cannot start a workflow command: GitHub's runner reads a line that starts with
 * "::" after any leading whitespace as one, so such a path (a file named "::error …") gets "./".
 */
function safePath(path: string): string {
  return /^\s|^:/.test(path) ? `./${path}` : path;
}

/** The findings as the `diagnostics` of a --json document. */
export function diagnosticsJson(findings: readonly Finding[], lang: Lang) {
  return findings.map((f) => ({
    file: f.file,
    line: f.line ?? 1,
    column: f.column ?? 1,
    severity: f.severity,
    code: f.code,
    message: findingMessage(f, lang),
  }));
}

/** "2 errors, 1 warning" / "2 fejl, 1 advarsel", and ", 3 noter" when there are notes. */
export function countSummary(findings: readonly Finding[], lang: Lang): string {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  return countText(count('error'), count('warning'), lang, count('note'));
}

/** "2 fejl, 1 advarsel" from the counts, and ", 1 note" when there are notes. */
export function countText(errors: number, warnings: number, lang: Lang, notes = 0): string {
  const base =
    lang === 'da'
      ? `${errors} fejl, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}`
      : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  if (notes === 0) return base;
  return `${base}, ${notes} ${lang === 'da' ? (notes === 1 ? 'note' : 'noter') : notes === 1 ? 'note' : 'notes'}`;
}
