import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { BriefView } from '../../src/render/brief-view.js';
import type { CompareView } from '../../src/render/compare-view.js';
import { auditFacts, factsFromBriefs, factsFromCompare } from '../helpers/disclosure-audit.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { sampleWithGrouping } from '../helpers/temp-project.js';

const SAMPLE = join(import.meta.dirname, '../../data');
const LIST_YEARS = join(import.meta.dirname, '../fixtures/list-years');
const GOLDEN = join(import.meta.dirname, '../golden');
const compare = (...args: string[]) => runCli(['compare', '--data', SAMPLE, '--to', '2020-Q1', ...args]);

describe('compare on the bundled sample', () => {
  it.each([['md'], ['html'], ['csv'], ['json']])('incidents as %s match the golden file', async (format) => {
    const result = await compare('--format', format);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `compare-incidents-2020-Q1.da.${format}`));
  });

  it('--to 2021-Q1, past the figures (to 31 March 2020): "–" for every quarter after, and no change, arrow or percentage from them', async () => {
    const result = await runCli(['compare', '--data', SAMPLE, '--to', '2021-Q1', '--format', 'json']);
    expect(result.exitCode).toBe(0);
    const view = JSON.parse(result.stdout) as CompareView;
    expect(view.quarters.map((q) => q.id)).toEqual([
      '2019-Q2',
      '2019-Q3',
      '2019-Q4',
      '2020-Q1',
      '2020-Q2',
      '2020-Q3',
      '2020-Q4',
      '2021-Q1',
    ]);
    for (const row of view.rows) {
      expect(
        row.cells.slice(4).map((c) => c.text),
        row.id,
      ).toEqual(['–', '–', '–', '–']);
      expect([row.change.text, row.change.marker, row.change.percent, row.last4.text, row.last4_change.text], row.id).toEqual([
        '–',
        '',
        null,
        '–',
        '–',
      ]);
    }
    expect(view.footnotes).toContain('–: ingen tal fra politiet for perioden, så der sammenlignes ikke.');
  });

  it.each([
    ['activities', 'csv'],
    ['questions', 'csv'],
    ['activities', 'md'],
    ['questions', 'md'],
  ])('the %s table as %s matches the golden file', async (table, format) => {
    const result = await compare('--table', table, '--format', format, '--lang', 'en');
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `compare-${table}-2020-Q1.en.${format}`));
  });

  it('compares the areas for one quarter, with rates per 1,000 residents', async () => {
    const result = await compare('--areas', '--format', 'csv');
    expect(result.exitCode).toBe(0);
    const [header, row] = result.stdout.trim().split('\n');
    // The sample's categories are grouped (auto: 2,600 residents); the concerns are their total.
    expect(header).toBe(
      'id,label,residents,violence_threats,theft_burglary,other_crime,crime_total,concerns_total,crime_rate,concerns_rate',
    );
    // 33 crimes and 15 concerns among 2,600 residents: 12.7 and 5.8 per 1,000.
    expect(row).toBe('vaerebro-park,Værebro Park,2600,7,12,14,33,15,12.7,5.8');
    // Category by category, small counts are "<5" and hide the crime total, so no crime rate either.
    const fine = await runCli(['compare', '--data', sampleWithGrouping('categories'), '--to', '2020-Q1', '--areas', '--format', 'csv']);
    expect(fine.stdout.trim().split('\n')).toEqual([
      'id,label,residents,violence,threats,burglary,theft,vehicle,robbery,vandalism,arson,drugs,weapons,other,traffic,nuisance,crime_total,concerns_total,crime_rate,concerns_rate',
      'vaerebro-park,Værebro Park,2600,5,<5,<5,6,<5,0,6,0,<5,<5,<5,7,8,x,15,,5.8',
    ]);
  });

  it('writes what Danish Excel opens: BOM, semicolons, CRLF', async () => {
    const result = await compare('--format', 'csv', '--excel');
    expect(result.stdout.startsWith('\ufeffid;label;2018-Q2;')).toBe(true);
    expect(result.stdout).toContain('\r\nviolence_threats;Vold, trusler og røveri;12;13;12;12;8;11;7;7;12;-5;-42;33;49;-16;-33\r\n');
    const rates = await compare('--areas', '--format', 'csv', '--excel');
    expect(rates.stdout).toMatch(/;12,7;5,8\r\n$/);
  });

  it('lists every category in built-in order in CSV, totals last', async () => {
    const { stdout } = await compare('--format', 'csv', '--audience', 'internal');
    const ids = stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(ids).toEqual([
      'violence',
      'sexual',
      'threats',
      'burglary',
      'theft',
      'vehicle',
      'robbery',
      'vandalism',
      'arson',
      'drugs',
      'weapons',
      'traffic',
      'nuisance',
      'other',
      'crime_total',
      'concerns_total',
    ]);
  });

  it('the internal CSV holds exactly the sums of the records’ counts per category and quarter', async () => {
    // Summed here straight from the YAML files, without the tool's code.
    const expected = new Map<string, number>();
    const files = readdirSync(SAMPLE, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('incidents.yaml'));
    for (const file of files) {
      for (const incident of (
        parse(readFileSync(join(SAMPLE, file), 'utf8')) as {
          incidents: { date: string; category: string; count?: number; source?: string }[];
        }
      ).incidents) {
        if ((incident.source ?? 'police') !== 'police') continue;
        const quarter = `${incident.date.slice(0, 4)}-Q${Math.ceil(Number(incident.date.slice(5, 7)) / 3)}`;
        const key = `${incident.category}@${quarter}`;
        expected.set(key, (expected.get(key) ?? 0) + (incident.count ?? 1));
      }
    }
    const { stdout } = await compare('--format', 'csv', '--audience', 'internal', '--quarters', '9');
    const [header, ...rows] = stdout
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const quarters = header!.slice(2, 11);
    let checked = 0;
    for (const row of rows) {
      if (row[0] === 'crime_total' || row[0] === 'concerns_total') continue;
      quarters.forEach((quarter, i) => {
        expect(Number(row[2 + i]), `${row[0]} ${quarter}`).toBe(expected.get(`${row[0]}@${quarter}`) ?? 0);
        checked++;
      });
    }
    expect(checked).toBe(14 * 9);
  });

  it('reveals no suppressed count together with every brief of the sample, category by category (LP audit)', async () => {
    const data = sampleWithGrouping('categories');
    const quarters = ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];
    const briefs: BriefView[] = [];
    for (const quarter of quarters)
      briefs.push(JSON.parse((await runCli(['report', '--data', data, '--quarter', quarter, '--format', 'json'])).stdout) as BriefView);
    const table = JSON.parse(
      (await runCli(['compare', '--data', data, '--to', '2020-Q1', '--format', 'json', '--quarters', '9'])).stdout,
    ) as CompareView;
    const groups = {
      crime: table.rows.filter((r) => !['traffic', 'nuisance', 'crime_total', 'concerns_total'].includes(r.id)).map((r) => r.id),
      concerns: ['traffic', 'nuisance'],
    };
    const { recoverable, ranges } = await auditFacts([...factsFromBriefs(briefs), ...factsFromCompare(table, groups)], 5);
    expect(recoverable).toEqual([]);
    expect(ranges.size).toBeGreaterThan(20);
  });

  it('hides nothing in the sample as it is (grouped): every figure of nine quarters is shown', async () => {
    const table = JSON.parse((await compare('--format', 'json', '--quarters', '9')).stdout) as CompareView;
    const texts = table.rows.flatMap((r) => [...r.cells.map((c) => c.text), r.last4.text]);
    expect(texts.filter((text) => text === 'x' || text.startsWith('<'))).toEqual([]);
  });
});

