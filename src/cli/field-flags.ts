import { ADDABLE_KINDS, type AddableName } from '../model/ids.js';
import type { Lang } from '../model/schema.js';
import { type AnyFieldSpec, choiceValues, flagOf, RECORD_FIELDS } from '../model/vocabulary.js';

/**
 * The flags of `add`, one per field of RECORD_FIELDS, with their help in `lang`: a field of every
 * kind says what it is; one of some kinds names them ("activity: …"), each with its own words
 * where they differ; a field from a fixed list lists its values.
 */
export function recordFieldFlags(lang: Lang): [flags: string, help: string][] {
  const uses = new Map<string, { name: AddableName; spec: AnyFieldSpec }[]>();
  for (const name of Object.keys(ADDABLE_KINDS) as AddableName[]) {
    for (const spec of RECORD_FIELDS[ADDABLE_KINDS[name]] as readonly AnyFieldSpec[]) {
      uses.set(spec.key, [...(uses.get(spec.key) ?? []), { name, spec }]);
    }
  }
  const kinds = Object.keys(ADDABLE_KINDS).length;
  return [...uses].map(([key, used]) => {
    const first = used[0]!.spec;
    const helpOf = ({ spec }: { spec: AnyFieldSpec }) =>
      spec.help[lang] + (spec.choices ? `: ${choiceValues(spec.choices).join(', ')}` : '');
    const sameWords = used.every((use) => helpOf(use) === helpOf(used[0]!));
    const help =
      used.length === kinds && sameWords
        ? helpOf(used[0]!)
        : sameWords
          ? `${used.map((u) => u.name).join(', ')}: ${helpOf(used[0]!)}`
          : used.map((use) => `${use.name}: ${helpOf(use)}`).join('; ');
    return [first.placeholder ? `${flagOf(key)} <${first.placeholder}>` : flagOf(key), help];
  });
}
