import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { accessError } from '../load/errors.js';

/** Writes a whole output file atomically (temporary file, then rename): a reader never sees half of it. */
export async function writeOutputFile(cwd: string, file: string, content: string): Promise<string> {
  const path = resolve(cwd, file);
  try {
    await writeFileAtomic(path, content, { encoding: 'utf8' });
  } catch (error) {
    throw accessError(error, path, 'output');
  }
  return path;
}
