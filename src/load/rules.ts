import { lix, LIX_MIN_WORDS } from '../model/readability.js';
import { addQuarters, compareQuarters, parseQuarter, quarterOf, quarterStart } from '../model/quarters.js';
import { dateRange } from '../model/dates.js';
import { foundValue, type MessageCode, type Params } from '../model/messages.js';
import type { Category } from '../model/categories.js';
import type { Finding, YamlPath } from '../model/finding.js';
import {
  ANSWERED_STATUSES,
  type Area,
  isOpenQuestion,
  MAX_ACTIVE_PRIORITIES,
  type RecordKind,
  type Settings,
  SETTINGS_FILE,
} from '../model/schema.js';
import {
  findPersonalData,
  findPossibleNames,
  foldText,
  MAY_FOLD,
  MAY_READ_OTHERWISE,
  PERSONAL_DATA_KINDS,
} from '../model/personal-data.js';
import { PUBLIC_FIELDS } from '../model/public-fields.js';
import { closest } from '../model/suggest.js';
import type { EntriesByKind, RecordEntry } from '../model/dataset.js';

/** Where an id is defined. */
export interface IdPlace {
  kind: RecordKind;
  file: string;
  readonly path: YamlPath;
}

/** Every id in the project, valid record or not, with each place it is defined, in project order. */
export interface IdIndex {
  /** Where each id is defined first. */
  first: ReadonlyMap<string, IdPlace>;
  /** The places after the first, of the ids defined more than once (a map of every id's places would be a list per record). */
  repeated: ReadonlyMap<string, IdPlace[]>;
}

/** What every cross-record rule may look at. */
export interface RuleContext {
  areas: readonly Area[];
  categories: ReadonlyMap<string, Category>;
  /** Records that passed their own field checks, by kind. */
  entries: EntriesByKind;
  /** Every id in the project, valid record or not, with each place it is defined. */
  ids: IdIndex;
  /** Today's date (YYYY-MM-DD), from the injected clock. */
  today: string;
}

export interface Rule {
  name: string;
  check(ctx: RuleContext): Finding[];
}

/** An open question older than this many quarters is flagged. */
const OPEN_QUESTION_QUARTERS = 2;

function at(
  entry: RecordEntry,
  field: string | undefined,
  severity: Finding['severity'],
  code: MessageCode,
  params: Params = {},
  target: 'key' | 'value' = 'value',
): Finding {
  return { file: entry.file, path: field === undefined ? entry.path : [...entry.path, field], target, severity, code, params };
}

const uniqueIds: Rule = {
  name: 'unique-ids',
  check: ({ ids }) => {
    const findings: Finding[] = [];
    for (const [id, places] of ids.repeated) {
      const first = ids.first.get(id)!;
      for (const place of places) {
        findings.push({
          file: place.file,
          path: [...place.path, 'id'],
          severity: 'error',
          code: 'duplicate-id',
          params: { id },
          related: { file: first.file, path: [...first.path, 'id'] },
        });
      }
    }
    return findings;
  },
};

// The rules that look at every record are loops that make nothing for a record that is fine:
// a project may hold a million of them.

const knownArea: Rule = {
  name: 'known-area',
  check: ({ areas, entries }) => {
    const areaIds = areas.map((a) => a.id);
    const findings: Finding[] = [];
    forEachEntry(entries, (entry) => {
      const area = entry.record.area;
      if (area === undefined) {
        if (areas.length > 1) findings.push(at(entry, undefined, 'error', 'missing-area', { count: areas.length, areas: areaIds }));
      } else if (!areaIds.includes(area)) {
        findings.push(at(entry, 'area', 'error', 'unknown-area', { id: area, suggestion: closest(area, areaIds), choices: areaIds }));
      }
    });
    return findings;
  },
};

const knownCategory: Rule = {
  name: 'known-category',
  check: ({ categories, entries }) => {
    const findings: Finding[] = [];
    for (const entry of entries.incidents) {
      const id = entry.record.category;
      if (id === undefined || categories.has(id)) continue;
      const ids = [...categories.keys()];
      findings.push(at(entry, 'category', 'error', 'unknown-category', { id, suggestion: closest(id, ids), choices: ids }));
    }
    return findings;
  },
};

