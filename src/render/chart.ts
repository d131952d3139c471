import type { Quarter } from '../model/quarters.js';
import type { Lang } from '../model/schema.js';
import { formatNumber, formatQuarterShort } from './format.js';
import { t } from './i18n.js';

// Inline SVG bar charts of counts per quarter, for HTML output (the brief's crime section, the
// compare page). Plain string building: a charting library would cost every run its imports.
// Pure: the same options give the same bytes. Every text is escaped here, because templates
// output the SVG unescaped ({{{ }}}).
//
// Privacy (docs/privacy.md): a suppressed figure reaches this module without its value (see
// ChartPoint), so no bar, label or axis can be computed from it. "<min_count" is drawn as a
// hatched, dashed box over the range 1 … min_count − 1 (never a bar of the true height); a
// hidden figure ("x") and a quarter without data ("–") are labelled gaps. The top of the value
// axis comes from shown values and the "<min_count" range only.

/** One quarter as published: its value when shown, else only how it is withheld. */
export type ChartPoint = {
  quarter: Quarter;
  /** Covered only up to a day inside the quarter (foreløbig): drawn as an outline, marked "*". */ partial?: boolean;
} & ({ mark: 'shown'; value: number } | { mark: 'primary' | 'secondary' | 'no-data' });

/** The value axis: 0 … max in steps of `step`. */
export interface ChartScale {
  max: number;
  step: number;
}

export interface BarChartOptions {
  /** Prefix of the ids inside the SVG (made safe); unique within the page. */
  id: string;
  lang: Lang;
  /** What is counted, e.g. "Kriminalitet i alt": the visible heading and the start of <title>. */
  title: string;
  /** Oldest first; the last one is the page's quarter, drawn in black. */
  points: readonly ChartPoint[];
  /** Counts 1 … minCount − 1 are published as "<minCount". */
  minCount: number;
  /** A shared value axis for charts set side by side (chartScale over all their points). */
  scale?: ChartScale;
  /** Where the page gives the figures in a table, said in the <desc>. */
  table?: 'above' | 'below';
}

// Geometry, in user units (the viewBox). Printed two side by side, 1 unit ≈ 0.25 mm.
const WIDTH = 360;
const PLOT_LEFT = 40;
const PLOT_RIGHT = 354;
const PLOT_TOP = 30;
const BASELINE = 112;
const LABEL_LINE_1 = 124;
const LABEL_LINE_2 = 135;
const HEIGHT = 142;
const LEGEND_HEIGHT = 16;
const BAR_SHARE = 0.62;
/** A "<min_count" box is at least this tall, so its hatching shows on a tall axis. */
const MIN_MARKER_HEIGHT = 4;
const TICKS = 4;

/** A value axis for some series: at most four steps of 1, 2 or 5 × 10ⁿ, over shown values (and min_count when a figure is "<min_count"). */
export function chartScale(series: readonly (readonly ChartPoint[])[], minCount: number): ChartScale {
  let top = 1;
  for (const point of series.flat()) {
    if (point.mark === 'shown') top = Math.max(top, point.value);
    // At least min_count, so a "<min_count" box never fills the whole height like a tall bar.
    else if (point.mark === 'primary') top = Math.max(top, minCount);
  }
  const raw = top / TICKS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  return { max: Math.ceil(top / step) * step, step };
}

