import { type CsvCell, type CsvDialect, csvAbsolute, csvFigure, csvPercent, renderCsv } from './csv.js';
import type { AreasView, CompareView } from './compare-view.js';

// CSV for scripts (docs/compare.md): one table per run, a fixed header, ids in the first column,
// plain integers with an ASCII minus, suppressed cells as "<5" (and hidden ones as "x"), empty
// where there is no figure, a provisional figure with "*" ("12*"). The dialects, and the
// neutralising of text that would run as a formula, are src/render/csv.ts's.

export interface CsvOptions extends CsvDialect {
  /** Row ids in the order of the CSV (categories in built-in order, then the project's own); others follow. */
  order?: readonly string[];
}

/** The rows in the CSV's order: those named by `order` first, in its order, then the rest as they were. */
function ordered<T extends { id: string }>(rows: readonly T[], order: readonly string[] | undefined): T[] {
  const rank = (id: string) => {
    const index = order?.indexOf(id) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...rows].sort((a, b) => rank(a.id) - rank(b.id));
}

/** A quarter table as CSV: `id,label,<quarters>,year_ago,change,change_pct,last4,prev4,last4_change,last4_change_pct`. */
export function renderCompareCsv(view: CompareView, options: CsvOptions): string {
  const header = [
    'id',
    'label',
    ...view.quarters.map((q) => q.id),
    'year_ago',
    'change',
    'change_pct',
    'last4',
    'prev4',
    'last4_change',
    'last4_change_pct',
  ];
  const rows = ordered(view.rows, options.order).map((r): CsvCell[] => [
    r.id,
    r.label,
    ...r.cells.map(csvFigure),
    csvFigure(r.year_ago),
    csvAbsolute(r.change),
    csvPercent(r.change),
    csvFigure(r.last4),
    csvFigure(r.prev4),
    csvAbsolute(r.last4_change),
    csvPercent(r.last4_change),
  ]);
  return renderCsv([header, ...rows], options);
}

/**
 * The areas table as CSV: `id,label,residents,<category ids>,crime_total,concerns_total,crime_rate,concerns_rate`,
 * and with official series `official_rate,municipality_rate,country_rate` (docs/official.md).
 */
export function renderAreasCsv(view: AreasView, options: CsvOptions): string {
  const official = view.official !== undefined;
  const header = [
    'id',
    'label',
    'residents',
    ...view.categories.map((c) => c.id),
    'crime_rate',
    'concerns_rate',
    ...(official ? ['official_rate', 'municipality_rate', 'country_rate'] : []),
  ];
  const rows = ordered(view.rows, options.order).map((r): CsvCell[] => [
    r.id,
    r.label,
    r.values.residents,
    ...r.cells.map(csvFigure),
    r.values.crime_rate,
    r.values.concerns_rate,
    ...(official ? [r.values.official?.area ?? null, r.values.official?.municipality ?? null, r.values.official?.country ?? null] : []),
  ]);
  return renderCsv([header, ...rows], options);
}
