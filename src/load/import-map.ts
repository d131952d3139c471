import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import * as v from 'valibot';
import { accessError } from '../model/file-access-error.js';
import { headerKey, IMPORT_HEADERS, type ImportKind } from '../model/import-columns.js';

// The mapping file of `borgermode import --map` (docs/import.md, "A mapping file"): which field a
// column holds when its header is none borgermode knows, which columns to leave, and what a
// sheet's own words for a value mean. A mapping used once is kept in the project, by the header
// row it was made for (the import command writes it), and used again for a sheet with the same headers.

export interface ImportMap {
  kind?: ImportKind;
  /** Header (as headerKey compares it) → a field, `id` (the row's source id) or `ignore`. */
  columns: ReadonlyMap<string, string>;
  /** Field → the sheet's text (trimmed, any case) → the value. */
  values: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Where used mappings are kept, in the project. */
export const SAVED_MAPS_DIR = '.borgermode/import';

const MapSchema = v.strictObject({
  kind: v.optional(v.picklist(['incidents', 'activities', 'questions'])),
  columns: v.optional(v.record(v.string(), v.string()), {}),
  values: v.optional(v.record(v.string(), v.record(v.string(), v.union([v.string(), v.number()]))), {}),
});

/** A mapping file that is not YAML (`yaml`: the parser's words) or not a mapping's shape (`where`: the key). */
export class ImportMapError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly yaml?: string,
  ) {
    super(yaml ?? where);
    this.name = 'ImportMapError';
  }
}

/** Reads and checks a mapping file; `kind` is the import's (from --kind or the mapping itself). */
export async function readImportMap(path: string): Promise<{ map: ImportMap; text: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw accessError(error, path, 'file');
  }
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    throw new ImportMapError(path, '', (error as Error).message.split('\n')[0]);
  }
  const parsed = v.safeParse(MapSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ImportMapError(path, issue.path?.map((p) => String(p.key)).join('.') ?? '');
  }
  const { kind, columns, values } = parsed.output;
  const map: ImportMap = {
    ...(kind ? { kind } : {}),
    columns: new Map(Object.entries(columns).map(([header, field]) => [headerKey(header), field])),
    values: new Map(
      Object.entries(values).map(([field, table]) => [
        field,
        new Map(Object.entries(table).map(([from, to]) => [from.trim().toLocaleLowerCase('da'), String(to)])),
      ]),
    ),
  };
  return { map, text };
}

/** A mapping's fields are fields of the kind (or `id`, `ignore`): the first that is not, where it is and what it may be. */
export function mapProblem(map: ImportMap, kind: ImportKind): { where: string; found: string; expected: string[] } | undefined {
  const fields = Object.keys(IMPORT_HEADERS[kind]);
  for (const [header, field] of map.columns)
    if (!fields.includes(field) && field !== 'id' && field !== 'ignore')
      return { where: `columns.${header}`, found: field, expected: [...fields, 'id', 'ignore'] };
  for (const field of map.values.keys()) if (!fields.includes(field)) return { where: `values.${field}`, found: field, expected: fields };
  return undefined;
}

/** The name a mapping is kept under: the header row it was used for. */
export const headerSignature = (headers: readonly string[]): string =>
  createHash('sha256').update(headers.map(headerKey).join('\u0000')).digest('hex').slice(0, 16);

/** The mapping kept for a sheet with these headers, if one was used before. */
export async function savedImportMap(root: string, headers: readonly string[]): Promise<{ map: ImportMap; file: string } | undefined> {
  const file = `${SAVED_MAPS_DIR}/${headerSignature(headers)}.yaml`;
  try {
    return { map: (await readImportMap(join(root, file))).map, file };
  } catch {
    return undefined;
  }
}
