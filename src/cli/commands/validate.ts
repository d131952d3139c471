import { diagnosticsJson } from '../diagnostics.js';
import type { Io } from '../io.js';
import { cliText } from '../messages.js';
import { loadFindingsAndReport, type ProjectOptions } from '../project.js';
import { printMessage } from '../safe-text.js';

export interface ValidateOptions extends ProjectOptions {
  json?: boolean;
}

/** `borgermode validate`: check every file, print every problem; exit 1 on errors. Unchanged since the last run: the memo's findings (load/validate-memo.ts). */
export async function validateCommand(io: Io, options: ValidateOptions): Promise<number> {
  if (options.json) {
    const quietIo: Io = { ...io, stderr: { write: () => true } };
    const result = await loadFindingsAndReport(quietIo, { ...options, quiet: true }, { notices: io.stderr });
    io.stdout.write(
      `${JSON.stringify({ ok: result.exitCode === 0, ...(result.sample ? { sample: true } : {}), diagnostics: diagnosticsJson(result.findings, result.lang) }, null, 2)}\n`,
    );
    return result.exitCode;
  }
  const result = await loadFindingsAndReport(io, options, { printSummary: true });
  if (result.exitCode === 0 && !options.quiet)
    printMessage(io, cliText(result.lang, result.findings.length === 0 ? 'ok_clean' : 'ok_warnings'));
  return result.exitCode;
}
