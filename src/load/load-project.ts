import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Category } from '../model/categories.js';
import { todayIso } from '../model/dates.js';
import { type Finding, hasErrors, sortFindings } from '../model/finding.js';
import { MAY_READ_OTHERWISE } from '../model/personal-data.js';
import { type Lang, LANGS, RECORD_KINDS, type RecordKind, type RecordOf, type Settings, SETTINGS_FILE, SettingsSchema } from '../model/schema.js';
import { openRecordCache, type RecordCache } from './cache.js';
import { type CheckedFile, loadReaderForms, parseRecordBytes } from './check-file.js';
import { type Checked, type FileChecker, openFileChecker, type ParallelOptions } from './check-files.js';
import { checkValue, isMapping } from './check-value.js';
import { type Dataset, type EntriesByKind, type InArea, PlacedRecord, type RecordEntry } from '../model/dataset.js';
import { accessError } from '../model/file-access-error.js';
import { comparePaths, listProjectFiles } from './list-files.js';
import { decodeRecordText, locateFindings } from './read-yaml.js';
import { resolveCategories } from './resolve-categories.js';
import { findPersonalDataInSettings, type IdPlace, runRules, withoutReviewedNames } from './rules.js';
import { readValidateMemo, type ValidateResult, writeValidateMemo } from './validate-memo.js';

