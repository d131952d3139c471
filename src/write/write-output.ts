import { access, type FileHandle, lstat, mkdir, open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { accessError, FileAccessError } from '../model/file-access-error.js';

/**
 * Writes a whole output file. A regular file (or none yet, or a link to one) is written
 * atomically: a temporary file, flushed, then renamed over it, so a reader never sees half of it
 * and a failure (a full disk) leaves the previous file and no temporary one. Anything else that
 * exists at the path (a device such as /dev/stdout, a FIFO, a socket, or a link to one) is
 * written in place, never replaced by a file; a folder is refused. Text is written as UTF-8.
 */
export async function writeOutputFile(cwd: string, file: string, content: string | Buffer): Promise<string> {
  const path = resolve(cwd, file);
  const existing = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw accessError(error, path, 'output');
  });
  if (existing?.isDirectory()) throw new FileAccessError('output', path, 'is-a-folder');
  try {
    if (existing !== undefined && !existing.isFile()) {
      await writeFile(path, content, { encoding: 'utf8', flag: 'w' });
      return path;
    }
    await writeFileAtomically(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, existing?.mode);
  } catch (error) {
    throw accessError(error, path, 'output');
  }
  return path;
}

let temporaries = 0;

/**
 * Temporary file, every byte written and flushed, size checked, renamed over the target, folder
 * flushed. By hand because write-file-atomic (7.0.1, and 8) makes one write(2) and ignores its
 * count: on a filling disk it renamed a truncated file over the good one (a 30 KB brief became
 * 8,192 bytes on a 64 KiB tmpfs, exit 0). A link is written through to the file it points to.
 */
async function writeFileAtomically(path: string, data: Buffer, mode: number | undefined): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${++temporaries}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', mode === undefined ? 0o666 : mode & 0o7777);
    // FileHandle.writeFile repeats write(2) until every byte is written or one fails.
    await handle.writeFile(data);
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== data.length) throw Object.assign(new Error(`short write: ${size} of ${data.length} bytes`), { code: 'ENOSPC' });
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  // The rename itself survives a power cut only once the folder is flushed too.
  const folder = await open(dirname(target), 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close().catch(() => undefined);
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

/** True when something exists at `path`; with `link`, also a symbolic link to nothing. */
export async function pathExists(path: string, options: { link?: boolean } = {}): Promise<boolean> {
  try {
    if (options.link) await lstat(path);
    else await access(path);
    return true;
  } catch {
    return false;
  }
}
