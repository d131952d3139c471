import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Category } from '../model/categories.js';
import { todayIso } from '../model/dates.js';
import { type Finding, hasErrors, sortFindings } from '../model/finding.js';
import { LANGS, type Lang, RECORD_KINDS, RECORD_SCHEMAS, type RecordKind, RecordFileSchema, type RecordOf, type Settings, SettingsSchema } from '../model/schema.js';
import { checkValue, isMapping } from './check-value.js';
import { foundValue } from '../model/messages.js';
import type { Dataset, EntriesByKind, InArea, RecordEntry } from './dataset.js';
import { accessError } from './errors.js';
import { SETTINGS_FILE } from './find-project.js';
import { listRecordFiles } from './list-files.js';
import { decodeRecordText, locateFindings, parseYaml } from './read-yaml.js';
import { resolveCategories } from './resolve-categories.js';
import { type IdPlace, runRules } from './rules.js';

export interface LoadOptions {
  /** The project root (see findProject). */
  root: string;
  /** The injected clock: "today" for the date warnings. */
  now: Date;
}

export interface LoadResult {
  /** Undefined when any finding is an error. */
  dataset: Dataset | undefined;
  /** Every finding of every file, located and sorted. */
  findings: Finding[];
  /** The project's `language`, when borgermode.yaml names a valid one (even if it has other errors). */
  language: Lang | undefined;
}

/** Reads, checks and assembles a data project: read → check, the first two steps of every command. */
export async function loadProject({ root, now }: LoadOptions): Promise<LoadResult> {
  const findings: Finding[] = [];
  const settingsDoc = await readRecordFile(root, SETTINGS_FILE, findings);
  const settingsChecked = settingsDoc === undefined ? undefined : checkValue(SettingsSchema, settingsDoc ?? {}, SETTINGS_FILE, [], findings);
  const settings = settingsChecked?.ok ? (settingsChecked.value as Settings) : undefined;
  const rawLanguage = isMapping(settingsDoc) ? settingsDoc.language : undefined;
  const language = (LANGS as readonly unknown[]).includes(rawLanguage) ? (rawLanguage as Lang) : settingsDoc === undefined ? undefined : 'da';
  const categories = resolveCategories(settings?.categories ?? [], findings);

  const entries = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []])) as unknown as EntriesByKind;
  const ids = new Map<string, IdPlace[]>();
  for (const file of await listRecordFiles(root)) {
    const doc = await readRecordFile(root, file, findings);
    if (doc === undefined || doc === null) continue;
    if (!isMapping(doc)) {
      findings.push({ file, line: 1, column: 1, severity: 'error', code: 'not-a-mapping', params: { kinds: RECORD_KINDS.map((k) => `${k}:`), found: foundValue(doc) } });
      continue;
    }
    // Unknown top-level keys and non-list values are reported by the file schema; records one by one below.
    // No prototype: a "__proto__" key must stay a key (and be reported), not become a prototype.
    const shallow: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(doc)) shallow[key] = Array.isArray(doc[key]) ? [] : doc[key];
    checkValue(RecordFileSchema, shallow, file, [], findings);
    for (const kind of RECORD_KINDS) {
      const list = doc[kind];
      if (!Array.isArray(list)) continue;
      list.forEach((raw: unknown, index) => {
        const path = [kind, index];
        if (isMapping(raw) && typeof raw.id === 'string') {
          const places = ids.get(raw.id);
          if (places) places.push({ kind, file, path });
          else ids.set(raw.id, [{ kind, file, path }]);
        }
        const checked = checkValue(RECORD_SCHEMAS[kind], raw, file, path, findings);
        if (checked.value !== undefined) (entries[kind] as RecordEntry[]).push({ kind, file, path, record: checked.value } as RecordEntry);
      });
    }
  }

  if (settings) {
    findings.push(...runRules({ areas: settings.areas, categories: new Map(categories.map((c) => [c.id, c])), entries, ids, today: todayIso(now) }));
  }
  await locateAll(root, findings);
  const sorted = sortFindings(findings);
  if (!settings || hasErrors(sorted)) return { dataset: undefined, findings: sorted, language };
  return { dataset: assemble(root, settings, categories, entries), findings: sorted, language };
}

/** Reads and parses one file; undefined when it could not be read as YAML (the finding says why). */
export async function readRecordFile(root: string, file: string, findings: Finding[]): Promise<unknown> {
  const bytes = await readProjectFile(root, file);
  const decoded = decodeRecordText(bytes, file);
  if ('finding' in decoded) {
    findings.push(decoded.finding);
    return undefined;
  }
  const parsed = await parseYaml(decoded.text, file);
  findings.push(...parsed.findings);
  // An empty file, or one of only comments, is an empty record file.
  return parsed.findings.length > 0 ? undefined : (parsed.data ?? null);
}

/** The bytes of a file of the project; a file that cannot be opened is a FileAccessError (exit 2). */
export async function readProjectFile(root: string, file: string): Promise<Uint8Array> {
  try {
    return await readFile(join(root, file));
  } catch (error) {
    throw accessError(error, join(root, file), 'file');
  }
}

/** Resolves line and column of every finding (and its related place), reading only the files concerned. */
async function locateAll(root: string, findings: Finding[]): Promise<void> {
  const byFile = new Map<string, Finding[]>();
  const relatedTargets: Finding[] = [];
  const add = (finding: Finding) => {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  };
  for (const finding of findings) {
    if (finding.line === undefined) add(finding);
    if (finding.related) {
      const proxy: Finding = { file: finding.related.file, path: finding.related.path, target: 'value', severity: 'error', code: finding.code, params: {} };
      relatedTargets.push(proxy);
      add(proxy);
    }
  }
  for (const [file, list] of byFile) {
    const decoded = decodeRecordText(await readFile(join(root, file)), file);
    if ('text' in decoded) await locateFindings(decoded.text, list);
  }
  let index = 0;
  for (const finding of findings) {
    if (!finding.related) continue;
    const proxy = relatedTargets[index++]!;
    finding.related = { ...finding.related, line: proxy.line ?? 1, column: proxy.column ?? 1 };
  }
}

function assemble(root: string, settings: Settings, categories: Category[], entries: EntriesByKind): Dataset {
  const onlyArea = settings.areas[0]!.id;
  const records = <K extends RecordKind>(kind: K) =>
    entries[kind].map((entry) => ({ ...entry.record, area: entry.record.area ?? onlyArea })) as InArea<RecordOf<K>>[];
  return {
    root,
    settings,
    areas: settings.areas,
    categories,
    incidents: records('incidents'),
    activities: records('activities'),
    questions: records('questions'),
    meetings: records('meetings'),
    priorities: records('priorities'),
    surveys: records('surveys'),
    list_status: records('list_status'),
  };
}
