import type { Category } from '../model/categories.js';
import { todayIso } from '../model/dates.js';
import { type Finding, hasErrors, sortFindings } from '../model/finding.js';
import { MAY_READ_OTHERWISE } from '../model/personal-data.js';
import {
  type Lang,
  LANGS,
  RECORD_KINDS,
  type RecordKind,
  type RecordOf,
  type Settings,
  SETTINGS_FILE,
  SettingsSchema,
} from '../model/schema.js';
import { loadSourceHash, openRecordCache, type RecordCache } from './cache.js';
import { type CheckedFile, checkRecordFile, loadReaderForms, parseRecordBytes } from './check-file.js';
import { type Checked, type FileChecker, openFileChecker, type ParallelOptions } from './check-files.js';
import { checkValue, isMapping } from './check-value.js';
import { type Dataset, type EntriesByKind, type InArea, PlacedRecord, type RecordEntry } from '../model/dataset.js';
import { comparePaths } from './list-files.js';
import { diskReader, type ProjectReader, withOverlay } from './project-reader.js';
import { decodeRecordText, locateFindings } from './read-yaml.js';
import { resolveCategories } from './resolve-categories.js';
import {
  findPersonalDataInSettings,
  type IdPlace,
  overReadabilityLimit,
  runRules,
  settingsWarnings,
  withoutReviewedNames,
} from './rules.js';
import { readValidateMemo, type ValidateKey, type ValidateResult, writeValidateMemo } from './validate-memo.js';

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
  /** Where the files come from (project-reader.ts): the disk at `root` unless given. */
  reader?: ProjectReader;
  /**
   * Files as a change would make them (path relative to the root → text), read instead of the
   * reader's; a path it does not list is a new record file. `add` and `answer` check their change
   * so. No memo is read or written with an overlay.
   */
  overlay?: ReadonlyMap<string, string>;
  /**
   * An earlier reading of the same project in this run: a file whose bytes are as they were then
   * is taken from it as it was checked then, without the cache or a check (an edit reads the
   * project once to choose, then checks its change). No memo is read or written with it.
   */
  reuse?: ProjectReading;
}

export interface LoadResult {
  /** Undefined when any finding is an error. */
  dataset: Dataset | undefined;
  /** Every finding of every file, located and sorted. */
  findings: Finding[];
  /** The project's `language`, when borgermode.yaml names a valid one (even if it has other errors). */
  language: Lang | undefined;
}

/** A record file as read and checked on its own. */
export interface ReadFile {
  /** Relative to the root, with forward slashes. */
  path: string;
  /** The sha-256 of its bytes, with a cache or a reuse; else empty. */
  source: string;
  checked: CheckedFile;
}

/** The project read and every file checked on its own (cache, checker): what the cross-record rules start from. */
export interface ProjectReading {
  root: string;
  /** The day the date rules judge against, YYYY-MM-DD. */
  today: string;
  read: (file: string) => Promise<Uint8Array>;
  /** borgermode.yaml's value, when it passed its schema (its categories may still have errors). */
  settings: Settings | undefined;
  /** The findings of borgermode.yaml itself: reading, fields, categories. */
  settingsFindings: Finding[];
  /** Personal data in its public texts (warnings, reported only with valid settings, like the rules'). */
  settingsPersonalData: Finding[];
  /** The project's `language`; Danish when borgermode.yaml names none, undefined when it could not be read. */
  language: Lang | undefined;
  categories: Category[];
  /** The links not followed, as warnings. */
  linkFindings: Finding[];
  files: ReadFile[];
}

/** Reads, checks and assembles a data project: read → check, the first two steps of every command. */
export async function loadProject(options: LoadOptions): Promise<LoadResult> {
  return judgeProject(await readProject(options));
}

/**
 * What `validate` reports, without the dataset: with a cache, from the memo of the last run when
 * every input is as it was then (validate-memo.ts), else as loadProject finds it, kept as the memo.
 */
