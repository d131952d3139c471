import * as v from 'valibot';
import { todayIso } from '../../model/dates.js';
import { formatQuarter, quarterOf } from '../../model/quarters.js';
import { ADDABLE_KINDS, type AddableKind, type AddableName } from '../../model/ids.js';
import { type Area, isOpenQuestion, type Lang, MAX_ACTIVE_PRIORITIES, type Settings } from '../../model/schema.js';
import {
  type AnyFieldSpec,
  type ChoiceName,
  choiceValues,
  type FieldOptions,
  flagOf,
  optionOf,
  RECORD_FIELDS,
} from '../../model/vocabulary.js';
import type { ProjectState } from '../../edit/project-state.js';
import { addRecord } from '../../edit/record-edits.js';
import { rethrowInLang } from '../errors.js';
import { CliError, usageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { choiceName, cliText, listWords } from '../messages.js';
import type { ProjectOptions } from '../project.js';
import { openProject, printOutcome, settingsBroken } from '../record-command.js';
import { currentArea, fieldsOf, isRequired, namesOf, recordOf, schemaOf } from '../record-values.js';
import { AREA_ONLY_FIELDS, addAreaCommand, type AreaOptions } from '../add-area.js';
import { canPrompt, type Prompts, promptsFor } from '../prompts.js';
import { askChoice, askValue, badFlag, checkDateFlag, namedValue, parseValue } from '../record-input.js';

/** The options of `add`: one flag per field of RECORD_FIELDS (FieldOptions), plus the common ones. */
export interface AddOptions extends ProjectOptions, FieldOptions, Omit<AreaOptions, keyof FieldOptions> {
  json?: boolean;
}

const ALL_KEYS = [...new Set(Object.values(RECORD_FIELDS).flatMap((fields: readonly AnyFieldSpec[]) => fields.map((f) => f.key)))];

/** `borgermode add KIND`: one record, from flags and (on a terminal) answers; appended where it belongs. */
export async function addCommand(io: Io, kindName: string | undefined, options: AddOptions): Promise<number> {
  // Without a terminal nothing is asked: the records are read once, under the lock.
  const interactive = canPrompt(io);
  const { world, state, lang } = await openProject(io, options, { records: interactive });
  if (!state.settings) return settingsBroken(io, options, state, lang);
  const settings = state.settings;
  const prompts = interactive ? promptsFor(io, lang) : undefined;

  let chosen = kindName as AddableName | 'area' | undefined;
  if (chosen === undefined) {
    if (!prompts) throw usageError(cliText(lang, 'missing_kind'));
    chosen = await prompts.select({
      message: cliText(lang, 'ask_kind'),
      choices: [...(Object.keys(ADDABLE_KINDS) as AddableName[]), 'area' as const].map((value) => ({
        value,
        name: choiceName(lang, 'kind', value),
      })),
    });
  }
  // Commander gives the flags of an area as texts (and --fill-area as true), as AreaOptions says.
  if (chosen === 'area') return addAreaCommand(io, options as AreaOptions, { world, state, settings, lang, prompts });
  const name = chosen;
  const kind = ADDABLE_KINDS[name];
  const { root, now } = world;
  const values = readFlags(kind, name, options, lang, state);
  checkDateFlag(lang, '--date', values.date, todayIso(now));
  if (prompts) {
    await askMissing({ kind, values, prompts, lang, settings, state, today: todayIso(now) });
  } else {
    const missing = fieldsOf(kind).filter((f) => values[f.key] === undefined && isRequired(kind, f.key, settings));
    if (missing.length > 0)
      throw missingFlags(
        lang,
        name,
        missing.map((f) => f.key),
        settings,
      );
  }

  const record = recordOf(kind, values, settings);
  let result;
  try {
    result = await addRecord({ ...world, kind, record });
  } catch (error) {
    rethrowInLang(error, lang);
  }
  return printOutcome(io, options, lang, root, result.findings, {
    ok: result.written,
    json: { id: result.id, file: result.file, created: result.created },
    done: cliText(lang, result.created ? 'added_new_file' : 'added', { id: result.id, file: result.file }),
    refused: cliText(lang, 'add_refused'),
    otherErrors: result.otherErrors,
  });
}

/**
 * The values the flags give, each checked with its field's schema before any record file is
 * considered: a value from a list (a fixed list, the project's categories, its areas, the area's
 * zones) by its id or a label, in any case; a flag of another kind is a usage error.
 */
function readFlags(kind: AddableKind, name: AddableName, options: AddOptions, lang: Lang, state: ProjectState): Record<string, unknown> {
  const fields = fieldsOf(kind);
  const values: Record<string, unknown> = {};
  const areaFlag = AREA_ONLY_FIELDS.find((key) => options[optionOf(key)] !== undefined);
  if (areaFlag)
    throw usageError(
      cliText(lang, 'flag_not_for_kind', { flag: flagOf(areaFlag), kind: name, flags: fields.map((f) => flagOf(f.key)).join(', ') }),
    );
  for (const key of ALL_KEYS) {
    const raw = options[optionOf(key)];
    if (raw === undefined) continue;
    const spec = fields.find((f) => f.key === key);
    if (!spec)
      throw usageError(
        cliText(lang, 'flag_not_for_kind', { flag: flagOf(key), kind: name, flags: fields.map((f) => flagOf(f.key)).join(', ') }),
      );
    let value = parseValue(spec.type, raw);
    if (value === undefined) continue;
    const named = typeof value === 'string' ? namesOf(spec, state, values) : undefined;
    if (named) value = namedValue(lang, flagOf(key), value as string, named);
    if (!v.safeParse(schemaOf(kind, key), value).success) throw badFlag(lang, flagOf(key), schemaOf(kind, key), value);
    values[key] = value;
  }
  return values;
}

function missingFlags(lang: Lang, name: AddableName, keys: string[], settings: Settings): Error {
  const examples: Record<string, string> = {
    area: settings.areas[0]!.id,
    date: '2020-01-31',
    category: 'theft',
    kind: 'patrol',
    title: '"Aftenpatrulje ved Centret"',
    question: '"Hvornår kommer der lys på stien?"',
    from: '2020-Q1',
    year: '2020',
    level: 'area',
    measure: 'safe_share',
    value: '78',
    source: '"Tryghedsundersøgelsen 2020"',
  };
  const example = `borgermode add ${name} ${keys.map((key) => `${flagOf(key)} ${examples[key] ?? '…'}`).join(' ')}`;
  return usageError(cliText(lang, 'missing_values', { flags: listWords(lang, keys.map(flagOf)), example }));
}

interface AskContext {
  kind: AddableKind;
  values: Record<string, unknown>;
  prompts: Prompts;
  lang: Lang;
  settings: Settings;
  state: ProjectState;
  today: string;
}

/** Asks, in order, for each field no flag gave; choices and defaults come from the project. */
async function askMissing(ctx: AskContext): Promise<void> {
  for (const spec of fieldsOf(ctx.kind)) {
    if (!spec.asked || ctx.values[spec.key] !== undefined) continue;
    const value = await askField(ctx, spec);
    if (value !== undefined) ctx.values[spec.key] = value;
  }
}

async function askField(ctx: AskContext, spec: AnyFieldSpec): Promise<unknown> {
  const { kind, values, prompts, lang, settings, state, today } = ctx;
  const schema = schemaOf(kind, spec.key);
  const required = isRequired(kind, spec.key, settings);
  const message = spec.prompt[lang];
  const text = (defaultValue?: string) => askValue(prompts, lang, { message, type: spec.type, schema, required, default: defaultValue });
  const fromList = (name: ChoiceName, defaultValue?: string) =>
    askChoice(prompts, lang, {
      message,
      choices: choiceValues(name).map((value) => ({ value, name: choiceName(lang, name, value) })),
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
    });
  const area = currentArea(settings, values);
  switch (spec.key) {
    case 'area':
      if (settings.areas.length === 1) return undefined;
      return askChoice(prompts, lang, { message, choices: settings.areas.map((a) => ({ value: a.id, name: `${a.name} (${a.id})` })) });
    case 'date':
      return text(today);
    case 'title':
      if (kind === 'priorities' && values.status === undefined) refuseFullPriorities(ctx, area);
      return text();
    case 'category':
      return askChoice(prompts, lang, {
        message,
        choices: state.categories.map((c) => ({ value: c.id, name: `${c.labels[lang]} (${c.id})` })),
      });
    case 'count':
      return text('1');
    case 'zone':
      if (!area.zones || area.zones.length === 0) return text();
      return askChoice(prompts, lang, { message, choices: area.zones.map((z) => ({ value: z, name: z })), optional: true });
    case 'source':
    case 'owner':
      // A survey's source is a text: the survey and its year.
      return spec.choices ? fromList(spec.choices, 'police') : text();
    case 'status':
      // An activity dated after today is planned, not done; a list status has no default.
      if (kind !== 'activities') return fromList(spec.choices!);
      return fromList(spec.choices!, (typeof values.date === 'string' ? values.date : today) > today ? 'planned' : 'done');
    case 'from':
      return text(formatQuarter(quarterOf(today)));
    case 'year':
      // The list of 1 December is of its own year; a survey's figures are mostly last year's.
      return text(kind === 'list_status' ? today.slice(0, 4) : String(Number(today.slice(0, 4)) - 1));
    case 'level':
      return fromList(spec.choices!, 'area');
    case 'focus_area':
      // Optional: most activities serve one, some none.
      return askChoice(prompts, lang, {
        message,
        choices: choiceValues('focus_area').map((value) => ({ value, name: choiceName(lang, 'focus_area', value) })),
        optional: true,
      });
    case 'measure':
      return text('safe_share');
    case 'answers': {
      const open = openQuestions(state, area, settings);
      if (open.length === 0) return undefined;
      const chosen = await prompts.checkbox({ message, choices: open.map((q) => ({ value: q.id, name: `${q.id}: ${q.question ?? ''}` })) });
      return chosen.length === 0 ? undefined : chosen;
    }
    case 'meeting': {
      // A question is raised at a meeting on or before its date (today unless given): never a later one.
      const asked = typeof values.date === 'string' ? values.date : today;
      const meetings = state.files
        .flatMap((f) => f.records.meetings ?? [])
        .filter(
          (m): m is typeof m & { id: string } =>
            m.id !== undefined && (m.area ?? settings.areas[0]!.id) === area.id && (m.date === undefined || m.date <= asked),
        );
      if (meetings.length === 0) return undefined;
      meetings.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : -1));
      const sameDay = meetings.find((m) => m.date === values.date);
      return askChoice(prompts, lang, {
        message,
        choices: meetings.map((m) => ({ value: m.id, name: `${m.date ?? ''} (${m.id})` })),
        optional: true,
        default: sameDay?.id,
      });
    }
    case 'rumour':
      return (await prompts.confirm({ message, default: false })) || undefined;
    case 'place':
      return text(settings.meeting.place);
    default:
      return spec.choices ? fromList(spec.choices) : text();
  }
}

/**
 * An area with its active priorities at the limit takes no new active one: said before the
 * priority is typed, not after (nothing typed is thrown away), with the ones to close first.
 */
function refuseFullPriorities({ state, settings, lang }: AskContext, area: Area): void {
  const active = state.files
    .flatMap((f) => f.records.priorities ?? [])
    .filter((p) => (p.status ?? 'active') === 'active' && (p.area ?? settings.areas[0]!.id) === area.id && p.id !== undefined);
  if (active.length < MAX_ACTIVE_PRIORITIES) return;
  throw new CliError(
    cliText(lang, 'priorities_full', {
      area: area.id,
      count: String(active.length),
      max: String(MAX_ACTIVE_PRIORITIES),
      ids: active.map((p) => p.id).join(', '),
    }),
    'edit',
  );
}

function openQuestions(state: ProjectState, area: Area, settings: Settings): { id: string; question?: string }[] {
  return state.files
    .flatMap((f) => f.records.questions ?? [])
    .filter(
      (q): q is typeof q & { id: string } =>
        q.id !== undefined && isOpenQuestion(q.status) && (q.area ?? settings.areas[0]!.id) === area.id,
    );
}
