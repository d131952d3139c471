import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfErrorText } from '../../src/cli/messages.js';
import { t } from '../../src/render/i18n.js';
import { CHROMIUM_NAMES, findChromium, openPdfPrinter, PdfError, stampPdfDate, writePdf } from '../../src/write/pdf.js';
import { chromium } from '../helpers/chromium.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data');

const work = mkdtempSync(join(tmpdir(), 'borgermode-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder holding one executable file `name`, for a PATH of our own. */
function folderWith(name: string): string {
  const folder = mkdtempSync(join(work, 'bin-'));
  writeFileSync(join(folder, name), '#!/bin/sh\nexit 0\n');
  chmodSync(join(folder, name), 0o755);
  return folder;
}

describe('stampPdfDate', () => {
  it("sets Chromium's creation and modification dates to the day given, keeping every offset", () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n<</Creator (x) /CreationDate (D:20261125124004+00'00')\n/ModDate (D:20261125124004+00'00')>>\nstartxref\n42\n",
      'latin1',
    );
    const stamped = stampPdfDate(pdf, '2020-03-31');
    expect(stamped.toString('latin1')).toBe(
      "%PDF-1.4\n<</Creator (x) /CreationDate (D:20200331000000+00'00')\n/ModDate (D:20200331000000+00'00')>>\nstartxref\n42\n",
    );
    expect(stamped.length).toBe(pdf.length);
  });
});

describe('findChromium', () => {
  it('takes BORGERMODE_CHROMIUM when it is an executable file, before PATH', () => {
    const onPath = folderWith('chromium');
    expect(findChromium({ env: { BORGERMODE_CHROMIUM: process.execPath, PATH: onPath } })).toBe(process.execPath);
  });

  it.each(CHROMIUM_NAMES.map((name) => [name]))('finds %s on PATH', (name) => {
    const folder = folderWith(name);
    expect(findChromium({ env: { PATH: `/nonexistent:${folder}` } })).toBe(join(folder, name));
  });

  it('prefers chromium to google-chrome, whatever the PATH order', () => {
    const chrome = folderWith('google-chrome');
    const chromium = folderWith('chromium');
    expect(findChromium({ env: { PATH: `${chrome}:${chromium}` } })).toBe(join(chromium, 'chromium'));
  });

  it('skips a file of the right name that cannot be run', () => {
    const folder = mkdtempSync(join(work, 'noexec-'));
    writeFileSync(join(folder, 'chromium'), '');
    expect(() => findChromium({ env: { PATH: folder } })).toThrow(PdfError);
  });

  it.each([
    [
      'en',
      /^no Chromium found for PDF output: BORGERMODE_CHROMIUM is not set and none of chromium, chromium-browser, google-chrome-stable, google-chrome is on PATH\. Install Chromium \(Debian\/Ubuntu: sudo apt-get install chromium\) or set BORGERMODE_CHROMIUM=\/path\/to\/chromium\./,
    ],
    [
      'da',
      /^ingen Chromium fundet til PDF: .* Installér Chromium \(Debian\/Ubuntu: sudo apt-get install chromium\) eller sæt BORGERMODE_CHROMIUM=\/sti\/til\/chromium\./,
    ],
  ] as const)('says what to install when there is none (%s)', (lang, message) => {
    const error = catchError(() => findChromium({ env: { PATH: mkdtempSync(join(work, 'empty-')) } }));
    expect(error).toBeInstanceOf(PdfError);
    expect(error).toMatchObject({ reason: 'no-chromium' });
    expect(pdfErrorText(error, lang)).toMatch(message);
  });

  it('refuses a BORGERMODE_CHROMIUM that is not an executable file, and does not fall back to PATH', () => {
    const error = catchError(() => findChromium({ env: { BORGERMODE_CHROMIUM: '/nonexistent/chromium', PATH: folderWith('chromium') } }));
    expect(error).toMatchObject({ reason: 'bad-chromium-path' });
    expect(pdfErrorText(error, 'en')).toMatch(
      /^BORGERMODE_CHROMIUM=\/nonexistent\/chromium is not a file that can be run\. Install Chromium/,
    );
  });

  it('writes nothing when there is no Chromium', async () => {
    const file = join(work, 'never.pdf');
    await expect(
      writePdf(work, file, '<!DOCTYPE html><title>x</title>', { env: { PATH: '' }, footer: t('en', 'pdf_page') }),
    ).rejects.toThrow(PdfError);
    expect(() => readFileSync(file)).toThrow();
  });
});

