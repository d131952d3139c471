import * as v from 'valibot';
import { GROUPING_SETTINGS } from './category-groups.js';
import { isIsoDate } from './dates.js';
import type { ExpectKey } from './messages.js';
import { isPlainLine, isPlainText } from './plain-text.js';

// One source for the record model: these schemas give the TypeScript types (InferOutput),
// the runtime checks (load/check-value.ts walks them) and, later, the editor JSON Schemas.
// Each leaf names what it expects (model/messages.ts words it in Danish and English).

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
const AREA_ID_PATTERN = /^[a-z0-9-]+$/;

/** Names what a schema expects, for the messages of the checks. */
export const expect = <T = string>(key: ExpectKey, min?: number, max?: number) =>
  v.metadata<T, { expect: ExpectKey; min?: number; max?: number }>(
    min === undefined ? { expect: key } : max === undefined ? { expect: key, min } : { expect: key, min, max },
  );

/**
 * The numbers a person writes, each within what it can mean (docs/data-format.md#numbers): finite,
 * and a whole number never past 2^53 − 1, where a JavaScript number stops being exact (a count of
 * 9007199254740993 was read as …992). A million records at the top of a range still sum exactly.
 */
export const NUMBER_RANGES = {
  count: [1, 1_000_000],
  people: [0, 1_000_000],
  hours: [0, 100_000],
  residents: [0, 10_000_000],
  respondents: [0, 10_000_000],
  survey_value: [-1_000_000, 1_000_000],
  criteria: [0, 1_000],
  min_count: [3, 1_000],
  max_lix: [10, 100],
} as const satisfies Record<string, readonly [number, number]>;
type NumberRange = keyof typeof NUMBER_RANGES;

// Text holds no control characters (a tab and a line break only in `lines` fields) and only balanced bidi controls (model/plain-text.ts).
const plainLine = v.check(isPlainLine);
const plainText = v.check(isPlainText);
const text = (what: ExpectKey = 'text') => v.pipe(v.string(), v.minLength(1), plainLine, expect(what));
const lines = (what: ExpectKey = 'text') => v.pipe(v.string(), v.minLength(1), plainText, expect(what));
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => v.picklist(values);
// Both ends bound a number, so Infinity (YAML .inf) and -Infinity are outside every range.
const wholeNumber = (range: NumberRange) => {
  const [min, max] = NUMBER_RANGES[range];
  return v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max), expect<number>('whole_range', min, max));
};
const number = (range: NumberRange) => {
  const [min, max] = NUMBER_RANGES[range];
  return v.pipe(v.number(), v.minValue(min), v.maxValue(max), expect<number>('number_range', min, max));
};
const boolean = v.pipe(v.boolean(), expect<boolean>('boolean'));
const date = v.pipe(v.string(), v.check(isIsoDate), expect('date'));
const year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2999), expect<number>('year'));
const quarter = v.pipe(v.string(), v.regex(/^\d{4}-Q[1-4]$/), expect('quarter'));
const recordId = v.pipe(v.string(), v.regex(ID_PATTERN), expect('record_id'));
const reference = (what: ExpectKey) => v.pipe(v.string(), v.minLength(1), plainLine, expect(what));
const list = <T extends v.GenericSchema>(item: T) => v.array(item);

export const INCIDENT_SOURCES = ['police', 'resident', 'patrol', 'other'] as const;
export const INCIDENT_STATUSES = ['reported', 'charged', 'closed'] as const;
export const ACTIVITY_KINDS = [
  'patrol',
  'dialogue',
  'citizen_meeting',
  'business_network',
  'youth_activity',
  'school_visit',
  'ssp_meeting',
  'safety_walk',
  'operation',
  'information',
  'other',
] as const;
export const ACTIVITY_STATUSES = ['done', 'planned', 'cancelled'] as const;
export const QUESTION_OWNERS = ['police', 'municipality', 'housing', 'helhedsplan', 'other'] as const;
export const QUESTION_STATUSES = ['open', 'in_progress', 'answered', 'referred', 'closed'] as const;
/** The statuses of a question that has its answer: a question so marked must give it (rule answer-required). */
export const ANSWERED_STATUSES: ReadonlySet<string> = new Set(['answered', 'closed'] satisfies (typeof QUESTION_STATUSES)[number][]);
/** Whether a question with `status` (absent: the default, open) still waits for its answer: open or in_progress. */
export const isOpenQuestion = (status: string | undefined): boolean =>
  status === undefined || status === 'open' || status === 'in_progress';
