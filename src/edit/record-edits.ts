import { join } from 'node:path';
import { FileAccessError } from '../model/file-access-error.js';
import { readProjectFile } from '../load/project-reader.js';
import { decodeRecordText } from '../load/read-yaml.js';
import { EDITOR_SCHEMA_DIR, modelineFor, RECORDS_SCHEMA_FILE } from '../model/editor-schema.js';
import { type Finding, hasErrors } from '../model/finding.js';
import { type AddableKind, DATED_KINDS, idPeriod, nextRecordId } from '../model/ids.js';
import { checkChange, type EditWorld, findingsAbout, readForEdit } from './check-change.js';
import { withProjectLock } from '../write/lock.js';
import { placeRecord } from './place-record.js';
import { findRecord, projectState } from './project-state.js';
import { pathExists, writeProjectFile } from '../write/write-output.js';
import { appendRecord, newRecordFile, type PlainRecord, setRecordFields, YamlEditError } from '../write/yaml-edit.js';

// The two writes of data entry, each one turn of read → change → check → write under the
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
