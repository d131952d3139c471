import { availableParallelism } from 'node:os';
import type { Dataset } from '../../model/dataset.js';
import { type Finding, sortFindings } from '../../model/finding.js';
import type { Lang } from '../../model/schema.js';
import { formatDate, formatNumber, formatPercent } from '../../render/format.js';
import { t } from '../../render/i18n.js';
import type { IndexView } from '../../render/index-view.js';
import { type AudienceData, audienceData } from '../../render/pages.js';
import { flaggedTexts, flaggedTextsCheck } from '../../render/published-personal-data.js';
import { TemplateError } from '../../model/template-error.js';
import { checkSiteTarget, type SitePage, SiteTargetError, writeSite } from '../../write/site.js';
import { diagnosticsJson, printFindings } from '../diagnostics.js';
import { rethrowInLang } from '../errors.js';
import { EXIT, usageError } from '../exit-codes.js';
import { type Io, useColor } from '../io.js';
import { cliText } from '../messages.js';
import { printMessage } from '../safe-text.js';
import { loadAndReport, type ProjectOptions } from '../project.js';
import { openAreaRenderer, type SiteParallelOptions } from '../site-areas.js';
import type { AreaPagesContext, HiddenFigures, PageToPrint } from '../site-pages.js';
import { openTemplates, type TemplateOptions, type Templates } from '../templates.js';

export interface BuildOptions extends ProjectOptions, TemplateOptions {
  out: string;
  json?: boolean;
  /** Also print every brief and summary to PDF (with the system's Chromium). */
  pdf?: boolean;
  /** Also make every brief and summary a Word document. */
  docx?: boolean;
  /** When to render areas on worker threads, and with which script (tests pass the bundle's); by default from 200 pages. */
  parallel?: SiteParallelOptions;
}

/** The last second SOURCE_DATE_EPOCH may name: 2999-12-31T23:59:59Z. */
const MAX_SOURCE_DATE_EPOCH = Date.UTC(3000, 0, 1) / 1000 - 1;

/**
 * `borgermode build`: the whole public site in one run: per area and quarter the brief (md and
 * html), per area and calendar year the summary, per area the comparison page, and an index
 * (with --pdf, every brief and summary printed too; with --docx, a Word document of each). Same input,
 * same bytes; written atomically.
 */
export async function buildCommand(io: Io, options: BuildOptions): Promise<number> {
  const quietIo: Io = options.json ? { ...io, stderr: { write: () => true } } : io;
  // A site is published: only --sample builds the bundled sample, never a missing project.
  const loaded = await loadAndReport(quietIo, { ...options, quiet: options.quiet || options.json }, { publishes: true });
  const { lang, sample } = loaded;
  if (!loaded.dataset) return finish(io, options, { ok: false, sample, findings: loaded.findings, lang }, loaded.exitCode);
  const dataset = loaded.dataset;
  // Before any page is made: a folder that is not ours to replace is refused, and nothing is touched.
  const { refusal, target } = await checkSiteTarget(io.cwd, options.out, dataset.root);
  if (refusal) rethrowInLang(new SiteTargetError(target, refusal), lang);
  const generated = generatedDate(io, dataset, lang);

  const templates = await openTemplates(quietIo, options, { root: dataset.root, lang });
  const source = audienceData(dataset, 'public');
  let site: Awaited<ReturnType<typeof renderSite>>;
  try {
    site = await renderSite(io, options, { dataset, source, templates, lang, generated, findings: loaded.findings });
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const findings = sortFindings(error.findings);
    if (!options.json) printFindings(io, findings, { color: useColor(io, options.color), lang, root: dataset.root });
    return finish(
      io,
      options,
      { ok: false, sample, findings: [...loaded.findings, ...templates.findings, ...findings], lang },
      EXIT.invalidData,
    );
  }
  const { pages, refused, toPrint, hidden, threads } = site;
  if (refused.length > 0) {
    const unique = [...new Map(refused.map((f) => [`${f.file}:${f.line}:${f.column}`, f])).values()];
    if (!options.json) printFindings(io, unique, { color: useColor(io, options.color), lang, root: dataset.root });
    return finish(
      io,
      options,
      { ok: false, sample, findings: [...loaded.findings, ...templates.findings, ...unique], lang },
      EXIT.invalidData,
    );
  }
  if (options.pdf) pages.push(...(await printPages(io, toPrint, generated, lang, site.progress)));
  if (options.docx) pages.push(...(await documentPages(toPrint, lang, site.progress)));

  let written: string;
  try {
    written = await writeSite(io.cwd, options.out, pages, dataset.root);
  } catch (error) {
    rethrowInLang(error, lang);
  }
  if (!options.quiet && !options.json) {
    printMessage(io, cliText(lang, 'site_written', { count: String(pages.length), path: written }));
    printMessage(
      io,
      cliText(lang, 'site_hidden', {
        hidden: formatNumber(hidden.hidden, lang),
        total: formatNumber(hidden.total, lang),
        percent: formatPercent(shareOf(hidden) * 100, lang),
      }),
    );
  }
  return finish(
    io,
    options,
    {
      ok: true,
      sample,
      findings: [...loaded.findings, ...templates.findings],
      lang,
      out: written,
      pages: pages.map((p) => p.path),
      hidden,
      threads,
    },
    EXIT.ok,
  );
}

