import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRecordCache } from '../../src/load/cache.js';
import { judgeProject, loadProject, type ProjectReading, readProject, withChanges } from '../../src/load/load-project.js';
import type { ProjectReader } from '../../src/load/project-reader.js';
import { changedFiles, copyProject, SAMPLE, snapshot, tempDir } from '../helpers/temp-project.js';

// src/load/load-project.ts: the overlay, through which add and answer check a change before it is written.
describe('loadProject with an overlay', () => {
  const now = new Date('2020-04-20T12:00:00Z');

  it('reads a changed file from the overlay, not the disk, and locates its findings in the overlay text', async () => {
    const root = copyProject(SAMPLE);
    const file = '2020/incidents.yaml';
    const text = `${readFileSync(join(root, file), 'utf8')}  - id: inc-overlay\n    date: 2020-02-03\n    category: violense\n`;
    const plain = await loadProject({ root, now });
    expect(plain.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const changed = await loadProject({ root, now, overlay: new Map([[file, text]]) });
    const error = changed.findings.find((f) => f.code === 'unknown-category')!;
    expect(error).toMatchObject({ file, line: text.split('\n').length - 1, column: 15 });
    expect(changed.dataset).toBeUndefined();
  });

  it('takes a path that is not on disk as a new record file, in path order', async () => {
    const root = copyProject(SAMPLE);
    const before = snapshot(root);
    const result = await loadProject({
      root,
      now,
      overlay: new Map([['2021/incidents.yaml', 'incidents:\n  - id: inc-new\n    date: 2020-04-01\n    category: theft\n']]),
    });
    expect(result.dataset!.incidents.map((i) => i.id)).toContain('inc-new');
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });
});

// The loader's pieces (load-project.ts): a reading (every file checked on its own), judged by the
// cross-record rules; a reading reused by the next; an injected reader; a change put in place.
describe('readProject, judgeProject and withChanges', () => {
  const now = new Date('2020-04-20T12:00:00Z');
  /** A finding no check makes: where it shows up, the file's check was taken from the reading that carried it. */
  const marker = { file: '2020/incidents.yaml', line: 1, column: 1, severity: 'warning', code: 'marker', params: {} } as const;
  const mark = (reading: ProjectReading, path: string) =>
    reading.files.find((file) => file.path === path)!.checked.findings.push({ ...marker, file: path });
  const marked = (result: { findings: { code: string; file: string }[] }) =>
    result.findings.filter((f) => f.code === 'marker').map((f) => f.file);

  it('a reading judged gives what loadProject gives', async () => {
    const root = copyProject(SAMPLE);
    const judged = await judgeProject(await readProject({ root, now }));
    expect(judged).toEqual(await loadProject({ root, now }));
  });

  it('takes a file whose bytes are as they were from the reading it reuses, and checks a changed one anew', async () => {
    const root = copyProject(SAMPLE);
    // Reuse is by the bytes' hash: a reading without a cache or a reuse has none, and is never reused.
    const plain = await readProject({ root, now });
    expect(plain.files.every((file) => file.source === '')).toBe(true);
    mark(plain, '2020/incidents.yaml');
    const first = await readProject({ root, now, reuse: plain });
    expect(marked(await judgeProject(first))).toEqual([]);
    expect(first.files.every((file) => /^[0-9a-f]{64}$/.test(file.source))).toBe(true);
    mark(first, '2020/incidents.yaml');
    mark(first, '2019/incidents.yaml');
    writeFileSync(join(root, '2019/incidents.yaml'), `${readFileSync(join(root, '2019/incidents.yaml'), 'utf8')}# a comment\n`);
    const second = await readProject({ root, now, reuse: first });
    expect(marked(await judgeProject(second))).toEqual(['2020/incidents.yaml']);
  });

  it('reads the world it is given: a project that exists only in memory', async () => {
    const files = new Map([
      ['borgermode.yaml', 'areas:\n  - id: a\n    name: A\n'],
      [
        'x/incidents.yaml',
        'incidents:\n  - id: inc-1\n    date: 2020-01-05\n    category: theft\n  - id: inc-2\n    date: 2020-01-06\n    category: theftt\n',
      ],
    ]);
    const reader: ProjectReader = {
      list: async () => ({ files: ['x/incidents.yaml'], skipped: [] }),
      read: async (file) => Buffer.from(files.get(file)!, 'utf8'),
    };
    const result = await loadProject({ root: join(tempDir(), 'nowhere'), now, reader });
    expect(result.findings.map((f) => [f.file, f.line, f.column, f.code])).toEqual([['x/incidents.yaml', 7, 15, 'unknown-category']]);
  });

  it('withChanges checks the changed and new files, keeps every other as read, and puts new files in path order', async () => {
    const root = copyProject(SAMPLE);
    const before = snapshot(root);
    const reading = await readProject({ root, now });
    mark(reading, '2020/incidents.yaml');
    mark(reading, '2019/incidents.yaml');
    const text = `${readFileSync(join(root, '2020/incidents.yaml'), 'utf8')}  - id: inc-changed\n    date: 2020-02-03\n    category: violense\n`;
    const changed = await withChanges(
      reading,
      new Map([
        ['2020/incidents.yaml', text],
        ['2019-extra/incidents.yaml', 'incidents: []\n'],
      ]),
      { root, now },
    );
    const judged = await judgeProject(changed);
    expect(marked(judged)).toEqual(['2019/incidents.yaml']);
    expect(judged.findings.find((f) => f.code === 'unknown-category')).toMatchObject({
      file: '2020/incidents.yaml',
      line: text.split('\n').length - 1,
    });
    expect(changed.files.map((file) => file.path)).toEqual([...reading.files.map((file) => file.path), '2019-extra/incidents.yaml'].sort());
    // The reading itself is as it was, and nothing was written.
    expect(marked(await judgeProject(reading))).toEqual(['2019/incidents.yaml', '2020/incidents.yaml']);
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });

  it('withChanges reads the whole project again when borgermode.yaml changes', async () => {
    const root = copyProject(SAMPLE);
    const reading = await readProject({ root, now });
    const settings = `${readFileSync(join(root, 'borgermode.yaml'), 'utf8')}`.replace(/^language: da$/m, 'language: en');
    expect(settings).toMatch(/^language: en$/m);
    const changed = await withChanges(reading, new Map([['borgermode.yaml', settings]]), { root, now });
    expect(changed.language).toBe('en');
    expect(reading.language).toBe('da');
  });

  it('withChanges keeps the checked change in the cache: the next run with it written finds it there', async () => {
    const root = copyProject(SAMPLE);
    const cacheDir = join(tempDir(), 'cache');
    const cacheKey = randomBytes(32);
    const reading = await readProject({ root, now, cacheDir, cacheKey });
    const text = `${readFileSync(join(root, '2020/incidents.yaml'), 'utf8')}  - id: inc-changed\n    date: 2020-02-03\n    category: theft\n`;
    const changed = await withChanges(reading, new Map([['2020/incidents.yaml', text]]), { root, now, cacheDir, cacheKey });
    const entry = changed.files.find((file) => file.path === '2020/incidents.yaml')!;
    const cache = await openRecordCache(cacheDir, { key: cacheKey, readOnly: true });
    expect(entry.source).toBe(cache.sourceHash(text));
    expect(await cache.get('2020/incidents.yaml', entry.source)).toEqual(entry.checked);
  });
});
