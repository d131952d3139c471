import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/write/pdf.js';
import { chromium } from '../helpers/chromium.js';
import { HOSTILE_TEXTS, htmlProblems, KEPT_MARKDOWN, LINE_STARTS } from '../helpers/markdown-corpus.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { siteFiles } from '../helpers/site-links.js';

// The Markdown outputs as a reader meets them (issue 14): rendered by marked, which does not
// sanitise, as many a preview does, and opened in headless Chromium. Every text field that
// reaches Markdown output holds the whole corpus of test/helpers/markdown-corpus.ts, after a start
// that would begin a block and a name of its own; nothing may run or load, and the text is seen.

/** Every kind of record and settings text that Markdown output shows. */
const FIELDS = [
  'title',
  'area-name',
  'municipality',
  'police-district',
  'zone',
  'second-area-name',
  'category-da',
  'category-en',
  'break-note',
  'settings-meeting-place',
  'contact-role',
  'contact-name',
  'contact-phone',
  'incident-summary',
  'internal-note',
  'activity-title',
  'activity-summary',
  'partner',
  'question',
  'answer',
  'meeting-place',
  'priority-title',
  'priority-summary',
  'survey-measure',
  'survey-unit',
  'survey-source',
] as const;
type Field = (typeof FIELDS)[number];

const KEPT = KEPT_MARKDOWN.map(([markdown]) => markdown).join(' ');
/** A field's text: a block start, its name (felt-…, to find it in the output), the corpus, and the Markdown that keeps working. */
// Line breaks and CRs as spaces: record text holds neither in a field of one line, nor a CR anywhere (control-character, docs/data-format.md); test/render/markdown.test.ts renders both.
const value = (field: Field) =>
  `${LINE_STARTS[FIELDS.indexOf(field) % LINE_STARTS.length]}felt-${field} ${HOSTILE_TEXTS.join(' ').replace(/[\r\n]/g, ' ')} ${KEPT}`;

function writeProject(dir: string): void {
  writeFileSync(
    join(dir, 'borgermode.yaml'),
    stringify({
      title: value('title'),
      areas: [
        {
          id: 'park',
          name: value('area-name'),
          municipality: value('municipality'),
          police_district: value('police-district'),
          residents: 1200,
          zones: [value('zone')],
          coverage: { from: '2019-01-01', to: '2020-03-31' },
        },
        { id: 'haven', name: value('second-area-name'), residents: 800, coverage: { from: '2019-01-01', to: '2020-03-31' } },
      ],
      categories: [
        {
          id: 'hostile',
          da: value('category-da'),
          en: value('category-en'),
          crime: true,
          breaks: [{ date: '2020-02-01', note: value('break-note') }],
        },
      ],
      // Category by category, so the project's own category label and its break note reach every output.
      privacy: { grouping: 'categories' },
      meeting: { place: value('settings-meeting-place') },
      contacts: [{ role: value('contact-role'), name: value('contact-name'), phone: value('contact-phone') }],
    }),
  );
  const counts = ['2019-02-10', '2019-11-10', '2020-02-10'].flatMap((date) =>
    ['park', 'haven'].flatMap((area) => [
      { id: `inc-${date}-${area}-1`, date, area, category: 'hostile', count: 9 },
      { id: `inc-${date}-${area}-2`, date, area, category: 'theft', count: 7 },
    ]),
  );
  writeFileSync(
    join(dir, 'records.yaml'),
    stringify({
      incidents: [
        ...counts,
        {
          id: 'inc-2020-02-11-1',
          date: '2020-02-11',
          area: 'park',
          category: 'hostile',
          zone: value('zone'),
          summary: value('incident-summary'),
          internal_note: value('internal-note'),
        },
      ],
      activities: [
        {
          id: 'act-2020-02-12-1',
          date: '2020-02-12',
          area: 'park',
          kind: 'information',
          title: value('activity-title'),
          summary: value('activity-summary'),
          partners: [value('partner')],
          participants: 9,
          hours: 2,
          answers: ['q-2020-01-15-1'],
        },
        { id: 'act-2020-05-12-1', date: '2020-05-12', area: 'park', kind: 'patrol', status: 'planned', title: value('activity-title') },
      ],
      questions: [
        {
          id: 'q-2020-01-15-1',
          date: '2020-01-15',
          area: 'park',
          question: value('question'),
          status: 'answered',
          answer: value('answer'),
          answered: '2020-03-01',
          rumour: true,
          verdict: 'dispelled',
        },
      ],
      meetings: [
        { id: 'mtg-2020-04-22', date: '2020-04-22', area: 'park', place: value('meeting-place'), time: '19:00' },
        { id: 'mtg-2020-08-26', date: '2020-08-26', area: 'park' },
      ],
      priorities: [
        { id: 'pri-hostile', area: 'park', title: value('priority-title'), from: '2019-Q4', summary: value('priority-summary') },
      ],
      surveys: [
        {
          id: 'srv-2019-park',
          year: 2019,
          area: 'park',
          level: 'area',
          measure: value('survey-measure'),
          value: 80,
          unit: value('survey-unit'),
          source: value('survey-source'),
          n: 100,
        },
      ],
    }),
  );
}

