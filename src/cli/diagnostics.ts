import { type Finding, formatFinding } from '../model/finding.js';
import type { Io } from './io.js';

const RED = '\u001b[31m';
const YELLOW = '\u001b[33m';
const RESET = '\u001b[0m';

/** Prints findings on stderr, one line each; with GITHUB_ACTIONS set, errors also as annotations. */
export function printFindings(io: Io, findings: readonly Finding[], options: { color: boolean; quiet?: boolean }): void {
  for (const finding of findings) {
    if (options.quiet && finding.severity === 'warning') continue;
    let line = formatFinding(finding);
    if (options.color) {
      const colour = finding.severity === 'error' ? RED : YELLOW;
      line = line.replace(` ${finding.severity} `, ` ${colour}${finding.severity}${RESET} `);
    }
    io.stderr.write(`${line}\n`);
    if (io.env.GITHUB_ACTIONS && finding.severity === 'error') {
      io.stderr.write(`::error file=${finding.file},line=${finding.line ?? 1},col=${finding.column ?? 1}::${finding.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    }
  }
}

/** The findings as the `diagnostics` of a --json document. */
export function diagnosticsJson(findings: readonly Finding[]) {
  return findings.map((f) => ({ file: f.file, line: f.line ?? 1, column: f.column ?? 1, severity: f.severity, code: f.code, message: f.message }));
}

/** "2 errors, 1 warning". */
export function countSummary(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}
