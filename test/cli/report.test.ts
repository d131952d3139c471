import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BriefView } from '../../src/render/brief-view.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { copyProject, sampleWithGrouping } from '../helpers/temp-project.js';

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
    const view = JSON.parse(result.stdout) as BriefView;
    expect(view.quarter).toEqual({ id: '2020-Q1', name: '1. kvartal 2020', span: '1. januar – 31. marts 2020' });
    expect(view.meeting).toEqual({ date: '2020-04-22', date_text: '22. april 2020', time: '19:00', place: 'Beboerhuset' });
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, 'brief-2020-Q1.da.json'));
  });

  it('defaults to the latest quarter (2020-Q1: planned activities and later meetings do not count)', async () => {
    const latest = await runCli(['report', '--data', SAMPLE, '--format', 'json']);
    expect((JSON.parse(latest.stdout) as BriefView).quarter.id).toBe('2020-Q1');
    const previous = await runCli(['report', '--data', SAMPLE, '--quarter', 'previous', '--format', 'json']);
    expect((JSON.parse(previous.stdout) as BriefView).quarter.id).toBe('2019-Q4');
  });

  it.each([['2020Q1'], ['2020-q1'], ['2020-Q1']])('accepts the quarter written %s', async (quarter) => {
    const result = await runCli(['report', '--data', SAMPLE, '--quarter', quarter, '--format', 'json']);
    expect((JSON.parse(result.stdout) as BriefView).quarter.id).toBe('2020-Q1');
  });

  it('keeps internal notes and sensitive categories out of every format', async () => {
    for (const format of ['md', 'html', 'json']) {
      const { stdout } = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', format]);
      expect(stdout).not.toMatch(/Sagsnr|internal_note|kun til internt brug/);
      expect(stdout).not.toMatch(/\| Seksualforbrydelser \||<th scope="row">Seksualforbrydelser<\/th>|"id": "sexual"/);
    }
  });

  it('folds the sensitive category into other in public output (2020-Q1: 3 other + 1 sexual = 4, shown "<5")', async () => {
    const fine = sampleWithGrouping('categories');
    const row = async (data: string, audience: string, id: string) => {
      const { stdout } = await runCli(['report', '--data', data, '--quarter', '2020-Q1', '--format', 'json', '--audience', audience]);
      return (JSON.parse(stdout) as BriefView).crime.rows.find((r: { id: string }) => r.id === id);
    };
    expect((await row(fine, 'public', 'other'))!.current).toBe('<5');
    expect(await row(fine, 'public', 'sexual')).toBeUndefined();
    // The internal edition marks (†) what the public one hides.
    expect((await row(fine, 'internal', 'other'))!.current).toBe('3†');
    expect((await row(fine, 'internal', 'sexual'))!.current).toBe('1');
    // As the sample is (groups): both are in "Anden kriminalitet", 14 with drugs, weapons and damage.
    expect(await row(SAMPLE, 'public', 'other')).toBeUndefined();
    expect((await row(SAMPLE, 'public', 'other_crime'))!.current).toBe('14');
  });

  it('uses the bundled sample without --data outside CI and says so on stderr (test/cli/project.test.ts has the rest)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'borgermode-empty-'));
    try {
      // No BORGERMODE_TODAY: the sample is judged as of April 2020, so a new user sees no stale-date warnings.
      const result = await runCli(['report', '--quarter', '2020-Q1'], { cwd: empty, env: { BORGERMODE_TODAY: undefined, CI: undefined } });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toMatch(
        /^Ingen borgermode\.yaml i denne mappe .* eksempelprojektet \(Værebro Park, opdigtede tal\)\. Vælg selv: --data MAPPE for dine egne data, eller --sample .*\n$/,
      );
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
    expect(stdout).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; Graffiti, <em>kursiv</em>, farlig og <a href="https://politi.dk">politi</a> | med streg',
    );
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
    expect(stdout).not.toMatch(/<(script|img|iframe|b>)|javascript:/i);
    expect(stdout).toContain('&lt;script>alert(1)&lt;/script> Graffiti, *kursiv*');
    expect(stdout).toContain('Graffiti, *kursiv*, farlig og [politi](https://politi.dk) | med streg');
    expect(stdout).toContain('Hvad med &lt;iframe src="https://example.org">&lt;/iframe> ved Centret?');
    expect(stdout).toContain('# Tryghed i &lt;b>Testparken&lt;/b> – Mødeoplæg 1. kvartal 2020');
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
    [['--format', 'odt'], /^borgermode: ugyldig værdi 'odt' til flaget '--format <format>'/m],
    [['--format', 'docx'], /^borgermode: --format docx skriver en fil: angiv -o FIL, f.eks. -o moedeoplaeg.docx$/m],
    [['--format', 'pdf'], /^borgermode: --format pdf skriver en fil: angiv -o FIL/m],
    [
      ['-o', '/nonexistent-folder/brief.md'],
      /^borgermode: kan ikke skrive filen \/nonexistent-folder\/brief\.md: mappen, den skal ligge i, findes ikke$/m,
    ],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await runCli(['report', '--data', SAMPLE, ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    [
      'da',
      /^borgermode: ingen Chromium fundet til PDF: BORGERMODE_CHROMIUM er ikke sat, og ingen af chromium, chromium-browser, google-chrome-stable, google-chrome findes på PATH\. Installér Chromium/m,
    ],
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

/** The Markdown section under `## heading`, up to the next `## ` heading. */
function mdSection(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}\n`);
  expect(start, `a section "## ${heading}" in:\n${md}`).toBeGreaterThan(-1);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end === -1 ? undefined : end);
}

/** The HTML section whose heading has the id, up to its end. */
function htmlSection(html: string, id: string): string {
  const start = html.indexOf(`<h2 id="${id}">`);
  expect(start, `a section with <h2 id="${id}">`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

// docs/figures.md, Coverage: the sample's police figures run to 31 March 2020, so 2020-Q2 has no
// incident figures at all: the brief says so in the crime section, computes nothing from it, keeps
// every other section, and `report` warns on stderr (exit 0). Before coverage, the quarter after
// the last record counted as 0 everywhere: "I alt 0", ▼ and −100 % against 2019-Q2.
describe('a brief for a quarter the police figures do not cover yet (the sample, 2020-Q2)', () => {
  const WARNING_DA =
    'advarsel: Politiets tal for 2. kvartal 2020 er ikke kommet endnu. Tallene går til og med 31. marts 2020. Mødeoplægget har derfor ingen kriminalitetstal; de andre afsnit er med.\n';
  const WARNING_EN =
    'warning: The police figures for Q2 2020 are not in yet. The figures run to 31 March 2020. So the brief has no crime figures; the other sections are there.\n';
  const sample2020Q2 = (...args: string[]) => runCli(['report', '--sample', '--quarter', '2020-Q2', ...args]);
  const OTHER_SECTIONS_DA = ['I spurgte – vi svarede', 'Tryghed og listestatus', 'Det sker snart', 'Kontakt'];

  it.each([
    ['md', (out: string) => mdSection(out, 'Kriminalitet og utryghed'), (heading: string) => `\n## ${heading}\n`],
    ['html', (out: string) => htmlSection(out, 'crime'), (heading: string) => `>${heading}</h2>`],
  ])(
    'as %s: the crime section says the figures are not in yet and up to which day, computes nothing, and the other sections are there',
    async (format, crimeOf, headingText) => {
      const result = await sample2020Q2('--format', format);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe(WARNING_DA);
      expect(result.stdout).not.toMatch(/[▲▼]/);
      const crime = crimeOf(result.stdout);
      expect(crime).toContain('Politiets tal for 2. kvartal 2020 er ikke kommet endnu. Tallene går til og med 31. marts 2020.');
      // No table, total, change, percentage, sentence or chart: nothing is computed from no figures.
      expect(crime).not.toMatch(/%|i alt|Politiet registrerede|\||<table|<svg|[▲▼●]/i);
      for (const heading of OTHER_SECTIONS_DA) expect(result.stdout, heading).toContain(headingText(heading));
    },
  );

  it('as json: the sentence in crime.no_figures, no rows, highlights or chart, and no change of any total', async () => {
    const result = await sample2020Q2('--format', 'json');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(WARNING_DA);
    const view = JSON.parse(result.stdout) as BriefView;
    expect(view.crime.no_figures).toBe('Politiets tal for 2. kvartal 2020 er ikke kommet endnu. Tallene går til og med 31. marts 2020.');
    expect(view.crime.rows).toEqual([]);
    expect(view.crime.concern_rows).toEqual([]);
    expect(view.crime.highlights).toEqual([]);
    expect(view.crime.chart.series).toEqual([]);
    for (const total of [view.crime.crime_total, view.crime.concerns_total]) {
      expect(total.current).toBe('–');
      expect(total.change).toMatchObject({ text: '–', marker: '', percent: null });
      expect(total.last4).toBe('–');
    }
    expect(JSON.stringify(view.crime)).not.toMatch(/[▲▼%]/);
    // The sections that need no incident figures are all there.
    expect(view.follow_ups.length).toBeGreaterThan(0);
    expect(view.safety).toBeDefined();
    expect(view.coming_up?.activities.length).toBeGreaterThan(0);
    expect(view.contacts.length).toBeGreaterThan(0);
  });

  it('--quiet: the same brief, and no warning', async () => {
    const loud = await sample2020Q2();
    const quiet = await sample2020Q2('--quiet');
    expect(loud.stderr).toBe(WARNING_DA);
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(loud.stdout);
    expect(quiet.stdout).toContain('\n## Kriminalitet og utryghed\n\nPolitiets tal for 2. kvartal 2020 er ikke kommet endnu.');
  });

  it('in English with --lang en, through the real bin too', async () => {
    for (const runner of [runCli, runBin]) {
      const result = await runner(['report', '--sample', '--quarter', '2020-Q2', '--lang', 'en']);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe(WARNING_EN);
      const crime = mdSection(result.stdout, 'Crime and concerns');
      expect(crime).toContain('The police figures for Q2 2020 are not in yet. The figures run to 31 March 2020.');
      expect(crime).not.toMatch(/%|in all|The police registered|\||[▲▼●]/i);
      expect(result.stdout).not.toMatch(/[▲▼]/);
      for (const heading of ['You asked – we answered', 'Safety and list status', 'Coming up', 'Contacts'])
        expect(result.stdout, heading).toContain(`\n## ${heading}\n`);
    }
  });
});