describe('compare usage errors', () => {
  it.each([
    [['--excel'], /^borgermode: --excel gælder kun --format csv$/m],
    [['--quarters', '0'], /^borgermode: ugyldigt antal kvartaler "0"/m],
    [['--table', 'areas'], /^borgermode: --table areas hører sammen med --areas/m],
    [['--to', '2020-Q9'], /^borgermode: ugyldigt kvartal "2020-Q9"/m],
    [['--area', 'nowhere'], /^borgermode: ukendt område "nowhere"/m],
  ])('%j → exit 2', async (args, message) => {
    const result = await compare(...args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('definition breaks', () => {
  it('footnote a category whose definition changed inside the compared window, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borgermode-breaks-'));
    try {
      writeFileSync(
        join(dir, 'borgermode.yaml'),
        'privacy: { grouping: categories }\nareas:\n  - id: testparken\n    name: Testparken\n    coverage: { to: 2020-03-31 }\ncategories:\n  - id: burglary\n    breaks: [{date: 2019-07-01, note: "Ny indbrudsparagraf"}]\n',
      );
      writeFileSync(
        join(dir, 'records.yaml'),
        'incidents:\n  - {id: i1, date: 2018-02-01, category: burglary, count: 9}\n  - {id: i2, date: 2020-02-01, category: burglary, count: 8}\n',
      );
      const within = await runCli(['compare', '--data', dir, '--to', '2020-Q1', '--format', 'json']);
      expect((JSON.parse(within.stdout) as CompareView).footnotes).toEqual([
        'Tallene for Indbrud i beboelse er ikke helt sammenlignelige over perioden: Ny indbrudsparagraf (1. juli 2019).',
      ]);
      const before = await runCli(['compare', '--data', dir, '--to', '2019-Q2', '--quarters', '4', '--format', 'json']);
      // No break note before the break; the four quarters before reach back before the police figures begin.
      expect((JSON.parse(before.stdout) as CompareView).footnotes).toEqual([
        '–: ingen tal fra politiet for perioden, så der sammenlignes ikke.',
      ]);
      // Grouped (the default for an area without residents): the note is the group's, after the note on the grouping.
      const settings = join(dir, 'borgermode.yaml');
      writeFileSync(settings, readFileSync(settings, 'utf8').replace('privacy: { grouping: categories }\n', ''));
      const grouped = (JSON.parse((await runCli(['compare', '--data', dir, '--to', '2020-Q1', '--format', 'json'])).stdout) as CompareView)
        .footnotes;
      expect(grouped).toHaveLength(2);
      expect(grouped[0]).toMatch(/^Tallene vises i grupper/);
      expect(grouped[1]).toBe(
        'Tallene for Indbrud og tyveri er ikke helt sammenlignelige over perioden: Ny indbrudsparagraf (1. juli 2019).',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('charts on the comparison page', () => {
  it('draws the totals of the table over its quarters in HTML, with the figures as text', async () => {
    const { stdout } = await compare('--format', 'json');
    const view = JSON.parse(stdout) as CompareView;
    expect(view.charts.map((c) => c.id)).toEqual(['crime_total', 'concerns_total']);
    // The 2020-Q1 crime total (33) is a bar label; no script, one title and desc each.
    expect(view.charts[0]!.svg).toMatch(/^<svg [^>]*role="img"/);
    expect(view.charts[0]!.svg).toContain('>33<');
    expect(view.charts[0]!.svg).not.toMatch(/<script|\son\w+=/);
    const html = (await compare('--format', 'html')).stdout;
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(2);
    expect((await compare('--format', 'md')).stdout).not.toContain('<svg');
  });

  it('charts questions raised and answered, and activities in all', async () => {
    const questions = JSON.parse((await compare('--table', 'questions', '--format', 'json')).stdout) as CompareView;
    expect(questions.charts.map((c) => c.id)).toEqual(['raised', 'answered']);
    const activities = JSON.parse((await compare('--table', 'activities', '--format', 'json')).stdout) as CompareView;
    expect(activities.charts.map((c) => c.id)).toEqual(['total']);
  });
});

describe('the list-criteria check on the comparison page', () => {
  const listYears = (...args: string[]) => runCli(['compare', '--data', LIST_YEARS, ...args]);

  it('shows every list year recorded up to the last quarter, as a section of its own (golden, English)', async () => {
    const result = await listYears('--to', '2022-Q4', '--format', 'md', '--lang', 'en');
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, 'compare-list-years-2022-Q4.en.md'));
  });

  it('leaves out a list published after the last quarter (lists come out on 1 December)', async () => {
    const years = async (to: string) =>
      (JSON.parse((await listYears('--to', to, '--format', 'json')).stdout) as CompareView).list_checks?.columns.years.map((y) => y.year);
    expect(await years('2022-Q3')).toEqual([2016, 2017, 2018, 2020, 2021]);
    expect(await years('2022-Q4')).toEqual([2016, 2017, 2018, 2020, 2021, 2022]);
  });

  it('carries the official status beside the computed result in JSON, with the raw figures for scripts', async () => {
    const view = JSON.parse((await listYears('--to', '2022-Q4', '--format', 'json')).stdout) as CompareView;
    const checks = view.list_checks!;
    expect(checks.official.cells.map((c) => c.status ?? null)).toEqual([
      'parallel_society',
      'parallel_society',
      null,
      'vulnerable',
      'prevention_area',
      'none',
    ]);
    expect(checks.computed.cells.map((c) => c.points_to ?? c.at_least ?? null)).toEqual([
      null,
      null,
      'vulnerable',
      'vulnerable',
      'prevention_area',
      'none',
    ]);
    expect(checks.rows.find((r) => r.id === 'outside_work_education_pct')!.cells.map((c) => c.value)).toEqual([47.5, null, 45, 41, 35, 28]);
  });

  it('is on the incidents page only, and never in the CSV (the CSV columns are fixed by reports.md §2)', async () => {
    for (const table of ['activities', 'questions']) {
      const view = JSON.parse((await listYears('--to', '2022-Q4', '--table', table, '--format', 'json')).stdout) as CompareView;
      expect(view.list_checks, table).toBeUndefined();
      expect((await listYears('--to', '2022-Q4', '--table', table, '--format', 'md')).stdout).not.toContain('## ');
    }
    const csv = (await listYears('--to', '2022-Q4', '--format', 'csv')).stdout;
    expect(csv.split('\n')[0]).toMatch(/^id,label,2021-Q1,/);
    expect(csv).not.toMatch(/2016|ghetto|Beboere|residents/i);
  });

  it('is left out when no list gives a figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borgermode-lists-'));
    try {
      writeFileSync(join(dir, 'borgermode.yaml'), 'areas:\n  - id: testparken\n    name: Testparken\n');
      writeFileSync(
        join(dir, 'records.yaml'),
        'incidents:\n  - {id: i1, date: 2020-02-01, category: theft, count: 9}\nlist_status:\n  - {id: l1, year: 2019, status: vulnerable}\n',
      );
      const view = JSON.parse((await runCli(['compare', '--data', dir, '--to', '2020-Q1', '--format', 'json'])).stdout) as CompareView;
      expect(view.list_checks).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// test/fixtures/police-coverage (docs/figures.md): Nordparken's police figures run to 15 November 2020, so
// its 2020-Q4 is provisional; Sydparken's begin on 1 October 2019 and run to the end of 2020.
describe('coverage: a provisional quarter and a quarter before the figures begin', () => {
  const COVERAGE = join(import.meta.dirname, '../fixtures/police-coverage');
  const ON_2_DECEMBER = { BORGERMODE_TODAY: '2020-12-02' };
  const run = (...args: string[]) => runCli(['compare', '--data', COVERAGE, ...args], { env: ON_2_DECEMBER });
  const PARTIAL_NOTE =
    '*: foreløbigt tal, politiets tal går kun til og med 15. november 2020. Et foreløbigt tal sammenlignes ikke og lægges ikke sammen med andre.';

  it('the provisional last quarter: each figure ends in "*", no change or four-quarter sum from it, and a note says up to which day', async () => {
    const result = await run('--to', '2020-Q4');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const header = lines
      .find((l) => l.startsWith('| Kategori '))!
      .split('|')
      .map((c) => c.trim());
    const column = (name: string) => header.indexOf(name);
    expect(column('4. kv. 2020')).toBeGreaterThan(0);
    const rows = lines.filter((l) => /^\| (?!Kategori|-)/.test(l)).map((l) => l.split('|').map((c) => c.trim()));
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      expect(row[column('4. kv. 2020')], row[1]).toMatch(/^(\*\*)?\d+\*(\*\*)?$/);
      // The first "Ændring" compares with the same quarter a year before; the last four quarters hold the provisional one.
      expect(row[column('Ændring')], row[1]).toBe('–');
      expect(row[column('Seneste 4 kvartaler')], row[1]).toBe('–');
      expect(row.at(-2), row[1]).toBe('–');
    }
    expect(rows.find((r) => r[1] === 'Tyveri')!.slice(2, 10)).toEqual(['10', '9', '8', '19', '11', '12', '16', '11*']);
    expect(rows.flat().join(' ')).not.toMatch(/[▲▼●]/);
    expect(result.stdout).toContain(`\n${PARTIAL_NOTE}\n`);
  });

  it('the provisional figures in CSV end in "*" too, and the change columns are empty', async () => {
    const result = await run('--to', '2020-Q4', '--format', 'csv', '--audience', 'internal');
    expect(result.exitCode).toBe(0);
    const [header, ...rows] = result.stdout.trim().split('\n');
    expect(header).toBe(
      'id,label,2019-Q1,2019-Q2,2019-Q3,2019-Q4,2020-Q1,2020-Q2,2020-Q3,2020-Q4,year_ago,change,change_pct,last4,prev4,last4_change,last4_change_pct',
    );
    expect(rows).toContain('theft,Tyveri,10,9,8,19,11,12,16,11*,19,,,,46,,');
    expect(rows).toContain('crime_total,Kriminalitet i alt,21,22,14,30,23,23,29,16*,30,,,,87,,');
    for (const row of rows) expect(row.split(',')[9], row).toMatch(/^\d+\*$/);
  });

  it('the areas table of the provisional quarter: figures with "*" and no rate for Nordparken, a rate for Sydparken', async () => {
    const csv = await run('--areas', '--to', '2020-Q4', '--format', 'csv');
    expect(csv.exitCode).toBe(0);
    expect(csv.stdout.trim().split('\n').slice(1)).toEqual([
      'nordparken,Nordparken,2000,5*,0*,0*,11*,0*,0*,0*,0*,0*,0*,0*,5*,0*,16*,5*,,',
      // 15 crimes among 1,500 residents: 10 per 1,000.
      'sydparken,Sydparken,1500,5,0,0,10,0,0,0,0,0,0,0,0,0,15,0,10,0',
    ]);
    const md = (await run('--areas', '--to', '2020-Q4')).stdout;
    expect(md).toMatch(/^\| Nordparken +\| +2\.000 \|.*\| +16\* \| +5\* \| +– \| +– \|$/m);
    expect(md).toMatch(/^\| Sydparken +\| +1\.500 \|.*\| +15 \| +0 \| +10 \| +0 \|$/m);
    expect(md).toContain(
      '\n*: foreløbige tal for Nordparken: politiets tal går kun til og med 15. november 2020, så der er ingen tal pr. 1.000 beboere.\n',
    );
  });

  it('the areas table of a quarter before Sydparken’s figures begin (2019-Q3, when it had an activity): "–", never 0, and no rate', async () => {
    const md = (await run('--areas', '--to', '2019-Q3')).stdout;
    const cells = (area: string) =>
      md
        .split('\n')
        .find((l) => l.startsWith(`| ${area} `))!
        .split('|')
        .slice(3, -1)
        .map((c) => c.trim());
    expect(cells('Sydparken')).toHaveLength(17);
    expect(new Set(cells('Sydparken'))).toEqual(new Set(['–']));
    expect(cells('Nordparken')).toEqual(['6', '0', '0', '8', '0', '0', '0', '0', '0', '0', '0', '5', '0', '14', '5', '7', '2,5']);
    expect(md).toContain('\n–: ingen tal fra politiet for perioden, så der sammenlignes ikke.\n');
    const csv = (await run('--areas', '--to', '2019-Q3', '--format', 'csv')).stdout.trim().split('\n');
    expect(csv).toContain(`sydparken,Sydparken,1500${','.repeat(17)}`);
  });

  it('the areas table of areas grouped at different levels: "–" in the columns not an area’s own, and a note that says why', async () => {
    // With grouping auto, Nordparken (2,000 residents) shows groups and Sydparken (1,500) its totals only.
    const project = join(mkdtempSync(join(tmpdir(), 'borgermode-levels-')), 'project');
    try {
      cpSync(COVERAGE, project, { recursive: true });
      const settings = join(project, 'borgermode.yaml');
      writeFileSync(settings, readFileSync(settings, 'utf8').replace('grouping: categories', 'grouping: auto'));
      const csv = await runCli(['compare', '--data', project, '--areas', '--to', '2020-Q3', '--format', 'csv'], { env: ON_2_DECEMBER });
      expect(csv.stdout.trim().split('\n')).toEqual([
        'id,label,residents,violence_threats,theft_burglary,other_crime,crime_total,concerns_total,crime_rate,concerns_rate',
        'nordparken,Nordparken,2000,7,16,6,29,7,14.5,3.5',
        'sydparken,Sydparken,1500,,,,15,0,10,0',
      ]);
      const md = (await runCli(['compare', '--data', project, '--areas', '--to', '2020-Q3'], { env: ON_2_DECEMBER })).stdout;
      expect(md).toContain(
        '\n–: Sydparken vises med kategorierne samlet på en anden måde (se Om tallene i mødeoplægget), så der er intet tal i kolonnen.\n',
      );
      // Not the note for a quarter without police figures: Sydparken's are in.
      expect(md).not.toContain('ingen tal fra politiet');
    } finally {
      rmSync(dirname(project), { recursive: true, force: true });
    }
  });

  it('an incident outside a stated coverage is not counted, with a warning', async () => {
    const project = join(mkdtempSync(join(tmpdir(), 'borgermode-coverage-')), 'project');
    try {
      cpSync(COVERAGE, project, { recursive: true });
      writeFileSync(
        join(project, 'late.yaml'),
        'incidents:\n  - { id: late-1, area: nordparken, date: 2020-11-20, category: theft, count: 40 }\n',
      );
      const result = await runCli(['compare', '--data', project, '--to', '2020-Q4', '--format', 'csv'], { env: ON_2_DECEMBER });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toMatch(
        /^late\.yaml:2:\d+ warning hændelsen er dateret 2020-11-20, uden for de dage, områdets politital dækker \(coverage: … – 2020-11-15\), så den tælles ikke med/m,
      );
      expect(result.stdout).toContain('\ntheft,Tyveri,10,9,8,19,11,12,16,11*,19,');
    } finally {
      rmSync(dirname(project), { recursive: true, force: true });
    }
  });
});

describe('CSV that a spreadsheet would run as a formula (issue 14)', () => {
  // A project whose area name and category labels are =HYPERLINK(…), +1, -2+3 and @SUM(A1), each
  // category 8 in 2018-Q4 and 5 in 2019-Q4: a change of -3 (-38 %). (A tab or a CR cannot begin a
  // text: control-character.)
  const FORMULA = join(import.meta.dirname, '../fixtures/formula-text');
  const formula = (...args: string[]) => runBin(['compare', '--data', FORMULA, '--format', 'csv', ...args]);
  const LABELS: [string, string][] = [
    ['plus', "'+1"],
    ['minus', "'-2+3"],
    ['at', "'@SUM(A1)"],
  ];
  const FIGURES = ['0', '0', '0', '8', '0', '0', '0', '5', '8', '-3', '-38', '5', '8', '-3', '-38'];

  it.each([
    ['plain', [] as string[], ',', '\n'],
    ['--excel', ['--excel'], ';', '\r\n'],
  ])('the incidents table (%s, through the bin): labels get a leading quote, the change -3 stays a number', async (_, flags, sep, eol) => {
    const result = await formula(...flags);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.startsWith(flags.length ? '\ufeffid;label;2018-Q1;' : 'id,label,2018-Q1,')).toBe(true);
    for (const [id, label] of LABELS) expect(result.stdout).toContain(`${eol}${[id, label, ...FIGURES].join(sep)}${eol}`);
    expect(result.stdout).toContain(
      `${eol}${['crime_total', 'Kriminalitet i alt', '0', '0', '0', '24', '0', '0', '0', '15', '24', '-9', '-38', '15', '24', '-9', '-38'].join(sep)}${eol}`,
    );
    expect(result.stdout).not.toMatch(/[,;](?:[=+@\t]|-2)/);
  });

  it.each([
    ['plain', [] as string[], ',', '\n'],
    ['--excel', ['--excel'], ';', '\r\n'],
  ])('the areas table (%s, through the bin): the area name =HYPERLINK(…) is neutralised and quoted', async (_, flags, sep, eol) => {
    const result = await formula('--areas', ...flags);
    expect(result.exitCode, result.stderr).toBe(0);
    const cells = [
      'formelparken',
      `"'=HYPERLINK(""http://x"",""klik"")"`,
      '1000',
      ...Array<string>(11).fill('0'),
      '5',
      '5',
      '5',
      '0',
      '0',
      '15',
      '0',
      '15',
      '0',
    ];
    expect(result.stdout.endsWith(`${eol}${cells.join(sep)}${eol}`)).toBe(true);
  });
});
