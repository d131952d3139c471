import { type Argument, type Command, Help, type Option } from 'commander';
import type { Lang } from '../model/schema.js';

// The words of --help and of commander's own errors, in Danish and English (docs/data-entry.md,
// "Help and errors in your language"). The language is --lang, else the project's (the
// `language:` line of its borgermode.yaml), else Danish. Kept apart from run.ts so that the
// commands read as a list of commands.

const da = {
  program: 'Forbered det kvartalsvise borgermøde: tjek registreringerne og lav mødeoplægget.',
  after_program: `
Projektet: --data MAPPE, ellers den nærmeste mappe herfra og opad med borgermode.yaml. Findes
ingen, læser validate, report, compare og summary det medfølgende eksempel (Værebro Park, opdigtede
tal) med en besked på stderr, også med --quiet; med CI sat, og for build altid, er det i stedet en
brugsfejl (exit 2). --sample læser eksemplet hvor som helst.

Eksempler:
  borgermode report --sample                  mødeoplægget fra eksemplet
  borgermode init mit-omraade                 start et projekt
  borgermode add incident                     registrér en hændelse (spørger på en terminal)
  borgermode list questions --open            de spørgsmål, der venter på svar
  borgermode validate                         tjek alle filer

Exitkoder:
  0    i orden (advarsler tilladt)
  1    ugyldige data eller afvist output
  2    brugsfejl, eller en fil, der ikke kan åbnes eller skrives
  70   en fejl i borgermode selv (BORGERMODE_DEBUG=1 viser detaljer)
  130  afbrudt (Ctrl-C)`,
  help_option: 'vis hjælp til kommandoen',
  help_command: 'vis hjælp til en kommando',
  version_option: 'vis versionsnummeret',
  data: 'projektets mappe (standard: den nærmeste mappe med borgermode.yaml)',
  lang: 'sproget i tekst til mennesker',
  quiet: 'skriv kun fejl',
  no_color: 'ingen farver i beskederne',
  sample: 'læs det medfølgende eksempel (Værebro Park, opdigtede tal), også i CI og for build; ikke sammen med --data',
  no_cache: 'læs og tjek alle filer igen, uden lageret i .borgermode/cache/',
  templates: 'en mappe med egne skabeloner, som bruges før projektets templates/ og standardskabelonerne (docs/templates.md)',
  json: 'skriv resultatet og fundene som ét JSON-dokument på stdout',
  output: 'skriv til denne fil i stedet for stdout',
  excel: 'CSV til dansk Excel: ";", decimalkomma, UTF-8 med BOM',
  area: 'området (standard: det eneste eller det første)',
  audience_report: 'public (uddelinger, sider: små tal skjules) eller internal (kun for holdet)',
  audience: 'public (små tal skjules) eller internal (kun for holdet)',
  validate: 'tjek alle filer og skriv alle problemer; exit 1 ved fejl',
  report: 'lav mødeoplægget for ét område og ét kvartal (stdout uden -o)',
  report_quarter: 'kvartalet: 2020-Q1, latest eller previous',
  report_format: 'format (standard: det, -o FIL angiver, ellers md)',
  init: 'start et projekt: borgermode.yaml, en eksempelfil og skemaerne til editoren (spørger på en terminal; --yes tager standardværdierne)',
  init_dir: 'projektets mappe (standard: den aktuelle mappe)',
  init_yes: 'tag standardværdierne i stedet for at spørge',
  init_name: 'områdets navn',
  init_municipality: 'kommunen',
  init_police_district: 'politikredsen',
  init_residents: 'antal beboere',
  init_zones: 'områdets zoner, adskilt med komma',
  init_language: 'projektets sprog',
  init_min_count: 'privacy.min_count: det mindste tal, der vises offentligt (standard 5)',
  init_place: 'meeting.place: borgermødernes faste sted',
  init_contact_role: 'en kontakt i mødeoplægget: rollen (flere skrives i borgermode.yaml)',
  init_contact_phone: 'kontaktens telefon',
  init_contact_email: 'kontaktens e-mail',
  add: 'tilføj en post: spørger om det, der mangler, på en terminal, tager flag i scripts; føjer den til den rette fil og bevarer kommentarer og layout',
  add_kind: 'slags post',
  import:
    'læs hændelser, aktiviteter eller spørgsmål fra et regneark (.csv eller .xlsx) ind som poster; intet skrives, hvis en række er forkert',
  import_file: 'regnearket (.csv, .txt eller .xlsx)',
  import_kind: 'hvilken slags poster rækkerne er (standard: gættet ud fra overskrifterne)',
  import_dry_run: 'vis, hvad der ville blive tilføjet, uden at skrive noget',
  import_map: 'en kortlægningsfil (YAML): hvilket felt en ukendt kolonne er, og hvad arkets egne ord betyder; gemmes til næste gang',
  area_name: 'områdets navn',
  area_id: 'områdets id (standard: lavet af navnet)',
  area_residents: 'antal beboere',
  area_fill: 'skriv det første områdes id i de poster, der intet area-felt har (det andet område kræver det)',
  answer: 'skriv svaret på et spørgsmål i selve spørgsmålet (spørger på en terminal)',
  answer_id: 'spørgsmålets id (på en terminal uden id: vælges blandt de åbne spørgsmål)',
  list: 'vis posterne af én slags: en tabel på en terminal, --format csv eller --json til scripts (holdets eget overblik: intet skjules)',
  list_kind: 'hvad der skal vises',
  list_area: 'kun posterne fra dette område',
  list_quarter: 'kun dette kvartal (2020-Q1, latest eller previous): daterede poster i det, prioriteter aktive i det, tal fra dets år',
  list_open: 'spørgsmål, der venter på svar (open eller in_progress); prioriteter, der stadig er aktive',
  list_planned: 'planlagte aktiviteter; møder fra i dag og frem',
  list_format: 'format (standard: det, -o FIL angiver, ellers table)',
  list_json: 'det samme som --format json: posterne og fundene som ét JSON-dokument',
  list_output: 'skriv til denne fil (.csv eller .json) i stedet for stdout',
  schema: 'skriv JSON-skemaerne for datafilerne til editorer (standard: projektets .borgermode/schema/)',
  schema_out: 'mappen, de skrives til',
  compare: 'sammenligningstabeller over kvartaler (ét område) eller på tværs af områder (ét kvartal)',
  compare_to: 'det sidste kvartal: 2020-Q1, latest eller previous',
  compare_quarters: 'hvor mange kvartaler, sluttende med --to',
  compare_areas: 'sammenlign områderne for ét kvartal (--to-kvartalet)',
  compare_table: 'hvilken tabel',
  summary:
    'arbejdet i en periode for helhedsplanen: aktiviteter, samarbejdspartnere, spørgsmål, rygter, kriminalitetens udvikling, tryghed og listestatus',
  summary_year: 'et kalenderår (standard: året for det seneste kvartal med data)',
  summary_from: 'det første kvartal i en række kvartaler, f.eks. 2019-Q3',
  summary_to: 'det sidste kvartal i rækken (standard: latest)',
  summary_all_areas: 'alle områder, med et overblik',
  summary_table: 'tabellen i --format csv (standard: activities)',
  build: 'hele den offentlige side til CI: alle mødeoplæg, årsopsamlingerne, sammenligningssiderne og en forside',
  build_out: 'mappen til siden (udskiftes atomisk)',
  build_pdf: 'udskriv også alle mødeoplæg og opsamlinger som PDF (kræver Chromium: chromium på PATH eller BORGERMODE_CHROMIUM)',
  build_docx: 'gem også alle mødeoplæg og opsamlinger som Word-dokumenter (.docx)',
  build_json: 'skriv, hvad der blev skrevet, og fundene som ét JSON-dokument på stdout',
  // Commander's headings and the words in its "(…)" after an option.
  'Usage:': 'Brug:',
  'Options:': 'Flag:',
  'Commands:': 'Kommandoer:',
  'Arguments:': 'Argumenter:',
  choices: 'valg',
  default: 'standard',
  run_with_help: '(kør med --help for at se, hvordan kommandoen bruges)',
} as const;