export async function loadFindings(options: LoadOptions): Promise<ValidateResult> {
  const reading = await readFiles(options, true);
  if ('recalled' in reading) return reading.recalled;
  const { dataset, findings, language } = await judgeProject(reading, { advice: true });
  const result = { ok: dataset !== undefined, findings, language };
  const memo = reading.memo;
  if (memo)
    await writeValidateMemo(
      memo.cache,
      options.cacheDir!,
      { ...memo.key, files: reading.files.map((file) => [file.path, file.source]) },
      result,
    );
  return result;
}

/** Reads the project and checks each file on its own: the settings, then every record file (from the reuse, the cache, or checked). */
export async function readProject(options: LoadOptions): Promise<ProjectReading> {
  return (await readFiles(options, false)) as ProjectReading;
}

async function readFiles(options: LoadOptions, useMemo: boolean): Promise<MemoReading | { recalled: ValidateResult }> {
  const { root, now, cacheDir, cacheReadOnly, cacheKey, parallel, reader, overlay, reuse, ...rest } = options;
  // An option that changes the findings must be part of the memo's key (ValidateKey): a new one fails here until it is.
  rest satisfies Record<string, never>;
  const world = overlay ? withOverlay(reader ?? diskReader(root), overlay) : (reader ?? diskReader(root));
  const read = world.read;
  const settingsFindings: Finding[] = [];
  const settingsBytes = await read(SETTINGS_FILE);
  const settingsDoc = await parseRecordBytes(settingsBytes, SETTINGS_FILE, settingsFindings);
  const settingsChecked =
    settingsDoc === undefined ? undefined : checkValue(SettingsSchema, settingsDoc ?? {}, SETTINGS_FILE, [], settingsFindings);
  const settings = settingsChecked?.ok ? (settingsChecked.value as Settings) : undefined;
  const rawLanguage = isMapping(settingsDoc) ? settingsDoc.language : undefined;
  const language = (LANGS as readonly unknown[]).includes(rawLanguage)
    ? (rawLanguage as Lang)
    : settingsDoc === undefined
      ? undefined
      : 'da';
  const categories = resolveCategories(settings?.categories ?? [], settingsFindings);
  const today = todayIso(now);

  const cache =
    cacheDir === undefined || cacheKey === undefined
      ? undefined
      : await openRecordCache(cacheDir, { readOnly: cacheReadOnly === true, key: cacheKey });
  const hash = cache?.sourceHash ?? (reuse ? await loadSourceHash() : undefined);
  // Where a file's check is looked for before it is made, in order; a check made is kept in each.
  const stores: CheckedStore[] = [...(reuse ? [readingStore(reuse)] : []), ...(cache ? [cache] : [])];
  const { files, skipped } = await world.list();
  // A link not followed is said, never skipped without a word (docs/data-format.md).
  const linkFindings: Finding[] = skipped.map((link) => ({
    file: link.path,
    severity: 'warning',
    code: 'link-skipped',
    params: { reason: link.reason },
    line: 1,
    column: 1,
  }));
  const memoKey = useMemo && cache && !overlay && !reuse ? { settings: cache.sourceHash(settingsBytes), today, files } : undefined;
  let memo = memoKey && readValidateMemo(cache!, cacheDir!, memoKey);
  // The sha-256 of each file's bytes: the key of its cache entry, and its part of the memo's key.
  const sources: string[] = [];
  const checkedFiles: Promise<CheckedFile>[] = [];
  // Opened for the first file that no store holds: a run that checks nothing starts no workers.
  let checker: FileChecker | undefined;
  // Finds a file in the stores, or checks it (on workers: while the next files are read).
  const take = async (index: number, bytes: Uint8Array | undefined): Promise<void> => {
    const file = files[index]!;
    let checked: CheckedFile | Promise<CheckedFile> | undefined;
    for (const store of stores) if ((checked = await store.get(file, sources[index]!))) break;
    if (!checked) {
      // A file that matched the memo was let go; read again, it is keyed by the bytes now checked.
      if (bytes === undefined) {
        bytes = await read(file);
        sources[index] = hash ? hash(bytes) : '';
      }
      checker ??= await openFileChecker(root, files, parallel);
      const source = sources[index]!;
      checked = checkAndKeep(checker, file, bytes, (result) => {
        for (const store of stores) store.put(file, source, result.checked, result.body);
      });
    }
    const pending = Promise.resolve(checked);
    // Awaited in order below; until then a failure must not count as unhandled.
    pending.catch(() => undefined);
    checkedFiles[index] = pending;
    if (!checker?.parallel) await pending;
  };
  const readFiles: ReadFile[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const bytes = await read(file);
      sources[index] = hash ? hash(bytes) : '';
      // While every file is as the memo has it, nothing is checked: the memo may answer for all.
      if (memo?.matches(index, sources[index])) continue;
      if (memo) {
        memo = undefined;
        for (let before = 0; before < index; before++) await take(before, undefined);
      }
      await take(index, bytes);
    }
    if (memo) return { recalled: memo.result };
    for (const [index, path] of files.entries()) readFiles.push({ path, source: sources[index]!, checked: await checkedFiles[index]! });
  } finally {
    await checker?.close();
  }
  const settingsPersonalData = settings ? await personalDataOfSettings(settings, settingsDoc, settingsBytes, cache) : [];
  await cache?.close([...files, SETTINGS_FILE]);
  const reading: ProjectReading = {
    root,
    today,
    read,
    settings,
    settingsFindings,
    settingsPersonalData,
    language,
    categories,
    linkFindings,
    files: readFiles,
  };
  // A read-only cache (the bundled sample's) belongs to the installation: no memo is written into it.
  return memoKey && !cacheReadOnly ? { ...reading, memo: { cache: cache!, key: memoKey } } : reading;
}

