/** The exit codes of cli.md; scripts rely on them. */
export const EXIT = {
  ok: 0,
  /** Invalid data or refused output. */
  invalidData: 1,
  /** Usage error, or a file that cannot be opened or written. */
  usage: 2,
  interrupted: 130,
  /** A fault in borgermode itself (BSD's EX_SOFTWARE): one line on stderr, the stack with BORGERMODE_DEBUG=1. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error for the person at the terminal: its message is printed as is, then the tool exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);
