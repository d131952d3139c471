import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { accessError } from './errors.js';
import { SETTINGS_FILE } from './find-project.js';

const SKIPPED_FOLDERS = new Set(['templates', 'node_modules']);
const RECORD_FILE = /\.ya?ml$/i;

/** Every record file below `root`, as sorted paths relative to it with forward slashes. */
export async function listRecordFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  async function visit(relative: string): Promise<void> {
    const dir = relative === '' ? root : join(root, relative);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw accessError(error, dir, 'folder');
    }
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await visit(path);
      } else if (entry.isFile() && RECORD_FILE.test(entry.name) && !entry.name.startsWith('.') && path !== SETTINGS_FILE) {
        found.push(path);
      }
    }
  }
  await visit('');
  return found.sort();
}
