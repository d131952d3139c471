import { describe, expect, it } from 'vitest';
import { printLines, printMessage, safeLines, safeText, withoutCommands } from '../../src/cli/safe-text.js';
import type { Io } from '../../src/cli/io.js';

const capture = (env: Io['env']) => {
  let stderr = '';
  const io: Io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, cwd: '/', env };
  return { io, stderr: () => stderr };
};

describe('safe-text: what is printed for a person', () => {
  it.each([
    ['plain text', 'Skrev brief.md', 'Skrev brief.md'],
    ['line breaks, CR and tab', 'a\r\nb\tc', 'a\\r\\nb\\tc'],
    ['ESC sequences (title, clear screen)', '\u001b]0;pwned\u0007\u001b[2J', '\\u001b]0;pwned\\u0007\\u001b[2J'],
    ['DEL and C1', '\u007f\u009b', '\\u007f\\u009b'],
    ['bidi controls', 'a\u202eb\u2066c', 'a\\u202eb\\u2066c'],
    ['Danish letters and a direction mark stay', 'æøå \u200f', 'æøå \u200f'],
  ])('safeText escapes %s', (_, text, shown) => {
    expect(safeText(text)).toBe(shown);
  });

  it('safeLines keeps LF and CR (a workflow command escapes them), and escapes the rest', () => {
    expect(safeLines('a\r\nb\u001b')).toBe('a\r\nb\\u001b');
  });

  it.each([
    ['::warning file=x::y', '\\u003a:warning file=x::y'],
    ['  ::stop-commands::tok', '  \\u003a:stop-commands::tok'],
    ['first\n\t::error::x\nlast', 'first\n\t\\u003a:error::x\nlast'],
    ['a ::warning:: inside a line', 'a ::warning:: inside a line'],
    [':single colon', ':single colon'],
  ])('withoutCommands(%j) under GITHUB_ACTIONS', (text, shown) => {
    expect(withoutCommands(text, { GITHUB_ACTIONS: 'true' })).toBe(shown);
    expect(withoutCommands(text, {})).toBe(text);
  });

  it('printMessage writes one line, escaped and without a command', () => {
    const out = capture({ GITHUB_ACTIONS: 'true' });
    printMessage(out.io, '::error file=x::y\n::warning::z\u001b');
    expect(out.stderr()).toBe('\\u003a:error file=x::y\\n::warning::z\\u001b\n');
  });

  it('printLines keeps the lines it is given, each made safe', () => {
    const out = capture({ GITHUB_ACTIONS: 'true' });
    printLines(out.io, 'one\r\u001b[1A\n::two\n');
    expect(out.stderr()).toBe('one\\r\\u001b[1A\n\\u003a:two\n');
  });
});
