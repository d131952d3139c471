import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { accessError } from '../model/file-access-error.js';

// `add` and `answer` read the project, pick an id and write a file: two of them at once must not
// both pick the same id or both rewrite the same file from the same old text. They take turns
// through one lock per project: a hidden folder at its root (proper-lockfile's mkdir lock, which
// works on every file system and is taken over when its holder died, after `stale` ms).

/** The lock folder; hidden, so the loader never lists it. */
export const LOCK_NAME = '.borgermode.lock';

/** Another process held the project's lock for longer than we waited. */
export class ProjectBusyError extends Error {
  constructor(readonly lockPath: string) {
    super(`the project is locked: ${lockPath}`);
    this.name = 'ProjectBusyError';
  }
}

/**
 * Runs `work` while holding the project's lock; waits (up to about half a minute) for another holder.
 * `work` calls `assertHeld` right before it writes: it throws if the lock was lost meanwhile.
 */
export async function withProjectLock<T>(root: string, work: (assertHeld: () => void) => Promise<T>): Promise<T> {
  const lockPath = join(root, LOCK_NAME);
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(root, {
      lockfilePath: lockPath,
      realpath: false,
      stale: 10_000,
      retries: { retries: 60, factor: 1.3, minTimeout: 20, maxTimeout: 250, randomize: true },
      // The default throws from a timer; the work checks instead, before it writes.
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new ProjectBusyError(lockPath);
    // A project folder we may not write into: exit 2, like any file that cannot be written.
    throw accessError(error, lockPath, 'output');
  }
  try {
    return await work(() => {
      if (compromised) throw compromised;
    });
  } finally {
    await release().catch(() => undefined);
  }
}
