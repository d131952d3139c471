import { styleText } from 'node:util';
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
  const prompts = io.prompts ?? inquirerPrompts(io, lang);
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
    input: guard((q) =>
      prompts.input({
        ...q,
        message: safeText(q.message),
        default: q.default === undefined || safeText(q.default) !== q.default ? undefined : q.default,
      }),
    ),
    select: guard((q) => prompts.select({ ...q, message: safeText(q.message), choices: shownChoices(q.choices) })),
    checkbox: guard((q) => prompts.checkbox({ ...q, message: safeText(q.message), choices: shownChoices(q.choices) })),
    confirm: guard((q) => prompts.confirm({ ...q, message: safeText(q.message) })),
  };
}

const shownChoices = <C extends Choice>(choices: readonly C[]): C[] =>
  choices.map((choice) => ({ ...choice, name: safeText(choice.name) }));

/** Inquirer's errors for Ctrl-C (ExitPromptError) and for a prompt that was aborted or cancelled. */
export function isCancel(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

type Inquirer = typeof import('@inquirer/prompts');

/** The words inquirer shows around a question (its key help, yes and no), in the run's language (issue 18, item 1). */
const PROMPT_WORDS: Record<
  Lang,
  { keys: Readonly<Record<string, string>>; yes: string; no: string; yesOrNo: (yes: string, no: string) => string }
> = {
  da: {
    keys: { navigate: 'flyt', select: 'vælg', submit: 'færdig', all: 'alle', invert: 'vend om' },
    yes: 'Ja',
    no: 'Nej',
    yesOrNo: (yes, no) => `Svar "${yes}" eller "${no}" (j/n, y/n)`,
  },
  en: { keys: {}, yes: 'Yes', no: 'No', yesOrNo: (yes, no) => `Answer "${yes}" or "${no}"` },
};

/** Inquirer's themes for `lang`: the key help of lists in its words; yes and no as its words, which also take y/n (confirm takes both). */
function themesFor(lang: Lang) {
  const words = PROMPT_WORDS[lang];
  const keysHelpTip = (keys: [string, string][]) =>
    keys
      .map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', words.keys[action] ?? action)}`)
      .join(styleText('dim', ' • '));
  return {
    list: { style: { keysHelpTip } },
    confirm: { keywords: { yes: words.yes, no: words.no, error: ({ yes, no }: { yes: string; no: string }) => words.yesOrNo(yes, no) } },
  };
}

function inquirerPrompts(io: Io, lang: Lang): Prompts {
  const themes = themesFor(lang);
  let loading: Promise<Inquirer> | undefined;
  // Bundled, a package's exports may sit on `default` (see loadYamlPackage in load/read-yaml.ts).
  const load = () =>
    (loading ??= import('@inquirer/prompts').then((m) => ('input' in m ? m : (m as unknown as { default: Inquirer }).default)));
  // Questions go to stderr, so stdout keeps only the command's output (e.g. --json).
  const isStream = (s: unknown): s is NodeJS.ReadWriteStream => typeof (s as { on?: unknown } | undefined)?.on === 'function';
  const context = { input: isStream(io.stdin) ? io.stdin : process.stdin, output: isStream(io.stderr) ? io.stderr : process.stderr };
  return {
    input: async (q) => (await load()).input({ message: q.message, default: q.default, validate: q.validate }, context),
    select: async (q) => (await load()).select({ message: q.message, choices: q.choices, default: q.default, theme: themes.list }, context),
    checkbox: async (q) => (await load()).checkbox({ message: q.message, choices: q.choices, theme: themes.list }, context),
    confirm: async (q) => (await load()).confirm({ message: q.message, default: q.default, theme: themes.confirm }, context),
  };
}
