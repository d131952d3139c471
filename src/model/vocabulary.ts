import type { AddableKind } from './ids.js';
// Types only: this module is read by every run (the CLI's messages), the schemas only by the commands that check.
import type {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  INCIDENT_SOURCES,
  FOCUS_AREAS,
  INCIDENT_STATUSES,
  Lang,
  LIST_STATUSES,
  PRIORITY_STATUSES,
  QUESTION_OWNERS,
  QUESTION_STATUSES,
  RecordKind,
  RecordOf,
  SURVEY_LEVELS,
  VERDICTS,
} from './schema.js';

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
  priority_status: {
    active: one('Aktiv', 'Active'),
    achieved: one('Nået', 'Achieved'),
    dropped: one('Opgivet', 'Dropped'),
  } satisfies ChoiceTable<(typeof PRIORITY_STATUSES)[number]>,
  focus_area: {
    kriminalitetsforebyggelse: one('Kriminalitetsforebyggelse', 'Crime prevention'),
    uddannelse_og_livschancer: one('Uddannelse og livschancer', 'Education and life chances'),
    beskaeftigelse: one('Beskæftigelse', 'Employment'),
    sammenhaengskraft_og_medborgerskab: one('Sammenhængskraft og medborgerskab', 'Cohesion and citizenship'),
  } satisfies ChoiceTable<(typeof FOCUS_AREAS)[number]>,
  survey_level: {
    area: one('Området', 'The area'),
    municipality: one('Kommunen', 'The municipality'),
    district: one('Politikredsen', 'The police district'),
    national: one('Hele landet', 'The whole country'),
    sub_areas: one('Dele af området', 'Parts of the area'),
  } satisfies ChoiceTable<(typeof SURVEY_LEVELS)[number]>,
  // The names of today's lists; render/i18n.ts listStatusLabel gives those of the year before December 2021.
  list_status: {
    none: one('Ikke på listen', 'Not on the list'),
    prevention_area: one('Forebyggelsesområde', 'Prevention area'),
    vulnerable: one('Udsat boligområde', 'Vulnerable housing area'),
    parallel_society: one('Parallelsamfund (før december 2021: ghettoområde)', 'Parallel society (before December 2021: ghetto area)'),
    transformation_area: one(
      'Omdannelsesområde (før december 2021: hårdt ghettoområde)',
      'Transformation area (before December 2021: hard ghetto area)',
    ),
  } satisfies ChoiceTable<(typeof LIST_STATUSES)[number]>,
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
export type ValueType = 'text' | 'whole' | 'number' | 'date' | 'time' | 'quarter' | 'list' | 'flag';

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

/**
 * A field's line in `init`'s example record file (cli/commands/init.ts): its value, `{year}` and
 * `{zone}` filled in, and what its comment says (a field with a fixed list of values is given the
 * list, its default marked, when it has no note); or a comment line in its place.
 */
export type FieldExample = { value: string | Words; note?: Words } | { comment: Words };

/** A field of a record kind: whether public output may show it, how `add` writes it, and its line in the example file (kinds `add` makes). */
export interface FieldEntry<K extends AddableKind = AddableKind> {
  public: boolean;
  add?: AddSpec<K>;
  example?: FieldExample;
}

/** Every field of every kind, classified: a field of the schema missing here, or one the schema lacks, is a type error. */
type FieldTable = {
  readonly [K in RecordKind]: { readonly [F in keyof RecordOf<K> & string]-?: K extends AddableKind ? FieldEntry<K> : { public: boolean } };
};

const shown = <K extends AddableKind>(add?: AddSpec<K>, example?: FieldExample): FieldEntry<K> => ({
  public: true,
  ...(add ? { add } : {}),
  ...(example ? { example } : {}),
});
const PUBLIC = { public: true } as const;
/** A public field `add` does not write (the id it picks, the answer `answer` writes), with its line in the example file. */
const example = (value: string | Words, note?: Words): FieldEntry => ({ public: true, example: note ? { value, note } : { value } });
/** The example file's line of a field `add` writes. */
const line = (value: string | Words, note?: Words): FieldExample => (note ? { value, note } : { value });