/** Renders one bar chart of counts per quarter as an inline SVG element (docs/view-model.md, the brief). */
export function renderBarChart(options: BarChartOptions): string {
  const { lang, points, minCount } = options;
  const id = safeId(options.id);
  const scale = options.scale ?? chartScale([points], minCount);
  const y = (value: number) => BASELINE - (value / scale.max) * (BASELINE - PLOT_TOP);
  const slot = (PLOT_RIGHT - PLOT_LEFT) / Math.max(points.length, 1);
  const barWidth = slot * BAR_SHARE;
  const marks = new Set(points.map((p) => p.mark));
  const legend = legendItems(
    lang,
    marks,
    minCount,
    points.some((p) => p.partial),
  );
  const height = HEIGHT + (legend.length > 0 ? LEGEND_HEIGHT : 0);
  const quarterText = (q: Quarter) => formatQuarterShort(q, lang);
  const figureText = (p: ChartPoint) =>
    (p.mark === 'shown' ? formatNumber(p.value, lang) : p.mark === 'primary' ? `<${minCount}` : p.mark === 'secondary' ? 'x' : '–') +
    (p.partial ? '*' : '');
  const title =
    points.length > 0 ? `${options.title}, ${quarterText(points[0]!.quarter)} – ${quarterText(points.at(-1)!.quarter)}` : options.title;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-labelledby="${id}-title" aria-describedby="${id}-desc">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describe(options))}</desc>`,
    `<defs><pattern id="${id}-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#111" stroke-width="1.4"/></pattern></defs>`,
    `<text x="0" y="12" font-size="12" font-weight="700" fill="#111">${escapeXml(options.title)}</text>`,
  );

  // The value axis: gridlines with their numbers, and what is counted, along the axis.
  out.push(`<g class="axis" font-size="9" fill="#333">`);
  for (let value = 0; value <= scale.max; value += scale.step) {
    const at = num(y(value));
    if (value > 0) out.push(`<line x1="${PLOT_LEFT}" y1="${at}" x2="${PLOT_RIGHT}" y2="${at}" stroke="#c8c8c8" stroke-width="0.6"/>`);
    out.push(`<text x="${PLOT_LEFT - 4}" y="${num(y(value) + 3)}" text-anchor="end">${escapeXml(formatNumber(value, lang))}</text>`);
  }
  out.push(
    `<text transform="translate(9 ${num((PLOT_TOP + BASELINE) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(t(lang, 'chart_axis'))}</text>`,
    `</g>`,
  );

  // One slot per quarter: the bar (or the marker, or a gap), its figure as text, the quarter below.
  points.forEach((point, index) => {
    const centre = PLOT_LEFT + slot * (index + 0.5);
    const left = num(centre - barWidth / 2);
    const current = index === points.length - 1;
    let labelY = BASELINE - 3;
    if (point.mark === 'shown' && point.value > 0) {
      const top = y(point.value);
      // A partial quarter's bar is an outline: its count is not the quarter's yet.
      const paint = point.partial
        ? 'fill="#fff" stroke="#111" stroke-width="1.2" stroke-dasharray="3 2"'
        : `fill="${current ? '#111' : '#737373'}"`;
      out.push(
        `<rect class="bar${current ? ' current' : ''}${point.partial ? ' partial' : ''}" x="${left}" y="${num(top)}" width="${num(barWidth)}" height="${num(BASELINE - top)}" ${paint}/>`,
      );
      labelY = top - 3;
    } else if (point.mark === 'primary') {
      const top = Math.min(y(minCount - 1), BASELINE - MIN_MARKER_HEIGHT);
      out.push(
        `<rect class="suppressed" x="${left}" y="${num(top)}" width="${num(barWidth)}" height="${num(BASELINE - top)}" fill="url(#${id}-hatch)" stroke="#111" stroke-width="0.8" stroke-dasharray="2 1.5"/>`,
      );
      labelY = top - 3;
    }
    const [line1, line2] = splitQuarter(quarterText(point.quarter));
    out.push(
      `<text class="figure" x="${num(centre)}" y="${num(labelY)}" font-size="9.5" text-anchor="middle" fill="#111"${current ? ' font-weight="700"' : ''}>${escapeXml(figureText(point))}</text>`,
      `<text class="quarter" x="${num(centre)}" y="${LABEL_LINE_1}" font-size="9" text-anchor="middle" fill="#111"${current ? ' font-weight="700"' : ''}>${escapeXml(line1)}${line2 ? `<tspan x="${num(centre)}" y="${LABEL_LINE_2}">${escapeXml(line2)}</tspan>` : ''}</text>`,
    );
  });
  out.push(`<line x1="${PLOT_LEFT}" y1="${BASELINE}" x2="${PLOT_RIGHT}" y2="${BASELINE}" stroke="#111" stroke-width="1"/>`);

  // The legend, only for the kinds of withheld figure the chart shows.
  if (legend.length > 0) {
    const legendY = height - 5;
    out.push(`<g class="legend" font-size="8.5" fill="#111">`);
    let x = PLOT_LEFT;
    for (const item of legend) {
      if (item.swatch) {
        out.push(
          `<rect x="${x}" y="${legendY - 7}" width="10" height="8" fill="url(#${id}-hatch)" stroke="#111" stroke-width="0.8" stroke-dasharray="2 1.5"/>`,
        );
        x += 13;
      }
      out.push(`<text x="${x}" y="${legendY}">${escapeXml(item.text)}</text>`);
      x += Math.ceil(item.text.length * 4.8) + 12;
    }
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join('\n');
}

