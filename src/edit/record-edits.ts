import { join } from 'node:path';
import { FileAccessError } from '../model/file-access-error.js';
import { readProjectFile } from '../load/project-reader.js';
import { decodeRecordText } from '../load/read-yaml.js';
import { EDITOR_SCHEMA_DIR, modelineFor, RECORDS_SCHEMA_FILE } from '../model/editor-schema.js';
import { type Finding, hasErrors } from '../model/finding.js';
import { type AddableKind, DATED_KINDS, idPeriod, nextRecordId, RecordIdAllocator } from '../model/ids.js';
import { checkChange, type EditWorld, findingsAbout, readForEdit } from './check-change.js';
import { withProjectLock } from '../write/lock.js';
import { placeRecord, RecordPlacer } from './place-record.js';
import { findRecord, type ProjectState, projectState } from './project-state.js';
import { pathExists, writeProjectFile } from '../write/write-output.js';
import {
  addFieldToRecords,
  appendRecord,
  appendRecords,
  newRecordFile,
  type PlainRecord,
  setRecordFields,
  YamlEditError,
} from '../write/yaml-edit.js';
import { RECORD_KINDS, type RecordKind, SETTINGS_FILE } from '../model/schema.js';

// The writes of data entry (a record added, a question answered, an area added), each one turn of read → change → check → write under the
// project's lock. Nothing is written when the change would bring an error into the project.
// The project is read once under the lock (with the cache, and reusing what the command read to
// ask its questions); the change is checked on that reading with the changed file in place.

export interface EditResult {
  /** The file changed (or that would have been), relative to the root. */
  file: string;
  /** What the checks say about the new or changed record; errors mean nothing was written. */
  findings: Finding[];
  written: boolean;
  /** Errors the project has in other records (they do not stop the edit; validate lists them). */
  otherErrors: number;
}

export interface AddResult extends EditResult {
  id: string;
  /** True when the file was new. */
  created: boolean;
}

/** Adds `record` (its fields in order, without an id) to the project at `root`: picks its id and its file. */
export async function addRecord(options: EditWorld & { kind: AddableKind; record: PlainRecord }): Promise<AddResult> {
  const { root, kind } = options;
  return withProjectLock(root, async (assertHeld) => {
    const reading = await readForEdit(options);
    const state = projectState(reading);
    const id = nextRecordId(kind, idPeriod(kind, options.record), state.ids);
    const record = { id, ...options.record };
    const { file, create } = placeRecord(
      kind,
      DATED_KINDS.has(kind) ? String(options.record.date) : undefined,
      typeof options.record.area === 'string' ? options.record.area : undefined,
      state.files,
    );
    let text: string;
    let index = 0;
    if (create) {
      // Something the loader does not read (a link out of the project) is never replaced by a new file.
      if (await pathExists(join(root, file), { link: true })) throw new FileAccessError('output', join(root, file), 'not-read');
      const withSchema = await pathExists(join(root, EDITOR_SCHEMA_DIR, RECORDS_SCHEMA_FILE));
      text = newRecordFile(kind, record, withSchema ? modelineFor(file, RECORDS_SCHEMA_FILE) : undefined);
    } else {
      ({ text, index } = await editing(file, async () => appendRecord(await readRecordText(root, file), kind, record)));
    }
    const all = await checkChange(options, reading, new Map([[file, text]]));
    const findings = refusePersonalData(findingsAbout(all, file, [kind, index]));
    const otherErrors = errorsBesides(all, findings);
    if (hasErrors(findings)) return { id, file, created: create, findings, written: false, otherErrors };
    assertHeld();
    await writeProjectFile(root, file, text);
    return { id, file, created: create, findings, written: true, otherErrors };
  });
}

/** The question with `id` was not found in any readable record file. */
export class UnknownRecordError extends Error {
  constructor(
    readonly id: string,
    readonly known: readonly string[],
  ) {
    super(`unknown question ${id}`);
    this.name = 'UnknownRecordError';
  }
}

/** Sets `fields` on the question `id` where it stands (answer, answered, status, verdict). */
export async function updateQuestion(options: EditWorld & { id: string; fields: PlainRecord }): Promise<EditResult> {
  const { root, id } = options;
  return withProjectLock(root, async (assertHeld) => {
    const reading = await readForEdit(options);
    const state = projectState(reading);
    const found = findRecord(state, 'questions', id);
    if (!found)
      throw new UnknownRecordError(
        id,
        state.files.flatMap((f) => (f.records.questions ?? []).flatMap((q) => (q.id ? [q.id] : []))),
      );
    const text = await editing(found.file, async () =>
      setRecordFields(await readRecordText(root, found.file), 'questions', found.index, options.fields),
    );
    const all = await checkChange(options, reading, new Map([[found.file, text]]));
    const findings = refusePersonalData(findingsAbout(all, found.file, ['questions', found.index]));
    const otherErrors = errorsBesides(all, findings);
    if (hasErrors(findings)) return { file: found.file, findings, written: false, otherErrors };
    assertHeld();
    await writeProjectFile(root, found.file, text);
    return { file: found.file, findings, written: true, otherErrors };
  });
}