const knownZone: Rule = {
  name: 'known-zone',
  check: ({ areas, entries }) => {
    // The first area of each id, as areas.find would give it.
    const byId = new Map<string, Area>();
    for (const area of areas) if (!byId.has(area.id)) byId.set(area.id, area);
    const findings: Finding[] = [];
    const check = (entry: RecordEntry<'incidents' | 'questions'>) => {
      const zone = entry.record.zone;
      if (zone === undefined) return;
      const area = entry.record.area === undefined ? (areas.length === 1 ? areas[0] : undefined) : byId.get(entry.record.area);
      if (!area?.zones || area.zones.includes(zone)) return;
      findings.push(
        at(entry, 'zone', 'error', 'unknown-zone', { zone, suggestion: closest(zone, area.zones), area: area.id, zones: area.zones }),
      );
    };
    for (const entry of entries.incidents) check(entry);
    for (const entry of entries.questions) check(entry);
    return findings;
  },
};

function referenceRule(
  name: string,
  kind: RecordKind,
  code: 'unknown-meeting' | 'unknown-question',
  refs: (ctx: RuleContext) => { entry: RecordEntry; field: YamlPath; id: string }[],
): Rule {
  return {
    name,
    check: (ctx) => {
      const { first, repeated } = ctx.ids;
      const isOfKind = (id: string) => first.get(id)?.kind === kind || (repeated.get(id)?.some((place) => place.kind === kind) ?? false);
      // The ids of this kind, in project order, worked out for the first reference that is wrong.
      let known: string[] | undefined;
      return refs(ctx).flatMap(({ entry, field, id }): Finding[] => {
        if (isOfKind(id)) return [];
        known ??= [...first.keys()].filter(isOfKind);
        const base = { file: entry.file, path: [...entry.path, ...field], target: 'value' as const, severity: 'error' as const };
        const place = first.get(id);
        return place
          ? [{ ...base, code: 'wrong-kind', params: { id, kind: place.kind, expectedKind: kind } }]
          : [{ ...base, code, params: { id, suggestion: closest(id, known), known } }];
      });
    },
  };
}

const knownMeeting = referenceRule('known-meeting', 'meetings', 'unknown-meeting', ({ entries }) =>
  entries.questions.flatMap((entry) =>
    entry.record.meeting === undefined ? [] : [{ entry, field: ['meeting'], id: entry.record.meeting }],
  ),
);

const knownQuestion = referenceRule('known-question', 'questions', 'unknown-question', ({ entries }) =>
  entries.activities.flatMap((entry) => (entry.record.answers ?? []).map((id, index) => ({ entry, field: ['answers', index], id }))),
);

const answerRequired: Rule = {
  name: 'answer-required',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) => {
      const q = entry.record;
      const findings: Finding[] = [];
      if (q.status !== undefined && ANSWERED_STATUSES.has(q.status) && q.answer === undefined)
        findings.push(at(entry, 'status', 'error', 'answer-missing', { status: q.status }));
      if (q.answer !== undefined && q.answered === undefined) findings.push(at(entry, 'answer', 'error', 'answered-missing', {}, 'key'));
      return findings;
    }),
};

const answerAfterQuestion: Rule = {
  name: 'answer-after-question',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) => {
      const { date, answered } = entry.record;
      return answered !== undefined && date !== undefined && answered < date
        ? [at(entry, 'answered', 'error', 'answer-before-question', { answered, date })]
        : [];
    }),
};

const verdictNeedsRumour: Rule = {
  name: 'verdict-needs-rumour',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) =>
      entry.record.verdict !== undefined && !entry.record.rumour
        ? [at(entry, 'verdict', 'error', 'verdict-without-rumour', {}, 'key')]
        : [],
    ),
};

const priorityRange: Rule = {
  name: 'priority-range',
  check: ({ entries }) =>
    entries.priorities.flatMap((entry) => {
      const { from, to } = entry.record;
      const a = from === undefined ? undefined : parseQuarter(from);
      const b = to === undefined ? undefined : parseQuarter(to);
      return a && b && compareQuarters(b, a) < 0 ? [at(entry, 'to', 'error', 'invalid-range', { from, to })] : [];
    }),
};