/** The <desc>: what the chart shows, every figure in words, how withheld figures are drawn, where the table is. */
function describe(options: BarChartOptions): string {
  const { lang, points, minCount } = options;
  const quarterText = (q: Quarter) => formatQuarterShort(q, lang);
  const inWords = (p: ChartPoint) =>
    (p.mark === 'shown'
      ? formatNumber(p.value, lang)
      : p.mark === 'primary'
        ? t(lang, 'chart_primary', { min: minCount })
        : p.mark === 'secondary'
          ? t(lang, 'chart_secondary')
          : t(lang, 'chart_no_data')) + (p.partial ? ` (${t(lang, 'chart_partial')})` : '');
  const sentences: string[] = [];
  const span =
    points.length > 0
      ? ` ${t(lang, 'chart_per_quarter', { first: quarterText(points[0]!.quarter), last: quarterText(points.at(-1)!.quarter) })}`
      : '';
  sentences.push(`${t(lang, 'chart_kind')}: ${options.title}${span}.`);
  if (points.length > 0) sentences.push(`${points.map((p) => `${quarterText(p.quarter)}: ${inWords(p)}`).join('; ')}.`);
  const marks = new Set(points.map((p) => p.mark));
  if (marks.has('primary')) sentences.push(t(lang, 'chart_primary_note', { min: minCount, max: minCount - 1 }));
  if (marks.has('secondary')) sentences.push(t(lang, 'chart_secondary_note'));
  if (marks.has('no-data')) sentences.push(t(lang, 'chart_no_data_note'));
  if (points.some((p) => p.partial)) sentences.push(t(lang, 'chart_partial_note'));
  if (options.table) sentences.push(t(lang, options.table === 'above' ? 'chart_table_above' : 'chart_table_below'));
  return sentences.join(' ');
}

function legendItems(
  lang: Lang,
  marks: ReadonlySet<ChartPoint['mark']>,
  minCount: number,
  partial: boolean,
): { text: string; swatch: boolean }[] {
  const items: { text: string; swatch: boolean }[] = [];
  if (marks.has('primary')) items.push({ text: t(lang, 'chart_primary_legend', { min: minCount, max: minCount - 1 }), swatch: true });
  if (marks.has('secondary')) items.push({ text: t(lang, 'chart_secondary_legend'), swatch: false });
  if (marks.has('no-data')) items.push({ text: t(lang, 'chart_no_data_legend'), swatch: false });
  if (partial) items.push({ text: t(lang, 'chart_partial_legend'), swatch: false });
  return items;
}

/** "1. kv. 2020" → ["1. kv.", "2020"]; "Q1 2020" → ["Q1", "2020"]: two lines under a narrow bar. */
function splitQuarter(label: string): [string, string] {
  const space = label.lastIndexOf(' ');
  return space < 0 ? [label, ''] : [label.slice(0, space), label.slice(space + 1)];
}

/** A coordinate with at most one decimal, never "-0". */
const num = (value: number): string => String(Math.round(value * 10) / 10 + 0);

/** An id usable in HTML, XML and url(#…): letters, digits, "-" and "_", starting with a letter. */
function safeId(id: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `chart-${cleaned}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for XML content and attribute values: markup characters as entities; characters
 * XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF) dropped or replaced.
 */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
