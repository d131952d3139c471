import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/cli/diagnostics.js';
import { run } from '../../src/cli/run.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-project.js';

const BROKEN = join(import.meta.dirname, '../fixtures/unknown-field');

async function validateOnTerminal(env: Record<string, string | undefined>, args: string[] = [], data = BROKEN): Promise<string> {
  let stderr = '';
  await run(['validate', '--data', data, '--lang', 'en', ...args], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
    cwd: process.cwd(),
    env: { BORGERMODE_TODAY: '2020-06-15', BORGERMODE_NO_CACHE: '1', ...env },
  });
  return stderr;
}

describe('colour in messages', () => {
  it('colours the severity on a terminal', async () => {
    expect(await validateOnTerminal({})).toContain('incidents.yaml:5:5 \u001b[31merror\u001b[0m unknown field "cout"');
  });

  it.each([
    ['NO_COLOR set', { NO_COLOR: '1' }, []],
    ['--no-color', {}, ['--no-color']],
  ])('never with %s', async (_, env, args) => {
    const stderr = await validateOnTerminal(env, args);
    expect(stderr).toContain('incidents.yaml:5:5 error unknown field "cout"');
    expect(stderr).not.toContain('\u001b[');
  });
});

// GitHub's workflow commands (docs: "Workflow commands for GitHub Actions"): the runner reads any
// stderr line that starts with "::", after leading whitespace, as a command. Our annotations are
// the only such lines, whatever the file names and record text are (issues 14 and 15).
describe('GitHub annotations', () => {
  it.each([
    ['plain text', 'plain', 'plain', 'plain'],
    ['a percent sign first of all', '100% = 100%25', '100%25 = 100%2525', '100%25 = 100%2525'],
    ['line breaks', 'a\r\nb\nc', 'a%0D%0Ab%0Ac', 'a%0D%0Ab%0Ac'],
    ['colons and commas, in a property only', 'x, y/a:b.yaml', 'x, y/a:b.yaml', 'x%2C y/a%3Ab.yaml'],
    ['a command in a value', '::error file=a,line=1::x', '::error file=a,line=1::x', '%3A%3Aerror file=a%2Cline=1%3A%3Ax'],
  ])('escapes %s', (_, text, data, property) => {
    expect(escapeData(text)).toBe(data);
    expect(escapeProperty(text)).toBe(property);
  });

  const project = join(tempDir(), 'project');
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  };
  file('borgermode.yaml', 'areas:\n  - id: park\n    name: Park\ncontacts:\n  - role: Lokalbetjentene\n');
  // A newline in a field name, so in the message.
  file('x, y/a:b.yaml', 'incidents:\n  - id: inc-1\n    date: 2020-01-10\n    category: violence\n    "co\\nunt": 2\n');
  // A warning, and a % in the file name and in the message.
  file(
    '100%.yaml',
    'activities:\n  - id: act-1\n    date: 2020-01-10\n    kind: patrol\n    status: planned\n    title: Gåtur\nincidents:\n  - id: inc-2\n    date: 2020-01-11\n    category: "50%"\n',
  );
  // A file name that is a workflow command, and a field name that would start a line with one (a
  // record value with a control character is refused by its own rule, control-character).
  file(
    '::error file=evil.yaml',
    'incidents:\n  - id: inc-3\n    date: 2020-01-12\n    category: violence\n    "x\\n::stop-commands::tok": 1\n',
  );
  file(' ::warning lead.yaml', 'incidents:\n  - id: inc-4\n    date: 2020-01-13\n    category: violence\n    "\\u001b[2J": 1\n');

  // Sorted by file, as always: " ::warning…" < "100%…" < "::error…" < "x, y…".
  const EXPECTED = [
    './ ::warning lead.yaml:5:5 error unknown field "\\u001b[2J"; expected one of',
    '::error file= %3A%3Awarning lead.yaml,line=5,col=5::unknown field "\\u001b[2J"; expected one of',
    '100%.yaml:3:11 warning activity is planned for 2020-01-10, which has passed; set status: done or cancelled',
    '::warning file=100%25.yaml,line=3,col=11::activity is planned for 2020-01-10, which has passed; set status: done or cancelled',
    '100%.yaml:10:15 error unknown category "50%"; expected one of',
    '::error file=100%25.yaml,line=10,col=15::unknown category "50%25"; expected one of',
    './::error file=evil.yaml:5:5 error unknown field "x\\n::stop-commands::tok"; expected one of',
    '::error file=%3A%3Aerror file=evil.yaml,line=5,col=5::unknown field "x%0A::stop-commands::tok"; expected one of',
    'x, y/a:b.yaml:5:5 error unknown field "co\\nunt" (did you mean "count"?); expected one of',
    '::error file=x%2C y/a%3Ab.yaml,line=5,col=5::unknown field "co%0Aunt" (did you mean "count"?); expected one of',
  ];
  /** Each line of stderr, cut after "expected one of" (the lists are long), less the count. */
  const lines = (stderr: string) =>
    stderr
      .split('\n')
      .slice(0, -2)
      .map((line) => line.replace(/(expected one of).*$/, '$1'));
  const ENV = { GITHUB_ACTIONS: 'true', NO_COLOR: '1' };

  it('prints every warning and error as an annotation, escaped, after its line (in-process)', async () => {
    const result = await runCli(['validate', '--lang', 'en'], { cwd: project, env: ENV });
    expect(result.exitCode).toBe(1);
    expect(lines(result.stderr)).toEqual(EXPECTED);
    expect(result.stderr.split('\n').at(-2)).toBe('4 errors, 1 warning');
  });

  it('prints the same through the real bin', async () => {
    const result = await runBin(['validate', '--lang', 'en'], { cwd: project, env: ENV });
    expect(result.exitCode).toBe(1);
    expect(lines(result.stderr)).toEqual(EXPECTED);
  });

  it.each([
    ['GITHUB_ACTIONS set, on a terminal in colour', { GITHUB_ACTIONS: 'true' }, 5],
    ['GITHUB_ACTIONS set, NO_COLOR', ENV, 5],
    ['GITHUB_ACTIONS unset', { NO_COLOR: '1' }, 0],
  ])('no other line of stderr is a workflow command, and none holds a control character but colour (%s)', async (_, env, annotations) => {
    const stderr = await validateOnTerminal(env, [], project);
    const commands = stderr.split('\n').filter((line) => line.trimStart().startsWith('::'));
    expect(commands).toHaveLength(annotations);
    for (const line of commands) expect(line).toMatch(/^::(error|warning) file=[^,:\r\n]+,line=\d+,col=\d+::[^\r\n]+$/);
    // Five findings, the count and the end of the last line.
    const plain = stderr.split('\n').filter((line) => !line.startsWith('::'));
    expect(plain).toHaveLength(7);
    for (const line of [...plain, ...commands]) expect(line.replace(/\u001b\[(31|33|0)m/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