export interface AreaResult extends EditResult {
  /** The record files given the first area's id, and how many records in them. */
  filled: { files: string[]; records: number };
  /** Without `fillArea`: the records that would be left without their area (nothing written). */
  unassigned?: { files: string[]; records: number };
}

export interface RecordsResult {
  /** Each new record's id, file and place in its file's list of the kind, in the order given. */
  added: { id: string; file: string; index: number }[];
  /** The files changed (or that would have been), new ones too. */
  files: string[];
  /** What the checks say about the new records; errors mean nothing was written. */
  findings: Finding[];
  written: boolean;
  otherErrors: number;
}

/**
 * Adds `records` (without ids) of `kind` in one turn: each gets its id and its file as `add`
 * gives them (a record placed in a file this turn makes is the next one's neighbour), the project
 * is checked once with every change in place, and every file is written only when none of the
 * new records brings an error (`borgermode import`); with `dryRun`, checked and not written.
 */
export async function addRecords(
  options: EditWorld & { kind: AddableKind; records: readonly PlainRecord[]; dryRun?: boolean },
): Promise<RecordsResult> {
  const { root, kind } = options;
  return withProjectLock(root, async (assertHeld) => {
    const reading = await readForEdit(options);
    const state = projectState(reading);
    const ids = new RecordIdAllocator(state.ids);
    const placer = new RecordPlacer(kind, state.files);
    const withSchema = await pathExists(join(root, EDITOR_SCHEMA_DIR, RECORDS_SCHEMA_FILE));
    // Each record's id and file first (a record placed in a new file is the next one's neighbour), then each file's text once.
    const placed: { id: string; file: string; create: boolean; record: PlainRecord }[] = [];
    for (const fields of options.records) {
      const id = ids.next(kind, idPeriod(kind, fields));
      const record = { id, ...fields };
      const date = DATED_KINDS.has(kind) ? String(fields.date) : undefined;
      const { file, create } = placer.place(date, typeof fields.area === 'string' ? fields.area : undefined);
      placer.note(file, fields.date, fields.area);
      placed.push({ id, file, create, record });
    }
    const texts = new Map<string, string>();
    const added: { id: string; file: string; index: number }[] = placed.map(({ id, file }) => ({ id, file, index: 0 }));
    for (const file of new Set(placed.map((p) => p.file))) {
      const mine = placed.flatMap((p, i) => (p.file === file ? [i] : []));
      const first = placed[mine[0]!]!;
      let text: string;
      let index: number;
      let rest = mine;
      if (first.create) {
        if (await pathExists(join(root, file), { link: true })) throw new FileAccessError('output', join(root, file), 'not-read');
        text = newRecordFile(kind, first.record, withSchema ? modelineFor(file, RECORDS_SCHEMA_FILE) : undefined);
        index = 0;
        rest = mine.slice(1);
        if (rest.length > 0)
          text = await editing(
            file,
            async () =>
              appendRecords(
                text,
                kind,
                rest.map((i) => placed[i]!.record),
              ).text,
          );
      } else {
        const before = await readRecordText(root, file);
        ({ text, index } = await editing(file, async () =>
          appendRecords(
            before,
            kind,
            mine.map((i) => placed[i]!.record),
          ),
        ));
      }
      mine.forEach((i, k) => (added[i]!.index = index + k));
      texts.set(file, text);
    }
    const all = await checkChange(options, reading, texts);
    // A finding about two new records (one the other's related place) is one finding.
    const findings = refusePersonalData([...new Set(added.flatMap(({ file, index }) => findingsAbout(all, file, [kind, index])))]);
    const otherErrors = errorsBesides(all, findings);
    const result = { added, files: [...texts.keys()], findings, otherErrors };
    if (hasErrors(findings) || options.dryRun) return { ...result, written: false };
    assertHeld();
    for (const [file, text] of texts) await writeProjectFile(root, file, text);
    return { ...result, written: true };
  });
}

/** The records of a file that name no area, kind by kind (records that are not mappings left out). */
export interface WithoutArea {
  file: string;
  kind: RecordKind;
  indices: number[];
}

