import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import jsYaml from 'js-yaml';
import * as v from 'valibot';
import { checkValue } from '../../load/check-value.js';
import { accessError, FileAccessError } from '../../model/file-access-error.js';
import { AreaSchema, ContactSchema, type Lang, LANGS, RECORD_SCHEMAS, SETTINGS_FILE, SettingsSchema } from '../../model/schema.js';
import { EDITOR_SCHEMA_DIR, modelineFor, RECORDS_SCHEMA_FILE, SETTINGS_SCHEMA_FILE } from '../../model/editor-schema.js';
import type { Finding } from '../../model/finding.js';
import { orWords } from '../../model/messages.js';
import { editorSchemaFiles } from '../../model/json-schema.js';
import { pathExists, writeProjectFile } from '../../write/write-output.js';
import { formatFlowValue } from '../../write/yaml-edit.js';
import { EXIT, usageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { choiceName, cliText, listWords } from '../messages.js';
import { printMessage } from '../safe-text.js';
import { canPrompt, promptsFor } from '../prompts.js';
import { askChoice, askValue, badFlag, checkOneLineFlag, parseValue } from '../record-input.js';
import { areaIdOf } from '../../model/area-id.js';
import { BUILTIN_CATEGORIES } from '../../model/categories.js';
import { choiceValues, type ExampleKind, FIELDS, type FieldEntry, KIND_NOTES, type ValueType, type Words } from '../../model/vocabulary.js';

export interface InitOptions {
  lang?: Lang;
  quiet?: boolean;
  color?: boolean;
  json?: boolean;
  yes?: boolean;
  name?: string;
  municipality?: string;
  policeDistrict?: string;
  residents?: string;
  zones?: string;
  language?: string;
  minCount?: string;
  place?: string;
  contactRole?: string;
  contactPhone?: string;
  contactEmail?: string;
}

/** The example record file `init` writes: comments only, so it counts as an empty record file. */
export const EXAMPLE_FILE = 'example.yaml';

interface ProjectAnswers {
  name: string;
  municipality?: string;
  police_district?: string;
  residents?: number;
  zones?: string[];
  language: Lang;
  min_count: number;
  /** meeting.place: where the meetings usually are. */
  place?: string;
  /** The first of `contacts`. */
  contact?: { role: string; phone?: string; email?: string };
}

// The fields' own schemas from model/schema.ts, so init checks what validate will.
const MIN_COUNT = SettingsSchema.entries.privacy.wrapped.entries.min_count as v.GenericSchema;
const LANGUAGE = SettingsSchema.entries.language as v.GenericSchema;
const areaEntry = (key: 'name' | 'municipality' | 'police_district' | 'residents' | 'zones'): v.GenericSchema => AreaSchema.entries[key];
const PLACE = SettingsSchema.entries.meeting.wrapped.entries.place as v.GenericSchema;
const contactEntry = (key: 'role' | 'phone' | 'email'): v.GenericSchema => ContactSchema.entries[key];

/** `borgermode init [DIR]`: asks for the area and writes borgermode.yaml, an example record file and the editor schemas. */
export async function initCommand(io: Io, dir: string | undefined, options: InitOptions): Promise<number> {
  let lang: Lang = options.lang ?? (options.language === 'en' ? 'en' : 'da');
  const target = resolve(io.cwd, dir ?? '.');
  const shown = relative(io.cwd, target) || '.';

  // An existing project is never touched, nor is one made inside another (its files would be read as records there).
  if (await pathExists(join(target, SETTINGS_FILE))) return refuse(io, options, cliText(lang, 'init_exists', { dir: shown }));
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    if (await pathExists(join(folder, SETTINGS_FILE)))
      return refuse(io, options, cliText(lang, 'init_inside', { dir: shown, root: folder }));
    if (dirname(folder) === folder) break;
  }
  try {
    if (!(await stat(target)).isDirectory()) throw new FileAccessError('folder', target, 'not-a-folder');
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw accessError(error, target, 'folder');
  }

  const answers = await gatherAnswers(io, options, lang);
  lang = options.lang ?? answers.language;
  const today = todayYear(io);
  const files = new Map<string, string>([
    ...editorSchemaFiles().map(({ name, text }) => [`${EDITOR_SCHEMA_DIR}/${name}`, text] as const),
    [SETTINGS_FILE, renderSettings(answers)],
  ]);
  if (!(await pathExists(join(target, EXAMPLE_FILE)))) files.set(EXAMPLE_FILE, renderExample(answers, today));
  assertValidSettings(files.get(SETTINGS_FILE)!);

  try {
    await mkdir(target, { recursive: true });
  } catch (error) {
    throw accessError(error, target, 'output');
  }
  // borgermode.yaml last: it marks the folder as a project, so it appears only when the rest is there.
  for (const [file, text] of [...files].sort(([a], [b]) => Number(a === SETTINGS_FILE) - Number(b === SETTINGS_FILE)))
    await writeProjectFile(target, file, text);

  const written = [...files.keys()].sort();
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ok: true, dir: target, files: written, diagnostics: [] }, null, 2)}\n`);
  } else if (!options.quiet) {
    // "Oprettede et projekt i .:" read as a typo: the working folder is named in words.
    printMessage(
      io,
      cliText(lang, 'init_done', { dir: shown === '.' ? cliText(lang, 'this_folder') : shown, files: listWords(lang, written) }),
    );
    // What the first brief lacks, when it lacks something (issue 18, item 4).
    const lacks =
      answers.contact === undefined
        ? answers.place === undefined
          ? 'init_lacks'
          : 'init_lacks_contacts'
        : answers.place === undefined
          ? 'init_lacks_place'
          : undefined;
    if (lacks) printMessage(io, cliText(lang, lacks));
    printMessage(io, cliText(lang, 'init_next'));
  }
  return EXIT.ok;
}

function refuse(io: Io, options: InitOptions, message: string): number {
  if (options.json)
    io.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'project-exists', message }, diagnostics: [] }, null, 2)}\n`);
  else printMessage(io, `borgermode: ${message}`);
  return EXIT.invalidData;
}

