// Sort orders. Dates and ids are machine text and sort by code point; text people wrote (partner
// names, survey measures) sorts the Danish way, through ICU's collator.

/** Code-point order: for ISO dates and record ids, the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// One collator for the process, made on first use: its data is loaded then (a few ms), and a
// command that sorts no names never pays for it.
let danish: Intl.Collator | undefined;

/** Danish order (æ, ø, å after z; "aa" as å; upper case first when all else is equal): -1, 0 or 1. */
export function compareDanish(a: string, b: string): number {
  danish ??= new Intl.Collator('da');
  return Math.sign(danish.compare(a, b));
}
