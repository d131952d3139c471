import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from '../helpers/chromium.js';
import { type CliResult, runBin, runCli } from '../helpers/run-cli.js';
import { sampleWithGrouping } from '../helpers/temp-project.js';

const SAMPLE = join(import.meta.dirname, '../../data');
const work = mkdtempSync(join(tmpdir(), 'borgermode-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file below `dir`, relative path → bytes. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'latin1')]));
}

describe('borgermode build', () => {
  it('writes every brief (md and html), the comparison page and an index, byte-identical on a second run', async () => {
    const first = await runCli(['build', '--data', SAMPLE, '--out', join(work, 'site-a'), '--quiet']);
    const second = await runBin(['build', '--data', SAMPLE, '--out', join(work, 'site-b'), '--quiet']);
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    const a = tree(join(work, 'site-a'));
    expect([...a.keys()].sort()).toEqual(
      [
        '.borgermode-site',
        'index.html',
        'vaerebro-park/compare.html',
        'vaerebro-park/compare.md',
        ...['2018', '2019', '2020'].flatMap((year) => [`vaerebro-park/summary-${year}.html`, `vaerebro-park/summary-${year}.md`]),
        ...['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'].flatMap((q) => [
          `vaerebro-park/${q}/brief.html`,
          `vaerebro-park/${q}/brief.md`,
        ]),
      ].sort(),
    );
    expect(tree(join(work, 'site-b'))).toEqual(a);
    // The index lists the briefs newest first and dates the site from the data, not the clock.
    const index = a.get('index.html')!;
    expect(index.indexOf('2020-Q1/brief.html')).toBeLessThan(index.indexOf('2019-Q4/brief.html'));
    expect(index.indexOf('summary-2020.html')).toBeLessThan(index.indexOf('summary-2019.html'));
    // The year summaries are the summary command's, byte for byte.
    expect(a.get('vaerebro-park/summary-2019.md')).toBe(
      Buffer.from((await runCli(['summary', '--data', SAMPLE, '--year', '2019'])).stdout).toString('latin1'),
    );
    expect(Buffer.from(index, 'latin1').toString('utf8')).toContain('Opdateret med data til 31. marts 2020.');
    // Public: the site holds no internal note.
    for (const content of a.values()) expect(content).not.toContain('Sagsnr');
    // The index is valid HTML by the repository's html-validate rules, like every other page.
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(
      Buffer.from(index, 'latin1').toString('utf8'),
      join(import.meta.dirname, '../../index.html'),
    );
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });

  it('takes "today" for "Det sker snart" from the site’s own date, not the clock: a walk still planned before it is not coming up', async () => {
    // 2020-05-01: of the sample's plans after the meeting of 22 April 2020, 29 April has passed, 13 May has not.
    const out = join(work, 'site-today');
    expect(
      (await runCli(['build', '--data', SAMPLE, '--out', out, '--quiet'], { env: { SOURCE_DATE_EPOCH: '1588291200' } })).exitCode,
    ).toBe(0);
    const comingUp = readFileSync(join(out, 'vaerebro-park/2020-Q1/brief.md'), 'utf8').split('## Det sker snart')[1]!.split('\n## ')[0]!;
    expect(comingUp).not.toContain('29. april 2020');
    expect(comingUp).toContain('13. maj 2020');
  });

  it('dates the site from SOURCE_DATE_EPOCH when set, and refuses an invalid one (exit 2)', async () => {
    const ok = await runCli(['build', '--data', SAMPLE, '--out', join(work, 'site-epoch'), '--quiet'], {
      env: { SOURCE_DATE_EPOCH: '1588118400' },
    });
    expect(ok.exitCode).toBe(0);
    expect(readFileSync(join(work, 'site-epoch', 'index.html'), 'utf8')).toContain('Opdateret med data til 29. april 2020.');
    const bad = await runCli(['build', '--data', SAMPLE, '--out', join(work, 'site-bad')], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^borgermode: SOURCE_DATE_EPOCH skal være sekunder siden 1\. januar 1970/m);
    expect(existsSync(join(work, 'site-bad'))).toBe(false);
  });

  it('leaves the previous site exactly as it was when a build fails', async () => {
    const project = join(work, 'project');
    cpSync(SAMPLE, project, { recursive: true });
    const out = join(work, 'site-kept');
    expect((await runCli(['build', '--data', project, '--out', out, '--quiet'])).exitCode).toBe(0);
    const before = tree(out);
    // Personal data in a summary that the site would publish: the build is refused.
    writeFileSync(
      join(project, 'late.yaml'),
      'incidents:\n  - {id: late-1, date: 2020-03-30, category: theft, summary: "Ring til anmelder på 22 33 44 55"}\n',
    );
    const failed = await runCli(['build', '--data', project, '--out', out]);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toMatch(/late\.yaml:2:\d+ error /);
    expect(tree(out)).toEqual(before);
    expect(readdirSync(work).filter((name) => name.includes('.new-'))).toEqual([]);
  });

  it('prints one JSON document with --json, and nothing else', async () => {
    const result = await runCli(['build', '--data', SAMPLE, '--out', join(work, 'site-json'), '--json']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout) as { pages: string[] };
    expect(document).toMatchObject({ ok: true, out: join(work, 'site-json'), diagnostics: [] });
    expect(document.pages).toContain('index.html');
  });

  it('says what privacy costs: the share of the public briefs’ figures it hides, on stderr and in --json (issue 16)', async () => {
    // The sample as it is (grouped) hides none of its 185 figures; category by category it hides 243 of 555.
    const grouped = await runCli(['build', '--data', SAMPLE, '--out', join(work, 'site-share')]);
    expect(grouped.exitCode).toBe(0);
    expect(grouped.stderr).toContain(
      '\nDe offentlige mødeoplæg skjuler 0 af deres 185 tal om kriminalitet og utryghed (0 %) af hensyn til de involverede\n',
    );
    const fine = await runCli([
      'build',
      '--data',
      sampleWithGrouping('categories'),
      '--out',
      join(work, 'site-share-fine'),
      '--json',
      '--lang',
      'en',
    ]);
    expect(JSON.parse(fine.stdout)).toMatchObject({ ok: true, hidden_figures: { hidden: 243, total: 555 }, hidden_share: 0.438 });
    const quiet = await runCli(['build', '--data', SAMPLE, '--out', join(work, 'site-share'), '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('redraws progress in place on a terminal, outside CI', async () => {
    let stderr = '';
    const { run } = await import('../../src/cli/run.js');
    const code = await run(['build', '--data', SAMPLE, '--out', join(work, 'site-tty')], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s), isTTY: true },
      cwd: work,
      env: { NO_COLOR: '1', BORGERMODE_TODAY: '2020-04-20', BORGERMODE_NO_CACHE: '1' },
    });
    expect(code).toBe(0);
    expect(stderr).toContain('\r12/12\n');
    // In CI a build shorter than the interval says nothing.
    const ci = await runCli(['build', '--data', SAMPLE, '--out', join(work, 'site-ci')], { env: { CI: 'true' } });
    expect(ci.stderr).not.toContain('/12');
  });

  it.each([
    ['CI set, on a terminal', { CI: 'true' }, true, [], 'sider'],
    ['a log (stderr not a terminal), in English', {}, false, ['--lang', 'en'], 'pages'],
  ])('in %s, shows progress as a line every few seconds, never redrawn', async (_, env: Record<string, string>, isTTY, flags, word) => {
    const { run } = await import('../../src/cli/run.js');
    const { PROGRESS_INTERVAL_MS } = await import('../../src/cli/commands/build.js');
    const build = async (extra: string[]) => {
      let stderr = '';
      // A clock that moves 0.4 of the interval at every look: a line about every third page.
      let now = 0;
      const code = await run(['build', '--data', SAMPLE, '--out', join(work, `site-log-${word}`), ...flags, ...extra], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s), isTTY },
        cwd: work,
        env: { NO_COLOR: '1', BORGERMODE_TODAY: '2020-04-20', BORGERMODE_NO_CACHE: '1', ...env },
        ticks: () => (now += PROGRESS_INTERVAL_MS * 0.4),
      });
      expect(code).toBe(0);
      return stderr;
    };
    const stderr = await build([]);
    expect(stderr).not.toContain('\r');
    const lines = stderr.split('\n').filter((line) => line.startsWith('build:'));
    expect(lines).toEqual([3, 6, 9, 12].map((done) => `build: ${done}/12 ${word}`));
    expect(await build(['--quiet'])).toBe('');
  });

  it('with --pdf but no Chromium, is a usage error and writes nothing', async () => {
    const out = join(work, 'site-no-chromium');
    const result = await runCli(['build', '--data', SAMPLE, '--out', out, '--pdf', '--lang', 'en'], {
      env: { PATH: '/nonexistent', BORGERMODE_CHROMIUM: undefined },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^borgermode: no Chromium found for PDF output/m);
    expect(existsSync(out)).toBe(false);
  });
});

