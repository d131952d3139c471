import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, type CliResult, type Env, TEST_ENV } from '../helpers/run-cli.js';
import { changedFiles, copyProject, SAMPLE, snapshot, tempDir } from '../helpers/temp-project.js';

// Issue 15 items 4 and 5 through the real bin: bounded work (templates, partials, YAML aliases)
// and numbers and dates a person means (records, environment, flags). Each case used to hang, leak,
// crash with a stack trace or write gigabytes; each must now end in seconds with its exit code and
// one message naming the place.

const FIXTURES = join(import.meta.dirname, '../fixtures');
const PARTIALS = join(FIXTURES, 'hostile-bounds-partials');
const NUMBERS = join(FIXTURES, 'hostile-bounds-numbers');
const DATES = join(FIXTURES, 'hostile-bounds-dates');

/** The bin, killed after `seconds`: a case that runs for ever fails here instead of hanging the suite. */
function bin(args: readonly string[], options: { cwd?: string; env?: Env; seconds?: number } = {}): Promise<CliResult & { ms: number }> {
  const env = { ...process.env, GITHUB_ACTIONS: undefined, ...TEST_ENV, ...options.env };
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? process.cwd(), env, encoding: 'utf8', timeout: (options.seconds ?? 15) * 1000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ exitCode, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

/** No stack trace, no internal error: what every refusal here must look like. */
function expectOneHonestRefusal(result: CliResult, code: number): void {
  expect(result.exitCode, result.stderr).toBe(code);
  expect(result.stderr).not.toMatch(/\n\s+at |intern fejl|internal error|RangeError/);
}

describe('bounded template work', () => {
  it('partials that call each other twice, 40 deep: report stops with exit 1 naming the template', async () => {
    const result = await bin(['report', '--data', PARTIALS, '--lang', 'en']);
    expectOneHonestRefusal(result, 1);
    expect(result.stderr).toMatch(
      /^templates\/partials\/p\d+\.hbs:1:1 error the template was stopped because it does more work than a page may: over 1,000,000 partial calls/m,
    );
    expect(result.stdout).toBe('');
    expect(result.ms).toBeLessThan(10_000);
  });

  it('build of the same project: exit 1, nothing written', async () => {
    const out = join(tempDir(), 'site');
    const result = await bin(['build', '--data', PARTIALS, '--out', out]);
    expectOneHonestRefusal(result, 1);
    expect(result.stderr).toMatch(
      /^templates\/partials\/p\d+\.hbs:1:1 error skabelonen er stoppet, fordi den gør mere arbejde, end en side må: over 1\.000\.000 partial-kald/m,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('a partial that is a link to a file outside the project is refused with its name; report and build publish nothing of it', async () => {
    const project = copyProject(join(FIXTURES, 'valid'));
    const secret = join(tempDir(), 'secret.txt');
    writeFileSync(secret, 'SECRET-OUTSIDE-THE-PROJECT');
    mkdirSync(join(project, 'templates', 'partials'), { recursive: true });
    symlinkSync(secret, join(project, 'templates', 'partials', 'brief-style.hbs'));
    const report = await bin(['report', '--data', project, '--format', 'html', '--lang', 'en']);
    expectOneHonestRefusal(report, 1);
    expect(report.stderr).toMatch(
      /^templates\/partials\/brief-style\.hbs:1:1 error the template is a symbolic link that points outside the project, so it is not read/m,
    );
    expect(report.stdout).not.toContain('SECRET');
    const out = join(tempDir(), 'site');
    const build = await bin(['build', '--data', project, '--out', out]);
    expectOneHonestRefusal(build, 1);
    expect(build.stderr).toMatch(
      /^templates\/partials\/brief-style\.hbs:1:1 error skabelonen er et symbolsk link, der peger uden for projektet/m,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('bounded YAML aliases', () => {
  it('600 aliases of a 1 MiB text: validate refuses at the alias (was: RangeError: Invalid string length)', async () => {
    const project = copyProject(join(FIXTURES, 'valid'));
    const big = 'a'.repeat(1024 * 1024);
    const rest = Array.from(
      { length: 600 },
      (_, i) => `  - {id: inc-2020-01-11-${i + 1}, date: 2020-01-11, category: violence, zone: *big}\n`,
    ).join('');
    writeFileSync(
      join(project, 'incidents.yaml'),
      `incidents:\n  - {id: inc-2020-01-10-1, date: 2020-01-10, category: violence, zone: &big "${big}"}\n${rest}`,
    );
    const result = await bin(['validate', '--data', project, '--lang', 'en']);
    expectOneHonestRefusal(result, 1);
    expect(result.stderr).toBe(
      'incidents.yaml:4:72 error YAML aliases too large when written out: over 1 MiB of text (this looks like an attack to exhaust memory); write the values out instead of using anchors and aliases\n1 error, 0 warnings\n',
    );
  });
});

describe('numbers a person means', () => {
  it('a count past 2^53, hours .inf and a survey value -.inf are refused by validate, each at its place', async () => {
    const result = await bin(['validate', '--data', NUMBERS, '--lang', 'en']);
    expectOneHonestRefusal(result, 1);
    expect(result.stderr.split('\n')).toEqual([
      'records.yaml:6:12 error field "count": expected a whole number from 1 to 1,000,000, found 9007199254740992',
      'records.yaml:12:12 error field "hours": expected a number from 0 to 100,000, found Infinity',
      'records.yaml:18:12 error field "value": expected a number from -1,000,000 to 1,000,000, found -Infinity',
      '3 errors, 0 warnings',
      '',
    ]);
    // Every command agrees: none of them shows "Infinity" hours or "-Infinity %".
    const report = await bin(['report', '--data', NUMBERS]);
    expectOneHonestRefusal(report, 1);
    expect(report.stdout).toBe('');
  });
});

describe('dates a person means', () => {
  it('the years 999 and 9999 are refused by validate with their places, and build agrees: exit 1 at once, no --year message, nothing written', async () => {
    const result = await bin(['validate', '--data', DATES, '--lang', 'en']);
    expectOneHonestRefusal(result, 1);
    expect(result.stderr.split('\n')).toEqual([
      'incidents.yaml:8:11 error field "date": expected a date from 1990-01-01 to 2025-12-31 (from 1990 to five years after today), found "0999-01-10"; correct the typo',
      'incidents.yaml:11:11 error field "date": expected a date from 1990-01-01 to 2025-12-31 (from 1990 to five years after today), found "9999-12-31"; correct the typo',
      '2 errors, 0 warnings',
      '',
    ]);
    const out = join(tempDir(), 'site');
    const build = await bin(['build', '--data', DATES, '--out', out], { seconds: 10 });
    expectOneHonestRefusal(build, 1);
    expect(build.stderr).not.toContain('--year');
    expect(existsSync(out)).toBe(false);
  });

  it('the range moves with today: the same 2031 date is fine when today is in 2026', async () => {
    const project = copyProject(join(FIXTURES, 'valid'));
    writeFileSync(
      join(project, 'planned.yaml'),
      'activities:\n  - {id: act-2031-01-10-1, date: 2031-01-10, kind: other, title: Planlagt, status: planned}\n',
    );
    expect((await bin(['validate', '--data', project], { env: { BORGERMODE_TODAY: '2026-04-20' } })).exitCode).toBe(0);
    const before = await bin(['validate', '--data', project, '--lang', 'en'], { env: { BORGERMODE_TODAY: '2025-04-20' } });
    expect(before.exitCode).toBe(1);
    expect(before.stderr).toMatch(/^planned\.yaml:2:34 error field "date": expected a date from 1990-01-01 to 2030-12-31/m);
  });
});

describe('environment values and flags out of range are usage errors (exit 2), never a stack trace', () => {
  it.each([
    [
      'SOURCE_DATE_EPOCH past 2999',
      ['build', '--sample', '--out', 'site'],
      { SOURCE_DATE_EPOCH: '999999999999' },
      /^borgermode: SOURCE_DATE_EPOCH skal være sekunder siden 1\. januar 1970 \(et helt tal fra 0 til 32503679999, dvs\. til og med 31\. december 2999\); fandt "999999999999"\n$/,
    ],
    [
      'BORGERMODE_TODAY before 1990',
      ['validate', '--sample'],
      { BORGERMODE_TODAY: '0001-01-01' },
      /^borgermode: BORGERMODE_TODAY skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD fra 1990-01-01 til 2999-12-31/,
    ],
    [
      'BORGERMODE_TODAY after 2999',
      ['validate', '--sample', '--lang', 'en'],
      { BORGERMODE_TODAY: '9999-01-01' },
      /^borgermode: BORGERMODE_TODAY must be a valid date written YYYY-MM-DD from 1990-01-01 to 2999-12-31, e\.g\. 2020-06-15; found "9999-01-01"/,
    ],
    [
      'report --quarter 0001-Q1 (was: internal error)',
      ['report', '--sample', '--quarter', '0001-Q1'],
      {},
      /^borgermode: kvartalet "0001-Q1" ligger uden for de datoer, data kan have: forventede et kvartal fra 1990-Q1 til 2025-Q4/,
    ],
    [
      'compare --to 0001-Q1 (was: internal error)',
      ['compare', '--sample', '--to', '0001-Q1', '--lang', 'en'],
      {},
      /^borgermode: the quarter "0001-Q1" is outside the dates data can have: expected a quarter from 1990-Q1 to 2025-Q4/,
    ],
    ['compare --to 9999-Q4', ['compare', '--sample', '--to', '9999-Q4'], {}, /^borgermode: kvartalet "9999-Q4" ligger uden for/],
    [
      'summary --year 1989',
      ['summary', '--sample', '--year', '1989'],
      {},
      /^borgermode: året "1989" ligger uden for de datoer, data kan have: forventede et årstal fra 1990 til 2025/,
    ],
    ['summary --from 1000-Q1', ['summary', '--sample', '--from', '1000-Q1'], {}, /^borgermode: kvartalet "1000-Q1" ligger uden for/],
  ])('%s', async (_, args, env, stderr) => {
    const result = await bin(args, { env, cwd: tempDir() });
    expectOneHonestRefusal(result, 2);
    expect(result.stderr).toMatch(stderr);
  });

  it('init --zones with a line break in a zone: a usage error, nothing written', async () => {
    const dir = join(tempDir(), 'project');
    const result = await bin(['init', dir, '--yes', '--zones', 'A,B\nC']);
    expectOneHonestRefusal(result, 2);
    expect(result.stderr).toMatch(
      /^borgermode: --zones: forventede et zonenavn, f\.eks\. "Blok 1-4"(?: på én linje uden kontroltegn)?, fandt "B\\nC"\n$/,
    );
    expect(existsSync(dir)).toBe(false);
  });

  it.each([
    [
      'add --date 0999-01-10',
      ['add', 'incident', '--date', '0999-01-10', '--category', 'violence'],
      /^borgermode: --date: forventede en dato fra 1990-01-01 til 2025-12-31 \(fra 1990 til fem år efter i dag\), fandt "0999-01-10"\n$/,
    ],
    [
      'add --count past its range',
      ['add', 'incident', '--date', '2020-02-03', '--category', 'violence', '--count', '9007199254740993'],
      /^borgermode: --count: forventede et helt tal fra 1 til 1\.000\.000, fandt 9007199254740992\n$/,
    ],
    [
      'add --hours past its range',
      ['add', 'activity', '--date', '2020-02-03', '--kind', 'patrol', '--title', 'Patrulje', '--hours', '100001'],
      /^borgermode: --hours: forventede et tal fra 0 til 100\.000, fandt 100001\n$/,
    ],
    [
      'add --participants past its range',
      ['add', 'activity', '--date', '2020-02-03', '--kind', 'patrol', '--title', 'Patrulje', '--participants', '1000001'],
      /^borgermode: --participants: forventede et helt tal fra 0 til 1\.000\.000, fandt 1000001\n$/,
    ],
    [
      'answer --date 9999-12-31',
      ['answer', 'q-2020-01-22-1', '--text', 'Svar', '--date', '9999-12-31'],
      /^borgermode: --date: forventede en dato fra 1990-01-01 til 2025-12-31/,
    ],
  ])('%s: nothing written', async (_, args, stderr) => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await bin([...args, '--data', project]);
    expectOneHonestRefusal(result, 2);
    expect(result.stderr).toMatch(stderr);
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });
});
