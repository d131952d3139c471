import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { accessError } from '../load/errors.js';

/** How many pages are written in parallel (libuv's thread pool has four threads). */
const WRITES_AT_ONCE = 8;

/** A page of the site: its path below the site folder (with `/`) and its content (text, or the bytes of a PDF). */
export interface SitePage {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes a whole site atomically: into a new folder beside the target, which then takes the
 * target's place. A build that fails or is killed before the swap leaves the previous site as it
 * was (at worst, a `.<name>.new-*` folder beside it, removed by the next build).
 */
export async function writeSite(cwd: string, out: string, pages: readonly SitePage[]): Promise<string> {
  const target = resolve(cwd, out);
  const parent = dirname(target);
  const staging = join(parent, `.${basename(target)}.new-${process.pid}`);
  const retired = join(parent, `.${basename(target)}.old-${process.pid}`);
  try {
    await rm(staging, { recursive: true, force: true });
    // Each folder made once, and a few files written at a time: a site has thousands of pages.
    const folders = new Set(pages.map((page) => dirname(join(staging, ...page.path.split('/')))));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    for (let start = 0; start < pages.length; start += WRITES_AT_ONCE) {
      // allSettled: no write may still be running when a failure removes the staging folder.
      const written = await Promise.allSettled(pages.slice(start, start + WRITES_AT_ONCE).map((page) => writeFile(join(staging, ...page.path.split('/')), page.content, 'utf8')));
      const failed = written.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    // The swap: two renames in the same folder; the old site goes only when the new one is in place.
    const hadSite = await rename(target, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadSite) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw accessError(error, target, 'output');
  }
  return target;
}
