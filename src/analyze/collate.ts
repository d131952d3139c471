// Sort orders. ICU's collator costs ~13 ms the first time it is used in a process (its data is
// loaded then), which is a tenth of a brief's start-up. Dates and ids are machine text and sort by
// code point; text people wrote (partner names, survey measures) sorts the Danish way, by hand for
// the characters such names are made of and through ICU for anything else.

/** Code-point order: for ISO dates and record ids, the same on every machine. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Primary weights of Danish collation (ICU `da`, punctuation not ignored) for the characters the
// fast path knows, lower case and upper case alike; upper case sorts first when all else is equal.
// test/analyze/collate.test.ts compares compareDanish with localeCompare(…, 'da') on generated text.
const ORDER = ' _-\u2013,:.\'()/&0123456789abcdefghijklmnopqrstuvwxyzæøå';
const PRIMARY = new Map<string, number>();
for (const [rank, char] of [...ORDER].entries()) {
  PRIMARY.set(char, rank);
  if (char.toUpperCase() !== char) PRIMARY.set(char.toUpperCase(), rank);
}
// "aa" is å in Danish (Aarhus sorts after Zealand), and ICU reads an a before å as part of it: left to
// ICU. (å as an escape: the bundle stays ASCII, test/scripts/build.test.ts.)
const DOUBLE_A = /a[a\u00e5]/i;

/** Danish order (as `a.localeCompare(b, 'da')`, by sign). */
export function compareDanish(a: string, b: string): number {
  const fast = fastDanish(a, b);
  return fast ?? Math.sign(a.localeCompare(b, 'da'));
}

function fastDanish(a: string, b: string): number | undefined {
  if (DOUBLE_A.test(a) || DOUBLE_A.test(b)) return undefined;
  const weights = (text: string) => {
    const list: number[] = [];
    for (const char of text) {
      const weight = PRIMARY.get(char);
      if (weight === undefined) return undefined;
      list.push(weight);
    }
    return list;
  };
  const wa = weights(a);
  const wb = weights(b);
  if (!wa || !wb) return undefined;
  for (let i = 0; i < Math.min(wa.length, wb.length); i++) if (wa[i] !== wb[i]) return wa[i]! < wb[i]! ? -1 : 1;
  if (wa.length !== wb.length) return wa.length < wb.length ? -1 : 1;
  // Equal but for case: the first difference decides, upper case first.
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return a[i] === a[i]!.toUpperCase() ? -1 : 1;
  }
  return 0;
}
