import type { AddableKind } from './ids.js';
// Types only: this module is read by every run (the CLI's messages), the schemas only by the commands that check.
import type { ACTIVITY_KINDS, ACTIVITY_STATUSES, INCIDENT_SOURCES, INCIDENT_STATUSES, Lang, QUESTION_OWNERS, QUESTION_STATUSES, RecordKind, RecordOf, VERDICTS } from './schema.js';

// The record vocabulary (docs/architecture.md, "The record vocabulary"): every value a record
// field can take from a fixed list, with its labels, and every field of every kind: whether it is
// public, and for the fields `add` writes, their flag, prompt and help. Commander's options, the prompts, and the label tables of the prompts
// (cli/messages.ts) and of the pages (render/i18n.ts) are derived from these tables; each table is
// typed against the id unions of schema.ts, so a new value is one edit here plus the type errors
// that point at the rest.

/** A text in each language of the tool. */
export type Words = { readonly [L in Lang]: string };

/** The labels of one value: `one` when it is chosen (a prompt), `many` where counted (a table row); `many` is `one` unless given. */
export interface ValueLabels {
  one: Words;
  many?: Words;
}

type ChoiceTable<T extends string> = { readonly [V in T]: ValueLabels };

const w = (da: string, en: string): Words => ({ da, en });
const one = (da: string, en: string): ValueLabels => ({ one: w(da, en) });

/** The fixed lists of values, by name, with the labels of each value. */
export const CHOICES = {
  source: {
    police: one('Politiet (anmeldelse)', 'Police (reported)'),
    resident: one('Beboer', 'Resident'),
    patrol: one('Patrulje', 'Patrol'),
    other: one('Andet', 'Other'),
  } satisfies ChoiceTable<(typeof INCIDENT_SOURCES)[number]>,
  incident_status: {
    reported: one('Anmeldt', 'Reported'),
    charged: one('Sigtet', 'Charged'),
    closed: one('Afsluttet', 'Closed'),
  } satisfies ChoiceTable<(typeof INCIDENT_STATUSES)[number]>,
  activity_kind: {
    patrol: { one: w('Patrulje', 'Patrol'), many: w('Patruljer', 'Patrols') },
    dialogue: { one: w('Dialog', 'Dialogue'), many: w('Dialog', 'Dialogue') },
    citizen_meeting: { one: w('Borgermøde', 'Citizen meeting'), many: w('Borgermøder', 'Citizen meetings') },
    business_network: { one: w('Erhvervsnetværk', 'Business network'), many: w('Erhvervsnetværk', 'Business network') },
    youth_activity: { one: w('Aktivitet med unge', 'Youth activity'), many: w('Aktiviteter med unge', 'Youth activities') },
    school_visit: { one: w('Skolebesøg', 'School visit'), many: w('Skolebesøg', 'School visits') },
    ssp_meeting: { one: w('SSP-møde', 'SSP meeting'), many: w('SSP-møder', 'SSP meetings') },
    safety_walk: { one: w('Tryghedsvandring', 'Safety walk'), many: w('Tryghedsvandringer', 'Safety walks') },
    operation: { one: w('Indsats', 'Operation'), many: w('Indsatser', 'Operations') },
    information: { one: w('Information', 'Information'), many: w('Information', 'Information') },
    other: { one: w('Andet', 'Other'), many: w('Andet', 'Other') },
  } satisfies ChoiceTable<(typeof ACTIVITY_KINDS)[number]>,
  activity_status: {
    done: one('Udført', 'Done'),
    planned: one('Planlagt', 'Planned'),
    cancelled: one('Aflyst', 'Cancelled'),
  } satisfies ChoiceTable<(typeof ACTIVITY_STATUSES)[number]>,
  owner: {
    police: one('Politiet', 'The police'),
    municipality: one('Kommunen', 'The municipality'),
    housing: one('Boligselskabet', 'The housing association'),
    helhedsplan: one('Helhedsplanen', 'The helhedsplan'),
    other: one('Andre', 'Others'),
  } satisfies ChoiceTable<(typeof QUESTION_OWNERS)[number]>,
  question_status: {
    open: one('Åben', 'Open'),
    in_progress: one('I gang', 'In progress'),
    answered: one('Besvaret', 'Answered'),
    referred: one('Sendt videre', 'Referred'),
    closed: one('Afsluttet', 'Closed'),
  } satisfies ChoiceTable<(typeof QUESTION_STATUSES)[number]>,
  verdict: {
    confirmed: one('Bekræftet', 'Confirmed'),
    dispelled: one('Afkræftet', 'Dispelled'),
    unresolved: one('Uafklaret', 'Unresolved'),
  } satisfies ChoiceTable<(typeof VERDICTS)[number]>,
} as const;

