import type { AddableKind } from '../model/ids.js';
import type { FileSummary } from './project-state.js';

// Which file a new record goes to (docs/data-entry.md). The user's own layout wins: the tool
// continues the file they already keep for such records, or opens the next one beside it.

/** A folder or file name for a year (`2020`) or a quarter (`2020-Q1`, `2020Q1`, `2020-q1`). */
const PERIOD_NAME = /^(\d{4})(?:(-?)([Qq])([1-4]))?$/;

export interface Placement {
  file: string;
  /** True when the file does not exist yet. */
  create: boolean;
}

/**
 * The file for a new record of `kind` dated `date` in `area`. The files considered are those
 * holding records of that kind in that area; when none do (a new area), those holding records of
 * that kind at all. A file's period is its own name's (`2021.yaml`, `2021-Q1.yaml`), else its
 * folder's (`2021/`, `2021-Q1/`, `2021Q1/`).
 * 1. a file whose period is the record's year or quarter; of several, the one with the latest such record;
 * 2. else, when the latest record sits in a file with a period, a new file for the record's period,
 *    named in the same style, beside it (`2020/incidents.yaml` → `2021/incidents.yaml`,
 *    `police/2020-Q4/x.yaml` → `police/2021-Q1/x.yaml`, `nord/2020.yaml` → `nord/2021.yaml`);
 * 3. else the file holding the latest record (a file for all years, `questions.yaml`);
 * 4. with no records of that kind yet: `<YYYY>/incidents.yaml` and `<YYYY>/activities.yaml` by the
 *    record's year, `questions.yaml`, `meetings.yaml`, `priorities.yaml`, `surveys.yaml` and
 *    `list_status.yaml` at the root.
 * Only files that read cleanly as records are continued; "latest" is by date, then by path. A
 * record without a date (`date` undefined: a priority, a survey figure, a list status) goes to
 * the file that holds the kind's records (3.; of several, the last by path), else as in 4.
 */
export function placeRecord(
  kind: AddableKind,
  date: string | undefined,
  area: string | undefined,
  files: readonly FileSummary[],
): Placement {
  return new RecordPlacer(kind, files).place(date, area);
}

/** What the placement needs of a file holding records of the kind: its latest date and the areas it holds. */
interface Holding {
  file: string;
  latest: string;
  areas: Set<unknown>;
}

/**
 * placeRecord for many records (borgermode import): the files' latest dates and areas taken once,
 * and kept up to date as each placed record is noted, so placing n records does not read the
 * project's records n times.
 */
export class RecordPlacer {
  private readonly holdings = new Map<string, Holding>();
  private readonly known: Set<string>;

  constructor(
    private readonly kind: AddableKind,
    files: readonly FileSummary[],
  ) {
    this.known = new Set(files.map((f) => f.file));
    for (const f of files) if (f.readable) for (const record of f.records[kind] ?? []) this.note(f.file, record.date, record.area);
  }

  /** Where a record of the kind dated `date` in `area` goes (placeRecord's rules). */
  place(date: string | undefined, area: string | undefined): Placement {
    const all = [...this.holdings.values()];
    const ofArea = all.filter((h) => h.areas.has(area));
    const holding = (ofArea.length > 0 ? ofArea : all).sort((a, b) =>
      a.latest < b.latest ? -1 : a.latest > b.latest ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
    );
    const latest = holding.at(-1);
    const at = (file: string): Placement => ({ file, create: !this.known.has(file) });
    if (!latest) return at(fileFor(this.kind, date));
    if (date === undefined) return at(latest.file);
    const samePeriod = holding.filter(({ file }) => periodMatches(periodOf(file)?.match, date));
    if (samePeriod.length > 0) return at(samePeriod.at(-1)!.file);
    const period = periodOf(latest.file);
    if (!period) return at(latest.file);
    const { match, part } = period;
    const name = match[3] === undefined ? date.slice(0, 4) : `${date.slice(0, 4)}${match[2]}${match[3]}${quarterNumber(date)}`;
    const parts = latest.file.split('/');
    parts[parts.length + part] = part === -1 ? `${name}${parts.at(-1)!.slice(match[0].length)}` : name;
    return at(parts.join('/'));
  }

  /** A record of the kind, dated `date` in `area`, now in `file` (placed there, or read there): the next one's neighbour. */
  note(file: string, date: unknown, area: unknown): void {
    this.known.add(file);
    let holding = this.holdings.get(file);
    if (!holding) this.holdings.set(file, (holding = { file, latest: '', areas: new Set() }));
    holding.areas.add(area);
    if (typeof date === 'string' && date > holding.latest) holding.latest = date;
  }
}

/** The period a file is named for: by its own name (part -1), else by its folder's (part -2). */
function periodOf(file: string): { match: RegExpExecArray; part: -1 | -2 } | undefined {
  const parts = file.split('/');
  const own = PERIOD_NAME.exec(parts.at(-1)!.replace(/\.ya?ml$/i, ''));
  if (own) return { match: own, part: -1 };
  const folder = parts.length > 1 ? PERIOD_NAME.exec(parts.at(-2)!) : null;
  return folder ? { match: folder, part: -2 } : undefined;
}

function periodMatches(match: RegExpExecArray | undefined, date: string): boolean {
  if (!match || match[1] !== date.slice(0, 4)) return false;
  return match[4] === undefined || Number(match[4]) === quarterNumber(date);
}

const quarterNumber = (date: string): number => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

const fileFor = (kind: AddableKind, date: string | undefined): string =>
  (kind === 'incidents' || kind === 'activities') && date !== undefined ? `${date.slice(0, 4)}/${kind}.yaml` : `${kind}.yaml`;
