import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BriefView } from '../../src/render/brief-view.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { copyProject, sampleWithGrouping } from '../helpers/temp-project.js';

const SAMPLE = join(import.meta.dirname, '../../data');
const FIXTURES = join(import.meta.dirname, '../fixtures');
const out = mkdtempSync(join(tmpdir(), 'borgermode-privacy-'));
afterAll(() => rmSync(out, { recursive: true }));

describe('audiences', () => {
  it('is public by default: small counts suppressed, sensitive categories folded, no internal notes', async () => {
    const { stdout } = await runCli(['report', '--data', sampleWithGrouping('categories'), '--quarter', '2020-Q1', '--format', 'json']);
    const view = JSON.parse(stdout) as BriefView;
    expect(view.audience).toBe('public');
    expect(view.notice).toBeUndefined();
    expect(view.crime.rows.find((r: { id: string }) => r.id === 'threats')).toMatchObject({ current: '<5', year_ago: '<5', last4: 'x' });
    // The crime total beside small counts is hidden; the shown categories stay shown.
    expect(view.crime.crime_total).toMatchObject({ current: 'x', year_ago: 'x' });
    expect(view.crime.rows.find((r: { id: string }) => r.id === 'violence')).toMatchObject({ current: '5', year_ago: '8' });
    expect(stdout).not.toMatch(/Sagsnr|internal_note|"sexual"/);
  });

  it('is grouped by default in an area of 2,000–9,999 residents (the sample: 2,600), and says so', async () => {
    const { stdout } = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'json']);
    const view = JSON.parse(stdout) as BriefView;
    expect(view.crime.rows.map((r: { id: string }) => r.id)).toEqual(['violence_threats', 'theft_burglary', 'other_crime']);
    expect(view.crime.concern_rows).toEqual([]);
    expect(view.crime.crime_total).toMatchObject({ current: '33', year_ago: '53' });
    expect(view.about).toContain(
      'Tallene vises i grupper. Ellers ville de tit være for små til at vise. Grupperne er: Vold, trusler og røveri; Indbrud og tyveri (også af og fra biler); Anden kriminalitet (hærværk, brand, narko, våben og andet). Utryghed og færdsel tælles sammen.',
    );
    const internal = JSON.parse(
      (await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'json', '--audience', 'internal'])).stdout,
    ) as BriefView;
    expect(internal.crime.rows.map((r: { id: string }) => r.id)).toContain('threats');
  });

  it.each([
    ['totals', 'privacy.grouping: totals', (yaml: string) => yaml.replace(/^privacy:\n/m, 'privacy:\n  grouping: totals\n'), []],
    [
      'an area of fewer than 2,000 residents (auto)',
      'residents: 1500',
      (yaml: string) => yaml.replace('residents: 2600', 'residents: 1500'),
      [],
    ],
    [
      'an area of 10,000 residents or more (auto)',
      'residents: 12000',
      (yaml: string) => yaml.replace('residents: 2600', 'residents: 12000'),
      ['violence', 'threats'],
    ],
    [
      'an area whose own grouping wins',
      'grouping: categories on the area',
      (yaml: string) => yaml.replace('residents: 2600', 'residents: 2600\n    grouping: categories'),
      ['violence', 'threats'],
    ],
  ])('groups at the level of %s (%s)', async (_, _what, edit, firstRows) => {
    const data = copyProject(SAMPLE);
    const settings = join(data, 'borgermode.yaml');
    writeFileSync(settings, edit(readFileSync(settings, 'utf8')));
    const view = JSON.parse((await runCli(['report', '--data', data, '--quarter', '2020-Q1', '--format', 'json'])).stdout) as BriefView;
    expect(view.crime.rows.map((r: { id: string }) => r.id).slice(0, 2)).toEqual(firstRows);
    if (firstRows.length === 0)
      expect(view.about.join('\n')).toContain('Tallene vises kun samlet: ét tal for kriminalitet og ét for utryghed og færdsel');
  });

  it('internal output shows exact counts, sensitive categories and internal notes, and says so first', async () => {
    for (const format of ['md', 'html', 'json'] as const) {
      const { stdout, exitCode } = await runCli([
        'report',
        '--data',
        SAMPLE,
        '--quarter',
        '2020-Q1',
        '--audience',
        'internal',
        '--format',
        format,
      ]);
      expect(exitCode).toBe(0);
      const head = stdout.split('\n').slice(0, 8).join('\n');
      expect(head).toContain('INTERNT – må ikke deles');
      expect(stdout).toContain('Sagsnr.');
      expect(stdout).toContain('Seksualforbrydelser');
      expect(stdout).not.toContain('<5');
    }
  });

  it('internal output marks what the public edition hides (†), and says how much, or that the public one is grouped (issue 16)', async () => {
    const json = async (data: string) =>
      JSON.parse(
        (await runCli(['report', '--data', data, '--quarter', '2020-Q1', '--audience', 'internal', '--format', 'json'])).stdout,
      ) as BriefView;
    const fine = await json(sampleWithGrouping('categories'));
    const row = (id: string) => fine.crime.rows.find((r: { id: string }) => r.id === id);
    // Threats 2 is "<5" in public; violence 5 is shown in both; the crime total is hidden beside the small counts.
    expect(row('threats')).toMatchObject({ current: '2†', year_ago: '3†', last4: '9†' });
    expect(row('threats')!.change.text).toBe('−1 (−33 %)†');
    expect(row('violence')).toMatchObject({ current: '5', year_ago: '8', last4: '23' });
    expect(fine.crime.crime_total).toMatchObject({ current: '33†', year_ago: '53†' });
    expect(fine.crime.concerns_total).toMatchObject({ current: '15', year_ago: '27' });
    expect(fine.crime.footnotes).toContain('†: skjult i den offentlige udgave (53 af dens 105 tal, 50 %).');
    // The sample as it is: the public edition hides nothing, but shows groups, not these rows.
    const grouped = await json(SAMPLE);
    expect(JSON.stringify(grouped.crime)).not.toContain('†');
    expect(grouped.crime.footnotes).toContain(
      'Den offentlige udgave viser kategorierne samlet i grupper, så dens rækker er andre end her.',
    );
    // Public output has no marks.
    expect((await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'md'])).stdout).not.toContain('†');
  });

  it('internal output carries the notice on every printed page (a fixed banner in print)', async () => {
    const { stdout } = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--audience', 'internal', '--format', 'html']);
    expect(stdout).toMatch(/<div class="internal-banner"[^>]*>INTERNT – må ikke deles<\/div>/);
    expect(stdout).toMatch(/\.internal-banner \{[^}]*position: fixed/);
  });

  it('refuses an unknown audience (exit 2)', async () => {
    const result = await runCli(['report', '--data', SAMPLE, '--audience', 'everyone']);
    expect(result.exitCode).toBe(2);
  });
});

