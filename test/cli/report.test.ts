import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';

const SAMPLE = join(import.meta.dirname, '../../data');
const FIXTURES = join(import.meta.dirname, '../fixtures');
const GOLDEN = join(import.meta.dirname, '../golden');

describe('report on the bundled sample', () => {
  // Two quarters, both languages, both formats: pinned byte for byte.
  it.each([
    ['2020-Q1', 'da', 'md'],
    ['2020-Q1', 'da', 'html'],
    ['2020-Q1', 'en', 'md'],
    ['2020-Q1', 'en', 'html'],
    ['2019-Q2', 'da', 'md'],
    ['2019-Q2', 'da', 'html'],
    ['2019-Q2', 'en', 'md'],
    ['2019-Q2', 'en', 'html'],
  ])('%s in %s as %s matches the golden file', async (quarter, lang, format) => {
    const result = await runCli(['report', '--data', SAMPLE, '--quarter', quarter, '--lang', lang, '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `brief-${quarter}.${lang}.${format}`));
  });

  // The bin runs the bundle, whose default templates are precompiled at build time: same bytes.
  it.each([
    ['2020-Q1', 'da', 'md'],
    ['2020-Q1', 'en', 'html'],
    ['2019-Q2', 'da', 'html'],
  ])('the real bin renders %s in %s as %s exactly like the golden file', async (quarter, lang, format) => {
    const result = await runBin(['report', '--data', SAMPLE, '--quarter', quarter, '--lang', lang, '--format', format]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(GOLDEN, `brief-${quarter}.${lang}.${format}`), 'utf8'));
  });

  it('prints the view model with --format json', async () => {
    const result = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'json']);
    expect(result.exitCode).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(view.quarter).toEqual({ id: '2020-Q1', name: '1. kvartal 2020', span: '1. januar – 31. marts 2020' });
    expect(view.meeting).toEqual({ date: '2020-04-22', date_text: '22. april 2020', time: '19:00', place: 'Beboerhuset' });
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, 'brief-2020-Q1.da.json'));
  });

  it('defaults to the latest quarter (2020-Q1: planned activities and later meetings do not count)', async () => {
    const latest = await runCli(['report', '--data', SAMPLE, '--format', 'json']);
    expect(JSON.parse(latest.stdout).quarter.id).toBe('2020-Q1');
    const previous = await runCli(['report', '--data', SAMPLE, '--quarter', 'previous', '--format', 'json']);
    expect(JSON.parse(previous.stdout).quarter.id).toBe('2019-Q4');
  });

  it.each([['2020Q1'], ['2020-q1'], ['2020-Q1']])('accepts the quarter written %s', async (quarter) => {
    const result = await runCli(['report', '--data', SAMPLE, '--quarter', quarter, '--format', 'json']);
    expect(JSON.parse(result.stdout).quarter.id).toBe('2020-Q1');
  });

  it('keeps internal notes and sensitive categories out of every format', async () => {
    for (const format of ['md', 'html', 'json']) {
      const { stdout } = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', format]);
      expect(stdout).not.toMatch(/Sagsnr|internal_note|kun til internt brug/);
      expect(stdout).not.toMatch(/\| Seksualforbrydelser \||<th scope="row">Seksualforbrydelser<\/th>|"id": "sexual"/);
    }
  });

  it('folds the sensitive category into other in public output (2020-Q1: 3 other + 1 sexual = 4, shown "<5")', async () => {
    const row = async (audience: string, id: string) => {
      const { stdout } = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'json', '--audience', audience]);
      return JSON.parse(stdout).crime.rows.find((r: { id: string }) => r.id === id);
    };
    expect((await row('public', 'other')).current).toBe('<5');
    expect(await row('public', 'sexual')).toBeUndefined();
    expect((await row('internal', 'other')).current).toBe('3');
    expect((await row('internal', 'sexual')).current).toBe('1');
  });

  it('uses the bundled sample without --data outside CI and says so on stderr (test/cli/project.test.ts has the rest)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'borgermode-empty-'));
    try {
      // No BORGERMODE_TODAY: the sample is judged as of April 2020, so a new user sees no stale-date warnings.
      const result = await runCli(['report', '--quarter', '2020-Q1'], { cwd: empty, env: { BORGERMODE_TODAY: undefined, CI: undefined } });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toMatch(/^Ingen borgermode\.yaml i denne mappe .* eksempelprojektet \(Værebro Park, opdigtede tal\)\. Vælg selv: --data MAPPE for dine egne data, eller --sample .*\n$/);
      expect(result.stdout).toContain('# Tryghed i Værebro Park – Mødeoplæg 1. kvartal 2020');
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

describe('record text is shown, never run', () => {
  const HOSTILE = join(FIXTURES, 'hostile-text');

  it('escapes raw HTML and drops script links in HTML output', async () => {
    const { stdout, exitCode } = await runCli(['report', '--data', HOSTILE, '--format', 'html']);
    expect(exitCode).toBe(0);
    expect(stdout).not.toMatch(/<script|<img|<iframe|<b>Testparken|javascript:/i);
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Graffiti, <em>kursiv</em>, farlig og <a href="https://politi.dk">politi</a> | med streg');
    expect(stdout).toContain('&lt;img src=x onerror=alert(1)&gt; Tryghedsvandring');
    expect(stdout).toContain('<title>Tryghed i &lt;b&gt;Testparken&lt;/b&gt; – Mødeoplæg 1. kvartal 2020</title>');
  });

  // Through the bin too: its precompiled templates load the Markdown parser only for a view with a [ or a <.
  it.each([
    ['in process', runCli],
    ['through the bin', runBin],
  ])('makes raw HTML literal and keeps table cells whole in Markdown output (%s)', async (_how, runner) => {
    const { stdout, exitCode } = await runner(['report', '--data', HOSTILE, '--format', 'md']);
    expect(exitCode).toBe(0);
    expect(stdout).not.toMatch(/(?<!\\)<(script|img|iframe|b>)|javascript:/i);
    expect(stdout).toContain('\\<script\\>alert(1)\\</script\\> Graffiti, *kursiv*');
    expect(stdout).toContain('Graffiti, *kursiv*, farlig og [politi](https://politi.dk) | med streg');
    expect(stdout).toContain('Hvad med \\<iframe src="https://example.org"\\>\\</iframe\\> ved Centret?');
  });
});

describe('report options and errors', () => {
  const out = mkdtempSync(join(tmpdir(), 'borgermode-out-'));
  afterAll(() => rmSync(out, { recursive: true }));

  it('writes the brief to a file with -o', async () => {
    const file = join(out, 'brief.html');
    const result = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'html', '-o', file]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
  });

  it('writes nothing when the data has errors (exit 1)', async () => {
    const file = join(out, 'never.md');
    const result = await runCli(['report', '--data', join(FIXTURES, 'unknown-category'), '-o', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/error ukendt kategori "violense" \(mente du "violence"\?\)/);
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    [['--quarter', '2020-Q5'], /^borgermode: ugyldigt kvartal "2020-Q5": forventede et kvartal som 2020-Q1/m],
    [['--quarter', 'last', '--lang', 'en'], /^borgermode: bad quarter "last": expected a quarter such as 2020-Q1/m],
    [['--area', 'vaerebro-prak'], /^borgermode: ukendt område "vaerebro-prak" \(mente du "vaerebro-park"\?\)/m],
    [['--area', 'vaerebro', '--lang', 'en'], /^borgermode: unknown area "vaerebro" \(did you mean "vaerebro-park"\?\)/m],
    [['--format', 'docx'], /^borgermode: option '--format <format>' argument 'docx' is invalid/m],
    [['--format', 'pdf'], /^borgermode: --format pdf skriver en fil: angiv -o FIL/m],
    [['-o', '/nonexistent-folder/brief.md'], /^borgermode: kan ikke skrive filen \/nonexistent-folder\/brief\.md: mappen, den skal ligge i, findes ikke$/m],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await runCli(['report', '--data', SAMPLE, ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['da', /^borgermode: ingen Chromium fundet til PDF: BORGERMODE_CHROMIUM er ikke sat, og ingen af chromium, chromium-browser, google-chrome-stable, google-chrome findes på PATH\. Installér Chromium/m],
    ['en', /^borgermode: BORGERMODE_CHROMIUM=\/nonexistent\/chromium is not a file that can be run\. Install Chromium/m],
  ])('says in the run’s language (%s) why no PDF was written (exit 2, no file)', async (lang, message) => {
    const file = join(out, `never-${lang}.pdf`);
    const env = lang === 'da' ? { PATH: '', BORGERMODE_CHROMIUM: undefined } : { BORGERMODE_CHROMIUM: '/nonexistent/chromium' };
    const result = await runCli(['report', '--data', SAMPLE, '--lang', lang, '--format', 'pdf', '-o', file], { env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(file)).toBe(false);
  });
});
