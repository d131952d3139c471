import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { type CliResult, runBin, TEST_ENV } from '../helpers/run-cli.js';
import { withProjectLock } from '../../src/write/lock.js';
import { copyProject, SAMPLE as SAMPLE_PROJECT, tempDir } from '../helpers/temp-project.js';

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
    expect(result.stderr).toBe(
      'borgermode: intern fejl: the clock broke. Det er en fejl i borgermode, ikke i dine data; kør igen med BORGERMODE_DEBUG=1 for detaljer, og meld fejlen\n',
    );
  });

  it('prints its stack with BORGERMODE_DEBUG=1, and in English with --lang en', async () => {
    const result = await runBroken(['report', '--data', CANARY, '--lang', 'en'], { BORGERMODE_DEBUG: '1' });
    expect(result.exitCode).toBe(70);
    expect(result.stderr).toMatch(
      /^borgermode: internal error: the clock broke\. This is a fault in borgermode, not in your data; .*\nTypeError: the clock broke\n {4}at /,
    );
  });

  it('still prints the one --json document', async () => {
    const result = await runBroken(['validate', '--data', CANARY, '--json']);
    expect(result.exitCode).toBe(70);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/^intern fejl: the clock broke\./) as unknown },
      diagnostics: [],
    });
  });
});

/** What a failure needs: the arguments, the environment, and what holds while the bin runs. */
type World = { args: string[]; env?: Record<string, string>; during?: (run: () => Promise<CliResult>) => Promise<CliResult> };

// One error path (src/cli/errors.ts): each class of failure through the real bin, its exit code, its
// one stderr line and the --json document's error code. `setup` makes the world the failure needs.
describe('every failure class through the bin', () => {
  const SAMPLE = join(import.meta.dirname, '../../data');
  const BROKEN = join(import.meta.dirname, '../fixtures/unknown-category');
  const ADD = ['add', 'incident', '--date', '2020-04-05', '--category', 'theft', '--json'];
  type Row = [name: string, setup: () => World, exit: number, stderr: RegExp, jsonCode: string | undefined];
  const rows: Row[] = [
    ['usage: an unknown flag', () => ({ args: ['validate', '--sample', '--bogus'] }), 2, /^borgermode: ukendt flag '--bogus'\n/, undefined],
    [
      'usage: a bad quarter',
      () => ({ args: ['report', '--sample', '--quarter', '2020-Q5'] }),
      2,
      /^borgermode: ugyldigt kvartal "2020-Q5"/,
      undefined,
    ],
    [
      'usage: a bad flag value, with --json',
      () => ({ args: ['add', 'incident', '--date', '2020-13-45', '--category', 'theft', '--json', '--data', copyProject(SAMPLE_PROJECT)] }),
      2,
      /^borgermode: --date/,
      'usage',
    ],
    [
      'site target: a folder build may not replace',
      () => ({ args: ['build', '--sample', '--out', '/', '--json'] }),
      2,
      /^borgermode: --out \/ er roden af filsystemet/,
      'site-target',
    ],
    [
      'file access: a data folder that does not exist',
      () => ({ args: ['validate', '--data', '/no/such/folder', '--json'] }),
      2,
      /^borgermode: kan ikke åbne datamappen \/no\/such\/folder: den findes ikke\n$/,
      'file-access',
    ],
    [
      'file access: -o into a folder that does not exist',
      () => ({ args: ['report', '--sample', '-o', '/no/such/folder/brief.md'] }),
      2,
      /^borgermode: kan ikke skrive filen \/no\/such\/folder\/brief\.md: mappen, den skal ligge i, findes ikke\n$/,
      undefined,
    ],
    [
      'pdf: a BORGERMODE_CHROMIUM that cannot run',
      () => ({
        args: ['build', '--sample', '--pdf', '--out', join(tempDir(), 'site'), '--json'],
        env: { BORGERMODE_CHROMIUM: '/no/such/chromium' },
      }),
      2,
      /^borgermode: BORGERMODE_CHROMIUM=\/no\/such\/chromium er ikke en fil, der kan køres\./,
      'pdf',
    ],
    [
      'edit: a record file the writer cannot edit safely',
      () => ({ args: [...ADD, '--data', flowMappingProject()] }),
      1,
      /^borgermode: kan ikke skrive sikkert i 2020\/incidents\.yaml: filen er skrevet som én mapping/,
      'edit',
    ],
    [
      'busy: a project another borgermode is writing',
      () => lockedProject(ADD),
      2,
      /^borgermode: projektet er låst af en anden borgermode, der skriver \(.*\.borgermode\.lock\); prøv igen om lidt\n$/,
      'busy',
    ],
  ];
  it.each(rows)('%s', { timeout: 40_000 }, async (_, setup, code, stderr, jsonCode) => {
    const { args, env, during = (run) => run() } = setup();
    const result = await during(() => runBin(args, { env }));
    expect(result.exitCode).toBe(code);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (jsonCode)
      expect(JSON.parse(result.stdout)).toEqual({
        ok: false,
        error: { code: jsonCode, message: result.stderr.replace(/^borgermode: /, '').trimEnd() },
        diagnostics: [],
      });
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

/** The sample with its 2020 incidents written as one flow mapping, which the writer will not edit. */
function flowMappingProject(): string {
  const project = copyProject(SAMPLE_PROJECT);
  writeFileSync(join(project, '2020/incidents.yaml'), '{incidents: [{id: x, date: 2020-01-01, category: theft}]}\n');
  return project;
}

/** The sample while another borgermode holds its lock and keeps it fresh: the bin waits about 14 s, then gives up. */
function lockedProject(args: string[]): World {
  const project = copyProject(SAMPLE_PROJECT);
  return { args: [...args, '--data', project], during: (run) => withProjectLock(project, run) };
}
