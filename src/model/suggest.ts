import { distance } from 'fastest-levenshtein';

/** The candidate closest to `input`, when it is close enough to be a likely typo. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const list = [...candidates];
  // A typed prefix of exactly one candidate ("vaerebro" → "vaerebro-park") is a likely hit too.
  const prefixed = needle.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(needle)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const allowed = Math.max(2, Math.floor(needle.length / 3));
  return bestDistance <= allowed ? best : undefined;
}
