import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';

// `borgermode validate` on the scenario folders of test/fixtures, each case run twice: in-process
// through run() and through the real bin (dist/, built by test/global-setup.ts). Both must give the
// same exit code and the same bytes on stdout and stderr.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test', 'fixtures');

/** The same world for both runs: a fixed "today", no colour, no CI annotations. */
const ENV: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', BORGERMODE_TODAY: '2020-06-15' };
delete ENV.GITHUB_ACTIONS;
delete ENV.FORCE_COLOR;

const BOM = [0xef, 0xbb, 0xbf];
/** `text` saved the Windows way: with a UTF-8 byte order mark and CRLF line ends. */
const bomCrlf = (text: string): Uint8Array => Uint8Array.from([...BOM, ...Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);

const SETTINGS = `areas:
  - id: vaerebro-park
    name: Værebro Park
    zones: [Blok 1-4, Centret]
contacts:
  - role: Lokalbetjentene
`;

const CATEGORY_IDS =
  'violence, sexual, threats, burglary, theft, vehicle, robbery, vandalism, arson, drugs, weapons, traffic, nuisance, other';
const INCIDENT_FIELDS = 'id, area, internal_note, import_id, date, category, count, zone, summary, source, status';
const RECORD_KINDS = 'incidents, activities, questions, meetings, priorities, surveys, list_status';

interface Case {
  name: string;
  /** Run in a fresh temp folder holding the fixture as `project/`. */
  args: string[];
  /** A folder under test/fixtures; copied, so a run can never change it. */
  fixture?: string;
  /** Files written into the copy: bytes that git or an editor must not get to change (binary, BOM, CRLF). */
  write?: Record<string, string | Uint8Array>;
  /** The working folder, relative to the temp folder (default: the temp folder itself). */
  cwd?: string;
  /** Variables added to the environment of both runs. */
  env?: Record<string, string>;
  exitCode: 0 | 1 | 2;
  /** Every `file:line:col severity` that must be printed, in this order, and no others. */
  locations?: string[];
  /** A string must start some line of stderr; a RegExp must match stderr. */
  stderr: (string | RegExp)[];
  notStderr?: (string | RegExp)[];
  /** The parsed stdout of a --json run; without it stdout must be empty. */
  json?: unknown;
}

// The table checks the English messages; the Danish ones (the default) have their own cases below.
const validate = (...more: string[]) => ['validate', '--data', 'project', '--lang', 'en', ...more];

const cases: Case[] = [
  {
    name: 'a valid project',
    fixture: 'valid',
    args: validate(),
    exitCode: 0,
    locations: [],
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'YAML syntax error (a key without its colon)',
    fixture: 'yaml-syntax-error',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:3:5 error'],
    stderr: [
      'incidents.yaml:3:5 error YAML syntax error: a line is missing ":" after its key, or is indented wrongly',
      /^1 error, 0 warnings$/m,
    ],
    notStderr: ['OK:'],
  },
  {
    name: 'wrong type: count: many',
    fixture: 'wrong-type',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:5:12 error'],
    stderr: [
      'incidents.yaml:5:12 error field "count": expected a whole number from 1 to 1,000,000, found "many"',
      /^1 error, 0 warnings$/m,
    ],
  },
  {
    name: 'unknown field with did-you-mean: cout',
    fixture: 'unknown-field',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:5:5 error'],
    stderr: [`incidents.yaml:5:5 error unknown field "cout" (did you mean "count"?); expected one of ${INCIDENT_FIELDS}`],
  },
  {
    name: 'unknown record kind with did-you-mean: incidentz',
    fixture: 'unknown-kind',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:2:1 error'],
    stderr: [`incidents.yaml:2:1 error unknown record kind "incidentz" (did you mean "incidents"?); expected one of ${RECORD_KINDS}`],
  },
  {
    name: 'unknown category: violense',
    fixture: 'unknown-category',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:4:15 error'],
    stderr: [`incidents.yaml:4:15 error unknown category "violense" (did you mean "violence"?); expected one of ${CATEGORY_IDS}`],
  },
  {
    name: 'unknown area',
    fixture: 'unknown-area',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:3:11 error'],
    stderr: ['incidents.yaml:3:11 error unknown area "vaerebro"', /expected one of vaerebro-park/],
  },
  {
    name: 'unknown meeting referenced by a question',
    fixture: 'unknown-meeting',
    args: validate(),
    exitCode: 1,
    locations: ['questions.yaml:4:14 error'],
    stderr: ['questions.yaml:4:14 error unknown meeting "mode-2020-03-01" (did you mean "mode-2020-03-10"?)'],
  },
  {
    name: 'duplicate id in two files names both places',
    fixture: 'duplicate-id',
    args: validate(),
    exitCode: 1,
    locations: ['2020-Q1/police-export.yaml:6:9 error'],
    stderr: [/^2020-Q1\/police-export\.yaml:6:9 error duplicate id "inc-2020-01-10-1": .*\(see 2020-Q1\/incidents\.yaml:2:9\)$/m],
  },
  {
    name: 'two list statuses of one area for the same year name both places',
    fixture: 'duplicate-list-year',
    args: validate(),
    exitCode: 1,
    locations: ['lists.yaml:5:52 error'],
    stderr: [/^lists\.yaml:5:52 error the list status of 2019 for area "nordparken" is recorded twice; .*\(see lists\.yaml:2:51\)$/m],
  },
  {
    name: 'impossible dates: 2020-02-30 and 2019-02-29',
    fixture: 'impossible-dates',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:3:11 error', 'incidents.yaml:7:11 error'],
    stderr: [
      'incidents.yaml:3:11 error field "date": expected a valid date written YYYY-MM-DD, e.g. 2020-03-31, found "2020-02-30"',
      'incidents.yaml:7:11 error field "date": expected a valid date written YYYY-MM-DD, e.g. 2020-03-31, found "2019-02-29"',
      /^2 errors, 0 warnings$/m,
    ],
  },
  {
    name: 'answer dated before its question',
    fixture: 'answer-before-question',
    args: validate(),
    exitCode: 1,
    locations: ['questions.yaml:7:15 error'],
    stderr: ['questions.yaml:7:15 error answered 2020-03-01 is before the question was raised (2020-03-10)'],
  },
  {
    name: 'verdict without rumour: true',
    fixture: 'verdict-without-rumour',
    args: validate(),
    exitCode: 1,
    locations: ['questions.yaml:8:5 error'],
    stderr: ['questions.yaml:8:5 error a verdict belongs to a rumour: add "rumour: true"'],
  },
  {
    name: 'alias bomb (9 levels of 9 aliases)',
    fixture: 'alias-bomb',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:5:8 error'],
    stderr: ['incidents.yaml:5:8 error too many YAML aliases: over 100 expansions'],
  },
  {
    // Its templates are rendered by report and build only (test/cli/hostile-bounds.test.ts): to validate, a fine project.
    name: 'exponential partials are no data problem',
    fixture: 'hostile-bounds-partials',
    args: validate(),
    exitCode: 0,
    locations: [],
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'numbers no person means: a count past 2^53, hours .inf, a survey value -.inf',
    fixture: 'hostile-bounds-numbers',
    args: validate(),
    exitCode: 1,
    locations: ['records.yaml:6:12 error', 'records.yaml:12:12 error', 'records.yaml:18:12 error'],
    stderr: ['records.yaml:12:12 error field "hours": expected a number from 0 to 100,000, found Infinity', /^3 errors, 0 warnings$/m],
  },
  {
    name: 'dates no person means: the years 999 and 9999',
    fixture: 'hostile-bounds-dates',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:8:11 error', 'incidents.yaml:11:11 error'],
    stderr: [
      'incidents.yaml:11:11 error field "date": expected a date from 1990-01-01 to 2025-12-31 (from 1990 to five years after today), found "9999-12-31"',
      /^2 errors, 0 warnings$/m,
    ],
  },
  {
    name: '__proto__ key inside a record is an unknown field',
    fixture: 'proto-key',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:5:5 error'],
    stderr: [`incidents.yaml:5:5 error unknown field "__proto__"; expected one of ${INCIDENT_FIELDS}`],
  },
  {
    name: 'a file that is a list, not a mapping',
    fixture: 'not-a-mapping',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:1:1 error'],
    stderr: ['incidents.yaml:1:1 error expected record kinds (incidents:, activities:', /found a list$/m],
  },
  {
    name: 'binary garbage',
    fixture: 'settings-only',
    write: {
      'incidents.yaml': Uint8Array.from([
        ...Buffer.from('incidents:\n  - id: '),
        0,
        0,
        1,
        2,
        0xff,
        0xfe,
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
      ]),
    },
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:1:1 error'],
    stderr: ['incidents.yaml:1:1 error expected a YAML text file, found binary content'],
  },
  {
    name: 'a zone that is not one of the area zones',
    fixture: 'unknown-zone',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:5:11 error'],
    stderr: [
      'incidents.yaml:5:11 error unknown zone "Blok 5-9" (did you mean "Blok 1-4"?); the zones of vaerebro-park are Blok 1-4, Centret',
    ],
  },
  {
    name: 'more than 3 active priorities (an achieved one does not count)',
    fixture: 'too-many-priorities',
    args: validate(),
    exitCode: 1,
    locations: ['priorities.yaml:17:13 error'],
    stderr: ['priorities.yaml:17:13 error 4 active priorities in vaerebro-park; at most 3 may be active'],
  },
  {
    name: 'duplicate YAML key',
    fixture: 'duplicate-key',
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:5:5 error'],
    stderr: ['incidents.yaml:5:5 error YAML syntax error: the same key appears twice in one record or mapping (Map keys must be unique)'],
  },
  {
    name: 'BOM and CRLF line ends, valid',
    fixture: 'settings-only',
    write: {
      'borgermode.yaml': bomCrlf(SETTINGS),
      'incidents.yaml': bomCrlf('incidents:\n  - id: inc-2020-01-10-1\n    date: 2020-01-10\n    category: violence\n    zone: Centret\n'),
    },
    args: validate(),
    exitCode: 0,
    locations: [],
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'BOM and CRLF line ends: positions still count lines and columns',
    fixture: 'settings-only',
    write: {
      'incidents.yaml': bomCrlf('incidents:\n  - id: inc-2020-01-10-1\n    date: 2020-01-10\n    category: violense\n    count: many\n'),
    },
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:4:15 error', 'incidents.yaml:5:12 error'],
    stderr: ['incidents.yaml:4:15 error unknown category "violense"', 'incidents.yaml:5:12 error field "count"'],
  },
  {
    name: 'a file of only comments is an empty record file',
    fixture: 'comments-only',
    args: validate(),
    exitCode: 0,
    locations: [],
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'a done activity dated after today is a warning',
    fixture: 'done-in-future',
    args: validate(),
    exitCode: 0,
    locations: ['activities.yaml:3:11 warning'],
    stderr: [
      'activities.yaml:3:11 warning activity is marked done but dated 2020-07-01, after today (2020-06-15)',
      /^0 errors, 1 warning\nOK: no errors\n$/m,
    ],
  },
  {
    name: '--quiet leaves out warnings',
    fixture: 'done-in-future',
    args: validate('--quiet'),
    exitCode: 0,
    locations: [],
    stderr: [/^$/],
  },
  {
    name: 'every problem of every file, sorted by file, line and column',
    fixture: 'many-problems',
    args: validate(),
    exitCode: 1,
    // Found as: count, status, syntax (per file), then category and the warning (cross-record rules).
    locations: [
      '2020-Q1/incidents.yaml:4:15 error',
      '2020-Q1/incidents.yaml:5:12 error',
      '2020-Q1/questions.yaml:5:13 error',
      '2020-Q2/activities.yaml:3:11 warning',
      'meetings.yaml:4:5 error',
    ],
    stderr: [
      '2020-Q1/incidents.yaml:4:15 error unknown category "violense"',
      '2020-Q1/incidents.yaml:5:12 error field "count": expected a whole number from 1 to 1,000,000, found "many"',
      '2020-Q1/questions.yaml:5:13 error field "status": expected one of open, in_progress, answered, referred or closed, found "anwsered" (did you mean "answered"?)',
      '2020-Q2/activities.yaml:3:11 warning activity is marked done',
      'meetings.yaml:4:5 error YAML syntax error: ',
      /^4 errors, 1 warning$/m,
    ],
  },
  {
    name: 'without --data: the project is found from a sub-folder, paths stay relative to its root',
    fixture: 'many-problems',
    cwd: 'project/2020-Q2',
    args: ['validate'],
    exitCode: 1,
    locations: [
      '2020-Q1/incidents.yaml:4:15 error',
      '2020-Q1/incidents.yaml:5:12 error',
      '2020-Q1/questions.yaml:5:13 error',
      '2020-Q2/activities.yaml:3:11 warning',
      'meetings.yaml:4:5 error',
    ],
    stderr: [
      /^4 fejl, 1 advarsel$/m,
      '2020-Q1/incidents.yaml:5:12 error feltet "count": forventede et helt tal fra 1 til 1.000.000, fandt "many"',
    ],
    notStderr: ['Ingen borgermode.yaml', 'No borgermode.yaml'],
  },
  {
    name: '--json, with errors',
    fixture: 'wrong-type',
    args: validate('--json'),
    exitCode: 1,
    locations: [],
    stderr: [/^$/],
    json: {
      ok: false,
      diagnostics: [
        {
          file: 'incidents.yaml',
          line: 5,
          column: 12,
          severity: 'error',
          code: 'invalid-value',
          message: 'field "count": expected a whole number from 1 to 1,000,000, found "many"',
        },
      ],
    },
  },
  {
    name: '--json, clean',
    fixture: 'valid',
    args: validate('--json'),
    exitCode: 0,
    locations: [],
    stderr: [/^$/],
    json: { ok: true, diagnostics: [] },
  },
  {
    name: '--json, warnings only: ok is true',
    fixture: 'done-in-future',
    args: validate('--json'),
    exitCode: 0,
    locations: [],
    stderr: [/^$/],
    json: {
      ok: true,
      diagnostics: [
        {
          file: 'activities.yaml',
          line: 3,
          column: 11,
          severity: 'warning',
          code: 'done-in-future',
          message:
            'activity is marked done but dated 2020-07-01, after today (2020-06-15); expected status: planned, or the date it took place',
        },
      ],
    },
  },
  {
    name: '--data names a folder that does not exist',
    args: ['validate', '--data', 'missing'],
    exitCode: 2,
    stderr: [/^borgermode: kan ikke åbne datamappen \S*[/\\]missing: den findes ikke$/m],
    notStderr: ['OK:', /errors?, /],
  },
  {
    name: '--data names a folder without borgermode.yaml',
    fixture: 'no-settings',
    args: validate(),
    exitCode: 2,
    stderr: [/^borgermode: cannot open data folder \S*[/\\]project: there is no borgermode\.yaml; a data project needs one at its root$/m],
    notStderr: ['incidents.yaml'],
  },
  {
    name: '--data names a file',
    fixture: 'valid',
    args: ['validate', '--data', 'project/borgermode.yaml'],
    exitCode: 2,
    stderr: [/^borgermode: kan ikke åbne datamappen \S*borgermode\.yaml: det er ikke en mappe$/m],
  },
  {
    name: 'unknown flag',
    fixture: 'valid',
    args: validate('--bogus'),
    exitCode: 2,
    stderr: ["borgermode: unknown option '--bogus'"],
    notStderr: ['OK:'],
  },
  {
    name: 'unknown --lang',
    fixture: 'valid',
    args: validate('--lang', 'fr'),
    exitCode: 2,
    stderr: [/'fr' is invalid\. Allowed choices are da, en\./],
  },
  {
    name: 'a top-level __proto__ key is an unknown record kind',
    fixture: 'settings-only',
    write: { 'incidents.yaml': '__proto__:\n  - id: inc-2020-01-10-1\n    date: 2020-01-10\n    category: violence\n' },
    args: validate(),
    exitCode: 1,
    locations: ['incidents.yaml:1:1 error'],
    stderr: [`incidents.yaml:1:1 error unknown record kind "__proto__"; expected one of ${RECORD_KINDS}`],
  },
  {
    name: 'a BORGERMODE_TODAY that is not a date is a usage error',
    fixture: 'valid',
    env: { BORGERMODE_TODAY: '15-06-2020' },
    args: validate(),
    exitCode: 2,
    stderr: [/^borgermode: .*BORGERMODE_TODAY/m],
    notStderr: ['RangeError'],
  },
  {
    name: 'raw HTML, script links and pipes in record text are valid data',
    fixture: 'hostile-text',
    args: validate(),
    exitCode: 0,
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'list records of many years, with and without figures or a status, are valid data',
    fixture: 'list-years',
    args: validate(),
    exitCode: 0,
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: '--json still prints one document when the folder cannot be opened (exit 2)',
    args: ['validate', '--data', 'missing', '--json', '--lang', 'en'],
    exitCode: 2,
    stderr: [/^borgermode: cannot open data folder \S*[/\\]missing: it does not exist$/m],
    json: {
      ok: false,
      error: {
        code: 'file-access',
        message: expect.stringMatching(/^cannot open data folder \S*[/\\]missing: it does not exist$/) as unknown,
      },
      diagnostics: [],
    },
  },
  {
    name: 'with GITHUB_ACTIONS set, errors are also annotations naming the file from the working folder',
    fixture: 'unknown-field',
    env: { GITHUB_ACTIONS: 'true' },
    args: validate(),
    exitCode: 1,
    stderr: [/^::error file=project\/incidents\.yaml,line=5,col=5::unknown field "cout" \(did you mean "count"\?\); expected one of /m],
  },
  {
    name: 'personal data in public text is a warning (exit 0)',
    fixture: 'personal-data',
    args: validate(),
    exitCode: 0,
    locations: ['records.yaml:6:14 warning'],
    stderr: [
      'records.yaml:6:14 warning field "summary" looks like it holds a phone number; public output that would show it is not made; reword it, or move it to internal_note',
    ],
  },
  {
    name: 'a street address in any public text is personal data, a possible name a warning to review; the false positives, a contact, a reviewed name and internal notes are not flagged (exit 0)',
    fixture: 'addresses-and-names',
    args: validate(),
    exitCode: 0,
    locations: ['records.yaml:24:15 warning', 'records.yaml:25:14 warning', 'records.yaml:34:13 warning'],
    stderr: [
      'records.yaml:24:15 warning field "partners" may name a person ("Ali Hassan"), and public output shows it; reword it without the name, or move it to internal_note; if it is a place or a public person, add the name to privacy.reviewed_names in borgermode.yaml',
      'records.yaml:25:14 warning field "summary" looks like it holds an address; public output that would show it is not made; reword it, or move it to internal_note',
      'records.yaml:34:13 warning field "answer" may name a person ("Fatima Yilmaz"), and public output shows it;',
      /^0 errors, 3 warnings$/m,
    ],
    notStderr: [/Mette Hansen|Anna Ancher|Vestergade|Blok|Opgang|P-plads|uge 12|klasse|Tryghedsundersøgelse/],
  },
  {
    name: 'personal data disguised for the reader (entities, escapes, emphasis, a percent-encoded link), in other groupings, in an id and in borgermode.yaml is a warning at its place (exit 0); test/cli/hostile-personal-data.test.ts has every case',
    fixture: 'hostile-personal-data',
    args: validate(),
    exitCode: 0,
    locations: [
      'borgermode.yaml:3:8 warning',
      'borgermode.yaml:6:11 warning',
      'borgermode.yaml:7:19 warning',
      'borgermode.yaml:8:22 warning',
      'borgermode.yaml:9:23 warning',
      'borgermode.yaml:12:9 warning',
      'borgermode.yaml:15:15 warning',
      'borgermode.yaml:17:10 warning',
      'records.yaml:7:14 warning',
      'records.yaml:12:14 warning',
      'records.yaml:17:14 warning',
      'records.yaml:22:14 warning',
      'records.yaml:27:14 warning',
      'records.yaml:34:9 warning',
    ],
    stderr: [
      'borgermode.yaml:3:8 warning field "title" looks like it holds a phone number; public output that would show it is not made; reword it (borgermode.yaml has no internal field)',
      'records.yaml:34:9 warning field "id" looks like it holds a CPR number; public output that would show it is not made; reword it, or move it to internal_note',
      /^0 errors, 14 warnings$/m,
    ],
  },
  {
    name: 'text a spreadsheet would run as a formula is valid data (CSV output neutralises it)',
    fixture: 'formula-text',
    args: validate(),
    exitCode: 0,
    stderr: [/^OK: no problems found\n$/],
  },
  // Issue 15: text that stays text (test/cli/hostile-text.test.ts has the rest).
  {
    name: 'names and texts that are workflow commands are valid data (nothing printed commands)',
    fixture: 'hostile-text-commands',
    args: validate(),
    exitCode: 0,
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'control characters in record and settings text are refused where they are',
    fixture: 'hostile-text-controls',
    args: validate(),
    exitCode: 1,
    stderr: [
      'borgermode.yaml:4:11 error field "name": expected text without control characters on one line (no tab or line break), found U+001B at character 5',
      'records.yaml:5:12 error field "title": expected text without control characters on one line (no tab or line break), found U+0000 at character 4',
      'records.yaml:9:12 error field "title": expected text without control characters on one line (no tab or line break), found U+000D at character 6',
      /^3 errors, 0 warnings$/m,
    ],
  },
  {
    name: 'a bidi override left open is refused; closed pairs are fine',
    fixture: 'hostile-text-bidi',
    args: validate(),
    exitCode: 1,
    stderr: [
      'records.yaml:9:12 error field "title": expected bidi controls (U+202A–U+202E, U+2066–U+2069) in pairs that close each other, found U+202E at character 10',
      /^1 error, 0 warnings$/m,
    ],
  },
  {
    name: 'measures, categories and zones named constructor, toString or __proto__ are valid data',
    fixture: 'hostile-text-names',
    args: validate(),
    exitCode: 0,
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'canary strings in internal notes are valid data',
    fixture: 'canary',
    args: validate(),
    exitCode: 0,
    stderr: [/^OK: no problems found\n$/],
  },
  // Coverage (docs/figures.md, data-format.md): the days each area's police figures cover.
  {
    name: 'stated coverage of two areas, with incidents inside it, is valid data',
    fixture: 'police-coverage',
    env: { BORGERMODE_TODAY: '2020-12-02' },
    args: validate(),
    exitCode: 0,
    locations: [],
    stderr: [/^OK: no problems found\n$/],
  },
  {
    name: 'a police incident outside the stated coverage is a warning at its date (exit 0); an observation is not checked',
    fixture: 'police-coverage',
    env: { BORGERMODE_TODAY: '2020-12-02' },
    write: {
      'outside.yaml': [
        'incidents:',
        '  - id: late-1',
        '    area: nordparken',
        '    date: 2020-11-20',
        '    category: theft',
        '  - id: early-1',
        '    area: sydparken',
        '    date: 2019-08-15',
        '    category: vandalism',
        '    count: 2',
        '  - { id: early-2, area: sydparken, date: 2019-08-16, category: nuisance, source: resident }',
        '',
      ].join('\n'),
    },
    args: validate(),
    exitCode: 0,
    locations: ['outside.yaml:4:11 warning', 'outside.yaml:8:11 warning'],
    stderr: [
      "outside.yaml:4:11 warning incident is dated 2020-11-20, outside the days the area's police figures cover (coverage: … – 2020-11-15), so it is not counted; correct coverage in borgermode.yaml if the police figures now go further",
      "outside.yaml:8:11 warning incident is dated 2019-08-15, outside the days the area's police figures cover (coverage: 2019-10-01 – 2020-12-31), so it is not counted",
      /^0 errors, 2 warnings\nOK: no errors\n$/m,
    ],
  },
  {
    name: '--json: incident-outside-coverage is a warning, ok is true',
    fixture: 'police-coverage',
    env: { BORGERMODE_TODAY: '2020-12-02' },
    write: { 'outside.yaml': 'incidents:\n  - { id: late-1, area: nordparken, date: 2020-11-16, category: theft }\n' },
    args: validate('--json'),
    exitCode: 0,
    stderr: [/^$/],
    json: {
      ok: true,
      diagnostics: [
        {
          file: 'outside.yaml',
          line: 2,
          column: 43,
          severity: 'warning',
          code: 'incident-outside-coverage',
          message:
            "incident is dated 2020-11-16, outside the days the area's police figures cover (coverage: … – 2020-11-15), so it is not counted; correct coverage in borgermode.yaml if the police figures now go further",
        },
      ],
    },
  },
  {
    name: 'coverage.to before coverage.from is an error at the value of to in borgermode.yaml',
    fixture: 'police-coverage',
    env: { BORGERMODE_TODAY: '2020-12-02' },
    write: {
      'borgermode.yaml':
        'areas:\n  - id: nordparken\n    name: Nordparken\n    coverage:\n      from: 2020-01-01\n      to: 2019-12-31\n  - id: sydparken\n    name: Sydparken\ncontacts:\n  - role: Lokalbetjentene\n',
    },
    args: validate(),
    exitCode: 1,
    locations: ['borgermode.yaml:6:11 error'],
    stderr: [
      'borgermode.yaml:6:11 error coverage.to 2019-12-31 is before coverage.from 2020-01-01; expected a date on or after 2020-01-01',
      /^1 error, 0 warnings$/m,
    ],
  },
  {
    name: '--json: invalid-coverage',
    fixture: 'police-coverage',
    env: { BORGERMODE_TODAY: '2020-12-02' },
    write: {
      'borgermode.yaml':
        'areas:\n  - { id: nordparken, name: Nordparken, coverage: { from: 2020-01-01, to: 2019-12-31 } }\n  - { id: sydparken, name: Sydparken }\ncontacts: [{ role: Lokalbetjentene }]\n',
    },
    args: ['validate', '--data', 'project', '--json'],
    exitCode: 1,
    stderr: [/^$/],
    json: {
      ok: false,
      diagnostics: [
        {
          file: 'borgermode.yaml',
          line: 2,
          column: 75,
          severity: 'error',
          code: 'invalid-coverage',
          message: 'coverage.to 2019-12-31 ligger før coverage.from 2020-01-01; forventede en dato fra 2020-01-01 og frem',
        },
      ],
    },
  },
  // Danish is the default language of messages; a project's `language: en` or --lang en switch it.
  {
    name: 'Danish by default: unknown field',
    fixture: 'unknown-field',
    args: ['validate', '--data', 'project'],
    exitCode: 1,
    locations: ['incidents.yaml:5:5 error'],
    stderr: [
      `incidents.yaml:5:5 error ukendt felt "cout" (mente du "count"?); forventede et af ${INCIDENT_FIELDS}`,
      /^1 fejl, 0 advarsler$/m,
    ],
  },
  {
    name: 'Danish by default: impossible date',
    fixture: 'impossible-dates',
    args: ['validate', '--data', 'project'],
    exitCode: 1,
    stderr: [
      'incidents.yaml:3:11 error feltet "date": forventede en gyldig dato skrevet ÅÅÅÅ-MM-DD, f.eks. 2020-03-31, fandt "2020-02-30"',
      /^2 fejl, 0 advarsler$/m,
    ],
  },
  {
    name: 'Danish by default: duplicate id names the first place',
    fixture: 'duplicate-id',
    args: ['validate', '--data', 'project'],
    exitCode: 1,
    stderr: [
      /^2020-Q1\/police-export\.yaml:6:9 error id "inc-2020-01-10-1" er brugt før; et id skal være entydigt i hele projektet \(se 2020-Q1\/incidents\.yaml:2:9\)$/m,
    ],
  },
  {
    name: 'Danish by default: a clean project',
    fixture: 'valid',
    args: ['validate', '--data', 'project'],
    exitCode: 0,
    stderr: [/^OK: ingen problemer fundet\n$/],
  },
  {
    name: 'a project with language: en gets English messages without --lang',
    fixture: 'unknown-field',
    write: {
      'borgermode.yaml':
        'language: en\nareas:\n  - id: vaerebro-park\n    name: Værebro Park\n    zones: [Blok 1-4, Centret]\ncontacts:\n  - role: Local police\n',
    },
    args: ['validate', '--data', 'project'],
    exitCode: 1,
    stderr: [
      `incidents.yaml:5:5 error unknown field "cout" (did you mean "count"?); expected one of ${INCIDENT_FIELDS}`,
      /^1 error, 0 warnings$/m,
    ],
  },
];

interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A temp folder holding a copy of the fixture as `project/`, with the case's extra files. */
async function prepare(c: Case): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'borgermode-validate-'));
  tempDirs.push(dir);
  if (c.fixture !== undefined) await cp(join(FIXTURES, c.fixture), join(dir, 'project'), { recursive: true });
  for (const [file, content] of Object.entries(c.write ?? {})) {
    const path = join(dir, 'project', file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return dir;
}

const DIAGNOSTIC = /^(.+?):(\d+):(\d+) (error|warning) /;

/** The `file:line:col severity` of each diagnostic line, in printed order. */
function locationsOf(stderr: string): string[] {
  return stderr.split('\n').flatMap((line) => {
    const match = DIAGNOSTIC.exec(line);
    return match ? [`${match[1]}:${match[2]}:${match[3]} ${match[4]}`] : [];
  });
}

function compareLocations(a: string, b: string): number {
  const [, fa = '', la = '0', ca = '0'] = DIAGNOSTIC.exec(`${a} `) ?? [];
  const [, fb = '', lb = '0', cb = '0'] = DIAGNOSTIC.exec(`${b} `) ?? [];
  return (fa < fb ? -1 : fa > fb ? 1 : 0) || Number(la) - Number(lb) || Number(ca) - Number(cb);
}

function checkOutcome(label: string, outcome: Outcome, c: Case): void {
  expect(outcome.exitCode, `${label}: exit code (stderr: ${outcome.stderr})`).toBe(c.exitCode);
  for (const expected of c.stderr) {
    if (typeof expected === 'string') {
      expect(
        outcome.stderr.split('\n').some((line) => line.startsWith(expected)),
        `${label}: a stderr line starting with ${JSON.stringify(expected)} in:\n${outcome.stderr}`,
      ).toBe(true);
    } else {
      expect(outcome.stderr, `${label}: stderr`).toMatch(expected);
    }
  }
  for (const unexpected of c.notStderr ?? []) {
    if (typeof unexpected === 'string') expect(outcome.stderr, `${label}: stderr`).not.toContain(unexpected);
    else expect(outcome.stderr, `${label}: stderr`).not.toMatch(unexpected);
  }
  const locations = locationsOf(outcome.stderr);
  if (c.locations !== undefined) expect(locations, `${label}: diagnostic locations`).toEqual(c.locations);
  expect(locations, `${label}: diagnostics sorted by file, line, column`).toEqual([...locations].sort(compareLocations));
  if (c.json === undefined) {
    expect(outcome.stdout, `${label}: stdout`).toBe('');
  } else {
    expect(outcome.stdout.endsWith('}\n'), `${label}: one JSON document and a newline`).toBe(true);
    expect(JSON.parse(outcome.stdout), `${label}: --json document`).toEqual(c.json);
  }
}

async function runCase(c: Case): Promise<void> {
  const dir = await prepare(c);
  const cwd = join(dir, c.cwd ?? '');
  const env = { ...ENV, ...c.env };
  const [inProcess, bin] = await Promise.all([runCli(c.args, { cwd, env }), runBin(c.args, { cwd, env })]);
  checkOutcome('in-process', inProcess, c);
  checkOutcome('bin', bin, c);
  expect(bin, 'the bin and run() agree byte for byte').toEqual(inProcess);
  // A __proto__ key in the data must never reach Object.prototype.
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('x');
}

describe('borgermode validate: in-process and through the bin', () => {
  it.each(cases)('$name', runCase);
});

// The same broken inputs through `report -o`: exit 1, the same diagnostics, and no file written.
describe('borgermode report refuses broken data and writes nothing', () => {
  const broken = cases.filter((c) => c.exitCode === 1 && c.args[0] === 'validate' && !c.args.includes('--json'));

  it.each(broken)('$name', async (c) => {
    const dir = await prepare(c);
    const cwd = join(dir, c.cwd ?? '');
    const env = { ...ENV, ...c.env };
    const args = ['report', ...c.args.slice(1), '-o', 'brief.md'];
    const [validated, inProcess, bin] = await Promise.all([
      runCli(c.args, { cwd, env }),
      runCli(args, { cwd, env }),
      runBin(args, { cwd, env }),
    ]);
    for (const outcome of [inProcess, bin]) {
      expect(outcome.exitCode).toBe(1);
      expect(locationsOf(outcome.stderr)).toEqual(locationsOf(validated.stderr));
      expect(outcome.stdout).toBe('');
    }
    expect(existsSync(join(cwd, 'brief.md'))).toBe(false);
  });
});

describe('the scenario table', () => {
  it('covers every fixture folder', async () => {
    const folders = (await readdir(FIXTURES, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    const used = new Set(cases.flatMap((c) => (c.fixture === undefined ? [] : [c.fixture])));
    expect(folders.filter((folder) => !used.has(folder))).toEqual([]);
  });
});

describe('a project without contacts', () => {
  it('gets a warning from validate (the brief has no "Kontakt"), and none from report', async () => {
    const project = await mkdtemp(join(tmpdir(), 'borgermode-no-contacts-'));
    await writeFile(join(project, 'borgermode.yaml'), '# Indstillinger\nareas:\n  - id: park\n    name: Parken\n');
    await writeFile(join(project, 'incidents.yaml'), 'incidents:\n  - { id: inc-1, date: 2020-03-31, category: theft, count: 6 }\n');
    const validate = await runCli(['validate', '--data', project]);
    expect(validate.exitCode).toBe(0);
    expect(validate.stderr).toBe(
      'borgermode.yaml:2:1 warning projektet har ingen kontakter, så mødeoplægget får intet afsnit "Kontakt"; tilføj mindst én under contacts: i borgermode.yaml (role, og gerne phone eller email)\n0 fejl, 1 advarsel\nOK: ingen fejl\n',
    );
    const json = JSON.parse((await runCli(['validate', '--data', project, '--json', '--lang', 'en'])).stdout) as {
      diagnostics: { code: string }[];
    };
    expect(json.diagnostics.map((d) => d.code)).toEqual(['no-contacts']);
    const report = await runCli(['report', '--data', project, '--quarter', '2020-Q1']);
    expect(report.exitCode).toBe(0);
    expect(report.stderr).not.toContain('kontakter');
    await writeFile(
      join(project, 'borgermode.yaml'),
      '# Indstillinger\nareas:\n  - id: park\n    name: Parken\ncontacts:\n  - role: Lokalbetjentene\n',
    );
    expect((await runCli(['validate', '--data', project])).stderr).toBe('OK: ingen problemer fundet\n');
    await rm(project, { recursive: true, force: true });
  });
});