// Printing needs a real Chromium (.ci/run installs it); without one these tests are skipped.
describe.skipIf(!chromium)('borgermode build --pdf', () => {
  it('prints every brief and summary to PDF, linked from the index, byte-identical on a second run', async () => {
    const [a, b] = [join(work, 'site-pdf-a'), join(work, 'site-pdf-b')];
    for (const out of [a, b])
      expect(
        (await runCli(['build', '--data', SAMPLE, '--out', out, '--pdf', '--quiet'], { env: { PATH: process.env.PATH } })).exitCode,
      ).toBe(0);
    const pdfs = [...tree(a).keys()].filter((path) => path.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(9 + 3);
    expect(pdfs).toContain('vaerebro-park/2020-Q1/brief.pdf');
    expect(pdfs).toContain('vaerebro-park/summary-2019.pdf');
    const first = readFileSync(join(a, 'vaerebro-park/2020-Q1/brief.pdf'));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Dated from the data (31 March 2020), not the clock.
    expect(first.toString('latin1')).toContain("/CreationDate (D:20200331000000+00'00')");
    expect(tree(b)).toEqual(tree(a));
    expect(readFileSync(join(a, 'index.html'), 'utf8')).toContain('<a href="vaerebro-park/2020-Q1/brief.pdf">PDF</a>');
  }, 180_000);
});

// test/fixtures/police-coverage (docs/figures.md): Nordparken's police figures run to 15 November 2020,
// Sydparken's begin on 1 October 2019. The site is dated 2 December 2020.
describe('borgermode build of a project whose police figures do not cover every quarter', () => {
  const COVERAGE = join(import.meta.dirname, '../fixtures/police-coverage');
  const ENV = { SOURCE_DATE_EPOCH: String(Date.UTC(2020, 11, 2, 12) / 1000) };
  const out = join(work, 'site-coverage');
  let result: CliResult;
  let site: Map<string, string>;
  beforeAll(async () => {
    result = await runCli(['build', '--data', COVERAGE, '--out', out, '--quiet'], { env: ENV });
    site = existsSync(out) ? tree(out) : new Map<string, string>();
  });
  const page = (path: string) => {
    expect(site.has(path), path).toBe(true);
    return Buffer.from(site.get(path)!, 'latin1').toString('utf8');
  };

  it('builds every quarter with data, the provisional one too (exit 0, nothing on stderr with --quiet)', () => {
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const quarters = ['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'];
    for (const area of ['nordparken', 'sydparken']) {
      for (const q of quarters) expect(site.has(`${area}/${q}/brief.md`), `${area} ${q}`).toBe(true);
      for (const year of ['2019', '2020']) expect(site.has(`${area}/summary-${year}.html`), `${area} ${year}`).toBe(true);
    }
  });

  it('Nordparken’s brief of 2020-Q4 is provisional, like for like, and the report command’s byte for byte', async () => {
    const md = page('nordparken/2020-Q4/brief.md');
    expect(md).toContain(
      '\nForeløbige tal: politiets tal for 4. kvartal 2020 går kun til og med 15. november 2020. De sammenlignes med de samme dage året før, 1. oktober – 15. november 2019.\n',
    );
    expect(md).toMatch(/^\| Kategori +\| 4\. kv\. 2020 \(til 15\. november\) \| 4\. kv\. 2019 \(til 15\. november\) \|/m);
    expect(page('nordparken/2020-Q4/brief.html')).toContain('<th scope="col" class="num">4. kv. 2020 (til 15. november)</th>');
    const report = await runCli(['report', '--data', COVERAGE, '--area', 'nordparken', '--quarter', '2020-Q4', '--quiet'], {
      env: { BORGERMODE_TODAY: '2020-12-02' },
    });
    expect(md).toBe(report.stdout);
  });

  it('Sydparken’s brief of 2019-Q3 has no figures, and its summary of 2019 says the figures do not cover the whole year', async () => {
    expect(page('sydparken/2019-Q3/brief.md')).toContain(
      '\n## Kriminalitet og utryghed\n\nDer er ingen tal fra politiet for 3. kvartal 2019. Tallene for området begynder 1. oktober 2019.\n\n## ',
    );
    for (const format of ['md', 'html']) {
      expect(page(`sydparken/summary-2019.${format}`), format).toContain(
        'Politiets tal dækker kun 1. oktober 2019 – 31. december 2020, ikke hele perioden.',
      );
      expect(page(`sydparken/summary-2019.${format}`), format).not.toContain('Politiet registrerede');
    }
  });

  it('Nordparken’s summary of 2020 runs to the year’s end (2020-Q4 has records) and says the figures cover it in part', async () => {
    const md = page('nordparken/summary-2020.md');
    expect(md).not.toContain('der er ikke data for de senere kvartaler endnu');
    expect(md).toContain('Politiets tal dækker kun 1. januar 2019 – 15. november 2020, ikke hele perioden.');
  });

  it('the index lists the provisional brief and the summaries, newest first, dated from SOURCE_DATE_EPOCH', async () => {
    const index = page('index.html');
    for (const href of [
      'nordparken/2020-Q4/brief.html',
      'nordparken/2020-Q3/brief.html',
      'nordparken/summary-2020.html',
      'sydparken/2019-Q3/brief.html',
      'sydparken/summary-2019.html',
    ]) {
      expect(index, href).toContain(`<a href="${href}">`);
    }
    expect(index.indexOf('nordparken/2020-Q4/brief.html')).toBeLessThan(index.indexOf('nordparken/2020-Q3/brief.html'));
    expect(index).toContain('Opdateret med data til 2. december 2020.');
  });
});

// docs/site.md: --out replaces only a folder that is missing, empty, or a site build wrote itself.
describe('build --out never destroys what it did not write', () => {
  const scratch = () => {
    const dir = mkdtempSync(join(work, 'out-'));
    const project = join(dir, 'project');
    cpSync(SAMPLE, project, { recursive: true });
    writeFileSync(join(project, 'notes.txt'), 'mine\n');
    return { dir, project };
  };

  it.each([
    ['the current folder, inside the project', (project: string) => ({ cwd: project, out: '.' }), 'er selve dataprojektet'],
    ['the project, by its path', (project: string) => ({ cwd: join(project, '..'), out: project }), 'er selve dataprojektet'],
    ['the folder that holds the project', (project: string) => ({ cwd: project, out: '..' }), 'indeholder dataprojektet'],
    [
      'a record folder of the project',
      (project: string) => ({ cwd: project, out: '2020' }),
      'indeholder filer, som build ikke har skrevet',
    ],
  ])('%s: exit 2, nothing touched (the real bin, with CI set)', async (_, where, message) => {
    const { dir, project } = scratch();
    const before = tree(dir);
    const { cwd, out } = where(project);
    const result = await runBin(['build', '--data', project, '--out', out, '--quiet'], { cwd, env: { CI: 'true' } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/intet er rørt\n$/);
    expect(tree(dir)).toEqual(before);
  });

  it('a folder of the user’s own files (docs/, a GitHub Pages habit) is refused; an empty one, or its own site, is written', async () => {
    const { dir, project } = scratch();
    const docs = join(dir, 'docs');
    cpSync(join(project, 'notes.txt'), join(docs, 'own.md'));
    const refused = await runCli(['build', '--data', project, '--out', docs, '--quiet']);
    expect(refused.exitCode).toBe(2);
    expect(readdirSync(docs)).toEqual(['own.md']);
    rmSync(join(docs, 'own.md'));
    expect((await runCli(['build', '--data', project, '--out', docs, '--quiet'])).exitCode).toBe(0);
    expect((await runCli(['build', '--data', project, '--out', docs, '--quiet'])).exitCode).toBe(0);
    expect(readdirSync(docs)).toContain('.borgermode-site');
  });

  it('a folder that cannot be made is exit 2 with the path and the reason, one JSON document, no stack trace', async () => {
    const { project } = scratch();
    const result = await runBin(['build', '--data', project, '--out', join(project, 'notes.txt', 'site'), '--json']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`borgermode: kan ikke skrive filen ${join(project, 'notes.txt', 'site')}: det er ikke en mappe\n`);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'file-access' } });
  });
});
