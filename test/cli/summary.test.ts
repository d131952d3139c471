import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { BriefView } from '../../src/render/brief-view.js';
import type { SummaryView } from '../../src/render/summary-view.js';
import { auditFacts, factsFromBriefs, factsFromSummary } from '../helpers/disclosure-audit.js';
import { chromium } from '../helpers/chromium.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { sampleWithGrouping, tempDir } from '../helpers/temp-project.js';

const SAMPLE = join(import.meta.dirname, '../../data');
const FIXTURES = join(import.meta.dirname, '../fixtures');
const GOLDEN = join(import.meta.dirname, '../golden');
const summary = (...args: string[]) => runCli(['summary', '--data', SAMPLE, ...args]);

describe('summary of the sample year 2019', () => {
  it.each([
    ['da', 'md'],
    ['da', 'html'],
    ['da', 'json'],
    ['en', 'md'],
    ['en', 'html'],
  ])('%s %s matches the golden file', async (lang, format) => {
    const result = await summary('--year', '2019', '--format', format, '--lang', lang);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `summary-2019.${lang}.${format}`));
  });

  it.each([['activities'], ['partners'], ['questions'], ['rumours'], ['crime']])(
    'the %s table as CSV matches the golden file',
    async (table) => {
      const result = await summary('--year', '2019', '--format', 'csv', '--table', table);
      expect(result.exitCode).toBe(0);
      await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `summary-2019-${table}.da.csv`));
    },
  );

  it('renders the same through the bundled bin (precompiled templates)', async () => {
    for (const format of ['md', 'html']) {
      const inProcess = await summary('--year', '2019', '--format', format);
      const bin = await runBin(['summary', '--data', SAMPLE, '--year', '2019', '--format', format]);
      expect(bin.exitCode).toBe(0);
      expect(bin.stdout).toBe(inProcess.stdout);
    }
  });

  it('counts what the records say, summed here straight from the YAML files', async () => {
    const view = JSON.parse((await summary('--year', '2019', '--format', 'json', '--audience', 'internal')).stdout) as SummaryView;
    const area = view.areas[0]!;
    type Row = {
      date: string;
      status?: string;
      participants?: number;
      hours?: number;
      answered?: string;
      rumour?: boolean;
      verdict?: string;
    };
    const records = (file: string, key: string) =>
      ((parse(readFileSync(join(SAMPLE, file), 'utf8')) as { [key: string]: Row[] })[key] ?? []).map((r) => ({
        ...r,
        date: String(r.date),
        answered: r.answered === undefined ? undefined : String(r.answered),
      }));
    const in2019 = (date: string | undefined) => date !== undefined && date >= '2019-01-01' && date <= '2019-12-31';
    const done = [
      ...records('2018/activities.yaml', 'activities'),
      ...records('2019/activities.yaml', 'activities'),
      ...records('2020/activities.yaml', 'activities'),
    ].filter((a) => (a.status ?? 'done') === 'done' && in2019(a.date));
    const sum = (pick: (a: Row) => number | undefined) => done.reduce((n, a) => n + (pick(a) ?? 0), 0);
    expect(area.activities).toMatchObject({
      total: String(done.length),
      participants: String(sum((a) => a.participants)),
      hours: String(sum((a) => a.hours)),
    });
    const questions = records('questions.yaml', 'questions');
    const answered = questions.filter((q) => in2019(q.answered));
    expect(area.questions).toMatchObject({
      raised: String(questions.filter((q) => in2019(q.date)).length),
      answered: String(answered.length),
    });
    const rumours = answered.filter((q) => q.rumour);
    expect(area.rumours.checked).toHaveLength(rumours.length);
    expect(area.rumours.verdicts.reduce((n, v) => n + Number(v.count), 0)).toBe(rumours.length);
    expect(area.activities.kinds.map((k) => k.kind)).toEqual([
      'patrol',
      'dialogue',
      'citizen_meeting',
      'business_network',
      'youth_activity',
      'school_visit',
      'ssp_meeting',
      'safety_walk',
      'operation',
      'information',
      'other',
    ]);
    expect(area.crime.columns).toEqual({ period: '2019', previous: '2018', change: 'Ændring' });
  });

  it('writes what Danish Excel opens: BOM, semicolons, decimal comma, CRLF', async () => {
    const result = await summary('--year', '2019', '--format', 'csv', '--table', 'activities', '--excel');
    expect(result.stdout.startsWith('\ufeffarea;id;label;count;participants;hours\r\n')).toBe(true);
    expect(result.stdout).toContain('\r\nvaerebro-park;total;I alt;38;670;514\r\n');
  });
});

