import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { BriefView } from '../../src/render/brief-view.js';
import { runCli } from '../helpers/run-cli.js';
import { folk1a, officialProject, straf11 } from '../helpers/official-project.js';
import { SAMPLE, tempDir } from '../helpers/temp-project.js';

// Official figures beside the area's (issue 19, item 4): the brief shows the area's reported
// offences per 1,000 residents beside its municipality's and the country's, from the STRAF11 and
// FOLK1A files kept in official/ (docs/official.md).

const GOLDEN = join(import.meta.dirname, '../golden');

async function brief(dir: string, extra: string[] = []): Promise<BriefView> {
  const result = await runCli(['report', '--data', dir, '--quarter', '2020-Q1', '--format', 'json', ...extra]);
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as BriefView;
}

describe('the brief beside Danmarks Statistik', () => {
  it.each(['md', 'html'] as const)('renders the comparison in %s, as the golden file', async (format) => {
    const dir = officialProject();
    const result = await runCli(['report', '--data', dir, '--quarter', '2020-Q1', '--format', format]);
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `brief-2020-Q1-official.da.${format}`));
  });

  it('compares the same offences on both sides, per 1,000 residents, from figures the page shows', async () => {
    const { crime } = await brief(officialProject());
    const official = crime.official!;
    // The categories shown in the table (both columns) with a STRAF11 code; the hidden ones named as left out.
    expect(official.intro).toBe(
      'Anmeldte forbrydelser pr. 1.000 indbyggere i de kategorier, der kan sammenlignes med Danmarks Statistik: Vold og Hærværk.',
    );
    expect(official.notes[0]).toBe(
      'Indbrud i beboelse, Tyveri af og fra køretøjer, Røveri, Brandstiftelse, Narkotika og Våben er ikke med, fordi tabellen skjuler tal for dem.',
    );
    const rows = Object.fromEntries(crime.rows.map((r) => [r.id, r]));
    const area = (column: 'current' | 'last4') => (Number(rows.violence![column]) + Number(rows.vandalism![column])) / 12;
    // Vold (12) and Hærværk (1390): 7 + 7 of 70,000 in Gladsaxe, 590 + 590 of 5,900,000 in the country.
    expect(official.rows).toEqual([
      {
        id: 'area',
        label: 'Værebro Park',
        quarter: area('current').toFixed(1).replace('.', ','),
        last4: area('last4').toFixed(1).replace('.', ','),
      },
      { id: 'municipality', label: 'Gladsaxe Kommune', quarter: '0,2', last4: '0,8' },
      { id: 'country', label: 'Hele landet', quarter: '0,2', last4: '0,8' },
    ]);
  });

  it('to the team (--audience internal) counts every category with a code, the sensitive one too', async () => {
    const { crime } = await brief(officialProject(), ['--audience', 'internal']);
    expect(crime.official!.intro).toContain('Vold, Seksualforbrydelser, Indbrud i beboelse');
    expect(crime.official!.notes[0]).toMatch(/^Områdets tal kommer fra politiets egne lister/);
  });

  it('compares the offences the STRAF11 file holds: a table downloaded with some offences only compares those', async () => {
    const some = straf11()
      .split('\r\n')
      .filter((line) => line.startsWith('OMRÅDE') || line.includes(';12 ') || line.includes(';1320 '))
      .join('\r\n');
    const { crime } = await brief(officialProject({ straf11: some }), ['--audience', 'internal']);
    expect(crime.official!.intro).toBe(
      'Anmeldte forbrydelser pr. 1.000 indbyggere i de kategorier, der kan sammenlignes med Danmarks Statistik: Vold og Indbrud i beboelse.',
    );
    // 7 + 7 of 70,000 in Gladsaxe.
    expect(crime.official!.rows.find((r) => r.id === 'municipality')!.quarter).toBe('0,2');
  });

  it('shows "–" where StatBank has not published the figure (".."), and says what it means', async () => {
    const { crime } = await brief(officialProject({ straf11: straf11('..') }));
    const municipality = crime.official!.rows.find((r) => r.id === 'municipality')!;
    expect(municipality).toMatchObject({ quarter: '–', last4: '–' });
    expect(crime.official!.notes).toContain('–: Danmarks Statistik har ikke offentliggjort tallet, eller det er ikke hentet endnu.');
    expect(crime.official!.rows.find((r) => r.id === 'country')!.quarter).toBe('0,2');
  });

  it('needs the area\u2019s residents for its own figure, and says so', async () => {
    const dir = officialProject();
    const settings = join(dir, 'borgermode.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8')
        .replace(/^\s+residents: 12000\n/m, '')
        .replace(/^privacy:\n/m, 'privacy:\n  grouping: categories\n'),
    );
    const { crime } = await brief(dir);
    expect(crime.official!.rows[0]).toMatchObject({ id: 'area', quarter: '–', last4: '–' });
    expect(crime.official!.notes).toContain('Områdets tal kræver dets indbyggertal (residents i borgermode.yaml).');
  });

  it('is left out without official series (the sample), and where no category of the table has a code (groups)', async () => {
    expect((await brief(SAMPLE)).crime.official).toBeUndefined();
    const dir = officialProject();
    const settings = join(dir, 'borgermode.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^privacy:\n/m, 'privacy:\n  grouping: totals\n'));
    expect((await brief(dir)).crime.official).toBeUndefined();
  });

  it('a broken official file is an error at file:row:column in validate and refuses the brief (exit 1)', async () => {
    const dir = officialProject({ folk1a: folk1a().replace('Gladsaxe;I alt;2019K1;70000', 'Gladsaxe;I alt;2019K1;ca. 70000') });
    const validate = await runCli(['validate', '--data', dir]);
    expect(validate.exitCode).toBe(1);
    expect(validate.stderr).toMatch(
      /^official\/FOLK1A\.csv:3:4 error kolonnen "INDHOLD": forventede et helt tal eller "\.\." \(ikke offentliggjort\), fandt "ca\. 70000"$/m,
    );
    const report = await runCli(['report', '--data', dir, '--quarter', '2020-Q1']);
    expect(report.exitCode).toBe(1);
    expect(report.stdout).toBe('');
    expect(report.stderr).toContain('official/FOLK1A.csv:3:4 error');
  });
});

