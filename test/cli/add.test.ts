import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../../src/load/cache.js';
import { CACHE_KEY_FILE } from '../../src/load/cache-key.js';
import { sealed } from '../helpers/cache-seal.js';
import { BIN, runBin, runCli, TEST_ENV } from '../helpers/run-cli.js';
import { CTRL_C, ENTER, runOnTerminal, scriptedPrompts } from '../helpers/scripted-prompts.js';
import { changedFiles, copyProject, EDIT_FIXTURES, SAMPLE, snapshot, tempDir } from '../helpers/temp-project.js';

// `borgermode add`: flags in scripts, questions on a terminal, the record appended where it
// belongs, everything else in the project left byte for byte as it was.

const read = (path: string) =>
  jsYaml.load(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { schema: jsYaml.CORE_SCHEMA }) as Record<
    string,
    Record<string, unknown>[]
  >;
const lastOf = (path: string, kind: string) => read(path)[kind]!.at(-1);

/** `after` is `before` with text inserted (in at most two places), nothing removed or changed. */
function onlyInsertions(before: string, after: string): string[] {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (prefix + suffix === before.length) return [after.slice(prefix, after.length - suffix)];
  const middle = before.slice(prefix, before.length - suffix);
  const inner = after.slice(prefix, after.length - suffix);
  const at = inner.indexOf(middle);
  if (at < 0) throw new Error(`not an insertion:\n--- before\n${before}\n--- after\n${after}`);
  return [inner.slice(0, at), inner.slice(at + middle.length)];
}

