import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type Env = Record<string, string | undefined>;

/**
 * What the tests pass unless they say otherwise: no colour, a fixed "today", and no cache of
 * checked files (test/load/cache.test.ts turns it on), so no test leaves one in a fixture; and a
 * cache home of the tests' own, so that the key that seals the cache (src/load/cache-key.ts) is
 * never made in the user's home.
 */
export const TEST_ENV: Env = {
  NO_COLOR: '1',
  BORGERMODE_TODAY: '2020-04-20',
  BORGERMODE_NO_CACHE: '1',
  XDG_CACHE_HOME: join(tmpdir(), 'borgermode-tests-cache-home'),
};

export const BIN = fileURLToPath(new URL('../../bin/borgermode.js', import.meta.url));

/** Runs the CLI in-process with captured streams, in the given folder and environment. */
export async function runCli(args: readonly string[], options: { cwd?: string; env?: Env } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: { isTTY: false },
    cwd: options.cwd ?? process.cwd(),
    env: { ...TEST_ENV, ...options.env },
  });
  return { exitCode, stdout, stderr };
}

/** Runs the real bin (the bundle in dist/, built by test/global-setup.ts) as a child process. */
export function runBin(args: readonly string[], options: { cwd?: string; env?: Env } = {}): Promise<CliResult> {
  const env = { ...process.env, GITHUB_ACTIONS: undefined, ...TEST_ENV, ...options.env };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? process.cwd(), env, encoding: 'utf8' }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ exitCode, stdout, stderr });
    });
  });
}