export type ChoiceName = keyof typeof CHOICES;

/** The values of a list, in the order the schema gives them. */
export const choiceValues = (name: ChoiceName): string[] => Object.keys(CHOICES[name]);

/** A value's label in `lang` (`many` for a counted row); undefined for a value the list does not have. */
export function choiceLabel(name: ChoiceName, value: string, lang: Lang, form: 'one' | 'many' = 'one'): string | undefined {
  const table = CHOICES[name] as Readonly<Record<string, ValueLabels>>;
  if (!Object.hasOwn(table, value)) return undefined;
  const labels = table[value]!;
  return (form === 'many' ? (labels.many ?? labels.one) : labels.one)[lang];
}

/** The labels of a whole list in `lang`, as a value → label table. */
export function choiceLabels(name: ChoiceName, lang: Lang, form: 'one' | 'many' = 'one'): Record<string, string> {
  return Object.fromEntries(choiceValues(name).map((value) => [value, choiceLabel(name, value, lang, form)!]));
}

/** How a flag's or a prompt's text becomes the field's value (cli/record-input.ts parseValue). */
export type ValueType = 'text' | 'whole' | 'number' | 'list' | 'flag';

/** A field `add` writes: how it is given on the command line and asked at a terminal. */
export interface FieldSpec<K extends AddableKind = AddableKind> {
  /** The YAML field (and, in kebab-case, the flag). */
  key: keyof RecordOf<K> & string;
  type: ValueType;
  /** The flag's value in the help (`--date <date>`); none for a flag without a value. */
  placeholder?: string;
  /** Asked at a terminal when no flag gave it; the others are flags only. */
  asked: boolean;
  /** The prompt. */
  prompt: Words;
  /** What the flag gives, for --help. */
  help: Words;
  /** The fixed list its value comes from. */
  choices?: ChoiceName;
}

/** A field of any kind `add` makes (its key is a field of that kind). */
export type AnyFieldSpec = { [K in AddableKind]: FieldSpec<K> }[AddableKind];

/** How `add` gives and asks a field (its key is the field's). */
type AddSpec<K extends AddableKind> = Omit<FieldSpec<K>, 'key' | 'asked' | 'type'> & Partial<Pick<FieldSpec<K>, 'asked' | 'type'>>;

/** A field of a record kind: whether public output may show it, and how `add` writes it (kinds `add` makes). */
export interface FieldEntry<K extends AddableKind = AddableKind> {
  public: boolean;
  add?: AddSpec<K>;
}

/** Every field of every kind, classified: a field of the schema missing here, or one the schema lacks, is a type error. */
type FieldTable = {
  readonly [K in RecordKind]: { readonly [F in keyof RecordOf<K> & string]-?: K extends AddableKind ? FieldEntry<K> : { public: boolean } };
};

const shown = <K extends AddableKind>(add?: AddSpec<K>): FieldEntry<K> => (add ? { public: true, add } : { public: true });
const PUBLIC = { public: true } as const;

// Fields several kinds share, worded once.
const AREA = { placeholder: 'id', prompt: w('Område', 'Area'), help: w('området (standard: det eneste)', 'the area (default: the only one)') } as const;
const DATE = { placeholder: 'date', prompt: w('Dato (ÅÅÅÅ-MM-DD)', 'Date (YYYY-MM-DD)'), help: w('datoen, ÅÅÅÅ-MM-DD', 'the date, YYYY-MM-DD') } as const;
const ZONE = { placeholder: 'zone', prompt: w('Zone', 'Zone'), help: w('en af områdets zoner', 'one of the area zones') } as const;
const SUMMARY = { placeholder: 'text', prompt: w('Offentligt resumé, én sætning', 'Public summary, one sentence'), help: w('et offentligt resumé', 'a public summary') } as const;
/** Never in public output (analyze/audience.ts projects records through the public fields). */
const INTERNAL_NOTE = {
  public: false,
  add: {
    placeholder: 'text',
    asked: false,
    prompt: w('Intern note', 'Internal note'),
    help: w('en note, der aldrig kommer med i offentlige udgaver', 'a note that never appears in public output'),
  },
} as const;

/**
 * The fields of each record kind: public or not, and for the kinds `add` makes, the fields it
 * writes (in the order they are written and asked) with their flag, prompt and help. The order
 * of the other kinds' fields is the schema's. The public fields, in the schema's order, are
 * model/public-fields.ts PUBLIC_FIELDS.
 */
