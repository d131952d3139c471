import { formatQuarter, type Quarter, quarterRange } from '../../analyze/quarters.js';
import type { Dataset } from '../../load/dataset.js';
import { loadTemplate } from '../../load/load-templates.js';
import type { Finding } from '../../model/finding.js';
import type { Lang } from '../../model/schema.js';
import { formatDate, formatQuarterName } from '../../render/format.js';
import { type OutputFormat, renderTemplate } from '../../render/handlebars.js';
import { t } from '../../render/i18n.js';
import { type AudienceData, audienceData, briefViewFor, compareViewFor } from '../../render/pages.js';
import { personalDataCheck } from '../../render/published-personal-data.js';
import { type SitePage, writeSite } from '../../write/site.js';
import { diagnosticsJson, printFindings } from '../diagnostics.js';
import { EXIT, usageError } from '../exit-codes.js';
import { type Io, useColor } from '../io.js';
import { cliText } from '../messages.js';
import { loadAndReport, type ProjectOptions } from '../project.js';

export interface BuildOptions extends ProjectOptions {
  out: string;
  json?: boolean;
}

/** How many quarters the comparison page of an area shows. */
const COMPARE_QUARTERS = 8;

/**
 * `borgermode build`: the whole public site in one run: per area and quarter the brief (md and
 * html), per area the comparison page, and an index. Same input, same bytes; written atomically.
 */
export async function buildCommand(io: Io, options: BuildOptions): Promise<number> {
  const quietIo: Io = options.json ? { ...io, stderr: { write: () => true } } : io;
  const loaded = await loadAndReport(quietIo, { ...options, quiet: options.quiet || options.json });
  const lang = loaded.lang;
  if (!loaded.dataset) return finish(io, options, { ok: false, findings: loaded.findings, lang }, loaded.exitCode);
  const dataset = loaded.dataset;
  const generated = generatedDate(io, dataset, lang);

  const source = audienceData(dataset, 'public');
  const publishedPersonalData = personalDataCheck(loaded.findings, source.data);
  const pages: SitePage[] = [];
  const refused: Finding[] = [];
  const index: IndexArea[] = [];
  const progress = progressReporter(io, options, dataset.areas.reduce((n, area) => n + quartersOf(source, area.id).length, 0));
  // Each template is read once for the whole build.
  const templates = new Map<string, Awaited<ReturnType<typeof loadTemplate>>>();
  const render = async (name: 'brief' | 'compare', format: OutputFormat, view: { lang: Lang }) => {
    const fileName = `${name}.${format}.hbs`;
    let loadedTemplate = templates.get(fileName);
    if (!loadedTemplate) templates.set(fileName, (loadedTemplate = await loadTemplate(fileName, format)));
    return renderTemplate(loadedTemplate.template, view, format, loadedTemplate.partials);
  };

  for (const area of dataset.areas) {
    const quarters = quartersOf(source, area.id);
    const entry: IndexArea = { id: area.id, name: area.name, briefs: [] };
    for (const quarter of [...quarters].reverse()) {
      const view = briefViewFor(source, area.id, quarter, lang);
      refused.push(...publishedPersonalData(view));
      const folder = `${area.id}/${formatQuarter(quarter)}`;
      pages.push({ path: `${folder}/brief.md`, content: await render('brief', 'md', view) });
      pages.push({ path: `${folder}/brief.html`, content: await render('brief', 'html', view) });
      entry.briefs.push({ name: formatQuarterName(quarter, lang), md: `${folder}/brief.md`, html: `${folder}/brief.html` });
      progress();
    }
    if (quarters.length > 0) {
      const view = compareViewFor(source, 'incidents', area.id, quarters.at(-1)!, COMPARE_QUARTERS, lang);
      refused.push(...publishedPersonalData(view));
      pages.push({ path: `${area.id}/compare.html`, content: await render('compare', 'html', view) });
      pages.push({ path: `${area.id}/compare.md`, content: await render('compare', 'md', view) });
      entry.compare = `${area.id}/compare.html`;
    }
    index.push(entry);
  }
  if (refused.length > 0) {
    const unique = [...new Map(refused.map((f) => [`${f.file}:${f.line}:${f.column}`, f])).values()];
    if (!options.json) printFindings(io, unique, { color: useColor(io, options.color), lang, root: dataset.root });
    return finish(io, options, { ok: false, findings: [...loaded.findings, ...unique], lang }, EXIT.invalidData);
  }

  const title = dataset.settings.title ?? dataset.areas.map((a) => a.name).join(', ');
  const indexView = { lang, title, generated_text: t(lang, 'site_generated', { date: formatDate(generated, lang) }), areas: index };
  pages.push({ path: 'index.html', content: await renderIndex(indexView) });
  const written = await writeSite(io.cwd, options.out, pages);
  if (!options.quiet && !options.json) io.stderr.write(`${cliText(lang, 'site_written', { count: String(pages.length), path: written })}\n`);
  return finish(io, options, { ok: true, findings: loaded.findings, lang, out: written, pages: pages.map((p) => p.path) }, EXIT.ok);
}

interface IndexArea {
  id: string;
  name: string;
  compare?: string;
  briefs: { name: string; md: string; html: string }[];
}

async function renderIndex(view: { lang: Lang; title: string; generated_text: string; areas: IndexArea[] }): Promise<string> {
  const { template, partials } = await loadTemplate('index.html.hbs', 'html');
  return renderTemplate(template, view, 'html', partials);
}

/** Every quarter of an area from its first record to its latest quarter (figures.ts earliestQuarter, latestQuarter). */
function quartersOf(source: AudienceData, area: string): Quarter[] {
  const { first, last } = source.index(area);
  return first && last ? quarterRange(first, last) : [];
}

/**
 * The date shown as "generated": SOURCE_DATE_EPOCH when set, else the data's own "data through"
 * (the latest incident or done activity, data-format.md §5), never the clock.
 */
function generatedDate(io: Io, dataset: Dataset, lang: Lang): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw usageError(cliText(lang, 'bad_source_date_epoch', { value: epoch }));
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const dates = [...dataset.incidents, ...dataset.activities.filter((a) => a.status === 'done')].map((r) => r.date);
  return dates.reduce((a, b) => (b > a ? b : a), '1970-01-01');
}

/** Pages done / total on a terminal; nothing in CI, with --quiet or --json. */
function progressReporter(io: Io, options: BuildOptions, total: number): () => void {
  const show = Boolean(io.stderr.isTTY) && !io.env.CI && !options.quiet && !options.json;
  let done = 0;
  return () => {
    done++;
    if (show) io.stderr.write(`\r${done}/${total}${done === total ? '\n' : ''}`);
  };
}

function finish(io: Io, options: BuildOptions, result: { ok: boolean; findings: readonly Finding[]; lang: Lang; out?: string; pages?: string[] }, code: number): number {
  if (options.json) {
    const document = { ok: result.ok, ...(result.out ? { out: result.out, pages: result.pages } : {}), diagnostics: diagnosticsJson(result.findings, result.lang) };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }
  return code;
}
