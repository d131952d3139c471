import type { Dataset } from '../model/dataset.js';
import { RECORD_KINDS, SETTINGS_FILE } from '../model/schema.js';
import type { Finding, YamlPath } from '../model/finding.js';

/** Every string in a view model, at any depth. */
function stringsOf(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/**
 * The personal-data warnings of `validate` (rule `personal-data`) whose text a public view model
 * would publish, turned into errors: public output that shows such a field is refused.
 */
export function publishedPersonalData(view: unknown, findings: readonly Finding[], dataset: Dataset): Finding[] {
  return personalDataCheck(findings, dataset)(view);
}

/** The personal-data warnings of a dataset with the texts each flags: plain data, for a worker thread. */
export interface FlaggedTexts {
  finding: Finding;
  texts: string[];
}

/** The personal-data warnings among `findings`, each with the texts of `dataset` it flags. */
export function flaggedTexts(findings: readonly Finding[], dataset: Dataset): FlaggedTexts[] {
  const flagged = findings.filter((finding) => finding.code === 'personal-data');
  if (flagged.length === 0) return [];
  const byId = new Map<string, Record<string, unknown>>();
  for (const kind of RECORD_KINDS) for (const record of dataset[kind]) byId.set(record.id, record);
  return flagged.map((finding) => {
    // A text of borgermode.yaml is found by its path in the settings, a record's by its id and field.
    const value =
      finding.file === SETTINGS_FILE
        ? valueAt(dataset.settings, finding.path ?? [])
        : byId.get(finding.params.id as string)?.[finding.params.field as string];
    const texts = (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []).filter(
      (text): text is string => typeof text === 'string' && text !== '',
    );
    return { finding, texts };
  });
}

/**
 * publishedPersonalData for many views of one dataset (`build`): the flagged texts are looked up
 * once, and a project without personal-data warnings costs nothing per page. A flagged text is
 * published when the view holds it, a text of borgermode.yaml also when some string of the view
 * holds it (a label or a note may be part of a sentence).
 */
export function personalDataCheck(findings: readonly Finding[], dataset: Dataset): (view: unknown) => Finding[] {
  return flaggedTextsCheck(flaggedTexts(findings, dataset));
}

/** personalDataCheck of texts already looked up (flaggedTexts). */
export function flaggedTextsCheck(flagged: readonly FlaggedTexts[]): (view: unknown) => Finding[] {
  if (flagged.length === 0) return () => [];
  return (view) => {
    const published = stringsOf(view);
    let strings: string[] | undefined;
    // A record's text is in the view as it is; a setting's may be part of a sentence, so it is looked for inside every string.
    const shows = (finding: Finding, text: string) =>
      published.has(text) || (finding.file === SETTINGS_FILE && (strings ??= [...published]).some((string) => string.includes(text)));
    return flagged.flatMap(({ finding, texts }): Finding[] =>
      texts.some((text) => shows(finding, text)) ? [{ ...finding, severity: 'error', code: 'personal-data-refused' }] : [],
    );
  };
}

/** The value at `path` in `value`, if any. */
function valueAt(value: unknown, path: YamlPath): unknown {
  let here = value;
  for (const part of path) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, part)) return undefined;
    here = (here as Record<string | number, unknown>)[part];
  }
  return here;
}