const work = mkdtempSync(join(tmpdir(), 'borgermode-markdown-safety-'));
const project = join(work, 'project');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The commands whose Markdown is read: each command's Markdown through the in-process CLI (templates compiled from their text). */
const COMMANDS: [string, string[]][] = [
  ['report', ['report', '--area', 'park', '--quarter', '2020-Q1']],
  ['report --lang en', ['report', '--area', 'park', '--quarter', '2020-Q1', '--lang', 'en']],
  ['report --audience internal', ['report', '--area', 'park', '--quarter', '2020-Q1', '--audience', 'internal']],
  ['summary --all-areas', ['summary', '--year', '2020', '--all-areas']],
  ['compare --table incidents', ['compare', '--area', 'park', '--to', '2020-Q1', '--table', 'incidents']],
  ['compare --table activities', ['compare', '--area', 'park', '--to', '2020-Q1', '--table', 'activities']],
  ['compare --table questions', ['compare', '--area', 'park', '--to', '2020-Q1', '--table', 'questions']],
  ['compare --areas', ['compare', '--areas', '--to', '2020-Q1']],
];

/** Every Markdown output, by name: the commands above, and every .md file of a site built by the real bin (its templates precompiled). */
const outputs = new Map<string, string>();

beforeAll(async () => {
  mkdirSync(project);
  writeProject(project);
  for (const [name, args] of COMMANDS) {
    const result = await runCli([...args, '--data', project, '--format', 'md']);
    expect(result.exitCode, `${name}: ${result.stderr}`).toBe(0);
    outputs.set(name, result.stdout);
  }
  const site = join(work, 'site');
  const build = await runBin(['build', '--data', project, '--out', site, '--quiet']);
  expect(build.exitCode, build.stderr).toBe(0);
  const pages = siteFiles(site).filter((file) => file.endsWith('.md'));
  expect(pages.length).toBeGreaterThan(3);
  for (const page of pages) outputs.set(`build: ${page}`, readFileSync(join(site, page), 'utf8'));
}, 120_000);

/** The elements marked makes of the templates' own Markdown and of escaped text. */
const MARKDOWN_ELEMENTS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'del',
  'a',
  'br',
  'hr',
];

const page = (markdown: string) =>
  `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>t</title></head><body>${marked.parse(markdown, { async: false })}</body></html>`;

