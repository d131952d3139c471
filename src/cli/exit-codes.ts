/** The exit codes (README, "Exit codes"); scripts rely on them. */
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

/**
 * What went wrong, as scripts see it: the `error.code` of a --json document. Each code has one exit
 * status (below); cli/errors.ts maps the core's errors to them.
 */
export const CODE_EXIT = {
  usage: EXIT.usage,
  'file-access': EXIT.usage,
  'site-target': EXIT.usage,
  pdf: EXIT.usage,
  busy: EXIT.usage,
  edit: EXIT.invalidData,
  interrupted: EXIT.interrupted,
} as const satisfies Record<string, ExitCode>;

export type CliErrorCode = keyof typeof CODE_EXIT;

/** An error for the person at the terminal: its message is printed as is, then the tool exits with its code's status. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(
    message: string,
    readonly code: CliErrorCode,
  ) {
    super(message);
    this.name = 'CliError';
    this.exitCode = CODE_EXIT[code];
  }
}

export const usageError = (message: string): CliError => new CliError(message, 'usage');
