import { BUILTIN_CATEGORIES, type Category } from '../model/categories.js';
import { GROUP_IDS } from '../model/category-groups.js';
import type { Finding } from '../model/finding.js';
import type { Params } from '../model/messages.js';
import { type CategorySetting, SETTINGS_FILE } from '../model/schema.js';

/**
 * The project's categories: built-ins relabelled by `categories:` entries with their id, then
 * new ones. Flags only tighten: a built-in may be marked sensitive, never unmarked, and its
 * `crime` flag stays as it is.
 */
export function resolveCategories(settings: readonly CategorySetting[], findings: Finding[]): Category[] {
  const categories = BUILTIN_CATEGORIES.map((c) => ({ ...c, labels: { ...c.labels }, breaks: [...c.breaks] }));
  settings.forEach((setting, index) => {
    const path = ['categories', index];
    const error = (field: string, code: 'category-crime-flag' | 'category-unmark-sensitive', params: Params) =>
      findings.push({ file: SETTINGS_FILE, path: [...path, field], target: 'key', severity: 'error', code, params });
    const existing = categories.find((c) => c.id === setting.id);
    if (existing) {
      if (setting.crime !== undefined && setting.crime !== existing.crime)
        error('crime', 'category-crime-flag', { id: setting.id, crime: String(existing.crime) });
      if (setting.sensitive === false && existing.sensitive) error('sensitive', 'category-unmark-sensitive', { id: setting.id });
      if (setting.sensitive) existing.sensitive = true;
      if (setting.da) existing.labels.da = setting.da;
      if (setting.en) existing.labels.en = setting.en;
      if (setting.breaks) existing.breaks.push(...setting.breaks);
      return;
    }
    if (GROUP_IDS.includes(setting.id)) {
      findings.push({
        file: SETTINGS_FILE,
        path: [...path, 'id'],
        target: 'value',
        severity: 'error',
        code: 'category-reserved-id',
        params: { id: setting.id, choices: [...GROUP_IDS] },
      });
    }
    if (!setting.da && !setting.en) {
      findings.push({
        file: SETTINGS_FILE,
        path,
        target: 'value',
        severity: 'error',
        code: 'category-label-missing',
        params: { id: setting.id },
      });
    }
    categories.push({
      id: setting.id,
      labels: { da: setting.da ?? setting.en ?? setting.id, en: setting.en ?? setting.da ?? setting.id },
      crime: setting.crime ?? true,
      sensitive: setting.sensitive ?? false,
      ...(setting.straf11 !== undefined ? { straf11: String(setting.straf11) } : {}),
      breaks: setting.breaks ?? [],
      builtIn: false,
    });
  });
  return categories;
}
