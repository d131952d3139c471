// LIX, the readability index used for Danish (Björnsson): the words per sentence plus the share of
// long words (more than six letters) in per cent. Below 35 is easy to read, 35–44 average for
// the public, 45–54 hard (factual prose, newspapers), 55 and above very hard (docs/data-format.md#readability).

/** The fewest words a text needs for its LIX to say anything: a short text's index is mostly chance. */
export const LIX_MIN_WORDS = 20;

export interface Lix {
  /** The index, rounded to a whole number. */
  lix: number;
  words: number;
  sentences: number;
}

/**
 * The LIX of a text: a word is a run of letters and digits (with the dots, commas and dashes
 * inside it: "3.2.2020", "1.234" and "1-4" are one word each), long when it has more than six
 * letters; a sentence ends at ".", ":", "!" or "?" followed by a space or the end, and a text
 * without such an end is one sentence.
 */
export function lix(text: string): Lix {
  const words = text.match(/[\p{L}\p{N}]+(?:[.,:/-][\p{L}\p{N}]+)*/gu) ?? [];
  const sentences = Math.max(1, (text.match(/[.:!?]+(?=\s|$)/g) ?? []).length);
  const long = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length > 6).length;
  const index = words.length === 0 ? 0 : words.length / sentences + (long * 100) / words.length;
  return { lix: Math.round(index), words: words.length, sentences };
}
