import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import jsYaml from 'js-yaml';

// What the generated test projects (mixed-project.ts, small-area-project.ts) share: a seeded
// random source, so a project is the same bytes every run, and a writer of YAML files.

/** A seeded random source in [0, 1) (a linear congruential generator) and a pick from a list with it. */
export function seededRandom(seed: number): { random: () => number; pick: <T>(list: readonly T[]) => T } {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { random, pick: (list) => list[Math.floor(random() * list.length)]! };
}

/** Writes `data` as YAML to `path` below `dir` (folders made), with an optional comment line first. */
export const yamlWriter =
  (dir: string) =>
  (path: string, data: unknown, head?: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    const text = jsYaml.dump(data, { schema: jsYaml.CORE_SCHEMA, lineWidth: -1, noRefs: true });
    writeFileSync(join(dir, path), head ? `# ${head}\n${text}` : text);
  };
