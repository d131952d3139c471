import type { RecordKind } from './schema.js';

// The ids `add` gives new records (docs/data-format.md): the kind's prefix and the record's
// date, then a number that makes the id unique across the whole project. A meeting is usually
// the only one of its day, so its first id has no number.

/** The record kinds `add` can make, by the name used on the command line. */
export const ADDABLE_KINDS = {
  incident: 'incidents',
  activity: 'activities',
  question: 'questions',
  meeting: 'meetings',
  priority: 'priorities',
  survey: 'surveys',
  'list-status': 'list_status',
} as const;

export type AddableName = keyof typeof ADDABLE_KINDS;

/** The kinds `borgermode list` shows, by the name used on the command line (analyze/record-list.ts). */
export const LIST_KINDS = {
  incidents: 'incidents',
  activities: 'activities',
  questions: 'questions',
  meetings: 'meetings',
  priorities: 'priorities',
  surveys: 'surveys',
  'list-status': 'list_status',
} as const satisfies Record<string, RecordKind>;

export type ListName = keyof typeof LIST_KINDS;
export type ListKind = (typeof LIST_KINDS)[ListName];
export type AddableKind = (typeof ADDABLE_KINDS)[AddableName];

export const ID_PREFIXES: Record<AddableKind, string> = {
  incidents: 'inc',
  activities: 'act',
  questions: 'q',
  meetings: 'mtg',
  priorities: 'pri',
  surveys: 'srv',
  list_status: 'list',
};

/** The kinds whose first record of a period has no number: a meeting of its day, a list status of its year. */
const UNNUMBERED_FIRST: ReadonlySet<AddableKind> = new Set(['meetings', 'list_status']);

/** The kinds `add` makes that have a date; the others are placed by a quarter (priorities) or a year. */
export const DATED_KINDS: ReadonlySet<AddableKind> = new Set(['incidents', 'activities', 'questions', 'meetings']);

/** The period of a new record, in its id: its date, a priority's first quarter (`2020-Q1`), a survey's or list status's year. */
export function idPeriod(kind: AddableKind, record: Readonly<Record<string, unknown>>): string {
  if (kind === 'priorities') return String(record.from);
  if (kind === 'surveys' || kind === 'list_status') return String(record.year);
  return String(record.date);
}

/**
 * The id for a new record of `kind` of `period` (idPeriod: a date, a quarter, a year) that is in
 * none of `taken`: `inc-2020-01-31-N` with N one more than the highest number already used for
 * that day (so ids of a day keep counting up even after a record was deleted), `pri-2020-Q1-1`,
 * `srv-2020-1`; `mtg-2020-01-22` for the first meeting of a day and `mtg-2020-01-22-2` for the
 * next, `list-2020` and `list-2020-2` likewise.
 */
export function nextRecordId(kind: AddableKind, period: string, taken: Iterable<string>): string {
  const base = `${ID_PREFIXES[kind]}-${period}`;
  const numbered = new RegExp(`^${base.replace(/[.-]/g, '\\$&')}-(\\d+)$`);
  // One pass over the ids (a big project has a hundred thousand): only those of the day are kept.
  const sameDay = new Set<string>();
  let highest = UNNUMBERED_FIRST.has(kind) ? 1 : 0;
  for (const id of taken) {
    if (!id.startsWith(base)) continue;
    sameDay.add(id);
    const match = numbered.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  if (UNNUMBERED_FIRST.has(kind) && !sameDay.has(base)) return base;
  let n = highest + 1;
  while (sameDay.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Ids for many new records at once (`borgermode import`), the same ones nextRecordId would give one
 * after another: the taken ids indexed once by what comes before their number, so that each new
 * id costs what its own day's ids cost, not a walk over every id of the project.
 */
export class RecordIdAllocator {
  private readonly taken: Set<string>;
  private readonly highest = new Map<string, number>();

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
    for (const id of this.taken) {
      const match = /^(.*)-(\d+)$/.exec(id);
      if (match) this.highest.set(match[1]!, Math.max(this.highest.get(match[1]!) ?? 0, Number(match[2])));
    }
  }

  /** The next id for a record of `kind` of `period` (idPeriod), taken from then on. */
  next(kind: AddableKind, period: string): string {
    const base = `${ID_PREFIXES[kind]}-${period}`;
    let id: string;
    if (UNNUMBERED_FIRST.has(kind) && !this.taken.has(base)) id = base;
    else {
      let n = Math.max(this.highest.get(base) ?? 0, UNNUMBERED_FIRST.has(kind) ? 1 : 0) + 1;
      while (this.taken.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.highest.set(base, n);
    }
    this.taken.add(id);
    return id;
  }
}
