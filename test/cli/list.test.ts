import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { runBin, runCli, TEST_ENV } from '../helpers/run-cli.js';
import { copyProject, SAMPLE } from '../helpers/temp-project.js';

const GOLDEN = join(import.meta.dirname, '../golden');
const FIXTURES = join(import.meta.dirname, '../fixtures');
const list = (...args: string[]) => runCli(['list', ...args, '--data', SAMPLE]);

describe('borgermode list on the bundled sample', () => {
  it.each([
    ['questions', [], 'list-questions.da.txt'],
    ['questions', ['--open', '--lang', 'en'], 'list-questions-open.en.txt'],
    ['activities', ['--planned'], 'list-activities-planned.da.txt'],
    ['incidents', ['--quarter', '2020-Q1'], 'list-incidents-2020-Q1.da.txt'],
    ['meetings', [], 'list-meetings.da.txt'],
    ['priorities', ['--open'], 'list-priorities-open.da.txt'],
    ['surveys', ['--quarter', '2019-Q4'], 'list-surveys-2019.da.txt'],
    ['list-status', ['--lang', 'en'], 'list-list-status.en.txt'],
  ])('%s %j as a table matches the golden file', async (kind, args, golden) => {
    const result = await list(kind, ...args);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, golden));
  });

  it('--format csv and --json give the field names and the values as written, for scripts (golden)', async () => {
    const csv = await list('incidents', '--quarter', '2020-Q1', '--format', 'csv');
    expect(csv.exitCode).toBe(0);
    await expect(csv.stdout).toMatchFileSnapshot(join(GOLDEN, 'list-incidents-2020-Q1.csv'));
    const json = await list('questions', '--open', '--json');
    expect(json.exitCode).toBe(0);
    expect(json.stderr).toBe('');
    await expect(json.stdout).toMatchFileSnapshot(join(GOLDEN, 'list-questions-open.json'));
    const document = JSON.parse(json.stdout) as { ok: boolean; kind: string; records: { id: string; status: string }[] };
    expect(document).toMatchObject({ ok: true, kind: 'questions', diagnostics: [] });
    expect(document.records.map((r) => [r.id, r.status])).toEqual([
      ['q-2019-10-23-2', 'in_progress'],
      ['q-2020-01-22-3', 'open'],
    ]);
    expect(await list('questions', '--open', '--format', 'json')).toEqual(json);
  });

  it('never shows an internal note, in any format', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'extra.yaml'),
      'questions:\n  - id: q-2020-03-01-1\n    date: 2020-03-01\n    question: Hvornår kommer der lys?\n    internal_note: HEMMELIG-NOTE\n',
    );
    for (const format of ['table', 'csv', 'json']) {
      const result = await runCli(['list', 'questions', '--format', format, '--data', dir]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('q-2020-03-01-1');
      expect(result.stdout).not.toContain('HEMMELIG');
    }
  });

  it('with nothing to show: a line on stderr saying so, nothing on stdout, exit 0; --quiet says nothing', async () => {
    const none = await list('activities', '--planned', '--quarter', '2019-Q1');
    expect(none).toEqual({ exitCode: 0, stdout: '', stderr: 'Ingen aktiviteter at vise med de valgte filtre.\n' });
    const english = await list('activities', '--planned', '--quarter', '2019-Q1', '--lang', 'en', '--quiet');
    expect(english).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const json = await list('activities', '--planned', '--quarter', '2019-Q1', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, records: [] });
  });

  it('--area keeps one area; an unknown one is a usage error with the nearest', async () => {
    const area = await list('meetings', '--area', 'vaerebro-park', '--quarter', '2020-Q2');
    expect(area.exitCode).toBe(0);
    expect(
      area.stdout
        .trimEnd()
        .split('\n')
        .slice(2)
        .map((line) => line.split(' ')[0]),
    ).toEqual(['mtg-2020-04-22']);
    const unknown = await list('meetings', '--area', 'vaerebro-prak');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('ukendt område "vaerebro-prak" (mente du "vaerebro-park"?)');
  });

  it('refuses flags that do not fit, before the project is read (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['incidents', '--open'], '--open gælder kun questions, priorities, ikke incidents'],
      [['questions', '--planned'], '--planned gælder kun activities, meetings, ikke questions'],
      [['questions', '--json', '--format', 'csv'], '--json er det samme som --format json'],
      [['questions', '--excel'], '--excel gælder kun --format csv'],
      [['questions', '--quarter', '2020-Q5'], 'ugyldigt kvartal "2020-Q5"'],
      [['questions', '-o', 'liste.txt'], 'filendelsen .txt'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['list', ...args, '--data', '/nowhere']);
      if (args.includes('--quarter')) {
        // A quarter is resolved against the project: checked once it is read.
        const read = await list(...args);
        expect(read.exitCode).toBe(2);
        expect(read.stderr).toContain(message);
        continue;
      }
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const kind = await list('question');
    expect(kind.exitCode).toBe(2);
    expect(kind.stderr).toContain('questions');
  });

  it('on a terminal the long text is shortened to the width of the terminal', async () => {
    let stdout = '';
    const code = await run(['list', 'questions', '--data', SAMPLE], {
      stdout: { write: (chunk: string) => (stdout += chunk), isTTY: true, columns: 80 },
      stderr: { write: () => true },
      stdin: { isTTY: false },
      cwd: SAMPLE,
      env: TEST_ENV,
    });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBe(80);
    expect(lines[2]).toMatch(/…$/);
  });
});

describe('borgermode list on data people did not write for it', () => {
  it('shows text of the records escaped: no line break, control or bidi character reaches the terminal', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'extra.yaml'),
      'questions:\n  - id: q-2020-03-01-1\n    date: 2020-03-01\n    question: "Første linje\\nanden \\u2067مرحبا\\u2069 linje"\n',
    );
    const result = await runCli(['list', 'questions', '--data', dir]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Første linje anden \\u2067مرحبا\\u2069 linje');
    expect(result.stdout).not.toMatch(/[\u2066-\u2069]/);
    // The JSON keeps the text as written: it is a document, not a terminal.
    const json = JSON.parse((await runCli(['list', 'questions', '--json', '--data', dir])).stdout) as { records: { question: string }[] };
    expect(json.records.at(-1)!.question).toBe('Første linje\nanden \u2067مرحبا\u2069 linje');
  });

  it('on a project with errors: the findings, the verdict line, nothing on stdout, exit 1', async () => {
    const result = await runCli(['list', 'incidents', '--data', join(FIXTURES, 'unknown-category')]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\d+ fejl, \d+ advarsl\w+ – intet er skrevet\n$/);
    const json = await runCli(['list', 'incidents', '--json', '--data', join(FIXTURES, 'unknown-category')]);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, diagnostics: [expect.objectContaining({ severity: 'error' })] });
  });

  it('-o FILE.csv writes the file (the real bin)', async () => {
    const dir = copyProject(SAMPLE);
    const result = await runBin(['list', 'priorities', '-o', 'prioriteter.csv'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^Skrev \S*prioriteter\.csv\n$/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'prioriteter.csv'), 'utf8').split('\n')[0]).toBe('id,area,from,to,status,title');
  });
});
