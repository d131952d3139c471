import type { Lang } from '../model/schema.js';
import { CliError } from './exit-codes.js';
import type { Io } from './io.js';
import { cliText } from './messages.js';
import { safeText } from './safe-text.js';

// The questions data entry asks on a terminal. Commands see only this small interface; the real
// one loads @inquirer/prompts on the first question (never at start-up, never in scripts), and
// tests pass scripted answers through `Io.prompts`.

export interface Choice<T extends string = string> {
  value: T;
  name: string;
}

export interface Prompts {
  /** Free text; `validate` returns true or the message to show. */
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  select<T extends string>(question: { message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T extends string>(question: { message: string; choices: readonly (Choice<T> & { checked?: boolean })[] }): Promise<T[]>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

/** Prompts are shown only on a terminal, and never in CI (`CI` set to anything but "" , "0" or "false"). */
export function canPrompt(io: Io): boolean {
  const ci = io.env.CI;
  return Boolean(io.stdin?.isTTY) && (ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}

/** The prompts of `io` (or the real ones), with Ctrl-C turned into a CliError that exits 130. */
export function promptsFor(io: Io, lang: Lang): Prompts {
  const prompts = io.prompts ?? inquirerPrompts(io);
  const guard =
    <A extends unknown[], R>(ask: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await ask(...args);
      } catch (error) {
        if (isCancel(error)) throw new CliError(cliText(lang, 'cancelled'), 'interrupted');
        throw error;
      }
    };
  return {
    // What a question shows comes from the project (names, labels, question texts): escaped as every message is (safe-text.ts).
    input: guard((q) => prompts.input({ ...q, message: safeText(q.message), default: q.default === undefined || safeText(q.default) !== q.default ? undefined : q.default })),
    select: guard((q) => prompts.select({ ...q, message: safeText(q.message), choices: shownChoices(q.choices) })),
    checkbox: guard((q) => prompts.checkbox({ ...q, message: safeText(q.message), choices: shownChoices(q.choices) })),
    confirm: guard((q) => prompts.confirm({ ...q, message: safeText(q.message) })),
  };
}

const shownChoices = <C extends Choice>(choices: readonly C[]): C[] => choices.map((choice) => ({ ...choice, name: safeText(choice.name) }));

/** Inquirer's errors for Ctrl-C (ExitPromptError) and for a prompt that was aborted or cancelled. */
export function isCancel(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

type Inquirer = typeof import('@inquirer/prompts');

function inquirerPrompts(io: Io): Prompts {
  let loading: Promise<Inquirer> | undefined;
  // Bundled, a package's exports may sit on `default` (see loadYamlPackage in load/read-yaml.ts).
  const load = () => (loading ??= import('@inquirer/prompts').then((m) => ('input' in m ? m : (m as unknown as { default: Inquirer }).default)));
  // Questions go to stderr, so stdout keeps only the command's output (e.g. --json).
  const isStream = (s: unknown): s is NodeJS.ReadWriteStream => typeof (s as { on?: unknown } | undefined)?.on === 'function';
  const context = { input: isStream(io.stdin) ? io.stdin : process.stdin, output: isStream(io.stderr) ? io.stderr : process.stderr };
  return {
    input: async (q) => (await load()).input({ message: q.message, default: q.default, validate: q.validate }, context),
    select: async (q) => (await load()).select({ message: q.message, choices: q.choices, default: q.default }, context),
    checkbox: async (q) => (await load()).checkbox({ message: q.message, choices: q.choices }, context),
    confirm: async (q) => (await load()).confirm({ message: q.message, default: q.default }, context),
  };
}
