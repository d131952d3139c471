/** A file or folder that cannot be opened at all (exit code 2), as opposed to invalid data. */
export class FileAccessError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'FileAccessError';
  }
}

/** Wraps a Node fs error in a sentence for a person. */
export function accessError(error: unknown, path: string, what: string): FileAccessError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'it is not a folder' : String((error as Error).message);
  return new FileAccessError(`cannot open ${what} ${path}: ${reason}`, path);
}
