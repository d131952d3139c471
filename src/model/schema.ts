import * as v from 'valibot';
import { isIsoDate } from './dates.js';

// One source for the record model: these schemas give the TypeScript types (InferOutput),
// the runtime checks (load/check-value.ts walks them) and, later, the editor JSON Schemas.
// Each leaf carries a description, which is the "expected …" of a finding.

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const ID_PATTERN = /^[A-Za-z0-9._-]+$/;
const AREA_ID_PATTERN = /^[a-z0-9-]+$/;

const text = (what = 'text') => v.pipe(v.string(), v.minLength(1), v.description(what));
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  v.pipe(v.picklist(values), v.description(`one of ${values.join(', ')}`));
const wholeNumber = (min: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.description(`a whole number ≥ ${min}`));
const number = (min: number) => v.pipe(v.number(), v.minValue(min), v.description(`a number ≥ ${min}`));
const date = v.pipe(v.string(), v.check(isIsoDate), v.description('a real date written YYYY-MM-DD, e.g. 2020-03-31'));
const year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2999), v.description('a year such as 2020'));
const quarter = v.pipe(v.string(), v.regex(/^\d{4}-Q[1-4]$/), v.description('a quarter written like 2020-Q2'));
const recordId = v.pipe(
  v.string(),
  v.regex(ID_PATTERN),
  v.description('an id of letters, digits, ".", "_" and "-", e.g. inc-2020-01-15-1'),
);
const reference = (what: string) => v.pipe(v.string(), v.minLength(1), v.description(what));
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
export const VERDICTS = ['confirmed', 'dispelled', 'unresolved'] as const;
export const PRIORITY_STATUSES = ['active', 'achieved', 'dropped'] as const;
export const SURVEY_LEVELS = ['area', 'municipality', 'district', 'national', 'sub_areas'] as const;
export const LIST_STATUSES = ['none', 'prevention_area', 'vulnerable', 'parallel_society', 'transformation_area'] as const;

const common = {
  id: recordId,
  area: v.optional(reference('an area id from borgermode.yaml')),
  internal_note: v.optional(text()),
};

export const IncidentSchema = v.strictObject({
  ...common,
  date,
  category: reference('a category id such as violence, burglary or nuisance'),
  count: v.optional(wholeNumber(1), 1),
  zone: v.optional(text('a zone of the area')),
  summary: v.optional(text('one public sentence')),
  source: v.optional(oneOf(INCIDENT_SOURCES), 'police'),
  status: v.optional(oneOf(INCIDENT_STATUSES)),
});

export const ActivitySchema = v.strictObject({
  ...common,
  date,
  kind: oneOf(ACTIVITY_KINDS),
  title: text('a short public title'),
  status: v.optional(oneOf(ACTIVITY_STATUSES), 'done'),
  partners: v.optional(list(text('a partner such as helhedsplan, skole or SSP'))),
  participants: v.optional(wholeNumber(0)),
  hours: v.optional(number(0)),
  answers: v.optional(list(reference('a question id'))),
  summary: v.optional(text('public text')),
});

export const QuestionSchema = v.strictObject({
  ...common,
  date,
  meeting: v.optional(reference('a meeting id')),
  question: text('the question, paraphrased, without names'),
  topic: v.optional(text('a category id or a short text')),
  zone: v.optional(text('a zone of the area')),
  owner: v.optional(oneOf(QUESTION_OWNERS), 'police'),
  status: v.optional(oneOf(QUESTION_STATUSES), 'open'),
  answer: v.optional(text('the public answer')),
  answered: v.optional(date),
  rumour: v.optional(v.pipe(v.boolean(), v.description('true or false')), false),
  verdict: v.optional(oneOf(VERDICTS)),
});

export const MeetingSchema = v.strictObject({
  ...common,
  date,
  place: v.optional(text('a place')),
  time: v.optional(
    v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/), v.description('a time written HH:MM in quotes, e.g. "19:00"')),
  ),
  attendees: v.optional(wholeNumber(0)),
  summary: v.optional(text('public text')),
});

export const PrioritySchema = v.strictObject({
  ...common,
  title: text('a short public title'),
  from: quarter,
  to: v.optional(quarter),
  status: v.optional(oneOf(PRIORITY_STATUSES), 'active'),
  summary: v.optional(text('public text')),
});

export const SurveySchema = v.strictObject({
  ...common,
  year,
  level: oneOf(SURVEY_LEVELS),
  measure: text('safe_share, unsafe_share, trust_share or a short text'),
  value: v.pipe(v.number(), v.description('a number')),
  unit: v.optional(text('a unit'), '%'),
  source: text('the source, e.g. "Justitsministeriets Tryghedsundersøgelse 2021"'),
  n: v.optional(wholeNumber(0)),
});

export const ListCriteriaSchema = v.strictObject({
  outside_work_education_pct: v.optional(number(0)),
  conviction_ratio: v.optional(number(0)),
  basic_education_only_pct: v.optional(number(0)),
  income_ratio_pct: v.optional(number(0)),
  non_western_pct: v.optional(number(0)),
});

export const ListStatusSchema = v.strictObject({
  ...common,
  year,
  status: v.optional(oneOf(LIST_STATUSES)),
  residents: v.optional(wholeNumber(0)),
  criteria: v.optional(ListCriteriaSchema),
});

/** Record kinds in the order data-format.md lists them; the keys are the top-level keys of a record file. */
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
  id: v.pipe(v.string(), v.regex(AREA_ID_PATTERN), v.description('an area id of a-z, 0-9 and "-", e.g. vaerebro-park')),
  name: text('the area name'),
  municipality: v.optional(text('a municipality')),
  police_district: v.optional(text('a police district')),
  residents: v.optional(wholeNumber(0)),
  zones: v.optional(list(text('a zone name such as "Blok 1-4"'))),
});

export const CategorySettingSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9_]+$/), v.description('a category id of a-z, 0-9 and "_"')),
  da: v.optional(text('the Danish label')),
  en: v.optional(text('the English label')),
  crime: v.optional(v.pipe(v.boolean(), v.description('true or false'))),
  sensitive: v.optional(v.pipe(v.boolean(), v.description('true or false'))),
  straf11: v.optional(v.pipe(v.union([v.string(), v.number()]), v.description('a STRAF11 code'))),
  breaks: v.optional(list(v.strictObject({ date, note: text('a note on the definition change') }))),
});

export const ContactSchema = v.strictObject({
  role: text('a role such as Lokalbetjent'),
  name: v.optional(text('a name')),
  phone: v.optional(v.pipe(v.string(), v.description('a phone number in quotes, e.g. "114"'))),
  email: v.optional(text('an e-mail address')),
});

export const SettingsSchema = v.strictObject({
  title: v.optional(text('a title')),
  language: v.optional(oneOf(LANGS), 'da'),
  areas: v.pipe(list(AreaSchema), v.minLength(1), v.description('a list of at least one area')),
  categories: v.optional(list(CategorySettingSchema), []),
  privacy: v.optional(v.strictObject({ min_count: v.optional(wholeNumber(1), 5) }), { min_count: 5 }),
  meeting: v.optional(v.strictObject({ place: v.optional(text('a place')) }), {}),
  contacts: v.optional(list(ContactSchema), []),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Area = v.InferOutput<typeof AreaSchema>;
export type Contact = v.InferOutput<typeof ContactSchema>;
export type CategorySetting = v.InferOutput<typeof CategorySettingSchema>;