/** Every page of the site, and the personal data it would publish (then nothing is written). */
async function renderSite(
  io: Io,
  options: BuildOptions,
  {
    dataset,
    source,
    templates,
    lang,
    generated,
    findings,
  }: { dataset: Dataset; source: AudienceData; templates: Templates; lang: Lang; generated: string; findings: readonly Finding[] },
): Promise<{
  pages: SitePage[];
  refused: Finding[];
  toPrint: PageToPrint[];
  progress: () => void;
  hidden: HiddenFigures;
  threads: number;
}> {
  const flagged = flaggedTexts(findings, source.data);
  const pdf = Boolean(options.pdf);
  const docx = Boolean(options.docx);
  // Progress counts the briefs and summaries rendered, and each one printed (--pdf) and made a document (--docx), of the renderer's total.
  let progress: () => void = () => undefined;
  const context: AreaPagesContext = {
    source,
    templates,
    lang,
    generated,
    pdf,
    docx,
    publishedPersonalData: flaggedTextsCheck(flagged),
    progress: () => progress(),
  };
  const setup = {
    worker: { cwd: io.cwd, ...(options.templates === undefined ? {} : { templates: options.templates }), lang, generated, pdf, docx },
    flagged,
  };
  const renderer = await openAreaRenderer(context, setup, options.parallel);
  progress = progressReporter(io, options, (1 + Number(pdf) + Number(docx)) * renderer.total, lang);
  const { areas, threads } = await renderer.render(dataset.areas);
  // What privacy costs: the figures of the briefs' crime tables that the public site hides.
  const hidden: HiddenFigures = { hidden: 0, total: 0 };
  for (const area of areas) {
    hidden.hidden += area.hidden.hidden;
    hidden.total += area.hidden.total;
  }
  const pages = areas.flatMap((area) => area.pages);
  const refused = areas.flatMap((area) => area.refused);
  if (refused.length === 0) {
    const title = dataset.settings.title ?? dataset.areas.map((a) => a.name).join(', ');
    const indexView: IndexView = {
      lang,
      title,
      generated_text: t(lang, 'site_generated', { date: formatDate(generated, lang) }),
      areas: areas.map((area) => area.entry),
    };
    pages.push({ path: 'index.html', content: await (await templates.renderer('index.html.hbs'))(indexView) });
  }
  return { pages, refused, toPrint: areas.flatMap((area) => area.toPrint), progress: () => progress(), hidden, threads };
}

/**
 * The pages printed to PDF with one Chromium (docs/site.md), a page per core at once (up to
 * MAX_TABS) and in their order, dated `generated` inside so that the same input gives the same
 * bytes. No Chromium: a usage error (exit 2), nothing written.
 */
