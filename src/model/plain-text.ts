// What record and settings text may hold (docs/data-format.md, "Text"): no control characters
// (a tab and a line break only in the fields that take several lines), no noncharacters or
// lone surrogates, and bidi embeddings, overrides and isolates only in balanced pairs, so a text
// can neither steer a terminal nor reorder what is printed after it. Marks that only set a
// direction (U+200E, U+200F, U+061C) need no partner and are fine.

// One precompiled test per string on the clean path: C0 but tab and line feed, DEL, C1,
// noncharacters, lone surrogates, and the bidi controls (which then get the slower balance check).
const SUSPECT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]|\p{Cs}/u;
const SUSPECT_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]|\p{Cs}/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** True when `text` is fine for a field of one line: no control character at all, bidi controls balanced. */
export const isPlainLine = (text: string): boolean => !SUSPECT_LINE.test(text) || textProblem(text, false) === undefined;

/** True when `text` is fine for a field of several lines: as isPlainLine, but tabs and line feeds are allowed. */
export const isPlainText = (text: string): boolean => !SUSPECT_LINES.test(text) || textProblem(text, true) === undefined;

/** What is wrong with a text: the first character it may not hold (1-based, in characters), or an unbalanced bidi control. */
export type TextProblem = { kind: 'control'; char: string; position: number } | { kind: 'bidi'; char: string; position: number };

/** The first problem of `text` (see isPlainLine / isPlainText), or undefined. */
export function textProblem(text: string, multiline: boolean): TextProblem | undefined {
  const suspect = multiline ? SUSPECT_LINES : SUSPECT_LINE;
  // Embeddings and overrides close with PDF (U+202C), isolates with PDI (U+2069), innermost first.
  const open: { char: string; position: number; isolate: boolean }[] = [];
  let position = 0;
  for (const char of text) {
    position++;
    if (!suspect.test(char)) continue;
    if (!BIDI.test(char)) return { kind: 'control', char: codePoint(char), position };
    const code = char.codePointAt(0)!;
    if (code === 0x202c || code === 0x2069) {
      const isolate = code === 0x2069;
      if (open.at(-1)?.isolate !== isolate) return { kind: 'bidi', char: codePoint(char), position };
      open.pop();
    } else {
      open.push({ char: codePoint(char), position, isolate: code >= 0x2066 });
    }
  }
  const unclosed = open.at(-1);
  return unclosed === undefined ? undefined : { kind: 'bidi', char: unclosed.char, position: unclosed.position };
}

/** "U+0007". */
const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The same rule as a JSON Schema pattern for the editor schemas (bidi balance is beyond a pattern). */
export const PLAIN_LINE_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f\\ufdd0-\\ufdef\\ufffe\\uffff]*$';
export const PLAIN_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\ufdd0-\\ufdef\\ufffe\\uffff]*$';
