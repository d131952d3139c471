import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { TEST_ENV } from '../helpers/run-cli.js';

// src/cli/run.ts: every error becomes an exit code; a fault in borgermode itself is one line and exit 70.
const CANARY = join(import.meta.dirname, '../fixtures/canary');

async function runBroken(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    cwd: process.cwd(),
    env: { ...TEST_ENV, BORGERMODE_TODAY: undefined, ...env },
    // A fault no command expects: the clock itself fails.
    now: () => {
      throw new TypeError('the clock broke');
    },
  });
  return { exitCode, stdout, stderr };
}

describe('an unexpected error', () => {
  it('is one line saying it is a fault in borgermode, exit 70, no stack trace', async () => {
    const result = await runBroken(['report', '--data', CANARY]);
    expect(result.exitCode).toBe(70);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('borgermode: intern fejl: the clock broke. Det er en fejl i borgermode, ikke i dine data; kør igen med BORGERMODE_DEBUG=1 for detaljer, og meld fejlen\n');
  });

  it('prints its stack with BORGERMODE_DEBUG=1, and in English with --lang en', async () => {
    const result = await runBroken(['report', '--data', CANARY, '--lang', 'en'], { BORGERMODE_DEBUG: '1' });
    expect(result.exitCode).toBe(70);
    expect(result.stderr).toMatch(/^borgermode: internal error: the clock broke\. This is a fault in borgermode, not in your data; .*\nTypeError: the clock broke\n {4}at /);
  });

  it('still prints the one --json document', async () => {
    const result = await runBroken(['validate', '--data', CANARY, '--json']);
    expect(result.exitCode).toBe(70);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^intern fejl: the clock broke\./) }, diagnostics: [] });
  });
});
