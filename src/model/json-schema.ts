import { type JsonSchema, toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { isIsoDate } from './dates.js';
import { RECORDS_SCHEMA_FILE, SETTINGS_SCHEMA_FILE } from './editor-schema.js';
import { type ExpectKey, expectationText } from './messages.js';
import { isPlainLine, isPlainText, PLAIN_LINE_PATTERN, PLAIN_TEXT_PATTERN } from './plain-text.js';
import {
  ActivitySchema,
  IncidentSchema,
  ListStatusSchema,
  MeetingSchema,
  PrioritySchema,
  QuestionSchema,
  RecordFileSchema,
  SettingsSchema,
  SurveySchema,
} from './schema.js';

// The JSON Schemas (draft-07) that YAML editors read, generated from the same valibot schemas as
// the checks, so an editor underlines what `validate` would report. What they cannot say (ids
// that must exist, unique ids, zones of the area) is left to `validate`. Committed copies live in
// schemas/; test/model/json-schema.test.ts keeps them in step with this code.

/** A real calendar date is checked by code; the editor gets the shape. */
const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

const RECORD_DEFINITIONS = {
  incident: IncidentSchema,
  activity: ActivitySchema,
  question: QuestionSchema,
  meeting: MeetingSchema,
  priority: PrioritySchema,
  survey: SurveySchema,
  list_status: ListStatusSchema,
};

const KIND_DESCRIPTIONS: Record<string, string> = {
  incidents: 'What happened: police registrations, or counts from them, and observations.',
  activities: 'What we did: prevention work.',
  questions: 'What residents asked, and rumours to be checked.',
  meetings: 'The borgermøder themselves.',
  priorities: 'What police and residents agreed to focus on (at most 3 active per area).',
  surveys: 'Tryghed figures from a national or local survey.',
  list_status: 'The government lists of housing areas, published each 1 December.',
};

/** The JSON Schema of a record file (any *.yaml below the project root but borgermode.yaml). */
export function recordFileJsonSchema(): JsonSchema {
  const schema = draft07Definitions(convert(RecordFileSchema, RECORD_DEFINITIONS));
  for (const [kind, property] of Object.entries(schema.properties ?? {})) {
    if (typeof property === 'object') property.description = KIND_DESCRIPTIONS[kind];
  }
  return {
    $schema: schema.$schema,
    title: 'borgermode record file',
    description: 'Records of a borgermode data project: each top-level key is a record kind holding a list of records.',
    ...withoutSchemaKey(schema),
  };
}

/** The JSON Schema of borgermode.yaml, the project settings. */
export function settingsJsonSchema(): JsonSchema {
  const schema = convert(SettingsSchema, {});
  return {
    $schema: schema.$schema,
    title: 'borgermode.yaml',
    description: 'The settings of a borgermode data project: its areas, categories, privacy threshold, meeting place and contacts.',
    ...withoutSchemaKey(schema),
  };
}

/** The files `borgermode schema` and `init` write: name and JSON text. */
export function editorSchemaFiles(): { name: string; text: string }[] {
  return [
    { name: SETTINGS_SCHEMA_FILE, text: `${JSON.stringify(settingsJsonSchema(), null, 2)}\n` },
    { name: RECORDS_SCHEMA_FILE, text: `${JSON.stringify(recordFileJsonSchema(), null, 2)}\n` },
  ];
}

function convert(schema: v.GenericSchema, definitions: Record<string, v.GenericSchema>): JsonSchema {
  return toJsonSchema(schema, {
    target: 'draft-07',
    errorMode: 'throw',
    definitions,
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const action = valibotAction as {
        type: string;
        metadata?: { expect?: ExpectKey; min?: number; max?: number };
        requirement?: unknown;
      };
      if (action.type === 'metadata' && action.metadata?.expect) {
        // The checks' own words for what a field expects; the keys themselves are not JSON Schema.
        const {
          expect: _expect,
          min: _min,
          max: _max,
          ...rest
        } = jsonSchema as JsonSchema & { expect?: unknown; min?: unknown; max?: unknown };
        const { expect, min, max } = action.metadata;
        return {
          ...rest,
          description: expectationText(min === undefined ? { expect } : max === undefined ? { expect, min } : { expect, min, max }, 'en'),
        };
      }
      if (action.type === 'check' && action.requirement === isIsoDate) return { ...jsonSchema, pattern: DATE_PATTERN };
      // Text without control characters; the balance of bidi controls is beyond a pattern (validate checks it).
      if (action.type === 'check' && action.requirement === isPlainLine) return { ...jsonSchema, pattern: PLAIN_LINE_PATTERN };
      if (action.type === 'check' && action.requirement === isPlainText) return { ...jsonSchema, pattern: PLAIN_TEXT_PATTERN };
      return undefined;
    },
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const schema = valibotSchema as { type: string; options?: readonly string[] };
      if (schema.type === 'picklist' && schema.options)
        return { ...jsonSchema, description: expectationText({ oneOf: schema.options }, 'en') };
      // The loader reads an empty value (`summary:`) as an absent field, so an optional field may be null.
      if (schema.type === 'optional') return nullable(jsonSchema);
      return undefined;
    },
  });
}

function nullable(schema: JsonSchema): JsonSchema {
  const { default: fallback, description, ...rest } = schema;
  const tail = { ...(description === undefined ? {} : { description }), ...(fallback === undefined ? {} : { default: fallback }) };
  if (typeof rest.type === 'string' && rest.enum) return { ...rest, enum: [...rest.enum, null], type: [rest.type, 'null'], ...tail };
  if (typeof rest.type === 'string') return { ...rest, type: [rest.type, 'null'], ...tail };
  return {
    ...(description === undefined ? {} : { description }),
    anyOf: [rest, { type: 'null' }],
    ...(fallback === undefined ? {} : { default: fallback }),
  };
}

/** Draft-07 keeps shared parts under `definitions` (`$defs` came with 2019-09); the converter writes `$defs`. */
function draft07Definitions(schema: JsonSchema): JsonSchema {
  const { $defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if ($defs === undefined) return schema;
  const text = JSON.stringify({ ...rest, definitions: $defs }).replaceAll('"#/$defs/', '"#/definitions/');
  return JSON.parse(text) as JsonSchema;
}

function withoutSchemaKey(schema: JsonSchema): JsonSchema {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
