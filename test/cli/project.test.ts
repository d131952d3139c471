import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { copyProject, ROOT, tempDir } from '../helpers/temp-project.js';

// Which project a command reads (src/cli/project.ts): the bundled sample stands in for a missing
// project only outside CI and never for build; --sample reads it anywhere, never with --data.

const NOTICE_DA =
  'Ingen borgermode.yaml i denne mappe eller mapperne over; bruger eksempelprojektet (Værebro Park, opdigtede tal). Vælg selv: --data MAPPE for dine egne data, eller --sample for eksemplet (i CI og til build bruges det kun med --sample).\n';
const NO_CI = { CI: undefined };
const IN_CI = { CI: 'true' };

describe('no project found, outside CI', () => {
  it('report reads the bundled sample and says so on stderr, even with --quiet', async () => {
    const empty = tempDir();
    // No BORGERMODE_TODAY: the sample is judged as of April 2020, so a new user sees no stale-date warnings.
    const result = await runCli(['report', '--quarter', '2020-Q1', '--quiet'], {
      cwd: empty,
      env: { ...NO_CI, BORGERMODE_TODAY: undefined },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(NOTICE_DA);
    expect(result.stdout).toContain('# Tryghed i Værebro Park – Mødeoplæg 1. kvartal 2020');
  });

  it('says so in English with --lang en', async () => {
    const result = await runCli(['compare', '--quiet', '--lang', 'en'], { cwd: tempDir(), env: NO_CI });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      'No borgermode.yaml in this folder or above it; using the bundled sample project (Værebro Park, made-up figures). Choose: --data DIR for your own data, or --sample for the sample (in CI and for build it is used only with --sample).\n',
    );
  });

  it('validate --json has "sample": true, and the notice still goes to stderr', async () => {
    const result = await runCli(['validate', '--json'], { cwd: tempDir(), env: NO_CI });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, sample: true, diagnostics: [] });
    expect(result.stderr).toBe(NOTICE_DA);
  });

  it('build is a usage error all the same (exit 2): a site of made-up figures is never published by mistake', async () => {
    const empty = tempDir();
    const result = await runCli(['build', '--quiet'], { cwd: empty, env: NO_CI });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'borgermode: ingen borgermode.yaml i denne mappe eller mapperne over, og build udgiver kun eksempelprojektet med --sample; angiv dit projekt med --data MAPPE (f.eks. --data records), eller --sample for eksempelprojektet (Værebro Park); intet er skrevet\n',
    );
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe('no project found, with CI set', () => {
  it('CI=true borgermode build --quiet in an empty folder: exit 2, the message names --data and --sample, nothing written (the real bin)', async () => {
    const empty = tempDir();
    const result = await runBin(['build', '--quiet'], { cwd: empty, env: IN_CI });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^borgermode: ingen borgermode\.yaml .*--data MAPPE.*--sample.*; intet er skrevet\n$/);
    expect(existsSync(join(empty, 'site'))).toBe(false);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('build --json --lang en: one JSON document of the usage error, in English, and no output folder', async () => {
    const empty = tempDir();
    const result = await runCli(['build', '--json', '--lang', 'en', '--out', 'public'], { cwd: empty, env: IN_CI });
    expect(result.exitCode).toBe(2);
    const message =
      'no borgermode.yaml in this folder or above it, and build publishes the bundled sample only with --sample; pass your project with --data DIR (e.g. --data records), or --sample for the sample project (Værebro Park); nothing is written';
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, error: { code: 'usage', message }, diagnostics: [] });
    expect(result.stderr).toBe(`borgermode: ${message}\n`);
    expect(readdirSync(empty)).toEqual([]);
  });

  it.each(['report', 'compare', 'summary', 'validate', 'validate --json'])(
    '%s is a usage error (exit 2) naming --data and --sample, printing no notice',
    async (line) => {
      const args = line.split(' ');
      const result = await runCli([...args, '--quiet'], { cwd: tempDir(), env: IN_CI });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe(
        'borgermode: ingen borgermode.yaml i denne mappe eller mapperne over, og når CI er sat, bruges eksempelprojektet kun med --sample; angiv dit projekt med --data MAPPE (f.eks. --data records), eller --sample for eksempelprojektet (Værebro Park)\n',
      );
      if (!args.includes('--json')) expect(result.stdout).toBe('');
    },
  );

  it('says it in English with --lang en', async () => {
    const result = await runCli(['report', '--lang', 'en'], { cwd: tempDir(), env: IN_CI });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'borgermode: no borgermode.yaml in this folder or above it, and with CI set the bundled sample is used only with --sample; pass your project with --data DIR (e.g. --data records), or --sample for the sample project (Værebro Park)\n',
    );
  });

  it('an empty CI is not set', async () => {
    const result = await runCli(['validate', '--quiet'], { cwd: tempDir(), env: { CI: '' } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(NOTICE_DA);
  });
});

describe('--sample', () => {
  it('report --sample reads the sample under CI, with no notice, judged as of 20 April 2020 (the real bin)', async () => {
    const result = await runBin(['report', '--sample', '--quarter', '2020-Q1'], {
      cwd: tempDir(),
      env: { ...IN_CI, BORGERMODE_TODAY: undefined },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('# Tryghed i Værebro Park – Mødeoplæg 1. kvartal 2020');
  });

  it('validate --sample under CI: no stale-date warnings (the sample\'s own "today"), and --json has "sample": true', async () => {
    const cwd = tempDir();
    const plain = await runCli(['validate', '--sample'], { cwd, env: { ...IN_CI, BORGERMODE_TODAY: undefined } });
    expect(plain).toEqual({ exitCode: 0, stdout: '', stderr: 'OK: ingen problemer fundet\n' });
    const json = await runCli(['validate', '--sample', '--json'], { cwd, env: IN_CI });
    expect(json.exitCode).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, sample: true, diagnostics: [] });
  });

  it('build --sample under CI writes the sample site into --out, and its --json has "sample": true', async () => {
    const cwd = tempDir();
    const out = join(tempDir(), 'site');
    const result = await runCli(['build', '--sample', '--out', out, '--json'], { cwd, env: IN_CI });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout) as { pages: string[] };
    expect(document).toMatchObject({ ok: true, sample: true, out });
    expect(Object.keys(document)).toEqual(['ok', 'sample', 'out', 'pages', 'hidden_figures', 'hidden_share', 'threads', 'diagnostics']);
    // The sample's few pages are rendered here, on no worker.
    expect(document).toMatchObject({ threads: 1 });
    expect(document.pages).toContain('vaerebro-park/2020-Q1/brief.html');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("reads the sample also inside a project of one's own", async () => {
    const project = copyProject(join(ROOT, 'test', 'fixtures', 'valid'));
    const result = await runCli(['validate', '--sample', '--json'], { cwd: project, env: NO_CI });
    expect(JSON.parse(result.stdout)).toMatchObject({ sample: true });
  });

  it.each([
    ['report', []],
    ['build', ['--out', 'site']],
    ['validate', ['--json']],
  ])('%s --sample --data DIR is a usage error (exit 2), nothing written', async (command, more) => {
    const cwd = tempDir();
    const result = await runCli([command, '--sample', '--data', join(ROOT, 'data'), ...more], { cwd, env: NO_CI });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'borgermode: --sample og --data kan ikke bruges sammen: --sample læser eksempelprojektet, --data MAPPE dit eget; vælg det ene\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([
    ['add', 'incident', '--date', '2020-04-05', '--category', 'theft'],
    ['answer', 'q-1', '--text', 'Svar'],
    ['init', '--yes'],
    ['schema'],
  ])('%s has no --sample: it writes into a project, never into the sample (exit 2, nothing written)', async (...args) => {
    const cwd = tempDir();
    const result = await runCli([...args, '--sample'], { cwd, env: NO_CI });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("ukendt flag '--sample'");
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('a project found', () => {
  it('from a folder below it: no notice, and no "sample" key in --json of validate and build', async () => {
    const project = copyProject(join(ROOT, 'test', 'fixtures', 'valid'));
    const below = join(project, 'below');
    mkdirSync(below);
    for (const env of [NO_CI, IN_CI]) {
      const validate = await runCli(['validate', '--json'], { cwd: below, env });
      expect(validate.exitCode).toBe(0);
      expect(validate.stderr).toBe('');
      expect(JSON.parse(validate.stdout)).not.toHaveProperty('sample');
      const out = join(tempDir(), 'site');
      const build = await runCli(['build', '--out', out, '--json'], { cwd: below, env });
      expect(build.exitCode, build.stdout).toBe(0);
      expect(build.stderr).toBe('');
      expect(JSON.parse(build.stdout)).not.toHaveProperty('sample');
      const report = await runCli(['report', '--quiet'], { cwd: below, env });
      expect(report.exitCode).toBe(0);
      expect(report.stderr).toBe('');
    }
  });
});

describe('--help', () => {
  it('says which project is read, and each reading command offers --sample', async () => {
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/Projektet: --data MAPPE, ellers den nærmeste mappe .* --sample læser eksemplet hvor som helst\./s);
    for (const command of ['validate', 'report', 'compare', 'summary', 'build']) {
      expect((await runCli([command, '--help'])).stdout, command).toMatch(/--sample +læs det medfølgende eksempel/);
    }
  });
});
