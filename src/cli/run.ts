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
import type { ImportOptions } from './commands/import.js';
import type { InitOptions } from './commands/init.js';
import type { ListOptions } from './commands/list.js';
import type { ReportOptions } from './commands/report.js';
import type { SchemaOptions } from './commands/schema.js';
import type { SummaryOptions } from './commands/summary.js';
import type { SummaryTable } from '../render/summary-csv.js';
import type { ValidateOptions } from './commands/validate.js';
import { cliErrorOf } from './errors.js';
import { recordFieldFlags } from './field-flags.js';
import { ADDABLE_KINDS, LIST_KINDS, type ListName } from '../model/ids.js';
import { IMPORT_KINDS } from '../model/import-columns.js';
import { ANSWER_FIELDS, choiceValues } from '../model/vocabulary.js';
import { commanderWords, examplesText, helpConfiguration, helpWords } from './help.js';
import { cliText } from './messages.js';
import { printLines, printMessage, safeText } from './safe-text.js';

export type { Io } from './io.js';

/** The tables of `summary --format csv` (render/summary-csv.ts SUMMARY_TABLES, which loads the CSV writer; test/cli/summary.test.ts keeps them in step). */
const SUMMARY_TABLE_NAMES = [
  'activities',
  'partners',
  'focus_areas',
  'questions',
  'rumours',
  'crime',
] as const satisfies readonly SummaryTable[];

/** Runs the CLI with `argv` (without node and script) in the world `io`; returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  // Help is in --lang, else the project's language, else Danish; the project is looked for only when help is asked for.
  const explicit = explicitLang(argv);
  const lang = explicit ?? (wantsHelp(argv) ? await projectLanguageOf(argv, io) : undefined) ?? 'da';
  const errors: CommanderOutput[] = [];
  const program = buildProgram(io, lang, errors, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander's error lines wait until the project's language is known.
      if (errors.length > 0) await printCommanderErrors(io, errors, explicit ?? (await projectLanguageOf(argv, io)) ?? 'da');
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

/** Stands for "(run with --help for usage)" after an error, until the language of the words is known. */
const RUN_WITH_HELP = '\u0000run-with-help';

/** What commander printed for an error: its message and "(Did you mean …?)", or the line after it. */
type CommanderOutput = { message: string; suggestion?: string } | { after: string };

async function printCommanderErrors(io: Io, errors: readonly CommanderOutput[], lang: Lang): Promise<void> {
  const { commanderError } = await import('./commander-errors.js');
  for (const entry of errors) {
    if ('after' in entry) {
      // The "(run with --help …)" line, or the help itself.
      printLines(io, entry.after === `${RUN_WITH_HELP}\n` ? `${helpWords(lang).run_with_help}\n` : entry.after);
      continue;
    }
    const { message, suggestion } = commanderError(entry.message, entry.suggestion, lang);
    printLines(io, `borgermode: ${safeText(message)}${suggestion}\n`);
  }
}

/** Help asked for: no arguments, -h, --help or the help command. */
const wantsHelp = (argv: readonly string[]): boolean =>
  argv.length === 0 || argv[0] === 'help' || argv.some((arg) => arg === '--help' || arg === '-h');

/** The language of the project the command line names (--data) or the nearest one; undefined when there is none. */
async function projectLanguageOf(argv: readonly string[], io: Io): Promise<Lang | undefined> {
  const { projectLanguage } = await import('../load/find-project.js');
  return projectLanguage({ data: valueOf(argv, '--data'), cwd: io.cwd });
}

/** The value of `--flag V` or `--flag=V` on the command line. */
function valueOf(argv: readonly string[], flag: string): string | undefined {
  const index = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (index < 0) return undefined;
  return argv[index]!.includes('=') ? argv[index]!.slice(flag.length + 1) : argv[index + 1];
}

