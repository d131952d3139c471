import { distance } from 'fastest-levenshtein';

/** The candidate closest to `input`, when it is close enough to be a likely typo. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  return closestOf(input, [...candidates], (candidate) => [candidate]);
}

/**
 * The item one of whose names is closest to `input`, when close enough to be a likely typo: an
 * item may have several names (a value's id and its labels), and a typed prefix of the names of
 * exactly one item ("vaerebro" → "vaerebro-park", "school" → school_visit) is a likely hit too.
 */
export function closestOf<T>(input: string, items: readonly T[], namesOf: (item: T) => readonly string[]): T | undefined {
  const needle = input.toLowerCase();
  const prefixed = needle.length >= 3 ? items.filter((item) => namesOf(item).some((name) => name.toLowerCase().startsWith(needle))) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    for (const name of namesOf(item)) {
      const d = distance(needle, name.toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [item, d];
    }
  }
  const allowed = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= allowed ? best : undefined;
}
