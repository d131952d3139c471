import { isIsoDate } from '../model/dates.js';
import { usageError } from './exit-codes.js';

/** The world a command runs in; tests pass their own. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: { isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock; defaults to the real one. */
  now?: () => Date;
}

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Colour only on a terminal, never with NO_COLOR set or --no-color. */
export function useColor(io: Io, flag: boolean | undefined): boolean {
  return flag !== false && Boolean(io.stderr.isTTY) && !io.env.NO_COLOR;
}

/** "Today" for the checks: BORGERMODE_TODAY (YYYY-MM-DD) when set, so scripted runs are reproducible. */
export function clock(io: Io): Date {
  const fixed = io.env.BORGERMODE_TODAY;
  if (fixed) {
    if (!isIsoDate(fixed)) throw usageError(`BORGERMODE_TODAY must be a real date written YYYY-MM-DD, e.g. 2020-06-15; found "${fixed}"`);
    return new Date(`${fixed}T12:00:00Z`);
  }
  return io.now ? io.now() : new Date();
}
