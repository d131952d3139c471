import type { Io } from './io.js';

// Everything printed for a person (stderr messages, finding lines, prompts) passes here, so
// text from the data, file names, settings and flags can never steer a terminal or a CI log:
// control characters and bidi controls are shown escaped, and under GitHub Actions no line can
// begin a workflow command. Documents on stdout (a brief, --json) are the command's output and
// are written as they are; docs/privacy.md ("Hostile input") says what that means in a workflow.

// C0 controls (line breaks, ESC of terminal sequences, CR that returns over a line), DEL, C1,
// and the bidi embeddings, overrides and isolates that would reorder the rest of a line.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeChar = (char: string): string =>
  Object.hasOwn(NAMED, char) ? NAMED[char]! : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control character and bidi control shown as an escape (`\n`, `\u001b`): one line, inert. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** As safeText, but line breaks (LF, CR) are kept: for a workflow command's message, which escapes them itself. */
export function safeLines(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\n' || char === '\r' ? char : escapeChar(char)));
}

// GitHub's runner reads any line of a step's output that starts with "::", after leading
// whitespace, as a workflow command (::error, ::add-mask::, ::stop-commands:: …).
const COMMAND_START = /^(\s*):/gm;

/** Under GITHUB_ACTIONS, each line of `text` that would begin a workflow command gets its first ":" escaped. */
export function withoutCommands(text: string, env: Io['env']): string {
  if (!env.GITHUB_ACTIONS) return text;
  return text.replace(COMMAND_START, (match, space: string, offset: number) =>
    text.startsWith('::', offset + space.length) ? `${space}\\u003a` : match,
  );
}

/** Prints a message for a person on stderr: one line, nothing in it escaped or commanding. */
export function printMessage(io: Io, message: string): void {
  io.stderr.write(`${withoutCommands(safeText(message), io.env)}\n`);
}

/** Writes text of several lines on stderr as it is laid out (commander's messages, a stack), each line made safe as printMessage makes one. */
export function printLines(io: Io, text: string): void {
  io.stderr.write(
    withoutCommands(
      text.replace(UNSAFE, (char) => (char === '\n' ? char : escapeChar(char))),
      io.env,
    ),
  );
}
