import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/help.js';
import { BIN, runCli, TEST_ENV } from '../helpers/run-cli.js';
import { copyProject, SAMPLE, tempDir } from '../helpers/temp-project.js';

// --help and commander's own errors in the project's language (src/cli/help.ts).
const COMMANDS = ['validate', 'report', 'init', 'add', 'answer', 'list', 'schema', 'compare', 'summary', 'build'];
const outside = tempDir();

/** A project folder whose borgermode.yaml says `language: en`. */
function englishProject(): string {
  const dir = copyProject(SAMPLE);
  const settings = join(dir, 'borgermode.yaml');
  writeFileSync(settings, `language: en # the project's language\n${readFileSync(settings, 'utf8').replace(/^language:.*\n/m, '')}`);
  return dir;
}

/** A small spreadsheet of the kind its name says: incidents as CSV, activities as a workbook. */
async function spreadsheetFor(path: string): Promise<void> {
  if (path.endsWith('.csv')) return writeFileSync(path, 'Dato;Kategori;Antal\n2020-04-01;theft;2\n');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Aktiviteter').addRows([
    ['Dato', 'Aktivitet', 'Slags', 'Deltagere'],
    [new Date(Date.UTC(2020, 3, 2)), 'Fodbold', 'youth_activity', 12],
  ]);
  await book.xlsx.writeFile(path);
}

