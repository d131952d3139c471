import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, relative, resolve } from 'node:path';
import { accessError } from '../model/file-access-error.js';

/**
 * The file that marks a folder as a site `build` wrote, so that the next build may replace it
 * whole. A folder without it is never replaced (docs/site.md).
 */
export const SITE_MARKER = '.borgermode-site';
const MARKER_TEXT = 'This folder is a site written by borgermode build. The next build replaces it whole: keep nothing else here.\n';

/** Why a folder may not become the site: every case leaves it untouched. */
export type SiteTargetRefusal = 'project' | 'holds-project' | 'cwd' | 'home' | 'filesystem-root' | 'not-a-folder' | 'link' | 'not-a-site';

/** A folder given to `build --out`, and whether it may be replaced: missing, empty, or a site this tool wrote. */
export async function checkSiteTarget(cwd: string, out: string, project: string): Promise<{ target: string; refusal?: SiteTargetRefusal }> {
  const target = resolve(cwd, out);
  const real = async (path: string) => realpath(path).catch(() => path);
  // Compared by their real paths: a link or a `..` must not slip a protected folder past the check.
  const [targetReal, projectReal, cwdReal, homeReal] = await Promise.all([real(target), real(project), real(cwd), real(homedir())]);
  const inside = (child: string, parent: string) =>
    child === parent || (!relative(parent, child).startsWith('..') && !relative(parent, child).startsWith('/'));
  if (targetReal === parse(targetReal).root) return { target, refusal: 'filesystem-root' };
  if (targetReal === projectReal) return { target, refusal: 'project' };
  if (inside(projectReal, targetReal)) return { target, refusal: 'holds-project' };
  if (inside(cwdReal, targetReal)) return { target, refusal: 'cwd' };
  if (inside(homeReal, targetReal)) return { target, refusal: 'home' };
  const stat = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw accessError(error, target, 'output');
  });
  if (stat === undefined) return { target };
  if (stat.isSymbolicLink()) return { target, refusal: 'link' };
  if (!stat.isDirectory()) return { target, refusal: 'not-a-folder' };
  const entries = await readdir(target).catch((error: unknown) => {
    throw accessError(error, target, 'output');
  });
  return entries.length === 0 || entries.includes(SITE_MARKER) ? { target } : { target, refusal: 'not-a-site' };
}

/** A folder that may not be replaced by the site; the check runs again just before the swap. */
export class SiteTargetError extends Error {
  constructor(
    readonly path: string,
    readonly refusal: SiteTargetRefusal,
  ) {
    super(`refusing to replace ${path}: ${refusal}`);
    this.name = 'SiteTargetError';
  }
}

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
export async function writeSite(cwd: string, out: string, pages: readonly SitePage[], project: string): Promise<string> {
  const target = resolve(cwd, out);
  const parent = dirname(target);
  const staging = join(parent, `.${basename(target)}.new-${process.pid}`);
  const retired = join(parent, `.${basename(target)}.old-${process.pid}`);
  try {
    await removeLeftovers(parent, basename(target));
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, SITE_MARKER), MARKER_TEXT, 'utf8');
    // Each folder made once, and a few files written at a time: a site has thousands of pages.
    const folders = new Set(pages.map((page) => dirname(join(staging, ...page.path.split('/')))));
    for (const folder of folders) await mkdir(folder, { recursive: true });
    for (let start = 0; start < pages.length; start += WRITES_AT_ONCE) {
      // allSettled: no write may still be running when a failure removes the staging folder.
      const written = await Promise.allSettled(
        pages.slice(start, start + WRITES_AT_ONCE).map((page) => writeFile(join(staging, ...page.path.split('/')), page.content, 'utf8')),
      );
      const failed = written.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    // Checked again right before the swap: the folder may have changed while the pages were made.
    const { refusal } = await checkSiteTarget(cwd, out, project);
    if (refusal) throw new SiteTargetError(target, refusal);
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
    // The clean-up never hides the first error.
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof SiteTargetError ? error : accessError(error, target, 'output');
  }
  return target;
}

/**
 * The staging and retired folders of builds into the same target that were killed or failed
 * (`.<name>.new-<pid>`, `.<name>.old-<pid>` of a process no longer running): removed.
 */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:new|old)-(\\d+)$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries) {
    const pid = Number(pattern.exec(entry)?.[1]);
    if (!pid || isRunning(pid)) continue;
    await rm(join(parent, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