// Fields several kinds share, worded once.
const AREA = {
  placeholder: 'id',
  prompt: w('Område', 'Area'),
  help: w('området (standard: det eneste)', 'the area (default: the only one)'),
} as const;
const DATE = {
  type: 'date',
  placeholder: 'date',
  prompt: w('Dato (ÅÅÅÅ-MM-DD)', 'Date (YYYY-MM-DD)'),
  help: w('datoen, ÅÅÅÅ-MM-DD', 'the date, YYYY-MM-DD'),
} as const;
const ZONE = { placeholder: 'zone', prompt: w('Zone', 'Zone'), help: w('en af områdets zoner', 'one of the area zones') } as const;
const SUMMARY = {
  placeholder: 'text',
  prompt: w('Offentligt resumé, én sætning', 'Public summary, one sentence'),
  help: w('et offentligt resumé', 'a public summary'),
} as const;
const FOCUS_AREA = {
  placeholder: 'focus',
  choices: 'focus_area',
  prompt: w('Indsatsområde (Landsbyggefonden)', 'Focus area (Landsbyggefonden)'),
  help: w('det indsatsområde i helhedsplanen, det tjener', 'the focus area of the helhedsplan it serves'),
} as const;
const YEAR = {
  type: 'whole',
  placeholder: 'year',
  prompt: w('År', 'Year'),
  help: w('året, f.eks. 2020', 'the year, e.g. 2020'),
} as const;
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
    id: example('inc-{year}-01-15-1', w('entydigt i hele projektet; add vælger det', 'unique across the project; add picks it')),
    // Written by `borgermode import` (docs/import.md): the key of the row a record came from.
    import_id: { public: false },
    area: shown<'incidents'>(AREA),
    date: shown<'incidents'>(
      DATE,
      line('{year}-01-15', w('anmeldelsesdatoen, ÅÅÅÅ-MM-DD; afgør kvartalet', 'the date reported, YYYY-MM-DD; decides the quarter')),
    ),
    category: shown<'incidents'>(
      { placeholder: 'id', prompt: w('Kategori', 'Category'), help: w('kategoriens id', 'the category id') },
      line('burglary'),
    ),
    count: shown<'incidents'>(
      { type: 'whole', placeholder: 'n', prompt: w('Antal', 'Number'), help: w('hvor mange (standard 1)', 'how many (default 1)') },
      line(
        '1',
        w(
          'antal (standard 1); et månedstal fra politiet kan stå som én post',
          'how many (default 1); a monthly police total can be one record',
        ),
      ),
    ),
    zone: shown<'incidents'>(
      ZONE,
      line('{zone}', w('en af områdets zoner; aldrig en adresse', "one of the area's zones; never an address")),
    ),
    source: shown<'incidents'>(
      { placeholder: 'source', choices: 'source', prompt: w('Kilde', 'Source'), help: w('hvem der meldte det', 'who reported it') },
      line('police'),
    ),
    status: shown<'incidents'>(
      {
        placeholder: 'status',
        asked: false,
        choices: 'incident_status',
        prompt: w('Status', 'Status'),
        help: w('sagens status', 'the status of the case'),
      },
      line('reported'),
    ),
    summary: shown<'incidents'>(
      SUMMARY,
      line(
        w('Indbrud i tre kælderrum.', 'Break-ins in three basement storerooms.'),
        w('én offentlig sætning, uden navne', 'one public sentence, without names'),
      ),
    ),
    internal_note: {
      ...INTERNAL_NOTE,
      example: line(
        w('Sagsnr. 0100-00000-00000-00', 'Case no. 0100-00000-00000-00'),
        w('kommer aldrig med i offentlige udgaver', 'never appears in public output'),
      ),
    },
  },
  activities: {
    id: example('act-{year}-01-20-1'),
    // Written by `borgermode import` (docs/import.md): the key of the row a record came from.
    import_id: { public: false },
    area: shown<'activities'>(AREA),
    date: shown<'activities'>(DATE, line('{year}-01-20')),
    kind: shown<'activities'>(
      {
        placeholder: 'kind',
        choices: 'activity_kind',
        prompt: w('Slags aktivitet', 'Kind of activity'),
        help: w('slags aktivitet', 'the kind of activity'),
      },
      line('safety_walk'),
    ),
    title: shown<'activities'>(
      {
        placeholder: 'text',
        prompt: w('Titel, kort og offentlig', 'Title, short and public'),
        help: w('en kort, offentlig titel', 'a short public title'),
      },
      line(w('Tryghedsvandring med beboerne', 'Safety walk with residents'), w('kort og offentlig', 'short and public')),
    ),
    status: shown<'activities'>(
      {
        placeholder: 'status',
        choices: 'activity_status',
        prompt: w('Status', 'Status'),
        help: w('aktivitetens status', 'the status of the activity'),
      },
      line('done'),
    ),
    partners: shown<'activities'>(
      {
        type: 'list',
        placeholder: 'a,b',
        prompt: w('Samarbejdspartnere, adskilt med komma', 'Partners, separated by commas'),
        help: w('samarbejdspartnere, adskilt med komma', 'partners, separated by commas'),
      },
      line('[helhedsplan, boligselskab]', w('samarbejdspartnere (valgfri)', 'partners (optional)')),
    ),
    participants: shown<'activities'>(
      {
        type: 'whole',
        placeholder: 'n',
        prompt: w('Antal deltagere', 'Number of participants'),
        help: w('antal deltagere', 'number of participants'),
      },
      line('12', w('et antal, aldrig navne (valgfri)', 'a count, never names (optional)')),
    ),
    hours: shown<'activities'>(
      { type: 'number', placeholder: 'n', prompt: w('Timer', 'Hours'), help: w('timer', 'hours') },
      line('2', w('timer (valgfri)', 'hours (optional)')),
    ),
    answers: shown<'activities'>(
      {
        type: 'list',
        placeholder: 'ids',
        prompt: w(
          'Besvarer aktiviteten nogle af beboernes spørgsmål? (mellemrum vælger)',
          "Does the activity answer any of the residents' questions? (space selects)",
        ),
        help: w('id på de spørgsmål, den besvarer, adskilt med komma', 'question ids it answers, separated by commas'),
      },
      line('[q-{year}-01-10-1]', w('spørgsmål, aktiviteten besvarer (valgfri)', 'questions the activity answers (optional)')),
    ),
    focus_area: shown<'activities'>(FOCUS_AREA),
    summary: shown<'activities'>(SUMMARY),
    internal_note: INTERNAL_NOTE,
  },
  questions: {
    id: example('q-{year}-01-10-1'),
    // Written by `borgermode import` (docs/import.md): the key of the row a record came from.
    import_id: { public: false },
    area: shown<'questions'>(AREA),
    date: shown<'questions'>(DATE, line('{year}-01-10', w('da spørgsmålet blev stillet', 'when it was raised'))),
    meeting: shown<'questions'>(
      {
        placeholder: 'id',
        prompt: w('Rejst på mødet', 'Raised at the meeting'),
        help: w('mødet, hvor det blev rejst', 'the meeting where it was raised'),
      },
      line('mtg-{year}-01-10', w('mødet, hvor det blev stillet (valgfri)', 'the meeting where it was raised (optional)')),
    ),
    question: shown<'questions'>(
      {
        placeholder: 'text',
        prompt: w('Spørgsmålet, genfortalt uden navne', 'The question, paraphrased without names'),
        help: w('spørgsmålet, genfortalt uden navne', 'the question, paraphrased without names'),
      },
      line(
        w('Kan der komme mere lys på stien ved Blok 5?', 'Can the path by Blok 5 get more light?'),
        w('genfortalt, offentligt, uden navne', 'paraphrased, public, without names'),
      ),
    ),
    topic: shown<'questions'>(
      {
        placeholder: 'text',
        prompt: w('Emne (et kategori-id eller en kort tekst)', 'Topic (a category id or a short text)'),
        help: w('et kategori-id eller en kort tekst', 'a category id or a short text'),
      },
      line('Belysning', w('et kategori-id eller en kort tekst (valgfri)', 'a category id or a short text (optional)')),
    ),
    zone: shown<'questions'>(ZONE),
    owner: shown<'questions'>(
      {
        placeholder: 'owner',
        choices: 'owner',
        prompt: w('Hvem skal svare?', 'Who is to answer?'),
        help: w('hvem der skal svare', 'who is to answer'),
      },
      line('housing'),
    ),
    status: shown<'questions'>(
      {
        placeholder: 'status',
        asked: false,
        choices: 'question_status',
        prompt: w('Status', 'Status'),
        help: w('spørgsmålets status', 'the status of the question'),
      },
      line('open'),
    ),
    // Written by `answer` (ANSWER_FIELDS).
    answer: {
      public: true,
      example: {
        comment: w('answer og answered skrives af: borgermode answer ID', 'answer and answered are written by: borgermode answer ID'),
      },
    },
    answered: PUBLIC,
    verdict: PUBLIC,
    rumour: shown<'questions'>(
      {
        type: 'flag',
        prompt: w('Er det et rygte, der skal undersøges?', 'Is it a rumour to be checked?'),
        help: w('det er et rygte, der skal undersøges', 'it is a rumour to be checked'),
      },
      line('false', w('true, når det er et rygte, der skal undersøges', 'true when it is a rumour to be checked')),
    ),
    internal_note: INTERNAL_NOTE,
  },
  meetings: {
    id: example('mtg-{year}-01-10'),
    area: shown<'meetings'>(AREA),
    date: shown<'meetings'>(DATE, line('{year}-01-10')),
    time: shown<'meetings'>(
      { type: 'time', placeholder: 'HH:MM', prompt: w('Klokkeslæt (TT:MM)', 'Time (HH:MM)'), help: w('klokkeslættet', 'the time') },
      line('"19:00"', w('TT:MM i anførselstegn (valgfri)', 'HH:MM in quotes (optional)')),
    ),
    place: shown<'meetings'>(
      {
        placeholder: 'text',
        prompt: w('Sted', 'Place'),
        help: w('stedet (standard: meeting.place)', 'the place (default: meeting.place)'),
      },
      line('Beboerhuset', w('standard: meeting.place i borgermode.yaml', 'default: meeting.place in borgermode.yaml')),
    ),
    attendees: shown<'meetings'>(
      {
        type: 'whole',
        placeholder: 'n',
        prompt: w('Antal fremmødte', 'Number of attendees'),
        help: w('antal fremmødte', 'number of attendees'),
      },
      line('40', w('antal fremmødte (valgfri)', 'number of attendees (optional)')),
    ),
    summary: shown<'meetings'>(SUMMARY),
    internal_note: INTERNAL_NOTE,
  },
  priorities: {
    id: PUBLIC,
    area: shown<'priorities'>(AREA),
    title: shown<'priorities'>({
      placeholder: 'text',
      prompt: w('Prioriteten, kort og offentlig', 'The priority, short and public'),
      help: w('prioriteten, kort og offentlig', 'the priority, short and public'),
    }),
    from: shown<'priorities'>({
      type: 'quarter',
      placeholder: 'quarter',
      prompt: w('Fra kvartal (ÅÅÅÅ-QN)', 'From the quarter (YYYY-QN)'),
      help: w('det første kvartal, f.eks. 2020-Q1', 'the first quarter, e.g. 2020-Q1'),
    }),
    to: shown<'priorities'>({
      type: 'quarter',
      placeholder: 'quarter',
      prompt: w('Til og med kvartal (ÅÅÅÅ-QN)', 'Up to the quarter (YYYY-QN)'),
      help: w('det sidste kvartal (valgfri: til videre)', 'the last quarter (optional: until further notice)'),
    }),
    status: shown<'priorities'>({
      placeholder: 'status',
      asked: false,
      choices: 'priority_status',
      prompt: w('Status', 'Status'),
      help: w('prioritetens status', 'the status of the priority'),
    }),
    focus_area: shown<'priorities'>(FOCUS_AREA),
    summary: shown<'priorities'>({
      placeholder: 'text',
      prompt: w('Hvad der gøres, offentligt', 'What is being done, public'),
      help: w('hvad der gøres, offentligt', 'what is being done, public'),
    }),
    internal_note: INTERNAL_NOTE,
  },

  surveys: {
    id: PUBLIC,
    area: shown<'surveys'>(AREA),
    year: shown<'surveys'>(YEAR),
    level: shown<'surveys'>({
      placeholder: 'level',
      choices: 'survey_level',
      prompt: w('Hvor tallet er målt', 'Where the figure was measured'),
      help: w('hvor tallet er målt', 'where the figure was measured'),
    }),
    measure: shown<'surveys'>({
      placeholder: 'measure',
      prompt: w(
        'Hvad der er målt (safe_share, unsafe_share, trust_share eller en kort tekst)',
        'What was measured (safe_share, unsafe_share, trust_share or a short text)',
      ),
      help: w(
        'hvad der er målt: safe_share, unsafe_share, trust_share eller en kort tekst',
        'what was measured: safe_share, unsafe_share, trust_share or a short text',
      ),
    }),
    value: shown<'surveys'>({ type: 'number', placeholder: 'n', prompt: w('Tallet', 'The figure'), help: w('tallet', 'the figure') }),
    unit: shown<'surveys'>({
      placeholder: 'unit',
      asked: false,
      prompt: w('Enhed', 'Unit'),
      help: w('enheden (standard: %)', 'the unit (default: %)'),
    }),
    source: shown<'surveys'>({
      placeholder: 'text',
      prompt: w('Kilde (undersøgelse og år)', 'Source (survey and year)'),
      help: w('undersøgelsen, tallet kommer fra', 'the survey the figure comes from'),
    }),
    n: shown<'surveys'>({
      type: 'whole',
      placeholder: 'n',
      prompt: w('Antal besvarelser', 'Number of respondents'),
      help: w('antal besvarelser', 'number of respondents'),
    }),
    internal_note: INTERNAL_NOTE,
  },

  list_status: {
    id: PUBLIC,
    area: shown<'list_status'>(AREA),
    year: shown<'list_status'>(YEAR),
    status: shown<'list_status'>({
      placeholder: 'status',
      choices: 'list_status',
      prompt: w('Status på listen', 'Status on the list'),
      help: w('status på listen fra 1. december', 'the status on the list of 1 December'),
    }),
    residents: shown<'list_status'>({
      type: 'whole',
      placeholder: 'n',
      prompt: w('Antal beboere på listen', 'Number of residents on the list'),
      help: w('antal beboere ifølge listen', 'number of residents according to the list'),
    }),
    // The five figures of the list (docs/data-format.md): written in YAML.
    criteria: PUBLIC,
    internal_note: INTERNAL_NOTE,
  },
} as const satisfies FieldTable;

