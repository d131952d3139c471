import type { AddableKind } from '../model/ids.js';
import type { FileSummary } from './project-state.js';

// Which file a new record goes to (docs/data-entry.md). The user's own layout wins: the tool
// continues the file they already keep for such records, or opens the next one beside it.

/** A folder named for a year (`2020`) or a quarter (`2020-Q1`, `2020Q1`, `2020-q1`). */
const PERIOD_FOLDER = /^(\d{4})(?:(-?)([Qq])([1-4]))?$/;

export interface Placement {
  file: string;
  /** True when the file does not exist yet. */
  create: boolean;
}

/**
 * The file for a new record of `kind` dated `date`:
 * 1. a file holding records of that kind in a folder named for the record's year or quarter
 *    (`2021/`, `2021-Q1/`); of several, the one with the latest such record;
 * 2. else, when the latest record of that kind is in such a period folder, a new file of the same
 *    name in the folder for the record's period, named in the same style, beside that folder
 *    (`2020/incidents.yaml` → `2021/incidents.yaml`, `police/2020-Q4/x.yaml` → `police/2021-Q1/x.yaml`);
 * 3. else the file holding the latest record of that kind (a file for all years, `questions.yaml`);
 * 4. with no records of that kind yet: `<YYYY>/incidents.yaml` and `<YYYY>/activities.yaml` by the
 *    record's year, `questions.yaml` and `meetings.yaml` at the root.
 * Only files that read cleanly as records are continued; "latest" is by date, then by path.
 */
export function placeRecord(kind: AddableKind, date: string, files: readonly FileSummary[]): Placement {
  const holding = files
    .filter((f) => f.readable && (f.records[kind]?.length ?? 0) > 0)
    .map((f) => ({ file: f.file, latest: latestDate(f, kind) }))
    .sort((a, b) => (a.latest < b.latest ? -1 : a.latest > b.latest ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const samePeriod = holding.filter(({ file }) => periodMatches(parentFolder(file), date));
  if (samePeriod.length > 0) return { file: samePeriod.at(-1)!.file, create: false };
  const latest = holding.at(-1);
  if (!latest) return { file: fileFor(kind, date), create: !files.some((f) => f.file === fileFor(kind, date)) };
  const folder = parentFolder(latest.file);
  const match = PERIOD_FOLDER.exec(folder);
  if (!match) return { file: latest.file, create: false };
  const period = match[3] === undefined ? date.slice(0, 4) : `${date.slice(0, 4)}${match[2]}${match[3]}${quarterNumber(date)}`;
  const parts = latest.file.split('/');
  const file = [...parts.slice(0, -2), period, parts.at(-1)!].join('/');
  return { file, create: !files.some((f) => f.file === file) };
}

function latestDate(file: FileSummary, kind: AddableKind): string {
  return (file.records[kind] ?? []).reduce((latest, r) => (r.date !== undefined && r.date > latest ? r.date : latest), '');
}

function parentFolder(file: string): string {
  const parts = file.split('/');
  return parts.length > 1 ? parts.at(-2)! : '';
}

function periodMatches(folder: string, date: string): boolean {
  const match = PERIOD_FOLDER.exec(folder);
  if (!match || match[1] !== date.slice(0, 4)) return false;
  return match[4] === undefined || Number(match[4]) === quarterNumber(date);
}

const quarterNumber = (date: string): number => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

const fileFor = (kind: AddableKind, date: string): string =>
  kind === 'incidents' || kind === 'activities' ? `${date.slice(0, 4)}/${kind}.yaml` : `${kind}.yaml`;