function catchError(action: () => unknown): PdfError {
  try {
    action();
  } catch (error) {
    return error as PdfError;
  }
  throw new Error('expected an error');
}

// Printing needs a real Chromium. Without one (outside CI) these tests are skipped, and say so.
if (!chromium && !process.env.CI) {
  console.warn('SKIPPED: the PDF printing tests of test/write/pdf.test.ts: no Chromium (set BORGERMODE_CHROMIUM or install chromium).');
}

// .ci/run installs Chromium, so in CI a missing one is a failure, not a skip.
it.runIf(process.env.CI)('has a Chromium to print with in CI', () => {
  expect(chromium, 'no Chromium: BORGERMODE_CHROMIUM unset and none on PATH').toBeDefined();
});
const has = (command: string): boolean => {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!chromium)('writePdf with the system Chromium', () => {
  const file = join(work, 'brief-2020-Q1.pdf');
  let pdf: Buffer;

  beforeAll(async () => {
    const { stdout } = await runCli(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'html']);
    expect(await writePdf(work, 'brief-2020-Q1.pdf', stdout, { env: process.env, footer: t('da', 'pdf_page') })).toBe(file);
    pdf = readFileSync(file);
  }, 60_000);

  it('writes a PDF of one or two A4 pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page\b/g)].length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 594\.9\d* 841\.9\d*\]/);
  });

  it.skipIf(!has('pdftotext'))('has extractable text: the area, the quarter and the page numbers in the footer', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Værebro Park');
    expect(text).toContain('1. kvartal 2020');
    expect(text).toMatch(/Tryghed i Værebro Park – Mødeoplæg 1\. kvartal 2020\s+Side 1 af \d/);
  });

  it('reports a Chromium that cannot start as a PdfError, and writes nothing', async () => {
    const fake = join(folderWith('chromium'), 'chromium');
    const error = await writePdf(work, 'broken.pdf', '<!DOCTYPE html><title>x</title>', {
      env: { BORGERMODE_CHROMIUM: fake },
      footer: t('en', 'pdf_page'),
    }).then(
      () => undefined,
      (e: unknown) => e as PdfError,
    );
    expect(error).toMatchObject({ reason: 'print-failed', path: fake });
    expect(pdfErrorText(error!, 'en')).toMatch(/^Chromium \(.*chromium\) could not print the PDF: /);
    expect(() => readFileSync(join(work, 'broken.pdf'))).toThrow();
  }, 60_000);

  it('prints several pages at once in tabs it keeps, each to the bytes it prints to alone', async () => {
    const pages = ['2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];
    const htmls = await Promise.all(
      pages.map(async (quarter) => (await runCli(['report', '--data', SAMPLE, '--quarter', quarter, '--format', 'html'])).stdout),
    );
    const printAll = async (tabs: number) => {
      const printer = await openPdfPrinter(findChromium({ env: process.env }), t('da', 'pdf_page'), { tabs });
      try {
        // Twice each, all asked for at once: the second time a kept tab prints it after another page.
        return { tabs: printer.tabs, pdfs: await Promise.all([...htmls, ...htmls].map((html) => printer.print(html, '2020-04-20'))) };
      } finally {
        await printer.close();
      }
    };
    const alone = await printAll(1);
    const together = await printAll(3);
    expect([alone.tabs, together.tabs]).toEqual([1, 3]);
    expect(together.pdfs).toEqual(alone.pdfs);
    expect(alone.pdfs.slice(4)).toEqual(alone.pdfs.slice(0, 4));
    // Each answer is its own page's: the four briefs differ.
    expect(new Set(alone.pdfs.map((pdf) => pdf.toString('base64'))).size).toBe(4);
  }, 120_000);

  // scripts/bundle.mjs bundles with esbuild, where a dynamically imported CommonJS package can
  // arrive on `.default`; dist/write/pdf.js (built by test/global-setup.ts) must print all the same.
  it('prints from the bundle (dist/write/pdf.js, playwright-core imported from node_modules)', async () => {
    const bundled = (await import(join(ROOT, 'dist/write/pdf.js'))) as typeof import('../../src/write/pdf.js');
    const path = await bundled.writePdf(
      work,
      'bundled.pdf',
      '<!DOCTYPE html><html lang="en"><title>Bundled</title><p>Printed from the bundle.</p></html>',
      { env: process.env, footer: t('en', 'pdf_page') },
    );
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