/** Flags, then (on a terminal, without --yes) questions for the rest, then defaults. */
async function gatherAnswers(io: Io, options: InitOptions, lang: Lang): Promise<ProjectAnswers> {
  const flag = (name: string, type: ValueType, schema: v.GenericSchema, raw: string | undefined) => {
    const value = parseValue(type, raw);
    if (value !== undefined && !v.safeParse(schema, value).success) throw badFlag(lang, name, schema, value);
    checkOneLineFlag(lang, name, schema, value);
    return value;
  };
  const given = {
    name: flag('--name', 'text', areaEntry('name'), options.name) as string | undefined,
    municipality: flag('--municipality', 'text', areaEntry('municipality'), options.municipality) as string | undefined,
    police_district: flag('--police-district', 'text', areaEntry('police_district'), options.policeDistrict) as string | undefined,
    residents: flag('--residents', 'whole', areaEntry('residents'), options.residents) as number | undefined,
    zones: flag('--zones', 'list', areaEntry('zones'), options.zones) as string[] | undefined,
    language: flag('--language', 'text', LANGUAGE, options.language) as Lang | undefined,
    min_count: flag('--min-count', 'whole', MIN_COUNT, options.minCount) as number | undefined,
    place: flag('--place', 'text', PLACE, options.place) as string | undefined,
    role: flag('--contact-role', 'text', contactEntry('role'), options.contactRole) as string | undefined,
    phone: flag('--contact-phone', 'text', contactEntry('phone'), options.contactPhone) as string | undefined,
    email: flag('--contact-email', 'text', contactEntry('email'), options.contactEmail) as string | undefined,
  };
  if (given.role === undefined && (given.phone !== undefined || given.email !== undefined))
    throw usageError(cliText(lang, 'contact_needs_role'));
  const contactOf = (role: string | undefined, phone: string | undefined, email: string | undefined) =>
    role === undefined ? undefined : { role, ...(phone === undefined ? {} : { phone }), ...(email === undefined ? {} : { email }) };
  if (options.yes || !canPrompt(io)) {
    if (!options.yes && given.name === undefined) {
      throw usageError(
        cliText(lang, 'missing_values', {
          flags: listWords(lang, ['--name']),
          example: 'borgermode init --name "Værebro Park" (eller --yes)',
        }),
      );
    }
    const { role, phone, email, ...area } = given;
    return {
      ...area,
      name: given.name ?? cliText(lang, 'default_area_name'),
      language: given.language ?? lang,
      min_count: given.min_count ?? 5,
      contact: contactOf(role, phone, email),
    };
  }
  const prompts = promptsFor(io, lang);
  const ask = async (
    key: Parameters<typeof cliText>[1],
    type: ValueType,
    schema: v.GenericSchema,
    required = false,
    defaultValue?: string,
  ) => askValue(prompts, lang, { message: cliText(lang, key), type, schema, required, default: defaultValue });
  const name = given.name ?? ((await ask('ask_area_name', 'text', areaEntry('name'), true, cliText(lang, 'default_area_name'))) as string);
  const municipality = given.municipality ?? ((await ask('ask_municipality', 'text', areaEntry('municipality'))) as string | undefined);
  const police_district =
    given.police_district ?? ((await ask('ask_police_district', 'text', areaEntry('police_district'))) as string | undefined);
  const residents = given.residents ?? ((await ask('ask_residents', 'whole', areaEntry('residents'))) as number | undefined);
  const zones = given.zones ?? ((await ask('ask_zones', 'list', areaEntry('zones'))) as string[] | undefined);
  const place = given.place ?? ((await ask('ask_place', 'text', PLACE)) as string | undefined);
  // One contact here; more are written under contacts: in borgermode.yaml.
  const role = given.role ?? ((await ask('ask_contact_role', 'text', contactEntry('role'))) as string | undefined);
  const phone =
    role === undefined
      ? undefined
      : (given.phone ?? ((await ask('ask_contact_phone', 'text', contactEntry('phone'))) as string | undefined));
  const email =
    role === undefined
      ? undefined
      : (given.email ?? ((await ask('ask_contact_email', 'text', contactEntry('email'))) as string | undefined));
  const language =
    given.language ??
    (await askChoice(prompts, lang, {
      message: cliText(lang, 'ask_language'),
      choices: LANGS.map((l) => ({ value: l, name: choiceName(lang, 'language', l) })),
      default: lang,
    }))!;
  const min_count = given.min_count ?? ((await ask('ask_min_count', 'whole', MIN_COUNT, true, '5')) as number);
  return { name, municipality, police_district, residents, zones, language, min_count, place, contact: contactOf(role, phone, email) };
}

