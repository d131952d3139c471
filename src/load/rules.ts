import { addQuarters, compareQuarters, parseQuarter, quarterOf, quarterStart } from '../analyze/quarters.js';
import type { Category } from '../model/categories.js';
import type { Finding, YamlPath } from '../model/finding.js';
import type { Area, RecordKind } from '../model/schema.js';
import type { MessageCode, Params } from '../model/messages.js';
import { findPersonalData } from '../model/personal-data.js';
import { PUBLIC_FIELDS } from '../model/public-fields.js';
import { closest } from '../model/suggest.js';
import type { EntriesByKind, RecordEntry } from './dataset.js';

/** Where an id is defined. */
export interface IdPlace {
  kind: RecordKind;
  file: string;
  path: YamlPath;
}

/** What every cross-record rule may look at. */
export interface RuleContext {
  areas: readonly Area[];
  categories: ReadonlyMap<string, Category>;
  /** Records that passed their own field checks, by kind. */
  entries: EntriesByKind;
  /** Every id in the project, valid record or not, with each place it is defined. */
  ids: ReadonlyMap<string, IdPlace[]>;
  /** Today's date (YYYY-MM-DD), from the injected clock. */
  today: string;
}

export interface Rule {
  name: string;
  check(ctx: RuleContext): Finding[];
}

const MAX_ACTIVE_PRIORITIES = 3;
/** An open question older than this many quarters is flagged. */
const OPEN_QUESTION_QUARTERS = 2;

function at(entry: RecordEntry, field: string | undefined, severity: Finding['severity'], code: MessageCode, params: Params = {}, target: 'key' | 'value' = 'value'): Finding {
  return { file: entry.file, path: field === undefined ? entry.path : [...entry.path, field], target, severity, code, params };
}

const uniqueIds: Rule = {
  name: 'unique-ids',
  check: ({ ids }) =>
    [...ids].flatMap(([id, places]) =>
      places.slice(1).map(
        (place): Finding => ({
          file: place.file,
          path: [...place.path, 'id'],
          severity: 'error',
          code: 'duplicate-id',
          params: { id },
          related: { file: places[0]!.file, path: [...places[0]!.path, 'id'] },
        }),
      ),
    ),
};

const knownArea: Rule = {
  name: 'known-area',
  check: ({ areas, entries }) => {
    const areaIds = areas.map((a) => a.id);
    return allEntries(entries).flatMap((entry) => {
      const area = entry.record.area;
      if (area === undefined) return areas.length > 1 ? [at(entry, undefined, 'error', 'missing-area', { count: areas.length, areas: areaIds })] : [];
      return areaIds.includes(area) ? [] : [at(entry, 'area', 'error', 'unknown-area', { id: area, suggestion: closest(area, areaIds), choices: areaIds })];
    });
  },
};

const knownCategory: Rule = {
  name: 'known-category',
  check: ({ categories, entries }) =>
    entries.incidents.flatMap((entry) => {
      const id = entry.record.category;
      const ids = [...categories.keys()];
      return id === undefined || categories.has(id) ? [] : [at(entry, 'category', 'error', 'unknown-category', { id, suggestion: closest(id, ids), choices: ids })];
    }),
};

const knownZone: Rule = {
  name: 'known-zone',
  check: ({ areas, entries }) =>
    [...entries.incidents, ...entries.questions].flatMap((entry: RecordEntry<'incidents' | 'questions'>) => {
      const zone = entry.record.zone;
      const area = entry.record.area === undefined && areas.length === 1 ? areas[0] : areas.find((a) => a.id === entry.record.area);
      if (zone === undefined || !area?.zones) return [];
      return area.zones.includes(zone) ? [] : [at(entry, 'zone', 'error', 'unknown-zone', { zone, suggestion: closest(zone, area.zones), area: area.id, zones: area.zones })];
    }),
};

