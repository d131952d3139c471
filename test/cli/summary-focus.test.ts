import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { SUMMARY_TABLES } from '../../src/render/summary-csv.js';
import type { SummaryView } from '../../src/render/summary-view.js';
import { runCli } from '../helpers/run-cli.js';
import { copyProject, SAMPLE, tempDir } from '../helpers/temp-project.js';

// Landsbyggefonden's focus areas (issue 19, item 5): activities and priorities may name the one
// they serve, and the summary groups the work by it, in every format.

const GOLDEN = join(import.meta.dirname, '../golden');

/** The sample with some of 2019's work given a focus area, and one activity and priority of 2019 more. */
function projectWithFocus(): string {
  const dir = copyProject(SAMPLE);
  writeFileSync(
    join(dir, 'focus.yaml'),
    `activities:
  - id: act-2019-05-05-1
    date: 2019-05-05
    kind: youth_activity
    title: Lektiecafé i Beboerhuset
    partners: [helhedsplan, skole]
    participants: 18
    hours: 2.5
    focus_area: uddannelse_og_livschancer
  - id: act-2019-06-06-1
    date: 2019-06-06
    kind: patrol
    title: Aftenpatrulje ved Centret
    partners: [civile forebyggere]
    hours: 3
    focus_area: kriminalitetsforebyggelse
  - id: act-2019-09-09-1
    date: 2019-09-09
    kind: dialogue
    title: Jobcafé med kommunen
    partners: [kommune, helhedsplan]
    participants: 9
    focus_area: beskaeftigelse
priorities:
  - id: pri-lektier
    title: Flere unge i uddannelse
    from: 2019-Q3
    status: achieved
    to: 2019-Q4
    focus_area: uddannelse_og_livschancer
`,
  );
  return dir;
}

describe('the summary by focus area', () => {
  const summary = (dir: string, ...args: string[]) => runCli(['summary', '--data', dir, '--year', '2019', ...args]);

  it.each(['md', 'html'])('is a table of the activities section in %s (golden)', async (format) => {
    const result = await summary(projectWithFocus(), '--format', format);
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `summary-2019-focus.da.${format}`));
  });

  it('counts activities, participants and hours, names the partners and the priorities, and the activities with none', async () => {
    const view = JSON.parse((await summary(projectWithFocus(), '--format', 'json')).stdout) as SummaryView;
    const rows = view.areas[0]!.focus_areas!;
    expect(rows.map((r) => r.focus)).toEqual(['kriminalitetsforebyggelse', 'uddannelse_og_livschancer', 'beskaeftigelse', 'none']);
    expect(rows[1]).toMatchObject({
      label: 'Uddannelse og livschancer',
      count: '1',
      participants: '18',
      hours: '2,5',
      partners: 'helhedsplan, skole',
      priorities: 'Flere unge i uddannelse',
    });
    expect(rows[2]).toMatchObject({ label: 'Beskæftigelse', participants: '9', hours: '–', priorities: '–' });
    // Every done activity of the year is in one row: the focus table adds up to the activities table.
    const total = rows.reduce((sum, r) => sum + r.values.count, 0);
    expect(total).toBe(view.areas[0]!.activities.values.total);
    expect(rows.at(-1)!.label).toBe('Uden indsatsområde');
  });

  it('is absent when nothing of the period names a focus area', async () => {
    const view = JSON.parse((await summary(SAMPLE, '--format', 'json')).stdout) as SummaryView;
    expect(view.areas[0]).not.toHaveProperty('focus_areas');
    expect((await summary(SAMPLE)).stdout).not.toContain('indsatsområde');
  });

  it('as CSV (--table focus_areas, golden) and as a sheet of the workbook', async () => {
    const dir = projectWithFocus();
    const csv = await summary(dir, '--format', 'csv', '--table', 'focus_areas');
    expect(csv.exitCode).toBe(0);
    await expect(csv.stdout).toMatchFileSnapshot(join(GOLDEN, 'summary-2019-focus_areas.da.csv'));
    const file = join(tempDir(), 'opsamling.xlsx');
    expect((await summary(dir, '-o', file)).exitCode).toBe(0);
    const book = XLSX.readFile(file);
    expect(book.SheetNames).toContain('Indsatsområder');
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets['Indsatsområder']!, { header: 1 });
    expect(rows[0]).toEqual(['Område', 'Indsatsområde', 'Aktiviteter', 'Deltagere', 'Timer', 'Samarbejdspartnere', 'Fælles prioriteter']);
    expect(rows[2]).toEqual(['Værebro Park', 'Uddannelse og livschancer', 1, 18, 2.5, 'helhedsplan, skole', 'Flere unge i uddannelse']);
  });

  it('every table of the summary CSV is one --table takes', async () => {
    for (const table of SUMMARY_TABLES) expect((await summary(SAMPLE, '--format', 'csv', '--table', table)).exitCode, table).toBe(0);
  });
});

describe('the focus area of a record', () => {
  it('is checked by validate: a value not in the list is an error naming the list, with the nearest', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'focus.yaml'),
      'activities:\n  - id: act-2019-05-05-1\n    date: 2019-05-05\n    kind: patrol\n    title: Patrulje\n    focus_area: kriminalitet\n',
    );
    const result = await runCli(['validate', '--data', dir]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^focus\.yaml:6:17 error feltet "focus_area": forventede en af kriminalitetsforebyggelse, uddannelse_og_livschancer, beskaeftigelse eller sammenhaengskraft_og_medborgerskab, fandt "kriminalitet"/m,
    );
  });

  it('is a flag of add activity and add priority, by id or label', async () => {
    const dir = copyProject(SAMPLE);
    const add = await runCli([
      'add',
      'activity',
      '--date',
      '2020-03-03',
      '--kind',
      'dialogue',
      '--title',
      'Jobcafé',
      '--focus-area',
      'Beskæftigelse',
      '--data',
      dir,
    ]);
    expect(add.exitCode).toBe(0);
    const priority = await runCli([
      'add',
      'priority',
      '--title',
      'Job',
      '--from',
      '2020-Q1',
      '--status',
      'achieved',
      '--focus-area',
      'beskaeftigelse',
      '--data',
      dir,
    ]);
    expect(priority.exitCode).toBe(0);
    const view = JSON.parse((await runCli(['summary', '--data', dir, '--year', '2020', '--format', 'json'])).stdout) as SummaryView;
    expect(view.areas[0]!.focus_areas![0]).toMatchObject({ focus: 'beskaeftigelse', count: '1', priorities: 'Job' });
  });
});
