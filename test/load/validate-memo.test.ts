import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CACHE_DIR } from '../../src/load/cache.js';
import { MEMO_FILE } from '../../src/load/validate-memo.js';
import { sealed } from '../helpers/cache-seal.js';
import { type Env, runBin, runCli } from '../helpers/run-cli.js';
import { ROOT, snapshot, tempDir } from '../helpers/temp-project.js';

// The memo of validate's whole result (src/load/validate-memo.ts): a rerun on unchanged inputs
// prints the same bytes, with the same exit code, as a run without any cache, in every language
// and format, without reading a cache entry, checking a file or running a rule; any change of an
// input, and any fault in the memo, is a miss that gives the right output and writes it anew.

// What a run did, counted by wrappers around the loader's parts (which they pass through unchanged).
const work = vi.hoisted(() => ({ entriesRead: 0, checkersOpened: 0, filesChecked: 0, rulesRun: 0 }));

vi.mock('../../src/load/cache.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/cache.js')>();
  return {
    ...original,
    openRecordCache: async (...args: Parameters<typeof original.openRecordCache>) => {
      const cache = await original.openRecordCache(...args);
      return {
        ...cache,
        get: (file: string, source: string) => {
          work.entriesRead++;
          return cache.get(file, source);
        },
      };
    },
  };
});

vi.mock('../../src/load/check-files.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/check-files.js')>();
  return {
    ...original,
    openFileChecker: async (...args: Parameters<typeof original.openFileChecker>) => {
      work.checkersOpened++;
      const checker = await original.openFileChecker(...args);
      return {
        ...checker,
        check: (file: string, bytes: Uint8Array) => {
          work.filesChecked++;
          return checker.check(file, bytes);
        },
      };
    },
  };
});

vi.mock('../../src/load/rules.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/rules.js')>();
  return {
    ...original,
    runRules: (...args: Parameters<typeof original.runRules>) => {
      work.rulesRun++;
      return original.runRules(...args);
    },
  };
});

const FIXTURES = join(ROOT, 'test', 'fixtures');
const CACHE_ON: Env = { BORGERMODE_NO_CACHE: undefined };
const NOTHING_DONE = { entriesRead: 0, checkersOpened: 0, filesChecked: 0, rulesRun: 0 };
/** A run that goes on to the rules also reads the entry of borgermode.yaml (its personal-data findings). */
const SETTINGS_ENTRY = 1;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const memoPath = (project: string) => join(project, CACHE_DIR, MEMO_FILE);
const entryPath = (project: string, file: string) => join(project, CACHE_DIR, `${sha256(file).slice(0, 32)}.json`);

function copy(source: string): string {
  const dir = join(tempDir(), 'project');
  cpSync(source, dir, { recursive: true });
  return dir;
}

function recordFiles(project: string): string[] {
  return readdirSync(project, { recursive: true })
    .map((f) => String(f).split('\\').join('/'))
    .filter((f) => /\.ya?ml$/i.test(f) && f !== 'borgermode.yaml' && !f.split('/').some((part) => part.startsWith('.')))
    .sort();
}

beforeEach(() => {
  Object.assign(work, NOTHING_DONE);
});

/** validate with the cache on (the memo's, and the entries'), and what it did. */
async function validate(project: string, args: readonly string[] = [], env: Env = {}) {
  Object.assign(work, NOTHING_DONE);
  const result = await runCli(['validate', '--data', project, ...args], { env: { ...CACHE_ON, ...env } });
  return { result, work: { ...work } };
}

/** A cold run, then a rerun that is a hit: the memo is in play before the change a test makes. */
async function warmUp(project: string, args: readonly string[] = [], env: Env = {}): Promise<void> {
  await validate(project, args, env);
  expect((await validate(project, args, env)).work, 'the rerun before the change').toEqual(NOTHING_DONE);
}

/** The same run without any cache: what every run must print. */
async function uncached(project: string, args: readonly string[] = [], env: Env = {}) {
  return runCli(['validate', '--data', project, '--no-cache', ...args], { env: { ...CACHE_ON, ...env } });
}

/** The memo rewritten with another body, under a header that is right for it in every other way (sealed with the key). */
function doctor(project: string, change: (body: { result: { ok: boolean; findings: unknown[] } }) => void): void {
  const text = readFileSync(memoPath(project), 'utf8');
  const newline = text.indexOf('\n');
  const body = JSON.parse(text.slice(newline + 1)) as { result: { ok: boolean; findings: unknown[] } };
  change(body);
  const json = JSON.stringify(body);
  writeFileSync(memoPath(project), sealed(text.slice(0, newline), json, { memo: true }));
}

