import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-cli.js';
import { ROOT, tempDir } from '../helpers/temp-project.js';

// Issue 15, items 3 and 6, through the real bin: nothing printed can command a terminal or a CI
// log, and record and settings text stays text. (test/fixtures/hostile-text is another matter:
// HTML and Markdown in record text, rendered harmlessly.)

const FIXTURES = join(ROOT, 'test', 'fixtures');
const COMMANDS = join(FIXTURES, 'hostile-text-commands');
const CONTROLS = join(FIXTURES, 'hostile-text-controls');
const BIDI = join(FIXTURES, 'hostile-text-bidi');
const NAMES = join(FIXTURES, 'hostile-text-names');
const ACTIONS = { GITHUB_ACTIONS: 'true' };

/** Lines GitHub's runner would read as workflow commands: "::" first, after leading whitespace. */
const commandLines = (text: string) => text.split('\n').filter((line) => /^\s*::/.test(line));
/** Control characters (ESC, BEL, CR …) that a terminal acts on; a line feed ends a line and is fine. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('under GITHUB_ACTIONS no line of any output begins a workflow command', () => {
  it.each([
    ['report (md)', ['report']],
    ['report --format html', ['report', '--format', 'html']],
    ['report --format json', ['report', '--format', 'json']],
    ['summary', ['summary']],
    ['compare', ['compare']],
  ])('%s of a project whose names and texts are commands', async (_, args) => {
    const result = await runBin([...args, '--data', COMMANDS], { env: ACTIONS });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('forged area');
    expect(commandLines(result.stdout)).toEqual([]);
    expect(commandLines(result.stderr)).toEqual([]);
  });

  it('a flag value with a line break and a command is one escaped line (a usage error)', async () => {
    const result = await runBin(['report', '--data', COMMANDS, '--area', 'x\n::stop-commands::tok'], { env: ACTIONS });
    expect(result.exitCode).toBe(2);
    expect(commandLines(result.stderr)).toEqual([]);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('"x\\n::stop-commands::tok"');
  });

  it('so is a bad choice that commander reports', async () => {
    const result = await runBin(['report', '--data', COMMANDS, '--format', 'x\n::error file=INJECTED.yaml::forged'], { env: ACTIONS });
    expect(result.exitCode).toBe(2);
    expect(commandLines(result.stderr)).toEqual([]);
    expect(result.stderr).toContain("'x\\n::error file=INJECTED.yaml::forged'");
  });

  it('so is a setting from the environment', async () => {
    const result = await runBin(['validate', '--data', COMMANDS], {
      env: { ...ACTIONS, BORGERMODE_TODAY: '2020\n::error file=INJECTED.yaml::forged' },
    });
    expect(result.exitCode).toBe(2);
    expect(commandLines(result.stderr)).toEqual([]);
  });

  it('a file named as a command: only our annotations start with "::", with the name escaped', async () => {
    const project = join(tempDir(), 'project');
    cpSync(COMMANDS, project, { recursive: true });
    writeFileSync(
      join(project, '::error file=INJECTED.yaml::forged.yaml'),
      'incidents:\n  - id: inc-x\n    date: 2020-02-11\n    category: nonsense\n',
    );
    const result = await runBin(['validate', '--lang', 'en'], { cwd: project, env: ACTIONS });
    expect(result.exitCode).toBe(1);
    const commands = commandLines(result.stderr);
    expect(commands).toEqual([
      '::error file=%3A%3Aerror file=INJECTED.yaml%3A%3Aforged.yaml,line=4,col=15::unknown category "nonsense"; expected one of violence, sexual, threats, burglary, theft, vehicle, robbery, vandalism, arson, drugs, weapons, traffic, nuisance, other',
    ]);
    expect(result.stderr).toContain('./::error file=INJECTED.yaml::forged.yaml:4:15 error');
  });
});

describe('control characters in record and settings text are refused where they are', () => {
  it('validate: a control-character error at each field, file:line:col, and nothing raw on stderr', async () => {
    const result = await runBin(['validate', '--data', CONTROLS, '--lang', 'en']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    const places = result.stderr
      .split('\n')
      .filter((line) => line.includes(' error '))
      .map((line) => line.split(' ')[0]);
    expect(places).toEqual(['borgermode.yaml:4:11', 'records.yaml:5:12', 'records.yaml:9:12']);
    expect(result.stderr).toContain(
      'records.yaml:5:12 error field "title": expected text without control characters on one line (no tab or line break), found U+0000 at character 4',
    );
    expect(result.stderr).toContain(
      'records.yaml:9:12 error field "title": expected text without control characters on one line (no tab or line break), found U+000D at character 6',
    );
    const json = JSON.parse((await runBin(['validate', '--data', CONTROLS, '--json'])).stdout) as { diagnostics: { code: string }[] };
    expect(json.diagnostics.map((d) => d.code)).toEqual(['control-character', 'control-character', 'control-character']);
  });

  it('in Danish too', async () => {
    const result = await runBin(['validate', '--data', CONTROLS]);
    expect(result.stderr).toContain(
      'records.yaml:5:12 error feltet "title": forventede tekst uden kontroltegn på én linje (uden tabulator og linjeskift), fandt U+0000 som tegn nr. 4',
    );
  });

  it.each(['md', 'html'])('report --format %s refuses them, and nothing of them reaches stdout', async (format) => {
    const project = join(tempDir(), 'project');
    cpSync(CONTROLS, project, { recursive: true });
    writeFileSync(
      join(project, 'borgermode.yaml'),
      'areas:\n  - id: testparken\n    name: Testparken\ncontacts:\n  - role: Lokalbetjentene\n',
    );
    const result = await runBin(['report', '--format', format], { cwd: project });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  });

  it('a tab and a line break in a field of several lines are fine', async () => {
    const project = join(tempDir(), 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'borgermode.yaml'),
      'areas:\n  - id: testparken\n    name: Testparken\ncontacts:\n  - role: Lokalbetjentene\n',
    );
    const records = readFileSync(join(CONTROLS, 'records.yaml'), 'utf8').split('  - id: act-2020-02-14-1')[1];
    writeFileSync(join(project, 'records.yaml'), `activities:\n  - id: act-2020-02-14-1${records}`);
    const result = await runBin(['validate'], { cwd: project });
    expect(result.stderr).toBe('OK: ingen problemer fundet\n');
    expect(result.exitCode).toBe(0);
  });

  it('a NUL byte past the first 8 KiB is reported at its own line and column', async () => {
    const project = join(tempDir(), 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'borgermode.yaml'),
      'areas:\n  - id: testparken\n    name: Testparken\ncontacts:\n  - role: Lokalbetjentene\n',
    );
    const lines = ['incidents:'];
    for (let i = 0; lines.join('\n').length < 9000; i++) lines.push(`  - {id: inc-${i}, date: 2020-01-10, category: theft}`);
    lines.push('  - {id: inc-nul, date: 2020-01-10, category: theft, summary: "a\0b"}');
    writeFileSync(join(project, 'incidents.yaml'), `${lines.join('\n')}\n`);
    const result = await runBin(['validate', '--json'], { cwd: project });
    expect(result.exitCode).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { line: number; column: number; code: string }[] };
    expect(diagnostics).toMatchObject([{ line: lines.length, column: lines.at(-1)!.indexOf('\0') + 1, code: 'control-character' }]);
  });

  it('ESC sequences in a path or a flag reach stderr escaped', async () => {
    const missing = await runBin(['validate', '--data', '\u001b]0;pwned\u0007\u001b[2J']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).not.toMatch(RAW_CONTROL);
    expect(missing.stderr).toContain('\\u001b]0;pwned\\u0007\\u001b[2J');
    const area = await runBin(['report', '--data', NAMES, '--area', 'x\r\u001b[1Aborgermode: OK']);
    expect(area.exitCode).toBe(2);
    expect(area.stderr).not.toMatch(RAW_CONTROL);
    expect(area.stderr).toContain('"x\\r\\u001b[1Aborgermode: OK"');
  });
});

describe('bidi controls', () => {
  it('one left open is refused; closed pairs and a lone direction mark are fine', async () => {
    const result = await runBin(['validate', '--data', BIDI, '--lang', 'en']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n').filter((line) => line.includes(' error '))).toEqual([
      'records.yaml:9:12 error field "title": expected bidi controls (U+202A–U+202E, U+2066–U+2069) in pairs that close each other, found U+202E at character 10 without its partner, which would turn the direction of the text after the field; remove it, or close it with U+202C (PDF) or U+2069 (PDI)',
    ]);
    // Printed, a bidi control is escaped, so it cannot turn the message line around either.
    expect(result.stderr).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('the balanced title reaches the brief as written', async () => {
    const project = join(tempDir(), 'project');
    cpSync(BIDI, project, { recursive: true });
    const records = readFileSync(join(project, 'records.yaml'), 'utf8');
    writeFileSync(join(project, 'records.yaml'), records.split('  - id: act-2020-02-13-1')[0]!);
    const result = await runBin(['report', '--quarter', '2020-Q1'], { cwd: project });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Vandring \u2067مرحبا\u2069 og \u202bשלום\u202c, med \u200f alene');
  });
});

describe('names that are properties of every object', () => {
  it.each([
    ['report (md)', ['report', '--quarter', '2020-Q1']],
    ['report --format html', ['report', '--quarter', '2020-Q1', '--format', 'html']],
    ['summary', ['summary', '--year', '2020']],
  ])('%s shows each survey measure, zone and partner as its name', async (_, args) => {
    const result = await runBin([...args, '--data', NAMES]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toMatch(/\[object Object\]|native code|function /);
    for (const measure of ['constructor', 'toString', '__proto__', 'valueOf'])
      expect(result.stdout).toMatch(new RegExp(`(- |<li>)${measure}: (\\*\\*|<strong>)\\d+ %`));
  });
});
