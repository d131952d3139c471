import { Argument, Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../package-root.js';
import { EXIT } from './exit-codes.js';
import type { Lang } from '../model/schema.js';
import type { Io } from './io.js';
// Only types: each command's module is loaded when it runs. Commander hands the options untyped.
import type { AddOptions } from './commands/add.js';
import type { AnswerOptions } from './commands/answer.js';
import type { BuildOptions } from './commands/build.js';
import type { CompareOptions } from './commands/compare.js';
import type { InitOptions } from './commands/init.js';
import type { ListOptions } from './commands/list.js';
import type { ReportOptions } from './commands/report.js';
import type { SchemaOptions } from './commands/schema.js';
import type { SummaryOptions } from './commands/summary.js';
import type { ValidateOptions } from './commands/validate.js';
import { cliErrorOf } from './errors.js';
import { recordFieldFlags } from './field-flags.js';
import { ADDABLE_KINDS, LIST_KINDS, type ListName } from '../model/ids.js';
import { ANSWER_FIELDS, choiceValues } from '../model/vocabulary.js';
import { cliText } from './messages.js';
import { printLines, printMessage, safeText } from './safe-text.js';

export type { Io } from './io.js';

const AFTER_HELP = `
The project: --data DIR, else the nearest folder from here up with borgermode.yaml. When none is
found, validate, report, compare and summary read the bundled sample (Værebro Park, made-up
figures) with a notice on stderr, even with --quiet; with CI set, and for build always, that is a
usage error (exit 2) instead. --sample reads the sample anywhere.

Exit codes:
  0    success (warnings allowed)
  1    invalid data or refused output
  2    usage error, or a file that cannot be opened or written
  70   a fault in borgermode itself (BORGERMODE_DEBUG=1 prints its stack)
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
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    // A command that knows the project's language has given its errors in it; the rest get --lang's.
    const cli = cliErrorOf(error, langOf(argv));
    if (!cli) return internalError(error, argv, io);
    printMessage(io, `borgermode: ${cli.message}`);
    // --json promises one document on stdout, also when the command could not run.
    if (argv.includes('--json'))
      io.stdout.write(`${JSON.stringify({ ok: false, error: { code: cli.code, message: cli.message }, diagnostics: [] }, null, 2)}\n`);
    return cli.exitCode;
  }
}

/** Anything else is a fault in borgermode: one honest line (the stack only with BORGERMODE_DEBUG), the --json document still, exit 70. */
function internalError(error: unknown, argv: readonly string[], io: Io): number {
  const detail = error instanceof Error ? error.message : String(error);
  const message = cliText(langOf(argv), 'internal_error', { detail });
  printMessage(io, `borgermode: ${message}`);
  if (io.env.BORGERMODE_DEBUG && error instanceof Error && error.stack) printLines(io, `${error.stack}\n`);
  if (argv.includes('--json'))
    io.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'internal', message }, diagnostics: [] }, null, 2)}\n`);
  return EXIT.internal;
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
    // Commander quotes what was typed (an unknown option, a bad choice): its message is one escaped line, and its "(Did you mean …?)" the next.
    writeErr: (s: string) => printLines(io, s),
    outputError: (s: string, write: (s: string) => void) => {
      const [, message, suggestion] = /^(?:error: )?([\s\S]*?)(\n\(Did you mean [^\n]*\?\))?\n?$/.exec(s)!;
      write(`borgermode: ${safeText(message!)}${suggestion ?? ''}\n`);
    },
  };
  const program = new Command('borgermode')
    .description('Prepare the quarterly borgermøde: check the records and render the meeting brief.')
    .version(packageVersion(), '--version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', AFTER_HELP)
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

  // The commands that read the whole project: they may read the bundled sample, and use the cache of checked files (docs/performance.md).
  // add, answer, init and schema write into a project, so they have no --sample (the sample is not ours to write).
  const reading = (command: Command) =>
    command
      .option('--sample', 'read the bundled sample project (Værebro Park, made-up figures), also in CI and for build; not with --data')
      .option('--no-cache', 'read and check every file again, without the cache in .borgermode/cache/');

  // What every rendering command (report, compare, build) takes besides: one's own templates.
  const rendering = (command: Command) =>
    command.option(
      '--templates <dir>',
      "a folder of your own templates, looked up before the project's templates/ and the defaults (docs/templates.md)",
    );

  reading(common(program.command('validate').description('check every file and print every problem; exit 1 on errors')))
    .option('--json', 'print the result and diagnostics as one JSON document on stdout')
    .action(async (options: ValidateOptions) => {
      const { validateCommand } = await import('./commands/validate.js');
      setExitCode(await validateCommand(io, options));
    });

  reading(rendering(common(program.command('report').description('render the brief for one area and one quarter (stdout unless -o)'))))
    .option('--quarter <quarter>', 'the quarter: 2020-Q1, latest or previous', 'latest')
    .option('--area <id>', 'the area (default: the only or first area)')
    .addOption(
      new Option('--format <format>', 'output format (default: the one -o FILE names, else md)').choices(['md', 'html', 'json', 'pdf']),
    )
    .addOption(
      new Option('--audience <audience>', 'public (handouts, sites: small counts suppressed) or internal (the team only)')
        .choices(['public', 'internal'])
        .default('public'),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: ReportOptions) => {
      const { reportCommand } = await import('./commands/report.js');
      setExitCode(await reportCommand(io, options));
    });

  // Data entry (docs/data-entry.md): these load the yaml package, and the prompts only when they ask.
  const json = '--json';
  const jsonHelp = 'print the result and diagnostics as one JSON document on stdout';

  program
    .command('init')
    .description(
      'start a data project: borgermode.yaml, an example record file and the editor schemas (asks on a terminal; --yes takes defaults)',
    )
    .argument('[dir]', 'the project folder (default: the current folder)')
    .option('--yes', 'take the defaults instead of asking')
    .option('--name <name>', 'the name of the area')
    .option('--municipality <name>', 'the municipality')
    .option('--police-district <name>', 'the police district')
    .option('--residents <n>', 'the number of residents')
    .option('--zones <a,b>', 'the zones of the area, separated by commas')
    .addOption(new Option('--language <lang>', 'the language of the project').choices(['da', 'en']))
    .option('--min-count <n>', 'privacy.min_count: the smallest count shown in public output (default 5)')
    .addOption(new Option('--lang <lang>', 'language of the text for people').choices(['da', 'en']))
    .option('--quiet', 'print nothing but errors')
    .option('--no-color', 'no colour in messages')
    .option(json, jsonHelp)
    .configureOutput(output)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .action(async (dir: string | undefined, options: InitOptions) => {
      const { initCommand } = await import('./commands/init.js');
      setExitCode(await initCommand(io, dir, options));
    });

  const add = common(
    program
      .command('add')
      .description(
        'add a record: asks for what is missing on a terminal, takes flags in scripts; appends it where it belongs, keeping comments and layout',
      ),
  )
    .addArgument(new Argument('[kind]', 'the kind of record').choices(Object.keys(ADDABLE_KINDS)))
    .option(json, jsonHelp);
  for (const [flags, help] of recordFieldFlags('en')) add.option(flags, help);
  add.action(async (kind: string | undefined, options: AddOptions) => {
    const { addCommand } = await import('./commands/add.js');
    setExitCode(await addCommand(io, kind, options));
  });

  common(program.command('answer').description('record the answer to a question in the question itself (asks on a terminal)'))
    .argument('[question-id]', 'the id of the question (on a terminal, without it: chosen from the open questions)')
    .option(ANSWER_FIELDS.answer.flag, ANSWER_FIELDS.answer.help.en)
    .option(ANSWER_FIELDS.answered.flag, ANSWER_FIELDS.answered.help.en)
    // By id or label, any case (cli/record-input.ts namedValue), so not commander's choices.
    .option(ANSWER_FIELDS.status.flag, `${ANSWER_FIELDS.status.help.en}: ${ANSWER_FIELDS.status.offered.join(', ')}`)
    .option(ANSWER_FIELDS.verdict.flag, `${ANSWER_FIELDS.verdict.help.en}: ${choiceValues('verdict').join(', ')}`)
    .option(json, jsonHelp)
    .action(async (id: string | undefined, options: AnswerOptions) => {
      const { answerCommand } = await import('./commands/answer.js');
      setExitCode(await answerCommand(io, id, options));
    });

  reading(
    common(
      program
        .command('list')
        .description(
          "show the records of one kind: a table on a terminal, --format csv or --json for scripts (the team's view: nothing suppressed)",
        ),
    ),
  )
    .addArgument(new Argument('<kind>', 'what to list').choices(Object.keys(LIST_KINDS)))
    .option('--area <id>', 'only the records of this area')
    .option(
      '--quarter <quarter>',
      'only this quarter (2020-Q1, latest or previous): dated records in it, priorities active in it, figures of its year',
    )
    .option('--open', 'questions still waiting for their answer (open or in_progress); priorities still active')
    .option('--planned', 'activities planned; meetings from today on')
    .addOption(
      new Option('--format <format>', 'output format (default: the one -o FILE names, else table)').choices(['table', 'csv', 'json']),
    )
    .option('--json', 'the same as --format json: the records and the diagnostics as one JSON document')
    .option('--excel', 'CSV for Danish Excel: ";", decimal comma, UTF-8 with BOM')
    .option('-o, --output <file>', 'write to this file (.csv or .json) instead of stdout')
    .action(async (kind: ListName, options: ListOptions) => {
      const { listCommand } = await import('./commands/list.js');
      setExitCode(await listCommand(io, kind, options));
    });

  common(
    program
      .command('schema')
      .description("write the JSON Schemas of the data files, for editors (default: the project's .borgermode/schema/)"),
  )
    .option('--out <dir>', 'the folder to write them to')
    .action(async (options: SchemaOptions) => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExitCode(await schemaCommand(io, options));
    });

  reading(
    rendering(common(program.command('compare').description('comparison tables across quarters (one area) or across areas (one quarter)'))),
  )
    .option('--to <quarter>', 'the last quarter: 2020-Q1, latest or previous', 'latest')
    .option('--quarters <n>', 'how many quarters, ending with --to', '8')
    .option('--area <id>', 'the area (default: the only or first area)')
    .option('--areas', 'compare the areas for one quarter (the --to quarter)')
    .addOption(new Option('--table <table>', 'which table').choices(['incidents', 'activities', 'questions', 'areas']))
    .addOption(
      new Option('--format <format>', 'output format (default: the one -o FILE names, else md)').choices(['md', 'html', 'csv', 'json']),
    )
    .option('--excel', 'CSV for Danish Excel: ";", decimal comma, UTF-8 with BOM')
    .addOption(
      new Option('--audience <audience>', 'public (small counts suppressed) or internal (the team only)')
        .choices(['public', 'internal'])
        .default('public'),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: CompareOptions) => {
      const { compareCommand } = await import('./commands/compare.js');
      setExitCode(await compareCommand(io, options));
    });

  reading(
    rendering(
      common(
        program
          .command('summary')
          .description(
            'the work of a period for the helhedsplan: activities, partners, questions, rumours, the crime trend, tryghed and list status',
          ),
      ),
    ),
  )
    .option('--year <year>', 'a calendar year (default: the year of the latest quarter with data)')
    .option('--from <quarter>', 'the first quarter of a run of quarters, e.g. 2019-Q3')
    .option('--to <quarter>', 'the last quarter of the run (default: latest)')
    .option('--area <id>', 'the area (default: the only or first area)')
    .option('--all-areas', 'every area, with an overview')
    .addOption(
      new Option('--format <format>', 'output format (default: the one -o FILE names, else md)').choices([
        'md',
        'html',
        'csv',
        'json',
        'pdf',
      ]),
    )
    .addOption(
      new Option('--table <table>', 'the table of --format csv (default: activities)').choices([
        'activities',
        'partners',
        'questions',
        'rumours',
        'crime',
      ]),
    )
    .option('--excel', 'CSV for Danish Excel: ";", decimal comma, UTF-8 with BOM')
    .addOption(
      new Option('--audience <audience>', 'public (small counts suppressed) or internal (the team only)')
        .choices(['public', 'internal'])
        .default('public'),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: SummaryOptions) => {
      const { summaryCommand } = await import('./commands/summary.js');
      setExitCode(await summaryCommand(io, options));
    });

  reading(
    rendering(
      common(
        program
          .command('build')
          .description('the whole public site for CI: every brief, the year summaries, the comparison pages and an index'),
      ),
    ),
  )
    .option('--out <dir>', 'the site folder (replaced atomically)', 'site')
    .option('--pdf', 'also print every brief and summary to PDF (needs Chromium: chromium on PATH or BORGERMODE_CHROMIUM)')
    .option('--json', 'print what was written and the diagnostics as one JSON document on stdout')
    .action(async (options: BuildOptions) => {
      const { buildCommand } = await import('./commands/build.js');
      setExitCode(await buildCommand(io, options));
    });

  return program;
}
