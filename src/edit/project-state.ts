import { checkValue, isMapping } from '../load/check-value.js';
import { type Lang, LANGS, RECORD_KINDS, type RecordKind, type Settings, SETTINGS_FILE, SettingsSchema } from '../model/schema.js';
import { listRecordFiles } from '../load/list-files.js';
import { readRecordFile } from '../load/load-project.js';
import { resolveCategories } from '../load/resolve-categories.js';
import type { Category } from '../model/categories.js';
import type { Finding } from '../model/finding.js';

// What `add` and `answer` need to know about a project before they write: its settings, every
// id, and which file holds which records. Unlike loadProject this works on a project with
// errors too (a broken record elsewhere must not stop the next one from being added): each
// file is read as plain data, and the checks proper run later on the changed project.

/** The fields of a record that choosing a file, an id or a prompt's choices look at. */
export interface RecordSummary {
  index: number;
  id?: string;
  date?: string;
  area?: string;
  status?: string;
  question?: string;
  rumour?: boolean;
  answer?: string;
  verdict?: string;
}

export interface FileSummary {
  /** Relative to the project root, with forward slashes. */
  file: string;
  /** False when the file could not be read as YAML records; it is then never edited. */
  readable: boolean;
  records: Partial<Record<RecordKind, RecordSummary[]>>;
}

export interface ProjectState {
  root: string;
  /** Undefined when borgermode.yaml has errors (they are in `settingsFindings`). */
  settings: Settings | undefined;
  settingsFindings: Finding[];
  language: Lang | undefined;
  categories: Category[];
  files: FileSummary[];
  /** Every id in the project, of valid records or not. */
  ids: Set<string>;
}

/** Reads the settings and a summary of every record file of the project at `root`. */
export async function loadProjectState(root: string): Promise<ProjectState> {
  const settingsFindings: Finding[] = [];
  const settingsData = await readRecordFile(root, SETTINGS_FILE, settingsFindings);
  const checked = settingsData === undefined ? undefined : checkValue(SettingsSchema, settingsData ?? {}, SETTINGS_FILE, [], settingsFindings);
  let settings = checked?.ok ? (checked.value as Settings) : undefined;
  const categories = resolveCategories(settings?.categories ?? [], settingsFindings);
  if (settingsFindings.length > 0) settings = undefined;
  const rawLanguage = isMapping(settingsData) ? settingsData.language : undefined;
  const language = (LANGS as readonly unknown[]).includes(rawLanguage) ? (rawLanguage as Lang) : undefined;

  const files: FileSummary[] = [];
  const ids = new Set<string>();
  for (const file of await listRecordFiles(root)) {
    const findings: Finding[] = [];
    const data = await readRecordFile(root, file, findings);
    const summary: FileSummary = { file, readable: findings.length === 0 && (data === null || isMapping(data)), records: {} };
    if (isMapping(data)) {
      for (const kind of RECORD_KINDS) {
        const list = data[kind];
        if (!Array.isArray(list)) continue;
        summary.records[kind] = list.map((raw: unknown, index) => {
          const record = isMapping(raw) ? raw : {};
          if (typeof record.id === 'string') ids.add(record.id);
          return summarize(record, index);
        });
      }
    }
    files.push(summary);
  }
  return { root, settings, settingsFindings, language, categories, files, ids };
}

function summarize(record: Record<string, unknown>, index: number): RecordSummary {
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  return {
    index,
    id: text('id'),
    date: text('date'),
    area: text('area'),
    status: text('status'),
    question: text('question'),
    rumour: record.rumour === true,
    answer: text('answer'),
    verdict: text('verdict'),
  };
}

/** Where a record with `id` stands, when some file holds it. */
export function findRecord(state: ProjectState, kind: RecordKind, id: string): { file: string; record: RecordSummary } | undefined {
  for (const summary of state.files) {
    const record = summary.records[kind]?.find((r) => r.id === id);
    if (record) return { file: summary.file, record };
  }
  return undefined;
}
