import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { CTRL_C, ENTER, runOnTerminal, scriptedPrompts } from '../helpers/scripted-prompts.js';
import { changedFiles, copyProject, EDIT_FIXTURES, SAMPLE, snapshot } from '../helpers/temp-project.js';

// `borgermode answer ID`: the answer, its date, the status and a rumour's verdict, written into
// the question where it stands; nothing else in the file moves.

const questions = (project: string) =>
  (
    jsYaml.load(readFileSync(join(project, 'questions.yaml'), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as {
      questions: Record<string, unknown>[];
    }
  ).questions;
const question = (project: string, id: string) => questions(project).find((q) => q.id === id);

describe('answer in scripts', () => {
  it('refuses an answer holding personal data, in the words report uses: exit 1, nothing written', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli(['answer', 'q-2020-01-22-3', '--data', project, '--text', 'Skriv til betjent@example.dk']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^questions\.yaml:\d+:\d+ error feltet "answer" ser ud til at indeholde en e-mailadresse og ville komme med i den offentlige udgave, så intet er skrevet; /m,
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('refuses an answer holding a street address, in the words report uses: exit 1, nothing written', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli(['answer', 'q-2020-01-22-3', '--data', project, '--text', 'Ja, kom forbi Tranehøj 12, st. tv']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^questions\.yaml:\d+:\d+ error feltet "answer" ser ud til at indeholde en adresse og ville komme med i den offentlige udgave, så intet er skrevet; /m,
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('records the answer, dated today, as answered, changing only that record', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const old = readFileSync(join(project, 'questions.yaml'), 'utf8');
    const result = await runCli(['answer', 'q-2020-01-22-3', '--data', project, '--text', 'Ja: hver tirsdag kl. 16-18 i Beboerhuset.']);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Opdaterede q-2020-01-22-3 i questions.yaml\n' });
    expect(changedFiles(before, snapshot(project))).toEqual(['questions.yaml']);
    expect(readFileSync(join(project, 'questions.yaml'), 'utf8')).toBe(
      old.replace(
        '    topic: Kontakt til politiet\n    status: open\n',
        '    topic: Kontakt til politiet\n    status: answered\n    answer: "Ja: hver tirsdag kl. 16-18 i Beboerhuset."\n    answered: 2020-04-20\n',
      ),
    );
  });

  it("sets a rumour's verdict and the date given, in a one-line record, through the real bin", async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'round-trip'));
    const old = readFileSync(join(project, 'questions.yaml'), 'utf8');
    const result = await runBin([
      'answer',
      'q-2020-01-22-2',
      '--data',
      project,
      '--text',
      'Politiet har ikke set tegn på det.',
      '--status',
      'closed',
      '--verdict',
      'dispelled',
      '--date',
      '2020-04-22',
      '--json',
    ]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, id: 'q-2020-01-22-2', file: 'questions.yaml', diagnostics: [] });
    expect(readFileSync(join(project, 'questions.yaml'), 'utf8')).toBe(
      old.replace(
        'rumour: true }',
        'rumour: true, status: closed, answer: Politiet har ikke set tegn på det., answered: 2020-04-22, verdict: dispelled }',
      ),
    );
  });

  it('takes the status and the verdict by their labels and the date as people write it (issue 18, item 2)', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'round-trip'));
    const result = await runCli([
      'answer',
      'q-2020-01-22-2',
      '--data',
      project,
      '--text',
      'Nej.',
      '--status',
      'Afsluttet',
      '--verdict',
      'afkræftet',
      '--date',
      '22.4.2020',
      '--json',
    ]);
    expect(result.exitCode).toBe(0);
    expect(question(project, 'q-2020-01-22-2')).toMatchObject({ status: 'closed', verdict: 'dispelled', answered: '2020-04-22' });
    const wrong = await runCli(['answer', 'q-2020-01-22-2', '--data', project, '--text', 'Nej.', '--status', 'besvart']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain(
      '--status: forventede en af answered, closed, referred eller in_progress, fandt "besvart" (mente du "answered"?)',
    );
  });

  it('an answer dated before its question is a usage error naming --date, nothing written', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli(['answer', 'q-2020-01-22-3', '--data', project, '--text', 'Svar.', '--date', '1.1.2020']);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toBe(
      'borgermode: --date: svaret er dateret 2020-01-01, før spørgsmålet blev stillet (2020-01-22); forventede en dato den 2020-01-22 eller senere\n',
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('a status without an answer needs no --text', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli(['answer', 'q-2020-01-22-3', '--data', project, '--status', 'in_progress']);
    expect(result.exitCode).toBe(0);
    expect(question(project, 'q-2020-01-22-3')).toMatchObject({ status: 'in_progress' });
    expect(question(project, 'q-2020-01-22-3')!.answer).toBeUndefined();
  });

  it('without --text an answer is a usage error naming the flag', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli(['answer', 'q-2020-01-22-3', '--data', project]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'borgermode: mangler --text; angiv det som flag, f.eks. borgermode answer q-2020-01-22-3 --text "…" (borgermode spørger kun på en terminal, og aldrig når CI er sat)\n',
    );
  });

  it('an unknown question id is a usage error with did-you-mean', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli(['answer', 'q-2020-01-22-4', '--data', project, '--text', 'x', '--lang', 'en']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^borgermode: unknown question "q-2020-01-22-4" \(did you mean "q-2020-01-22-\d"\?\)/);
  });

  it.each([[['--text', 'Det passer ikke.', '--verdict', 'dispelled'], /error en vurdering \(verdict\) hører til et rygte/]])(
    'refuses an answer that would be an error: %j (exit 1, nothing written)',
    async (flags, finding) => {
      const project = copyProject(SAMPLE);
      const before = snapshot(project);
      const result = await runCli(['answer', 'q-2020-01-22-3', '--data', project, ...flags]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(finding);
      expect(result.stderr).toMatch(/^1 fejl, 0 advarsler – intet er skrevet: svaret ville give fejl i projektet$/m);
      expect(changedFiles(before, snapshot(project))).toEqual([]);
    },
  );
});