describe('--help', () => {
  it("is Danish by default: headings, descriptions, commander's own words and the examples", async () => {
    const help = await runCli(['--help'], { cwd: outside });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Brug: borgermode \[flag\] \[kommando\]\n\nForbered det kvartalsvise borgermøde/);
    expect(help.stdout).toContain('Kommandoer:');
    expect(help.stdout).toMatch(/-h, --help +vis hjælp til kommandoen/);
    expect(help.stdout).toMatch(/Eksempler:\n {2}borgermode report --sample/);
    expect(help.stdout).toMatch(/Exitkoder:\n {2}0 +i orden/);
  });

  it.each(COMMANDS)('of %s is Danish, with examples, and no English of commander left', async (command) => {
    const help = await runCli([command, '--help'], { cwd: outside });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^Brug: borgermode ${command} \\[flag\\]`));
    expect(help.stdout).toContain('\nFlag:\n');
    expect(help.stdout).toContain(`\nEksempler:\n  ${EXAMPLES.da[command]!.split('\n')[0]}`);
    for (const english of ['Usage:', 'Options:', 'display help', '(default:', 'choices:', 'the data project folder'])
      expect(help.stdout).not.toContain(english);
  });

  it('is English with --lang en, and in a project whose language is English (found from here up, or by --data)', async () => {
    const english = await runCli(['report', '--help', '--lang', 'en'], { cwd: outside });
    expect(english.stdout).toMatch(/^Usage: borgermode report \[options\]/);
    expect(english.stdout).toMatch(
      /--audience <audience> +public \(handouts, sites: small counts suppressed\) or\s+internal \(the team only\) \(choices: "public",\s+"internal", default: "public"\)/,
    );
    expect(english.stdout).toContain('\nExamples:\n  borgermode report\n');
    const project = englishProject();
    expect((await runCli(['--help'], { cwd: join(project, '2020') })).stdout).toMatch(/^Usage: borgermode \[options\] \[command\]/);
    expect((await runCli(['list', '--help', '--data', project], { cwd: outside })).stdout).toMatch(/^Usage: borgermode list/);
    // --lang wins over the project's language.
    expect((await runCli(['--help', '--lang', 'da'], { cwd: project })).stdout).toMatch(/^Brug:/);
  });

  it('gives add its field flags and answer its flags in the language', async () => {
    expect((await runCli(['add', '--help'], { cwd: outside })).stdout).toMatch(/--zone <zone> +incident, question: en af områdets zoner/);
    expect((await runCli(['answer', '--help'], { cwd: outside })).stdout).toMatch(/--text <text> +svaret, som det gives offentligt/);
  });

  it('shows examples that run: every flag and value in them is one the command takes', async () => {
    for (const lang of ['da', 'en'] as const) {
      for (const [command, lines] of Object.entries(EXAMPLES[lang])) {
        for (const line of lines.split('\n')) {
          // The words of the command line, without a shell's redirection.
          const args = [...line.replace(/ > .*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
          const dir = command === 'init' ? tempDir() : copyProject(SAMPLE);
          // The spreadsheets the import examples read.
          if (command === 'import') await spreadsheetFor(join(dir, args[1]!));
          const result = await runCli(args, { cwd: dir, env: { CI: '1' } });
          expect(result.stderr, `${lang} ${command}: ${line}`).not.toMatch(
            /ukendt flag|ugyldig værdi|unknown option|is invalid|mangler argumentet/,
          );
          expect([0, 1, 2], line).toContain(result.exitCode);
          if (
            !/--pdf|pdf -o|^borgermode answer$|^borgermode add incident$|^borgermode init mit-omraade$|^borgermode init my-area$/.test(line)
          )
            expect(result.exitCode, `${line}: ${result.stderr}`).toBe(0);
        }
      }
    }
  }, 120_000);
});

describe("commander's errors", () => {
  it('are Danish by default, with "mente du …?", also for a bad choice (commander gives none)', async () => {
    const unknown = await runCli(['report', '--qarter', '2020-Q1'], { cwd: outside });
    expect(unknown).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "borgermode: ukendt flag '--qarter'\n(mente du --quarter?)\n(kør med --help for at se, hvordan kommandoen bruges)\n",
    });
    const kind = await runCli(['list', 'question'], { cwd: outside });
    expect(kind.exitCode).toBe(2);
    expect(kind.stderr).toBe(
      "borgermode: ugyldig værdi 'question' til <kind>; forventede en af incidents, activities, questions, meetings, priorities, surveys, list-status\n(mente du questions?)\n(kør med --help for at se, hvordan kommandoen bruges)\n",
    );
    const format = await runCli(['report', '--format', 'htm'], { cwd: outside });
    expect(format.stderr).toMatch(
      /^borgermode: ugyldig værdi 'htm' til flaget '--format <format>'; forventede en af md, html, json, pdf, docx\n\(mente du html\?\)\n/,
    );
    expect((await runCli(['list'], { cwd: outside })).stderr).toMatch(/^borgermode: mangler argumentet <kind>\n/);
    expect((await runCli(['report', '--quarter'], { cwd: outside })).stderr).toMatch(
      /^borgermode: flaget '--quarter <quarter>' mangler sin værdi\n/,
    );
    expect((await runCli(['rapport'], { cwd: outside })).stderr).toMatch(/^borgermode: ukendt kommando 'rapport'\n\(mente du report\?\)\n/);
    expect((await runCli(['validate', 'x', 'y'], { cwd: outside })).stderr).toMatch(
      /^borgermode: for mange argumenter: forventede højst 0, fik 2\n/,
    );
  });

  it("are English with --lang en or in an English project, with commander's own words", async () => {
    const english = await runCli(['list', 'question', '--lang', 'en'], { cwd: outside });
    expect(english.stderr).toBe(
      "borgermode: command-argument value 'question' is invalid for argument 'kind'. Allowed choices are incidents, activities, questions, meetings, priorities, surveys, list-status.\n(Did you mean questions?)\n(run with --help for usage)\n",
    );
    const project = englishProject();
    expect((await runCli(['report', '--qarter', '2020-Q1'], { cwd: project })).stderr).toBe(
      "borgermode: unknown option '--qarter'\n(Did you mean --quarter?)\n(run with --help for usage)\n",
    );
  });

  it('still show what was typed escaped: no control character reaches the terminal', async () => {
    const result = await runCli(['report', '--x\u001b[2J'], { cwd: outside });
    expect(result.stderr).toContain("ukendt flag '--x\\u001b[2J'");
    expect(result.stderr).not.toContain('\u001b');
  });
});

describe('a reader that stops early', () => {
  it('ends the output quietly: borgermode --help | head -1 is exit 0 with nothing on stderr (the real bin)', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { cwd: outside, env: { ...process.env, ...TEST_ENV } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read one chunk, then close the pipe, as head does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
