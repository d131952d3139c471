import type { Prompts } from '../../src/cli/prompts.js';
import { run } from '../../src/cli/run.js';
import { type CliResult, type Env, TEST_ENV } from './run-cli.js';

// Prompts that answer from a script, for running a data-entry command in-process "on a
// terminal". Each answer is what the person would type or pick; an input's answer goes through
// the prompt's own validate, as inquirer does, and a refused one is recorded and skipped (the
// person types again: the next answer of the script).

/** Pressing Ctrl-C at this question. */
export const CTRL_C = Symbol('Ctrl-C');
/** Pressing Enter on the default (or on nothing). */
export const ENTER = Symbol('Enter');

export type Answer = string | boolean | string[] | typeof CTRL_C | typeof ENTER;

export interface Asked {
  type: 'input' | 'select' | 'checkbox' | 'confirm';
  message: string;
  default?: unknown;
  choices?: string[];
  /** Messages of answers the prompt's validate refused. */
  refused: string[];
}

export interface Script {
  prompts: Prompts;
  asked: Asked[];
  /** Answers left over: a test expects none. */
  left: () => number;
}

class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

/** Prompts that take their answers from `answers`, in order. */
export function scriptedPrompts(answers: readonly Answer[]): Script {
  const queue = [...answers];
  const asked: Asked[] = [];
  const next = (question: Asked): Exclude<Answer, typeof CTRL_C> => {
    asked.push(question);
    if (queue.length === 0) throw new Error(`no scripted answer for "${question.message}"`);
    const answer = queue.shift()!;
    if (answer === CTRL_C) throw new ExitPromptError('User force closed the prompt with SIGINT');
    return answer;
  };
  // Async as the real prompts are, so that a missing or refused answer is a rejection, not a throw.
  const prompts: Prompts = {
    async input(q) {
      const question: Asked = { type: 'input', message: q.message, default: q.default, refused: [] };
      for (;;) {
        const answer = next(question);
        const text = answer === ENTER ? (q.default ?? '') : String(answer);
        const verdict = q.validate ? q.validate(text) : true;
        if (verdict === true) return text;
        question.refused.push(verdict);
        asked.pop();
      }
    },
    async select(q) {
      const answer = next({ type: 'select', message: q.message, default: q.default, choices: q.choices.map((c) => c.value), refused: [] });
      const value = answer === ENTER ? (q.default ?? q.choices[0]!.value) : answer;
      if (!q.choices.some((c) => c.value === value)) throw new Error(`"${String(value)}" is not a choice of "${q.message}"`);
      return value as never;
    },
    async checkbox(q) {
      const answer = next({ type: 'checkbox', message: q.message, choices: q.choices.map((c) => c.value), refused: [] });
      return (answer === ENTER ? [] : answer) as never;
    },
    async confirm(q) {
      const answer = next({ type: 'confirm', message: q.message, default: q.default, refused: [] });
      return answer === ENTER ? (q.default ?? false) : Boolean(answer);
    },
  };
  return { prompts, asked, left: () => queue.length };
}

/** Runs the CLI in-process as on a terminal (stdin is a TTY, no CI), answering from `script`. */
export async function runOnTerminal(args: readonly string[], script: Script, options: { cwd: string; env?: Env }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const env: Env = { ...TEST_ENV, ...options.env };
  if (!options.env || !('CI' in options.env)) delete env.CI;
  const exitCode = await run(args, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: { isTTY: true },
    cwd: options.cwd,
    env,
    prompts: script.prompts,
  });
  return { exitCode, stdout, stderr };
}
