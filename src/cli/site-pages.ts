import { yearPeriod } from '../analyze/summary.js';
import type { Finding } from '../model/finding.js';
import { formatQuarter, type Quarter, quarterRange } from '../model/quarters.js';
import type { Area, Lang } from '../model/schema.js';
import type { TemplateName } from '../model/templates.js';
import { formatQuarterName } from '../render/format.js';
import { hiddenShare } from '../render/hidden-share.js';
import type { IndexArea } from '../render/index-view.js';
import { type AudienceData, briefViewFor, compareViewFor, summaryViewFor } from '../render/pages.js';
import type { SitePage } from '../write/site.js';
import type { Templates } from './templates.js';

// The pages of one area of the site (`build`): its briefs, summaries and comparison page. Areas
// are independent of each other, so they are rendered here or on worker threads (site-areas.ts).

/** How many quarters the comparison page of an area shows. */
const COMPARE_QUARTERS = 8;

/** What one area's pages need besides the area: the same for every area of a build. */
export interface AreaPagesContext {
  source: AudienceData;
  templates: Templates;
  lang: Lang;
  /** The site's date (YYYY-MM-DD), the briefs' "today". */
  generated: string;
  /** Also print every brief and summary to PDF. */
  pdf: boolean;
  /** Also make every brief and summary a Word document. */
  docx: boolean;
  /** The personal-data warnings a view would publish (render/published-personal-data.ts). */
  publishedPersonalData: (view: unknown) => Finding[];
  /** Called once for every brief and summary rendered. */
  progress: () => void;
}

/** A brief or summary to print (--pdf) or make a Word document of (--docx): its path without the extension, and its HTML. */
export interface PageToPrint {
  base: string;
  html: string;
}

/** The figures of the public briefs' crime tables: how many are hidden (render/hidden-share.ts). */
export interface HiddenFigures {
  hidden: number;
  total: number;
}

/** One area's pages, in the order the site lists them, and what they would publish. */
export interface AreaPages {
  pages: SitePage[];
  toPrint: PageToPrint[];
  entry: IndexArea;
  refused: Finding[];
  hidden: HiddenFigures;
}

/** The pages of one area: a brief per quarter and a summary per year (newest first), and the comparison page. */
export async function renderAreaPages(context: AreaPagesContext, area: Area): Promise<AreaPages> {
  const { source, templates, lang, generated, pdf, docx, publishedPersonalData, progress } = context;
  const pages: SitePage[] = [];
  const toPrint: PageToPrint[] = [];
  const refused: Finding[] = [];
  const hidden: HiddenFigures = { hidden: 0, total: 0 };
  // Each template is read and compiled once for the whole build.
  const render = async (name: TemplateName, view: { lang: Lang }) => await (await templates.renderer(name))(view);
  const addPage = async (base: string, name: 'brief' | 'summary', view: { lang: Lang }) => {
    const html = await render(`${name}.html.hbs`, view);
    pages.push({ path: `${base}.md`, content: await render(`${name}.md.hbs`, view) }, { path: `${base}.html`, content: html });
    // With --pdf and --docx, the HTML of every brief and summary is printed and made a document once every page is rendered.
    if (pdf || docx) toPrint.push({ base, html });
    return { md: `${base}.md`, html: `${base}.html`, ...(pdf ? { pdf: `${base}.pdf` } : {}), ...(docx ? { docx: `${base}.docx` } : {}) };
  };

  const quarters = quartersOf(source, area.id);
  const entry: IndexArea = { id: area.id, name: area.name, briefs: [], summaries: [] };
  for (const quarter of [...quarters].reverse()) {
    // "Today" is the site's own date, not the clock: the same data builds the same bytes.
    const view = briefViewFor(source, area.id, quarter, lang, generated);
    refused.push(...publishedPersonalData(view));
    const share = hiddenShare(view);
    hidden.hidden += share.hidden;
    hidden.total += share.total;
    entry.briefs.push({
      name: formatQuarterName(quarter, lang),
      ...(await addPage(`${area.id}/${formatQuarter(quarter)}/brief`, 'brief', view)),
    });
    progress();
  }
  for (const year of yearsOf(quarters).reverse()) {
    // The area's latest quarter with data (figures.ts latestRecordQuarter) from its index: a scan of every record per summary made build quadratic.
    // The year is one of the area's own quarters', so it has a period; no flag's words (--year) for it.
    const { period, partial } = yearPeriod(year, source.index(area.id).last!)!;
    const view = summaryViewFor(source, [area.id], period, lang, partial);
    refused.push(...publishedPersonalData(view));
    entry.summaries.push({ name: String(year), ...(await addPage(`${area.id}/summary-${year}`, 'summary', view)) });
    progress();
  }
  if (quarters.length > 0) {
    const view = compareViewFor(source, 'incidents', area.id, quarters.at(-1)!, COMPARE_QUARTERS, lang);
    refused.push(...publishedPersonalData(view));
    pages.push({ path: `${area.id}/compare.html`, content: await render('compare.html.hbs', view) });
    pages.push({ path: `${area.id}/compare.md`, content: await render('compare.md.hbs', view) });
    entry.compare = { html: `${area.id}/compare.html`, md: `${area.id}/compare.md` };
  }
  return { pages, toPrint, entry, refused, hidden };
}

/** The calendar years the quarters touch, oldest first. */
export function yearsOf(quarters: readonly Quarter[]): number[] {
  return [...new Set(quarters.map((q) => q.year))];
}

/** Every quarter of an area from its first record to its latest quarter (figures.ts earliestQuarter, latestQuarter). */
export function quartersOf(source: AudienceData, area: string): Quarter[] {
  const { first, last } = source.index(area);
  return first && last ? quarterRange(first, last) : [];
}

/** The briefs and summaries of an area whose records run from quarter `first` to `last`. */
export function pagesBetween(first: Quarter | undefined, last: Quarter | undefined): number {
  const quarters = first && last ? quarterRange(first, last) : [];
  return quarters.length + yearsOf(quarters).length;
}
