import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';
import { accessError, FileAccessError } from './errors.js';

export const SETTINGS_FILE = 'borgermode.yaml';

/** The sample project that ships with the package. */
export const bundledDataDir = (): string => join(packageRoot(), 'data');

/** The cache of the sample's checked files, made by scripts/build.mjs (read only: it belongs to the installation). */
export const bundledSampleCacheDir = (): string => join(packageRoot(), 'dist', 'sample-cache');

export interface ProjectLocation {
  root: string;
  /** True when no project was given or found and the bundled sample is used. */
  bundled: boolean;
}

/** `--data DIR`, else the nearest folder from `cwd` up holding borgermode.yaml, else the bundled sample. */
export async function findProject(options: { data?: string | undefined; cwd: string }): Promise<ProjectLocation> {
  if (options.data !== undefined) {
    const root = resolve(options.cwd, options.data);
    try {
      if (!statSync(root).isDirectory()) throw new FileAccessError('data-folder', root, 'not-a-folder');
    } catch (error) {
      if (error instanceof FileAccessError) throw error;
      throw accessError(error, root, 'data-folder');
    }
    if (!(await isFile(join(root, SETTINGS_FILE)))) {
      throw new FileAccessError('data-folder', root, 'no-settings');
    }
    return { root, bundled: false };
  }
  for (let dir = resolve(options.cwd); ; dir = dirname(dir)) {
    if (await isFile(join(dir, SETTINGS_FILE))) return { root: dir, bundled: false };
    if (dirname(dir) === dir) break;
  }
  return { root: bundledDataDir(), bundled: true };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
