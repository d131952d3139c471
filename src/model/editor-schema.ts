// Where a project keeps the JSON Schemas that editors read (written by `init` and `schema`), and
// the modeline that points a YAML file at one. The folder is hidden, so the loader skips it, and
// lives in the project, so editors work offline and the schemas travel with the records in git.

export const EDITOR_SCHEMA_DIR = '.borgermode/schema';
export const SETTINGS_SCHEMA_FILE = 'borgermode.schema.json';
export const RECORDS_SCHEMA_FILE = 'records.schema.json';

/** `# yaml-language-server: $schema=…` for the file `file` (relative to the root), pointing at `schemaFile` in the project's schema folder. */
export function modelineFor(file: string, schemaFile: string): string {
  const depth = file.split('/').length - 1;
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}${EDITOR_SCHEMA_DIR}/${schemaFile}`;
}