/** The records of the project that name no area: in a project of one area they belong to it, in one of several they must say which. */
export function recordsWithoutArea(state: ProjectState): WithoutArea[] {
  return state.files.flatMap((f) =>
    !f.readable
      ? []
      : RECORD_KINDS.flatMap((kind) => {
          const indices = (f.records[kind] ?? []).flatMap((record, index) =>
            record.area === undefined && record.id !== undefined ? [index] : [],
          );
          return indices.length === 0 ? [] : [{ file: f.file, kind, indices }];
        }),
  );
}

/**
 * Adds `area` to the areas of borgermode.yaml (its comments and layout kept). A one-area project's
 * records without an `area` would become errors (missing-area) once there are two: with
 * `fillArea` each of them is given the first area's id, after its own id, in the same turn;
 * without, nothing is written and `unassigned` says how many there are. Record files are written before borgermode.yaml, so a run cut
 * short leaves a valid project of one area.
 */
export async function addArea(options: EditWorld & { area: PlainRecord; fillArea?: boolean }): Promise<AreaResult> {
  const { root } = options;
  return withProjectLock(root, async (assertHeld) => {
    const reading = await readForEdit(options);
    const state = projectState(reading);
    const changes = new Map<string, string>();
    const { text, index } = await editing(SETTINGS_FILE, async () =>
      appendRecord(await readRecordText(root, SETTINGS_FILE), 'areas', options.area),
    );
    const filled = { files: [] as string[], records: 0 };
    const only = state.settings?.areas.length === 1 ? state.settings.areas[0]!.id : undefined;
    const without = only === undefined ? [] : recordsWithoutArea(state);
    if (without.length > 0 && !options.fillArea) {
      const unassigned = {
        files: [...new Set(without.map((w) => w.file))],
        records: without.reduce((sum, w) => sum + w.indices.length, 0),
      };
      return { file: SETTINGS_FILE, findings: [], otherErrors: 0, filled: { files: [], records: 0 }, unassigned, written: false };
    }
    for (const { file, kind, indices } of without) {
      const before = changes.get(file) ?? (await readRecordText(root, file));
      changes.set(file, await editing(file, async () => addFieldToRecords(before, kind, indices, 'area', only)));
      if (!filled.files.includes(file)) filled.files.push(file);
      filled.records += indices.length;
    }
    changes.set(SETTINGS_FILE, text);
    const all = await checkChange(options, reading, changes);
    // The new area's own findings, and the records it would leave without their area.
    const findings = refusePersonalData([
      ...findingsAbout(all, SETTINGS_FILE, ['areas', index]),
      ...all.filter((f) => f.code === 'missing-area'),
    ]);
    const otherErrors = errorsBesides(all, findings);
    const result = { file: SETTINGS_FILE, findings, otherErrors, filled };
    if (hasErrors(findings)) return { ...result, written: false };
    assertHeld();
    for (const [file, changed] of changes) if (file !== SETTINGS_FILE) await writeProjectFile(root, file, changed);
    await writeProjectFile(root, SETTINGS_FILE, text);
    return { ...result, written: true };
  });
}

/** The errors of `all` that are not about the record (those of `about`, some made errors by refusePersonalData). */
function errorsBesides(all: readonly Finding[], about: readonly Finding[]): number {
  const errors = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error').length;
  const aboutErrorsBefore = about.filter((f) => f.severity === 'error' && f.code !== 'personal-data-refused').length;
  return errors(all) - aboutErrorsBefore;
}

/**
 * Personal data in a public field of the new or changed record is refused at the door, as a
 * public render refuses it (the same code and words): nothing is written that `report` would stop on.
 */
function refusePersonalData(findings: Finding[]): Finding[] {
  return findings.map((f) => (f.code === 'personal-data' ? { ...f, severity: 'error', code: 'personal-data-refused' } : f));
}

/** The text of a record file exactly as it is, byte-order mark included; refuses what the loader refuses. */
async function readRecordText(root: string, file: string): Promise<string> {
  const bytes = readProjectFile(root, file);
  const decoded = decodeRecordText(bytes, file);
  if ('finding' in decoded) throw new YamlEditError('syntax', decoded.finding.code);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  return bom + decoded.text;
}

/** Runs an edit of `file`; a YamlEditError learns which file it was about. */
async function editing<T>(file: string, edit: () => Promise<T>): Promise<T> {
  try {
    return await edit();
  } catch (error) {
    if (error instanceof YamlEditError) error.file = file;
    throw error;
  }
}
