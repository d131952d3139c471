import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProjectFiles } from '../../src/load/list-files.js';
import { runCli } from '../helpers/run-cli.js';

// src/load/list-files.ts (docs/data-format.md): a link inside the project is read as what it points
// to, once; one out of the project, to nothing, into its own folder or to what is read already is said.
const work = mkdtempSync(join(tmpdir(), 'borgermode-links-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SAMPLE = join(import.meta.dirname, '../../data');

function project(): string {
  const root = mkdtempSync(join(work, 'p-'));
  writeFileSync(join(root, 'borgermode.yaml'), 'areas:\n  - { id: a, name: A }\n');
  mkdirSync(join(root, '2020'));
  writeFileSync(join(root, '2020', 'incidents.yaml'), 'incidents: []\n');
  return root;
}

describe('listProjectFiles', () => {
  it('reads a link to a folder or file inside the project as that folder or file, by the link’s path when nothing else reaches it', async () => {
    const root = project();
    mkdirSync(join(root, '.archive', '2019'), { recursive: true });
    writeFileSync(join(root, '.archive', '2019', 'incidents.yaml'), 'incidents: []\n');
    writeFileSync(join(root, '.archive', 'questions.yaml'), 'questions: []\n');
    symlinkSync(join(root, '.archive', '2019'), join(root, '2019'));
    symlinkSync(join('.archive', 'questions.yaml'), join(root, 'questions.yaml'));
    expect(await listProjectFiles(root)).toEqual({ files: ['2019/incidents.yaml', '2020/incidents.yaml', 'questions.yaml'], skipped: [] });
  });

  it.each([
    [
      'out of the project',
      (root: string) => symlinkSync(join(work, 'elsewhere.yaml'), join(root, 'shared.yaml')),
      'shared.yaml',
      'outside',
    ],
    ['to nothing', (root: string) => symlinkSync(join(root, 'gone.yaml'), join(root, 'dangling.yaml')), 'dangling.yaml', 'dangling'],
    ['into a folder it lies in (a loop)', (root: string) => symlinkSync(root, join(root, '2020', 'back')), '2020/back', 'loop'],
    ['to the project itself', (root: string) => symlinkSync('.', join(root, 'here')), 'here', 'loop'],
    ['to a folder read already', (root: string) => symlinkSync('2020', join(root, 'current')), 'current', 'duplicate'],
    [
      'to a file read already',
      (root: string) => symlinkSync(join('2020', 'incidents.yaml'), join(root, 'latest.yaml')),
      'latest.yaml',
      'duplicate',
    ],
  ])('says so of a link %s, and reads the rest', async (_, make, path, reason) => {
    writeFileSync(join(work, 'elsewhere.yaml'), 'questions: []\n');
    const root = project();
    make(root);
    expect(await listProjectFiles(root)).toEqual({ files: ['2020/incidents.yaml'], skipped: [{ path, reason }] });
  });

  it('ignores a link to a file that is no record file (there or not), and hidden links', async () => {
    const root = project();
    writeFileSync(join(work, 'notes.txt'), 'mine\n');
    symlinkSync(join(work, 'gone.txt'), join(root, 'gone.txt'));
    symlinkSync(join(work, 'notes.txt'), join(root, 'notes.txt'));
    symlinkSync(join(work, 'elsewhere.yaml'), join(root, '.hidden.yaml'));
    expect(await listProjectFiles(root)).toEqual({ files: ['2020/incidents.yaml'], skipped: [] });
  });
});

describe('links through the commands', () => {
  it('validate warns at a link it does not read (file:1:1), and exits 0', async () => {
    const root = project();
    symlinkSync(join(work, 'elsewhere.yaml'), join(root, 'shared.yaml'));
    const result = await runCli(['validate', '--data', root]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      'shared.yaml:1:1 warning et symbolsk link, der ikke læses: det peger uden for projektet; læg filen i projektet, eller fjern linket\n',
    );
  });

  it('add never replaces a link it does not read with a new file: exit 2, the shared file untouched', async () => {
    const root = join(mkdtempSync(join(work, 's-')), 'project');
    cpSync(SAMPLE, root, { recursive: true });
    const shared = join(work, 'shared-questions.yaml');
    cpSync(join(root, 'questions.yaml'), shared);
    rmSync(join(root, 'questions.yaml'));
    symlinkSync(shared, join(root, 'questions.yaml'));
    const before = readFileSync(shared, 'utf8');
    const result = await runCli([
      'add',
      'question',
      '--data',
      root,
      '--date',
      '2020-04-10',
      '--owner',
      'police',
      '--question',
      'Hvornår kommer lyset?',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      `borgermode: kan ikke skrive filen ${join(root, 'questions.yaml')}: der ligger allerede noget, som ikke læses`,
    );
    expect(readFileSync(shared, 'utf8')).toBe(before);
  });

  it('add into a record file that is a link inside the project writes the file it points to, whole', async () => {
    const root = join(mkdtempSync(join(work, 's-')), 'project');
    cpSync(SAMPLE, root, { recursive: true });
    mkdirSync(join(root, '.shared'));
    cpSync(join(root, 'questions.yaml'), join(root, '.shared', 'questions.yaml'));
    rmSync(join(root, 'questions.yaml'));
    symlinkSync(join('.shared', 'questions.yaml'), join(root, 'questions.yaml'));
    const count = (text: string) => text.match(/^ {2}- id:/gm)?.length ?? 0;
    const before = count(readFileSync(join(root, '.shared', 'questions.yaml'), 'utf8'));
    const result = await runCli([
      'add',
      'question',
      '--data',
      root,
      '--date',
      '2020-04-10',
      '--owner',
      'police',
      '--question',
      'Hvornår kommer lyset?',
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(count(readFileSync(join(root, '.shared', 'questions.yaml'), 'utf8'))).toBe(before + 1);
    expect(readFileSync(join(root, 'questions.yaml'), 'utf8')).toContain('Hvornår kommer lyset?');
  });
});