// Every way of printing: none of validate's options changes which findings there are.
const PRINTINGS: { name: string; args: string[]; env?: Env }[] = [
  { name: 'da', args: [] },
  { name: 'en', args: ['--lang', 'en'] },
  { name: 'json', args: ['--json'] },
  { name: 'json en', args: ['--json', '--lang', 'en'] },
  { name: 'quiet', args: ['--quiet'] },
  { name: 'no colour', args: ['--no-color', '--lang', 'en'] },
  { name: 'GitHub annotations', args: [], env: { GITHUB_ACTIONS: 'true' } },
];

describe("the memo of validate's result", () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'borgermode.yaml')));
  const projects = [...fixtures.map((name) => [name, join(FIXTURES, name)]), ['the sample data/', join(ROOT, 'data')]];

  it.each(projects)(
    'prints, from a hit, the same bytes and exit code as a run without cache, in every language and format: %s',
    async (_name, source) => {
      const project = copy(source);
      const expected = await Promise.all(PRINTINGS.map(({ args, env }) => uncached(project, args, env)));
      expect(existsSync(join(project, CACHE_DIR))).toBe(false);

      const cold = await validate(project);
      expect(cold.result).toEqual(expected[0]);
      expect(cold.work.filesChecked).toBe(recordFiles(project).length);
      expect(existsSync(memoPath(project))).toBe(true);

      for (const [index, { name, args, env }] of PRINTINGS.entries()) {
        const warm = await validate(project, args, env);
        expect(warm.result, name).toEqual(expected[index]);
        expect(warm.work, name).toEqual(NOTHING_DONE);
      }
    },
  );

  it('answers from the memo on a hit: a memo that says otherwise is believed', async () => {
    const project = copy(join(FIXTURES, 'valid'));
    expect((await validate(project)).result.exitCode).toBe(0);
    doctor(project, (body) => {
      body.result.ok = false;
      body.result.findings.push({ file: 'incidents.yaml', line: 3, column: 5, severity: 'error', code: 'binary', params: {} });
    });
    const { result, work: done } = await validate(project, ['--lang', 'en']);
    expect(done).toEqual(NOTHING_DONE);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('incidents.yaml:3:5 error expected a YAML text file, found binary content');
  });

  it('reruns on a changed record file: the entries of the others, one file checked, the rules; then hits again', async () => {
    const project = copy(join(ROOT, 'data'));
    await warmUp(project);
    const file = join(project, '2019', 'incidents.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/category: theft/, 'category: thfet'));
    const expected = await uncached(project, ['--lang', 'en']);
    expect(expected.stderr).toContain('unknown category "thfet" (did you mean "theft"?)');

    const miss = await validate(project, ['--lang', 'en']);
    expect(miss.result).toEqual(expected);
    const files = recordFiles(project).length;
    expect(miss.work).toEqual({ entriesRead: files + SETTINGS_ENTRY, checkersOpened: 1, filesChecked: 1, rulesRun: 1 });

    const hit = await validate(project, ['--lang', 'en']);
    expect(hit.result).toEqual(expected);
    expect(hit.work).toEqual(NOTHING_DONE);
  });

  it('reads again a file it let go when the memo missed further on and the file has no entry', async () => {
    const project = copy(join(ROOT, 'data'));
    await warmUp(project);
    const files = recordFiles(project);
    // The first file matches the memo (and is let go); its entry is gone; the last file has changed.
    rmSync(entryPath(project, files[0]!));
    const last = join(project, files.at(-1)!);
    writeFileSync(last, `${readFileSync(last, 'utf8')}\n# a comment\n`);
    const miss = await validate(project);
    expect(miss.result).toEqual(await uncached(project));
    expect(miss.work).toMatchObject({ entriesRead: files.length + SETTINGS_ENTRY, filesChecked: 2, rulesRun: 1 });
    expect(existsSync(entryPath(project, files[0]!))).toBe(true);
    expect((await validate(project)).work).toEqual(NOTHING_DONE);
  });

  it('reruns on a record file added, removed or renamed', async () => {
    const project = copy(join(FIXTURES, 'many-problems'));
    await warmUp(project, ['--lang', 'en']);
    // Last in the list of files: the memo has one file fewer, every other one as it was.
    writeFileSync(join(project, 'zz-extra.yaml'), 'incidents:\n  - {id: inc-2020-01-02-1, date: 2020-01-02, category: thfet, count: 1}\n');
    const added = await validate(project, ['--lang', 'en']);
    expect(added.result).toEqual(await uncached(project, ['--lang', 'en']));
    expect(added.result.stderr).toMatch(/^zz-extra\.yaml:2:\d+ error unknown category "thfet"/m);
    expect(added.work.rulesRun).toBe(1);
    rmSync(join(project, 'zz-extra.yaml'));
    const removed = await validate(project, ['--lang', 'en']);
    expect(removed.result).toEqual(await uncached(project, ['--lang', 'en']));
    expect(removed.result.stderr).not.toContain('zz-extra.yaml');
    expect(removed.work.rulesRun).toBe(1);
    // The same bytes under another name, in the same place in the list: only the path differs.
    renameSync(join(project, 'meetings.yaml'), join(project, 'meetings2.yaml'));
    const renamed = await validate(project, ['--lang', 'en']);
    expect(renamed.result).toEqual(await uncached(project, ['--lang', 'en']));
    expect(renamed.result.stderr).toMatch(/^meetings2\.yaml:/m);
    expect(renamed.work.rulesRun).toBe(1);
  });

  it('reruns the rules on a changed borgermode.yaml, every file from its entry', async () => {
    const project = copy(join(ROOT, 'data'));
    await warmUp(project);
    const settings = join(project, 'borgermode.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace('zones: [Blok 1-4, Blok 5-9, Centret, P-pladser]', 'zones: [Blok 1-4, Blok 5-9, P-pladser]'),
    );
    const expected = await uncached(project, ['--lang', 'en']);
    expect(expected.stderr).toContain('unknown zone "Centret"');
    const miss = await validate(project, ['--lang', 'en']);
    expect(miss.result).toEqual(expected);
    expect(miss.work).toEqual({
      entriesRead: recordFiles(project).length + SETTINGS_ENTRY,
      checkersOpened: 0,
      filesChecked: 0,
      rulesRun: 1,
    });
    // A change that changes no finding (a comment) is still another input.
    writeFileSync(settings, `${readFileSync(settings, 'utf8')}\n# a comment\n`);
    expect((await validate(project, ['--lang', 'en'])).work.rulesRun).toBe(1);
  });

  it('reruns on another day (BORGERMODE_TODAY): the date rules judge against it', async () => {
    const project = copy(join(FIXTURES, 'done-in-future'));
    const before = { BORGERMODE_TODAY: '2020-04-20' };
    const after = { BORGERMODE_TODAY: '2020-08-01' };
    const early = await uncached(project, ['--lang', 'en'], before);
    const late = await uncached(project, ['--lang', 'en'], after);
    expect(early.stderr).toContain('warning');
    expect(late.stderr).not.toContain('warning');
    await warmUp(project, ['--lang', 'en'], before);
    const miss = await validate(project, ['--lang', 'en'], after);
    expect(miss.result).toEqual(late);
    expect(miss.work.rulesRun).toBe(1);
    expect((await validate(project, ['--lang', 'en'], after)).work).toEqual(NOTHING_DONE);
    const back = await validate(project, ['--lang', 'en'], before);
    expect(back.result).toEqual(early);
    expect(back.work.rulesRun).toBe(1);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
    ['not JSON', () => 'hello\nworld'],
    ['without its header', (text: string) => text.slice(text.indexOf('\n') + 1)],
    ['of another format', (text: string) => text.replace(/"format":\d+/, '"format":0')],
    ['of another build of borgermode', (text: string) => text.replace(/"tool":"[^"]*"/, '"tool":"0.0.0+other"')],
    [
      'edited (failing its seal)',
      (text: string) => text.replace('"findings":[', '"findings":[{"file":"x.yaml","severity":"error","code":"binary","params":{}},'),
    ],
    ['for another day (a header and body made for it)', (text: string) => text.replace(/"today":"[^"]*"/, '"today":"2020-04-21"')],
  ])('reads a memo that is %s as a miss, prints the right result and writes it anew', async (name, spoil) => {
    const project = copy(join(FIXTURES, 'many-problems'));
    const expected = await uncached(project);
    await warmUp(project);
    const good = readFileSync(memoPath(project), 'utf8');
    let spoilt = spoil(good);
    if (name.startsWith('for another day')) {
      // Sealed right for the edited body: only the key (of the memo's inputs) tells it from a good memo.
      const newline = spoilt.indexOf('\n');
      spoilt = sealed(spoilt.slice(0, newline), spoilt.slice(newline + 1), { memo: true });
    }
    writeFileSync(memoPath(project), spoilt);
    const miss = await validate(project);
    expect(miss.result).toEqual(expected);
    expect(miss.result.exitCode).toBe(1);
    expect(miss.work.rulesRun).toBe(1);
    expect(readFileSync(memoPath(project), 'utf8')).toBe(good);
  });

  it("reads another file's cache entry copied over the memo as a miss", async () => {
    const project = copy(join(ROOT, 'data'));
    const expected = await uncached(project);
    await warmUp(project);
    writeFileSync(memoPath(project), readFileSync(entryPath(project, '2019/incidents.yaml')));
    const miss = await validate(project);
    expect(miss.result).toEqual(expected);
    expect(miss.work.rulesRun).toBe(1);
  });

  it('is neither read nor written with --no-cache or BORGERMODE_NO_CACHE', async () => {
    const project = copy(join(FIXTURES, 'valid'));
    const expected = await uncached(project);
    await validate(project);
    doctor(project, (body) => {
      body.result.findings.push({ file: 'incidents.yaml', line: 1, column: 1, severity: 'warning', code: 'binary', params: {} });
    });
    const doctored = readFileSync(memoPath(project), 'utf8');
    for (const run of [() => validate(project, ['--no-cache']), () => validate(project, [], { BORGERMODE_NO_CACHE: '1' })]) {
      const { result, work: done } = await run();
      expect(result).toEqual(expected);
      expect(done.filesChecked).toBe(recordFiles(project).length);
      expect(readFileSync(memoPath(project), 'utf8')).toBe(doctored);
    }
  });

  it('never fails validate when it cannot be written or read: the run goes on without it', async () => {
    const project = copy(join(ROOT, 'data'));
    const expected = await uncached(project);
    // The cache folder is a file.
    mkdirSync(join(project, '.borgermode'));
    writeFileSync(join(project, CACHE_DIR), 'a file where the folder would be');
    for (const round of ['cold', 'again']) {
      const run = await validate(project);
      expect(run.result, round).toEqual(expected);
      expect(run.work.rulesRun, round).toBe(1);
    }
    // The memo's name is a folder.
    rmSync(join(project, '.borgermode'), { recursive: true });
    mkdirSync(memoPath(project), { recursive: true });
    for (const round of ['cold', 'again']) {
      const run = await validate(project);
      expect(run.result, round).toEqual(expected);
      expect(run.work.rulesRun, round).toBe(1);
    }
    // Once it can be written, it is.
    rmSync(memoPath(project), { recursive: true });
    await warmUp(project);
  });

  it('is left alone by report and compare, which keep the entries warm', async () => {
    const project = copy(join(ROOT, 'data'));
    await validate(project);
    const memo = statSync(memoPath(project));
    await runCli(['report', '--data', project, '--quiet'], { env: CACHE_ON });
    await runCli(['compare', '--data', project, '--quiet'], { env: CACHE_ON });
    expect(statSync(memoPath(project)).mtimeMs).toBe(memo.mtimeMs);
    expect((await validate(project)).work).toEqual(NOTHING_DONE);
    // validate's hit reads no entry, but the entries are there for report.
    Object.assign(work, NOTHING_DONE);
    await runCli(['report', '--data', project, '--quiet'], { env: CACHE_ON });
    expect(work).toMatchObject({ entriesRead: recordFiles(project).length + SETTINGS_ENTRY, filesChecked: 0 });
  });

  it("is never written into the bundled sample's cache, which is only read", async () => {
    const sampleCache = join(ROOT, 'dist', 'sample-cache');
    const before = snapshot(sampleCache);
    const outside = tempDir();
    for (const round of ['first', 'again']) {
      const run = await runBin(['validate', '--sample', '--lang', 'en'], {
        cwd: outside,
        env: { ...CACHE_ON, BORGERMODE_TODAY: undefined },
      });
      expect(run.exitCode, round).toBe(0);
    }
    expect(snapshot(sampleCache)).toEqual(before);
    expect(existsSync(join(sampleCache, MEMO_FILE))).toBe(false);
  });

  it('works in the bundle: the real bin hits on a rerun (the memo is not written again) and prints the same bytes', async () => {
    const project = copy(join(FIXTURES, 'many-problems'));
    const expected = await runBin(['validate', '--data', project, '--lang', 'en'], { env: CACHE_ON });
    const written = statSync(memoPath(project));
    for (const args of [['--lang', 'en'], ['--json']]) {
      const plain = await runBin(['validate', '--data', project, '--no-cache', ...args]);
      expect(await runBin(['validate', '--data', project, ...args], { env: CACHE_ON })).toEqual(plain);
    }
    expect(expected.exitCode).toBe(1);
    const after = statSync(memoPath(project));
    // write-file-atomic renames a new file into place: a rewrite would change the inode.
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
  });
});
