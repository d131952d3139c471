import type { AreasView, ChangeCellView, CompareView, FigureView } from './compare-view.js';
import type { Lang } from '../model/schema.js';
import { t } from './i18n.js';
import type { SheetView, XlsxCell } from './xlsx.js';

// The comparison tables as sheets of a workbook (docs/office.md): the columns of the page, in its
// language; a figure as a number where the page shows one, else the page's text ("<5", "x", "–",
// a provisional "12*"); a change as its number and its percentage, in columns of their own, and
// in words what the page's arrow says ("flere", "inden for normal variation").

/** A figure as a cell: its count where the page shows the count as it is, else the page's text. */
export const xlsxFigure = (f: FigureView): XlsxCell => (f.mark === 'shown' && !f.partial ? f.value : f.text);
export const xlsxAbsolute = (c: ChangeCellView): XlsxCell => c.absolute ?? c.text;
/** A change's percentage; none from nothing (a figure new since the earlier one) is the page's word for it, "ny". */
export const xlsxPercent = (c: ChangeCellView, lang: Lang): XlsxCell => c.percent ?? (c.absolute === null ? c.text : t(lang, 'change_new'));

/** The notes of a page, below its table: what "<5" means, then its footnotes. */
const notesOf = (view: { suppression?: string; footnotes: readonly string[] }, extra: readonly string[] = []): string[] => [
  ...extra,
  ...(view.suppression === undefined ? [] : [view.suppression]),
  ...view.footnotes,
];

/** A quarter table: the label, a column per quarter, then the year-ago figure, the change and the two four-quarter sums. */
export function compareSheet(view: CompareView): SheetView {
  const percent = (header: string) => `${header} (%)`;
  return {
    name: t(view.lang, `xlsx_sheet_${view.table}`),
    header: [
      view.row_header,
      ...view.quarters.map((q) => q.label),
      view.columns.year_ago,
      view.columns.change,
      percent(view.columns.change),
      t(view.lang, 'xlsx_trend'),
      view.columns.last4,
      view.columns.prev4,
      view.columns.last4_change,
      percent(view.columns.last4_change),
      t(view.lang, 'xlsx_trend'),
    ],
    rows: view.rows.map((r) => [
      r.label,
      ...r.cells.map(xlsxFigure),
      xlsxFigure(r.year_ago),
      xlsxAbsolute(r.change),
      xlsxPercent(r.change, view.lang),
      r.change.words || null,
      xlsxFigure(r.last4),
      xlsxFigure(r.prev4),
      xlsxAbsolute(r.last4_change),
      xlsxPercent(r.last4_change, view.lang),
      r.last4_change.words || null,
    ]),
    notes: notesOf(view, [`${view.title} – ${view.heading}`, view.area.name]),
  };
}

/** The areas table of one quarter: an area a row, its residents, a column per category, the two rates. */
export function areasSheet(view: AreasView): SheetView {
  return {
    name: t(view.lang, 'xlsx_sheet_areas'),
    header: [
      t(view.lang, 'area'),
      t(view.lang, 'residents'),
      ...view.categories.map((c) => c.label),
      t(view.lang, 'crime_rate'),
      t(view.lang, 'concerns_rate'),
      ...(view.official ? [view.official.columns.area, view.official.columns.municipality, view.official.columns.country] : []),
    ],
    rows: view.rows.map((r) => [
      r.label,
      r.values.residents ?? r.residents,
      ...r.cells.map(xlsxFigure),
      r.values.crime_rate ?? r.crime_rate,
      r.values.concerns_rate ?? r.concerns_rate,
      ...(r.official && r.values.official
        ? [
            r.values.official.area ?? r.official.area,
            r.values.official.municipality ?? r.official.municipality,
            r.values.official.country ?? r.official.country,
          ]
        : []),
    ]),
    notes: notesOf(view, [`${view.title} – ${view.heading}`, ...(view.official ? [view.official.intro, ...view.official.notes] : [])]),
  };
}