function referenceRule(name: string, kind: RecordKind, code: 'unknown-meeting' | 'unknown-question', refs: (ctx: RuleContext) => { entry: RecordEntry; field: YamlPath; id: string }[]): Rule {
  return {
    name,
    check: (ctx) =>
      refs(ctx).flatMap(({ entry, field, id }): Finding[] => {
        const places = ctx.ids.get(id);
        if (places?.some((p) => p.kind === kind)) return [];
        const known = [...ctx.ids].filter(([, p]) => p.some((place) => place.kind === kind)).map(([candidate]) => candidate);
        const base = { file: entry.file, path: [...entry.path, ...field], target: 'value' as const, severity: 'error' as const };
        return places
          ? [{ ...base, code: 'wrong-kind', params: { id, kind: places[0]!.kind, expectedKind: kind } }]
          : [{ ...base, code, params: { id, suggestion: closest(id, known), known } }];
      }),
  };
}

const knownMeeting = referenceRule('known-meeting', 'meetings', 'unknown-meeting', ({ entries }) =>
  entries.questions.flatMap((entry) => (entry.record.meeting === undefined ? [] : [{ entry, field: ['meeting'], id: entry.record.meeting }])),
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
      if ((q.status === 'answered' || q.status === 'closed') && q.answer === undefined) findings.push(at(entry, 'status', 'error', 'answer-missing', { status: q.status }));
      if (q.answer !== undefined && q.answered === undefined) findings.push(at(entry, 'answer', 'error', 'answered-missing', {}, 'key'));
      return findings;
    }),
};

const answerAfterQuestion: Rule = {
  name: 'answer-after-question',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) => {
      const { date, answered } = entry.record;
      return answered !== undefined && date !== undefined && answered < date ? [at(entry, 'answered', 'error', 'answer-before-question', { answered, date })] : [];
    }),
};

const verdictNeedsRumour: Rule = {
  name: 'verdict-needs-rumour',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) =>
      entry.record.verdict !== undefined && !entry.record.rumour ? [at(entry, 'verdict', 'error', 'verdict-without-rumour', {}, 'key')] : [],
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
      active.slice(MAX_ACTIVE_PRIORITIES).map((entry) => at(entry, 'status', 'error', 'too-many-priorities', { count: active.length, area, max: MAX_ACTIVE_PRIORITIES })),
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
      if (date === undefined || (status !== 'open' && status !== 'in_progress')) return [];
      const limit = quarterStart(addQuarters(quarterOf(date), OPEN_QUESTION_QUARTERS + 1));
      return today >= limit ? [at(entry, 'status', 'warning', 'question-open-long', { date, status, quarters: OPEN_QUESTION_QUARTERS })] : [];
    }),
};

const MAY_HOLD_PERSONAL_DATA = /[\d@]/;

const personalData: Rule = {
  name: 'personal-data',
  // A warning here; rendering public output that shows the field refuses (cli/commands/report.ts).
  check: ({ entries }) => {
    const findings: Finding[] = [];
    for (const entry of allEntries(entries)) {
      for (const field of PUBLIC_FIELDS[entry.kind] as readonly string[]) {
        const value = (entry.record as Record<string, unknown>)[field];
        const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
        // Only text with a digit or an "@" can hold any of them: most fields are skipped at once.
        const suspicious = texts.filter((text) => MAY_HOLD_PERSONAL_DATA.test(text));
        if (suspicious.length === 0) continue;
        const kinds = [...new Set(suspicious.flatMap(findPersonalData))];
        if (kinds.length > 0) findings.push(at(entry, field, 'warning', 'personal-data', { field, data: kinds, id: entry.record.id }));
      }
    }
    return findings;
  },
};

/** The cross-record checks of data-format.md §6, each small and named. */
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
  activityDates,
  questionOpenTooLong,
  personalData,
];

export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => rule.check(ctx));
}

function allEntries(entries: EntriesByKind): RecordEntry[] {
  return Object.values(entries).flat() as RecordEntry[];
}
