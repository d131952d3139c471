#!/usr/bin/env node
// The CI browser stage (npm run check:browser): checks every HTML page borgermode renders from the
// bundled sample the way its readers meet it, with tools we did not write.
//
//   1. the W3C Nu HTML checker (vnu-jar, needs Java) on every HTML output: no errors; the pages
//      below, and every HTML page of the site `build` makes of the sample and of a generated
//      three-area project with every record kind (test/helpers/mixed-project.ts), in one call;
//   2. axe-core in headless Chromium (playwright-core, the system's Chromium) on every page at
//      desktop width and on the handout brief at phone width too, WCAG 2.0/2.1 A and AA: no
//      violations, and no network request;
//   3. the brief printed to PDF by src/write/pdf.ts (as `report --format pdf` will): one or two A4
//      pages with the area and quarter in its text; every sample quarter measured in pages;
//   4. screenshots of the brief at A4 print width and phone width, and the PDF pages as PNG.
//
// Results go to stdout; the PDF, screenshots and a JSON summary go to the artefacts folder,
// outside the repository: $BORGERMODE_ARTIFACTS, default /tmp/borgermode-artifacts.
// A tool that is missing (Chromium, Java, poppler's pdfinfo/pdftotext/pdftoppm) skips its checks
// with a SKIPPED notice and exit code 0, except in CI (CI set), where it is an error.
// Exit code: 0 all clean (or skipped outside CI), 1 a finding or (in CI) a missing tool.
/* global document -- the functions given to page.evaluate() run in the page */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  accessSync,
  constants,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLE = join(ROOT, 'data');