export const VERDICTS = ['confirmed', 'dispelled', 'unresolved'] as const;
export const PRIORITY_STATUSES = ['active', 'achieved', 'dropped'] as const;
/** Landsbyggefonden's indsatsområder of a boligsocial helhedsplan: what an activity or a priority serves. */
export const FOCUS_AREAS = [
  'kriminalitetsforebyggelse',
  'uddannelse_og_livschancer',
  'beskaeftigelse',
  'sammenhaengskraft_og_medborgerskab',
] as const;
/** At most this many priorities of an area are active at once (rule active-priorities). */
export const MAX_ACTIVE_PRIORITIES = 3;
export const SURVEY_LEVELS = ['area', 'municipality', 'district', 'national', 'sub_areas'] as const;
export const LIST_STATUSES = ['none', 'prevention_area', 'vulnerable', 'parallel_society', 'transformation_area'] as const;

const common = {
  id: recordId,
  area: v.optional(reference('area_ref')),
  internal_note: v.optional(lines()),
};

export const IncidentSchema = v.strictObject({
  ...common,
  import_id: v.optional(text('import_id')),
  date,
  category: reference('category_ref'),
  count: v.optional(wholeNumber('count'), 1),
  zone: v.optional(text('zone')),
  summary: v.optional(lines('summary')),
  source: v.optional(oneOf(INCIDENT_SOURCES), 'police'),
  status: v.optional(oneOf(INCIDENT_STATUSES)),
});

export const ActivitySchema = v.strictObject({
  ...common,
  import_id: v.optional(text('import_id')),
  date,
  kind: oneOf(ACTIVITY_KINDS),
  title: text('title'),
  status: v.optional(oneOf(ACTIVITY_STATUSES), 'done'),
  partners: v.optional(list(text('partner'))),
  participants: v.optional(wholeNumber('people')),
  hours: v.optional(number('hours')),
  answers: v.optional(list(reference('question_ref'))),
  focus_area: v.optional(oneOf(FOCUS_AREAS)),
  summary: v.optional(lines('public_text')),
});

export const QuestionSchema = v.strictObject({
  ...common,
  import_id: v.optional(text('import_id')),
  date,
  meeting: v.optional(reference('meeting_ref')),
  question: lines('question'),
  topic: v.optional(text('topic')),
  zone: v.optional(text('zone')),
  owner: v.optional(oneOf(QUESTION_OWNERS), 'police'),
  status: v.optional(oneOf(QUESTION_STATUSES), 'open'),
  answer: v.optional(lines('answer')),
  answered: v.optional(date),
  rumour: v.optional(boolean, false),
  verdict: v.optional(oneOf(VERDICTS)),
});

export const MeetingSchema = v.strictObject({
  ...common,
  date,
  place: v.optional(text('place')),
  time: v.optional(v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/), expect('time'))),
  attendees: v.optional(wholeNumber('people')),
  summary: v.optional(lines('public_text')),
});

export const PrioritySchema = v.strictObject({
  ...common,
  title: text('title'),
  from: quarter,
  to: v.optional(quarter),
  status: v.optional(oneOf(PRIORITY_STATUSES), 'active'),
  focus_area: v.optional(oneOf(FOCUS_AREAS)),
  summary: v.optional(lines('public_text')),
});

export const SurveySchema = v.strictObject({
  ...common,
  year,
  level: oneOf(SURVEY_LEVELS),
  measure: text('measure'),
  value: number('survey_value'),
  unit: v.optional(text('unit'), '%'),
  source: text('survey_source'),
  n: v.optional(wholeNumber('respondents')),
});

export const ListCriteriaSchema = v.strictObject({
  outside_work_education_pct: v.optional(number('criteria')),
  conviction_ratio: v.optional(number('criteria')),
  basic_education_only_pct: v.optional(number('criteria')),
  income_ratio_pct: v.optional(number('criteria')),
  non_western_pct: v.optional(number('criteria')),
});

export const ListStatusSchema = v.strictObject({
  ...common,
  year,
  status: v.optional(oneOf(LIST_STATUSES)),
  residents: v.optional(wholeNumber('residents')),
  criteria: v.optional(ListCriteriaSchema),
});