/** Lines of YAML with their comments lined up in one column. */
function withComments(lines: readonly (readonly [string, string?])[]): string {
  const width = Math.max(...lines.filter(([, comment]) => comment !== undefined).map(([text]) => text.length)) + 2;
  return lines.map(([text, comment]) => (comment === undefined ? text : `${text.padEnd(width)}# ${comment}`).trimEnd()).join('\n') + '\n';
}

const SETTINGS_TEXT = {
  da: {
    head: 'Projektindstillinger for borgermode. Felterne er beskrevet i borgermodes docs/data-format.md.',
    title: (name: string) => `Tryghed i ${name}`,
    title_c: 'vises i overskrifter',
    language_c: 'da (dansk) eller en (engelsk): sproget i mødeoplæg og meddelelser',
    areas_c: 'mindst ét område',
    id_c: 'bruges i posternes area-felt; a-z, 0-9 og -',
    municipality_c: 'kommunen (valgfri)',
    police_district_c: 'politikredsen (valgfri)',
    residents_c: 'giver tal pr. 1.000 beboere (valgfri)',
    zones_c: 'posternes zone skal være en af disse (valgfri)',
    privacy_c: 'offentlige udgaver viser tal fra 1 til {n} som "<{m}"',
    place_c: 'standardstedet for borgermøderne',
    contacts_c: 'vises i mødeoplægget; roller og fælles numre, ikke private',
    role: 'Lokalbetjent',
  },
  en: {
    head: "Project settings for borgermode. The fields are described in borgermode's docs/data-format.md.",
    title: (name: string) => `Safety in ${name}`,
    title_c: 'shown in headers',
    language_c: 'da (Danish) or en (English): the language of the brief and the messages',
    areas_c: 'at least one area',
    id_c: 'used in the area field of records; a-z, 0-9 and -',
    municipality_c: 'the municipality (optional)',
    police_district_c: 'the police district (optional)',
    residents_c: 'gives rates per 1,000 residents (optional)',
    zones_c: "a record's zone must be one of these (optional)",
    privacy_c: 'public output shows counts from 1 to {n} as "<{m}"',
    place_c: 'the usual place of the meetings',
    contacts_c: 'shown in the brief; roles and shared numbers, not private ones',
    role: 'Local police officer',
  },
};

