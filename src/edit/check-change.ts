import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SETTINGS_FILE } from '../model/schema.js';
import { listRecordFiles } from '../load/list-files.js';
import { loadProject } from '../load/load-project.js';
import type { Finding, YamlPath } from '../model/finding.js';

// A change is checked before it is written: the whole project, with the changed files in place,
// goes through the same loadProject as `validate`. The loader reads from a folder, so the check
// runs on a scratch copy (copy-on-write where the file system can). If loadProject ever takes the
// text of some files from its caller, this becomes one call without the copy.

/** The findings of the project at `root` as it would be with `changes` (file → new text) written. */
export async function checkProjectWith(root: string, changes: ReadonlyMap<string, string>, now: Date): Promise<Finding[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'borgermode-check-'));
  try {
    const files = new Set([SETTINGS_FILE, ...(await listRecordFiles(root)), ...changes.keys()]);
    const made = new Set<string>();
    for (const file of files) {
      const target = join(scratch, file);
      const folder = dirname(target);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      const text = changes.get(file);
      if (text === undefined) await copyFile(join(root, file), target, constants.COPYFILE_FICLONE);
      else await writeFile(target, text, 'utf8');
    }
    return (await loadProject({ root: scratch, now })).findings;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The findings about the record at `file`/`path` (its own, and those that name it as the other place). */
export function findingsAbout(findings: readonly Finding[], file: string, path: YamlPath): Finding[] {
  const within = (f: string, p: YamlPath | undefined) => f === file && p !== undefined && path.every((step, i) => p[i] === step);
  return findings.filter((f) => within(f.file, f.path) || (f.related !== undefined && within(f.related.file, f.related.path)));
}
