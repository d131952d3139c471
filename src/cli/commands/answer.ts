import * as v from 'valibot';
import { todayIso } from '../../model/dates.js';
import { ANSWERED_STATUSES, isOpenQuestion, type Lang, QuestionSchema } from '../../model/schema.js';
import { messageText } from '../../model/messages.js';
import { closest } from '../../model/suggest.js';
import { ANSWER_FIELDS, ANSWER_STATUSES, choiceValues } from '../../model/vocabulary.js';
import { findRecord, type ProjectState, type RecordSummary } from '../../edit/project-state.js';
import { UnknownRecordError, updateQuestion } from '../../edit/record-edits.js';
import { rethrowInLang } from '../errors.js';
import { usageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { choiceName, cliText, listWords } from '../messages.js';
import { printMessage } from '../safe-text.js';
import type { ProjectOptions } from '../project.js';
import { canPrompt, promptsFor } from '../prompts.js';
import { askChoice, askValue, badFlag, checkDateFlag, choiceNames, namedValue, parseValue } from '../record-input.js';
import { openProject, printOutcome, settingsBroken } from '../record-command.js';

export interface AnswerOptions extends ProjectOptions {
  json?: boolean;
  text?: string;
  date?: string;
  status?: string;
  verdict?: string;
}

/** An answer dated before its question is refused where the date is typed, in the rule's words (load/rules.ts answer-before-question), not after every question is answered. */
const answeredCheck = (date: string | undefined, lang: Lang) => (value: unknown) =>
  typeof value === 'string' && date !== undefined && value < date
    ? messageText('answer-before-question', { answered: value, date }, lang)
    : undefined;

/** The statuses `answer` takes, in the order it offers them, by id or label. */
const OFFERED_STATUSES = ANSWER_STATUSES.map((id) => choiceNames('question_status').find((value) => value.id === id)!);

const entry = (key: 'answer' | 'answered' | 'status' | 'verdict'): v.GenericSchema => QuestionSchema.entries[key];

/** `borgermode answer QUESTION-ID`: records the answer, its date, the status and a rumour's verdict in the question itself. */
export async function answerCommand(io: Io, given: string | undefined, options: AnswerOptions): Promise<number> {
  const { world, state, lang } = await openProject(io, options);
  if (!state.settings) return settingsBroken(io, options, state, lang);
  const id = given ?? (await chooseOpenQuestion(io, state, lang));
  const found = findRecord(state, 'questions', id);
  if (!found) throw unknownQuestion(state, id, lang);
  const question = found.record;
  const { root, now } = world;
  const today = todayIso(now);

  // Flags first, each checked with its field's schema.
  const flag = (name: string, key: 'answer' | 'answered' | 'status' | 'verdict', raw: string | undefined) => {
    const value = parseValue(key === 'answered' ? 'date' : 'text', raw);
    if (typeof value === 'string' && (key === 'status' || key === 'verdict'))
      return namedValue(lang, name, value, key === 'status' ? OFFERED_STATUSES : choiceNames('verdict'));
    if (value !== undefined && !v.safeParse(entry(key), value).success) throw badFlag(lang, name, entry(key), value);
    return value as string | undefined;
  };
  let status = flag('--status', 'status', options.status);
  let text = flag('--text', 'answer', options.text);
  let date = flag('--date', 'answered', options.date);
  checkDateFlag(lang, '--date', date, today);
  // Before its question: a usage error naming the flag, as at the prompt, not a finding at a line of the file.
  const beforeQuestion = answeredCheck(question.date, lang)(date);
  if (beforeQuestion !== undefined) throw usageError(`--date: ${beforeQuestion}`);
  let verdict = flag('--verdict', 'verdict', options.verdict);

  if (canPrompt(io)) {
    const prompts = promptsFor(io, lang);
    // The question, unless it was just chosen from the list (which shows it).
    if (!options.quiet && given !== undefined) printMessage(io, `${id}: ${question.question ?? ''}`);
    status ??= await askChoice(prompts, lang, {
      message: ANSWER_FIELDS.status.prompt[lang],
      choices: ANSWER_STATUSES.map((s) => ({ value: s, name: choiceName(lang, 'question_status', s) })),
      default: 'answered',
    });
    text ??= (await askValue(prompts, lang, {
      message: ANSWER_FIELDS.answer.prompt[lang],
      type: 'text',
      schema: entry('answer'),
      required: ANSWERED_STATUSES.has(status!),
      default: question.answer,
    })) as string | undefined;
    if (text !== undefined && text !== question.answer)
      date ??= (await askValue(prompts, lang, {
        message: ANSWER_FIELDS.answered.prompt[lang],
        type: 'date',
        schema: entry('answered'),
        required: true,
        default: today,
        check: answeredCheck(question.date, lang),
      })) as string;
    if (question.rumour && verdict === undefined) {
      verdict = await askChoice(prompts, lang, {
        message: ANSWER_FIELDS.verdict.prompt[lang],
        choices: choiceValues('verdict').map((x) => ({ value: x, name: choiceName(lang, 'verdict', x) })),
        default: question.verdict,
        optional: true,
      });
    }
  } else {
    status ??= 'answered';
    if (ANSWERED_STATUSES.has(status) && text === undefined && question.answer === undefined) {
      throw usageError(
        cliText(lang, 'missing_values', { flags: listWords(lang, ['--text']), example: `borgermode answer ${id} --text "…"` }),
      );
    }
  }

  // A new answer is dated today unless a date was given; an unchanged one keeps its date.
  const fields: Record<string, unknown> = { status };
  if (text !== undefined && text !== question.answer) fields.answer = text;
  if (fields.answer !== undefined || date !== undefined) fields.answered = date ?? today;
  if (verdict !== undefined) fields.verdict = verdict;

  let result;
  try {
    result = await updateQuestion({ ...world, id, fields });
  } catch (error) {
    if (error instanceof UnknownRecordError) throw unknownQuestion(state, id, lang);
    rethrowInLang(error, lang);
  }
  return printOutcome(io, options, lang, root, result.findings, {
    ok: result.written,
    json: { id, file: result.file },
    done: cliText(lang, 'updated', { id, file: result.file }),
    refused: cliText(lang, 'answer_refused'),
    otherErrors: result.otherErrors,
  });
}

/**
 * The question to answer when no id is given: chosen on a terminal from the open questions, newest
 * first; in a script, or with none open, a usage error (naming the open ones).
 */
async function chooseOpenQuestion(io: Io, state: ProjectState, lang: Lang): Promise<string> {
  const open = state.files
    .flatMap((f) => f.records.questions ?? [])
    .filter((q): q is RecordSummary & { id: string } => q.id !== undefined && isOpenQuestion(q.status))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
  if (open.length === 0) throw usageError(cliText(lang, 'no_open_questions'));
  if (!canPrompt(io))
    throw usageError(
      cliText(lang, 'answer_needs_id', {
        ids: listWords(
          lang,
          open.slice(0, 5).map((q) => q.id),
        ),
      }),
    );
  const shown = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
  const chosen = await askChoice(promptsFor(io, lang), lang, {
    message: cliText(lang, 'choose_question'),
    choices: open.map((q) => ({ value: q.id, name: `${q.id}: ${shown((q.question ?? '').replace(/\s+/g, ' '))}` })),
  });
  return chosen!;
}

function unknownQuestion(state: ProjectState, id: string, lang: Lang): Error {
  const known = state.files.flatMap((f) => (f.records.questions ?? []).flatMap((q) => (q.id === undefined ? [] : [q.id])));
  const suggestion = closest(id, known);
  return usageError(
    cliText(lang, 'unknown_question', {
      id,
      suggestion: suggestion === undefined ? '' : cliText(lang, 'did_you_mean', { value: suggestion }),
    }),
  );
}