function renderSettings(a: ProjectAnswers): string {
  const t = SETTINGS_TEXT[a.language];
  const y = formatFlowValue;
  const optional = (key: string, value: unknown, comment: string, example: string): [string, string] =>
    value === undefined ? [`    # ${key}: ${example}`, comment] : [`    ${key}: ${y(value)}`, comment];
  return withComments([
    [modelineFor(SETTINGS_FILE, SETTINGS_SCHEMA_FILE)],
    [`# ${t.head}`],
    [`title: ${y(t.title(a.name))}`, t.title_c],
    [`language: ${a.language}`, t.language_c],
    [''],
    ['areas:', t.areas_c],
    [`  - id: ${areaIdOf(a.name)}`, t.id_c],
    [`    name: ${y(a.name)}`],
    optional('municipality', a.municipality, t.municipality_c, 'Gladsaxe'),
    optional('police_district', a.police_district, t.police_district_c, 'Københavns Vestegns Politi'),
    optional('residents', a.residents, t.residents_c, '2600'),
    a.zones === undefined ? ['    # zones: [Blok 1-4, Centret]', t.zones_c] : [`    zones: [${a.zones.map(y).join(', ')}]`, t.zones_c],
    [''],
    ['privacy:'],
    [`  min_count: ${a.min_count}`, t.privacy_c.replace('{n}', String(a.min_count - 1)).replace('{m}', String(a.min_count))],
    [''],
    ...(a.place === undefined
      ? [['# meeting:'], ['#   place: Beboerhuset', t.place_c]]
      : [['meeting:'], [`  place: ${y(a.place)}`, t.place_c]]),
    [''],
    ...(a.contact === undefined
      ? [['# contacts:', t.contacts_c], [`#   - role: ${t.role}`], ['#     phone: "114"']]
      : [
          ['contacts:', t.contacts_c],
          [`  - role: ${y(a.contact.role)}`],
          ...(a.contact.phone === undefined ? [] : [[`    phone: ${y(a.contact.phone)}`]]),
          ...(a.contact.email === undefined ? [] : [[`    email: ${y(a.contact.email)}`]]),
        ]),
  ] as [string, string?][]);
}