export interface LoadOptions {
  /** The project root (see findProject). */
  root: string;
  /** The injected clock: "today" for the date warnings. */
  now: Date;
  /** The folder of the cache of checked files (load/cache.ts); no cache when absent. */
  cacheDir?: string;
  /** Only read the cache, never write or tidy it (the bundled sample's). */
  cacheReadOnly?: boolean;
  /** The key that seals the cache's entries and memo (load/cache-key.ts); no cache without it. */
  cacheKey?: Uint8Array;
  /** When to check files on worker threads (load/check-files.ts); its defaults otherwise. */
  parallel?: ParallelOptions;
  /**
   * Files as a change would make them (path relative to the root → text), read instead of the
   * disk; a path not on disk is a new record file. `add` and `answer` check their change so,
   * through the same cache as every other run. No memo is read or written with an overlay.
   */
  overlay?: ReadonlyMap<string, string>;
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
export async function loadProject(options: LoadOptions): Promise<LoadResult> {
  return readAndCheck(options, false);
}

/**
 * What `validate` reports, without the dataset: with a cache, from the memo of the last run when
 * every input is as it was then (validate-memo.ts), else as loadProject finds it, kept as the memo.
 */
export async function loadFindings(options: LoadOptions): Promise<ValidateResult> {
  const outcome = await readAndCheck(options, true);
  return 'recalled' in outcome ? outcome.recalled : { ok: outcome.dataset !== undefined, findings: outcome.findings, language: outcome.language };
}

async function readAndCheck(options: LoadOptions, useMemo: false): Promise<LoadResult>;
async function readAndCheck(options: LoadOptions, useMemo: boolean): Promise<LoadResult | { recalled: ValidateResult }>;
async function readAndCheck(options: LoadOptions, useMemo: boolean): Promise<LoadResult | { recalled: ValidateResult }> {
  const { root, now, cacheDir, cacheReadOnly, cacheKey, parallel, overlay, ...rest } = options;
  // An option that changes the findings must be part of the memo's key (ValidateKey): a new one fails here until it is.
  rest satisfies Record<string, never>;
  const findings: Finding[] = [];
  const read = (file: string): Promise<Uint8Array> => (overlay?.has(file) ? Promise.resolve(Buffer.from(overlay.get(file)!, 'utf8')) : readProjectFile(root, file));
  const settingsBytes = await read(SETTINGS_FILE);
  const settingsDoc = await parseRecordBytes(settingsBytes, SETTINGS_FILE, findings);
  const settingsChecked = settingsDoc === undefined ? undefined : checkValue(SettingsSchema, settingsDoc ?? {}, SETTINGS_FILE, [], findings);
  const settings = settingsChecked?.ok ? (settingsChecked.value as Settings) : undefined;
  const rawLanguage = isMapping(settingsDoc) ? settingsDoc.language : undefined;
  const language = (LANGS as readonly unknown[]).includes(rawLanguage) ? (rawLanguage as Lang) : settingsDoc === undefined ? undefined : 'da';
  const categories = resolveCategories(settings?.categories ?? [], findings);
  const today = todayIso(now);

  const entries = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []])) as unknown as EntriesByKind;
  const ids = { first: new Map<string, IdPlace>(), repeated: new Map<string, IdPlace[]>() };
  const personalData: Finding[] = [];
  const cache = cacheDir === undefined || cacheKey === undefined ? undefined : await openRecordCache(cacheDir, { readOnly: cacheReadOnly === true, key: cacheKey });
  const listed = await listProjectFiles(root);
  const skippedLinks = listed.skipped;
  const files = overlay ? withNewFiles(listed.files, overlay) : listed.files;
  // A link not followed is said, never skipped without a word (docs/data-format.md).
  for (const link of skippedLinks) findings.push({ file: link.path, severity: 'warning', code: 'link-skipped', params: { reason: link.reason }, line: 1, column: 1 });
  const memoKey = useMemo && cache && !overlay ? { settings: cache.sourceHash(settingsBytes), today, files } : undefined;
  let memo = memoKey && readValidateMemo(cache!, cacheDir!, memoKey);
  // The sha-256 of each file's bytes: the key of its cache entry, and its part of the memo's key.
  const sources: string[] = [];
  const checkedFiles: Promise<CheckedFile>[] = [];
  // Opened for the first file that is not in the cache: a run that checks nothing starts no workers.
  let checker: FileChecker | undefined;
  // Finds a file in the cache or checks it (on workers: while the next files are read).
  const take = async (index: number, bytes: Uint8Array | undefined): Promise<void> => {
    const file = files[index]!;
    let checked: CheckedFile | Promise<CheckedFile> | undefined = cache && (await cache.get(file, sources[index]!));
    if (!checked) {
      // A file that matched the memo was let go; read again, it is keyed by the bytes now checked.
      if (bytes === undefined) {
        bytes = await read(file);
        sources[index] = cache ? cache.sourceHash(bytes) : '';
      }
      checker ??= await openFileChecker(root, files, parallel);
      const source = sources[index]!;
      checked = checkAndKeep(checker, file, bytes, (result) => cache?.put(file, source, result.checked, result.body));
    }
    const pending = Promise.resolve(checked);
    // Awaited in order below; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    checkedFiles[index] = pending;
    if (!checker?.parallel) await pending;
  };
  try {
    for (const [index, file] of files.entries()) {
      const bytes = await read(file);
      sources[index] = cache ? cache.sourceHash(bytes) : '';
      // While every file is as the memo has it, nothing is checked: the memo may answer for all.
      if (memo?.matches(index, sources[index]!)) continue;
      if (memo) {
        memo = undefined;
        for (let before = 0; before < index; before++) await take(before, undefined);
      }
      await take(index, bytes);
    }
    if (memo) return { recalled: memo.result };
    for (const [index, file] of files.entries()) {
      const checked = await checkedFiles[index]!;
      for (const finding of checked.findings) findings.push(finding);
      for (const finding of checked.personalData) personalData.push(finding);
      addRecords(file, checked, entries, ids);
    }
  } finally {
    await checker?.close();
  }
  const settingsPersonalData = settings ? await personalDataOfSettings(settings, settingsDoc, settingsBytes, cache) : [];
  await cache?.close([...files, SETTINGS_FILE]);

  if (settings) {
    findings.push(...runRules({ areas: settings.areas, categories: new Map(categories.map((c) => [c.id, c])), entries, ids, today }), ...withoutReviewedNames(personalData, settings));
    findings.push(...settingsPersonalData);
  }
  await locateAll(read, findings);
  const sorted = sortFindings(findings);
  const ok = settings !== undefined && !hasErrors(sorted);
  // A read-only cache (the bundled sample's) belongs to the installation: no memo is written into it.
  if (memoKey && !cacheReadOnly) await writeValidateMemo(cache!, cacheDir!, { ...memoKey, files: files.map((file, index) => [file, sources[index]!]) }, { ok, findings: sorted, language });
  if (!ok) return { dataset: undefined, findings: sorted, language };
  return { dataset: assemble(root, settings, categories, entries), findings: sorted, language };
}

