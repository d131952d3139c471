import { FIRST_DATE, isIsoDate } from '../model/dates.js';
import type { Lang } from '../model/schema.js';
import { usageError } from './exit-codes.js';
import { cliText } from './messages.js';
import type { Prompts } from './prompts.js';

/** The world a command runs in; tests pass their own. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: { isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock; defaults to the real one. */
  now?: () => Date;
  /** Milliseconds of a clock that only goes forward, for progress (build); defaults to performance.now(). */
  ticks?: () => number;
  /** The questions data entry asks on a terminal; defaults to @inquirer/prompts (see prompts.ts). */
  prompts?: Prompts;
}

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

/** Colour only on a terminal, never with NO_COLOR set or --no-color. */
export function useColor(io: Io, flag: boolean | undefined): boolean {
  return flag !== false && Boolean(io.stderr.isTTY) && !io.env.NO_COLOR;
}

/** "Today" for the checks: BORGERMODE_TODAY (YYYY-MM-DD) when set, so scripted runs are reproducible. */
export function clock(io: Io, lang: Lang): Date {
  const fixed = io.env.BORGERMODE_TODAY;
  if (fixed) {
    // Today sets the range of the data's dates (model/dates.ts dateRange): from 1990 up to year 2999.
    if (!isIsoDate(fixed) || fixed < FIRST_DATE || fixed > '2999-12-31') throw usageError(cliText(lang, 'bad_today', { value: fixed }));
    return new Date(`${fixed}T12:00:00Z`);
  }
  return io.now ? io.now() : new Date();
}
