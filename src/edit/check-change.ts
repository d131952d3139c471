import { judgeProject, type LoadOptions, type ProjectReading, readProject, withChanges } from '../load/load-project.js';
import type { Finding, YamlPath } from '../model/finding.js';

// A change is checked before it is written: the whole project, with the changed files in place,
// goes through the same loader and rules as `validate`. The project is read once for the edit,
// with the project's cache; the check then checks the changed files and takes every other file
// from that reading, as it was checked (load-project.ts withChanges).

/** The cache a change is checked with: the project's own, as the other commands use it (none when absent). */
export type CheckCache = Pick<LoadOptions, 'cacheDir' | 'cacheKey'>;

/** What an edit reads the project with. */
export interface EditWorld {
  root: string;
  now: Date;
  cache?: CheckCache;
  /** The project as read earlier in the run (before the lock was taken): files unchanged since are not checked again. */
  reading?: ProjectReading;
}

/** The project as an edit starts from it: every file read and checked on its own (with the cache, and what `world.reading` has). */
export async function readForEdit(world: EditWorld & Pick<LoadOptions, 'reader'>): Promise<ProjectReading> {
  return readProject({
    root: world.root,
    now: world.now,
    ...world.cache,
    reuse: world.reading,
    ...(world.reader ? { reader: world.reader } : {}),
  });
}

/** Every finding of the project as it would be with `changes` (file → new text) written; the other files as `reading` has them. */
export async function checkChange(world: EditWorld, reading: ProjectReading, changes: ReadonlyMap<string, string>): Promise<Finding[]> {
  return (await judgeProject(await withChanges(reading, changes, { root: world.root, now: world.now, ...world.cache }))).findings;
}

/** The findings about the record at `file`/`path` (its own, and those that name it as the other place). */
export function findingsAbout(findings: readonly Finding[], file: string, path: YamlPath): Finding[] {
  const within = (f: string, p: YamlPath | undefined) => f === file && p !== undefined && path.every((step, i) => p[i] === step);
  return findings.filter((f) => within(f.file, f.path) || (f.related !== undefined && within(f.related.file, f.related.path)));
}