describe('record and settings text in every Markdown output, rendered by marked', () => {
  it('reaches the outputs: every field, in at least one of them', () => {
    const seen = [...outputs.values()].join('\n');
    expect(FIELDS.filter((field) => !seen.includes(`felt-${field}`))).toEqual([]);
  });

  it('gives the bin (precompiled templates) the same Markdown as the templates compiled from their text', async () => {
    const [, args] = COMMANDS[0]!;
    const bin = await runBin([...args, '--data', project, '--format', 'md']);
    expect(bin.stdout).toBe(outputs.get('report'));
  });

  it.each(COMMANDS.map(([name]) => [name]))('%s: makes no element but Markdown’s, no link off http(s)/mailto', (name) => {
    expect(htmlProblems(marked.parse(outputs.get(name)!, { async: false }), MARKDOWN_ELEMENTS)).toEqual([]);
  });

  it('build: every .md file of the site makes no element but Markdown’s, no link off http(s)/mailto', () => {
    const built = [...outputs].filter(([name]) => name.startsWith('build: '));
    expect(built.map(([name, markdown]) => [name, htmlProblems(marked.parse(markdown, { async: false }), MARKDOWN_ELEMENTS)])).toEqual(
      built.map(([name]) => [name, []]),
    );
  });

  if (!chromium)
    console.warn(
      'SKIPPED: the Chromium check of test/cli/markdown-safety.test.ts: no Chromium (set BORGERMODE_CHROMIUM or install chromium).',
    );

  it.runIf(chromium)(
    'runs and loads nothing in headless Chromium, and shows the raw HTML as text',
    async () => {
      const { chromium: launcher } = (await import('playwright-core')).default;
      const browser = await launcher.launch({ executablePath: chromium!, headless: true, args: [...CHROMIUM_ARGS, '--no-sandbox'] });
      try {
        for (const [name, markdown] of outputs) {
          const tab = await browser.newPage();
          const requests: string[] = [];
          const dialogs: string[] = [];
          // setContent asks for nothing itself: any request is the page's own doing, and is refused.
          await tab.route('**/*', (route) => {
            requests.push(route.request().url());
            return route.abort();
          });
          tab.on('dialog', (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
          });
          await tab.setContent(page(markdown), { waitUntil: 'load' });
          // Give event handlers (onerror, onload, ontoggle) every chance to fire.
          await tab.waitForTimeout(200);
          const seen = {
            pwned: await tab.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned),
            text: (await tab.locator('body').textContent()) ?? '',
            elements: await tab
              .locator('script, img, iframe, svg, object, embed, details, style, link, video, audio, source, form, input, pre, code')
              .count(),
            hrefs: await Promise.all((await tab.locator('a').all()).map(async (a) => (await a.getAttribute('href')) ?? '')),
          };
          expect({ name, pwned: seen.pwned, requests, dialogs, elements: seen.elements }).toEqual({
            name,
            pwned: undefined,
            requests: [],
            dialogs: [],
            elements: 0,
          });
          expect(
            seen.hrefs.filter((href) => !/^(https?:|mailto:)/.test(href)),
            name,
          ).toEqual([]);
          expect(seen.text, name).toContain('<script>window.__pwned = "script"</script>');
          expect(seen.text, name).toContain('<img src=x onerror="window.__pwned = \'img\'">');
          await tab.close();
        }
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});

describe('the inline Markdown people write, in the Markdown brief', () => {
  it('keeps emphasis and a safe link in record text, and shows a settings label as the text it is', () => {
    const html = marked.parse(outputs.get('report')!, { async: false });
    // Record text (the answer): emphasis and the link stay; raw HTML and the script link do not.
    const answer = /<p>Svar \(1\. marts 2020\): (.*)<\/p>/.exec(html)![1]!;
    expect(answer).toContain('felt-answer');
    for (const [, kept] of KEPT_MARKDOWN) expect(answer).toContain(kept);
    expect(answer).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
    expect(answer).not.toMatch(/<(?!\/?(em|strong|a)\b)|href="(?!https:)/);
    // A category label is text: the highlight shows its asterisks and brackets as written.
    expect(outputs.get('report')).toContain('\\[politi\\](https://politi.dk)');
  });
});
