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
};

/**
 * The id for a new record of `kind` dated `date` (YYYY-MM-DD) that is in none of `taken`:
 * `inc-2020-01-31-N` with N one more than the highest number already used for that day (so ids
 * of a day keep counting up even after a record was deleted), `mtg-2020-01-22` for the first
 * meeting of a day and `mtg-2020-01-22-2` for the next.
 */
export function nextRecordId(kind: AddableKind, date: string, taken: Iterable<string>): string {
  const base = `${ID_PREFIXES[kind]}-${date}`;
  const numbered = new RegExp(`^${base.replace(/[.-]/g, '\\$&')}-(\\d+)$`);
  // One pass over the ids (a big project has a hundred thousand): only those of the day are kept.
  const sameDay = new Set<string>();
  let highest = kind === 'meetings' ? 1 : 0;
  for (const id of taken) {
    if (!id.startsWith(base)) continue;
    sameDay.add(id);
    const match = numbered.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  if (kind === 'meetings' && !sameDay.has(base)) return base;
  let n = highest + 1;
  while (sameDay.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
