import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { accessError } from '../model/file-access-error.js';
import { SETTINGS_FILE } from '../model/schema.js';

const SKIPPED_FOLDERS = new Set(['templates', 'node_modules']);
const RECORD_FILE = /\.ya?ml$/i;

/**
 * A symbolic link below the project that is not read (docs/data-format.md): it points outside
 * the project, nowhere, into a folder it lies in (a loop), or at a file or folder already read.
 */
export interface SkippedLink {
  path: string;
  reason: 'outside' | 'dangling' | 'loop' | 'duplicate';
}

/**
 * The record files below `root` and the links it does not follow. A link to a file or folder
 * inside the project is read as that file or folder, once: by its own path when it is also
 * reached without the link, else by the first link's path.
 */
export async function listProjectFiles(root: string): Promise<{ files: string[]; skipped: SkippedLink[] }> {
  const realRoot = realpathSync(root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep);
  const recordFile = (name: string) => RECORD_FILE.test(name) && !name.startsWith('.');
  const files: { path: string; real: string }[] = [];
  const links: { path: string; absolute: string; realParent: string }[] = [];
  const skipped: SkippedLink[] = [];
  const visitedFolders = new Set<string>();

  function visit(relativePath: string, realDir: string): void {
    visitedFolders.add(realDir);
    const dir = relativePath === '' ? root : join(root, relativePath);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw accessError(error, dir, 'folder');
    }
    for (const entry of entries) {
      const path = relativePath === '' ? entry.name : `${relativePath}/${entry.name}`;
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) visit(path, join(realDir, entry.name));
      } else if (entry.isFile()) {
        if (recordFile(entry.name) && path !== SETTINGS_FILE) files.push({ path, real: join(realDir, entry.name) });
      } else if (entry.isSymbolicLink() && path !== SETTINGS_FILE && !SKIPPED_FOLDERS.has(entry.name)) {
        links.push({ path, absolute: join(dir, entry.name), realParent: realDir });
      }
    }
  }

  // Links are followed after the folders reached without them, in path order, so each file is
  // read by its own path where it has one, and a folder once.
  visit('', realRoot);
  const seen = new Set(files.map((f) => f.real));
  const all = files.map((f) => f.path);
  while (links.length > 0) {
    links.sort((a, b) => compare(a.path, b.path));
    const link = links.shift()!;
    let real: string;
    let folder: boolean;
    try {
      real = realpathSync(link.absolute);
      folder = statSync(real).isDirectory();
    } catch {
      // Said only of a link that could have been a record file or a folder of them.
      const name = link.path.split('/').at(-1)!;
      if (recordFile(name) || !name.includes('.')) skipped.push({ path: link.path, reason: 'dangling' });
      continue;
    }
    if (!folder && !recordFile(link.path.split('/').at(-1)!)) continue;
    if (!inside(real)) skipped.push({ path: link.path, reason: 'outside' });
    else if (!folder) {
      if (seen.has(real)) skipped.push({ path: link.path, reason: 'duplicate' });
      else {
        seen.add(real);
        all.push(link.path);
      }
    } else if (link.realParent === real || link.realParent.startsWith(real + sep)) skipped.push({ path: link.path, reason: 'loop' });
    else if (visitedFolders.has(real)) skipped.push({ path: link.path, reason: 'duplicate' });
    else {
      const before = files.length;
      visit(link.path, real);
      for (const file of files.slice(before)) {
        if (seen.has(file.real)) skipped.push({ path: file.path, reason: 'duplicate' });
        else {
          seen.add(file.real);
          all.push(file.path);
        }
      }
    }
  }
  return { files: all.sort(compare), skipped: skipped.sort((a, b) => compare(a.path, b.path)) };
}

/** The order of listed paths: by code point. */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compare = comparePaths;
