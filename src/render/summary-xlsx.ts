import { xlsxAbsolute, xlsxFigure, xlsxPercent } from './compare-xlsx.js';
import { label, t } from './i18n.js';
import type { SummaryView } from './summary-view.js';
import type { SheetView } from './xlsx.js';

// The summary as a workbook (docs/office.md): a sheet per table of the summary's CSV (activities,
// partners, questions, rumours, crime), an area's name in the first column, headers in the
// summary's language, numbers as numbers, and the crime table's figures as the page shows them.

const VERDICTS = ['dispelled', 'confirmed', 'unresolved', 'none'] as const;
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function summarySheets(view: SummaryView): SheetView[] {
  const { lang } = view;
  const area = t(lang, 'area');
  const heading = `${view.title} – ${view.period.name}`;
  const first = view.areas[0];
  const crime = first?.crime;
  return [
    {
      name: t(lang, 'xlsx_sheet_activities'),
      header: [area, t(lang, 'kind'), t(lang, 'count'), t(lang, 'participants'), t(lang, 'hours')],
      rows: view.areas.flatMap((a) => [
        ...a.activities.kinds.map((k) => [a.area.name, k.label, k.values.count, k.values.participants, k.values.hours]),
        [a.area.name, t(lang, 'summary_all'), a.activities.values.total, a.activities.values.participants, a.activities.values.hours],
      ]),
      notes: [heading],
    },
    {
      name: t(lang, 'xlsx_sheet_partners'),
      header: [area, t(lang, 'summary_partner'), t(lang, 'summary_activities_count'), t(lang, 'participants'), t(lang, 'hours')],
      rows: view.areas.flatMap((a) =>
        a.activities.partners.map((p) => [a.area.name, p.name, p.values.count, p.values.participants, p.values.hours]),
      ),
      notes: [heading],
    },
    // By focus area: only when some area of the summary has the table.
    ...(view.areas.some((a) => a.focus_areas)
      ? [
          {
            name: t(lang, 'xlsx_sheet_focus_areas'),
            header: [
              area,
              t(lang, 'summary_focus_area'),
              t(lang, 'summary_activities_count'),
              t(lang, 'participants'),
              t(lang, 'hours'),
              t(lang, 'summary_partners'),
              t(lang, 'summary_focus_priorities'),
            ],
            rows: view.areas.flatMap((a) =>
              (a.focus_areas ?? []).map((f) => [
                a.area.name,
                f.label,
                f.values.count,
                f.values.participants,
                f.values.hours,
                f.values.partners.join(', ') || null,
                f.values.priorities.join('; ') || null,
              ]),
            ),
            notes: [heading],
          },
        ]
      : []),
    {
      name: t(lang, 'xlsx_sheet_questions'),
      header: [
        area,
        t(lang, 'summary_raised'),
        t(lang, 'summary_answered'),
        t(lang, 'summary_open'),
        t(lang, 'summary_median_days'),
        t(lang, 'summary_within30'),
        t(lang, 'summary_within90'),
        t(lang, 'summary_longer'),
      ],
      rows: view.areas.map(({ area: { name }, questions: { values: q } }) => [
        name,
        q.raised,
        q.answered,
        q.open,
        q.median_days,
        q.within30,
        q.within90,
        q.longer,
      ]),
      notes: [heading],
    },
    {
      name: t(lang, 'xlsx_sheet_rumours'),
      // Every verdict a column, as in the CSV, whether the period has one or not.
      header: [
        area,
        ...VERDICTS.map((v) => upperFirst(v === 'none' ? t(lang, 'summary_no_verdict') : label(lang, 'verdict', v))),
        t(lang, 'summary_open'),
      ],
      rows: view.areas.map((a) => [
        a.area.name,
        ...VERDICTS.map((v) => a.rumours.verdicts.find((found) => found.verdict === v)?.values.count ?? 0),
        a.rumours.values.open,
      ]),
      notes: [heading],
    },
    {
      name: t(lang, 'xlsx_sheet_crime'),
      header: [
        area,
        t(lang, 'category'),
        ...(crime?.quarters.map((q) => q.label) ?? []),
        crime?.columns.period ?? '',
        crime?.columns.previous ?? '',
        crime?.columns.change ?? t(lang, 'change'),
        `${crime?.columns.change ?? t(lang, 'change')} (%)`,
        t(lang, 'xlsx_trend'),
      ],
      rows: view.areas.flatMap((a) =>
        a.crime.rows.map((r) => [
          a.area.name,
          r.label,
          ...r.cells.map(xlsxFigure),
          xlsxFigure(r.period),
          xlsxFigure(r.previous),
          xlsxAbsolute(r.change),
          xlsxPercent(r.change, lang),
          r.change.words || null,
        ]),
      ),
      notes: [
        heading,
        ...new Set(view.areas.flatMap((a) => [...(a.crime.suppression ? [a.crime.suppression] : []), ...a.crime.footnotes])),
      ],
    },
  ];
}
