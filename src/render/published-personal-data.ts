import type { Dataset } from '../load/dataset.js';
import type { Finding } from '../model/finding.js';
import { RECORD_KINDS } from '../model/schema.js';

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
  const published = stringsOf(view);
  const byId = new Map<string, Record<string, unknown>>();
  for (const kind of RECORD_KINDS) for (const record of dataset[kind]) byId.set(record.id, record as Record<string, unknown>);
  return findings.flatMap((finding): Finding[] => {
    if (finding.code !== 'personal-data') return [];
    const value = byId.get(String(finding.params.id))?.[String(finding.params.field)];
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    return texts.some((text) => typeof text === 'string' && published.has(text)) ? [{ ...finding, severity: 'error', code: 'personal-data-refused' }] : [];
  });
}