function renderExample(a: ProjectAnswers, year: string): string {
  const id = areaIdOf(a.name);
  const zone = a.zones?.[0] ?? 'Blok 1-4';
  const da = a.language === 'da';
  const head = da
    ? [
        'Eksempel på en postfil. Alt her er kommentarer, så filen tæller ikke med i tallene.',
        'Fjern "# " foran en post for at bruge den, eller lad borgermode skrive posterne:',
        '  borgermode add incident | activity | question | meeting',
        'add skriver i <år>/incidents.yaml, <år>/activities.yaml, questions.yaml og meetings.yaml.',
        'En postfil kan ligge hvor som helst i projektmappen og rumme flere slags poster.',
        `Feltet area kan udelades, når projektet kun har ét område (her: ${id}).`,
      ]
    : [
        'An example record file. Everything here is a comment, so the file adds nothing to the figures.',
        'Remove the "# " before a record to use it, or let borgermode write the records:',
        '  borgermode add incident | activity | question | meeting',
        'add writes to <year>/incidents.yaml, <year>/activities.yaml, questions.yaml and meetings.yaml.',
        'A record file may sit anywhere in the project folder and hold several kinds of records.',
        `The area field may be left out while the project has one area (here: ${id}).`,
      ];
  const lines: [string, string?][] = [[modelineFor(EXAMPLE_FILE, RECORDS_SCHEMA_FILE)], ...head.map((text): [string] => [`# ${text}`])];
  const lang = a.language;
  const fill = (value: string | Words) =>
    (typeof value === 'string' ? value : value[lang]).replace(/\{year\}/g, year).replace(/\{zone\}/g, zone);
  // Every kind add makes, each field with an example in the record vocabulary's order (model/vocabulary.ts FIELDS).
  for (const kind of Object.keys(KIND_NOTES) as ExampleKind[]) {
    lines.push(['#'], [`# ${kind}:`, KIND_NOTES[kind][lang]]);
    let first = true;
    for (const [key, entry] of Object.entries(FIELDS[kind] as Readonly<Record<string, FieldEntry>>)) {
      if (!entry.example) continue;
      if ('comment' in entry.example) {
        lines.push([`#     # ${entry.example.comment[lang]}`]);
        continue;
      }
      const [note, more] = entry.example.note ? [entry.example.note[lang]] : valuesNote(kind, key, entry, lang);
      lines.push([`#${first ? '   - ' : '     '}${key}: ${fill(entry.example.value)}`, note]);
      if (more !== undefined) lines.push(['#', more]);
      first = false;
    }
  }
  return withComments(lines);
}

/**
 * The comment of a field whose values come from a list (a fixed list, or the built-in categories):
 * the values, the default marked, "(optional)" when it has none and may be left out; a long list
 * on two lines.
 */
function valuesNote(kind: ExampleKind, key: string, entry: FieldEntry, lang: Lang): [string?, string?] {
  const values = entry.add?.choices
    ? choiceValues(entry.add.choices)
    : key === 'category'
      ? BUILTIN_CATEGORIES.map((c) => c.id)
      : undefined;
  if (!values) return [];
  const schema = (RECORD_SCHEMAS[kind].entries as Record<string, v.GenericSchema>)[key]!;
  const optional = schema.type === 'optional';
  const fallback = optional ? v.getDefault(schema as v.OptionalSchema<v.GenericSchema, unknown>) : undefined;
  const named = values.map((value) => (value === fallback ? `${value} ${lang === 'da' ? '(standard)' : '(default)'}` : value));
  const text = `${orWords(lang, named)}${optional && fallback === undefined ? (lang === 'da' ? ' (valgfri)' : ' (optional)') : ''}`;
  if (text.length <= NOTE_WIDTH) return [text];
  // Broken after the last comma that keeps the first line within the width.
  const cut = text.lastIndexOf(', ', NOTE_WIDTH - 1);
  return [text.slice(0, cut + 1), text.slice(cut + 2)];
}

/** The width of the example file's comments, past which a list of values goes on two lines. */
const NOTE_WIDTH = 70;

function todayYear(io: Io): string {
  const fixed = io.env.BORGERMODE_TODAY;
  return (fixed && /^\d{4}/.test(fixed) ? fixed : (io.now ? io.now() : new Date()).toISOString()).slice(0, 4);
}

/** The settings `init` writes must pass the checks `validate` makes: a failure here is a bug, not the user's. */
function assertValidSettings(text: string): void {
  const findings: Finding[] = [];
  // The rendered text is plain YAML built from checked values; parse it the way the loader does.
  checkValue(SettingsSchema, parseSettings(text), SETTINGS_FILE, [], findings);
  if (findings.length > 0) throw new Error(`init rendered invalid settings: ${JSON.stringify(findings)}`);
}

function parseSettings(text: string): unknown {
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
}