export const FIELDS = {
  incidents: {
    id: PUBLIC,
    area: shown<'incidents'>(AREA),
    date: shown<'incidents'>(DATE),
    category: shown<'incidents'>({ placeholder: 'id', prompt: w('Kategori', 'Category'), help: w('kategoriens id', 'the category id') }),
    count: shown<'incidents'>({ type: 'whole', placeholder: 'n', prompt: w('Antal', 'Number'), help: w('hvor mange (standard 1)', 'how many (default 1)') }),
    zone: shown<'incidents'>(ZONE),
    source: shown<'incidents'>({ placeholder: 'source', choices: 'source', prompt: w('Kilde', 'Source'), help: w('hvem der meldte det', 'who reported it') }),
    status: shown<'incidents'>({ placeholder: 'status', asked: false, choices: 'incident_status', prompt: w('Status', 'Status'), help: w('sagens status', 'the status of the case') }),
    summary: shown<'incidents'>(SUMMARY),
    internal_note: INTERNAL_NOTE,
  },
  activities: {
    id: PUBLIC,
    area: shown<'activities'>(AREA),
    date: shown<'activities'>(DATE),
    kind: shown<'activities'>({ placeholder: 'kind', choices: 'activity_kind', prompt: w('Slags aktivitet', 'Kind of activity'), help: w('slags aktivitet', 'the kind of activity') }),
    title: shown<'activities'>({ placeholder: 'text', prompt: w('Titel, kort og offentlig', 'Title, short and public'), help: w('en kort, offentlig titel', 'a short public title') }),
    status: shown<'activities'>({ placeholder: 'status', choices: 'activity_status', prompt: w('Status', 'Status'), help: w('aktivitetens status', 'the status of the activity') }),
    partners: shown<'activities'>({ type: 'list', placeholder: 'a,b', prompt: w('Samarbejdspartnere, adskilt med komma', 'Partners, separated by commas'), help: w('samarbejdspartnere, adskilt med komma', 'partners, separated by commas') }),
    participants: shown<'activities'>({ type: 'whole', placeholder: 'n', prompt: w('Antal deltagere', 'Number of participants'), help: w('antal deltagere', 'number of participants') }),
    hours: shown<'activities'>({ type: 'number', placeholder: 'n', prompt: w('Timer', 'Hours'), help: w('timer', 'hours') }),
    answers: shown<'activities'>({
      type: 'list',
      placeholder: 'ids',
      prompt: w('Besvarer aktiviteten nogle af beboernes spørgsmål? (mellemrum vælger)', "Does the activity answer any of the residents' questions? (space selects)"),
      help: w('id på de spørgsmål, den besvarer, adskilt med komma', 'question ids it answers, separated by commas'),
    }),
    summary: shown<'activities'>(SUMMARY),
    internal_note: INTERNAL_NOTE,
  },
  questions: {
    id: PUBLIC,
    area: shown<'questions'>(AREA),
    date: shown<'questions'>(DATE),
    meeting: shown<'questions'>({ placeholder: 'id', prompt: w('Rejst på mødet', 'Raised at the meeting'), help: w('mødet, hvor det blev rejst', 'the meeting where it was raised') }),
    question: shown<'questions'>({ placeholder: 'text', prompt: w('Spørgsmålet, genfortalt uden navne', 'The question, paraphrased without names'), help: w('spørgsmålet, genfortalt uden navne', 'the question, paraphrased without names') }),
    topic: shown<'questions'>({ placeholder: 'text', prompt: w('Emne (et kategori-id eller en kort tekst)', 'Topic (a category id or a short text)'), help: w('et kategori-id eller en kort tekst', 'a category id or a short text') }),
    zone: shown<'questions'>(ZONE),
    owner: shown<'questions'>({ placeholder: 'owner', choices: 'owner', prompt: w('Hvem skal svare?', 'Who is to answer?'), help: w('hvem der skal svare', 'who is to answer') }),
    status: shown<'questions'>({ placeholder: 'status', asked: false, choices: 'question_status', prompt: w('Status', 'Status'), help: w('spørgsmålets status', 'the status of the question') }),
    rumour: shown<'questions'>({ type: 'flag', prompt: w('Er det et rygte, der skal undersøges?', 'Is it a rumour to be checked?'), help: w('det er et rygte, der skal undersøges', 'it is a rumour to be checked') }),
    // Written by `answer` (ANSWER_FIELDS).
    answer: PUBLIC,
    answered: PUBLIC,
    verdict: PUBLIC,
    internal_note: INTERNAL_NOTE,
  },
  meetings: {
    id: PUBLIC,
    area: shown<'meetings'>(AREA),
    date: shown<'meetings'>(DATE),
    time: shown<'meetings'>({ placeholder: 'HH:MM', prompt: w('Klokkeslæt (TT:MM)', 'Time (HH:MM)'), help: w('klokkeslættet', 'the time') }),
    place: shown<'meetings'>({ placeholder: 'text', prompt: w('Sted', 'Place'), help: w('stedet (standard: meeting.place)', 'the place (default: meeting.place)') }),
    attendees: shown<'meetings'>({ type: 'whole', placeholder: 'n', prompt: w('Antal fremmødte', 'Number of attendees'), help: w('antal fremmødte', 'number of attendees') }),
    summary: shown<'meetings'>(SUMMARY),
    internal_note: INTERNAL_NOTE,
  },
  priorities: { id: PUBLIC, area: PUBLIC, internal_note: { public: false }, title: PUBLIC, from: PUBLIC, to: PUBLIC, status: PUBLIC, summary: PUBLIC },
  surveys: { id: PUBLIC, area: PUBLIC, internal_note: { public: false }, year: PUBLIC, level: PUBLIC, measure: PUBLIC, value: PUBLIC, unit: PUBLIC, source: PUBLIC, n: PUBLIC },
  list_status: { id: PUBLIC, area: PUBLIC, internal_note: { public: false }, year: PUBLIC, status: PUBLIC, residents: PUBLIC, criteria: PUBLIC },
} as const satisfies FieldTable;