// test/fixtures/police-coverage: Nordparken's police figures run to 15 November 2020 (stated), Sydparken's
// begin on 1 October 2019 (stated) although it has activities since January 2019. Seen on
// 2 December 2020.
describe('coverage: the brief of a provisional quarter, of a quarter before the figures begin, and latest', () => {
  const COVERAGE = join(FIXTURES, 'police-coverage');
  const ON_2_DECEMBER = { BORGERMODE_TODAY: '2020-12-02' };
  const report = (...args: string[]) => runCli(['report', '--data', COVERAGE, ...args], { env: ON_2_DECEMBER });
  const json = async (...args: string[]) => {
    const result = await report(...args, '--format', 'json');
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as BriefView;
  };
  const PROVISIONAL_DA =
    'Foreløbige tal: politiets tal for 4. kvartal 2020 går kun til og med 15. november 2020. De sammenlignes med de samme dage året før, 1. oktober – 15. november 2019.';
  /** The cells of a Markdown table row whose first cell is `label`. */
  const cellsOf = (md: string, label: string) => {
    const line = md.split('\n').find((l) => l.startsWith(`| ${label} `));
    expect(line, `a row "${label}"`).toBeDefined();
    return line!
      .split('|')
      .slice(2, -1)
      .map((cell) => cell.trim());
  };

  it('latest is the latest quarter covered to its last day: 3. kvartal 2020, not the provisional fourth (which has incidents and an activity)', async () => {
    const result = await report();
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe('# Tryghed i Nord- og Sydparken – Mødeoplæg 3. kvartal 2020');
    expect((await json('--quarter', 'previous')).quarter.id).toBe('2020-Q2');
    // Sydparken's figures run to the end of the year: its latest is the fourth quarter.
    expect((await json('--area', 'sydparken')).quarter.id).toBe('2020-Q4');
  });

  it('the counts at the edges of the test of a change (2019-Q3 → 2020-Q3): ▲ only for 0 → 6, not for 8 → 16 or 0 → 1', async () => {
    const view = await json('--quarter', '2020-Q3', '--audience', 'internal');
    const row = (id: string) => view.crime.rows.find((r) => r.id === id)!;
    expect([row('vandalism').current, row('vandalism').year_ago, row('vandalism').change.marker]).toEqual(['6', '0', '▲']);
    expect([row('theft').current, row('theft').year_ago, row('theft').change.marker]).toEqual(['16', '8', '●']);
    // One robbery is "<5" in public, so the internal edition marks it (†).
    expect([row('robbery').current, row('robbery').year_ago, row('robbery').change.marker]).toEqual(['1†', '0', '●']);
    // Only the real change of a category gets a sentence.
    const sentences = view.crime.highlights.join('\n');
    expect(sentences).toContain('Hærværk: 6 i 3. kvartal 2020 mod 0 i 3. kvartal 2019. Det er 6 flere.');
    expect(sentences).not.toMatch(/Tyveri:|Røveri:/);
    const md = (await report('--quarter', '2020-Q3', '--audience', 'internal')).stdout;
    expect(cellsOf(md, 'Hærværk')[2]).toBe('▲ +6 (ny)');
    expect(cellsOf(md, 'Tyveri')[2]).toBe('● +8 (+100 %)');
    expect(cellsOf(md, 'Røveri')[2]).toBe('● +1 (ny)†');
  });

  it('a provisional quarter (2020-Q4, covered to 15 November): says so, compared like for like with the same days a year before, no four-quarter figures; stderr notes it', async () => {
    const result = await report('--quarter', '2020-Q4');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(`bemærk: ${PROVISIONAL_DA}\n`);
    const crime = mdSection(result.stdout, 'Kriminalitet og utryghed');
    expect(crime).toContain(PROVISIONAL_DA);
    expect(crime).toContain('De fire seneste kvartaler sammenlignes først, når kvartalet er slut.');
    expect(crime).toContain(
      'Politiet registrerede 16 anmeldelser af kriminalitet i 4. kvartal 2020 til og med 15. november mod 15 i samme periode af 4. kvartal 2019.',
    );
    expect(cellsOf(crime, 'Kategori')).toEqual([
      '4. kv. 2020 (til 15. november)',
      '4. kv. 2019 (til 15. november)',
      'Ændring',
      '3. kv. 2020',
      'Seneste 4 kvartaler',
      'De 4 kvartaler før',
      'Ændring',
    ]);
    // 15 crimes from 1 October to 15 November 2019, not the whole quarter's 30; no four-quarter sums.
    // 3. kvartal 2020 had one robbery (<5), so that quarter's total is hidden.
    expect(cellsOf(crime, '**Kriminalitet i alt**')).toEqual(['**16**', '**15**', '● +1 (+7 %)', 'x', '–', '–', '–']);
    for (const label of ['Vold', 'Tyveri', 'Hærværk']) expect(cellsOf(crime, label).slice(4), label).toEqual(['–', '–', '–']);
    // The HTML chart draws the provisional bar as an outline, its figure marked *.
    const html = htmlSection((await report('--quarter', '2020-Q4', '--format', 'html')).stdout, 'crime');
    expect(html).toMatch(/<rect class="bar current partial" [^>]*fill="#fff"/);
    expect(html).toContain('>16*</text>');
  });

  it('a provisional quarter, internal: the same days a year before by category (theft 9, not the whole quarter’s 19)', async () => {
    const view = await json('--quarter', '2020-Q4', '--audience', 'internal');
    expect(view.crime.provisional).toEqual([PROVISIONAL_DA, 'De fire seneste kvartaler sammenlignes først, når kvartalet er slut.']);
    expect(view.crime.columns).toMatchObject({ current: '4. kv. 2020 (til 15. november)', year_ago: '4. kv. 2019 (til 15. november)' });
    const figures = (id: string) => {
      const row = view.crime.rows.find((r) => r.id === id)!;
      return [row.current, row.year_ago, row.last4, row.prev4];
    };
    // The public edition never shows a category's same-days figure: marked †.
    expect(figures('theft')).toEqual(['11', '9†', '–', '–']);
    expect(figures('violence')).toEqual(['5', '6†', '–', '–']);
    expect(figures('vandalism')).toEqual(['0', '0†', '–', '–']);
  });

  it('a provisional quarter in English', async () => {
    const result = await report('--quarter', '2020-Q4', '--lang', 'en');
    expect(result.stderr).toBe(
      'note: Provisional figures: the police figures for Q4 2020 only run to 15 November 2020. They are compared with the same days a year before, 1 October – 15 November 2019.\n',
    );
    expect(cellsOf(result.stdout, 'Category').slice(0, 2)).toEqual(['Q4 2020 (to 15 November)', 'Q4 2019 (to 15 November)']);
  });

  it('a quarter before the figures begin (Sydparken 2019-Q3, which has an activity): no figures, the rest of the brief, a warning', async () => {
    const result = await report('--area', 'sydparken', '--quarter', '2019-Q3');
    expect(result.exitCode).toBe(0);
    const sentence = 'Der er ingen tal fra politiet for 3. kvartal 2019. Tallene for området begynder 1. oktober 2019.';
    expect(result.stderr).toBe(`advarsel: ${sentence} Mødeoplægget har derfor ingen kriminalitetstal; de andre afsnit er med.\n`);
    const crime = mdSection(result.stdout, 'Kriminalitet og utryghed');
    expect(crime.trim()).toBe(`## Kriminalitet og utryghed\n\n${sentence}`);
    expect(mdSection(result.stdout, 'Det har vi lavet')).toContain('Sommerfodbold');
  });

  it('a year-ago quarter before the figures begin (Sydparken 2020-Q3): "–", never 0, and no change or sentence from it', async () => {
    const view = await json('--area', 'sydparken', '--quarter', '2020-Q3');
    for (const row of [...view.crime.rows, view.crime.crime_total]) {
      expect(row.year_ago, row.id).toBe('–');
      expect(row.change.text, row.id).toBe('–');
      expect(row.prev4, row.id).toBe('–');
    }
    expect(view.crime.crime_total.current).toBe('15');
    expect(view.crime.crime_total.last4).toBe('51');
    expect(view.crime.highlights).toEqual([]);
    expect(view.crime.footnotes).toContain('–: ingen tal fra politiet for perioden, så der sammenlignes ikke.');
  });
});

