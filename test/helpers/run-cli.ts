import { run } from '../../src/cli/run.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams, a fixed "today" and no colour. */
export async function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    cwd: options.cwd ?? process.cwd(),
    env: { NO_COLOR: '1', BORGERMODE_TODAY: '2020-04-20', ...options.env },
  });
  return { exitCode, stdout, stderr };
}