const CI = Boolean(process.env.CI);
const ARTIFACTS = resolve(process.env.BORGERMODE_ARTIFACTS || '/tmp/borgermode-artifacts');
const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** Every quarter of the sample with records, first to latest (test/output/validators.test.ts has the same list). */
const QUARTERS = ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];
const LANGS = ['da', 'en'];
/** The brief that is printed, screenshotted and kept as artefacts: the sample's latest quarter. */
const HANDOUT = '2020-Q1';
// The footer the CLI gives the printer (`pdf_page` of src/render/i18n.ts); the check below reads it back.
const PAGE_FOOTERS = { da: 'Side {page} af {pages}', en: 'Page {page} of {pages}' };
/** The pages checked. */
const PAGES = [
  ...QUARTERS.flatMap((quarter) =>
    LANGS.map((lang) => ({
      name: `brief-${quarter}.${lang}.html`,
      args: ['report', '--data', SAMPLE, '--quarter', quarter, '--lang', lang, '--format', 'html'],
      quarter,
      lang,
    })),
  ),
  // The team's own brief (exact counts, internal notes, the notice on every page).
  ...LANGS.map((lang) => ({
    name: `brief-${HANDOUT}.${lang}.internal.html`,
    args: ['report', '--data', SAMPLE, '--quarter', HANDOUT, '--lang', lang, '--audience', 'internal', '--format', 'html'],
    quarter: HANDOUT,
    lang,
    internal: true,
  })),
  // The comparison page of the area (the incidents table), in both languages.
  ...LANGS.map((lang) => ({
    name: `compare-incidents.${lang}.html`,
    args: ['compare', '--data', SAMPLE, '--to', HANDOUT, '--lang', lang, '--format', 'html'],
    quarter: HANDOUT,
    lang,
    compare: true,
  })),
  // The helhedsplan's summary of the sample year 2019, in both languages.
  ...LANGS.map((lang) => ({
    name: `summary-2019.${lang}.html`,
    args: ['summary', '--data', SAMPLE, '--year', '2019', '--lang', lang, '--format', 'html'],
    lang,
    summary: true,
  })),
];
/** The sites built and checked page by page by the Nu checker; `project` is made before the build. */
const SITES = [
  { name: 'site-sample', args: ['--data', SAMPLE] },
  { name: 'site-mixed', project: writeMixedProject },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Desktop, then phone width; every brief is checked at the first, the handout briefs at both. */
const WIDTHS = [1280, 390];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const log = (line = '') => process.stdout.write(`${line}\n`);
/** Runs `action` on every item, `limit` at a time; results in the order of `items`. */
async function inParallel(items, limit, action) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await action(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
/** Pages open at once in the browser: Chromium's work spreads over the cores. */
const CONCURRENCY = 2;
const findings = [];
const skipped = [];
const timings = [];
const summary = { ci: CI, artifacts: ARTIFACTS, nu: {}, axe: {}, pdf: {}, pages: {}, skipped, findings, timings };

function fail(message) {
  findings.push(message);
  log(`  FAIL ${message}`);
}

/** A check that cannot run here: a visible notice outside CI, an error in CI. */
function skip(what, why) {
  if (CI) return fail(`${what}: ${why} (required in CI)`);
  skipped.push(`${what}: ${why}`);
  log(`  SKIPPED ${what}: ${why}`);
}

async function stage(name, action) {
  log(`\n== ${name}`);
  const start = performance.now();
  await action();
  const ms = Math.round(performance.now() - start);
  timings.push({ stage: name, ms });
  log(`   (${(ms / 1000).toFixed(1)} s)`);
}

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};
const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(isExecutable);

function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

/** Builds dist/ when it is missing or older than its inputs (as test/global-setup.ts does). */
function ensureBuild() {
  const entry = join(ROOT, 'dist/cli/borgermode.cjs.cache');
  const inputs = ['src', 'templates', 'data', 'bin', 'scripts/bundle.mjs', 'scripts/make-code-cache.cjs', 'package.json'].map((input) =>
    newestMtime(join(ROOT, input)),
  );
  if (existsSync(entry) && existsSync(join(ROOT, 'dist/write/pdf.js')) && statSync(entry).mtimeMs >= Math.max(...inputs)) return;
  log('  building dist/ (scripts/bundle.mjs)');
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/** Renders every page and builds every site with the bundled CLI, in this process, into `folder`. */
async function renderPages(folder) {
  const { run: runCli } = createRequire(import.meta.url)(join(ROOT, 'bin/borgermode.js')).loadCli();
  const borgermode = async (args) => {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (chunk) => (stdout += chunk) },
      stderr: { write: (chunk) => (stderr += chunk) },
      stdin: { isTTY: false },
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', BORGERMODE_TODAY: '2020-04-20', BORGERMODE_NO_CACHE: '1' },
    };
    const code = await runCli([...args, '--quiet'], io);
    if (code !== 0) throw new Error(`borgermode ${args.join(' ')} exited ${code}: ${stderr}`);
    return stdout;
  };
  for (const page of PAGES) {
    page.file = join(folder, page.name);
    writeFileSync(page.file, await borgermode(page.args));
  }
  log(`  ${PAGES.length} pages rendered into ${folder}`);
  for (const site of SITES) {
    const args = site.project ? ['--data', await site.project(join(folder, `${site.name}-project`))] : site.args;
    site.dir = join(folder, site.name);
    await borgermode(['build', ...args, '--out', site.dir]);
    site.files = readdirSync(site.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    log(`  ${site.name}: built into ${site.dir}, ${site.files.length} HTML pages`);
  }
}

/**
 * Writes the generated project of the tests (test/helpers/mixed-project.ts) into `dir`: esbuild,
 * which builds dist/, bundles the TypeScript helper in memory, so both check the same project.
 */
async function writeMixedProject(dir) {
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [join(ROOT, 'test/helpers/mixed-project.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const { writeMixedProject: write } = await import(
    `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
  );
  return write(dir);
}

async function checkNu() {
  const java =
    process.env.JAVA_HOME && isExecutable(join(process.env.JAVA_HOME, 'bin/java'))
      ? join(process.env.JAVA_HOME, 'bin/java')
      : onPath('java');
  if (!java) return skip('Nu HTML checker', 'no java on PATH (Debian: apt-get install default-jre-headless)');
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
  const siteFiles = SITES.flatMap((site) => site.files);
  const { stderr } = await run(
    java,
    ['-jar', jar, '--format', 'json', '--also-check-css', ...PAGES.map((page) => page.file), ...siteFiles],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error) => error);
  let report;
  try {
    report = JSON.parse(stderr);
  } catch {
    return fail(`Nu HTML checker: unreadable output: ${String(stderr).slice(0, 500)}`);
  }
  log(`  vnu ${report.version}`);
  const byFile = new Map();
  for (const m of report.messages.filter((m) => m.url)) byFile.set(fileURLToPath(m.url), [...(byFile.get(fileURLToPath(m.url)) ?? []), m]);
  /** The page's errors and warnings, printed under it (`quiet`: nothing when it has neither); its error count. */
  const judge = (name, file, quiet) => {
    const messages = byFile.get(file) ?? [];
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
    summary.nu[name] = { errors: errors.length, warnings: warnings.length, messages };
    if (!quiet || messages.length > 0)
      log(`  ${errors.length === 0 ? 'ok  ' : 'FAIL'} ${name}: ${errors.length} errors, ${warnings.length} warnings`);
    for (const m of [...errors, ...warnings])
      log(`       ${name}:${m.lastLine}:${m.firstColumn ?? m.lastColumn} ${m.type === 'info' ? 'warning' : m.type} ${m.message}`);
    if (errors.length > 0) findings.push(`Nu HTML checker: ${errors.length} errors in ${name}`);
    return errors.length;
  };
  for (const page of PAGES) judge(page.name, page.file, false);
  // A site's pages are many: one line for the site, and a line for each page with a message.
  for (const site of SITES) {
    const errors = site.files.reduce(
      (n, file) => n + judge(`${site.name}/${relative(site.dir, file).split(sep).join('/')}`, file, true),
      0,
    );
    log(`  ${errors === 0 ? 'ok  ' : 'FAIL'} ${site.name}: ${site.files.length} pages, ${errors} errors`);
  }
  for (const m of report.messages.filter((m) => !m.url)) fail(`Nu HTML checker: ${m.type} ${m.message}`);
}

/** BORGERMODE_CHROMIUM, else chromium (or another Chromium) on PATH: the rule of src/write/pdf.ts. */
async function findChromium() {
  const { findChromium: find } = await import(pathToFileURL(join(ROOT, 'dist/write/pdf.js')).href);
  try {
    return find({ env: process.env, lang: 'en' });
  } catch (error) {
    skip('Chromium checks (axe-core, screenshots, PDF)', error.message);
    return undefined;
  }
}

async function withBrowser(executablePath, action) {
  const { chromium } = await import('playwright-core');
  // A fresh, empty profile for every run, removed afterwards.
  const profile = mkdtempSync(join(tmpdir(), 'borgermode-chromium-'));
  // bypassCSP: the pages forbid every script (Content-Security-Policy), and axe-core must be injected.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    bypassCSP: true,
    timeout: 60_000,
  });
  try {
    log(`  ${executablePath}, Chromium ${context.browser()?.version() ?? (await versionOf(executablePath))}, profile ${profile}`);
    return await action(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const versionOf = async (path) => (await run(path, ['--version']).catch(() => ({ stdout: '?' }))).stdout.trim();

/** A page with the HTML of `file`, every network request refused and recorded. */
async function openPage(context, file, viewport) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const requests = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
  return { page, requests };
}

async function checkAxe(context) {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  log(`  axe-core ${require('axe-core/package.json').version}, tags ${AXE_TAGS.join(' ')}`);
  // One page per brief, checked at each of its widths in turn (axe stays loaded when the viewport changes).
  const results = await inParallel(PAGES, CONCURRENCY, async (target) => {
    const { page, requests } = await openPage(context, target.file, { width: WIDTHS[0], height: 900 });
    await page.addScriptTag({ content: axeSource });
    const byWidth = [];
    for (const width of target.quarter === HANDOUT ? WIDTHS : WIDTHS.slice(0, 1)) {
      await page.setViewportSize({ width, height: 900 });
      byWidth.push({
        width,
        result: await page.evaluate(
          (tags) => globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
          AXE_TAGS,
        ),
      });
    }
    await page.close();
    return { target, requests, byWidth };
  });
  for (const { target, requests, byWidth } of results) {
    for (const { width, result } of byWidth) {
      const incomplete = result.incomplete.map((r) => `${r.id} ×${r.nodes.length}`).join(', ');
      summary.axe[`${target.name}@${width}`] = {
        violations: result.violations,
        incomplete: result.incomplete.map((r) => ({ id: r.id, nodes: r.nodes.length })),
      };
      log(
        `  ${result.violations.length === 0 ? 'ok  ' : 'FAIL'} ${target.name} @${width}px: ${result.violations.length} violations${incomplete ? `; needs review: ${incomplete}` : ''}`,
      );
      for (const v of result.violations) {
        findings.push(`axe: ${v.id} in ${target.name} at ${width}px`);
        log(`       ${v.id} (${v.impact}): ${v.help} ${v.helpUrl}`);
        for (const node of v.nodes.slice(0, 5)) log(`         ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`);
      }
    }
    summary.axe[target.name] = { requests };
    for (const url of requests) fail(`network request from ${target.name}: ${url} (the page must be self-contained)`);
  }
}

/** Pages of a PDF: pdfinfo when there is one, else the page objects in the file. */
function pageCount(pdfFile) {
  const pdfinfo = onPath('pdfinfo');
  if (pdfinfo) return Number(/^Pages:\s+(\d+)/m.exec(execFileSync(pdfinfo, [pdfFile], { encoding: 'utf8' }))?.[1]);
  return [
    ...readFileSync(pdfFile)
      .toString('latin1')
      .matchAll(/\/Type\s*\/Page\b/g),
  ].length;
}

async function checkPrint(context, executablePath) {
  const { writePdf } = await import(pathToFileURL(join(ROOT, 'dist/write/pdf.js')).href);
  const pdftotext = onPath('pdftotext');
  const pdftoppm = onPath('pdftoppm');
  if (!onPath('pdfinfo') || !pdftotext || !pdftoppm)
    skip('PDF text and page images', 'poppler tools missing (Debian: apt-get install poppler-utils)');
  for (const target of PAGES.filter((page) => page.quarter === HANDOUT)) {
    const base = target.name.replace(/\.html$/, '');
    const pdfFile = join(ARTIFACTS, `${base}.pdf`);
    await writePdf(ARTIFACTS, pdfFile, readFileSync(target.file, 'utf8'), {
      env: { ...process.env, BORGERMODE_CHROMIUM: executablePath },
      footer: PAGE_FOOTERS[target.lang],
    });
    const pages = pageCount(pdfFile);
    const problems = [];
    if (!(pages >= 1 && pages <= pageLimit(target))) problems.push(`${pages} pages, expected at most ${pageLimit(target)}`);
    if (!/\/MediaBox\s*\[0 0 594\.\d+ 841\.\d+\]/.test(readFileSync(pdfFile).toString('latin1'))) problems.push('not A4');
    if (pdftotext) {
      const text = execFileSync(pdftotext, ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      const quarter = target.lang === 'da' ? '1. kvartal 2020' : 'Q1 2020';
      const footer = target.lang === 'da' ? 'Side 1 af' : 'Page 1 of';
      for (const expected of ['Værebro Park', quarter, footer])
        if (!text.includes(expected)) problems.push(`"${expected}" not in its text`);
      // The internal notice must be on every page, not only above the title.
      const notice = target.lang === 'da' ? 'INTERNT' : 'INTERNAL';
      const pagesWithout = text
        .split('\f')
        .filter((pageText) => pageText.trim())
        .filter((pageText) => !pageText.includes(notice)).length;
      if (target.internal && pagesWithout > 0) problems.push(`"${notice}" missing on ${pagesWithout} of its pages`);
    }
    if (pdftoppm) execFileSync(pdftoppm, ['-r', '110', '-png', pdfFile, join(ARTIFACTS, `${base}.pdf-page`)]);
    summary.pdf[target.name] = { file: pdfFile, pages, problems };
    log(
      `  ${problems.length === 0 ? 'ok  ' : 'FAIL'} ${relative(ARTIFACTS, pdfFile)}: ${pages} A4 pages${pdftotext ? ', text extracted' : ''}${problems.length ? `: ${problems.join('; ')}` : ''}`,
    );
    for (const problem of problems) findings.push(`PDF ${base}: ${problem}`);
  }

  // Every sample quarter, printed as the PDF printer does (A4, the page's own @page margins).
  const counts = await inParallel(PAGES, CONCURRENCY, async (target) => {
    const { page } = await openPage(context, target.file, { width: 1280, height: 900 });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.close();
    const pages = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page\b/g)].length;
    summary.pages[target.name] = pages;
    if (pages > pageLimit(target)) findings.push(`print: ${target.name} takes ${pages} A4 pages, expected at most ${pageLimit(target)}`);
    return `${target.name.replace(/^brief-|\.html$/g, '')}: ${pages}`;
  });
  log(
    `  ${PAGES.some((target) => summary.pages[target.name] > pageLimit(target)) ? 'FAIL' : 'ok  '} A4 pages per page: ${counts.join(', ')}`,
  );
}

/**
 * The handout (a public brief) prints on one or two A4 pages. The team's internal brief carries
 * every internal note as well and may take a third page; so may a year's summary.
 */
function pageLimit(target) {
  return target.internal || target.summary ? 3 : 2;
}

async function screenshots(context) {
  for (const target of PAGES.filter((page) => page.quarter === HANDOUT)) {
    const base = target.name.replace(/\.html$/, '');
    // A4 print size: the print stylesheet on a page 210 mm wide (794 px at 96 px per inch) with the
    // brief's page margins, in one long sheet (the PDF pages, as PNG, show where the pages break).
    const a4 = await openPage(context, target.file, { width: 794, height: 1123 });
    await a4.page.emulateMedia({ media: 'print' });
    await a4.page.addStyleTag({ content: 'body { padding: 12mm 13mm 14mm; }' });
    await a4.page.screenshot({ path: join(ARTIFACTS, `${base}.print-a4.png`), fullPage: true });
    await a4.page.close();
    const phone = await openPage(context, target.file, { width: 390, height: 844 });
    await phone.page.screenshot({ path: join(ARTIFACTS, `${base}.phone-390.png`), fullPage: true });
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await phone.page.close();
    if (overflow > 0) findings.push(`phone: ${target.name} is ${overflow}px wider than a 390px screen`);
    log(
      `  ${overflow > 0 ? 'FAIL' : 'ok  '} ${base}.print-a4.png, ${base}.phone-390.png${overflow > 0 ? `: the page scrolls sideways by ${overflow}px` : ' (no sideways scrolling)'}`,
    );
  }
}

async function main() {
  if ((ARTIFACTS + sep).startsWith(ROOT)) {
    log(`browser-checks: BORGERMODE_ARTIFACTS=${ARTIFACTS} is inside the repository; choose a folder outside it`);
    return 2;
  }
  log(`browser-checks${CI ? ' (CI: missing tools are errors)' : ''}; artefacts in ${ARTIFACTS}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  // Only our own files of an earlier run are removed: the folder may hold other things.
  for (const name of readdirSync(ARTIFACTS)) if (/^brief-.*\.(pdf|png)$|^browser-checks\.json$/.test(name)) rmSync(join(ARTIFACTS, name));
  const work = mkdtempSync(join(tmpdir(), 'borgermode-pages-'));
  try {
    await stage('render the sample, build the sites', async () => {
      ensureBuild();
      await renderPages(work);
    });
    await stage('Nu HTML checker (vnu-jar)', checkNu);
    let chromium;
    await stage('find Chromium', async () => {
      chromium = await findChromium();
    });
    if (chromium) {
      await withBrowser(chromium, async (context) => {
        await stage('axe-core in Chromium', () => checkAxe(context));
        await stage('print to PDF (src/write/pdf.ts)', () => checkPrint(context, chromium));
        await stage('screenshots', () => screenshots(context));
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(join(ARTIFACTS, 'browser-checks.json'), `${JSON.stringify(summary, null, 1)}\n`);
  log('\n== summary');
  for (const { stage: name, ms } of timings) log(`  ${(ms / 1000).toFixed(1).padStart(5)} s  ${name}`);
  log(`  artefacts: ${readdirSync(ARTIFACTS).sort().join(', ')}`);
  for (const notice of skipped) log(`  SKIPPED ${notice}`);
  if (findings.length > 0) {
    log(`browser-checks: ${findings.length} problems:`);
    for (const finding of findings) log(`  - ${finding}`);
    return 1;
  }
  log(skipped.length > 0 ? 'browser-checks: ok, but some checks were SKIPPED (see above)' : 'browser-checks: ok');
  return 0;
}

process.exitCode = await main();
