import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../../src/load/cache.js';
import { MEMO_FILE } from '../../src/load/validate-memo.js';
import { sealed } from '../helpers/cache-seal.js';
import { runCli } from '../helpers/run-cli.js';
import { ROOT, tempDir } from '../helpers/temp-project.js';

// The cache of checked files (src/load/cache.ts): a run with it, cold or warm, prints the same
// bytes as a run without it, whatever the state of its entries. validate's memo of its whole
// result (test/load/validate-memo.test.ts) would answer before any entry is read, so it is
// removed before each run here: these runs read the entries.

const FIXTURES = join(ROOT, 'test', 'fixtures');
const CACHE_ON = { BORGERMODE_NO_CACHE: undefined };
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const entryPath = (project: string, file: string) => join(project, CACHE_DIR, `${sha256(file).slice(0, 32)}.json`);

/** A scratch copy of a fixture folder (or of another project folder). */
function copy(source: string): string {
  const dir = join(tempDir(), 'project');
  cpSync(source, dir, { recursive: true });
  return dir;
}

async function validate(project: string, cached: boolean, ...more: string[]) {
  if (existsSync(join(project, CACHE_DIR, MEMO_FILE))) rmSync(join(project, CACHE_DIR, MEMO_FILE));
  return runCli(['validate', '--data', project, ...more], { env: cached ? CACHE_ON : {} });
}

/** An entry rewritten with another body, under a header that is right for it in every other way (sealed with the key). */
function doctor(project: string, file: string, change: (body: Record<string, unknown>) => void): void {
  const [headerLine, bodyLine] = readFileSync(entryPath(project, file), 'utf8').split('\n') as [string, string];
  const body = JSON.parse(bodyLine) as Record<string, unknown>;
  change(body);
  const text = JSON.stringify(body);
  writeFileSync(entryPath(project, file), sealed(headerLine, text));
}

