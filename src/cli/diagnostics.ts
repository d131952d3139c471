import { relative, resolve, sep } from 'node:path';
import { type Finding, findingMessage, formatFinding } from '../model/finding.js';
import type { Lang } from '../model/schema.js';
import type { Io } from './io.js';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const RESET = '\u001b[0m';

/** Prints findings on stderr, one line each; with GITHUB_ACTIONS set, errors also as annotations. */
export function printFindings(io: Io, findings: readonly Finding[], options: { color: boolean; quiet?: boolean; lang: Lang; root: string }): void {
  for (const finding of findings) {
    if (options.quiet && finding.severity === 'warning') continue;
    let line = formatFinding(finding, options.lang);
    if (options.color) {
      const colour = finding.severity === 'error' ? RED : YELLOW;
      line = line.replace(` ${finding.severity} `, ` ${colour}${finding.severity}${RESET} `);
    }
    io.stderr.write(`${line}\n`);
    if (io.env.GITHUB_ACTIONS && finding.severity === 'error') {
      // Annotations name files from the working folder (the repository root in a workflow).
      const file = relative(io.cwd, resolve(options.root, finding.file)).split(sep).join('/');
      io.stderr.write(`::error file=${file},line=${finding.line ?? 1},col=${finding.column ?? 1}::${findingMessage(finding, options.lang).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    }
  }
}

/** The findings as the `diagnostics` of a --json document. */
export function diagnosticsJson(findings: readonly Finding[], lang: Lang) {
  return findings.map((f) => ({ file: f.file, line: f.line ?? 1, column: f.column ?? 1, severity: f.severity, code: f.code, message: findingMessage(f, lang) }));
}

/** "2 errors, 1 warning" / "2 fejl, 1 advarsel". */
export function countSummary(findings: readonly Finding[], lang: Lang): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return lang === 'da'
    ? `${errors} fejl, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}`
    : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}
