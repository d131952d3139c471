import { addQuarters, compareQuarters, parseQuarter, quarterOf, quarterStart } from '../analyze/quarters.js';
import type { Category } from '../model/categories.js';
import type { Finding, YamlPath } from '../model/finding.js';
import type { Area, RecordKind } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
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

function at(entry: RecordEntry, field: string | undefined, severity: Finding['severity'], code: string, message: string, target: 'key' | 'value' = 'value'): Finding {
  return { file: entry.file, path: field === undefined ? entry.path : [...entry.path, field], target, severity, code, message };
}

const uniqueIds: Rule = {
  name: 'unique-ids',
  check: ({ ids }) =>
    [...ids].flatMap(([id, places]) =>
      places.slice(1).map((place) => ({
        file: place.file,
        path: [...place.path, 'id'],
        severity: 'error' as const,
        code: 'duplicate-id',
        message: `duplicate id "${id}": ids must be unique across the project`,
        related: { file: places[0]!.file, path: [...places[0]!.path, 'id'] },
      })),
    ),
};

const knownArea: Rule = {
  name: 'known-area',
  check: ({ areas, entries }) => {
    const areaIds = areas.map((a) => a.id);
    return allEntries(entries).flatMap((entry) => {
      const area = entry.record.area;
      if (area === undefined) {
        return areas.length > 1
          ? [at(entry, undefined, 'error', 'missing-field', `missing field "area": the project has ${areas.length} areas (${areaIds.join(', ')}), so every record names one`)]
          : [];
      }
      return areaIds.includes(area) ? [] : [at(entry, 'area', 'error', 'unknown-id', `unknown area "${area}"${didYouMean(area, areaIds)}; expected one of ${areaIds.join(', ')} (from borgermode.yaml)`)];
    });
  },
};

const knownCategory: Rule = {
  name: 'known-category',
  check: ({ categories, entries }) =>
    entries.incidents.flatMap((entry) => {
      const id = entry.record.category;
      return id === undefined || categories.has(id) ? [] : [at(entry, 'category', 'error', 'unknown-id', `unknown category "${id}"${didYouMean(id, categories.keys())}; expected one of ${[...categories.keys()].join(', ')}`)];
    }),
};

const knownZone: Rule = {
  name: 'known-zone',
  check: ({ areas, entries }) =>
    [...entries.incidents, ...entries.questions].flatMap((entry: RecordEntry<'incidents' | 'questions'>) => {
      const zone = entry.record.zone;
      const area = entry.record.area === undefined && areas.length === 1 ? areas[0] : areas.find((a) => a.id === entry.record.area);
      if (zone === undefined || !area?.zones) return [];
      return area.zones.includes(zone) ? [] : [at(entry, 'zone', 'error', 'unknown-zone', `unknown zone "${zone}"${didYouMean(zone, area.zones)}; the zones of ${area.id} are ${area.zones.join(', ')}`)];
    }),
};

function referenceRule(name: string, kind: RecordKind, noun: string, refs: (ctx: RuleContext) => { entry: RecordEntry; field: YamlPath; id: string }[]): Rule {
  return {
    name,
    check: (ctx) =>
      refs(ctx).flatMap(({ entry, field, id }) => {
        const places = ctx.ids.get(id);
        if (places?.some((p) => p.kind === kind)) return [];
        const known = [...ctx.ids].filter(([, p]) => p.some((place) => place.kind === kind)).map(([candidate]) => candidate);
        const message = places
          ? `"${id}" is a record of ${places[0]!.kind}, not of ${kind}; expected a ${noun} id`
          : `unknown ${noun} "${id}"${didYouMean(id, known)}; expected the id of one of the project's ${kind}${known.length > 0 && known.length <= 8 ? ` (${known.join(', ')})` : ''}`;
        return [{ file: entry.file, path: [...entry.path, ...field], target: 'value' as const, severity: 'error' as const, code: 'unknown-id', message }];
      }),
  };
}

const knownMeeting = referenceRule('known-meeting', 'meetings', 'meeting', ({ entries }) =>
  entries.questions.flatMap((entry) => (entry.record.meeting === undefined ? [] : [{ entry, field: ['meeting'], id: entry.record.meeting }])),
);

const knownQuestion = referenceRule('known-question', 'questions', 'question', ({ entries }) =>
  entries.activities.flatMap((entry) => (entry.record.answers ?? []).map((id, index) => ({ entry, field: ['answers', index], id }))),
);

const answerRequired: Rule = {
  name: 'answer-required',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) => {
      const q = entry.record;
      const findings: Finding[] = [];
      if ((q.status === 'answered' || q.status === 'closed') && q.answer === undefined) {
        findings.push(at(entry, 'status', 'error', 'missing-field', `missing field "answer": a question with status ${q.status} needs the answer that was given`));
      }
      if (q.answer !== undefined && q.answered === undefined) {
        findings.push(at(entry, 'answer', 'error', 'missing-field', 'missing field "answered": an answer needs the date it was given (YYYY-MM-DD)', 'key'));
      }
      return findings;
    }),
};

const answerAfterQuestion: Rule = {
  name: 'answer-after-question',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) => {
      const { date, answered } = entry.record;
      return answered !== undefined && date !== undefined && answered < date
        ? [at(entry, 'answered', 'error', 'answer-before-question', `answered ${answered} is before the question was raised (${date}); expected a date on or after ${date}`)]
        : [];
    }),
};

const verdictNeedsRumour: Rule = {
  name: 'verdict-needs-rumour',
  check: ({ entries }) =>
    entries.questions.flatMap((entry) =>
      entry.record.verdict !== undefined && !entry.record.rumour
        ? [at(entry, 'verdict', 'error', 'verdict-without-rumour', 'a verdict belongs to a rumour: add "rumour: true" or remove the verdict', 'key')]
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
      return a && b && compareQuarters(b, a) < 0 ? [at(entry, 'to', 'error', 'invalid-range', `to ${to} is before from ${from}; expected a quarter on or after ${from}`)] : [];
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
      active.slice(MAX_ACTIVE_PRIORITIES).map((entry) =>
        at(entry, 'status', 'error', 'too-many-priorities', `${active.length} active priorities in ${area}; at most ${MAX_ACTIVE_PRIORITIES} may be active (set status: achieved or dropped on the others)`),
      ),
    );
  },
};

const activityDates: Rule = {
  name: 'activity-dates',
  check: ({ entries, today }) =>
    entries.activities.flatMap((entry) => {
      const { status, date } = entry.record;
      if (date === undefined) return [];
      if (status === 'done' && date > today) return [at(entry, 'date', 'warning', 'done-in-future', `activity is marked done but dated ${date}, after today (${today}); expected status: planned, or the date it took place`)];
      if (status === 'planned' && date < today) return [at(entry, 'date', 'warning', 'planned-in-past', `activity is planned for ${date}, which has passed; set status: done or cancelled`)];
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
      return today >= limit ? [at(entry, 'status', 'warning', 'question-open-long', `question raised ${date} has been ${status === 'open' ? 'open' : 'in progress'} for more than ${OPEN_QUESTION_QUARTERS} quarters; answer it, refer it or close it`)] : [];
    }),
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
];

export function runRules(ctx: RuleContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => rule.check(ctx));
}

function allEntries(entries: EntriesByKind): RecordEntry[] {
  return Object.values(entries).flat() as RecordEntry[];
}
