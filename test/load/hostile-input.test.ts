import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.js';
import { runCli } from '../helpers/run-cli.js';

// Property-based tests: whatever bytes a record file holds, loading ends in a dataset or in
// findings, never in an uncaught exception; whatever text a record holds, rendering ends in a
// brief or a refusal, and the HTML never carries markup from the record.

const SETTINGS = 'areas:\n  - id: testparken\n    name: Testparken\n';
const SAMPLE_FILE = readFileSync(join(import.meta.dirname, '../../data/2020/incidents.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'borgermode-hostile-'));
writeFileSync(join(dir, 'borgermode.yaml'), SETTINGS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2020-06-15T12:00:00Z');

async function loadWith(content: string | Uint8Array) {
  writeFileSync(join(dir, 'records.yaml'), content);
  return loadProject({ root: dir, now: NOW });
}

/** A sample file with a few random edits: characters replaced, inserted or cut. */
const mutated = fc
  .array(
    fc.tuple(
      fc.nat({ max: SAMPLE_FILE.length }),
      fc.constantFrom('insert', 'delete', 'replace'),
      fc.string({ maxLength: 3, unit: 'grapheme' }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) =>
    edits.reduce((text, [at, kind, chars]) => {
      if (kind === 'insert') return text.slice(0, at) + chars + text.slice(at);
      if (kind === 'delete') return text.slice(0, at) + text.slice(at + 3);
      return text.slice(0, at) + chars + text.slice(at + chars.length);
    }, SAMPLE_FILE),
  );

describe('loading hostile input', () => {
  it('ends in a result or findings for mutated record files', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (text) => {
        const result = await loadWith(text);
        expect(result.dataset !== undefined || result.findings.some((f) => f.severity === 'error')).toBe(true);
        for (const f of result.findings) expect(f.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 120 },
    );
  });

  it('ends in a result or findings for any YAML value and for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().map((v) => stringify(v)),
          fc.uint8Array({ maxLength: 300 }),
        ),
        async (content) => {
          const result = await loadWith(content);
          expect(Array.isArray(result.findings)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not pollute prototypes through __proto__, constructor or prototype keys', async () => {
    const result = await loadWith(
      'incidents:\n  - id: a\n    date: 2020-01-01\n    category: theft\n    __proto__: { polluted: 1 }\n    constructor: { prototype: { polluted: 1 } }\n',
    );
    expect(result.findings.map((f) => f.code)).toEqual(['unknown-field', 'unknown-field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('rendering hostile text', () => {
  const XSS = fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '<a href="javascript:alert(1)">x</a>',
    '"><script>alert(1)</script>',
    '<scr<script>ipt>alert(1)</script>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '<iframe src=//example.org>',
    '<b onmouseover=alert(1)>x</b>',
    '`<script>`',
    '{{constructor.constructor "alert(1)"}}',
  );
  const text = fc
    .tuple(fc.string({ maxLength: 20 }), XSS, fc.string({ maxLength: 20 }))
    .map((parts) => parts.join(' ').replace(/\n/g, ' '));

  it('renders brief HTML in which record text is never markup', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, async (summary, question) => {
        writeFileSync(
          join(dir, 'records.yaml'),
          stringify({
            incidents: [{ id: 'i1', date: '2020-02-10', category: 'theft', count: 7, summary }],
            questions: [{ id: 'q1', date: '2020-01-15', question }],
          }),
        );
        const result = await runCli(['report', '--data', dir, '--quarter', '2020-Q1', '--format', 'html']);
        if (result.exitCode !== 0) {
          // Only a refusal for personal data may stop it (random text can look like a phone number).
          expect(result.stderr).toMatch(/personal|personoplysninger|ser ud til at indeholde/);
          return;
        }
        // Every real tag in the page: none may run script, load anything or link anywhere but http(s)/mailto.
        // The brief's own two charts are the only <svg> (render/chart.ts writes exactly this opening tag).
        const chart =
          /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="chart" role="img" viewBox="0 0 \d+ \d+" width="\d+" height="\d+" aria-labelledby="chart-(crime|concerns)_total-title" aria-describedby="chart-\1_total-desc">$/;
        const tags = [...result.stdout.matchAll(/<[a-z][^>]*>/gi)].map(([tag]) => tag);
        expect(tags.filter((tag) => chart.test(tag))).toHaveLength(2);
        for (const tag of tags.filter((t) => !chart.test(t))) {
          expect(tag).not.toMatch(/^<(script|img|svg|iframe|object|embed)\b|\son\w+\s*=|href\s*=\s*"?(?!https?:|mailto:)/i);
        }
      }),
      { numRuns: 60 },
    );
  });
});