describe('add in scripts (no terminal)', () => {
  it('appends a record from flags to the file that holds that year, and says where', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli([
      'add',
      'incident',
      '--data',
      project,
      '--date',
      '2020-04-05',
      '--category',
      'theft',
      '--zone',
      'Centret',
      '--count',
      '2',
      '--summary',
      'Cykel stjålet ved Centret',
    ]);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Tilføjede inc-2020-04-05-1 i 2020/incidents.yaml\n' });
    expect(changedFiles(before, snapshot(project))).toEqual(['2020/incidents.yaml']);
    expect(lastOf(join(project, '2020/incidents.yaml'), 'incidents')).toEqual({
      id: 'inc-2020-04-05-1',
      date: '2020-04-05',
      category: 'theft',
      count: 2,
      zone: 'Centret',
      summary: 'Cykel stjålet ved Centret',
    });
  });

  it('prints one JSON document with --json, and leaves out values equal to their default', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli([
      'add',
      'activity',
      '--data',
      project,
      '--json',
      '--date',
      '2021-01-05',
      '--kind',
      'patrol',
      '--title',
      'Aftenpatrulje',
      '--status',
      'done',
      '--hours',
      '1,5',
      '--partners',
      'helhedsplan, civile forebyggere',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      id: 'act-2021-01-05-1',
      file: '2021/activities.yaml',
      created: true,
      diagnostics: [
        {
          file: '2021/activities.yaml',
          line: 3,
          column: 11,
          severity: 'warning',
          code: 'done-in-future',
          message: expect.stringContaining('2021-01-05') as unknown,
        },
      ],
    });
    expect(readFileSync(join(project, '2021/activities.yaml'), 'utf8')).toBe(
      'activities:\n  - id: act-2021-01-05-1\n    date: 2021-01-05\n    kind: patrol\n    title: Aftenpatrulje\n    partners: [helhedsplan, civile forebyggere]\n    hours: 1.5\n',
    );
  });

  it('numbers the records of a day on from the highest id, unique across the project', async () => {
    const project = copyProject(SAMPLE);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await runCli(['add', 'incident', '--data', project, '--json', '--date', '2020-01-31', '--category', 'other']);
      ids.push((JSON.parse(result.stdout) as { id: string }).id);
    }
    expect(ids).toEqual(['inc-2020-01-31-8', 'inc-2020-01-31-9', 'inc-2020-01-31-10']);
    const meeting = await runCli(['add', 'meeting', '--data', project, '--json', '--date', '2020-01-22', '--time', '21:00']);
    expect((JSON.parse(meeting.stdout) as { id: string }).id).toBe('mtg-2020-01-22-2');
    expect((await runCli(['validate', '--data', project, '--quiet'])).exitCode).toBe(0);
  });

  it.each([
    [['incident'], '--date og --category', 'borgermode add incident --date 2020-01-31 --category theft'],
    [
      ['activity', '--date', '2020-04-01'],
      '--kind og --title',
      'borgermode add activity --kind patrol --title "Aftenpatrulje ved Centret"',
    ],
    [['question', '--lang', 'en'], '--date and --question', 'borgermode add question --date 2020-01-31 --question'],
    [['meeting'], '--date', 'borgermode add meeting --date 2020-01-31'],
  ])('a missing value is a usage error naming the flag: add %j', async (args, flags, example) => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli(['add', ...args, '--data', project]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(flags);
    expect(result.stderr).toContain(example);
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('never prompts with CI set, even on a terminal', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts([]);
    const result = await runOnTerminal(['add', 'incident', '--data', project], script, { cwd: project, env: { CI: 'true' } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^borgermode: mangler --date og --category;/);
    expect(script.asked).toEqual([]);
  });

  it('ends at once through the bin when stdin is an open pipe (sleep 30 | borgermode add incident)', async () => {
    const project = copyProject(SAMPLE);
    const started = Date.now();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'add', 'incident'], {
        cwd: project,
        env: { ...process.env, ...TEST_ENV, CI: undefined },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
      // stdin stays open and silent, like the output of `sleep 30`.
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--date og --category');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    [
      ['incident', '--date', '2020-02-30', '--category', 'theft'],
      'borgermode: --date: forventede en gyldig dato skrevet ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ, f.eks. 2020-03-31 eller 31.3.2020, fandt "2020-02-30"',
    ],
    [
      ['incident', '--date', '2020-02-03', '--category', 'theft', '--count', 'many'],
      'borgermode: --count: forventede et helt tal fra 1 til 1.000.000, fandt "many"',
    ],
    [
      ['incident', '--date', '2020-02-03', '--category', 'theft', '--source', 'rumour'],
      'borgermode: --source: forventede en af police, resident, patrol eller other, fandt "rumour"',
    ],
    [
      ['meeting', '--date', '2020-02-03', '--time', '7pm', '--lang', 'en'],
      'borgermode: --time: expected a time written HH:MM or HH.MM, e.g. 19:00, found "7pm"',
    ],
    [
      ['incident', '--date', '2020-02-03', '--category', 'theft', '--title', 'x'],
      'borgermode: --title hører ikke til incident; incident tager --area, --date, --category, --count, --zone, --source, --status, --summary, --internal-note',
    ],
  ])('a flag value its field does not take is a usage error: %j', async (args, message) => {
    const project = copyProject(SAMPLE);
    const result = await runCli(['add', ...args, '--data', project]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`${message}\n`);
  });

  it('refuses a record that would bring an error into the project: the findings, exit 1, nothing written', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli([
      'add',
      'question',
      '--data',
      project,
      '--date',
      '2020-04-05',
      '--question',
      'Hvornår kommer lyset?',
      '--meeting',
      'mtg-2019-99',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^questions\.yaml:\d+:\d+ error ukendt møde "mtg-2019-99"/m);
    expect(result.stderr).toMatch(/^1 fejl, 0 advarsler – intet er skrevet: posten ville give fejl i projektet$/m);
    expect(changedFiles(before, snapshot(project))).toEqual([]);
    const json = await runCli([
      'add',
      'question',
      '--data',
      project,
      '--json',
      '--date',
      '2020-04-05',
      '--question',
      'Hvornår?',
      '--meeting',
      'mtg-2019-99',
    ]);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, id: 'q-2020-04-05-1', file: 'questions.yaml', created: false });
    expect((JSON.parse(json.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toContain('unknown-meeting');
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  // Issue 18, items 2 and 3: values as people write them here; a wrong one is a usage error naming the flag, before any file is read.
  it('takes values as people write them: labels in either language and any case, Danish dates, times and numbers', async () => {
    const project = copyProject(SAMPLE);
    const incident = await runCli([
      'add',
      'incident',
      '--data',
      project,
      '--json',
      '--date',
      '3.4.2020',
      '--category',
      'INDBRUD I BEBOELSE',
      '--zone',
      'centret',
      '--source',
      'Beboer',
    ]);
    expect(JSON.parse(incident.stdout)).toMatchObject({ ok: true, id: 'inc-2020-04-03-1', file: '2020/incidents.yaml' });
    const activity = await runCli([
      'add',
      'activity',
      '--data',
      project,
      '--json',
      '--date',
      '6/4 2020',
      '--kind',
      'tryghedsvandringer',
      '--title',
      'Vandring',
      '--hours',
      '1,5',
      '--participants',
      '1.200',
    ]);
    expect(JSON.parse(activity.stdout)).toMatchObject({ ok: true, id: 'act-2020-04-06-1' });
    const meeting = await runCli(['add', 'meeting', '--data', project, '--json', '--date', '2020-05-05', '--time', '19.00']);
    expect(JSON.parse(meeting.stdout)).toMatchObject({ ok: true, id: 'mtg-2020-05-05' });
    const read = (file: string) =>
      jsYaml.load(readFileSync(join(project, file), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as Record<string, Record<string, unknown>[]>;
    expect(read('2020/incidents.yaml').incidents!.at(-1)).toEqual({
      id: 'inc-2020-04-03-1',
      date: '2020-04-03',
      category: 'burglary',
      zone: 'Centret',
      source: 'resident',
    });
    expect(read('2020/activities.yaml').activities!.at(-1)).toEqual({
      id: 'act-2020-04-06-1',
      date: '2020-04-06',
      kind: 'safety_walk',
      title: 'Vandring',
      participants: 1200,
      hours: 1.5,
    });
    expect(read('meetings.yaml').meetings!.at(-1)).toEqual({ id: 'mtg-2020-05-05', date: '2020-05-05', time: '19:00' });
    expect(readFileSync(join(project, 'meetings.yaml'), 'utf8')).toContain('time: "19:00"');
  });

  it.each([
    [
      ['incident', '--date', '2020-04-05', '--category', 'thef'],
      '--category: forventede en af violence, sexual, threats, burglary, theft, vehicle, robbery, vandalism, arson, drugs, weapons, traffic, nuisance eller other, fandt "thef" (mente du "theft"?)',
    ],
    [['incident', '--date', '2020-04-05', '--category', 'indbrud'], '(mente du "burglary"?)'],
    [
      ['incident', '--date', '2020-04-05', '--category', 'theft', '--zone', 'Centrum'],
      '--zone: forventede en af Blok 1-4, Blok 5-9, Centret eller P-pladser, fandt "Centrum" (mente du "Centret"?)',
    ],
    [
      ['activity', '--date', '2020-04-05', '--kind', 'school', '--title', 'x'],
      '--kind: forventede en af patrol, dialogue, citizen_meeting, business_network, youth_activity, school_visit, ssp_meeting, safety_walk, operation, information eller other, fandt "school" (mente du "school_visit"?)',
    ],
    [
      ['incident', '--date', '2020-04-05', '--category', 'theft', '--source', 'naboen'],
      '--source: forventede en af police, resident, patrol eller other, fandt "naboen"',
    ],
  ])(
    'a value the field does not take is a usage error naming the flag and the nearest value, before any file is read: %j',
    async (args, message) => {
      const project = copyProject(SAMPLE);
      const before = snapshot(project);
      const result = await runCli(['add', ...args, '--data', project]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\.yaml:\d+/);
      expect(changedFiles(before, snapshot(project))).toEqual([]);
    },
  );

  it.each([
    [
      'a CPR number in a summary',
      ['incident', '--date', '2020-04-05', '--category', 'theft', '--summary', 'Anmelder 010190-1234'],
      'summary',
      'et CPR-nummer',
    ],
    [
      'a phone number in a question',
      ['question', '--date', '2020-04-05', '--owner', 'police', '--question', 'Ring til mig på 22 33 44 55'],
      'question',
      'et telefonnummer',
    ],
    [
      'an e-mail address in a title',
      ['activity', '--date', '2020-04-05', '--kind', 'dialogue', '--title', 'Skriv til navn@example.dk'],
      'title',
      'en e-mailadresse',
    ],
    [
      'a street address in a question',
      ['question', '--date', '2020-04-05', '--owner', 'police', '--question', 'Min nabo i Ruten 12, 2. th sælger hash'],
      'question',
      'en adresse',
    ],
    [
      'a street address in a summary',
      ['incident', '--date', '2020-04-05', '--category', 'theft', '--summary', 'Cykel stjålet i Vestergade 4B'],
      'summary',
      'en adresse',
    ],
  ])('refuses %s at the door, in the words report uses: exit 1, nothing written', async (_, args, field, what) => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const result = await runCli(['add', ...args, '--data', project]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^\\S+\\.yaml:\\d+:\\d+ error feltet "${field}" ser ud til at indeholde ${what} og ville komme med i den offentlige udgave, så intet er skrevet; skriv det om, eller flyt det til internal_note$`,
        'm',
      ),
    );
    expect(changedFiles(before, snapshot(project))).toEqual([]);
    // The same text in internal_note is the team's own: written.
    const internal = await runCli([
      'add',
      ...args.slice(0, -2),
      args.at(-2)!,
      'Et spørgsmål uden personoplysninger',
      '--internal-note',
      args.at(-1)!,
      '--data',
      project,
    ]);
    expect(internal.exitCode, internal.stderr).toBe(0);
  });

  it('writes a record naming a possible person, with the warning for the team to review (exit 0)', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli([
      'add',
      'activity',
      '--data',
      project,
      '--date',
      '2020-04-05',
      '--kind',
      'dialogue',
      '--title',
      'Snak med Mette Hansen om lyset',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(
      /^2020\/activities\.yaml:\d+:\d+ warning feltet "title" nævner måske en person \("Mette Hansen"\), og offentlige udgaver viser det; /m,
    );
    expect(result.stderr).toMatch(/^Tilføjede act-2020-04-05-1 i 2020\/activities\.yaml$/m);
    expect(lastOf(join(project, '2020/activities.yaml'), 'activities')).toMatchObject({
      id: 'act-2020-04-05-1',
      title: 'Snak med Mette Hansen om lyset',
    });
  });

  it('adds to a project whose other files have errors, checks only the new record, and says how many there are', async () => {
    const project = copyProject(SAMPLE);
    writeFileSync(join(project, 'broken.yaml'), 'incidents:\n  - id: x\n    date: 2020-02-30\n    category: theft\n');
    const result = await runCli(['add', 'incident', '--data', project, '--date', '2020-04-05', '--category', 'theft']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      'Tilføjede inc-2020-04-05-1 i 2020/incidents.yaml\nBemærk: projektet har 1 fejl i andre poster; borgermode validate viser dem.\n',
    );
    const english = await runCli(['answer', 'q-2020-01-22-3', '--data', project, '--text', 'Ja.', '--lang', 'en']);
    expect(english.exitCode).toBe(0);
    expect(english.stderr).toMatch(/\nNote: other records of the project have errors \(1\); borgermode validate lists them\.\n$/);
    const quiet = await runCli(['add', 'incident', '--data', project, '--date', '2020-04-05', '--category', 'theft', '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('needs --area when the project has several areas', async () => {
    const project = copyProject(join(EDIT_FIXTURES, 'two-areas'));
    const missing = await runCli(['add', 'meeting', '--data', project, '--date', '2020-05-01']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('mangler --area; angiv det som flag, f.eks. borgermode add meeting --area nordparken');
    const result = await runCli(['add', 'meeting', '--data', project, '--date', '2020-05-01', '--area', 'sydparken']);
    expect(result.exitCode).toBe(0);
    expect(lastOf(join(project, 'meetings.yaml'), 'meetings')).toEqual({ id: 'mtg-2020-05-01', area: 'sydparken', date: '2020-05-01' });
    // An area by its name too, in any case (issue 18, item 2); an unknown one is a usage error with the nearest id.
    const settings = join(project, 'borgermode.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('name: Nordparken', 'name: Parken Nord'));
    const byName = await runCli(['add', 'meeting', '--data', project, '--date', '2020-05-02', '--area', 'PARKEN NORD']);
    expect(byName.exitCode, byName.stderr).toBe(0);
    expect(lastOf(join(project, 'meetings.yaml'), 'meetings')).toMatchObject({ area: 'nordparken', date: '2020-05-02' });
    const wrong = await runCli(['add', 'meeting', '--data', project, '--date', '2020-05-02', '--area', 'sydpark']);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('(mente du "sydparken"?)');
  });

  it('never writes into the bundled sample: outside a project it is a usage error', async () => {
    const empty = tempDir();
    const result = await runCli(['add', 'incident', '--date', '2020-04-05', '--category', 'theft'], { cwd: empty });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'borgermode: ingen borgermode.yaml i denne mappe eller mapperne over; kør "borgermode init" for at starte et projekt, eller angiv --data MAPPE\n',
    );
  });

  it.each([
    [
      'has a YAML error',
      'incidents:\n  - id: x\n   date: 2020-01-01\n',
      /^borgermode: kan ikke skrive i 2020\/incidents\.yaml: filen kan ikke læses som YAML-poster \(.*\); kør "borgermode validate" og ret den først$/m,
    ],
    [
      'is a flow mapping',
      '{incidents: [{id: x, date: 2020-01-01, category: theft}]}\n',
      /^borgermode: kan ikke skrive sikkert i 2020\/incidents\.yaml: filen er skrevet som én mapping i krøllede parenteser;/m,
    ],
  ])('refuses to edit a target file that %s (exit 1, nothing written)', async (_name, text, message) => {
    const project = copyProject(SAMPLE);
    writeFileSync(join(project, '2020/incidents.yaml'), text);
    const before = snapshot(project);
    const result = await runCli(['add', 'incident', '--data', project, '--date', '2020-04-05', '--category', 'theft']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });

  it('refuses while borgermode.yaml has errors, and shows them', async () => {
    const project = copyProject(SAMPLE);
    writeFileSync(join(project, 'borgermode.yaml'), 'areas:\n  - id: Værebro\n    name: Værebro Park\n');
    const result = await runCli(['add', 'incident', '--data', project, '--date', '2020-04-05', '--category', 'theft']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^borgermode\.yaml:2:9 error feltet "id": forventede et område-id/m);
    expect(result.stderr).toMatch(/^1 fejl, 0 advarsler – intet er skrevet: borgermode\.yaml har fejl; ret dem, før der skrives poster$/m);
  });
});

describe('add on a terminal', () => {
  // Issue 18, item 3: the meeting a question was raised at is one on or before its date, never a later or a future one.
  it('offers a question only the meetings held by its date', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts(['21.1.2020', ENTER, 'Hvornår?', ENTER, ENTER, ENTER, ENTER]);
    const result = await runOnTerminal(['add', 'question', '--data', project], script, { cwd: project });
    expect(result.exitCode).toBe(0);
    const offered = script.asked.find((q) => q.message === 'Rejst på mødet')!.choices!;
    expect(offered[0]).toBe('');
    expect(offered.slice(1).every((id) => id < 'mtg-2020-01-21')).toBe(true);
    expect(offered).toContain('mtg-2019-10-23');
    expect(offered).not.toContain('mtg-2020-01-22');
    expect(offered).not.toContain('mtg-2020-08-26');
  });

  it('asks for every field no flag gave, with choices and defaults from the project, and checks each answer', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts(['2020-02-30', ENTER, 'theft', 'mange', '2', 'Centret', ENTER, 'Cykel stjålet ved Centret']);
    const result = await runOnTerminal(['add', 'incident', '--data', project], script, { cwd: project });
    expect(result.stderr).toBe('Tilføjede inc-2020-04-20-1 i 2020/incidents.yaml\n');
    expect(result.exitCode).toBe(0);
    expect(script.left()).toBe(0);
    expect(script.asked.map((q) => [q.type, q.message, q.default])).toEqual([
      ['input', 'Dato (ÅÅÅÅ-MM-DD)', '2020-04-20'],
      ['select', 'Kategori', undefined],
      ['input', 'Antal', '1'],
      ['select', 'Zone', ''],
      ['select', 'Kilde', 'police'],
      ['input', 'Offentligt resumé, én sætning (Enter for ingen)', undefined],
    ]);
    expect(script.asked[0]!.refused).toEqual([
      'forventede en gyldig dato skrevet ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ, f.eks. 2020-03-31 eller 31.3.2020',
    ]);
    expect(script.asked[2]!.refused).toEqual(['forventede et helt tal fra 1 til 1.000.000']);
    expect(script.asked[1]!.choices).toContain('nuisance');
    expect(script.asked[3]!.choices).toEqual(['', 'Blok 1-4', 'Blok 5-9', 'Centret', 'P-pladser']);
    expect(lastOf(join(project, '2020/incidents.yaml'), 'incidents')).toEqual({
      id: 'inc-2020-04-20-1',
      date: '2020-04-20',
      category: 'theft',
      count: 2,
      zone: 'Centret',
      summary: 'Cykel stjålet ved Centret',
    });
  });

  it('asks only for what is missing', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts([ENTER, ENTER, ENTER, ENTER]);
    const result = await runOnTerminal(['add', 'incident', '--data', project, '--date', '2020-04-02', '--category', 'drugs'], script, {
      cwd: project,
    });
    expect(result.exitCode).toBe(0);
    expect(script.asked.map((q) => q.message)).toEqual(['Antal', 'Zone', 'Kilde', 'Offentligt resumé, én sætning (Enter for ingen)']);
    expect(lastOf(join(project, '2020/incidents.yaml'), 'incidents')).toEqual({
      id: 'inc-2020-04-02-1',
      date: '2020-04-02',
      category: 'drugs',
    });
  });

  it('asks for the kind, and offers the open questions an activity may answer', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts([
      'activity',
      '2020-05-06',
      'safety_walk',
      'Tryghedsvandring ved Blok 5',
      ENTER,
      'boligselskab, helhedsplan',
      '14',
      '1,5',
      ['q-2020-01-22-3'],
      'kriminalitetsforebyggelse',
      ENTER,
    ]);
    const result = await runOnTerminal(['add', '--data', project, '--lang', 'en'], script, { cwd: project });
    expect(result.exitCode).toBe(0);
    expect(script.asked[0]).toMatchObject({
      message: 'What kind of record?',
      choices: ['incident', 'activity', 'question', 'meeting', 'priority', 'survey', 'list-status', 'area'],
    });
    // Dated after today (2020-04-20): planned is the default.
    expect(script.asked[4]).toMatchObject({ message: 'Status', default: 'planned' });
    expect(script.asked[8]!.choices).toContain('q-2020-01-22-3');
    // Landsbyggefonden's focus areas, none first (issue 19, item 5).
    expect(script.asked[9]).toMatchObject({
      message: 'Focus area (Landsbyggefonden)',
      choices: ['', 'kriminalitetsforebyggelse', 'uddannelse_og_livschancer', 'beskaeftigelse', 'sammenhaengskraft_og_medborgerskab'],
    });
    expect(lastOf(join(project, '2020/activities.yaml'), 'activities')).toEqual({
      id: 'act-2020-05-06-1',
      date: '2020-05-06',
      kind: 'safety_walk',
      title: 'Tryghedsvandring ved Blok 5',
      status: 'planned',
      partners: ['boligselskab', 'helhedsplan'],
      participants: 14,
      hours: 1.5,
      answers: ['q-2020-01-22-3'],
      focus_area: 'kriminalitetsforebyggelse',
    });
  });

  it('offers the meeting of the same day for a question', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts([ENTER, 'Hvornår kommer der lys i kælderen?', ENTER, 'Blok 5-9', 'housing', true]);
    const result = await runOnTerminal(['add', 'question', '--data', project, '--date', '2020-04-22'], script, { cwd: project });
    expect(result.exitCode).toBe(0);
    expect(script.asked[0]).toMatchObject({ message: 'Rejst på mødet', default: 'mtg-2020-04-22' });
    expect(lastOf(join(project, 'questions.yaml'), 'questions')).toEqual({
      id: 'q-2020-04-22-1',
      date: '2020-04-22',
      meeting: 'mtg-2020-04-22',
      question: 'Hvornår kommer der lys i kælderen?',
      zone: 'Blok 5-9',
      owner: 'housing',
      rumour: true,
    });
  });

  it('a meeting: the place of the settings is offered, and left out when kept', async () => {
    const project = copyProject(SAMPLE);
    const script = scriptedPrompts([ENTER, '7pm', '19:30', ENTER, '35', ENTER]);
    const result = await runOnTerminal(['add', 'meeting', '--data', project], script, { cwd: project });
    expect(result.exitCode).toBe(0);
    expect(script.asked.map((q) => [q.message, q.default])).toEqual([
      ['Dato (ÅÅÅÅ-MM-DD)', '2020-04-20'],
      ['Klokkeslæt (TT:MM) (Enter for ingen)', undefined],
      ['Sted', 'Beboerhuset'],
      ['Antal fremmødte (Enter for ingen)', undefined],
      ['Offentligt resumé, én sætning (Enter for ingen)', undefined],
    ]);
    expect(script.asked[1]!.refused).toEqual(['forventede et klokkeslæt skrevet TT:MM eller TT.MM, f.eks. 19:00']);
    expect(lastOf(join(project, 'meetings.yaml'), 'meetings')).toEqual({
      id: 'mtg-2020-04-20',
      date: '2020-04-20',
      time: '19:30',
      attendees: 35,
    });
    expect(readFileSync(join(project, 'meetings.yaml'), 'utf8')).toMatch(/ {4}time: "19:30"\n {4}attendees: 35\n$/);
  });

  it('Ctrl-C at a question writes nothing and exits 130', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const script = scriptedPrompts(['2020-04-02', CTRL_C]);
    const result = await runOnTerminal(['add', 'incident', '--data', project], script, { cwd: project });
    expect(result).toEqual({ exitCode: 130, stdout: '', stderr: 'borgermode: afbrudt; intet er skrevet\n' });
    expect(changedFiles(before, snapshot(project))).toEqual([]);
  });
});

describe('add keeps every byte the user wrote', () => {
  // Hand-written files: comments everywhere, odd spacing, flow lists and records, both quote
  // styles, block scalars, Danish letters, a file without a final line break; one file is made
  // CRLF with a byte-order mark here (git could change them in the repository).
  const setUp = () => {
    const project = copyProject(join(EDIT_FIXTURES, 'round-trip'));
    const incidents = join(project, '2020', 'incidents.yaml');
    writeFileSync(incidents, `\uFEFF${readFileSync(incidents, 'utf8').replace(/\n/g, '\r\n')}`);
    return project;
  };

  it.each([
    [
      'incident',
      ['--date', '2020-03-15', '--category', 'drugs', '--zone', 'Gården', '--summary', 'Hash: "måske" solgt # ved bænken'],
      '2020/incidents.yaml',
    ],
    [
      'activity',
      ['--date', '2020-03-01', '--kind', 'safety_walk', '--title', 'Tryghedsvandring i Gården', '--partners', 'boligselskab,helhedsplan'],
      'activities.yaml',
    ],
    ['question', ['--date', '2020-03-01', '--question', 'Hvornår åbner klubben igen?', '--meeting', 'mtg-2020-01-22'], 'questions.yaml'],
    ['meeting', ['--date', '2020-06-24', '--time', '19:30', '--attendees', '12'], 'meetings.yaml'],
  ])('add %s changes nothing but the appended record', async (kind, flags, target) => {
    const project = setUp();
    const before = snapshot(project);
    const result = await runCli(['add', kind, '--data', project, ...flags]);
    expect(result.stderr).toMatch(/^Tilføjede /);
    expect(result.exitCode).toBe(0);
    const after = snapshot(project);
    expect(changedFiles(before, after)).toEqual([target]);
    const old = before.get(target)!.toString('utf8');
    const now = after.get(target)!.toString('utf8');
    const inserted = onlyInsertions(old, now).join('');
    expect(inserted).toMatch(/id: |\{ id: /);
    if (old.includes('\r\n')) expect(now.replace(/\r\n/g, '')).not.toContain('\n');
    if (old.startsWith('\uFEFF')) expect(now.startsWith('\uFEFF')).toBe(true);
    const validate = await runCli(['validate', '--data', project]);
    expect(validate.stderr).toBe('OK: ingen problemer fundet\n');
  });

  it('the real bin writes the same bytes as the in-process run', async () => {
    const a = setUp();
    const b = setUp();
    const flags = ['--date', '2020-03-15', '--category', 'drugs', '--zone', 'Gården', '--summary', 'Æbler, ærter og "østers"'];
    expect((await runCli(['add', 'incident', '--data', a, ...flags])).exitCode).toBe(0);
    expect((await runBin(['add', 'incident', '--data', b, ...flags])).exitCode).toBe(0);
    expect(readFileSync(join(b, '2020/incidents.yaml'))).toEqual(readFileSync(join(a, '2020/incidents.yaml')));
  });
});

describe('add, several at once', () => {
  it('six adds through the real bin at the same time: every record lands, each with its own id, the project valid', async () => {
    const project = copyProject(SAMPLE);
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        runBin([
          'add',
          i % 2 === 0 ? 'incident' : 'meeting',
          '--data',
          project,
          '--json',
          '--date',
          '2020-04-0' + (1 + (i % 2)),
          ...(i % 2 === 0 ? ['--category', 'theft', '--summary', `Sag ${i}`] : ['--attendees', String(i)]),
        ]),
      ),
    );
    for (const r of runs) expect(r.exitCode, r.stderr).toBe(0);
    const ids = runs.map((r) => (JSON.parse(r.stdout) as { id: string }).id);
    expect(new Set(ids).size).toBe(6);
    expect(ids.filter((id) => id.startsWith('inc-')).sort()).toEqual(['inc-2020-04-01-1', 'inc-2020-04-01-2', 'inc-2020-04-01-3']);
    expect(ids.filter((id) => id.startsWith('mtg-')).sort()).toEqual(['mtg-2020-04-02', 'mtg-2020-04-02-2', 'mtg-2020-04-02-3']);
    const incidents = read(join(project, '2020/incidents.yaml')).incidents!.map((r) => r.summary);
    expect(incidents).toEqual(expect.arrayContaining(['Sag 0', 'Sag 2', 'Sag 4']));
    expect(read(join(project, 'meetings.yaml')).meetings!.filter((m) => m.date === '2020-04-02')).toHaveLength(3);
    const validate = await runCli(['validate', '--data', project]);
    expect(validate.exitCode).toBe(0);
    expect(existsSync(join(project, '.borgermode.lock'))).toBe(false);
  });
});

// A change is checked through the project's cache (load/load-project.ts, withChanges), which it leaves true.
describe('add with the cache', () => {
  it('reads the other files from the cache: an id only a sealed entry holds is taken', async () => {
    const root = copyProject(SAMPLE);
    const home = tempDir();
    const env = { BORGERMODE_NO_CACHE: undefined, XDG_CACHE_HOME: home };
    expect((await runCli(['validate', '--data', root, '--quiet'], { env })).exitCode).toBe(0);
    // The entry of another file than the one add writes, with one more incident in it, sealed with the user's key.
    const entry = join(root, CACHE_DIR, `${createHash('sha256').update('2019/incidents.yaml').digest('hex').slice(0, 32)}.json`);
    const [header, bodyLine] = readFileSync(entry, 'utf8').split('\n') as [string, string];
    const body = JSON.parse(bodyLine) as { records: { incidents: Record<string, unknown>[] } };
    body.records.incidents.push({ ...body.records.incidents[0], id: 'inc-2020-03-03-7', date: '2020-03-03' });
    const key = Buffer.from(readFileSync(join(home, 'borgermode', CACHE_KEY_FILE), 'ascii').trim(), 'hex');
    writeFileSync(entry, sealed(header, JSON.stringify(body), { key }));
    const added = await runCli(['add', 'incident', '--data', root, '--date', '2020-03-03', '--category', 'theft', '--json'], { env });
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toMatchObject({ ok: true, id: 'inc-2020-03-03-8', file: '2020/incidents.yaml' });
    // The record file itself has no incident of that day: read without the cache, the first id is free.
    const plain = await runCli(
      ['add', 'incident', '--data', copyProject(SAMPLE), '--date', '2020-03-03', '--category', 'theft', '--json'],
      { env: { ...env, BORGERMODE_NO_CACHE: '1' } },
    );
    expect(JSON.parse(plain.stdout)).toMatchObject({ ok: true, id: 'inc-2020-03-03-1' });
  });

  it('add checks its change through the cache and leaves it true: validate from the cache says what a full check says', async () => {
    const root = copyProject(SAMPLE);
    const env = { BORGERMODE_NO_CACHE: undefined, XDG_CACHE_HOME: tempDir() };
    expect((await runCli(['validate', '--data', root, '--quiet'], { env })).exitCode).toBe(0);
    const added = await runCli(
      ['add', 'question', '--data', root, '--date', '2020-03-03', '--question', 'Hvornår?', '--meeting', 'mtg-nowhere'],
      { env },
    );
    expect(added.exitCode).toBe(1);
    expect(added.stderr).toMatch(/mtg-nowhere/);
    const ok = await runCli(['add', 'incident', '--data', root, '--date', '2020-03-03', '--category', 'theft'], { env });
    expect(ok.exitCode).toBe(0);
    expect(existsSync(join(root, '.borgermode', 'cache'))).toBe(true);
    const cached = await runCli(['validate', '--data', root, '--json'], { env });
    const full = await runCli(['validate', '--data', root, '--json', '--no-cache'], { env });
    expect(cached.stdout).toBe(full.stdout);
    expect(JSON.parse(cached.stdout)).toMatchObject({ ok: true });
  });
});
