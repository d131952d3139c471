export type AccessTarget = 'data-folder' | 'folder' | 'file' | 'template' | 'templates-folder' | 'output';
export type AccessReason =
  'missing' | 'denied' | 'not-a-folder' | 'is-a-folder' | 'no-settings' | 'no-parent' | 'no-space' | 'read-only' | 'not-read' | 'other';

/** A file or folder that cannot be opened or written at all (exit code 2), as opposed to invalid data. */
export class FileAccessError extends Error {
  constructor(
    readonly target: AccessTarget,
    readonly path: string,
    readonly reason: AccessReason,
    /** The system's own words, for `other`. */
    readonly detail = '',
  ) {
    super(`cannot access ${target} ${path}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'FileAccessError';
  }
}

/** Wraps a Node fs error. */
export function accessError(error: unknown, path: string, target: AccessTarget): FileAccessError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new FileAccessError(target, path, target === 'output' ? 'no-parent' : 'missing');
  if (code === 'EACCES' || code === 'EPERM') return new FileAccessError(target, path, 'denied');
  if (code === 'ENOTDIR') return new FileAccessError(target, path, 'not-a-folder');
  if (code === 'EISDIR') return new FileAccessError(target, path, 'is-a-folder');
  if (code === 'ENOSPC' || code === 'EDQUOT') return new FileAccessError(target, path, 'no-space');
  if (code === 'EROFS') return new FileAccessError(target, path, 'read-only');
  return new FileAccessError(target, path, 'other', String((error as Error).message));
}