describe('answer on a terminal', () => {
  // Issue 18, item 3: a rule across records is checked where its value is typed; nothing typed is lost.
  it('refuses an answer date before the question at the prompt, asks again, and keeps the answer typed', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'round-trip'));
    const script = scriptedPrompts(['answered', 'Lyset er sat op.', '1.1.2020', '3.2.2020', ENTER]);
    const result = await runOnTerminal(['answer', 'q-2020-01-22-2', '--data', project], script, { cwd: project });
    expect(result.exitCode).toBe(0);
    expect(script.asked[2]!.refused).toEqual([
      'svaret er dateret 2020-01-01, før spørgsmålet blev stillet (2020-01-22); forventede en dato den 2020-01-22 eller senere',
    ]);
    expect(question(project, 'q-2020-01-22-2')).toMatchObject({ status: 'answered', answer: 'Lyset er sat op.', answered: '2020-02-03' });
  });

  it('asks for the status, the answer, its date and, for a rumour, the verdict', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'round-trip'));
    const script = scriptedPrompts(['closed', ENTER, 'Vi har ikke set tegn på hashsalg.', '2020-04-31', ENTER, 'dispelled']);
    const result = await runOnTerminal(['answer', 'q-2020-01-22-2', '--data', project], script, { cwd: project });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      'q-2020-01-22-2: Er det rigtigt at der sælges hash ved Gården?\nOpdaterede q-2020-01-22-2 i questions.yaml\n',
    );
    expect(script.asked.map((q) => [q.message, q.default])).toEqual([
      ['Status', 'answered'],
      ['Svaret, som det gives offentligt', undefined],
      ['Dato for svaret (ÅÅÅÅ-MM-DD)', '2020-04-20'],
      ['Rygtet er', ''],
    ]);
    // An empty answer is refused for status closed, so is a date that does not exist.
    expect(script.asked[1]!.refused).toEqual(['forventede det offentlige svar']);
    expect(script.asked[2]!.refused).toEqual([
      'forventede en gyldig dato skrevet ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ, f.eks. 2020-03-31 eller 31.3.2020',
    ]);
    expect(question(project, 'q-2020-01-22-2')).toEqual({
      id: 'q-2020-01-22-2',
      date: '2020-01-22',
      question: 'Er det rigtigt at der sælges hash ved Gården?',
      rumour: true,
      status: 'closed',
      answer: 'Vi har ikke set tegn på hashsalg.',
      answered: '2020-04-20',
      verdict: 'dispelled',
    });
  });

  it('Ctrl-C writes nothing and exits 130', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const script = scriptedPrompts(['answered', CTRL_C]);
    const result = await runOnTerminal(['answer', 'q-2020-01-22-3', '--data', project], script, { cwd: project });
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toMatch(/^borgermode: afbrudt; intet er skrevet$/m);
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });
});

describe('answer without an id (issue 18, item 5)', () => {
  it('on a terminal offers the open questions, newest first, and answers the one chosen', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'round-trip'));
    const script = scriptedPrompts(['q-2020-01-22-3', ENTER, 'Lyset sættes op i maj.', ENTER]);
    const result = await runOnTerminal(['answer', '--data', project], script, { cwd: project });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(script.left()).toBe(0);
    expect(script.asked[0]).toMatchObject({ type: 'select', message: 'Hvilket spørgsmål?' });
    // q-2020-01-22-2 has no status, so it is open too (the default); all three are of one day, so by id.
    expect(script.asked[0]!.choices).toEqual(['q-2020-01-22-1', 'q-2020-01-22-2', 'q-2020-01-22-3']);
    expect(question(project, 'q-2020-01-22-3')).toMatchObject({ status: 'answered', answer: 'Lyset sættes op i maj.' });
    // The list showed the question: it is not printed again.
    expect(result.stderr).toBe('Opdaterede q-2020-01-22-3 i questions.yaml\n');
  });

  it('offers no answered or closed question', async () => {
    const project = copyProject(SAMPLE);
    const open = questions(project)
      .filter((q) => q.status === undefined || q.status === 'open' || q.status === 'in_progress')
      .map((q) => q.id);
    const script = scriptedPrompts([CTRL_C]);
    await runOnTerminal(['answer', '--data', project], script, { cwd: project });
    expect(script.asked[0]!.choices!.length).toBeGreaterThan(0);
    expect([...script.asked[0]!.choices!].sort()).toEqual([...open].sort());
    expect(questions(project).length).toBeGreaterThan(open.length);
  });

  it('in a script is a usage error naming the open questions, nothing written', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'round-trip'));
    const before = snapshot(project);
    const result = await runCli(['answer', '--data', project, '--text', 'x']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^borgermode: mangler spørgsmålets id: borgermode answer ID; åbne spørgsmål: q-2020-01-22-1, q-2020-01-22-2 og q-2020-01-22-3$/m,
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });
});