/** One government list a year: two list_status records of an area for the same year would contradict each other. */
const oneListPerYear: Rule = {
  name: 'one-list-per-year',
  check: ({ areas, entries }) => {
    const seen = new Map<string, RecordEntry>();
    const findings: Finding[] = [];
    for (const entry of entries.list_status) {
      const { year } = entry.record;
      const area = entry.record.area ?? (areas.length === 1 ? areas[0]!.id : undefined);
      if (year === undefined || area === undefined) continue;
      const key = `${area}\u0000${year}`;
      const first = seen.get(key);
      if (!first) seen.set(key, entry);
      else
        findings.push({
          ...at(entry, 'year', 'error', 'duplicate-list-year', { year, area }),
          related: { file: first.file, path: [...first.path, 'year'] },
        });
    }
    return findings;
  },
};

const activePriorities: Rule = {
  name: 'active-priorities',
  check: ({ areas, entries }) => {
    const byArea = new Map<string, RecordEntry<'priorities'>[]>();
    for (const entry of entries.priorities) {
      if (entry.record.status !== 'active') continue;
      const area = entry.record.area ?? areas[0]?.id ?? '';
      byArea.set(area, [...(byArea.get(area) ?? []), entry]);
    }
    return [...byArea].flatMap(([area, active]) =>
      active
        .slice(MAX_ACTIVE_PRIORITIES)
        .map((entry) => at(entry, 'status', 'error', 'too-many-priorities', { count: active.length, area, max: MAX_ACTIVE_PRIORITIES })),
    );
  },
};

const activityDates: Rule = {
  name: 'activity-dates',
  check: ({ entries, today }) =>
    entries.activities.flatMap((entry) => {
      const { status, date } = entry.record;
      if (date === undefined) return [];
      if (status === 'done' && date > today) return [at(entry, 'date', 'warning', 'done-in-future', { date, today })];
      if (status === 'planned' && date < today) return [at(entry, 'date', 'warning', 'planned-in-past', { date })];
      return [];
    }),
};

const questionOpenTooLong: Rule = {
  name: 'question-open-too-long',
  check: ({ entries, today }) =>
    entries.questions.flatMap((entry) => {
      const { status, date } = entry.record;
      if (date === undefined || !isOpenQuestion(status)) return [];
      const limit = quarterStart(addQuarters(quarterOf(date), OPEN_QUESTION_QUARTERS + 1));
      return today >= limit
        ? [at(entry, 'status', 'warning', 'question-open-long', { date, status, quarters: OPEN_QUESTION_QUARTERS })]
        : [];
    }),
};

/**
 * Text that can hold none of the kinds of model/personal-data.ts: every CPR number has six digits
 * in a row, every phone number eight in a row or two digits, a space and two digits (grouped),
 * every e-mail address an "@", and every street address a word, a space and a house number (a
 * dotted CPR number, DD.MM.YY-XXXX, has its own alternative). Most
 * fields (ids, dates) fail this at once. A property test keeps it true
 * (test/model/personal-data.test.ts).
 */
