import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import yaml from 'js-yaml';
import type { Configuration } from 'markdownlint';
import { lint, readConfig } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Every brief of the bundled sample, in both languages and both formats, checked by tools we
// did not write: html-validate (.htmlvalidate.mjs) and markdownlint (.markdownlint.yaml).
// The browser stage (scripts/browser-checks.mjs) adds the Nu checker and axe-core in Chromium.

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data');
const HOSTILE = join(ROOT, 'test/fixtures/hostile-text');
const LIST_YEARS = join(ROOT, 'test/fixtures/list-years');

/** Every quarter of the sample with records, first to latest. */
const SAMPLE_QUARTERS = ['2018-Q1', '2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4', '2020-Q1'];
const LANGS = ['da', 'en'] as const;

/** Renders with `report`, unless the args name another command first. */
async function render(args: readonly string[]): Promise<string> {
  const full = args[0] === 'compare' || args[0] === 'summary' ? args : ['report', ...args];
  const result = await runCli(full);
  if (result.exitCode !== 0) throw new Error(`${full.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
  return result.stdout;
}

/** The latest quarter is also rendered for the team (--audience internal: exact counts, notes, a notice). */
const outputs = (format: 'md' | 'html') => [
  ...SAMPLE_QUARTERS.flatMap((quarter) =>
    LANGS.map((lang) => ({
      name: `brief-${quarter}.${lang}.${format}`,
      args: ['--data', SAMPLE, '--quarter', quarter, '--lang', lang, '--format', format],
    })),
  ),
  ...LANGS.map((lang) => ({
    name: `brief-${SAMPLE_QUARTERS.at(-1)}.${lang}.internal.${format}`,
    args: ['--data', SAMPLE, '--quarter', SAMPLE_QUARTERS.at(-1)!, '--lang', lang, '--audience', 'internal', '--format', format],
  })),
  // The comparison pages: every table, both languages.
  ...(['incidents', 'activities', 'questions'] as const).flatMap((table) =>
    LANGS.map((lang) => ({
      name: `compare-${table}.${lang}.${format}`,
      args: ['compare', '--data', SAMPLE, '--table', table, '--lang', lang, '--format', format],
    })),
  ),
  ...LANGS.map((lang) => ({
    name: `compare-areas.${lang}.${format}`,
    args: ['compare', '--data', SAMPLE, '--areas', '--lang', lang, '--format', format],
  })),
  // The summaries: every year of the sample (2020 cut short), both languages, and the team's own.
  ...['2018', '2019', '2020'].flatMap((year) =>
    LANGS.map((lang) => ({
      name: `summary-${year}.${lang}.${format}`,
      args: ['summary', '--data', SAMPLE, '--year', year, '--lang', lang, '--format', format],
    })),
  ),
  {
    name: `summary-2019.da.internal.${format}`,
    args: ['summary', '--data', SAMPLE, '--year', '2019', '--audience', 'internal', '--format', format],
  },
  // The list check over many years: two threshold groups, missing figures, a year without figures.
  ...LANGS.map((lang) => ({
    name: `compare-list-years.${lang}.${format}`,
    args: ['compare', '--data', LIST_YEARS, '--to', '2022-Q4', '--lang', lang, '--format', format],
  })),
];

const htmlValidate = new HtmlValidate(new FileSystemConfigLoader());

/** html-validate's findings as `file:line:col rule message`, with the config at the repo root (looked up from `name`). */
async function validateHtml(html: string, name: string): Promise<string[]> {
  const report = await htmlValidate.validateString(html, join(ROOT, name));
  return report.results.flatMap((result) => result.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

const markdownConfig = await readConfig(join(ROOT, '.markdownlint.yaml'), [(text: string) => yaml.load(text) as Configuration]);

/** markdownlint's findings as `file:line rule description [detail]`. */
async function lintMarkdown(markdown: string, name: string): Promise<string[]> {
  const results = await lint({ strings: { [name]: markdown }, config: markdownConfig });
  return (results[name] ?? []).map(
    (e) => `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` [${e.errorDetail}]` : ''}`,
  );
}

describe('the sample covers the quarters checked here', () => {
  it('ends with the latest quarter of the sample', async () => {
    const view = JSON.parse(await render(['--data', SAMPLE, '--format', 'json'])) as { quarter: { id: string } };
    expect(view.quarter.id).toBe(SAMPLE_QUARTERS.at(-1));
  });
});

describe('html-validate (recommended and document presets)', () => {
  it.each(outputs('html'))('$name is valid', async ({ name, args }) => {
    expect(await validateHtml(await render(args), name)).toEqual([]);
  });

  it('the brief of hostile record text is valid (escaping keeps the markup whole)', async () => {
    expect(await validateHtml(await render(['--data', HOSTILE, '--format', 'html']), 'hostile-text.html')).toEqual([]);
  });

  it('reports a broken brief (the config is loaded and its rules are on)', async () => {
    const html = await render(['--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'html']);
    const broken = html
      .replace('<h2 id="crime">', '<h4 id="crime">')
      .replace(/<!DOCTYPE html>\n/, '')
      .replace('<th scope="col">', '<th>');
    const findings = (await validateHtml(broken, 'broken.html')).join('\n');
    expect(findings).toMatch(/ missing-doctype /); // from the document preset
    expect(findings).toMatch(/ close-order /); // <h4> closed by </h2>: from the recommended preset
  });
});

describe('markdownlint (.markdownlint.yaml)', () => {
  it.each(outputs('md'))('$name passes', async ({ name, args }) => {
    expect(await lintMarkdown(await render(args), name)).toEqual([]);
  });

  it('reports a broken brief (unaligned table, skipped heading level, a list stuck to its paragraph)', async () => {
    const markdown = await render(['--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'md']);
    const broken = markdown
      .replace('| Vold, trusler og røveri ', '| Vold, trusler og røveri')
      .replace('## Om tallene', '#### Om tallene')
      .replace('Udvalgte aktiviteter:\n\n', 'Udvalgte aktiviteter:\n');
    const findings = (await lintMarkdown(broken, 'broken.md')).join('\n');
    expect(findings).toMatch(/ MD060\/table-column-style /);
    expect(findings).toMatch(/ MD001\/heading-increment /);
    expect(findings).toMatch(/ MD032\/blanks-around-lists /);
  });

  it('keeps a Danish date at the start of a line from turning into a numbered list', async () => {
    const markdown = await render(['--data', SAMPLE, '--quarter', '2020-Q1', '--format', 'md']);
    // "1. kvartal 2020" or "- 22. januar 2020" at the start of a line would be an ordered list in CommonMark.
    expect(markdown).not.toMatch(/^(- )?\d+\. /m);
  });
});
