import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { runBin, TEST_ENV } from '../helpers/run-cli.js';

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

// One error path: each class of failure through the real bin, its exit code, its one stderr line and the --json document.
describe('every failure class through the bin', () => {
  const SAMPLE = join(import.meta.dirname, '../../data');
  const BROKEN = join(import.meta.dirname, '../fixtures/unknown-category');
  it.each([
    ['usage: an unknown flag', ['validate', '--sample', '--bogus'], 2, /^borgermode: unknown option '--bogus'\n/, undefined],
    ['usage: a bad quarter', ['report', '--sample', '--quarter', '2020-Q5'], 2, /^borgermode: ugyldigt kvartal "2020-Q5"/, undefined],
    ['usage: a folder build may not replace', ['build', '--sample', '--out', '/', '--json'], 2, /^borgermode: --out \/ er roden af filsystemet/, 'usage'],
    ['file access: a data folder that does not exist', ['validate', '--data', '/no/such/folder', '--json'], 2, /^borgermode: kan ikke åbne datamappen \/no\/such\/folder: den findes ikke\n$/, 'file-access'],
    ['file access: -o into a folder that does not exist', ['report', '--sample', '-o', '/no/such/folder/brief.md'], 2, /^borgermode: kan ikke skrive filen \/no\/such\/folder\/brief\.md: mappen, den skal ligge i, findes ikke\n$/, undefined],
  ])('%s: exit %s', async (_, args, code, stderr, jsonCode) => {
    const result = await runBin(args);
    expect(result.exitCode).toBe(code);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (jsonCode) expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: jsonCode } });
    else expect(result.stdout).toBe('');
  });

  it('invalid data: exit 1, the findings, and --json says so', async () => {
    const result = await runBin(['validate', '--data', SAMPLE, '--json']);
    expect(result.exitCode).toBe(0);
    const broken = await runBin(['validate', '--data', BROKEN, '--json']);
    expect(broken.exitCode).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false });
  });
});