export const MAY_HOLD_PERSONAL_DATA = /@|\d{6}|\d\d[ \u00a0]\d\d|(?<!\d)\d\d([./-])\d\d\1\d\d-\d{4}|[\p{L}\p{M}.'\u2019-][ \u00a0]+[1-9]/u;

/** MAY_HOLD_PERSONAL_DATA for CPR numbers, phone numbers and e-mail addresses only (what folding a text can reveal). */
export const MAY_HOLD_NUMBER_OR_EMAIL = /@|\d{6}|\d\d[ \u00a0]\d\d|(?<!\d)\d\d([./-])\d\d\1\d\d-\d{4}/;

/** Text that can hold no possible name (findPossibleNames): it has no two capitalised words in a row. */
export const MAY_HOLD_NAME = /\p{Lu}\p{M}*\p{Ll}[\p{L}\p{M}'\u2019-]*[ \u00a0]+\p{Lu}\p{M}*\p{Ll}/u;

/** The forms of a text as a reader sees it (model/reader-text.ts readerForms), given to the checks by whoever has loaded it. */
export type ReaderForms = (text: string) => string[];

/** The texts of a field's value: itself when text, each text of a list. */
const textsOfValue = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((text): text is string => typeof text === 'string') : [];

/** Whether any public text of the record needs readerForms (an entity, a `*`, a `[`, a `%40` …: MAY_READ_OTHERWISE). */
export function needsReaderForms(entry: RecordEntry): boolean {
  for (const field of PUBLIC_FIELDS[entry.kind] as readonly string[]) {
    for (const text of textsOfValue((entry.record as Record<string, unknown>)[field])) if (MAY_READ_OTHERWISE.test(text)) return true;
  }
  return false;
}

/** The kinds of personal data and the possible names in texts, as written, folded (foldText), and in every form a reader sees (`read`, for Markdown). */
function personalDataOf(texts: readonly string[], read: ReaderForms | undefined, kinds: Set<string>, names: Set<string> | undefined): void {
  const check = (form: string) => {
    if (MAY_HOLD_PERSONAL_DATA.test(form)) for (const kind of findPersonalData(form)) kinds.add(kind);
    if (names && MAY_HOLD_NAME.test(form)) for (const name of findPossibleNames(form)) names.add(name);
  };
  for (const text of texts) {
    check(text);
    if (MAY_FOLD.test(text)) {
      // Folding reveals digits and "@" (full-width, invisible separators, other dashes), not addresses or names: those are checked as written.
      const folded = foldText(text);
      if (MAY_HOLD_NUMBER_OR_EMAIL.test(folded)) for (const kind of findPersonalData(folded, { addresses: false })) kinds.add(kind);
    }
    if (read && MAY_READ_OTHERWISE.test(text)) for (const form of read(text)) check(form);
  }
}

/**
 * The personal-data warnings of one record (docs/privacy.md): a check of the record alone, so it
 * runs with the field checks of its file and is cached with them (load/check-file.ts). Every
 * public field is looked at as written and, through `read`, as a reader of public output sees it
 * (the caller gives `read` for a record that needsReaderForms). A `personal-data` warning here;
 * rendering public output that shows the field refuses (render/published-personal-data.ts). A
 * `possible-name` warning is for the team to review, and the names it has reviewed are taken out
 * after the cache (withoutReviewedNames).
 */
export function findPersonalDataIn(entry: RecordEntry, findings: Finding[], read?: ReaderForms): void {
  for (const field of PUBLIC_FIELDS[entry.kind] as readonly string[]) {
    const texts = textsOfValue((entry.record as Record<string, unknown>)[field]);
    if (texts.length === 0) continue;
    const kinds = new Set<string>();
    const names = new Set<string>();
    personalDataOf(texts, read, kinds, names);
    // The kinds in their fixed order, as findPersonalData gives them.
    if (kinds.size > 0)
      findings.push(
        at(entry, field, 'warning', 'personal-data', {
          field,
          data: PERSONAL_DATA_KINDS.filter((kind) => kinds.has(kind)),
          id: entry.record.id,
        }),
      );
    if (names.size > 0) findings.push(at(entry, field, 'warning', 'possible-name', { field, names: [...names], id: entry.record.id }));
  }
}

/** Where in borgermode.yaml no personal data is looked for: the contacts (names and numbers belong there) and the privacy settings (the reviewed names). */
const SETTINGS_NOT_PUBLISHED = new Set(['contacts', 'privacy']);

/**
 * The personal-data warnings of borgermode.yaml: every text of the settings but the contacts and
 * the privacy settings (the title, the areas' names, municipalities, police districts and zones,
 * the meeting place, the categories' labels and the notes of their breaks, and whatever text a
 * later setting adds, such as a translation), as written and as a reader sees it. The finding is
 * at the value, its `field` the path ("areas[0].name").
 */
export function findPersonalDataInSettings(settings: Settings, findings: Finding[], read: ReaderForms | undefined): void {
  const visit = (value: unknown, path: YamlPath): void => {
    if (typeof value === 'string') {
      const kinds = new Set<string>();
      personalDataOf([value], read, kinds, undefined);
      const field = path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
      if (kinds.size > 0)
        findings.push({
          file: SETTINGS_FILE,
          path,
          target: 'value',
          severity: 'warning',
          code: 'personal-data',
          params: { field, data: PERSONAL_DATA_KINDS.filter((kind) => kinds.has(kind)), where: 'settings' },
        });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) if (path.length > 0 || !SETTINGS_NOT_PUBLISHED.has(key)) visit(item, [...path, key]);
  };
  visit(settings, []);
}

/**
 * The LIX of each public text of one record of at least LIX_MIN_WORDS words (model/readability.ts),
 * as `hard-to-read` notes: a check of the record alone, so it runs with the field checks of its
 * file (on the check workers) and is cached with them. The project's limit is applied after the
 * cache (overReadabilityLimit), and only validate reports them (issue 20, item 5).
 */
export function measureReadabilityOf(entry: RecordEntry, notes: Finding[]): void {
  for (const field of PUBLIC_FIELDS[entry.kind] as readonly string[]) {
    const value = (entry.record as Record<string, unknown>)[field];
    // Fewer characters than LIX_MIN_WORDS one-letter words and their spaces: too short to measure.
    if (typeof value !== 'string' || value.length < 2 * LIX_MIN_WORDS - 1) continue;
    const measured = lix(value);
    if (measured.words >= LIX_MIN_WORDS)
      notes.push(at(entry, field, 'note', 'hard-to-read', { field, lix: measured.lix, id: entry.record.id }));
  }
}

/** The measured texts above the project's readability.max_lix, each note saying the limit. */
export function overReadabilityLimit(measured: readonly Finding[], maxLix: number): Finding[] {
  return measured.flatMap((note) => (Number(note.params.lix) > maxLix ? [{ ...note, params: { ...note.params, max: maxLix } }] : []));
}

/** What the settings lack that a reader of the brief would miss, for validate: the contacts (issue 18, item 4). */
export function settingsWarnings(settings: Pick<Settings, 'contacts'>): Finding[] {
  if (settings.contacts.length > 0) return [];
  return [{ file: SETTINGS_FILE, path: [], target: 'value', severity: 'warning', code: 'no-contacts', params: {} }];
}

/** A name as the review compares it: composed, single-spaced, in lower case. */
const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/**
 * The findings without the names the project has reviewed: those in `privacy.reviewed_names` and
 * the names of its `contacts` (published with the brief anyway), also in the genitive ("Mette
 * Hansens"). A `possible-name` warning left with no name is dropped.
 */
export function withoutReviewedNames(findings: readonly Finding[], settings: Pick<Settings, 'privacy' | 'contacts'>): Finding[] {
  const reviewed = new Set(
    [...(settings.privacy.reviewed_names ?? []), ...settings.contacts.flatMap((contact) => (contact.name ? [contact.name] : []))].map(
      nameKey,
    ),
  );
  if (reviewed.size === 0) return [...findings];
  const isReviewed = (name: string) => {
    const key = nameKey(name);
    return reviewed.has(key) || (key.endsWith('s') && reviewed.has(key.slice(0, -1)));
  };
  return findings.flatMap((finding) => {
    if (finding.code !== 'possible-name') return [finding];
    const names = (finding.params.names as readonly string[]).filter((name) => !isReviewed(name));
    return names.length === 0 ? [] : [{ ...finding, params: { ...finding.params, names } }];
  });
}

/**
 * A stated coverage (docs/figures.md) runs forwards, and a police incident outside it is not
 * counted: said as a warning at the incident, so that a forgotten `coverage.to` is found.
 */
const incidentCoverage: Rule = {
  name: 'incident-coverage',
  check: ({ areas, entries }) => {
    const findings: Finding[] = [];
    const stated = new Map<string, { from?: string; to?: string }>();
    areas.forEach((area, index) => {
      const { from, to } = area.coverage ?? {};
      if (from !== undefined && to !== undefined && to < from) {
        findings.push({
          file: SETTINGS_FILE,
          path: ['areas', index, 'coverage', 'to'],
          target: 'value',
          severity: 'error',
          code: 'invalid-coverage',
          params: { from, to },
        });
      } else if (area.coverage) stated.set(area.id, area.coverage);
    });
    if (stated.size === 0) return findings;
    const single = areas.length === 1 ? areas[0]!.id : undefined;
    for (const entry of entries.incidents) {
      const { date, source } = entry.record;
      const coverage = stated.get(entry.record.area ?? single ?? '');
      if (coverage === undefined || source !== 'police' || typeof date !== 'string') continue;
      if ((coverage.from !== undefined && date < coverage.from) || (coverage.to !== undefined && date > coverage.to)) {
        findings.push(
          at(entry, 'date', 'warning', 'incident-outside-coverage', { date, from: coverage.from ?? '…', to: coverage.to ?? '…' }),
        );
      }
    }
    return findings;
  },
};

/**
 * Every date, quarter and year of a record, and an area's coverage, lies within dateRange(today)
 * (docs/data-format.md#dates): a rule, not a field check, because the range moves with today, and
 * a file's own checks are cached by its bytes alone (cache.ts; the memo of validate has the day).
 */
const datesInRange: Rule = {
  name: 'dates-in-range',
  check: ({ areas, entries, today }) => {
    const range = dateRange(today);
    const findings: Finding[] = [];
    const outside = (value: unknown, kind: 'date' | 'quarter' | 'year') => {
      if (kind === 'date') return typeof value === 'string' && (value < range.from || value > range.to);
      const year = kind === 'year' ? value : typeof value === 'string' ? parseQuarter(value)?.year : undefined;
      return typeof year === 'number' && (year < range.firstYear || year > range.lastYear);
    };
    const params = (field: string, found: unknown, kind: 'date' | 'quarter' | 'year'): Params =>
      kind === 'date'
        ? { field, found: foundValue(found), kind, from: range.from, to: range.to }
        : kind === 'quarter'
          ? { field, found: foundValue(found), kind, from: `${range.firstYear}-Q1`, to: `${range.lastYear}-Q4` }
          : { field, found: foundValue(found), kind, from: String(range.firstYear), to: String(range.lastYear) };
    const FIELDS: { [K in RecordKind]: readonly [string, 'date' | 'quarter' | 'year'][] } = {
      incidents: [['date', 'date']],
      activities: [['date', 'date']],
      questions: [
        ['date', 'date'],
        ['answered', 'date'],
      ],
      meetings: [['date', 'date']],
      priorities: [
        ['from', 'quarter'],
        ['to', 'quarter'],
      ],
      surveys: [['year', 'year']],
      list_status: [['year', 'year']],
    };
    forEachEntry(entries, (entry) => {
      for (const [field, kind] of FIELDS[entry.kind]) {
        const value = (entry.record as Record<string, unknown>)[field];
        if (outside(value, kind)) findings.push(at(entry, field, 'error', 'date-out-of-range', params(field, value, kind)));
      }
    });
    areas.forEach((area, index) => {
      for (const field of ['from', 'to'] as const) {
        const value = area.coverage?.[field];
        if (outside(value, 'date'))
          findings.push({
            file: SETTINGS_FILE,
            path: ['areas', index, 'coverage', field],
            target: 'value',
            severity: 'error',
            code: 'date-out-of-range',
            params: params(field, value, 'date'),
          });
      }
    });
    return findings;
  },
};

/** The cross-record checks (docs/data-format.md), each small and named (with `personal-data`, which checks one record: findPersonalDataIn). */
export const RULES: readonly Rule[] = [
  uniqueIds,
  knownArea,
  knownCategory,
  knownZone,
  knownMeeting,
  knownQuestion,
  answerRequired,
  answerAfterQuestion,
  verdictNeedsRumour,
  priorityRange,
  activePriorities,
  oneListPerYear,
  activityDates,
  questionOpenTooLong,
  incidentCoverage,
  datesInRange,
];

export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => rule.check(ctx));
}

/** Every entry, kind by kind. */
function forEachEntry(entries: EntriesByKind, visit: (entry: RecordEntry) => void): void {
  for (const list of Object.values(entries) as RecordEntry[][]) for (const entry of list) visit(entry);
}
