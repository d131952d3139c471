import { type LoadOptions, loadProject } from '../load/load-project.js';
import type { Finding, YamlPath } from '../model/finding.js';

// A change is checked before it is written: the whole project, with the changed files in place,
// goes through the same loadProject as `validate`, the changed files handed in as an overlay, so
// that every other file comes from the cache of checked files as in any other run.

/** The cache a change is checked with: the project's own, as the other commands use it (none when absent). */
export type CheckCache = Pick<LoadOptions, 'cacheDir' | 'cacheKey'>;

/** The findings of the project at `root` as it would be with `changes` (file → new text) written. */
export async function checkProjectWith(root: string, changes: ReadonlyMap<string, string>, now: Date, cache: CheckCache = {}): Promise<Finding[]> {
  return (await loadProject({ root, now, overlay: changes, ...cache })).findings;
}

/** The findings about the record at `file`/`path` (its own, and those that name it as the other place). */
export function findingsAbout(findings: readonly Finding[], file: string, path: YamlPath): Finding[] {
  const within = (f: string, p: YamlPath | undefined) => f === file && p !== undefined && path.every((step, i) => p[i] === step);
  return findings.filter((f) => within(f.file, f.path) || (f.related !== undefined && within(f.related.file, f.related.path)));
}
