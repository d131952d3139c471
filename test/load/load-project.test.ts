import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.js';
import { changedFiles, copyProject, SAMPLE, snapshot } from '../helpers/temp-project.js';

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
    const result = await loadProject({ root, now, overlay: new Map([['2021/incidents.yaml', 'incidents:\n  - id: inc-new\n    date: 2020-04-01\n    category: theft\n']]) });
    expect(result.dataset!.incidents.map((i) => i.id)).toContain('inc-new');
    expect(changedFiles(before, snapshot(root))).toEqual([]);
  });
});