// data-format.md, Coming up: the planned activities after M (the meeting the brief is presented
// at), except those dated before today. Before coverage's commit, every planned activity after
// the quarter's end was "coming up", also one before the meeting or long past.
describe('coming up: after the meeting the brief is presented at, and not before today', () => {
  const project = copyProject(join(FIXTURES, 'police-coverage'));
  writeFileSync(
    join(project, 'planned.yaml'),
    [
      'activities:',
      // After 2020-Q3 but before its meeting M (21 October 2020).
      '  - { id: p-2020-10-10, area: nordparken, date: 2020-10-10, kind: dialogue, status: planned, title: Kaffe før mødet }',
      // After M, and still planned though 2 December 2020 has come.
      '  - { id: p-2020-11-04, area: nordparken, date: 2020-11-04, kind: dialogue, status: planned, title: Kaffe i november }',
      '',
    ].join('\n'),
  );
  const comingUp = async (today: string) => {
    const result = await runCli(['report', '--data', project, '--quarter', '2020-Q3'], { env: { BORGERMODE_TODAY: today } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Fremlægges på borgermødet 21. oktober 2020 kl. 19:00, Fælleshuset.');
    return mdSection(result.stdout, 'Det sker snart');
  };

  it('on 1 October 2020: not the activity of 10 October, before the meeting; the one of 4 November is', async () => {
    const section = await comingUp('2020-10-01');
    expect(section).not.toContain('Kaffe før mødet');
    expect(section).toContain('- *4. november 2020*: Kaffe i november');
    expect(section).toContain('- *9. december 2020*: Juletryghedsvandring i Nordparken');
  });

  it('on 2 December 2020: not the activity of 4 November, now past (validate warns about it), nor the one before the meeting', async () => {
    const section = await comingUp('2020-12-02');
    expect(section).not.toMatch(/Kaffe før mødet|Kaffe i november/);
    expect(section.trim()).toBe(
      [
        '## Det sker snart',
        '',
        '- **Næste borgermøde: 20. januar 2021 kl. 19:00, Fælleshuset**',
        '- *9. december 2020*: Juletryghedsvandring i Nordparken',
        '- *3. februar 2021*: Skolebesøg om fyrværkeri',
      ].join('\n'),
    );
  });
});

// src/cli/output.ts: without --format the format follows -o's extension; a file holds what its name says.
describe('the format and the file agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'borgermode-format-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (command: string, ...args: string[]) =>
    runCli([
      command,
      '--data',
      SAMPLE,
      ...(command === 'report' ? ['--quarter', '2020-Q1'] : command === 'compare' ? ['--to', '2020-Q1'] : ['--year', '2019']),
      '--quiet',
      ...args,
    ]);

  it.each([
    ['report', 'brief.html', /^<!DOCTYPE html>/],
    ['report', 'brief.HTM', /^<!DOCTYPE html>/],
    ['report', 'brief.json', /^\{\n {2}"lang": "da"/],
    ['report', 'brief.markdown', /^# Tryghed i Værebro Park/],
    ['report', 'brief', /^# Tryghed i Værebro Park/],
    ['compare', 'table.csv', /^id,label,2018-Q2,/],
    ['summary', 'year.json', /^\{\n/],
    ['summary', 'year.csv', /^area,id,label,count,/],
  ])('%s -o %s writes that format', async (command, file, start) => {
    const result = await run(command, '-o', join(dir, file));
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(dir, file), 'utf8')).toMatch(start);
  });

  it.each([
    ['report', ['-o', 'brief.pdf', '--format', 'md'], '-o brief.pdf er en pdf-fil, men --format er md'],
    ['report', ['--format', 'pdf', '-o', 'x.md'], '-o x.md er en md-fil, men --format er pdf'],
    [
      'report',
      ['-o', 'brief.txt'],
      '-o brief.txt: filendelsen .txt svarer ikke til et format, kommandoen skriver; forventede en af md, html, json, pdf',
    ],
    ['report', ['-o', 'brief.csv'], '-o brief.csv: filendelsen .csv svarer ikke til et format, kommandoen skriver'],
    [
      'compare',
      ['-o', 'table.pdf'],
      '-o table.pdf: filendelsen .pdf svarer ikke til et format, kommandoen skriver; forventede en af md, html, csv, json',
    ],
    ['summary', ['--format', 'csv', '-o', 'year.html'], '-o year.html er en html-fil, men --format er csv'],
  ])('%s %j is a usage error, and nothing is written', async (command, args, message) => {
    const result = await runCli([command, '--data', SAMPLE, ...args], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`borgermode: ${message}`);
    expect(existsSync(join(dir, args[args.indexOf('-o') + 1]!))).toBe(false);
  });

  it('-o - is stdout, and a PDF there is refused', async () => {
    const result = await run('report', '-o', '-');
    expect(result.stdout).toMatch(/^# Tryghed i Værebro Park/);
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
    const pdf = await run('report', '--format', 'pdf', '-o', '-');
    expect(pdf.exitCode).toBe(2);
  });

  it('-o a folder is refused, saying so', async () => {
    const result = await run('report', '-o', dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`borgermode: kan ikke skrive filen ${dir}: det er en mappe; angiv en fil, f.eks. -o moedeoplaeg.md\n`);
  });
});

// Issue 18, item 6: a command that refuses data with errors ends with validate's count and that nothing was written.
describe('the verdict line', () => {
  const broken = () => {
    const project = copyProject(join(import.meta.dirname, '../../data'));
    const file = join(project, '2020/incidents.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('category: theft', 'category: thef'));
    return project;
  };

  it.each([
    [['report', '--quarter', '2020-Q1'], 'da', /\n1 fejl, \d+ advarsl(?:er|e) – intet er skrevet\n$/],
    [['report', '--quarter', '2020-Q1', '--lang', 'en', '-o', 'brief.md'], 'en', /\n1 error, \d+ warnings? – nothing was written\n$/],
    [['compare', '--table', 'incidents'], 'da', /\n1 fejl, \d+ advarsl(?:er|e) – intet er skrevet\n$/],
    [
      ['summary', '--year', '2020', '--quiet'],
      'da',
      /^2020\/incidents\.yaml:\d+:\d+ error ukendt kategori "thef".*\n1 fejl, \d+ advarsl(?:er|e) – intet er skrevet\n$/,
    ],
  ])('%j ends with it (%s), exit 1, nothing written', async (args, _lang, verdict) => {
    const project = broken();
    const result = await runCli([...args, '--data', project], { cwd: project });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(verdict);
    expect(existsSync(join(project, 'brief.md'))).toBe(false);
  });
});
