import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FileAccessError } from '../load/errors.js';

/** Writes a whole output file atomically (temporary file, then rename): a reader never sees half of it. */
export async function writeOutputFile(cwd: string, file: string, content: string): Promise<string> {
  const path = resolve(cwd, file);
  try {
    await writeFileAtomic(path, content, { encoding: 'utf8' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileAccessError(`cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`, path);
  }
  return path;
}
