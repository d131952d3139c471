import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { ENTER, runOnTerminal, scriptedPrompts } from '../helpers/scripted-prompts.js';
import { changedFiles, copyProject, EDIT_FIXTURES, SAMPLE, snapshot } from '../helpers/temp-project.js';

// `borgermode add area` (issue 18, item 4): an area appended to borgermode.yaml with its comments
// kept; a one-area project's records are given their area in the same turn, or nothing is written.

const settingsOf = (dir: string) =>
  jsYaml.load(readFileSync(join(dir, 'borgermode.yaml'), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as { areas: Record<string, unknown>[] };

/** Every line of `before` is in `after`, in order: the edit only inserted lines. */
function onlyInsertedLines(before: string, after: string): string[] {
  const added: string[] = [];
  const old = before.split('\n');
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < old.length && line === old[i]) i++;
    else added.push(line);
  }
  expect(i).toBe(old.length);
  return added;
}

describe('add area in a project of several areas', () => {
  it('appends the area after the last one, the rest of borgermode.yaml byte for byte', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'two-areas'));
    const before = readFileSync(join(project, 'borgermode.yaml'), 'utf8');
    const result = await runCli([
      'add',
      'area',
      '--name',
      'Østparken',
      '--zones',
      'Blok C, Blok D',
      '--residents',
      '1.200',
      '--data',
      project,
    ]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Tilføjede området oestparken i borgermode.yaml\n' });
    const after = readFileSync(join(project, 'borgermode.yaml'), 'utf8');
    expect(onlyInsertedLines(before, after)).toEqual([
      '  - id: oestparken',
      '    name: Østparken',
      '    residents: 1200',
      '    zones: [Blok C, Blok D]',
    ]);
    expect(after.indexOf('oestparken')).toBeLessThan(after.indexOf('contacts:'));
    expect((await runCli(['validate', '--data', project])).stderr).toBe('OK: ingen problemer fundet\n');
  });

  it('refuses an id the project has (exit 1, nothing written), and area flags with another kind (exit 2)', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'two-areas'));
    const before = snapshot(project);
    const taken = await runCli(['add', 'area', '--name', 'Sydparken', '--data', project]);
    expect(taken).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'borgermode: der er allerede et område med id\'et "sydparken"; intet er skrevet\n',
    });
    const wrongKind = await runCli([
      'add',
      'incident',
      '--date',
      '2020-02-02',
      '--category',
      'theft',
      '--area',
      'nordparken',
      '--name',
      'x',
      '--data',
      project,
    ]);
    expect(wrongKind.exitCode).toBe(2);
    expect(wrongKind.stderr).toMatch(/^borgermode: --name /);
    const badId = await runCli(['add', 'area', '--name', 'Vest', '--id', 'Vest Parken', '--data', project]);
    expect(badId.exitCode).toBe(2);
    expect(badId.stderr).toMatch(/^borgermode: --id: forventede/);
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });
});

describe('add area in a project of one area', () => {
  it('in a script without --fill-area: says how many records lack their area, and writes nothing (exit 1)', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli(['add', 'area', '--name', 'Nordparken', '--data', project]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^borgermode: [\d.]+ poster i \d+ filer har intet area-felt og hører i dag til vaerebro-park; med to områder skal hver post sige sit\. Kør igen med --fill-area, så skriver borgermode area: vaerebro-park i dem; intet er skrevet\n$/,
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('with --fill-area: every record gets area: <first area> after its id, nothing else changes, and the project validates (the real bin)', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runBin(['add', 'area', '--name', 'Nordparken', '--fill-area'], { cwd: project });
    expect(result.stderr).toMatch(
      /^Tilføjede området nordparken i borgermode\.yaml og skrev area: vaerebro-park i ([\d.]+) poster i (\d+) filer\n$/,
    );
    expect(result.exitCode).toBe(0);
    const changed = changedFiles(before, snapshot(project)).filter((file) => !file.startsWith('.borgermode/'));
    expect(changed).toContain('borgermode.yaml');
    let records = 0;
    for (const file of changed.filter((f) => f !== 'borgermode.yaml')) {
      const after = readFileSync(join(project, file), 'utf8');
      records += (after.match(/^ {4}area: vaerebro-park\n|, area: vaerebro-park/gm) ?? []).length;
      // Without the inserted area, the file is what it was, byte for byte (block and flow records alike).
      expect(after.replace(/^ {4}area: vaerebro-park\n|, area: vaerebro-park/gm, ''), file).toBe(before.get(file)!.toString('utf8'));
    }
    expect(result.stderr).toContain(` i ${records} poster`);
    expect(records).toBeGreaterThan(100);
    expect(settingsOf(project).areas.map((a) => a.id)).toEqual(['vaerebro-park', 'nordparken']);
    const validate = await runBin(['validate'], { cwd: project });
    expect(validate.stderr).toBe('OK: ingen problemer fundet\n');
    // The brief of the first area is the one it was.
    const brief = (dir: string) => runCli(['report', '--quarter', '2020-Q1', '--area', 'vaerebro-park', '--data', dir]);
    expect((await brief(project)).stdout).toBe((await brief(SAMPLE)).stdout);
  });

  it('on a terminal: asks for the name, the id (made from the name; a taken one refused where it is typed), and agrees to fill the records', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts(['Værebro Park Nord', 'vaerebro-park', ENTER, ENTER, ENTER, ENTER, 'Blok 10', true]);
    const result = await runOnTerminal(['add', 'area', '--data', project], script, { cwd: project });
    expect(result.exitCode).toBe(0);
    expect(script.left()).toBe(0);
    expect(script.asked.map((q) => [q.type, q.message, q.default])).toEqual([
      ['input', 'Områdets navn', undefined],
      ['input', 'Områdets id (bruges i posternes area-felt; a-z, 0-9 og -)', 'vaerebro-park-nord'],
      ['input', 'Kommune', 'Gladsaxe'],
      ['input', 'Politikreds', 'Københavns Vestegns Politi'],
      ['input', 'Antal beboere (giver tal pr. 1.000 beboere) (Enter for ingen)', undefined],
      ['input', 'Zoner i området, adskilt med komma (f.eks. Blok 1-4, Centret) (Enter for ingen)', undefined],
      [
        'confirm',
        expect.stringMatching(
          /^[\d.]+ poster i \d+ filer har intet area-felt og hører til vaerebro-park; .* Skal borgermode skrive area: vaerebro-park i dem\?$/,
        ),
        true,
      ],
    ]);
    expect(script.asked[1]!.refused).toEqual(['der er allerede et område med id\'et "vaerebro-park"']);
    expect(settingsOf(project).areas.at(-1)).toEqual({
      id: 'vaerebro-park-nord',
      name: 'Værebro Park Nord',
      municipality: 'Gladsaxe',
      police_district: 'Københavns Vestegns Politi',
      zones: ['Blok 10'],
    });
  });

  it('on a terminal, saying no to filling the records writes nothing (exit 1)', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const script = scriptedPrompts(['Nordparken', ENTER, ENTER, ENTER, ENTER, ENTER, false]);
    const result = await runOnTerminal(['add', 'area', '--data', project], script, { cwd: project });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'borgermode: intet er skrevet: med to områder skal hver post have sit area-felt; skriv area: vaerebro-park i posterne, eller lad borgermode gøre det (--fill-area)\n',
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });
});