type HelpKey = keyof typeof da;

const en: { readonly [K in HelpKey]: string } = {
  program: 'Prepare the quarterly borgermøde: check the records and render the meeting brief.',
  after_program: `
The project: --data DIR, else the nearest folder from here up with borgermode.yaml. When none is
found, validate, report, compare and summary read the bundled sample (Værebro Park, made-up
figures) with a notice on stderr, even with --quiet; with CI set, and for build always, that is a
usage error (exit 2) instead. --sample reads the sample anywhere.

Examples:
  borgermode report --sample                  the brief of the sample
  borgermode init my-area                     start a project
  borgermode add incident                     record an incident (asks on a terminal)
  borgermode list questions --open            the questions waiting for an answer
  borgermode validate                         check every file

Exit codes:
  0    success (warnings allowed)
  1    invalid data or refused output
  2    usage error, or a file that cannot be opened or written
  70   a fault in borgermode itself (BORGERMODE_DEBUG=1 prints its stack)
  130  interrupted (Ctrl-C)`,
  help_option: 'display help for command',
  help_command: 'display help for command',
  version_option: 'output the version number',
  data: 'the data project folder (default: the nearest folder with borgermode.yaml)',
  lang: 'language of the text for people',
  quiet: 'print nothing but errors',
  no_color: 'no colour in messages',
  sample: 'read the bundled sample project (Værebro Park, made-up figures), also in CI and for build; not with --data',
  no_cache: 'read and check every file again, without the cache in .borgermode/cache/',
  templates: "a folder of your own templates, looked up before the project's templates/ and the defaults (docs/templates.md)",
  json: 'print the result and diagnostics as one JSON document on stdout',
  output: 'write to this file instead of stdout',
  excel: 'CSV for Danish Excel: ";", decimal comma, UTF-8 with BOM',
  area: 'the area (default: the only or first area)',
  audience_report: 'public (handouts, sites: small counts suppressed) or internal (the team only)',
  audience: 'public (small counts suppressed) or internal (the team only)',
  validate: 'check every file and print every problem; exit 1 on errors',
  report: 'render the brief for one area and one quarter (stdout unless -o)',
  report_quarter: 'the quarter: 2020-Q1, latest or previous',
  report_format: 'output format (default: the one -o FILE names, else md)',
  init: 'start a data project: borgermode.yaml, an example record file and the editor schemas (asks on a terminal; --yes takes defaults)',
  init_dir: 'the project folder (default: the current folder)',
  init_yes: 'take the defaults instead of asking',
  init_name: 'the name of the area',
  init_municipality: 'the municipality',
  init_police_district: 'the police district',
  init_residents: 'the number of residents',
  init_zones: 'the zones of the area, separated by commas',
  init_language: 'the language of the project',
  init_min_count: 'privacy.min_count: the smallest count shown in public output (default 5)',
  init_place: 'meeting.place: the usual place of the meetings',
  init_contact_role: 'a contact for the brief: the role (more are written in borgermode.yaml)',
  init_contact_phone: "the contact's phone",
  init_contact_email: "the contact's email",
  add: 'add a record: asks for what is missing on a terminal, takes flags in scripts; appends it where it belongs, keeping comments and layout',
  add_kind: 'the kind of record',
  import: 'read incidents, activities or questions from a spreadsheet (.csv or .xlsx) as records; nothing is written if a row is wrong',
  import_file: 'the spreadsheet (.csv, .txt or .xlsx)',
  import_kind: 'which kind of records the rows are (default: guessed from the headers)',
  import_dry_run: 'show what would be added, without writing anything',
  import_map: "a mapping file (YAML): which field an unknown column is, and what the sheet's own words mean; kept for next time",
  area_name: 'the name of the area',
  area_id: "the area's id (default: made from the name)",
  area_residents: 'the number of residents',
  area_fill: "write the first area's id into the records that have no area field (a second area needs it)",
  answer: 'record the answer to a question in the question itself (asks on a terminal)',
  answer_id: 'the id of the question (on a terminal, without it: chosen from the open questions)',
  list: "show the records of one kind: a table on a terminal, --format csv or --json for scripts (the team's view: nothing suppressed)",
  list_kind: 'what to list',
  list_area: 'only the records of this area',
  list_quarter: 'only this quarter (2020-Q1, latest or previous): dated records in it, priorities active in it, figures of its year',
  list_open: 'questions still waiting for their answer (open or in_progress); priorities still active',
  list_planned: 'activities planned; meetings from today on',
  list_format: 'output format (default: the one -o FILE names, else table)',
  list_json: 'the same as --format json: the records and the diagnostics as one JSON document',
  list_output: 'write to this file (.csv or .json) instead of stdout',
  schema: "write the JSON Schemas of the data files, for editors (default: the project's .borgermode/schema/)",
  schema_out: 'the folder to write them to',
  compare: 'comparison tables across quarters (one area) or across areas (one quarter)',
  compare_to: 'the last quarter: 2020-Q1, latest or previous',
  compare_quarters: 'how many quarters, ending with --to',
  compare_areas: 'compare the areas for one quarter (the --to quarter)',
  compare_table: 'which table',
  summary: 'the work of a period for the helhedsplan: activities, partners, questions, rumours, the crime trend, tryghed and list status',
  summary_year: 'a calendar year (default: the year of the latest quarter with data)',
  summary_from: 'the first quarter of a run of quarters, e.g. 2019-Q3',
  summary_to: 'the last quarter of the run (default: latest)',
  summary_all_areas: 'every area, with an overview',
  summary_table: 'the table of --format csv (default: activities)',
  build: 'the whole public site for CI: every brief, the year summaries, the comparison pages and an index',
  build_out: 'the site folder (replaced atomically)',
  build_pdf: 'also print every brief and summary to PDF (needs Chromium: chromium on PATH or BORGERMODE_CHROMIUM)',
  build_docx: 'also save every brief and summary as a Word document (.docx)',
  build_json: 'print what was written and the diagnostics as one JSON document on stdout',
  'Usage:': 'Usage:',
  'Options:': 'Options:',
  'Commands:': 'Commands:',
  'Arguments:': 'Arguments:',
  choices: 'choices',
  default: 'default',
  run_with_help: '(run with --help for usage)',
};