describe('personal data in record text', () => {
  const DATA = join(FIXTURES, 'personal-data');

  it('is a warning in validate, at the field, and the internal note and the contact are not flagged', async () => {
    const result = await runCli(['validate', '--data', DATA]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('records.yaml:6:14 warning feltet "summary" ser ud til at indeholde et telefonnummer');
    expect(result.stderr).not.toMatch(/CPR|borgermode\.yaml:/);
  });

  it('refuses public output that would show it (exit 1, file:line:col and field, nothing written)', async () => {
    for (const run of [runCli, runBin]) {
      const file = join(out, `refused-${run.name}.html`);
      const result = await run(['report', '--data', DATA, '--quarter', '2020-Q1', '--format', 'html', '-o', file]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        'records.yaml:6:14 error feltet "summary" ser ud til at indeholde et telefonnummer og ville komme med i den offentlige udgave',
      );
      expect(existsSync(file)).toBe(false);
    }
  });

  it('lets the team render it internally', async () => {
    const result = await runCli(['report', '--data', DATA, '--quarter', '2020-Q1', '--audience', 'internal']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('22 33 44 55');
  });
});

describe('street addresses and possible names in record text', () => {
  const DATA = join(FIXTURES, 'addresses-and-names');
  const ADDRESS = 'Vi så på lyset ved Nørrebrogade 12, 3. tv.';

  it('refuses public output that would show an address in an activity summary (exit 1, nothing written)', async () => {
    for (const run of [runCli, runBin]) {
      const file = join(out, `address-${run.name}.md`);
      const result = await run(['report', '--data', DATA, '--no-cache', '--quarter', '2020-Q1', '--lang', 'en', '-o', file]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /^records\.yaml:25:14 error field "summary" looks like it holds an address and would be in the public output, so nothing was written; /m,
      );
      expect(existsSync(file)).toBe(false);
    }
  });

  it('renders a possible name (exit 0) and says it on stderr; a contact, a reviewed name and an internal note are not flagged', async () => {
    const project = copyProject(DATA);
    const records = join(project, 'records.yaml');
    writeFileSync(records, readFileSync(records, 'utf8').replace(ADDRESS, 'Vi så på lyset ved stien.'));
    for (const run of [runCli, runBin]) {
      const result = await run(['report', '--data', project, '--no-cache', '--quarter', '2020-Q1', '--lang', 'en', '--format', 'json']);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/^records\.yaml:24:15 warning field "partners" may name a person \("Ali Hassan"\)/m);
      expect(result.stderr).not.toMatch(/Mette Hansen|Anna Ancher|Vestergade/);
      expect(result.stdout).toContain('Ali Hassan');
      expect(result.stdout).not.toContain('Vestergade 4B');
    }
  });
});

describe('canaries', () => {
  it('an internal note never reaches any public format', async () => {
    for (const format of ['md', 'html', 'json']) {
      const { stdout, exitCode } = await runCli([
        'report',
        '--data',
        join(FIXTURES, 'personal-data'),
        '--quarter',
        '2020-Q1',
        '--format',
        format,
      ]);
      // Refused for the phone number, so nothing at all is printed; and never the canary.
      expect(exitCode).toBe(1);
      expect(stdout).not.toContain('CANARY-NOTE-7f3a');
    }
    const clean = await runCli(['report', '--data', join(FIXTURES, 'canary'), '--quarter', '2020-Q1', '--format', 'json']);
    expect(clean.exitCode).toBe(0);
    for (const format of ['md', 'html', 'json']) {
      const { stdout } = await runCli(['report', '--data', join(FIXTURES, 'canary'), '--quarter', '2020-Q1', '--format', format]);
      expect(stdout).toContain('Testparken');
      expect(stdout).not.toContain('CANARY');
    }
  });

  it('an unknown field stops every format before anything is rendered', async () => {
    for (const format of ['md', 'html', 'json']) {
      const { stdout, exitCode } = await runCli(['report', '--data', join(FIXTURES, 'unknown-field'), '--format', format]);
      expect(exitCode).toBe(1);
      expect(stdout).toBe('');
    }
  });
});
