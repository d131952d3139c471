import { screen } from '@inquirer/testing/vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// After @inquirer/testing/vitest, which puts @inquirer/prompts on a virtual terminal.
import { run } from '../../src/cli/run.js';
import { TEST_ENV } from '../helpers/run-cli.js';
import { changedFiles, copyProject, SAMPLE, snapshot } from '../helpers/temp-project.js';

// The real prompts: the wrapper in src/cli/prompts.ts loads @inquirer/prompts on the first
// question and maps Ctrl-C to exit 130. Keys go to a virtual terminal.

function start(args: string[], cwd: string) {
  let stderr = '';
  const done = run(args, {
    stdout: { write: () => true },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: { isTTY: true },
    cwd,
    env: { ...TEST_ENV },
  });
  return { done, stderr: () => stderr };
}

describe('the inquirer prompts behind add', () => {
  it('answers typed on a terminal make the record', async () => {
    const project = copyProject(SAMPLE);
    const cli = start(['add', 'incident', '--data', project], project);
    await screen.next();
    expect(screen.getScreen()).toContain('Dato (ÅÅÅÅ-MM-DD)');
    screen.type('2020-02-30');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('forventede en gyldig dato skrevet ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ');
    for (let i = 0; i < 10; i++) screen.keypress('backspace');
    screen.type('2020-04-02');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Kategori');
    expect(screen.getScreen()).toContain('Vold (violence)');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Antal');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Zone');
    screen.keypress('down');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Kilde');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Offentligt resumé');
    screen.type('Prøve på en sætning.');
    screen.keypress('enter');
    expect(await cli.done).toBe(0);
    expect(cli.stderr()).toContain('Tilføjede inc-2020-04-02-1 i 2020/incidents.yaml');
    expect(readFileSync(join(project, '2020/incidents.yaml'), 'utf8')).toMatch(
      /- id: inc-2020-04-02-1\n {4}date: 2020-04-02\n {4}category: sexual\n {4}zone: Blok 1-4\n {4}summary: Prøve på en sætning\.\n$/,
    );
  });

  // Issue 18, items 1 and 2: the prompts' own words in Danish; a Danish date; "j" is yes.
  it('speaks Danish around the questions: key help, j/n, and takes a Danish date', async () => {
    const project = copyProject(SAMPLE);
    const cli = start(['add', 'question', '--data', project], project);
    await screen.next();
    screen.type('3.4.2020');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Rejst på mødet');
    expect(screen.getScreen()).toContain('flyt');
    expect(screen.getScreen()).toContain('vælg');
    expect(screen.getScreen()).not.toContain('navigate');
    screen.keypress('enter');
    await screen.next();
    screen.type('Hvornår kommer lyset?');
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Zone');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Hvem skal svare?');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Er det et rygte, der skal undersøges? (j/N)');
    screen.type('j');
    screen.keypress('enter');
    expect(await cli.done).toBe(0);
    expect(cli.stderr()).toContain('Tilføjede q-2020-04-03-1 i questions.yaml');
    expect(readFileSync(join(project, 'questions.yaml'), 'utf8')).toMatch(
      /- id: q-2020-04-03-1\n {4}date: 2020-04-03\n {4}question: Hvornår kommer lyset\?\n {4}rumour: true\n$/,
    );
  });

  it('Ctrl-C in a prompt writes nothing and exits 130', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const cli = start(['add', 'meeting', '--data', project], project);
    await screen.next();
    expect(screen.getScreen()).toContain('Dato');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await cli.done).toBe(130);
    expect(cli.stderr()).toBe('borgermode: afbrudt; intet er skrevet\n');
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });
});