/**
 * `reading` with `changes` (path → text) in place, as `add` and `answer` check an edit: the changed
 * and new files checked, every other file as it was read (the edit read it under the project's
 * lock a moment ago). A change of borgermode.yaml reads the whole project again through an overlay.
 * The changed files' entries go into the cache (`options`' cache): should the change be refused,
 * the next run finds the entry for other bytes, a miss like any other.
 */
export async function withChanges(
  reading: ProjectReading,
  changes: ReadonlyMap<string, string>,
  options: LoadOptions,
): Promise<ProjectReading> {
  if (changes.has(SETTINGS_FILE)) return readProject({ ...options, overlay: changes, reuse: reading });
  const files = [...reading.files];
  // Kept in the cache like any file checked: once the change is written, the next run finds it there.
  const { cacheDir, cacheKey } = options;
  const cache =
    cacheDir === undefined || cacheKey === undefined || options.cacheReadOnly
      ? undefined
      : await openRecordCache(cacheDir, { key: cacheKey });
  for (const [path, text] of changes) {
    const bytes = Buffer.from(text, 'utf8');
    const changed: ReadFile = { path, source: cache?.sourceHash(bytes) ?? '', checked: await checkRecordFile(path, bytes) };
    cache?.put(path, changed.source, changed.checked);
    const at = files.findIndex((file) => file.path === path);
    if (at >= 0) files[at] = changed;
    else files.splice(files.filter((file) => comparePaths(file.path, path) < 0).length, 0, changed);
  }
  await cache?.close([...files.map((file) => file.path), SETTINGS_FILE]);
  const read = async (file: string) => (changes.has(file) ? Buffer.from(changes.get(file)!, 'utf8') : reading.read(file));
  return { ...reading, read, files };
}

/** A reading whose result validate keeps as the memo. */
interface MemoReading extends ProjectReading {
  memo?: { cache: RecordCache; key: Omit<ValidateKey, 'files'> & { files: readonly string[] } };
}

/**
 * A place that may hold a file's check, by its path and the sha-256 of its bytes: the cache of
 * checked files (cache.ts), or an earlier reading of the run (readingStore).
 */
type CheckedStore = Pick<RecordCache, 'get' | 'put'>;

/** The checks of an earlier reading, for the same bytes; a reading without hashes holds none. Nothing is kept in it. */
function readingStore(reading: ProjectReading): CheckedStore {
  const byPath = new Map(reading.files.filter((file) => file.source !== '').map((file) => [file.path, file]));
  return {
    get: async (file, source) => (byPath.get(file)?.source === source ? byPath.get(file)!.checked : undefined),
    put: () => undefined,
  };
}