/** The kinds of `init`'s example file: the records of every quarter. */
export type ExampleKind = 'incidents' | 'activities' | 'questions' | 'meetings';

/** What each kind of the example file holds, in a few words: its headings in `init`'s example file. */
export const KIND_NOTES: { readonly [K in ExampleKind]: Words } = {
  incidents: w('hændelser: hvad der skete', 'incidents: what happened'),
  activities: w('aktiviteter: hvad vi gjorde', 'activities: what we did'),
  questions: w('beboernes spørgsmål og rygter', "residents' questions and rumours"),
  meetings: w('borgermøderne', 'the citizen meetings'),
};

/** Every field `add` writes, per kind, in the order they are written (and asked): FIELDS' entries with an `add`. */
export const RECORD_FIELDS: { readonly [K in AddableKind]: readonly FieldSpec<K>[] } = {
  incidents: addedFields('incidents'),
  activities: addedFields('activities'),
  questions: addedFields('questions'),
  meetings: addedFields('meetings'),
  priorities: addedFields('priorities'),
  surveys: addedFields('surveys'),
  list_status: addedFields('list_status'),
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
export const ANSWER_STATUSES = [
  'answered',
  'closed',
  'referred',
  'in_progress',
] as const satisfies readonly (keyof typeof CHOICES.question_status)[];

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
  answer: {
    key: 'answer',
    flag: '--text <text>',
    prompt: w('Svaret, som det gives offentligt', 'The answer, as it is given publicly'),
    help: w('svaret, som det gives offentligt', 'the answer, as given publicly'),
  },
  answered: {
    key: 'answered',
    flag: '--date <date>',
    prompt: w('Dato for svaret (ÅÅÅÅ-MM-DD)', 'Date of the answer (YYYY-MM-DD)'),
    help: w('datoen for svaret (standard: i dag)', 'the date of the answer (default: today)'),
  },
  verdict: {
    key: 'verdict',
    flag: '--verdict <verdict>',
    choices: 'verdict',
    prompt: w('Rygtet er', 'The rumour is'),
    help: w('for et rygte: hvad det viste sig at være', 'for a rumour: what it turned out to be'),
  },
} as const satisfies { [K in AnswerFieldSpec['key']]: AnswerFieldSpec & { key: K } };

/** `internal_note` ↔ `--internal-note`. */
export const flagOf = (key: string): string => `--${key.replace(/_/g, '-')}`;

/** `internal_note` ↔ `internalNote`, the name commander gives the option. */
export type OptionName<K extends string> = K extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<OptionName<Tail>>}` : K;

/** `internal_note` ↔ `internalNote`, the name commander gives the option. */
export const optionOf = <K extends string>(key: K): OptionName<K> =>
  key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as OptionName<K>;

/** The options commander gives for the fields `add` writes: a text, or `true` for a flag without a value. */
export type FieldOptions = { [K in AnyFieldSpec['key'] as OptionName<K>]?: string | boolean };
