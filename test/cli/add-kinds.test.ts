import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { ENTER, runOnTerminal, scriptedPrompts } from '../helpers/scripted-prompts.js';
import { changedFiles, copyProject, SAMPLE, snapshot } from '../helpers/temp-project.js';

// `borgermode add priority|survey|list-status` (issue 18, item 4): the kinds without a date, with
// their flags and prompts from the record vocabulary, placed beside the records of their kind.

const read = (path: string) =>
  jsYaml.load(readFileSync(path, 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as Record<string, Record<string, unknown>[]>;
const lastOf = (path: string, kind: string) => read(path)[kind]!.at(-1);

describe('add priority', () => {
  it('from flags: the id from its first quarter, a quarter as people write it, appended to the file of the priorities', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli([
      'add',
      'priority',
      '--title',
      'Cykeltyverier',
      '--from',
      '2. kvartal 2020',
      '--to',
      '2020q4',
      '--status',
      'Nået',
      '--summary',
      'Nye låse.',
      '--data',
      project,
    ]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Tilføjede pri-2020-Q2-1 i priorities.yaml\n' });
    expect(changedFiles(before, snapshot(project))).toEqual(['priorities.yaml']);
    expect(lastOf(join(project, 'priorities.yaml'), 'priorities')).toEqual({
      id: 'pri-2020-Q2-1',
      title: 'Cykeltyverier',
      from: '2020-Q2',
      to: '2020-Q4',
      status: 'achieved',
      summary: 'Nye låse.',
    });
    // The next of the same quarter counts on.
    const next = await runCli(['add', 'priority', '--title', 'Mere lys', '--from', '2020-Q2', '--status', 'dropped', '--data', project]);
    expect(next.stderr).toBe('Tilføjede pri-2020-Q2-2 i priorities.yaml\n');
  });

  it('refuses a fourth active priority of an area: at the end in a script, before anything is typed on a terminal', async () => {
    const project = copyProject(SAMPLE);
    // The sample has two active; a third is fine, a fourth is not.
    expect((await runCli(['add', 'priority', '--title', 'Tredje', '--from', '2020-Q2', '--data', project])).exitCode).toBe(0);
    const before = snapshot(project);
    const script = await runCli(['add', 'priority', '--title', 'Fjerde', '--from', '2020-Q2', '--data', project]);
    expect(script.exitCode).toBe(1);
    expect(script.stderr).toMatch(/4 aktive prioriteter i vaerebro-park; højst 3 må være aktive/);
    const prompts = scriptedPrompts(['Fjerde']);
    const terminal = await runOnTerminal(['add', 'priority', '--data', project], prompts, { cwd: project });
    expect(terminal.exitCode).toBe(1);
    expect(prompts.asked).toEqual([]);
    expect(terminal.stderr).toBe(
      'borgermode: området vaerebro-park har allerede 3 aktive prioriteter (pri-knallert, pri-centret, pri-2020-Q2-1), og højst 3 må være aktive: sæt status: achieved eller dropped på en af dem først (eller giv den nye --status); intet er skrevet\n',
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('on a terminal: asks for the title, the first quarter (this quarter offered), the last and what is done', async () => {
    const project = copyProject(SAMPLE);
    rmSync(join(project, 'priorities.yaml'));
    const script = scriptedPrompts(['Tryghed på stierne', ENTER, '2020-Q5', '4. kv. 2020', ENTER, 'Lys og patruljer.']);
    const result = await runOnTerminal(['add', 'priority', '--data', project], script, { cwd: project });
    expect(result.stderr).toBe('Tilføjede pri-2020-Q2-1 i den nye fil priorities.yaml\n');
    expect(script.left()).toBe(0);
    expect(script.asked.map((q) => [q.message, q.default])).toEqual([
      ['Prioriteten, kort og offentlig', undefined],
      ['Fra kvartal (ÅÅÅÅ-QN)', '2020-Q2'],
      ['Til og med kvartal (ÅÅÅÅ-QN) (Enter for ingen)', undefined],
      ['Indsatsområde (Landsbyggefonden)', ''],
      ['Hvad der gøres, offentligt (Enter for ingen)', undefined],
    ]);
    expect(script.asked[2]!.refused).toEqual([
      'forventede et kvartal skrevet ÅÅÅÅ-QN eller N. kvartal ÅÅÅÅ, f.eks. 2020-Q2 eller 2. kvartal 2020',
    ]);
    expect(read(join(project, 'priorities.yaml')).priorities).toEqual([
      { id: 'pri-2020-Q2-1', title: 'Tryghed på stierne', from: '2020-Q2', to: '2020-Q4', summary: 'Lys og patruljer.' },
    ]);
  });
});

describe('add survey', () => {
  it('from flags: a decimal comma, the default unit left out, appended where the surveys are (tryghed.yaml)', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli([
      'add',
      'survey',
      '--year',
      '2020',
      '--level',
      'Området',
      '--measure',
      'safe_share',
      '--value',
      '79,5',
      '--source',
      'Beboerundersøgelsen 2020',
      '--n',
      '1.212',
      '--data',
      project,
    ]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Tilføjede srv-2020-1 i tryghed.yaml\n' });
    expect(lastOf(join(project, 'tryghed.yaml'), 'surveys')).toEqual({
      id: 'srv-2020-1',
      year: 2020,
      level: 'area',
      measure: 'safe_share',
      value: 79.5,
      source: 'Beboerundersøgelsen 2020',
      n: 1212,
    });
    // The list status below the surveys in the same file is untouched.
    expect(read(join(project, 'tryghed.yaml')).list_status).toEqual(read(join(SAMPLE, 'tryghed.yaml')).list_status);
  });

  it('through the real bin, the same record as in-process', async () => {
    const args = [
      'add',
      'survey',
      '--year',
      '2020',
      '--level',
      'national',
      '--measure',
      'trust_share',
      '--value',
      '81,2',
      '--source',
      'Politiets Tryghedsundersøgelse 2020',
    ];
    const [inProcess, bin] = [copyProject(SAMPLE), copyProject(SAMPLE)];
    expect((await runCli([...args, '--data', inProcess])).exitCode).toBe(0);
    const result = await runBin(args, { cwd: bin });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Tilføjede srv-2020-1 i tryghed.yaml\n' });
    expect(readFileSync(join(bin, 'tryghed.yaml'), 'utf8')).toBe(readFileSync(join(inProcess, 'tryghed.yaml'), 'utf8'));
  });

  it('in a script, names what is missing with an example', async () => {
    const result = await runCli(['add', 'survey', '--year', '2020', '--data', copyProject(SAMPLE)]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'borgermode: mangler --level, --measure, --value og --source; angiv det som flag, f.eks. borgermode add survey --level area --measure safe_share --value 78 --source "Tryghedsundersøgelsen 2020" (borgermode spørger kun på en terminal, og aldrig når CI er sat)\n',
    );
  });

  it('on a terminal: the year (last year offered), where it was measured (the area offered), what, the figure, the source', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts([ENTER, ENTER, ENTER, 'mange', '80', 'Egen undersøgelse', ENTER]);
    const result = await runOnTerminal(['add', 'survey', '--data', project], script, { cwd: project });
    expect(result.stderr).toBe('Tilføjede srv-2019-1 i tryghed.yaml\n');
    expect(script.asked.map((q) => [q.type, q.message, q.default])).toEqual([
      ['input', 'År', '2019'],
      ['select', 'Hvor tallet er målt', 'area'],
      ['input', 'Hvad der er målt (safe_share, unsafe_share, trust_share eller en kort tekst)', 'safe_share'],
      ['input', 'Tallet', undefined],
      ['input', 'Kilde (undersøgelse og år)', undefined],
      ['input', 'Antal besvarelser (Enter for ingen)', undefined],
    ]);
    expect(script.asked[1]!.choices).toEqual(['area', 'municipality', 'district', 'national', 'sub_areas']);
    expect(lastOf(join(project, 'tryghed.yaml'), 'surveys')).toMatchObject({ id: 'srv-2019-1', year: 2019, value: 80 });
  });
});

describe('add list-status', () => {
  it('one a year and area: list-2020 for the first, a second of the same year is refused with where the first is', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli(['add', 'list-status', '--year', '2020', '--status', 'none', '--residents', '2.590', '--data', project]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Tilføjede list-2020 i tryghed.yaml\n' });
    expect(lastOf(join(project, 'tryghed.yaml'), 'list_status')).toEqual({ id: 'list-2020', year: 2020, status: 'none', residents: 2590 });
    const before = snapshot(project);
    const again = await runCli(['add', 'list-status', '--year', '2020', '--status', 'vulnerable', '--data', project]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/listestatus for 2020 i området "vaerebro-park" står allerede et andet sted/);
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('on a terminal: the year (this year offered), the status from the list, the residents', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts([ENTER, 'vulnerable', '2.612']);
    const result = await runOnTerminal(['add', 'list-status', '--data', project], script, { cwd: project });
    expect(result.stderr).toBe('Tilføjede list-2020 i tryghed.yaml\n');
    expect(script.asked.map((q) => [q.type, q.message, q.default])).toEqual([
      ['input', 'År', '2020'],
      ['select', 'Status på listen', undefined],
      ['input', 'Antal beboere på listen (Enter for ingen)', undefined],
    ]);
    expect(script.asked[1]!.choices).toEqual(['none', 'prevention_area', 'vulnerable', 'parallel_society', 'transformation_area']);
  });

  it('goes to list_status.yaml in a project that has none yet', async () => {
    const project = copyProject(SAMPLE);
    const tryghed = join(project, 'tryghed.yaml');
    writeFileSync(tryghed, readFileSync(tryghed, 'utf8').replace(/^list_status:[\s\S]*$/m, ''));
    const result = await runCli(['add', 'list-status', '--year', '2020', '--status', 'none', '--data', project]);
    expect(result.stderr).toBe('Tilføjede list-2020 i den nye fil list_status.yaml\n');
  });
});
