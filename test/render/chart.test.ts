import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { parseQuarter, type Quarter } from '../../src/model/quarters.js';
import type { BriefView } from '../../src/render/brief-view.js';
import { type ChartPoint, chartScale, escapeXml, renderBarChart } from '../../src/render/chart.js';
import { audienceData, briefViewFor } from '../../src/render/pages.js';
import { buildDataset, type DatasetParts } from '../helpers/dataset.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data');

// ---------------------------------------------------------------------------------------------
// A strict XML well-formedness check (no XML parser is installed, and the HTML parsers forgive
// what XML does not: an unclosed <tspan>, a stray "<", an unknown entity). It accepts elements,
// attributes, text, character and predefined entity references, and nothing else (no DTD, PI,
// CDATA or comment: the charts write none), and returns the tree so tests can look inside.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const REFERENCE = /^&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Characters XML 1.0 allows (surrogate pairs checked as whole code points).
const isXmlChar = (c: number) =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** Decodes text or an attribute value, refusing a raw "<" (and `quote`) and any "&" that does not start a valid reference. */
function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length;) {
    const code = raw.codePointAt(i)!;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} not allowed in XML (${where})`);
    const c = raw[i]!;
    if (c === '<') throw new Error(`raw "<" in ${where}`);
    if (c === '&') {
      const ref = REFERENCE.exec(raw.slice(i));
      if (!ref) throw new Error(`"&" that starts no entity reference in ${where}: ${JSON.stringify(raw.slice(i, i + 12))}`);
      const point = ref[1] ? PREDEFINED[ref[1]]!.codePointAt(0)! : Number.parseInt(ref[2] ?? ref[3]!, ref[2] ? 10 : 16);
      if (!isXmlChar(point)) throw new Error(`reference to a character not allowed in XML (${where})`);
      out += String.fromCodePoint(point);
      i += ref[0].length;
      continue;
    }
    out += String.fromCodePoint(code);
    i += code > 0xffff ? 2 : 1;
  }
  return out;
}

function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 30))}`);
  };
  while (i < xml.length) {
    const next = xml.indexOf('<', i);
    const text = xml.slice(i, next < 0 ? xml.length : next);
    if (text) {
      const decoded = decode(text, 'text');
      if (stack.length === 0) {
        if (decoded.trim()) fail('text outside the root element');
      } else stack.at(-1)!.children.push(decoded);
    }
    if (next < 0) break;
    i = next;
    if (xml.startsWith('</', i)) {
      i += 2;
      const name = NAME.exec(xml.slice(i))?.[0] ?? fail('end tag without a name');
      i += name.length;
      while (/\s/.test(xml[i] ?? '')) i++;
      if (xml[i] !== '>') fail(`end tag </${name} not closed`);
      i++;
      const open = stack.pop() ?? fail(`end tag </${name}> without a start tag`);
      if (open.name !== name) fail(`end tag </${name}> closes <${open.name}>`);
      continue;
    }
    i += 1;
    const name = NAME.exec(xml.slice(i))?.[0] ?? fail('"<" that starts no tag (<!…, <?… are not written by the charts)');
    i += name.length;
    const element: XmlElement = { name, attrs: {}, children: [] };
    for (;;) {
      const space = /^\s*/.exec(xml.slice(i))![0].length;
      i += space;
      if (xml.startsWith('/>', i) || xml[i] === '>') break;
      if (space === 0) fail('attributes must be separated by white space');
      const attr = NAME.exec(xml.slice(i))?.[0] ?? fail('attribute without a name');
      i += attr.length;
      const eq = /^\s*=\s*/.exec(xml.slice(i))?.[0] ?? fail(`attribute ${attr} without "="`);
      i += eq.length;
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} value not quoted`);
      const end = xml.indexOf(quote!, i + 1);
      if (end < 0) fail(`attribute ${attr} value not closed`);
      if (Object.hasOwn(element.attrs, attr)) fail(`attribute ${attr} twice`);
      element.attrs[attr] = decode(xml.slice(i + 1, end), `attribute ${attr}`);
      i = end + 1;
    }
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else if (root) fail('a second root element');
    else root = element;
    if (xml.startsWith('/>', i)) i += 2;
    else {
      i += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

const elements = (node: XmlElement): XmlElement[] => [node, ...node.children.flatMap((c) => (typeof c === 'string' ? [] : elements(c)))];
const textOf = (node: XmlElement): string => node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
const byClass = (svg: XmlElement, cls: string) => elements(svg).filter((e) => (e.attrs.class ?? '').split(' ').includes(cls));

// ---------------------------------------------------------------------------------------------

const Q = (text: string): Quarter => parseQuarter(text)!;
const shown = (quarter: string, value: number): ChartPoint => ({ quarter: Q(quarter), mark: 'shown', value });
const marked = (quarter: string, mark: 'primary' | 'secondary' | 'no-data'): ChartPoint => ({ quarter: Q(quarter), mark });

const EIGHT = ['2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];
const allShown = (values: number[]) => EIGHT.map((q, i) => shown(q, values[i]!));

describe('the well-formedness check of these tests', () => {
  it.each([
    ['an unclosed element', '<svg><text>a</svg>'],
    ['a stray "<"', '<svg><text>a < b</text></svg>'],
    ['a raw "&"', '<svg><text>a & b</text></svg>'],
    ['an unknown entity', '<svg><text>&nbsp;</text></svg>'],
    ['an unquoted attribute', '<svg width=3></svg>'],
    ['a duplicate attribute', '<svg a="1" a="2"></svg>'],
    ['a "<" in an attribute', '<svg aria-label="<5"></svg>'],
    ['two roots', '<svg></svg><svg></svg>'],
    ['a control character', '<svg><text>\u0001</text></svg>'],
  ])('refuses %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });

  it('accepts a well-formed fragment and decodes its references', () => {
    const root = parseXml('<svg a="&quot;x&quot;"><text>&lt;5 &amp; &#8722;1 &#x41;</text><g/></svg>');
    expect(root.attrs.a).toBe('"x"');
    expect(textOf(root)).toBe('<5 & −1 A');
  });
});

describe('renderBarChart', () => {
  const chart = (points: ChartPoint[], extra: Partial<Parameters<typeof renderBarChart>[0]> = {}) =>
    renderBarChart({ id: 'chart-crime', lang: 'da', title: 'Kriminalitet i alt', points, minCount: 5, ...extra });

  it('is well-formed XML: one <svg> with role="img", labelled by its <title>, described by its <desc>, no script', () => {
    const svg = parseXml(chart(allShown([54, 53, 55, 53, 41, 41, 32, 33]), { table: 'below' }));
    expect(svg.name).toBe('svg');
    expect(svg.attrs).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      role: 'img',
      'aria-labelledby': 'chart-crime-title',
      'aria-describedby': 'chart-crime-desc',
    });
    const [title, desc] = [elements(svg).find((e) => e.name === 'title')!, elements(svg).find((e) => e.name === 'desc')!];
    expect(title.attrs.id).toBe('chart-crime-title');
    expect(textOf(title)).toBe('Kriminalitet i alt, 2. kv. 2018 – 1. kv. 2020');
    expect(desc.attrs.id).toBe('chart-crime-desc');
    expect(textOf(desc)).toBe(
      'Søjlediagram: Kriminalitet i alt pr. kvartal fra 2. kv. 2018 til 1. kv. 2020. 2. kv. 2018: 54; 3. kv. 2018: 53; 4. kv. 2018: 55; 1. kv. 2019: 53; 2. kv. 2019: 41; 3. kv. 2019: 41; 4. kv. 2019: 32; 1. kv. 2020: 33. Tabellen nedenfor viser tallene med sammenligninger.',
    );
    const names = new Set(elements(svg).map((e) => e.name));
    expect(
      [...names].filter((n) => !['svg', 'title', 'desc', 'defs', 'pattern', 'rect', 'line', 'g', 'text', 'tspan'].includes(n)),
    ).toEqual([]);
    expect(
      elements(svg)
        .flatMap((e) => Object.keys(e.attrs))
        .filter((a) => /^on|href/i.test(a)),
    ).toEqual([]);
  });

  it('carries every figure, quarter and axis number as text, in the language’s number format', () => {
    const values = [0, 7, 1234, 12, 9, 10, 11, 2500];
    for (const [lang, figures, quarters, ticks] of [
      [
        'da',
        ['0', '7', '1.234', '12', '9', '10', '11', '2.500'],
        ['2. kv.2018', '3. kv.2018', '4. kv.2018', '1. kv.2019', '2. kv.2019', '3. kv.2019', '4. kv.2019', '1. kv.2020'],
        ['0', '1.000', '2.000', '3.000'],
      ],
      [
        'en',
        ['0', '7', '1,234', '12', '9', '10', '11', '2,500'],
        ['Q22018', 'Q32018', 'Q42018', 'Q12019', 'Q22019', 'Q32019', 'Q42019', 'Q12020'],
        ['0', '1,000', '2,000', '3,000'],
      ],
    ] as const) {
      const svg = parseXml(chart(allShown(values), { lang }));
      expect(byClass(svg, 'figure').map(textOf)).toEqual(figures);
      expect(byClass(svg, 'quarter').map(textOf)).toEqual(quarters);
      expect(
        elements(svg)
          .filter((e) => e.name === 'g' && e.attrs.class === 'axis')
          .flatMap((g) => g.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'text').map(textOf)),
      ).toEqual([...ticks, lang === 'da' ? 'Antal' : 'Number']);
    }
  });

  it('draws one bar per shown non-zero figure, its height in proportion, the brief’s quarter in black', () => {
    const svg = parseXml(chart(allShown([10, 20, 0, 40, 10, 20, 30, 40])));
    const bars = byClass(svg, 'bar');
    expect(bars).toHaveLength(7);
    const heights = bars.map((b) => Number(b.attrs.height));
    expect(heights[2]! / heights[0]!).toBeCloseTo(4, 1);
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 1);
    expect(bars.map((b) => b.attrs.fill)).toEqual([...Array<string>(6).fill('#737373'), '#111']);
    expect(byClass(svg, 'current')).toEqual([bars[6]]);
  });

  it('draws no bar for a suppressed figure: "<5" is a hatched box over 1–4, "x" and "–" are labelled gaps', () => {
    const points = [
      marked('2018-Q2', 'no-data'),
      shown('2018-Q3', 12),
      marked('2018-Q4', 'primary'),
      shown('2019-Q1', 0),
      marked('2019-Q2', 'secondary'),
      shown('2019-Q3', 20),
      shown('2019-Q4', 15),
      marked('2020-Q1', 'primary'),
    ];
    const svg = parseXml(chart(points));
    expect(byClass(svg, 'figure').map(textOf)).toEqual(['–', '12', '<5', '0', 'x', '20', '15', '<5']);
    // Bars only for 12, 20 and 15; the two "<5" are hatched, dashed boxes as tall as 4 on the axis.
    expect(byClass(svg, 'bar').map((b) => b.attrs.height)).toHaveLength(3);
    const boxes = byClass(svg, 'suppressed');
    expect(boxes).toHaveLength(2);
    for (const box of boxes) expect(box.attrs).toMatchObject({ fill: 'url(#chart-crime-hatch)', 'stroke-dasharray': '2 1.5' });
    const bar20 = Number(byClass(svg, 'bar')[1]!.attrs.height);
    expect(Number(boxes[0]!.attrs.height) / bar20).toBeCloseTo(4 / 20, 1);
    // Every rect of the plot is a bar of a shown figure or a "<5" box: nothing else has a height.
    const plotRects = elements(svg).filter((e) => e.name === 'rect' && e.attrs.class !== undefined);
    expect(plotRects).toHaveLength(5);
    // The legend and the <desc> say what the marks mean, in words.
    expect(
      byClass(svg, 'legend').flatMap((g) =>
        elements(g)
          .filter((e) => e.name === 'text')
          .map(textOf),
      ),
    ).toEqual(['under 5 (1–4)', 'x: skjult', '–: ingen data']);
    const desc = textOf(elements(svg).find((e) => e.name === 'desc')!);
    expect(desc).toContain('2. kv. 2018: ingen data; 3. kv. 2018: 12; 4. kv. 2018: under 5; 1. kv. 2019: 0; 2. kv. 2019: skjult;');
    expect(desc).toContain('Et skraveret felt er et tal under 5: det viser intervallet 1–4, ikke tallet.');
  });

  /** 2018-Q2 … 2019-Q4, whole quarters; a test adds 2020-Q1. */
  const firstSeven = [54, 53, 55, 53, 41, 41, 32].map((value, i) => shown(EIGHT[i]!, value));

  it.each<[string, ChartPoint, string, string]>([
    [
      'a shown figure',
      { quarter: Q('2020-Q1'), mark: 'shown', value: 33, partial: true },
      '33*',
      '1. kv. 2020: 33 (foreløbigt, kvartalet er ikke slut).',
    ],
    [
      'a "<5"',
      { quarter: Q('2020-Q1'), mark: 'primary', partial: true },
      '<5*',
      '1. kv. 2020: under 5 (foreløbigt, kvartalet er ikke slut).',
    ],
  ])('marks a partial quarter’s point (%s): "*" after its figure, provisional in the <desc> and the legend', (_, last, figure, said) => {
    const svg = parseXml(chart([...firstSeven, last]));
    expect(byClass(svg, 'figure').map(textOf)).toEqual(['54', '53', '55', '53', '41', '41', '32', figure]);
    const desc = textOf(elements(svg).find((e) => e.name === 'desc')!);
    expect(desc).toContain(`4. kv. 2019: 32; ${said}`);
    expect(desc).toContain('*: et foreløbigt tal for et kvartal, der ikke er slut. Søjlen er kun tegnet som omrids.');
    expect(
      byClass(svg, 'legend').flatMap((g) =>
        elements(g)
          .filter((e) => e.name === 'text')
          .map(textOf),
      ),
    ).toContain('*: foreløbigt, kvartalet er ikke slut');
  });

  it('draws a partial quarter’s bar as a dashed outline, the others filled', () => {
    const points: ChartPoint[] = [...firstSeven, { quarter: Q('2020-Q1'), mark: 'shown', value: 33, partial: true }];
    const svg = parseXml(chart(points));
    const bars = byClass(svg, 'bar');
    expect(bars).toHaveLength(8);
    expect(bars.at(-1)!.attrs).toMatchObject({ class: 'bar current partial', fill: '#fff', stroke: '#111', 'stroke-dasharray': '3 2' });
    expect(bars.slice(0, -1).map((b) => [b.attrs.class, b.attrs.fill, b.attrs['stroke-dasharray']])).toEqual(
      Array(7).fill(['bar', '#737373', undefined]),
    );
    expect(byClass(svg, 'partial')).toEqual([bars.at(-1)]);
    // Its height is its count's, as a whole quarter's would be.
    expect(Number(bars.at(-1)!.attrs.height) / Number(bars[0]!.attrs.height)).toBeCloseTo(33 / 54, 2);
    // In English too.
    const en = parseXml(chart(points, { lang: 'en' }));
    expect(textOf(elements(en).find((e) => e.name === 'desc')!)).toContain('Q1 2020: 33 (provisional, the quarter is not over).');
    expect(
      byClass(en, 'legend').flatMap((g) =>
        elements(g)
          .filter((e) => e.name === 'text')
          .map(textOf),
      ),
    ).toEqual(['*: provisional, the quarter is not over']);
  });

  it('has no partial bar, "*", provisional words or legend when no point is partial', () => {
    const xml = chart([...firstSeven, { quarter: Q('2020-Q1'), mark: 'shown', value: 33, partial: false }]);
    const svg = parseXml(xml);
    expect(byClass(svg, 'partial')).toEqual([]);
    expect(byClass(svg, 'bar').at(-1)!.attrs).toMatchObject({ class: 'bar current', fill: '#111' });
    expect(byClass(svg, 'figure').map(textOf).at(-1)).toBe('33');
    expect(xml).not.toMatch(/\*|foreløbig|stroke-dasharray="3 2"/);
    expect(byClass(svg, 'legend')).toEqual([]);
  });

  it('has no legend when every figure is shown', () => {
    expect(byClass(parseXml(chart(allShown([1, 2, 3, 4, 5, 6, 7, 8]))), 'legend')).toEqual([]);
  });

  it('escapes <, & and " in every text, and makes the ids safe', () => {
    const xml = chart(allShown([1, 2, 3, 4, 5, 6, 7, 8]), { id: '1 "a" <b>', title: 'Vold & <b>trusler</b> "i alt"\u0007' });
    expect(xml).not.toMatch(/<b>|"i alt"|\u0007/);
    const svg = parseXml(xml);
    expect(svg.attrs['aria-labelledby']).toBe('chart-1--a---b--title');
    expect(textOf(elements(svg).find((e) => e.name === 'title')!)).toBe('Vold & <b>trusler</b> "i alt", 2. kv. 2018 – 1. kv. 2020');
    expect(textOf(elements(svg).find((e) => e.name === 'desc')!)).toMatch(/^Søjlediagram: Vold & <b>trusler<\/b> "i alt" pr\. kvartal/);
    expect(escapeXml(`<&>"'\uD800x`)).toBe('&lt;&amp;&gt;&quot;&#39;\uFFFDx');
  });

  it('is valid in an HTML page (html-validate with the project’s configuration)', async () => {
    const points = [marked('2019-Q2', 'no-data'), marked('2019-Q3', 'primary'), marked('2019-Q4', 'secondary'), shown('2020-Q1', 9)];
    const svgs = [chart(points, { id: 'chart-a', title: 'A & "B"' }), chart(points, { id: 'chart-b', lang: 'en' })].join('\n');
    const page = `<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n<title>Diagram</title>\n</head>\n<body>\n<main>\n<h1>Diagram</h1>\n<div class="charts">\n${svgs}\n</div>\n</main>\n</body>\n</html>\n`;
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(page, join(ROOT, 'chart.html'));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe('chartScale', () => {
  it.each([
    ['the sample’s crime totals', [[54, 53, 55, 53, 41, 41, 32, 33]], [], { max: 60, step: 20 }],
    [
      'two series on one axis',
      [
        [12, 8],
        [31, 4],
      ],
      [],
      { max: 40, step: 10 },
    ],
    ['large counts', [[617, 1234]], [], { max: 1500, step: 500 }],
    ['nothing but zeros', [[0, 0]], [], { max: 1, step: 1 }],
    ['a "<5" beside small counts: the axis reaches min_count', [[2]], ['primary'], { max: 6, step: 2 }],
    ['hidden figures and quarters without data add nothing', [[3]], ['secondary', 'no-data'], { max: 3, step: 1 }],
  ] as const)('%s', (_, series, withheld, expected) => {
    const points = series.map((values) => [
      ...values.map((v, i) => shown(EIGHT[i]!, v)),
      ...withheld.map((mark) => marked('2020-Q1', mark)),
    ]);
    expect(chartScale(points, 5)).toEqual(expected);
  });
});

describe('the chart of the brief (crime and concerns totals, eight quarters)', () => {
  const view = (
    parts: DatasetParts,
    quarter = '2020-Q1',
    audience: 'public' | 'internal' = 'public',
    lang: 'da' | 'en' = 'da',
  ): BriefView => briefViewFor(audienceData(buildDataset(parts), audience), 'a', Q(quarter), lang);
  // On the 15th of the quarter's last month: the police figures (to the end of the latest incident's month) then cover 2020-Q1 wholly.
  const at = (quarter: string, category: string, count: number) => ({
    date: `${quarter.slice(0, 4)}-${String(Number(quarter.at(-1)) * 3).padStart(2, '0')}-15`,
    category,
    count,
  });
  /** Ten violence and eight thefts a quarter from 2019-Q1, ten traffic incidents a quarter; `extra` on top. */
  const parts = (extra: ReturnType<typeof at>[] = [], replace: Record<string, ReturnType<typeof at>[]> = {}): DatasetParts => ({
    incidents: EIGHT.slice(3)
      .flatMap((q) => replace[q] ?? [at(q, 'violence', 10), at(q, 'theft', 8), at(q, 'traffic', 10)])
      .concat(extra),
  });
  const series = (v: BriefView, id: string) => v.crime.chart.series.find((s) => s.id === id)!;

  it('shows each quarter’s totals exactly as that quarter’s own brief does, "–" before the police figures begin', () => {
    // 2019-Q3: concerns total 2 ("<5"); 2019-Q4: crime 4 + 4 + 4 (each "<5", so the total is hidden, "x").
    const data = parts([], {
      '2019-Q3': [at('2019-Q3', 'violence', 10), at('2019-Q3', 'nuisance', 2)],
      '2019-Q4': [at('2019-Q4', 'violence', 4), at('2019-Q4', 'theft', 4), at('2019-Q4', 'vandalism', 4), at('2019-Q4', 'traffic', 7)],
    });
    const latest = view(data);
    expect(latest.crime.chart.quarters).toEqual(EIGHT);
    const crime = series(latest, 'crime_total');
    const concerns = series(latest, 'concerns_total');
    expect(crime.figures).toEqual(['–', '–', '–', '18', '18', '10', 'x', '18']);
    expect(concerns.figures).toEqual(['–', '–', '–', '10', '10', '<5', '7', '10']);
    for (const [index, quarter] of EIGHT.entries()) {
      if (index < 3) continue;
      const own = view(data, quarter);
      expect([crime.figures[index], concerns.figures[index]]).toEqual([own.crime.crime_total.current, own.crime.concerns_total.current]);
    }
    // The SVG says the same as the figures, and draws bars only for the shown, non-zero ones.
    for (const s of [crime, concerns]) {
      const svg = parseXml(s.svg);
      expect(byClass(svg, 'figure').map(textOf)).toEqual(s.figures);
      expect(byClass(svg, 'bar')).toHaveLength(s.figures.filter((f) => /^[1-9]/.test(f)).length);
    }
    expect(byClass(parseXml(concerns.svg), 'suppressed')).toHaveLength(1);
    expect(byClass(parseXml(crime.svg), 'suppressed')).toHaveLength(0);
  });

  it('computes nothing from a suppressed total: the SVG is the same whatever its true value', () => {
    const concerns = (n: number) => parts([], { '2019-Q3': [at('2019-Q3', 'violence', 10), at('2019-Q3', 'nuisance', n)] });
    // A crime total is hidden when its "<5" cells would be pinned: 4 + 4 + 4 = 12, or 1 + 1 + 1 + 1 = 4.
    const crime = (cells: [string, number][]) =>
      parts([], { '2019-Q4': [...cells.map(([category, n]) => at('2019-Q4', category, n)), at('2019-Q4', 'traffic', 7)] });
    for (const [a, b, id, figure] of [
      [concerns(2), concerns(3), 'concerns_total', '<5'],
      [
        crime([
          ['violence', 4],
          ['theft', 4],
          ['vandalism', 4],
        ]),
        crime([
          ['violence', 1],
          ['theft', 1],
          ['vandalism', 1],
          ['threats', 1],
        ]),
        'crime_total',
        'x',
      ],
    ] as const) {
      const [viewA, viewB] = [view(a), view(b)];
      expect(series(viewA, id).figures[5 + (id === 'crime_total' ? 1 : 0)]).toBe(figure);
      expect(viewB.crime.chart).toEqual(viewA.crime.chart);
    }
    // Internal output is exact: the same data gives different charts there.
    expect(series(view(concerns(2), '2020-Q1', 'internal'), 'concerns_total').figures[5]).toBe('2');
    expect(view(concerns(2), '2020-Q1', 'internal').crime.chart).not.toEqual(view(concerns(3), '2020-Q1', 'internal').crime.chart);
  });

  it('draws the brief’s partial quarter as an outline bar marked "*", the whole quarters before it filled', () => {
    // The police figures are stated to end on 15 February 2020.
    const v = view(
      {
        ...parts(),
        areas: [
          { id: 'a', name: 'Område A', coverage: { to: '2020-02-15' } },
          { id: 'b', name: 'Område B' },
        ],
      },
      '2020-Q1',
      'internal',
    );
    const crime = series(v, 'crime_total');
    expect(crime.figures).toEqual(['–', '–', '–', '18', '18', '18', '18', '0']);
    const svg = parseXml(crime.svg);
    expect(byClass(svg, 'figure').map(textOf)).toEqual(['–', '–', '–', '18', '18', '18', '18', '0*']);
    expect(textOf(elements(svg).find((e) => e.name === 'desc')!)).toContain('1. kv. 2020: 0 (foreløbigt, kvartalet er ikke slut).');
    // With a count in the covered days the bar is drawn, as an outline.
    const counted = view(
      {
        ...parts([{ date: '2020-01-15', category: 'violence', count: 6 }]),
        areas: [
          { id: 'a', name: 'Område A', coverage: { to: '2020-02-15' } },
          { id: 'b', name: 'Område B' },
        ],
      },
      '2020-Q1',
      'internal',
    );
    const bars = byClass(parseXml(series(counted, 'crime_total').svg), 'bar');
    expect(bars.map((b) => b.attrs.class)).toEqual(['bar', 'bar', 'bar', 'bar', 'bar current partial']);
    // A whole quarter's brief has none.
    expect(series(view(parts(), '2020-Q1', 'internal'), 'crime_total').svg).not.toContain('partial');
  });

  it('draws both totals on one value axis', () => {
    const v = view(parts([at('2020-Q1', 'traffic', 30)]));
    const ticks = (svg: string) =>
      elements(parseXml(svg))
        .filter((e) => e.name === 'g' && e.attrs.class === 'axis')
        .map(textOf);
    expect(ticks(series(v, 'crime_total').svg)).toEqual(ticks(series(v, 'concerns_total').svg));
  });

  it('is in the crime section of the HTML brief, before its table, and not in Markdown', async () => {
    const html = (await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'html'])).stdout;
    const section = html.slice(
      html.indexOf('<section aria-labelledby="crime">'),
      html.indexOf('</section>', html.indexOf('<section aria-labelledby="crime">')),
    );
    expect(section.match(/<svg /g)).toHaveLength(2);
    expect(section.indexOf('<svg ')).toBeLessThan(section.indexOf('<table class="figures">'));
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain(
      '<desc id="chart-crime_total-desc">Søjlediagram: Kriminalitet i alt pr. kvartal fra 2. kv. 2018 til 1. kv. 2020. 2. kv. 2018: 54;',
    );
    const markdown = (await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'md'])).stdout;
    expect(markdown).not.toMatch(/<svg|Søjlediagram/);
  });
});
