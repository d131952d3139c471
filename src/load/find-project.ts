import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';
import { accessError, FileAccessError } from '../model/file-access-error.js';
import { type Lang, SETTINGS_FILE } from '../model/schema.js';

/** The sample project that ships with the package. */
export const bundledDataDir = (): string => join(packageRoot(), 'data');

/** The cache of the sample's checked files, made by scripts/bundle.mjs (read only: it belongs to the installation). */
export const bundledSampleCacheDir = (): string => join(packageRoot(), 'dist', 'sample-cache');

export interface ProjectLocation {
  root: string;
  /** True for the bundled sample (chosen with --sample, or used when no project is found: cli/project.ts). */
  bundled: boolean;
}

/** The bundled sample project. */
export const bundledProject = (): ProjectLocation => ({ root: bundledDataDir(), bundled: true });

/** `--data DIR`, else the nearest folder from `cwd` up holding borgermode.yaml, else undefined (whether the sample stands in is the CLI's choice). */
export async function findProject(options: { data?: string | undefined; cwd: string }): Promise<ProjectLocation | undefined> {
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
    if (dirname(dir) === dir) return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The language of the project `--data` names, or of the nearest one, from the `language:` line of
 * its borgermode.yaml (for --help, before anything is checked); undefined when there is no project
 * or no such line.
 */
export async function projectLanguage(options: { data?: string | undefined; cwd: string }): Promise<Lang | undefined> {
  try {
    const found = await findProject(options);
    if (!found) return undefined;
    const text = await readFile(join(found.root, SETTINGS_FILE), 'utf8');
    const match = /^language:[ \t]*(["']?)(da|en)\1[ \t]*(?:#.*)?$/m.exec(text);
    return match ? (match[2] as Lang) : undefined;
  } catch {
    return undefined;
  }
}