describe('the cache of checked files', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'borgermode.yaml')));

  it.each(fixtures)('gives the same diagnostics and exit code, cold and warm, as no cache: %s', async (fixture) => {
    const project = copy(join(FIXTURES, fixture));
    const plain = await validate(project, false, '--json');
    const text = await validate(project, false);
    expect(existsSync(join(project, CACHE_DIR))).toBe(false);
    for (const round of ['cold', 'warm']) {
      expect(await validate(project, true, '--json'), round).toEqual(plain);
      expect(await validate(project, true), round).toEqual(text);
    }
  });

  it('is read on a rerun: an entry that says otherwise is believed (so the cache is really used)', async () => {
    const project = copy(join(FIXTURES, 'valid'));
    const file = readdirSync(project).find((name) => name !== 'borgermode.yaml' && name.endsWith('.yaml'))!;
    expect((await validate(project, true)).exitCode).toBe(0);
    doctor(project, file, (body) => {
      (body.findings as unknown[]).push({ file, path: [], target: 'value', severity: 'error', code: 'binary', params: {} });
    });
    const rerun = await validate(project, true, '--lang', 'en');
    expect(rerun.exitCode).toBe(1);
    expect(rerun.stderr).toContain(`${file}:1:1 error expected a YAML text file, found binary content`);
  });

  it('keeps the personal-data findings of borgermode.yaml in an entry of its own: believed on a rerun, a miss when the file changes', async () => {
    const project = copy(join(FIXTURES, 'hostile-personal-data'));
    const plain = await validate(project, false, '--lang', 'en');
    expect((await validate(project, true)).exitCode).toBe(0);
    doctor(project, 'borgermode.yaml', (body) => {
      (body.personalData as { params: { data: string[] } }[])[0]!.params.data = ['email'];
    });
    const rerun = await validate(project, true, '--lang', 'en');
    expect(rerun.stderr).toMatch(/^borgermode\.yaml:3:8 warning field "title" looks like it holds an e-mail address;/m);
    // Changed (a comment): checked again, as without the cache.
    writeFileSync(join(project, 'borgermode.yaml'), `${readFileSync(join(project, 'borgermode.yaml'), 'utf8')}# changed\n`);
    const changed = await validate(project, true, '--lang', 'en');
    expect(changed.stderr).toMatch(/^borgermode\.yaml:3:8 warning field "title" looks like it holds a phone number;/m);
    expect(changed.stderr).toBe(plain.stderr);
  });

  it('keeps its folder out of git and away from backups, and holds one entry per record file, one of borgermode.yaml (and the memo)', async () => {
    const project = copy(join(ROOT, 'data'));
    await validate(project, true);
    const folder = join(project, CACHE_DIR);
    expect(readFileSync(join(folder, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(readFileSync(join(folder, 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55/);
    const recordFiles = readdirSync(project, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml') && f !== 'borgermode.yaml' && !f.startsWith('.'));
    const entries = [...recordFiles, 'borgermode.yaml'].map((f) => `${sha256(f.split('\\').join('/')).slice(0, 32)}.json`);
    expect(
      readdirSync(folder)
        .filter((n) => n.endsWith('.json'))
        .sort(),
    ).toEqual(entries.sort());
    expect(existsSync(join(folder, MEMO_FILE))).toBe(true);
    // A record file that is gone takes its entry with it; report tidies too, and leaves validate's memo.
    rmSync(join(project, 'meetings.yaml'));
    await validate(project, true);
    expect(existsSync(entryPath(project, 'meetings.yaml'))).toBe(false);
    rmSync(join(project, '2018', 'activities.yaml'));
    await runCli(['report', '--data', project, '--quiet'], { env: CACHE_ON });
    expect(existsSync(entryPath(project, '2018/activities.yaml'))).toBe(false);
    expect(existsSync(join(folder, MEMO_FILE))).toBe(true);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
    ['not JSON', () => 'hello\nworld'],
    ['of another format', (text: string) => text.replace('"format":1', '"format":0')],
    ['of another build of borgermode', (text: string) => text.replace(/"tool":"[^"]*"/, '"tool":"0.0.0+other"')],
    ['failing its checksum', (text: string) => text.replace('"findings":[]', '"findings":[{}]')],
  ])('reads an entry that is %s as a miss, and writes it anew', async (_name, spoil) => {
    const project = copy(join(ROOT, 'data'));
    const expected = await validate(project, false);
    await validate(project, true);
    const entry = entryPath(project, '2019/incidents.yaml');
    const good = readFileSync(entry, 'utf8');
    writeFileSync(entry, spoil(good));
    expect(await validate(project, true)).toEqual(expected);
    expect(readFileSync(entry, 'utf8')).toBe(good);
  });

  it('reads the entry of another file, or of other bytes, under this name as a miss', async () => {
    const project = copy(join(ROOT, 'data'));
    const expected = await runCli(['report', '--data', project, '--quarter', '2019-Q2'], { env: {} });
    await validate(project, true);
    // Right name, wrong content: another file's entry (with a valid checksum) copied over this one.
    writeFileSync(entryPath(project, '2019/incidents.yaml'), readFileSync(entryPath(project, '2018/incidents.yaml')));
    expect(await runCli(['report', '--data', project, '--quarter', '2019-Q2'], { env: CACHE_ON })).toEqual(expected);
  });

  it('sees a changed record file', async () => {
    const project = copy(join(ROOT, 'data'));
    await validate(project, true);
    const file = join(project, '2019', 'incidents.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/category: theft/, 'category: thfet'));
    const expected = await validate(project, false, '--lang', 'en');
    expect(expected.exitCode).toBe(1);
    expect(expected.stderr).toContain('unknown category "thfet" (did you mean "theft"?)');
    expect(await validate(project, true, '--lang', 'en')).toEqual(expected);
  });

  it('runs the cross-record rules again: a changed borgermode.yaml is seen with every entry warm', async () => {
    const project = copy(join(ROOT, 'data'));
    expect((await validate(project, true)).exitCode).toBe(0);
    const settings = join(project, 'borgermode.yaml');
    const original = readFileSync(settings, 'utf8');
    // A zone taken away; then a second area, which makes `area` required in every record.
    for (const [change, finding] of [
      [
        original.replace('zones: [Blok 1-4, Blok 5-9, Centret, P-pladser]', 'zones: [Blok 1-4, Blok 5-9, P-pladser]'),
        'unknown zone "Centret"',
      ],
      [original.replace('\nprivacy:', '  - id: nabo\n    name: Naboparken\n\nprivacy:'), 'missing field "area"'],
    ] as const) {
      writeFileSync(settings, change);
      const expected = await validate(project, false, '--lang', 'en');
      expect(expected.stderr).toContain(finding);
      expect(await validate(project, true, '--lang', 'en')).toEqual(expected);
    }
  });

  it('builds the same site, cold and warm, as without it', async () => {
    const project = copy(join(ROOT, 'data'));
    const site = (name: string) => join(project, '..', name);
    await runCli(['build', '--data', project, '--out', site('plain'), '--quiet'], { env: {} });
    for (const name of ['cold', 'warm']) {
      expect((await runCli(['build', '--data', project, '--out', site(name), '--quiet'], { env: CACHE_ON })).exitCode).toBe(0);
      const files = readdirSync(site('plain'), { recursive: true }).map(String).sort();
      expect(readdirSync(site(name), { recursive: true }).map(String).sort()).toEqual(files);
      for (const f of files.filter((f) => f.includes('.')))
        expect(readFileSync(join(site(name), f)).equals(readFileSync(join(site('plain'), f))), f).toBe(true);
    }
  });

  it('never fails a command when it cannot be written: the command runs without it', async () => {
    const project = copy(join(ROOT, 'data'));
    const expected = await validate(project, false);
    mkdirSync(join(project, '.borgermode'));
    writeFileSync(join(project, CACHE_DIR), 'a file where the folder would be');
    expect(await validate(project, true)).toEqual(expected);
    expect(await validate(project, true)).toEqual(expected);
  });

  // .inf and .nan are outside every number's range (model/schema.ts NUMBER_RANGES); -0.0 is a valid 0 hours.
  it('does not keep values that JSON cannot give back exactly (-0)', async () => {
    const project = copy(join(FIXTURES, 'valid'));
    writeFileSync(
      join(project, 'odd.yaml'),
      'activities:\n  - {id: odd-1, date: 2020-02-01, kind: patrol, title: Patrulje, hours: -0.0, participants: -0}\n',
    );
    const expected = await validate(project, false, '--json');
    expect(await validate(project, true, '--json')).toEqual(expected);
    expect(existsSync(entryPath(project, 'odd.yaml'))).toBe(false);
    expect(await validate(project, true, '--json')).toEqual(expected);
  });

  it('is off with --no-cache or BORGERMODE_NO_CACHE, and for the bundled sample', async () => {
    const project = copy(join(FIXTURES, 'valid'));
    await runCli(['validate', '--data', project, '--no-cache'], { env: CACHE_ON });
    await runCli(['validate', '--data', project], { env: { BORGERMODE_NO_CACHE: '1' } });
    expect(existsSync(join(project, '.borgermode'))).toBe(false);
    const outside = tempDir();
    expect((await runCli(['validate', '--sample', '--quiet'], { cwd: outside, env: CACHE_ON })).exitCode).toBe(0);
    expect(existsSync(join(ROOT, 'data', '.borgermode'))).toBe(false);
  });
});

// Entries and the memo are ASCII JSON (cache.ts exactJson, bodyText): JSON.parse reads one-byte text faster.
describe('the bodies of entries and the memo', () => {
  it('are ASCII, every other character escaped, and give back the same text', async () => {
    const { bodyText, exactJson } = await import('../../src/load/cache.js');
    const value = { summary: 'Indbrud i kælderrum på Ærøvej – “igen” 🚲', n: 1 };
    const json = exactJson(value)!;
    expect(/^[\u0000-\u007f]*$/.test(json)).toBe(true);
    expect(json).toContain('k\\u00e6lderrum');
    expect(JSON.parse(bodyText(Buffer.from(json, 'latin1')))).toEqual(value);
    // A body written before (UTF-8, by hand or by an older build) still reads.
    expect(JSON.parse(bodyText(Buffer.from(JSON.stringify(value), 'utf8')))).toEqual(value);
  });

  it('are ASCII in a project with Danish text: every entry file of the sample', async () => {
    const project = join(tempDir(), 'project');
    cpSync(join(ROOT, 'data'), project, { recursive: true });
    const env = { BORGERMODE_NO_CACHE: undefined, XDG_CACHE_HOME: join(project, '..', 'cache-home') };
    expect((await runCli(['validate', '--data', project, '--quiet'], { env })).exitCode).toBe(0);
    const dir = join(project, CACHE_DIR);
    const bodies = readdirSync(dir)
      .filter((name) => name.endsWith('.json') || name === MEMO_FILE)
      .map((name) => readFileSync(join(dir, name)));
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body.every((byte) => byte < 0x80)).toBe(true);
  });
});
