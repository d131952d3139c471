import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessError } from '../model/file-access-error.js';
import { SETTINGS_FILE } from '../model/schema.js';
import { comparePaths, listProjectFiles, type SkippedLink } from './list-files.js';

// The world the loader reads (load-project.ts): which record files a project has and their
// bytes. The disk's is the usual one; an overlay puts a change in place before it is written,
// so that `add` and `answer` check the project as it would be, through the same loader.

export interface ProjectReader {
  /** The record files, as sorted paths relative to the root, and the links not followed (list-files.ts). */
  list: () => Promise<{ files: string[]; skipped: SkippedLink[] }>;
  /** The bytes of a file (a path relative to the root); one that cannot be opened is a FileAccessError (exit 2). */
  read: (file: string) => Promise<Uint8Array>;
}

/** The project's files on disk. */
export function diskReader(root: string): ProjectReader {
  return {
    list: () => listProjectFiles(root),
    read: async (file) => readProjectFile(root, file),
  };
}

/** `reader` with the files of `overlay` (path → text) in place; a path it does not list is a new record file. */
export function withOverlay(reader: ProjectReader, overlay: ReadonlyMap<string, string>): ProjectReader {
  return {
    async list() {
      const listed = await reader.list();
      const added = [...overlay.keys()].filter((file) => file !== SETTINGS_FILE && !listed.files.includes(file));
      return added.length === 0 ? listed : { ...listed, files: [...listed.files, ...added].sort(comparePaths) };
    },
    read: async (file) => (overlay.has(file) ? Buffer.from(overlay.get(file)!, 'utf8') : reader.read(file)),
  };
}

/** `reader` with no record files: borgermode.yaml alone. */
export function settingsOnly(reader: ProjectReader): ProjectReader {
  return { list: async () => ({ files: [], skipped: [] }), read: reader.read };
}

/** The bytes of a file of the project at `root`; a file that cannot be opened is a FileAccessError (exit 2). */
export function readProjectFile(root: string, file: string): Uint8Array {
  try {
    return readFileSync(join(root, file));
  } catch (error) {
    throw accessError(error, join(root, file), 'file');
  }
}