/** --lang when given as da or en. */
function explicitLang(argv: readonly string[]): Lang | undefined {
  const value = valueOf(argv, '--lang');
  return value === 'en' || value === 'da' ? value : undefined;
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
const langOf = (argv: readonly string[]): Lang => explicitLang(argv) ?? 'da';

function buildProgram(io: Io, lang: Lang, errors: CommanderOutput[], setExitCode: (code: number) => void): Command {
  const text = helpWords(lang);
  const help = helpConfiguration(lang);
  // Commander's own errors ("error: unknown option …") are kept, to be printed in the project's language with the same prefix as ours.
  const output = {
    writeOut: (s: string) => void io.stdout.write(s),
    // Commander quotes what was typed (an unknown option, a bad choice): its message is one escaped line, and its "(Did you mean …?)" the next.
    writeErr: (s: string) => (errors.length > 0 ? void errors.push({ after: s }) : printLines(io, s)),
    outputError: (s: string) => {
      const [, message, suggestion] = /^(?:error: )?([\s\S]*?)(\n\(Did you mean [^\n]*\?\))?\n?$/.exec(s)!;
      errors.push({ message: message!, ...(suggestion ? { suggestion } : {}) });
    },
  };
  const program = commanderWords(new Command('borgermode'), lang)
    .description(text.program)
    .version(packageVersion(), '--version', text.version_option)
    .showHelpAfterError(RUN_WITH_HELP)
    .configureHelp(help)
    .addHelpText('after', text.after_program)
    .configureOutput(output)
    .exitOverride();

  const common = (command: Command) =>
    command
      .option('--data <dir>', text.data)
      .addOption(new Option('--lang <lang>', text.lang).choices(['da', 'en']))
      .option('--quiet', text.quiet)
      .option('--no-color', text.no_color)
      .configureOutput(output)
      .configureHelp(help)
      .showHelpAfterError(RUN_WITH_HELP)
      .exitOverride()
      .addHelpText('after', examplesText(lang, command.name()));

  // The commands that read the whole project: they may read the bundled sample, and use the cache of checked files (docs/performance.md).
  // add, answer, init and schema write into a project, so they have no --sample (the sample is not ours to write).
  const reading = (command: Command) => command.option('--sample', text.sample).option('--no-cache', text.no_cache);

  // What every rendering command (report, compare, build) takes besides: one's own templates.
  const rendering = (command: Command) => command.option('--templates <dir>', text.templates);

  reading(common(program.command('validate').description(text.validate)))
    .option('--json', text.json)
    .action(async (options: ValidateOptions) => {
      const { validateCommand } = await import('./commands/validate.js');
      setExitCode(await validateCommand(io, options));
    });

  reading(rendering(common(program.command('report').description(text.report))))
    .option('--quarter <quarter>', text.report_quarter, 'latest')
    .option('--area <id>', text.area)
    .addOption(new Option('--format <format>', text.report_format).choices(['md', 'html', 'json', 'pdf', 'docx']))
    .addOption(new Option('--audience <audience>', text.audience_report).choices(['public', 'internal']).default('public'))
    .option('-o, --output <file>', text.output)
    .action(async (options: ReportOptions) => {
      const { reportCommand } = await import('./commands/report.js');
      setExitCode(await reportCommand(io, options));
    });

  // Data entry (docs/data-entry.md): these load the yaml package, and the prompts only when they ask.
  const json = '--json';
  const jsonHelp = text.json;

  program
    .command('init')
    .description(text.init)
    .argument('[dir]', text.init_dir)
    .option('--yes', text.init_yes)
    .option('--name <name>', text.init_name)
    .option('--municipality <name>', text.init_municipality)
    .option('--police-district <name>', text.init_police_district)
    .option('--residents <n>', text.init_residents)
    .option('--zones <a,b>', text.init_zones)
    .addOption(new Option('--language <lang>', text.init_language).choices(['da', 'en']))
    .option('--min-count <n>', text.init_min_count)
    .option('--place <text>', text.init_place)
    .option('--contact-role <text>', text.init_contact_role)
    .option('--contact-phone <text>', text.init_contact_phone)
    .option('--contact-email <text>', text.init_contact_email)
    .addOption(new Option('--lang <lang>', text.lang).choices(['da', 'en']))
    .option('--quiet', text.quiet)
    .option('--no-color', text.no_color)
    .option(json, jsonHelp)
    .configureOutput(output)
    .configureHelp(help)
    .showHelpAfterError(RUN_WITH_HELP)
    .exitOverride()
    .addHelpText('after', examplesText(lang, 'init'))
    .action(async (dir: string | undefined, options: InitOptions) => {
      const { initCommand } = await import('./commands/init.js');
      setExitCode(await initCommand(io, dir, options));
    });

  const add = common(program.command('add').description(text.add))
    .addArgument(new Argument('[kind]', text.add_kind).choices([...Object.keys(ADDABLE_KINDS), 'area']))
    .option(json, jsonHelp);
  for (const [flags, words] of recordFieldFlags(lang))
    add.option(flags, flags.startsWith('--residents ') ? `${words}; area: ${text.area_residents}` : words);
  // add area (cli/add-area.ts): the fields of an area in borgermode.yaml.
  add
    .option('--name <text>', `area: ${text.area_name}`)
    .option('--id <id>', `area: ${text.area_id}`)
    .option('--municipality <name>', `area: ${text.init_municipality}`)
    .option('--police-district <name>', `area: ${text.init_police_district}`)
    .option('--zones <a,b>', `area: ${text.init_zones}`)
    .option('--fill-area', `area: ${text.area_fill}`);
  add.action(async (kind: string | undefined, options: AddOptions) => {
    const { addCommand } = await import('./commands/add.js');
    setExitCode(await addCommand(io, kind, options));
  });

  common(program.command('answer').description(text.answer))
    .argument('[question-id]', text.answer_id)
    .option(ANSWER_FIELDS.answer.flag, ANSWER_FIELDS.answer.help[lang])
    .option(ANSWER_FIELDS.answered.flag, ANSWER_FIELDS.answered.help[lang])
    // By id or label, any case (cli/record-input.ts namedValue), so not commander's choices.
    .option(ANSWER_FIELDS.status.flag, `${ANSWER_FIELDS.status.help[lang]}: ${ANSWER_FIELDS.status.offered.join(', ')}`)
    .option(ANSWER_FIELDS.verdict.flag, `${ANSWER_FIELDS.verdict.help[lang]}: ${choiceValues('verdict').join(', ')}`)
    .option(json, jsonHelp)
    .action(async (id: string | undefined, options: AnswerOptions) => {
      const { answerCommand } = await import('./commands/answer.js');
      setExitCode(await answerCommand(io, id, options));
    });

  common(program.command('import').description(text.import))
    .argument('<file>', text.import_file)
    .addOption(new Option('--kind <kind>', text.import_kind).choices(IMPORT_KINDS))
    .option('--dry-run', text.import_dry_run)
    .option('--map <file>', text.import_map)
    .option(json, jsonHelp)
    .action(async (file: string, options: ImportOptions) => {
      const { importCommand } = await import('./commands/import.js');
      setExitCode(await importCommand(io, file, options));
    });

  reading(common(program.command('list').description(text.list)))
    .addArgument(new Argument('<kind>', text.list_kind).choices(Object.keys(LIST_KINDS)))
    .option('--area <id>', text.list_area)
    .option('--quarter <quarter>', text.list_quarter)
    .option('--open', text.list_open)
    .option('--planned', text.list_planned)
    .addOption(new Option('--format <format>', text.list_format).choices(['table', 'csv', 'json']))
    .option('--json', text.list_json)
    .option('--excel', text.excel)
    .option('-o, --output <file>', text.list_output)
    .action(async (kind: ListName, options: ListOptions) => {
      const { listCommand } = await import('./commands/list.js');
      setExitCode(await listCommand(io, kind, options));
    });

  common(program.command('schema').description(text.schema))
    .option('--out <dir>', text.schema_out)
    .action(async (options: SchemaOptions) => {
      const { schemaCommand } = await import('./commands/schema.js');
      setExitCode(await schemaCommand(io, options));
    });

  reading(rendering(common(program.command('compare').description(text.compare))))
    .option('--to <quarter>', text.compare_to, 'latest')
    .option('--quarters <n>', text.compare_quarters, '8')
    .option('--area <id>', text.area)
    .option('--areas', text.compare_areas)
    .addOption(new Option('--table <table>', text.compare_table).choices(['incidents', 'activities', 'questions', 'areas']))
    .addOption(new Option('--format <format>', text.report_format).choices(['md', 'html', 'csv', 'json', 'xlsx']))
    .option('--excel', text.excel)
    .addOption(new Option('--audience <audience>', text.audience).choices(['public', 'internal']).default('public'))
    .option('-o, --output <file>', text.output)
    .action(async (options: CompareOptions) => {
      const { compareCommand } = await import('./commands/compare.js');
      setExitCode(await compareCommand(io, options));
    });

  reading(rendering(common(program.command('summary').description(text.summary))))
    .option('--year <year>', text.summary_year)
    .option('--from <quarter>', text.summary_from)
    .option('--to <quarter>', text.summary_to)
    .option('--area <id>', text.area)
    .option('--all-areas', text.summary_all_areas)
    .addOption(new Option('--format <format>', text.report_format).choices(['md', 'html', 'csv', 'json', 'pdf', 'xlsx', 'docx']))
    .addOption(new Option('--table <table>', text.summary_table).choices([...SUMMARY_TABLE_NAMES]))
    .option('--excel', text.excel)
    .addOption(new Option('--audience <audience>', text.audience).choices(['public', 'internal']).default('public'))
    .option('-o, --output <file>', text.output)
    .action(async (options: SummaryOptions) => {
      const { summaryCommand } = await import('./commands/summary.js');
      setExitCode(await summaryCommand(io, options));
    });

  reading(rendering(common(program.command('build').description(text.build))))
    .option('--out <dir>', text.build_out, 'site')
    .option('--pdf', text.build_pdf)
    .option('--docx', text.build_docx)
    .option('--json', text.build_json)
    .action(async (options: BuildOptions) => {
      const { buildCommand } = await import('./commands/build.js');
      setExitCode(await buildCommand(io, options));
    });

  return program;
}