describe('compare --areas beside Danmarks Statistik', () => {
  it.each(['md', 'csv'] as const)('adds the three columns in %s, as the golden file', async (format) => {
    const result = await runCli(['compare', '--areas', '--data', officialProject(), '--to', '2020-Q1', '--format', format]);
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `compare-areas-2020-Q1-official.da.${format}`));
  });

  it('counts the offences every row shows, from the table\u2019s own figures, and the same codes in STRAF11', async () => {
    const result = await runCli(['compare', '--areas', '--data', officialProject(), '--to', '2020-Q1', '--format', 'json']);
    const view = JSON.parse(result.stdout) as {
      categories: { id: string }[];
      rows: { cells: { value: number | null; mark: string }[]; values: { official: Record<string, number | null> } }[];
      official: { intro: string };
    };
    const compared = ['violence', 'robbery', 'vandalism', 'arson'];
    expect(view.official.intro).toContain('Vold, Røveri, Hærværk og Brandstiftelse');
    const row = view.rows[0]!;
    const sum = compared.reduce((total, id) => total + row.cells[view.categories.findIndex((c) => c.id === id)]!.value!, 0);
    // 4 offences of 7 in Gladsaxe of 70,000; of 590 in the country of 5,900,000.
    expect(row.values.official).toEqual({ area: Math.round((sum / 12) * 10) / 10, municipality: 0.4, country: 0.4 });
  });

  it('puts the three columns in the workbook as numbers, and the notes below the table', async () => {
    const file = join(tempDir(), 'omraader.xlsx');
    const result = await runCli(['compare', '--areas', '--data', officialProject(), '--to', '2020-Q1', '-o', file]);
    expect(result.exitCode).toBe(0);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.readFile(file).Sheets['Områder']!, { header: 1, raw: true });
    expect(rows[0]!.slice(-3)).toEqual(['Området pr. 1.000 (DST-kategorier)', 'Kommunen pr. 1.000', 'Hele landet pr. 1.000']);
    expect(rows[1]!.slice(-2)).toEqual([0.4, 0.4]);
    expect(rows.flat()).toContain('Kilde: Danmarks Statistik, statistikbanken.dk (STRAF11 og FOLK1A).');
  });

  it('has no such columns without official series', async () => {
    const result = await runCli(['compare', '--areas', '--data', SAMPLE, '--to', '2020-Q1', '--format', 'csv']);
    expect(result.stdout.split('\n')[0]).not.toContain('official_rate');
  });
});
