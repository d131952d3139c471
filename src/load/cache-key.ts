import { readFileSync, statSync } from 'node:fs';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

// The key that seals the cache's entries and validate's memo (docs/performance.md#who-can-write-the-cache):
// 32 random bytes in a file of the user's own, outside every project, made on first use. Only a
// process that can read it can write an entry or a memo that is believed, so a `.borgermode/cache/`
// committed into a project, or written by anyone who can write the project folder but not the
// user's files, is read as a miss. No key (it cannot be read or made, or others may read or change
// it) means no cache for that run, never an error.

/** The name of the key file in its folder. */
export const CACHE_KEY_FILE = 'cache-key';

/** Where the user's key is: `$XDG_CACHE_HOME/borgermode/cache-key` (an absolute XDG_CACHE_HOME only), `%LOCALAPPDATA%\borgermode\` on Windows, else `~/.cache/borgermode/`. */
export function userCacheKeyFile(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  const xdg = env.XDG_CACHE_HOME;
  const base =
    xdg && isAbsolute(xdg)
      ? xdg
      : platform === 'win32' && env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA)
        ? env.LOCALAPPDATA
        : join(env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir(), '.cache');
  return join(base, 'borgermode', CACHE_KEY_FILE);
}

/**
 * The key in `file`; when there is none and `create`, a new one made there (its folder 0700, the
 * file 0600, never over another's). Undefined when it cannot be read or made, or is not the user's
 * alone (on POSIX: owned by another user, or readable or writable by group or others), unless
 * not `own`: the bundled sample's key, which belongs to the installation (as its code does).
 */
export async function loadCacheKey(
  file: string,
  { create, own = true }: { create: boolean; own?: boolean },
): Promise<Uint8Array | undefined> {
  const existing = readKey(file, own);
  if (existing !== 'missing' || !create) return existing === 'missing' ? undefined : existing;
  const { randomBytes } = await import('node:crypto');
  const scratch = `${file}.${randomBytes(6).toString('hex')}.new`;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    // Written whole beside it, then linked into place: a run never reads half a key, and never replaces one.
    await writeFile(scratch, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    // A file system without hard links: renamed instead (two first runs at once may then each keep its own key once: misses, no harm).
    await link(scratch, file).catch(async (error: NodeJS.ErrnoException) =>
      error.code === 'EEXIST' ? Promise.reject(error) : rename(scratch, file),
    );
  } catch (error) {
    // Another run made it first: read that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      await unlink(scratch).catch(() => undefined);
      return undefined;
    }
  }
  await unlink(scratch).catch(() => undefined);
  const made = readKey(file, own);
  return made === 'missing' ? undefined : made;
}

function readKey(file: string, own: boolean): Uint8Array | undefined | 'missing' {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return undefined;
    if (
      own &&
      process.platform !== 'win32' &&
      ((stats.mode & 0o077) !== 0 || (process.getuid !== undefined && stats.uid !== process.getuid()))
    )
      return undefined;
    const text = readFileSync(file, 'ascii').trim();
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
  }
}
