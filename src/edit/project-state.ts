import type { ProjectReading } from '../load/load-project.js';
import { type Lang, RECORD_KINDS, type RecordKind, type Settings } from '../model/schema.js';
import type { Category } from '../model/categories.js';
import type { Finding } from '../model/finding.js';

// What `add` and `answer` need to know about a project before they write: its settings, every
// id, and which file holds which records. It works on a project with errors too (a broken record
// elsewhere must not stop the next one from being added): it is made from each file as checked on
// its own, before the cross-record rules, which run later on the changed project. A record that
// failed its checks is summarized by the fields that passed, and by its id as written.

/**
 * The fields of a record that choosing a file, an id or a prompt's choices look at: those of the
 * record as checked (load/check-file.ts), the fields that failed their checks left out.
 */
export interface RecordSummary {
  readonly id?: string;
  readonly date?: string;
  readonly area?: string;
  readonly status?: string;
  readonly question?: string;
  readonly rumour?: boolean;
  readonly answer?: string;
  readonly verdict?: string;
}

export interface FileSummary {
  /** Relative to the project root, with forward slashes. */
  file: string;
  /** False when the file could not be read as YAML records; it is then never edited. */
  readable: boolean;
  /** The records of each list of the file, by index. */
  records: Partial<Record<RecordKind, readonly RecordSummary[]>>;
}

export interface ProjectState {
  root: string;
  /** Undefined when borgermode.yaml has errors (they are in `settingsFindings`). */
  settings: Settings | undefined;
  settingsFindings: Finding[];
  language: Lang | undefined;
  categories: Category[];
  files: FileSummary[];
  /** Every id in the project, of valid records or not (the records' own, as they are walked). */
  ids: Iterable<string>;
}

/**
 * The settings and a summary of every record file, from a reading of the project (read with the
 * project's cache, so that a big project costs what an unchanged `validate` does).
 */
export function projectState(reading: ProjectReading): ProjectState {
  const { root, language } = reading;
  const settings = reading.settingsFindings.length > 0 ? undefined : reading.settings;
  const files: FileSummary[] = [];
  for (const { path, checked } of reading.files) {
    const summary: FileSummary = { file: path, readable: checked.readable, records: {} };
    for (const kind of RECORD_KINDS) {
      const list = checked.records[kind] as readonly (RecordSummary | null)[] | undefined;
      if (!list) continue;
      // The checked records themselves: a big project's are not copied (only one that lost its id or is not a mapping).
      const records = list.includes(null) ? list.map((record) => record ?? NOTHING) : (list as readonly RecordSummary[]);
      summary.records[kind] = records;
    }
    // An id the checked record lost (the id itself was wrong) still names the record.
    const copied = new Set<RecordKind>();
    for (const [kind, index, id] of checked.ids) {
      if (!copied.has(kind)) summary.records[kind] = [...summary.records[kind]!];
      copied.add(kind);
      (summary.records[kind] as RecordSummary[])[index] = { ...summary.records[kind]![index], id };
    }
    files.push(summary);
  }
  return { root, settings, settingsFindings: reading.settingsFindings, language, categories: reading.categories, files, ids: idsOf(files) };
}

/** The ids of the records of `files`, gathered when first walked (a generator over a big project's records cost ~10 ms). */
function idsOf(files: readonly FileSummary[]): Iterable<string> {
  let ids: string[] | undefined;
  return {
    [Symbol.iterator]() {
      if (!ids) {
        ids = [];
        for (const file of files) {
          for (const kind of RECORD_KINDS) {
            for (const record of file.records[kind] ?? []) if (record.id !== undefined) ids.push(record.id);
          }
        }
      }
      return ids[Symbol.iterator]();
    },
  };
}

const NOTHING: RecordSummary = Object.freeze({});

/** Where a record with `id` stands, when some file holds it. */
export function findRecord(
  state: ProjectState,
  kind: RecordKind,
  id: string,
): { file: string; index: number; record: RecordSummary } | undefined {
  for (const summary of state.files) {
    const index = summary.records[kind]?.findIndex((r) => r.id === id) ?? -1;
    if (index >= 0) return { file: summary.file, index, record: summary.records[kind]![index]! };
  }
  return undefined;
}