describe('own templates', () => {
  it('renders through --templates, with the same helpers, and names a broken template by file and line', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'summary.md.hbs'), '# {{t "summary_title"}} {{period.name}}\n{{#each areas}}\n{{> own-area}}\n{{/each}}\n');
    writeFileSync(join(dir, 'partials', 'own-area.hbs'), '{{area.name}}: {{activities.total}} {{t "summary_activities_count"}}\n');
    const result = await summary('--year', '2019', '--templates', dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('# Opsummering 2019\nVærebro Park: 38 Aktiviteter\n');
    writeFileSync(join(dir, 'summary.md.hbs'), '# {{period.name}}\n{{#each areas}}\n{{area.name}}\n');
    const broken = await summary('--year', '2019', '--templates', dir);
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/summary\.md\.hbs:2:\d+ error /);
  });
});

describe('the period', () => {
  it('defaults to the calendar year of the latest quarter, cut short where the data end', async () => {
    const view = JSON.parse((await summary('--format', 'json')).stdout) as SummaryView;
    expect(view.period).toMatchObject({ from: '2020-Q1', to: '2020-Q1', name: '1. kvartal 2020', previous: '1. kvartal 2019' });
    expect(view.period.partial).toBe('Perioden går kun til og med 1. kvartal 2020: der er ikke data for de senere kvartaler endnu.');
  });

  it('takes a run of quarters with --from and --to, compared with the same quarters earlier', async () => {
    const view = JSON.parse(
      (await summary('--from', '2019-Q3', '--to', '2020-Q1', '--format', 'json', '--lang', 'en')).stdout,
    ) as SummaryView;
    expect(view.period).toMatchObject({ from: '2019-Q3', to: '2020-Q1', name: 'Q3 2019 – Q1 2020', previous: 'Q3 2018 – Q1 2019' });
    expect(view.period.partial).toBeUndefined();
    expect(view.areas[0]!.crime.quarters.map((q) => q.id)).toEqual(['2019-Q3', '2019-Q4', '2020-Q1']);
  });

  it.each([
    [['--year', '2019', '--from', '2019-Q1'], /^borgermode: --year kan ikke stå sammen med --from\/--to/m],
    [['--to', '2019-Q4'], /^borgermode: --to hører sammen med --from/m],
    [['--year', '19'], /^borgermode: ugyldigt år "19"/m],
    [['--year', '2025'], /^borgermode: der er ingen data for 2025 endnu: det seneste kvartal med data er 2020-Q1$/m],
    [['--from', '2020-Q1', '--to', '2019-Q1'], /^borgermode: --from 2020-Q1 ligger efter --to 2019-Q1$/m],
    [['--from', '2019-Q5'], /^borgermode: ugyldigt kvartal "2019-Q5"/m],
    [['--table', 'crime'], /^borgermode: --table vælger tabellen i --format csv/m],
    [['--excel'], /^borgermode: --excel gælder kun --format csv$/m],
    [['--format', 'pdf'], /^borgermode: --format pdf skriver en fil/m],
    [['--area', 'nowhere'], /^borgermode: ukendt område "nowhere"/m],
  ])('%j → exit 2', async (args, message) => {
    const result = await summary(...args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('all areas', () => {
  const project = () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'borgermode.yaml'),
      // The police figures of both areas are in for all of 2019 (docs/figures.md).
      'areas:\n  - { id: nord, name: Nordparken, residents: 1200, coverage: { from: 2019-01-01, to: 2019-12-31 } }\n  - { id: syd, name: Sydparken, coverage: { from: 2019-01-01, to: 2019-12-31 } }\n',
    );
    writeFileSync(
      join(dir, 'records.yaml'),
      [
        'activities:',
        '  - { id: a1, area: nord, date: 2019-02-01, kind: dialogue, title: Kaffe, participants: 12, hours: 2, partners: [klubben] }',
        '  - { id: a2, area: syd, date: 2019-05-01, kind: safety_walk, title: Vandring, participants: 8, hours: 1.5, partners: [klubben, skolen] }',
        '  - { id: a3, area: syd, date: 2019-06-01, kind: patrol, title: Patrulje, hours: 3 }',
        'questions:',
        '  - { id: q1, area: nord, date: 2019-01-10, question: Lys ved stien?, status: answered, answer: Sat op, answered: 2019-02-20 }',
        '  - { id: q2, area: syd, date: 2019-03-10, question: "Er det sandt, at der handles?", rumour: true }',
        'incidents:',
        '  - { id: i1, area: nord, date: 2019-03-01, category: theft, count: 6 }',
        '  - { id: i2, area: syd, date: 2019-11-01, category: vandalism, count: 2 }',
        '',
      ].join('\n'),
    );
    return dir;
  };

  it('gives an overview row per area and the total, then each area', async () => {
    const result = await runCli(['summary', '--data', project(), '--year', '2019', '--all-areas', '--format', 'json']);
    expect(result.exitCode).toBe(0);
    const view = JSON.parse(result.stdout) as SummaryView;
    expect(view.title).toBe('Nordparken, Sydparken');
    expect(view.areas.map((a) => a.area.id)).toEqual(['nord', 'syd']);
    expect(view.overview!.rows).toEqual([
      {
        id: 'nord',
        label: 'Nordparken',
        total: false,
        activities: '1',
        participants: '12',
        hours: '2',
        raised: '1',
        answered: '1',
        open: '0',
      },
      {
        id: 'syd',
        label: 'Sydparken',
        total: false,
        activities: '2',
        participants: '8',
        hours: '4,5',
        raised: '1',
        answered: '0',
        open: '1',
      },
      {
        id: 'total',
        label: 'I alt',
        total: true,
        activities: '3',
        participants: '20',
        hours: '6,5',
        raised: '2',
        answered: '1',
        open: '1',
      },
    ]);
    // Each area's incidents follow its own suppression and grouping: Nordparken (1,200 residents) shows its
    // totals only, 6; Sydparken (residents not given) its groups, where 2 acts of vandalism are "<5".
    expect(view.areas[0]!.crime.rows.map((r) => r.id)).toEqual(['crime_total', 'concerns_total']);
    expect(view.areas[0]!.crime.rows.find((r) => r.id === 'crime_total')!.cells.map((c) => c.text)).toEqual(['6', '0', '0', '0']);
    expect(view.areas[1]!.crime.rows.find((r) => r.id === 'other_crime')!.cells.map((c) => c.text)).toEqual(['0', '0', '0', '<5']);
    expect(view.areas[1]!.crime.rows.find((r) => r.id === 'crime_total')!.cells.map((c) => c.text)).toEqual(['0', '0', '0', '<5']);
    expect(
      view.about.filter((line) => line.startsWith('Tallene vises i grupper') || line.startsWith('Tallene vises kun samlet')),
    ).toHaveLength(2);
    expect(view.areas[1]!.rumours.open_text).toBe('Rygter, der stadig undersøges ved periodens slutning: 1.');
  });

  it('writes one CSV row per area, area id first, decimals with a point', async () => {
    const result = await runCli([
      'summary',
      '--data',
      project(),
      '--year',
      '2019',
      '--all-areas',
      '--format',
      'csv',
      '--table',
      'partners',
    ]);
    expect(result.stdout).toBe(
      'area,partner,activities,participants,hours\nnord,klubben,1,12,2\nsyd,klubben,1,8,1.5\nsyd,skolen,1,8,1.5\n',
    );
    const questions = await runCli([
      'summary',
      '--data',
      project(),
      '--year',
      '2019',
      '--all-areas',
      '--format',
      'csv',
      '--table',
      'questions',
    ]);
    expect(questions.stdout).toBe(
      'area,raised,answered,open,median_days,within_30_days,within_90_days,over_90_days\nnord,1,1,0,41,0,1,0\nsyd,1,0,1,,0,0,0\n',
    );
  });

  it('shows one area without the overview', async () => {
    const result = await runCli(['summary', '--data', project(), '--year', '2019', '--area', 'syd', '--format', 'json']);
    const view = JSON.parse(result.stdout) as SummaryView;
    expect(view.overview).toBeUndefined();
    expect(view.areas.map((a) => a.area.id)).toEqual(['syd']);
  });
});

describe('privacy', () => {
  it('the internal summary says so first and shows exact counts', async () => {
    const view = JSON.parse((await summary('--year', '2019', '--format', 'json', '--audience', 'internal')).stdout) as SummaryView;
    expect(Object.keys(view)[0]).toBe('notice');
    expect(view.notice).toBe('INTERNT – må ikke deles');
    const texts = view.areas[0]!.crime.rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(texts.some((t) => t.startsWith('<') || t === 'x')).toBe(false);
  });

  it('never shows an internal note, and refuses personal data in public output', async () => {
    for (const format of ['md', 'html', 'json']) {
      const clean = await runCli(['summary', '--data', join(FIXTURES, 'canary'), '--format', format]);
      expect(clean.exitCode).toBe(0);
      expect(clean.stdout).toContain('Testparken');
      expect(clean.stdout).not.toContain('CANARY');
    }
    // A rumour's answer is published in the summary: an e-mail address in it stops the output.
    const dir = tempDir();
    writeFileSync(join(dir, 'borgermode.yaml'), 'areas:\n  - { id: testparken, name: Testparken }\n');
    writeFileSync(
      join(dir, 'records.yaml'),
      'activities:\n  - { id: a1, date: 2019-02-01, kind: dialogue, title: Kaffe }\nquestions:\n  - { id: q1, date: 2019-01-10, question: Handles der?, rumour: true, verdict: dispelled, status: answered, answer: Skriv til ole@example.dk, answered: 2019-02-01 }\n',
    );
    const file = join(dir, 'out.md');
    const refused = await runCli(['summary', '--data', dir, '--year', '2019', '-o', file]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/records\.yaml:4:\d+ error feltet "answer" ser ud til at indeholde en e-mailadresse/);
    expect(existsSync(file)).toBe(false);
  });

  it('reveals no suppressed count together with every brief of the sample, category by category (LP audit)', async () => {
    const data = sampleWithGrouping('categories');
    const quarters = ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];
    const briefs: BriefView[] = [];
    for (const quarter of quarters)
      briefs.push(JSON.parse((await runCli(['report', '--data', data, '--quarter', quarter, '--format', 'json'])).stdout) as BriefView);
    const summaries: SummaryView[] = [];
    const summaryOf = (...args: string[]) => runCli(['summary', '--data', data, ...args, '--format', 'json']);
    for (const year of ['2018', '2019', '2020']) summaries.push(JSON.parse((await summaryOf('--year', year)).stdout) as SummaryView);
    summaries.push(JSON.parse((await summaryOf('--from', '2018-Q3', '--to', '2019-Q2')).stdout) as SummaryView);
    const facts = [
      ...factsFromBriefs(briefs),
      ...summaries.flatMap((s) =>
        factsFromSummary(s, {
          crime: ['violence', 'threats', 'burglary', 'theft', 'vehicle', 'robbery', 'vandalism', 'arson', 'drugs', 'weapons', 'other'],
          concerns: ['traffic', 'nuisance'],
        }),
      ),
    ];
    const { recoverable, ranges } = await auditFacts(facts, 5);
    expect(recoverable).toEqual([]);
    expect(ranges.size).toBeGreaterThan(20);
  });
});

// Printing needs a real Chromium (.ci/run installs it); without one this is skipped.
describe.skipIf(!chromium)('summary --format pdf', () => {
  it('prints the summary to an A4 PDF', async () => {
    const file = join(tempDir(), 'summary-2019.pdf');
    const result = await runCli(['summary', '--data', SAMPLE, '--year', '2019', '--format', 'pdf', '-o', file], {
      env: { PATH: process.env.PATH, BORGERMODE_CHROMIUM: process.env.BORGERMODE_CHROMIUM },
    });
    expect(result.exitCode).toBe(0);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 594\.9\d* 841\.9\d*\]/);
  }, 60_000);
});