async function printPages(io: Io, pages: readonly PageToPrint[], generated: string, lang: Lang, progress: () => void): Promise<SitePage[]> {
  const { findChromium, openPdfPrinter } = await import('../../write/pdf.js');
  try {
    const printer = await openPdfPrinter(findChromium({ env: io.env }), t(lang, 'pdf_page'), { tabs: availableParallelism() });
    try {
      const printed: SitePage[] = new Array<SitePage>(pages.length);
      let next = 0;
      const printNext = async () => {
        while (next < pages.length) {
          const at = next++;
          printed[at] = { path: `${pages[at]!.base}.pdf`, content: await printer.print(pages[at]!.html, generated) };
          progress();
        }
      };
      await Promise.all(Array.from({ length: printer.tabs }, printNext));
      return printed;
    } finally {
      await printer.close();
    }
  } catch (error) {
    rethrowInLang(error, lang);
  }
}

/** A Word document of every brief and summary (render/docx.ts), from the same HTML as its page, in the site's order. */
async function documentPages(pages: readonly PageToPrint[], lang: Lang, progress: () => void): Promise<SitePage[]> {
  const { renderDocx } = await import('../../render/docx.js');
  const documents: SitePage[] = [];
  for (const page of pages) {
    documents.push({ path: `${page.base}.docx`, content: await renderDocx(page.html, { lang }) });
    progress();
  }
  return documents;
}

/**
 * The date shown as "generated": SOURCE_DATE_EPOCH when set, else the data's own "data through"
 * (the latest incident or done activity, data-format.md §5), never the clock.
 */
function generatedDate(io: Io, dataset: Dataset, lang: Lang): string {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // Up to the last second of 2999: a later one (999999999999) made a date toISOString writes with six digits.
    if (!/^\d{1,11}$/.test(epoch) || Number(epoch) > MAX_SOURCE_DATE_EPOCH)
      throw usageError(cliText(lang, 'bad_source_date_epoch', { value: epoch }));
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const dates = [...dataset.incidents, ...dataset.activities.filter((a) => a.status === 'done')].map((r) => r.date);
  return dates.reduce((a, b) => (b > a ? b : a), '1970-01-01');
}

/** How often progress is a line of its own where it cannot be redrawn (CI, a log). */
export const PROGRESS_INTERVAL_MS = 5000;

/**
 * Pages done / total on stderr: on a terminal redrawn in place; in CI (CI set) or to a file or
 * pipe, a line every PROGRESS_INTERVAL_MS ("build: 120/1000 sider"), and the last one when such a
 * line was written, so a build shorter than that says nothing; nothing with --quiet or --json.
 */
function progressReporter(io: Io, options: BuildOptions, total: number, lang: Lang): () => void {
  if (options.quiet || options.json) return () => undefined;
  let done = 0;
  if (Boolean(io.stderr.isTTY) && !io.env.CI) {
    return () => {
      done++;
      io.stderr.write(`\r${done}/${total}${done === total ? '\n' : ''}`);
    };
  }
  const ticks = io.ticks ?? (() => performance.now());
  let last = ticks();
  let shown = false;
  return () => {
    done++;
    const now = ticks();
    if (now - last >= PROGRESS_INTERVAL_MS || (shown && done === total)) {
      last = now;
      shown = true;
      io.stderr.write(`${cliText(lang, 'build_progress', { done: String(done), total: String(total) })}\n`);
    }
  };
}

/** The share hidden, 0 for a site without figures. */
const shareOf = (figures: HiddenFigures) => (figures.total === 0 ? 0 : figures.hidden / figures.total);

function finish(
  io: Io,
  options: BuildOptions,
  result: {
    ok: boolean;
    sample: boolean;
    findings: readonly Finding[];
    lang: Lang;
    out?: string;
    pages?: string[];
    hidden?: HiddenFigures;
    threads?: number;
  },
  code: number,
): number {
  if (options.json) {
    const document = {
      ok: result.ok,
      ...(result.sample ? { sample: true } : {}),
      ...(result.out ? { out: result.out, pages: result.pages } : {}),
      // The share of the public briefs' crime-table figures hidden, rounded to 0.001 (docs/privacy.md#what-privacy-costs).
      ...(result.hidden ? { hidden_figures: result.hidden, hidden_share: Math.round(shareOf(result.hidden) * 1000) / 1000 } : {}),
      // How many threads rendered pages (1: all on the main thread; more from 200 briefs and summaries, docs/site.md).
      ...(result.threads === undefined ? {} : { threads: result.threads }),
      diagnostics: diagnosticsJson(result.findings, result.lang),
    };
    io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }
  return code;
}
