import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { escapeText } from 'entities/escape';
import { writeOutputFile } from './write-output.js';

// PDF output: the HTML brief printed by the system's Chromium through playwright-core, which is
// loaded only here, on demand. No browser is ever downloaded: Chromium comes from
// BORGERMODE_CHROMIUM or PATH. Page numbers and the page title (area and quarter) go in a
// footer drawn by Chromium's own PDF printer, because Chromium ignores CSS @page margin boxes.

/** Names tried on PATH, in this order, when BORGERMODE_CHROMIUM is not set. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'] as const;

/** Headless, quiet, and off the network: no first-run, sync, updates or background requests. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export type PdfErrorReason = 'no-chromium' | 'bad-chromium-path' | 'no-playwright' | 'print-failed';

/**
 * Why no PDF was written. Every reason is exit code 2 (like a file that cannot be opened or
 * written): nothing is wrong with the data, and nothing is written. The CLI says what to install
 * or set, in the run's language (`pdfErrorText` in src/cli/messages.ts, by way of src/cli/errors.ts); `message` is for logs.
 */
export class PdfError extends Error {
  /** The Chromium: BORGERMODE_CHROMIUM for `bad-chromium-path`, the one that failed for `print-failed`. */
  readonly path: string;
  /** Chromium's own first line, for `print-failed`. */
  readonly detail: string;
  /** The names looked for on PATH, for `no-chromium`. */
  readonly names: readonly string[];
  constructor(
    readonly reason: PdfErrorReason,
    details: { path?: string; detail?: string; names?: readonly string[] } = {},
  ) {
    const { path = '', detail = '', names = [] } = details;
    super(`cannot print PDF: ${reason}${path ? ` (${path})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'PdfError';
    this.path = path;
    this.detail = detail;
    this.names = names;
  }
}

export interface PdfOptions {
  /** The environment: BORGERMODE_CHROMIUM and PATH are read from it. */
  env: Record<string, string | undefined>;
  /** The footer's page text in the page's language, with `{page}` and `{pages}` for the numbers ("Side {page} af {pages}"). */
  footer: string;
}

const isExecutableFile = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The Chromium to print with: BORGERMODE_CHROMIUM when set (it must be an executable file), else the first of CHROMIUM_NAMES on PATH. */
export function findChromium({ env }: Pick<PdfOptions, 'env'>): string {
  const fromEnv = env.BORGERMODE_CHROMIUM;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new PdfError('bad-chromium-path', { path: fromEnv });
  }
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const folder of folders) {
      const candidate = join(folder, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  throw new PdfError('no-chromium', { names: CHROMIUM_NAMES });
}

type Playwright = typeof import('playwright-core');

async function loadPlaywright(): Promise<Playwright> {
  let mod: Playwright & { default?: Playwright };
  try {
    mod = await import('playwright-core');
  } catch {
    throw new PdfError('no-playwright');
  }
  // A CommonJS package bundled by esbuild and imported dynamically has its exports on `default`.
  return mod.chromium ? mod : (mod.default as Playwright);
}

/** The footer Chromium draws on every page: the page's <title> (area and quarter, in the brief) and "Side 1 af 2". */
function footerTemplate(footer: string): string {
  const page = escapeText(footer)
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  return `<div style="width: 100%; margin: 0 13mm; display: flex; justify-content: space-between; gap: 5mm; font: 7.5pt system-ui, sans-serif; color: #333;"><span class="title"></span><span>${page}</span></div>`;
}

/** One Chromium for many pages: `build --pdf` prints every page with it, several at a time. */
export interface PdfPrinter {
  /** How many pages it prints at once: print() may be called this many times before the first answers. */
  readonly tabs: number;
  /** The page printed to PDF bytes; with `date` (YYYY-MM-DD), the PDF's creation and modification dates are that day. */
  print(html: string, date?: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** The most pages printed at once (one tab each): more than the cores only makes them wait for each other. */
export const MAX_TABS = 4;

type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;
type Tab = Awaited<ReturnType<Browser['newPage']>>;

/**
 * Starts the Chromium at `executablePath` for printing self-contained HTML pages to PDF: A4
 * unless the page's CSS says otherwise, backgrounds kept, a footer with title and page numbers.
 * Pages get no network (every request is refused) and no JavaScript. Up to `tabs` pages are
 * printed at once, each in a tab of its own that is kept for the next page: a new context for
 * every page took ~0.36 s a PDF, a kept tab ~0.08 s (the same bytes; measured on two busy cores).
 */
export async function openPdfPrinter(executablePath: string, footer: string, { tabs = 1 }: { tabs?: number } = {}): Promise<PdfPrinter> {
  const { chromium } = await loadPlaywright();
  const failed = (error: unknown) => {
    if (error instanceof PdfError) return error;
    const detail = String((error as Error).message ?? error).split('\n')[0]!;
    return new PdfError('print-failed', { path: executablePath, detail });
  };
  let browser: Browser;
  try {
    // Playwright starts Chromium with a fresh, temporary profile (--user-data-dir) and removes it on close.
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  } catch (error) {
    throw failed(error);
  }
  const count = Math.max(1, Math.min(MAX_TABS, Math.floor(tabs)));
  // Tabs free to print with, and the prints waiting for one; a tab is opened when none is free and fewer than `count` are open.
  const free: Tab[] = [];
  const waiting: (() => void)[] = [];
  let open = 0;
  const take = async (): Promise<Tab> => {
    for (;;) {
      const tab = free.pop();
      if (tab) return tab;
      if (open < count) {
        open++;
        try {
          const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
          const page = await context.newPage();
          await page.route('**/*', (route) => route.abort());
          return page;
        } catch (error) {
          open--;
          waiting.shift()?.();
          throw error;
        }
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const give = (tab: Tab) => {
    free.push(tab);
    waiting.shift()?.();
  };
  // A tab whose print failed is closed; a print waiting may open another.
  const drop = (tab: Tab) => {
    void tab
      .context()
      .close()
      .catch(() => undefined);
    open--;
    waiting.shift()?.();
  };
  return {
    tabs: count,
    async print(html, date) {
      let tab: Tab;
      try {
        tab = await take();
      } catch (error) {
        throw failed(error);
      }
      try {
        await tab.setContent(html, { waitUntil: 'load' });
        const pdf = await tab.pdf({
          format: 'A4',
          margin: { top: '12mm', right: '13mm', bottom: '14mm', left: '13mm' },
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(footer),
        });
        give(tab);
        return date === undefined ? pdf : stampPdfDate(pdf, date);
      } catch (error) {
        drop(tab);
        throw failed(error);
      }
    },
    close: () => browser.close().catch(() => undefined),
  };
}

/**
 * Sets the creation and modification dates Chromium writes into a PDF (the clock's) to the
 * start of `date`, so the same page prints to the same bytes. The dates keep their length
 * (`D:YYYYMMDDHHmmSS`), so no offset in the file moves.
 */
export function stampPdfDate(pdf: Buffer, date: string): Buffer {
  const stamp = `D:${date.replace(/-/g, '')}000000`;
  const text = pdf.toString('latin1').replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_, key: string) => `/${key} (${stamp}`);
  return Buffer.from(text, 'latin1');
}

/** `--format pdf`: finds Chromium, prints `html`, and writes the PDF atomically to `file` (relative to `cwd`); returns its path. */
export async function writePdf(cwd: string, file: string, html: string, options: PdfOptions): Promise<string> {
  const printer = await openPdfPrinter(findChromium(options), options.footer);
  try {
    return await writeOutputFile(cwd, file, await printer.print(html));
  } finally {
    await printer.close();
  }
}