export type HelpWords = { readonly [K in HelpKey]: string };

/** The words of --help in `lang`. */
export const helpWords = (lang: Lang): HelpWords => (lang === 'da' ? da : en);

/** Examples after a command's options, in `lang`. */
export const EXAMPLES: { readonly [L in Lang]: Readonly<Record<string, string>> } = {
  da: {
    validate: 'borgermode validate\nborgermode validate --json > fund.json',
    report:
      'borgermode report\nborgermode report --quarter 2020-Q1 -o moedeoplaeg.html\nborgermode report --format pdf -o moedeoplaeg.pdf\nborgermode report -o moedeoplaeg.docx',
    init: 'borgermode init mit-omraade\nborgermode init --yes --name "Værebro Park" --zones "Blok 1-4,Centret" --place Beboerhuset --contact-role Lokalbetjentene --contact-phone 114',
    add: 'borgermode add incident\nborgermode add incident --date 3.2.2020 --category tyveri --zone centret\nborgermode add meeting --date 2020-04-22 --time 19.00\nborgermode add area --name Nordparken --fill-area',
    answer: 'borgermode answer\nborgermode answer q-2020-01-22-3 --text "Ja, fra maj hver tirsdag kl. 16-18."',
    import: 'borgermode import haendelser.csv --dry-run\nborgermode import aktiviteter.xlsx --kind activities',
    list: 'borgermode list questions --open\nborgermode list activities --planned\nborgermode list incidents --quarter 2020-Q1 --format csv --excel -o haendelser.csv',
    schema: 'borgermode schema\nborgermode schema --out skemaer',
    compare:
      'borgermode compare\nborgermode compare --table activities --quarters 4\nborgermode compare --format csv --excel -o sammenligning.csv',
    summary:
      'borgermode summary --year 2019\nborgermode summary --from 2019-Q3 --to 2020-Q2 --format html -o opsamling.html\nborgermode summary --year 2019 -o opsamling-2019.docx',
    build: 'borgermode build --out site\nborgermode build --out site --pdf\nborgermode build --out site --docx',
  },
  en: {
    validate: 'borgermode validate\nborgermode validate --json > findings.json',
    report:
      'borgermode report\nborgermode report --quarter 2020-Q1 -o brief.html\nborgermode report --format pdf -o brief.pdf\nborgermode report -o brief.docx',
    init: 'borgermode init my-area\nborgermode init --yes --name "Værebro Park" --zones "Blok 1-4,Centret" --place "Residents\' house" --contact-role "Local police" --contact-phone 114',
    add: 'borgermode add incident\nborgermode add incident --date 2020-02-03 --category burglary --zone Centret\nborgermode add meeting --date 2020-04-22 --time 19:00\nborgermode add area --name Northpark --fill-area',
    answer: 'borgermode answer\nborgermode answer q-2020-01-22-3 --text "Yes, from May every Tuesday 16-18."',
    import: 'borgermode import incidents.csv --dry-run\nborgermode import activities.xlsx --kind activities',
    list: 'borgermode list questions --open\nborgermode list activities --planned\nborgermode list incidents --quarter 2020-Q1 --format csv -o incidents.csv',
    schema: 'borgermode schema\nborgermode schema --out schemas',
    compare: 'borgermode compare\nborgermode compare --table activities --quarters 4\nborgermode compare --format csv -o compare.csv',
    summary:
      'borgermode summary --year 2019\nborgermode summary --from 2019-Q3 --to 2020-Q2 --format html -o summary.html\nborgermode summary --year 2019 -o summary-2019.docx',
    build: 'borgermode build --out site\nborgermode build --out site --pdf\nborgermode build --out site --docx',
  },
};

