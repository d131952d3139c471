import type { Audience } from '../../analyze/audience.js';
import { compareAreas, type CompareTableKind } from '../../analyze/compare.js';
import { renderAreasCsv, renderCompareCsv } from '../../render/compare-csv.js';
import { areasSheet, compareSheet } from '../../render/compare-xlsx.js';
import { renderWorkbook } from '../../render/xlsx.js';
import { type AreasView, buildAreasView, type CompareView } from '../../render/compare-view.js';
import { audienceData, compareViewFor } from '../../render/pages.js';
import { publishedPersonalData } from '../../render/published-personal-data.js';
import { printFindings } from '../diagnostics.js';
import { EXIT, usageError } from '../exit-codes.js';
import { type Io, useColor } from '../io.js';
import { cliText } from '../messages.js';
import { emitFile, emitOutput, outputFormat, requireFile } from '../output.js';
import { loadAndReport, type ProjectOptions } from '../project.js';
import { openTemplates, refuseTemplateError, type TemplateOptions } from '../templates.js';
import { resolveArea, resolveQuarter } from '../resolve-flags.js';

export interface CompareOptions extends ProjectOptions, TemplateOptions {
  to: string;
  quarters: string;
  area?: string;
  areas?: boolean;
  table?: CompareTableKind | 'areas';
  format?: 'md' | 'html' | 'csv' | 'json' | 'xlsx';
  excel?: boolean;
  output?: string;
  audience: Audience;
}

/** `borgermode compare`: quarters × categories (or kinds, or question states) for one area, or areas × categories for one quarter. */
export async function compareCommand(io: Io, given: CompareOptions): Promise<number> {
  // Before anything is read: the format and the file's name must agree.
  const options = { ...given, format: outputFormat(given, ['md', 'html', 'csv', 'json', 'xlsx'] as const) };
  if (options.format === 'xlsx') requireFile(given, 'xlsx', 'tables');
  const loaded = await loadAndReport(io, options);
  if (!loaded.dataset) return loaded.exitCode;
  const { dataset, lang } = loaded;
  const count = Number(options.quarters);
  if (!Number.isInteger(count) || count < 1 || count > 80)
    throw usageError(cliText(lang, 'bad_quarter_count', { value: options.quarters }));
  if (options.excel && options.format !== 'csv') throw usageError(cliText(lang, 'excel_needs_csv'));
  const table = options.areas ? 'areas' : (options.table ?? 'incidents');
  if (table === 'areas' && !options.areas) throw usageError(cliText(lang, 'areas_table_needs_flag'));
  const templates = await openTemplates(io, options, { root: dataset.root, lang });

  const audience = options.audience;
  const source = audienceData(dataset, audience);
  const data = source.data;
  const title = dataset.settings.title ?? (options.areas ? dataset.areas.map((a) => a.name).join(', ') : dataset.areas[0]!.name);
  const csvOptions = { excel: options.excel ?? false };
  let view: AreasView | CompareView;
  let csv: string;
  // A workbook holds every table of the comparison (or the one --table names), a sheet each.
  let views: (AreasView | CompareView)[];
  if (table === 'areas') {
    const quarter = resolveQuarter(data, dataset.areas[0]!.id, options.to, lang, loaded.today);
    const areasView = buildAreasView(
      compareAreas(
        data,
        quarter,
        (area) => source.plan(area),
        (area) => source.index(area),
      ),
      { lang, audience, title, minCount: () => dataset.settings.privacy.min_count },
    );
    [view, csv] = [areasView, renderAreasCsv(areasView, csvOptions)];
    views = [view];
  } else {
    const areaId = resolveArea(dataset, options.area, lang);
    const to = resolveQuarter(data, areaId, options.to, lang, loaded.today);
    const tableView = compareViewFor(source, table, areaId, to, count, lang);
    views =
      options.format === 'xlsx' && options.table === undefined
        ? (['incidents', 'activities', 'questions'] as const).map((kind) =>
            kind === table ? tableView : compareViewFor(source, kind, areaId, to, count, lang),
          )
        : [tableView];
    // docs/compare.md: CSV rows in built-in category order (then the project's own), totals last.
    [view, csv] = [
      tableView,
      renderCompareCsv(tableView, table === 'incidents' ? { ...csvOptions, order: data.categories.map((c) => c.id) } : csvOptions),
    ];
  }
  if (audience === 'public') {
    const refused = views.flatMap((shown) => publishedPersonalData(shown, loaded.findings, data));
    if (refused.length > 0) {
      printFindings(io, refused, { color: useColor(io, options.color), lang, root: dataset.root });
      return EXIT.invalidData;
    }
  }

  if (options.format === 'xlsx') {
    const sheets = views.map((shown) => (shown.table === 'areas' ? areasSheet(shown) : compareSheet(shown)));
    await emitFile(io, options, lang, () => renderWorkbook(sheets, { creator: 'borgermode' }));
    return EXIT.ok;
  }
  let output: string;
  if (options.format === 'json') output = `${JSON.stringify(view, null, 2)}\n`;
  else if (options.format === 'csv') output = csv;
  else {
    try {
      output = await (await templates.renderer(`compare.${options.format}.hbs`))(view);
    } catch (error) {
      return refuseTemplateError(io, error, { color: options.color, lang, root: dataset.root });
    }
  }
  await emitOutput(io, options, lang, output);
  return EXIT.ok;
}
