import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { convertToPdf, soffice } from '../helpers/office.js';
import { SAMPLE, tempDir } from '../helpers/temp-project.js';

// report and summary with --format docx, and build --docx (issue 19, item 3): a Word document
// made from the page's HTML, read back by mammoth and compared with the HTML part by part.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a page says, in order: its headings (with their level), list items, table cells and the charts' descriptions. */
function outline(html: string): { headings: string[]; items: string[]; cells: string[]; charts: string[] } {
  const doc = parseDocument(html);
  const main = DomUtils.findOne((e) => e.name === 'main', doc.children) ?? doc;
  const all = DomUtils.findAll(() => true, [main]);
  const text = (e: (typeof all)[number]) =>
    clean(DomUtils.textContent(e.children.filter((c) => !('name' in c && (c.name === 'ul' || c.name === 'ol')))));
  return {
    headings: all.filter((e) => /^h[1-6]$/.test(e.name)).map((e) => `${e.name} ${text(e)}`),
    items: all.filter((e) => e.name === 'li').map(text),
    cells: all.filter((e) => e.name === 'th' || e.name === 'td').map(text),
    charts: all.filter((e) => e.name === 'desc').map(text),
  };
}

/** The same outline of a Word document, as mammoth reads it (a chart's description is its image's alt text). */
async function documentOutline(file: string): Promise<ReturnType<typeof outline>> {
  const { value } = await mammoth.convertToHtml({ path: file });
  const read = outline(`<main>${value}</main>`);
  const images = DomUtils.findAll((e) => e.name === 'img', parseDocument(value).children);
  return { ...read, charts: images.map((img) => clean(img.attribs.alt ?? '')) };
}

async function html(args: string[]): Promise<string> {
  const result = await runCli([...args, '--format', 'html']);
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

async function document(args: string[], dir = tempDir()): Promise<string> {
  const file = join(dir, 'out.docx');
  const result = await runCli([...args, '-o', file]);
  expect(result.stderr).toMatch(/^(Skrev|Wrote) \S+out\.docx\n$/);
  expect(result.exitCode).toBe(0);
  return file;
}

describe('report --format docx', () => {
  it('holds every heading (at its level), list item, table cell and chart of the HTML brief, in order', async () => {
    const args = ['report', '--data', SAMPLE, '--quarter', '2020-Q1'];
    const page = outline(await html(args));
    const file = await document([...args, '--format', 'docx']);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const read = await documentOutline(file);
    expect(page.headings.length).toBeGreaterThan(8);
    expect(page.cells.length).toBeGreaterThan(40);
    expect(page.charts).toHaveLength(2);
    expect(read).toEqual(page);
  });

  it('in English with --lang en, and -o FILE.docx alone chooses the format', async () => {
    const args = ['report', '--data', SAMPLE, '--quarter', '2019-Q3', '--lang', 'en'];
    const page = outline(await html(args));
    const read = await documentOutline(await document(args));
    expect(read).toEqual(page);
    expect(read.headings[0]).toMatch(/^h1 .*Meeting brief/);
  });

  it('needs -o FILE (a document is binary), before anything is read', async () => {
    const result = await runCli(['report', '--data', SAMPLE, '--format', 'docx']);
    expect(result).toMatchObject({
      exitCode: 2,
      stdout: '',
      stderr: 'borgermode: --format docx skriver en fil: angiv -o FIL, f.eks. -o moedeoplaeg.docx\n',
    });
  });

  it('refuses a public brief with personal data, as the page is refused, and writes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'out.docx');
    const result = await runCli(['report', '--data', join(FIXTURES, 'personal-data'), '--quarter', '2020-Q1', '-o', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('telefonnummer');
    expect(existsSync(file)).toBe(false);
  });
});

describe('summary --format docx', () => {
  it('holds every heading, list item and table cell of the HTML summary, in order', async () => {
    const args = ['summary', '--data', SAMPLE, '--year', '2019'];
    const page = outline(await html(args));
    const read = await documentOutline(await document([...args, '--format', 'docx']));
    expect(page.cells.length).toBeGreaterThan(20);
    expect(read).toEqual(page);
  });

  it('needs -o FILE', async () => {
    const result = await runCli(['summary', '--data', SAMPLE, '--format', 'docx', '--lang', 'en']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('borgermode: --format docx writes a file: give -o FILE, e.g. -o summary.docx\n');
  });
});

describe('build --docx', () => {
  it('puts a Word document beside every brief and summary (the real bin), linked from the index, each as its page', async () => {
    const dir = tempDir();
    const out = join(dir, 'site');
    const result = await runBin(['build', '--data', SAMPLE, '--out', out, '--docx', '--quiet']);
    expect(result.exitCode).toBe(0);
    const area = join(out, 'vaerebro-park');
    const briefs = readdirSync(area).filter((name) => existsSync(join(area, name, 'brief.html')));
    const summaries = readdirSync(area).filter((name) => /^summary-\d{4}\.html$/.test(name));
    expect(briefs.length).toBeGreaterThan(4);
    for (const quarter of briefs) expect(existsSync(join(area, quarter, 'brief.docx')), quarter).toBe(true);
    for (const summary of summaries) expect(existsSync(join(area, summary.replace('.html', '.docx')))).toBe(true);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index.match(/>Word<\/a>/g)).toHaveLength(briefs.length + summaries.length);
    const quarter = briefs.at(-1)!;
    const page = outline(readFileSync(join(area, quarter, 'brief.html'), 'utf8'));
    expect(await documentOutline(join(area, quarter, 'brief.docx'))).toEqual(page);
    // The same site again: the same bytes (fixed dates in the documents).
    const again = join(dir, 'again');
    expect((await runBin(['build', '--data', SAMPLE, '--out', again, '--docx', '--quiet'])).exitCode).toBe(0);
    expect(readFileSync(join(again, 'vaerebro-park', quarter, 'brief.docx')).equals(readFileSync(join(area, quarter, 'brief.docx')))).toBe(
      true,
    );
  }, 60_000);
});

describe('a Word document on an office PC (LibreOffice)', () => {
  // .ci/run installs LibreOffice Writer (libreoffice-writer-nogui) when it is missing, so in CI this never skips.
  it.runIf(soffice !== undefined || process.env.CI)(
    'opens in LibreOffice Writer and converts to a PDF that holds the headings',
    async () => {
      expect(soffice, 'LibreOffice (soffice) is needed in CI').toBeDefined();
      const file = await document(['report', '--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'docx']);
      const pdf = convertToPdf(file);
      expect(existsSync(pdf), 'LibreOffice Writer could not open the document (is libreoffice-writer-nogui installed?)').toBe(true);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      for (const heading of ['I spurgte – vi svarede', 'Det har vi lavet', 'Kriminalitet og utryghed', 'Tryghed og listestatus'])
        expect(text).toContain(heading);
      expect(text).toMatch(/Side 1 af \d/);
    },
    150_000,
  );
});
