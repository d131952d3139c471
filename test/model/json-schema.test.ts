import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// ajv comes with html-validate (a devDependency); package.json should name it itself.
import { Ajv } from 'ajv';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { editorSchemaFiles, recordFileJsonSchema, settingsJsonSchema } from '../../src/model/json-schema.js';

// The editor schemas: generated from src/model/schema.ts, committed in schemas/, and as strict
// as `validate` where JSON Schema can say it.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const readYaml = (path: string): unknown => jsYaml.load(readFileSync(path, 'utf8'), { schema: jsYaml.CORE_SCHEMA });

function yamlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path, `${prefix}${name}/`);
    return /\.ya?ml$/.test(name) ? [`${prefix}${name}`] : [];
  });
}

const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
const validateRecords = ajv.compile(recordFileJsonSchema());
const validateSettings = ajv.compile(settingsJsonSchema());

describe('the editor JSON Schemas', () => {
  it.each(editorSchemaFiles().map((f) => [f.name, f.text]))(
    'schemas/%s is in step with src/model/schema.ts (regenerate: borgermode schema --out schemas)',
    (name, text) => {
      expect(readFileSync(join(ROOT, 'schemas', name), 'utf8')).toBe(text);
    },
  );

  it('are draft-07, closed to unknown fields, and describe each field in English', () => {
    const records = recordFileJsonSchema() as {
      $schema: string;
      additionalProperties: boolean;
      definitions: Record<string, { additionalProperties: boolean; properties: Record<string, { description?: string }> }>;
    };
    expect(records.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(records.additionalProperties).toBe(false);
    for (const definition of Object.values(records.definitions)) {
      expect(definition.additionalProperties).toBe(false);
      expect(definition.properties.id!.description).toMatch(/^an id of letters/);
    }
    expect(records.definitions.incident!.properties.date!.description).toBe('a valid date written YYYY-MM-DD, e.g. 2020-03-31');
  });

  const sample = yamlFiles(join(ROOT, 'data')).filter((f) => f !== 'borgermode.yaml');
  it.each(sample)('accept the bundled sample file data/%s', (file) => {
    expect(validateRecords(readYaml(join(ROOT, 'data', file))), JSON.stringify(validateRecords.errors)).toBe(true);
  });

  it('accept the bundled sample settings and an empty value standing for an absent field', () => {
    expect(validateSettings(readYaml(join(ROOT, 'data', 'borgermode.yaml'))), JSON.stringify(validateSettings.errors)).toBe(true);
    expect(validateRecords({ incidents: [{ id: 'a', date: '2020-01-01', category: 'theft', summary: null }], questions: null })).toBe(true);
  });

  it.each([
    ['a misspelt field', { incidents: [{ id: 'a', date: '2020-01-01', catgory: 'theft' }] }, 'additionalProperties'],
    ['a misspelt kind', { incident: [] }, 'additionalProperties'],
    ['a missing required field', { activities: [{ id: 'a', date: '2020-01-01', kind: 'patrol' }] }, 'required'],
    ['a count that is not a whole number', { incidents: [{ id: 'a', date: '2020-01-01', category: 'theft', count: 'many' }] }, 'type'],
    ['a value not in the list', { incidents: [{ id: 'a', date: '2020-01-01', category: 'theft', source: 'rumour' }] }, 'enum'],
    ['a date in another shape', { meetings: [{ id: 'a', date: '31-01-2020' }] }, 'pattern'],
    ['a time without its colon', { meetings: [{ id: 'a', date: '2020-01-31', time: '1900' }] }, 'pattern'],
  ])('reject %s', (_name, data, keyword) => {
    expect(validateRecords(data)).toBe(false);
    expect(validateRecords.errors!.map((e) => e.keyword)).toContain(keyword);
  });

  it('reject settings without areas and with an unknown key', () => {
    expect(validateSettings({ areas: [] })).toBe(false);
    expect(validateSettings({ areas: [{ id: 'a', name: 'A' }], privacy: { min_count: 5, minimum: 3 } })).toBe(false);
  });
});