// test/fixtures/police-coverage (docs/figures.md): Nordparken's police figures cover 1 January 2019 –
// 15 November 2020 (the start from its first incident), Sydparken's 1 October 2019 – 31 December 2020.
describe('coverage: a period the police figures do not wholly cover', () => {
  const COVERAGE = join(FIXTURES, 'police-coverage');
  const run = (...args: string[]) => runCli(['summary', '--data', COVERAGE, ...args], { env: { BORGERMODE_TODAY: '2020-12-02' } });
  const json = async (...args: string[]) => {
    const result = await run(...args, '--format', 'json');
    expect(result.exitCode, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as SummaryView).areas[0]!.crime;
  };
  const NOT_COVERED_SYD =
    'Politiets tal dækker kun 1. oktober 2019 – 31. december 2020, ikke hele perioden. Derfor lægger vi ikke kvartalerne sammen. Vi sammenligner heller ikke med perioden før.';

  it('Sydparken 2019 (figures from 1 October): says so, "–" before it, and no sum, change or total sentence', async () => {
    const result = await run('--area', 'sydparken', '--year', '2019');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`\n${NOT_COVERED_SYD}\n`);
    expect(result.stdout).not.toContain('Politiet registrerede');
    const crime = await json('--area', 'sydparken', '--year', '2019');
    expect(crime.highlight).toBeUndefined();
    expect(crime.footnotes).toContain(NOT_COVERED_SYD);
    for (const row of crime.rows) {
      expect(
        row.cells.slice(0, 3).map((c) => c.text),
        row.id,
      ).toEqual(['–', '–', '–']);
      expect([row.period.text, row.previous.text, row.change.text], row.id).toEqual(['–', '–', '–']);
    }
    expect(crime.rows.find((r) => r.id === 'crime_total')!.cells[3]!.text).toBe('12');
  });

  it('Nordparken 2020-Q1 – 2020-Q4 (figures to 15 November): the provisional quarter marked "*", and no sum, change or total sentence', async () => {
    const crime = await json('--from', '2020-Q1', '--to', '2020-Q4');
    expect(crime.highlight).toBeUndefined();
    expect(crime.footnotes).toContain(
      'Politiets tal dækker kun 1. januar 2019 – 15. november 2020, ikke hele perioden. Derfor lægger vi ikke kvartalerne sammen. Vi sammenligner heller ikke med perioden før.',
    );
    const total = crime.rows.find((r) => r.id === 'crime_total')!;
    // 2020-Q3 had one robbery (<5): its total is hidden.
    expect(total.cells.map((c) => c.text)).toEqual(['23', '23', 'x', '16*']);
    for (const row of crime.rows) expect([row.period.text, row.change.text], row.id).toEqual(['–', '–']);
  });

  it('Nordparken 2019 (the year before has no figures): the sum of the period, no change, and a note saying why', async () => {
    const crime = await json('--year', '2019');
    expect(crime.highlight).toBeUndefined();
    expect(crime.footnotes).toContain(
      'Politiets tal dækker kun 1. januar 2019 – 15. november 2020, ikke hele den forrige periode. Derfor sammenlignes perioden ikke med den.',
    );
    const total = crime.rows.find((r) => r.id === 'crime_total')!;
    expect([total.period.text, total.previous.text, total.change.text]).toEqual(['87', '–', '–']);
  });

  it('Nordparken --year 2020: the whole year (2020-Q4 has a done activity and figures to 15 November), the police figures said to cover it in part', async () => {
    const result = await run('--year', '2020', '--format', 'json');
    const view = JSON.parse(result.stdout) as SummaryView;
    expect(view.period).toMatchObject({ from: '2020-Q1', to: '2020-Q4' });
    expect(view.period.partial).toBeUndefined();
    expect(view.areas[0]!.activities.total).toBe('3');
    expect(view.areas[0]!.crime.footnotes).toContain(
      'Politiets tal dækker kun 1. januar 2019 – 15. november 2020, ikke hele perioden. Derfor lægger vi ikke kvartalerne sammen. Vi sammenligner heller ikke med perioden før.',
    );
    expect(view.areas[0]!.crime.highlight).toBeUndefined();
  });

  it('says what "–" and "*" in its table mean (Sydparken 2019, Nordparken 2020)', async () => {
    expect((await run('--area', 'sydparken', '--year', '2019')).stdout).toContain(
      '\n–: ingen tal fra politiet for perioden, så der sammenlignes ikke.\n',
    );
    expect((await run('--from', '2020-Q1', '--to', '2020-Q4')).stdout).toMatch(
      /^\*: foreløbigt tal, politiets tal går kun til og med 15\. november 2020\./m,
    );
  });

  it('the counts at the edges of the test of a change (2020-Q3 against 2019-Q3): ▲ only for 0 → 6, not for 8 → 16 or 0 → 1', async () => {
    const crime = await json('--from', '2020-Q3', '--to', '2020-Q3', '--audience', 'internal');
    const edge = (id: string) => {
      const row = crime.rows.find((r) => r.id === id)!;
      return [row.period.text, row.previous.text, row.change.marker];
    };
    expect(edge('vandalism')).toEqual(['6', '0', '▲']);
    expect(edge('theft')).toEqual(['16', '8', '●']);
    expect(edge('robbery')).toEqual(['1', '0', '●']);
    expect(crime.rows.filter((r) => r.id !== 'crime_total' && r.change.marker === '▲').map((r) => r.id)).toEqual(['vandalism']);
  });
});

