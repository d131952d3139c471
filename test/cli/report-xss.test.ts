import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../src/write/pdf.js';
import { runCli } from '../helpers/run-cli.js';

// An XSS corpus in questions, answers, titles and summaries must be inert in the brief: checked by
// parsing the output's tags, and once in headless Chromium, where nothing may run.

const CORPUS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<body onload="window.__pwned = \'body\'">',
  '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  '[klik](javascript:window.__pwned=1)',
  '[klik](JaVaScRiPt:window.__pwned=1)',
  '[klik](data:text/html,<script>window.__pwned=1</script>)',
  '<a href="javascript:window.__pwned=1">klik</a>',
  '"><script>window.__pwned = "attr"</script>',
  '<scr<script>ipt>window.__pwned = "nested"</script>',
  '&lt;script&gt;window.__pwned = "entity"&lt;/script&gt;',
  '<img src="x" o\nnerror="window.__pwned=1">',
  '<style>body{background:url(javascript:window.__pwned=1)}</style>',
  '<math><mi xlink:href="javascript:window.__pwned=1">x</mi></math>',
  '<details open ontoggle="window.__pwned = \'toggle\'">',
  '{{constructor.constructor "window.__pwned = 1"}}',
];

const dir = mkdtempSync(join(tmpdir(), 'borgermode-xss-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'borgermode.yaml'),
  'title: "Testparken <b>fed</b>"\nareas:\n  - id: testparken\n    name: Testparken\n    coverage: { to: 2020-03-31 }\n',
);
writeFileSync(
  join(dir, 'records.yaml'),
  stringify({
    incidents: CORPUS.map((summary, i) => ({ id: `inc-${i}`, date: '2020-02-10', category: 'theft', count: 5, summary })),
    // A title is one line (control-character); the summary keeps the line break.
    activities: CORPUS.map((title, i) => ({
      id: `act-${i}`,
      date: '2020-02-12',
      kind: 'information',
      title: title.replace(/\n/g, ' '),
      summary: title,
      answers: [`q-${i}`],
    })),
    questions: CORPUS.map((text, i) => ({
      id: `q-${i}`,
      date: '2020-01-15',
      question: text,
      status: 'answered',
      answer: text,
      answered: '2020-03-01',
      rumour: true,
      verdict: 'dispelled',
    })),
  }),
);

async function brief(): Promise<string> {
  const result = await runCli(['report', '--data', dir, '--quarter', '2020-Q1', '--format', 'html']);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

/** The opening tag of the brief's own charts (render/chart.ts, two per brief): the only <svg> allowed. */
const CHART_SVG =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart" role="img" viewBox="0 0 \d+ \d+" width="\d+" height="\d+" aria-labelledby="chart-(crime|concerns)_total-title" aria-describedby="chart-\1_total-desc">$/;

describe('an XSS corpus in record text', () => {
  it('leaves no tag in the HTML that runs script, loads anything or links off http(s)', async () => {
    const html = await brief();
    const all = [...html.matchAll(/<[a-z][^>]*>/gi)].map(([tag]) => tag);
    expect(all.filter((tag) => CHART_SVG.test(tag))).toHaveLength(2);
    const tags = all.filter((tag) => !CHART_SVG.test(tag));
    expect(tags.length).toBeGreaterThan(50);
    const bad = tags.filter((tag) =>
      /^<(script|img|svg|iframe|object|embed|math|details|body(?!>)|style(?!>))\b|\son\w+\s*=|href\s*=\s*"?(?!https?:|mailto:)|srcdoc/i.test(
        tag,
      ),
    );
    expect(bad).toEqual([]);
    expect(html).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
  });

  const chromium = (() => {
    try {
      return findChromium({ env: process.env });
    } catch {
      return undefined;
    }
  })();
  if (!chromium)
    console.warn('SKIPPED: the Chromium check of test/cli/report-xss.test.ts: no Chromium (set BORGERMODE_CHROMIUM or install chromium).');

  it.runIf(chromium)(
    'runs nothing in headless Chromium',
    async () => {
      const { chromium: launcher } = (await import('playwright-core')).default;
      const browser = await launcher.launch({ executablePath: chromium!, headless: true, args: [...CHROMIUM_ARGS, '--no-sandbox'] });
      try {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.setContent(await brief(), { waitUntil: 'load' });
        // Give event handlers (onerror, onload, ontoggle) every chance to fire.
        await page.waitForTimeout(300);
        for (const link of await page.locator('a').all()) await link.hover();
        expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(dialogs).toEqual([]);
        expect(await page.locator('script, iframe, img, svg:not(svg.chart), object, embed').count()).toBe(0);
        // The brief's two charts, and nothing in them that could run or load anything.
        expect(await page.locator('svg').count()).toBe(2);
        expect(await page.locator('svg.chart :is(script, foreignObject, a, image, use, iframe)').count()).toBe(0);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