/**
 * The cross-record rules over a reading, every finding located and sorted, and the dataset when
 * nothing is an error. A reading may be judged more than once; the records of the dataset are its own.
 * With `advice` (validate), also what the settings lack that a reader of the brief would miss
 * (rules.ts settingsWarnings): said once where the project is checked, not by every command.
 */
export async function judgeProject(reading: ProjectReading, { advice = false }: { advice?: boolean } = {}): Promise<LoadResult> {
  const { root, settings, categories, language, today } = reading;
  const findings: Finding[] = [...reading.settingsFindings, ...reading.linkFindings];
  const entries = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []])) as unknown as EntriesByKind;
  const ids = { first: new Map<string, IdPlace>(), repeated: new Map<string, IdPlace[]>() };
  const personalData: Finding[] = [];
  const readability: Finding[] = [];
  for (const { path, checked } of reading.files) {
    for (const finding of checked.findings) findings.push(finding);
    for (const finding of checked.personalData) personalData.push(finding);
    if (advice) for (const note of checked.readability) readability.push(note);
    addRecords(path, checked, entries, ids);
  }
  if (settings) {
    findings.push(
      ...runRules({ areas: settings.areas, categories: new Map(categories.map((c) => [c.id, c])), entries, ids, today }),
      ...withoutReviewedNames(personalData, settings),
    );
    findings.push(
      ...reading.settingsPersonalData,
      ...(advice ? [...settingsWarnings(settings), ...overReadabilityLimit(readability, settings.readability.max_lix)] : []),
    );
  }
  await locateAll(reading.read, findings);
  const sorted = sortFindings(findings);
  const ok = settings !== undefined && !hasErrors(sorted);
  if (!ok) return { dataset: undefined, findings: sorted, language };
  return { dataset: assemble(root, settings, categories, entries), findings: sorted, language };
}

/**
 * Personal data in the public texts of borgermode.yaml, as written and as a reader sees them
 * (rules.ts findPersonalDataInSettings; warnings, like the records'): kept in the cache as an entry
 * of borgermode.yaml keyed by its bytes, like a record file's, so that a run on unchanged settings
 * does not compile the patterns for it.
 */
async function personalDataOfSettings(
  settings: Settings,
  doc: unknown,
  bytes: Uint8Array,
  cache: RecordCache | undefined,
): Promise<Finding[]> {
  const source = cache?.sourceHash(bytes) ?? '';
  const cached = await cache?.get(SETTINGS_FILE, source);
  if (cached) return cached.personalData;
  const personalData: Finding[] = [];
  // The quick test of MAY_READ_OTHERWISE on every text of the settings at once.
  findPersonalDataInSettings(
    settings,
    personalData,
    MAY_READ_OTHERWISE.test(JSON.stringify(doc) ?? '') ? await loadReaderForms() : undefined,
  );
  cache?.put(SETTINGS_FILE, source, { readable: true, findings: [], records: {}, ids: [], personalData, readability: [] });
  return personalData;
}

async function checkAndKeep(checker: FileChecker, file: string, bytes: Uint8Array, keep: (result: Checked) => void): Promise<CheckedFile> {
  const result = await checker.check(file, bytes);
  keep(result);
  return result.checked;
}

/** Adds the checked records of a file, and every id it defines, in file order (kind by kind). */
function addRecords(
  file: string,
  checked: CheckedFile,
  entries: EntriesByKind,
  ids: { first: Map<string, IdPlace>; repeated: Map<string, IdPlace[]> },
): void {
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
      if (id === undefined && extra < extraIds.length && extraIds[extra]![0] === kind && extraIds[extra]![1] === index)
        id = extraIds[extra++]![2];
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
      const proxy: Finding = {
        file: finding.related.file,
        path: finding.related.path,
        target: 'value',
        severity: 'error',
        code: finding.code,
        params: {},
      };
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