/** Record kinds in the order docs/data-format.md lists them; the keys are the top-level keys of a record file. */
export const RECORD_SCHEMAS = {
  incidents: IncidentSchema,
  activities: ActivitySchema,
  questions: QuestionSchema,
  meetings: MeetingSchema,
  priorities: PrioritySchema,
  surveys: SurveySchema,
  list_status: ListStatusSchema,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];

export const RecordFileSchema = v.strictObject({
  incidents: v.optional(list(IncidentSchema)),
  activities: v.optional(list(ActivitySchema)),
  questions: v.optional(list(QuestionSchema)),
  meetings: v.optional(list(MeetingSchema)),
  priorities: v.optional(list(PrioritySchema)),
  surveys: v.optional(list(SurveySchema)),
  list_status: v.optional(list(ListStatusSchema)),
});

export type Incident = v.InferOutput<typeof IncidentSchema>;
export type Activity = v.InferOutput<typeof ActivitySchema>;
export type Question = v.InferOutput<typeof QuestionSchema>;
export type Meeting = v.InferOutput<typeof MeetingSchema>;
export type Priority = v.InferOutput<typeof PrioritySchema>;
export type Survey = v.InferOutput<typeof SurveySchema>;
export type ListStatus = v.InferOutput<typeof ListStatusSchema>;
export type RecordOf<K extends RecordKind> = v.InferOutput<(typeof RECORD_SCHEMAS)[K]>;

// ---- borgermode.yaml ----

export const AreaSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(AREA_ID_PATTERN), expect('area_id')),
  name: text('area_name'),
  municipality: v.optional(text('municipality')),
  police_district: v.optional(text('police_district')),
  residents: v.optional(wholeNumber('residents')),
  zones: v.optional(list(text('zone_name'))),
  // The days the area's police figures cover (docs/figures.md); each end defaults from the incidents.
  coverage: v.optional(v.strictObject({ from: v.optional(date), to: v.optional(date) })),
  // How public output groups this area's categories (docs/privacy.md#grouping); the project's privacy.grouping when absent.
  grouping: v.optional(oneOf(GROUPING_SETTINGS)),
});

export const CategorySettingSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9_]+$/), expect('category_id')),
  da: v.optional(text('label_da')),
  en: v.optional(text('label_en')),
  crime: v.optional(boolean),
  sensitive: v.optional(boolean),
  straf11: v.optional(v.pipe(v.union([v.string(), v.number()]), expect<string | number>('straf11'))),
  breaks: v.optional(list(v.strictObject({ date, note: lines('break_note') }))),
});

export const ContactSchema = v.strictObject({
  role: text('role'),
  name: v.optional(text('name')),
  phone: v.optional(v.pipe(v.string(), plainLine, expect('phone'))),
  email: v.optional(text('email')),
});

/** The project's settings file; its folder is the project. */
export const SETTINGS_FILE = 'borgermode.yaml';

export const SettingsSchema = v.strictObject({
  title: v.optional(text('project_title')),
  language: v.optional(oneOf(LANGS), 'da'),
  areas: v.pipe(list(AreaSchema), v.minLength(1), expect('areas')),
  categories: v.optional(list(CategorySettingSchema), []),
  // "<3" still covers two values; a smaller threshold would publish small counts exactly.
  // reviewed_names: names the team has read and accepts in public text (docs/privacy.md), no longer warned about.
  privacy: v.optional(
    v.strictObject({
      min_count: v.optional(wholeNumber('min_count'), 5),
      grouping: v.optional(oneOf(GROUPING_SETTINGS), 'auto'),
      reviewed_names: v.optional(list(text('reviewed_name'))),
    }),
    { min_count: 5, grouping: 'auto' },
  ),
  meeting: v.optional(v.strictObject({ place: v.optional(text('place')) }), {}),
  contacts: v.optional(list(ContactSchema), []),
  // max_lix: validate notes a public text whose LIX is above it (docs/data-format.md#readability).
  readability: v.optional(v.strictObject({ max_lix: v.optional(wholeNumber('max_lix'), 45) }), { max_lix: 45 }),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Area = v.InferOutput<typeof AreaSchema>;
export type Contact = v.InferOutput<typeof ContactSchema>;
export type CategorySetting = v.InferOutput<typeof CategorySettingSchema>;