describe('CSV that a spreadsheet would run as a formula (issue 14)', () => {
  // Partners and category labels =HYPERLINK(…), +1, -2+3 and @SUM(A1) (a tab or a CR cannot begin a
  // text: control-character); each category 8 in 2018 and 5 in 2019: a change of -3 (-38 %).
  const FORMULA = join(FIXTURES, 'formula-text');
  const csv = (table: string, ...flags: string[]) =>
    runBin(['summary', '--data', FORMULA, '--year', '2019', '--format', 'csv', '--table', table, ...flags]);

  it.each([
    ['plain', [] as string[], ',', '\n', '1.5'],
    ['--excel', ['--excel'], ';', '\r\n', '1,5'],
  ])(
    'the partners table (%s, through the bin): every such partner gets a leading quote; quotes and separators are quoted',
    async (_, flags, sep, eol, hours) => {
      const result = await csv('partners', ...flags);
      expect(result.exitCode, result.stderr).toBe(0);
      const partner = (name: string) => `${eol}${['formelparken', name, '1', '12', hours].join(sep)}${eol}`;
      for (const name of [`"'=HYPERLINK(""http://x"",""klik"")"`, "'+1", "'-2+3", "'@SUM(A1)"])
        expect(result.stdout).toContain(partner(name));
      expect(result.stdout).toContain(partner('"klub, ""skolen""; SSP"'));
      expect(result.stdout.startsWith(flags.length ? '\ufeffarea;partner;' : 'area,partner,')).toBe(true);
    },
  );

  it.each([
    ['plain', [] as string[], ',', '\n'],
    ['--excel', ['--excel'], ';', '\r\n'],
  ])('the crime table (%s, through the bin): category labels neutralised, the change -3 a number', async (_, flags, sep, eol) => {
    const result = await csv('crime', ...flags);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const [id, label] of [
      ['plus', "'+1"],
      ['minus', "'-2+3"],
      ['at', "'@SUM(A1)"],
    ]) {
      expect(result.stdout).toContain(`${eol}${['formelparken', id, label, '0', '0', '0', '5', '5', '8', '-3', '-38'].join(sep)}${eol}`);
    }
  });
});