/** The text after a command's help: its examples. */
export function examplesText(lang: Lang, command: string): string {
  const lines = EXAMPLES[lang][command];
  if (lines === undefined) return '';
  const heading = lang === 'da' ? 'Eksempler:' : 'Examples:';
  return `\n${heading}\n${lines
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}`;
}

/** Commander's help in `lang`: its headings, and "(valg: …, standard: …)" after an option or argument. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  const words = helpWords(lang);
  const extra = (item: Option | Argument, showDefault: boolean): string => {
    const parts: string[] = [];
    if (item.argChoices) parts.push(`${words.choices}: ${item.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
    if (showDefault && item.defaultValue !== undefined)
      parts.push(`${words.default}: ${item.defaultValueDescription ?? JSON.stringify(item.defaultValue)}`);
    return item.description + (parts.length > 0 ? ` (${parts.join(', ')})` : '');
  };
  const usage = (text: string) => (lang === 'da' ? text.replace('[options]', '[flag]').replace('[command]', '[kommando]') : text);
  const plain = new Help();
  return {
    commandUsage: (command: Command) => usage(plain.commandUsage(command)),
    subcommandTerm: (command: Command) => usage(plain.subcommandTerm(command)),
    styleTitle: (title: string) => (Object.hasOwn(words, title) ? words[title as HelpKey] : title),
    // As commander shows them: a default only for an option that takes a value (not for --no-color's true).
    optionDescription: (option: Option) => extra(option, option.required || option.optional),
    argumentDescription: (argument: Argument) => extra(argument, true),
  };
}

/** Sets the words commander itself gives the help option, the version option and the help command. */
export function commanderWords(command: Command, lang: Lang): Command {
  const words = helpWords(lang);
  return command.helpOption('-h, --help', words.help_option).helpCommand('help [command]', words.help_command);
}