/** Every field `add` writes, per kind, in the order they are written (and asked): FIELDS' entries with an `add`. */
export const RECORD_FIELDS: { readonly [K in AddableKind]: readonly FieldSpec<K>[] } = {
  incidents: addedFields('incidents'),
  activities: addedFields('activities'),
  questions: addedFields('questions'),
  meetings: addedFields('meetings'),
};

function addedFields<K extends AddableKind>(kind: K): FieldSpec<K>[] {
  return Object.entries(FIELDS[kind] as Record<string, FieldEntry<K>>).flatMap(([key, field]) =>
    field.add ? [{ key: key as FieldSpec<K>['key'], type: 'text' as const, asked: true, ...field.add }] : [],
  );
}

/** A field `answer` writes into a question: its flag (the answer's text is `--text`), prompt and help. */
export interface AnswerFieldSpec {
  key: 'status' | 'answer' | 'answered' | 'verdict';
  flag: string;
  prompt: Words;
  help: Words;
  choices?: ChoiceName;
  /** The values offered, in the order offered, when not all of the list's. */
  offered?: readonly string[];
}

/** The statuses `answer` offers, the first the default (an answer's text is required with ANSWERED_STATUSES of schema.ts). */
export const ANSWER_STATUSES = ['answered', 'closed', 'referred', 'in_progress'] as const satisfies readonly (keyof typeof CHOICES.question_status)[];

/** Every field `answer` writes, in the order it asks for them. */
export const ANSWER_FIELDS = {
  status: {
    key: 'status',
    flag: '--status <status>',
    choices: 'question_status',
    offered: ANSWER_STATUSES,
    prompt: w('Status', 'Status'),
    help: w('den nye status (standard: answered)', 'the new status (default: answered)'),
  },
  answer: { key: 'answer', flag: '--text <text>', prompt: w('Svaret, som det gives offentligt', 'The answer, as it is given publicly'), help: w('svaret, som det gives offentligt', 'the answer, as given publicly') },
  answered: { key: 'answered', flag: '--date <date>', prompt: w('Dato for svaret (ÅÅÅÅ-MM-DD)', 'Date of the answer (YYYY-MM-DD)'), help: w('datoen for svaret (standard: i dag)', 'the date of the answer (default: today)') },
  verdict: { key: 'verdict', flag: '--verdict <verdict>', choices: 'verdict', prompt: w('Rygtet er', 'The rumour is'), help: w('for et rygte: hvad det viste sig at være', 'for a rumour: what it turned out to be') },
} as const satisfies { [K in AnswerFieldSpec['key']]: AnswerFieldSpec & { key: K } };

/** `internal_note` ↔ `--internal-note`. */
export const flagOf = (key: string): string => `--${key.replace(/_/g, '-')}`;

/** `internal_note` ↔ `internalNote`, the name commander gives the option. */
export type OptionName<K extends string> = K extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<OptionName<Tail>>}` : K;

/** `internal_note` ↔ `internalNote`, the name commander gives the option. */
export const optionOf = <K extends string>(key: K): OptionName<K> => key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as OptionName<K>;

/** The options commander gives for the fields `add` writes: a text, or `true` for a flag without a value. */
export type FieldOptions = { [K in AnyFieldSpec['key'] as OptionName<K>]?: string | boolean };