/**
 * Personal data in the public texts of borgermode.yaml, as written and as a reader sees them
 * (rules.ts findPersonalDataInSettings; warnings, like the records'): kept in the cache as an entry
 * of borgermode.yaml keyed by its bytes, like a record file's, so that a run on unchanged settings
 * does not compile the patterns for it.
 */
async function personalDataOfSettings(settings: Settings, doc: unknown, bytes: Uint8Array, cache: RecordCache | undefined): Promise<Finding[]> {
  const source = cache?.sourceHash(bytes) ?? '';
  const cached = await cache?.get(SETTINGS_FILE, source);
  if (cached) return cached.personalData;
  const personalData: Finding[] = [];
  // The quick test of MAY_READ_OTHERWISE on every text of the settings at once.
  findPersonalDataInSettings(settings, personalData, MAY_READ_OTHERWISE.test(JSON.stringify(doc) ?? '') ? await loadReaderForms() : undefined);
  cache?.put(SETTINGS_FILE, source, { findings: [], records: {}, ids: [], personalData });
  return personalData;
}

async function checkAndKeep(checker: FileChecker, file: string, bytes: Uint8Array, keep: (result: Checked) => void): Promise<CheckedFile> {
  const result = await checker.check(file, bytes);
  keep(result);
  return result.checked;
}

/** Adds the checked records of a file, and every id it defines, in file order (kind by kind). */
function addRecords(file: string, checked: CheckedFile, entries: EntriesByKind, ids: { first: Map<string, IdPlace>; repeated: Map<string, IdPlace[]> }): void {
  const extraIds = checked.ids;
  let extra = 0;
  for (const kind of RECORD_KINDS) {
    const records = checked.records[kind];
    if (!records) continue;
    const list = entries[kind] as RecordEntry[];
    for (let index = 0; index < records.length; index++) {
      const record = records[index];
      // The entry is also the place of its id.
      const entry = record ? new PlacedRecord(kind, file, index, record) : undefined;
      if (entry) list.push(entry);
      let id = record?.id;
      if (id === undefined && extra < extraIds.length && extraIds[extra]![0] === kind && extraIds[extra]![1] === index) id = extraIds[extra++]![2];
      if (id === undefined) continue;
      const place: IdPlace = entry ?? { kind, file, path: [kind, index] };
      if (ids.first.get(id) === undefined) {
        ids.first.set(id, place);
      } else {
        const more = ids.repeated.get(id);
        if (more) more.push(place);
        else ids.repeated.set(id, [place]);
      }
    }
  }
}

/** Reads and parses one file; undefined when it could not be read as YAML (the finding says why). */
export async function readRecordFile(root: string, file: string, findings: Finding[]): Promise<unknown> {
  return parseRecordBytes(await readProjectFile(root, file), file, findings);
}

/** The bytes of a file of the project; a file that cannot be opened is a FileAccessError (exit 2). */
export async function readProjectFile(root: string, file: string): Promise<Uint8Array> {
  try {
    return readFileSync(join(root, file));
  } catch (error) {
    throw accessError(error, join(root, file), 'file');
  }
}

/** The project's record files with the overlay's new ones among them, in the order listProjectFiles gives (by path). */
function withNewFiles(files: readonly string[], overlay: ReadonlyMap<string, string>): string[] {
  const added = [...overlay.keys()].filter((file) => file !== SETTINGS_FILE && !files.includes(file));
  return added.length === 0 ? [...files] : [...files, ...added].sort(comparePaths);
}

/** Resolves line and column of every finding (and its related place), reading only the files concerned. */
async function locateAll(read: (file: string) => Promise<Uint8Array>, findings: Finding[]): Promise<void> {
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
    const decoded = decodeRecordText(await read(file), file);
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
  // The records become the dataset's as they are, their area filled in: they belong to this run
  // (a cached file's were written before), and a million copies would double the memory.
  const records = <K extends RecordKind>(kind: K) =>
    entries[kind].map((entry) => {
      const record = entry.record as { area?: string };
      record.area ??= onlyArea;
      return record;
    }) as InArea<RecordOf<K>>[];
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
