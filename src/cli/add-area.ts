import * as v from 'valibot';
import type { EditWorld } from '../edit/check-change.js';
import type { ProjectState } from '../edit/project-state.js';
import { addArea, recordsWithoutArea } from '../edit/record-edits.js';
import { areaIdOf } from '../model/area-id.js';
import { AreaSchema, type Lang, type Settings } from '../model/schema.js';
import { optionOf } from '../model/vocabulary.js';
import { rethrowInLang } from './errors.js';
import { CliError, usageError } from './exit-codes.js';
import type { Io } from './io.js';
import { cliText, listWords } from './messages.js';
import type { ProjectOptions } from './project.js';
import type { Prompts } from './prompts.js';
import { printOutcome } from './record-command.js';
import { askValue, badFlag, checkOneLineFlag, parseValue } from './record-input.js';
import { formatNumber } from '../render/format.js';

// `borgermode add area` (docs/data-entry.md, "add area"): a new area appended to the areas of
// borgermode.yaml, its comments and layout kept. In a project of one area, the records that name
// no area belong to it; with two they must say which, so each is given the first area's id in
// the same turn (asked on a terminal, --fill-area in a script).

export interface AreaOptions extends ProjectOptions {
  json?: boolean;
  name?: string;
  id?: string;
  municipality?: string;
  policeDistrict?: string;
  residents?: string;
  zones?: string;
  fillArea?: boolean;
}

/** The fields whose flags only `add area` takes (besides --residents, which a list status takes too). */
export const AREA_ONLY_FIELDS = ['name', 'id', 'municipality', 'police_district', 'zones', 'fill_area'] as const;

const AREA_FIELDS = [
  { key: 'name', flag: '--name', type: 'text', prompt: 'ask_area_name' },
  { key: 'id', flag: '--id', type: 'text', prompt: 'ask_area_id' },
  { key: 'municipality', flag: '--municipality', type: 'text', prompt: 'ask_municipality' },
  { key: 'police_district', flag: '--police-district', type: 'text', prompt: 'ask_police_district' },
  { key: 'residents', flag: '--residents', type: 'whole', prompt: 'ask_residents' },
  { key: 'zones', flag: '--zones', type: 'list', prompt: 'ask_zones' },
] as const;

type AreaKey = (typeof AREA_FIELDS)[number]['key'];
const schemaOf = (key: AreaKey): v.GenericSchema => AreaSchema.entries[key];

export async function addAreaCommand(
  io: Io,
  options: AreaOptions,
  context: { world: Required<EditWorld>; state: ProjectState; settings: Settings; lang: Lang; prompts: Prompts | undefined },
): Promise<number> {
  const { world, state, settings, lang, prompts } = context;
  const taken = new Set(settings.areas.map((a) => a.id));
  const values: Partial<Record<AreaKey, unknown>> = {};
  // Every flag checked with its field's schema before anything is asked or read.
  for (const { key, flag, type } of AREA_FIELDS) {
    const value = parseValue(type, options[optionOf(key)]);
    if (value === undefined) continue;
    if (!v.safeParse(schemaOf(key), value).success) throw badFlag(lang, flag, schemaOf(key), value);
    checkOneLineFlag(lang, flag, schemaOf(key), value);
    values[key] = value;
  }
  const idTaken = (id: unknown) => (typeof id === 'string' && taken.has(id) ? cliText(lang, 'area_exists', { id }) : undefined);
  const first = settings.areas[0]!;
  if (prompts) {
    const ask = async (key: AreaKey, required: boolean, defaultValue?: string, check?: (value: unknown) => string | undefined) => {
      if (values[key] !== undefined) return;
      const field = AREA_FIELDS.find((f) => f.key === key)!;
      const answer = await askValue(prompts, lang, {
        message: cliText(lang, field.prompt),
        type: field.type,
        schema: schemaOf(key),
        required,
        ...(defaultValue === undefined ? {} : { default: defaultValue }),
        ...(check ? { check } : {}),
      });
      if (answer !== undefined) values[key] = answer;
    };
    await ask('name', true);
    // The id is checked where it is typed: an area's id is unique.
    await ask('id', true, areaIdOf(String(values.name)), idTaken);
    await ask('municipality', false, first.municipality);
    await ask('police_district', false, first.police_district);
    await ask('residents', false);
    await ask('zones', false);
  } else if (values.name === undefined) {
    throw usageError(
      cliText(lang, 'missing_values', { flags: listWords(lang, ['--name']), example: 'borgermode add area --name "Nordparken"' }),
    );
  }
  const id = (values.id as string | undefined) ?? areaIdOf(String(values.name));
  const exists = idTaken(id);
  if (exists) throw new CliError(`${exists}; ${cliText(lang, 'nothing_written')}`, 'edit');

  // A one-area project's records without an area: said and agreed to before anything is written.
  const unassigned = settings.areas.length === 1 ? recordsWithoutArea(state) : [];
  const records = unassigned.reduce((sum, u) => sum + u.indices.length, 0);
  const files = new Set(unassigned.map((u) => u.file)).size;
  let fill = options.fillArea ?? false;
  if (prompts && records > 0 && !fill) {
    fill = await prompts.confirm({
      message: cliText(lang, 'ask_fill_area', { records: formatNumber(records, lang), files: formatNumber(files, lang), id: first.id }),
      default: true,
    });
    if (!fill) throw new CliError(cliText(lang, 'fill_area_declined', { id: first.id }), 'edit');
  }

  const area = {
    id,
    ...Object.fromEntries(AREA_FIELDS.flatMap(({ key }) => (key === 'id' || values[key] === undefined ? [] : [[key, values[key]]]))),
  };
  let result;
  try {
    result = await addArea({ ...world, area, fillArea: fill });
  } catch (error) {
    rethrowInLang(error, lang);
  }
  if (result.unassigned)
    throw new CliError(
      cliText(lang, 'fill_area_needed', {
        records: formatNumber(result.unassigned.records, lang),
        files: formatNumber(result.unassigned.files.length, lang),
        id: first.id,
      }),
      'edit',
    );
  const filled = result.filled.records;
  return printOutcome(io, options, lang, world.root, result.findings, {
    ok: result.written,
    json: { id, file: result.file, filled: { records: filled, files: result.filled.files } },
    done:
      cliText(lang, 'area_added', { id, file: result.file }) +
      (filled > 0
        ? cliText(lang, 'area_filled', {
            records: formatNumber(filled, lang),
            files: formatNumber(result.filled.files.length, lang),
            id: first.id,
          })
        : ''),
    refused: cliText(lang, 'add_refused'),
    otherErrors: result.otherErrors,
  });
}
