import type { Finding } from '../model/finding.js';
import { foundValue } from '../model/messages.js';
import { RECORD_KINDS, RECORD_SCHEMAS, RecordFileSchema, type RecordKind, type RecordOf } from '../model/schema.js';
import { checkValue, isMapping } from './check-value.js';
import { PlacedRecord } from '../model/dataset.js';
import { decodeRecordText, parseYaml } from './read-yaml.js';
import { findPersonalDataIn, measureReadabilityOf, needsReaderForms, type ReaderForms } from './rules.js';

/**
 * What the checks of one record file find on their own, before any cross-record rule: a pure
 * function of the file's bytes and path, so load/cache.ts can keep it keyed by content.
 */
export interface CheckedFile {
  /** The file was read as YAML and is a mapping or empty: a file records may be appended to (edit/place-record.ts). */
  readable: boolean;
  /** The file's own findings (reading, parsing, fields), in the order they were found; not yet located. */
  findings: Finding[];
  /** The checked record of each list of the file, by kind and index; null where no part of it passed (not a mapping). */
  records: { [K in RecordKind]?: (Partial<RecordOf<K>> | null)[] };
  /** Ids written in the file that the checked records do not carry (the id itself was wrong), as [kind, index, id]. */
  ids: [RecordKind, number, string][];
  /** The warnings of the rule `personal-data`, which looks at one record at a time (reported only when the settings are valid, like every rule). */
  personalData: Finding[];
  /** The LIX of the public texts long enough to measure, as notes (rules.ts measureReadabilityOf); validate reports those above the project's limit. */
  readability: Finding[];
}

/** Reads, parses and checks the fields of one record file. */
export async function checkRecordFile(file: string, bytes: Uint8Array): Promise<CheckedFile> {
  const checked: CheckedFile = { readable: false, findings: [], records: {}, ids: [], personalData: [], readability: [] };
  const findings = checked.findings;
  const doc = await parseRecordBytes(bytes, file, findings);
  checked.readable = doc === null || isMapping(doc);
  if (doc === undefined || doc === null) return checked;
  if (!isMapping(doc)) {
    findings.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'not-a-mapping',
      params: { kinds: RECORD_KINDS.map((k) => `${k}:`), found: foundValue(doc) },
    });
    return checked;
  }
  // Unknown top-level keys and non-list values are reported by the file schema; records one by one below.
  // No prototype: a "__proto__" key must stay a key (and be reported), not become a prototype.
  const shallow = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(doc)) shallow[key] = Array.isArray(doc[key]) ? [] : doc[key];
  checkValue(RecordFileSchema, shallow, file, [], findings);
  for (const kind of RECORD_KINDS) {
    const list = doc[kind];
    if (!Array.isArray(list)) continue;
    const records: unknown[] = [];
    (checked.records as Record<RecordKind, unknown[]>)[kind] = records;
    for (const [index, raw] of (list as unknown[]).entries()) {
      const value = checkValue(RECORD_SCHEMAS[kind], raw, file, [kind, index], findings).value as { id?: string } | undefined;
      if (isMapping(raw) && typeof raw.id === 'string' && value?.id === undefined) checked.ids.push([kind, index, raw.id]);
      if (value) {
        const entry = new PlacedRecord(kind, file, index, value);
        findPersonalDataIn(entry, checked.personalData, needsReaderForms(entry) ? await loadReaderForms() : undefined);
        measureReadabilityOf(entry, checked.readability);
      }
      records.push(value ?? null);
    }
  }
  return checked;
}

let readerForms: ReaderForms | undefined;

/** The forms of a text as a reader sees it (model/reader-text.ts, with marked): loaded for the first text that may read otherwise than written. */
export async function loadReaderForms(): Promise<ReaderForms> {
  return (readerForms ??= (await import('../model/reader-text.js')).readerForms);
}

/** Bytes → parsed YAML; undefined when the file could not be read as YAML (the findings say why). */
export async function parseRecordBytes(bytes: Uint8Array, file: string, findings: Finding[]): Promise<unknown> {
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
