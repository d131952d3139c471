import { access, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { accessError } from '../load/errors.js';

/** Writes a whole output file atomically (temporary file, then rename): a reader never sees half of it. Text is written as UTF-8. */
export async function writeOutputFile(cwd: string, file: string, content: string | Buffer): Promise<string> {
  const path = resolve(cwd, file);
  // Loaded when a file is written: it loads node:crypto and node:worker_threads, which a report to stdout never needs.
  const { default: writeFileAtomic } = await import('write-file-atomic');
  try {
    await writeFileAtomic(path, content, { encoding: 'utf8' });
  } catch (error) {
    throw accessError(error, path, 'output');
  }
  return path;
}

/** Writes a file of the data project atomically, creating its folder when needed. */
export async function writeProjectFile(root: string, file: string, content: string): Promise<string> {
  const path = resolve(root, file);
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw accessError(error, path, 'output');
  }
  return writeOutputFile(root, file, content);
}

/** True when something exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
