import type { Lang } from '../model/schema.js';
import { closest } from '../model/suggest.js';

// Commander's own error lines, in Danish (the English ones are commander's, left as they are).
const DANISH_ERRORS: [RegExp, string][] = [
  [/^unknown option '(.*)'$/s, "ukendt flag '$1'"],
  [/^unknown command '(.*)'$/s, "ukendt kommando '$1'"],
  [/^missing required argument '(.*)'$/s, 'mangler argumentet <$1>'],
  [/^option '(.*)' argument missing$/s, "flaget '$1' mangler sin værdi"],
  [/^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, "ugyldig værdi '$2' til flaget '$1'; forventede en af $3"],
  [
    /^command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/s,
    "ugyldig værdi '$1' til <$2>; forventede en af $3",
  ],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
    'for mange argumenter: forventede højst $2, fik $3',
  ],
];

/** A bad choice of commander's ("… Allowed choices are a, b."): the value and the choices, for "mente du …?". */
const BAD_CHOICE = /(?:argument|value) '(.*)' is invalid(?: for argument '.*')?\. Allowed choices are (.*)\.$/s;

/**
 * A commander error message (without "error: ") in `lang`, with its "(Did you mean …?)"; a bad
 * choice gets the nearest choice as one (commander gives none).
 */
export function commanderError(message: string, suggestion: string | undefined, lang: Lang): { message: string; suggestion: string } {
  const choice = BAD_CHOICE.exec(message);
  const nearest = choice ? closest(choice[1]!, choice[2]!.split(', ')) : undefined;
  if (lang === 'en') return { message, suggestion: suggestion ?? (nearest ? `\n(Did you mean ${nearest}?)` : '') };
  const rule = DANISH_ERRORS.find(([pattern]) => pattern.test(message));
  const danish = rule ? message.replace(rule[0], rule[1]) : message;
  const hint = suggestion?.replace(/^\n\(Did you mean (.*)\?\)$/s, '\n(mente du $1?)') ?? (nearest ? `\n(mente du ${nearest}?)` : '');
  return { message: danish, suggestion: hint };
}
