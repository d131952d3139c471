import { Command, CommanderError, Option } from 'commander';
import { FileAccessError } from '../load/errors.js';
import { packageVersion } from '../package-root.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Lang } from '../model/schema.js';
import type { Io } from './io.js';
import { accessErrorText } from './messages.js';

export type { Io } from './io.js';

const EXIT_CODES_HELP = `
Exit codes:
  0    success (warnings allowed)
  1    invalid data or refused output
  2    usage error, or a file that cannot be opened or written
  130  interrupted (Ctrl-C)`;

/** Runs the CLI with `argv` (without node and script) in the world `io`; returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError || error instanceof FileAccessError) {
      const message = error instanceof CliError ? error.message : accessErrorText(error, langOf(argv));
      const code = error instanceof CliError ? error.exitCode : EXIT.usage;
      io.stderr.write(`borgermode: ${message}\n`);
      // --json promises one document on stdout, also when the command could not run.
      if (argv.includes('--json')) {
        io.stdout.write(`${JSON.stringify({ ok: false, error: { code: error instanceof CliError ? 'usage' : 'file-access', message }, diagnostics: [] }, null, 2)}\n`);
      }
      return code;
    }
    throw error;
  }
}

/** The --lang of the command line, for messages about failures before the project is read. */
function langOf(argv: readonly string[]): Lang {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'da';
}

function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  // Commander's own errors ("error: unknown option …") get the same prefix as ours.
  const output = {
    writeOut: (s: string) => void io.stdout.write(s),
    writeErr: (s: string) => void io.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) => write(`borgermode: ${s.replace(/^error: /, '')}`),
  };
  const program = new Command('borgermode')
    .description('Prepare the quarterly borgermøde: check the records and render the meeting brief.')
    .version(packageVersion(), '--version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .configureOutput(output)
    .exitOverride();

  const common = (command: Command) =>
    command
      .option('--data <dir>', 'the data project folder (default: the nearest folder with borgermode.yaml)')
      .addOption(new Option('--lang <lang>', 'language of the text for people').choices(['da', 'en']))
      .option('--quiet', 'print nothing but errors')
      .option('--no-color', 'no colour in messages')
      .configureOutput(output)
      .showHelpAfterError('(run with --help for usage)')
      .exitOverride();

  common(program.command('validate').description('check every file and print every problem; exit 1 on errors'))
    .option('--json', 'print the result and diagnostics as one JSON document on stdout')
    .action(async (options) => {
      const { validateCommand } = await import('./commands/validate.js');
      setExitCode(await validateCommand(io, options));
    });

  common(program.command('report').description('render the brief for one area and one quarter (stdout unless -o)'))
    .option('--quarter <quarter>', 'the quarter: 2020-Q1, latest or previous', 'latest')
    .option('--area <id>', 'the area (default: the only or first area)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'json']).default('md'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options) => {
      const { reportCommand } = await import('./commands/report.js');
      setExitCode(await reportCommand(io, options));
    });

  return program;
}

