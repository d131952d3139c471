import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

// Scratch copies of projects for the commands that write, removed after the test file.

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE = join(ROOT, 'data');
export const EDIT_FIXTURES = join(ROOT, 'test', 'fixtures-edit');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** An empty scratch folder. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'borgermode-edit-'));
  made.push(dir);
  return dir;
}

/** A scratch copy of the project folder `source`, as `<tmp>/project`. */
export function copyProject(source: string): string {
  const dir = join(tempDir(), 'project');
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** A scratch copy of the bundled sample whose public output groups its categories at `grouping` (privacy.grouping). */
export function sampleWithGrouping(grouping: 'auto' | 'categories' | 'groups' | 'totals'): string {
  const dir = copyProject(SAMPLE);
  const settings = join(dir, 'borgermode.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^privacy:\n/m, `privacy:\n  grouping: ${grouping}\n`));
  return dir;
}

/** Every file below `dir` (hidden ones too) with its bytes, by relative path. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (relative: string) => {
    for (const name of readdirSync(join(dir, relative))) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (statSync(join(dir, path)).isDirectory()) visit(path);
      else files.set(path, readFileSync(join(dir, path)));
    }
  };
  visit('');
  return files;
}

/** The paths whose bytes differ between two snapshots (added, removed or changed). */
export function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)) || !after.has(path)).sort();
}
