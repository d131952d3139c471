import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { areaIdOf } from '../../src/model/area-id.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { CTRL_C, ENTER, runOnTerminal, scriptedPrompts } from '../helpers/scripted-prompts.js';
import { changedFiles, copyProject, ROOT, SAMPLE, snapshot, tempDir } from '../helpers/temp-project.js';

// `borgermode init [DIR]`: a project that validates at once, with comments that explain it and
// the editor schemas it points at; an existing project is never touched.

const FILES = ['.borgermode/schema/borgermode.schema.json', '.borgermode/schema/records.schema.json', 'borgermode.yaml', 'example.yaml'];
const settingsOf = (dir: string) =>
  jsYaml.load(readFileSync(join(dir, 'borgermode.yaml'), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as Record<string, unknown>;

describe('init', () => {
  it('--yes writes a project that validates cleanly, with modelines and the committed schemas', async () => {
    const dir = join(tempDir(), 'ny');
    const result = await runCli(['init', dir, '--yes']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(
      /^Oprettede et projekt i .*ny med \.borgermode\/schema\/borgermode\.schema\.json, \.borgermode\/schema\/records\.schema\.json, borgermode\.yaml og example\.yaml\nMødeoplægget har ingen kontakter og intet fast mødested, før du fjerner "# " foran meeting: og contacts: i borgermode\.yaml og udfylder dem\.\nNæste skridt: borgermode add incident/,
    );
    expect([...snapshot(dir).keys()].sort()).toEqual(FILES);
    const settings = readFileSync(join(dir, 'borgermode.yaml'), 'utf8');
    expect(settings.split('\n')[0]).toBe('# yaml-language-server: $schema=.borgermode/schema/borgermode.schema.json');
    expect(readFileSync(join(dir, 'example.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=.borgermode/schema/records.schema.json',
    );
    // The example holds comments only: an empty record file.
    expect(jsYaml.load(readFileSync(join(dir, 'example.yaml'), 'utf8'))).toBeNull();
    expect(settingsOf(dir)).toEqual({
      title: 'Tryghed i Mit boligområde',
      language: 'da',
      areas: [{ id: 'mit-boligomraade', name: 'Mit boligområde' }],
      privacy: { min_count: 5 },
    });
    for (const name of ['borgermode.schema.json', 'records.schema.json']) {
      expect(readFileSync(join(dir, '.borgermode/schema', name), 'utf8')).toBe(readFileSync(join(ROOT, 'schemas', name), 'utf8'));
    }
    // Valid, with the one thing validate says a brief would miss (issue 18, item 4).
    const validate = await runCli(['validate', '--data', dir]);
    expect(validate).toEqual({
      exitCode: 0,
      stdout: '',
      stderr:
        'borgermode.yaml:3:1 warning projektet har ingen kontakter, så mødeoplægget får intet afsnit "Kontakt"; tilføj mindst én under contacts: i borgermode.yaml (role, og gerne phone eller email)\n0 fejl, 1 advarsel\nOK: ingen fejl\n',
    });
  });

  it('names the working folder in words (issue 18: "Oprettede et projekt i .:" read as a typo)', async () => {
    const dir = tempDir();
    const result = await runCli(['init', '--yes'], { cwd: dir });
    expect(result.stderr).toMatch(/^Oprettede et projekt i denne mappe med \.borgermode\/schema\/borgermode\.schema\.json, /);
  });

  it.each(['da', 'en'] as const)(
    'writes the files the golden files hold (%s): borgermode.yaml and the example record file',
    async (language) => {
      const dir = tempDir();
      const result = await runCli(['init', '--name', 'Værebro Park', '--zones', 'Blok 1-4, Centret', '--language', language, '--quiet'], {
        cwd: dir,
        env: { BORGERMODE_TODAY: '2026-12-03' },
      });
      expect(result.exitCode).toBe(0);
      await expect(readFileSync(join(dir, 'borgermode.yaml'), 'utf8')).toMatchFileSnapshot(`../golden/init-borgermode.${language}.yaml`);
      await expect(readFileSync(join(dir, 'example.yaml'), 'utf8')).toMatchFileSnapshot(`../golden/init-example.${language}.yaml`);
    },
  );

  it('takes every answer as a flag, in English', async () => {
    const dir = tempDir();
    const result = await runCli(
      [
        'init',
        '--name',
        'Værebro Park',
        '--municipality',
        'Gladsaxe',
        '--police-district',
        'Københavns Vestegns Politi',
        '--residents',
        '2600',
        '--zones',
        'Blok 1-4, Centret, "P"',
        '--language',
        'en',
        '--min-count',
        '3',
        '--place',
        "Residents' house",
        '--contact-role',
        'Local police',
        '--contact-phone',
        '114',
        '--contact-email',
        'politi@example.dk',
        '--json',
      ],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, dir, files: FILES, diagnostics: [] });
    expect(settingsOf(dir)).toEqual({
      title: 'Safety in Værebro Park',
      language: 'en',
      areas: [
        {
          id: 'vaerebro-park',
          name: 'Værebro Park',
          municipality: 'Gladsaxe',
          police_district: 'Københavns Vestegns Politi',
          residents: 2600,
          zones: ['Blok 1-4', 'Centret', '"P"'],
        },
      ],
      privacy: { min_count: 3 },
      meeting: { place: "Residents' house" },
      contacts: [{ role: 'Local police', phone: '114', email: 'politi@example.dk' }],
    });
    expect(readFileSync(join(dir, 'borgermode.yaml'), 'utf8')).toContain('public output shows counts from 1 to 2 as "<3"');
    expect(readFileSync(join(dir, 'borgermode.yaml'), 'utf8')).toContain('    phone: "114"');
    expect((await runCli(['validate', '--data', dir])).stderr).toBe('OK: no problems found\n');
  });

  it('leaves an existing project untouched, says so and exits 1', async () => {
    const project = copyProject(SAMPLE);
    const before = snapshot(project);
    const mtime = statSync(join(project, 'borgermode.yaml')).mtimeMs;
    const result = await runCli(['init', '--yes'], { cwd: project });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'borgermode: der er allerede et projekt i . (borgermode.yaml); intet er ændret\n',
    });
    expect(changedFiles(before, snapshot(project))).toEqual([]);
    expect(statSync(join(project, 'borgermode.yaml')).mtimeMs).toBe(mtime);
  });

  it('refuses a folder inside a project: its files would be read as records there', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli(['init', 'sub', '--yes', '--lang', 'en'], { cwd: project });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `borgermode: sub is inside the project ${project}; a project cannot sit inside another, so nothing was changed\n`,
    );
    expect(existsSync(join(project, 'sub'))).toBe(false);
  });

  it('keeps an example.yaml that is already there', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'example.yaml'), '# mine\n');
    expect((await runCli(['init', '--yes'], { cwd: dir })).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'example.yaml'), 'utf8')).toBe('# mine\n');
  });

  it.each([
    [[], 'borgermode: mangler --name; angiv det som flag, f.eks. borgermode init --name "Værebro Park" (eller --yes)'],
    [['--yes', '--residents', 'mange'], 'borgermode: --residents: forventede et helt tal fra 0 til 10.000.000, fandt "mange"'],
    [['--yes', '--min-count', '0'], /^borgermode: --min-count: forventede et helt tal fra \d+ til [\d.]+, fandt 0$/m],
  ])('%j in a script is a usage error (exit 2), nothing written', async (args, message) => {
    const dir = tempDir();
    const result = await runCli(['init', ...args], { cwd: dir });
    expect(result.exitCode).toBe(2);
    if (typeof message === 'string') expect(result.stderr).toContain(message);
    else expect(result.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a file where the folder should be cannot be opened (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken'), '');
    const result = await runCli(['init', 'taken', '--yes'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^borgermode: kan ikke åbne mappen .*taken: det er ikke en mappe$/m);
  });
});

describe('init on a terminal', () => {
  it('asks for the area, the language and the threshold, checking each answer', async () => {
    const dir = tempDir();
    const script = scriptedPrompts([
      'Ærø Vænge',
      'Ærø',
      ENTER,
      '-4',
      '1200',
      'Gården, Blok 1-4',
      'Beboerhuset',
      'Lokalbetjentene på Ærø',
      '114',
      ENTER,
      'da',
      'fem',
      ENTER,
    ]);
    const result = await runOnTerminal(['init'], script, { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(script.left()).toBe(0);
    // Nothing lacks: no note about the brief.
    expect(result.stderr).not.toContain('Mødeoplægget har');
    expect(script.asked.map((q) => q.message)).toEqual([
      'Områdets navn',
      'Kommune (Enter for ingen)',
      'Politikreds (Enter for ingen)',
      'Antal beboere (giver tal pr. 1.000 beboere) (Enter for ingen)',
      'Zoner i området, adskilt med komma (f.eks. Blok 1-4, Centret) (Enter for ingen)',
      'Borgermødernes faste sted (f.eks. Beboerhuset) (Enter for ingen)',
      'En kontakt i mødeoplægget: rollen (f.eks. Lokalbetjentene i området) (Enter for ingen)',
      'Kontaktens telefon (et fælles nummer, ikke et privat) (Enter for ingen)',
      'Kontaktens e-mail (Enter for ingen)',
      'Sprog i mødeoplæg og meddelelser',
      'Mindste antal, der vises i offentlige udgaver (mindre tal vises som "<N")',
    ]);
    expect(script.asked[3]!.refused).toEqual(['forventede et helt tal fra 0 til 10.000.000']);
    // The threshold's own schema decides the smallest allowed (privacy may raise it).
    expect(script.asked[10]!.refused).toEqual([expect.stringMatching(/^forventede et helt tal fra \d+ til [\d.]+$/)]);
    expect(settingsOf(dir)).toEqual({
      title: 'Tryghed i Ærø Vænge',
      language: 'da',
      areas: [{ id: 'aeroe-vaenge', name: 'Ærø Vænge', municipality: 'Ærø', residents: 1200, zones: ['Gården', 'Blok 1-4'] }],
      privacy: { min_count: 5 },
      meeting: { place: 'Beboerhuset' },
      contacts: [{ role: 'Lokalbetjentene på Ærø', phone: '114' }],
    });
    expect((await runCli(['validate', '--data', dir])).stderr).toBe('OK: ingen problemer fundet\n');
  });

  it('without a contact asks for no phone or e-mail, and says what the brief lacks', async () => {
    const dir = tempDir();
    const script = scriptedPrompts(['Ærø Vænge', ENTER, ENTER, ENTER, ENTER, 'Beboerhuset', ENTER, 'da', ENTER]);
    const result = await runOnTerminal(['init'], script, { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(script.left()).toBe(0);
    expect(script.asked.map((q) => q.message)).not.toContain('Kontaktens telefon (et fælles nummer, ikke et privat) (Enter for ingen)');
    expect(result.stderr).toContain(
      '\nMødeoplægget har ingen kontakter, før du fjerner "# " foran contacts: i borgermode.yaml og udfylder dem.\n',
    );
    expect(settingsOf(dir)).toMatchObject({ meeting: { place: 'Beboerhuset' } });
    expect(settingsOf(dir)).not.toHaveProperty('contacts');
  });

  it('a contact phone or e-mail without its role is a usage error (exit 2), before anything is written', async () => {
    const dir = tempDir();
    const result = await runCli(['init', '--yes', '--contact-phone', '114'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'borgermode: --contact-phone og --contact-email hører til en kontakt: angiv også --contact-role, f.eks. --contact-role "Lokalbetjentene"\n',
    );
    expect(snapshot(dir).size).toBe(0);
  });

  it('Ctrl-C writes nothing and exits 130', async () => {
    const dir = join(tempDir(), 'ny');
    const result = await runOnTerminal(['init', dir], scriptedPrompts(['Ærø Vænge', CTRL_C]), { cwd: tempDir() });
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toBe('borgermode: afbrudt; intet er skrevet\n');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('a project made by init, through the real bin', () => {
  it('init, then add: the new record file points its editor at the project schemas', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'p'));
    expect((await runBin(['init', 'p', '--name', 'Værebro Park', '--zones', 'Centret'], { cwd: dir })).exitCode).toBe(0);
    const add = await runBin(['add', 'incident', '--date', '2020-03-02', '--category', 'theft', '--zone', 'Centret'], {
      cwd: join(dir, 'p'),
    });
    expect(add.stderr).toBe('Tilføjede inc-2020-03-02-1 i den nye fil 2020/incidents.yaml\n');
    expect(readFileSync(join(dir, 'p', '2020/incidents.yaml'), 'utf8')).toBe(
      '# yaml-language-server: $schema=../.borgermode/schema/records.schema.json\nincidents:\n  - id: inc-2020-03-02-1\n    date: 2020-03-02\n    category: theft\n    zone: Centret\n',
    );
    const meeting = await runBin(['add', 'meeting', '--date', '2020-03-10'], { cwd: join(dir, 'p') });
    expect(meeting.stderr).toBe('Tilføjede mtg-2020-03-10 i den nye fil meetings.yaml\n');
    expect(readFileSync(join(dir, 'p', 'meetings.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=.borgermode/schema/records.schema.json',
    );
  });
});

describe('areaIdOf', () => {
  it.each([
    ['Værebro Park', 'vaerebro-park'],
    ['Ærø Vænge', 'aeroe-vaenge'],
    ['Gellerupparken/Toveshøj', 'gellerupparken-toveshoej'],
    ['Café Åen', 'cafe-aaen'],
    ['!!!', 'area'],
  ])('%s → %s', (name, id) => {
    expect(areaIdOf(name)).toBe(id);
  });
});
