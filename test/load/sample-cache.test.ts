import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_KEY_FILE } from '../../src/load/cache-key.js';
import { loadProject } from '../../src/load/load-project.js';
import { sealed } from '../helpers/cache-seal.js';
import { runBin } from '../helpers/run-cli.js';
import { ROOT, SAMPLE, snapshot, tempDir } from '../helpers/temp-project.js';

// The bundled sample's cache of checked files: made by scripts/bundle.mjs into dist/sample-cache
// (built by test/global-setup.ts), read by every run on the sample, never written.

const SAMPLE_CACHE = join(ROOT, 'dist', 'sample-cache');
const NOW = new Date('2020-04-20T12:00:00Z');

/** The key the build sealed the sample's entries with, beside them. */
const sampleKey = (dir: string) => Buffer.from(readFileSync(join(dir, CACHE_KEY_FILE), 'ascii').trim(), 'hex');

function copyOfSampleCache(): string {
  const dir = join(tempDir(), 'sample-cache');
  cpSync(SAMPLE_CACHE, dir, { recursive: true });
  return dir;
}

const recordFiles = readdirSync(SAMPLE, { recursive: true })
  .map((path) => String(path).split('\\').join('/'))
  .filter((path) => path.endsWith('.yaml') && path !== 'borgermode.yaml');

describe("the bundled sample's cache of checked files", () => {
  it('holds an entry for every record file of the sample that is read as it is (each is believed) and never written', async () => {
    const dir = copyOfSampleCache();
    // Each entry made to say its file is binary, under a header that is right for it in every other way.
    for (const name of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const [headerLine, bodyLine] = readFileSync(join(dir, name), 'utf8').split('\n') as [string, string];
      const header = JSON.parse(headerLine) as { file: string };
      const body = JSON.parse(bodyLine) as { findings: unknown[] };
      body.findings.push({ file: header.file, path: [], target: 'value', severity: 'error', code: 'binary', params: {} });
      const text = JSON.stringify(body);
      writeFileSync(join(dir, name), sealed(headerLine, text, { key: sampleKey(dir) }));
    }
    const before = snapshot(dir);
    const result = await loadProject({ root: SAMPLE, now: NOW, cacheDir: dir, cacheReadOnly: true, cacheKey: sampleKey(dir) });
    expect(
      result.findings
        .filter((finding) => finding.code === 'binary')
        .map((finding) => finding.file)
        .sort(),
    ).toEqual([...recordFiles].sort());
    expect(snapshot(dir)).toEqual(before);
  });

  it('is only read: a spoilt entry and the entry of a file that is gone stay as they are, and the sample loads as without it', async () => {
    const dir = copyOfSampleCache();
    const [first] = readdirSync(dir);
    writeFileSync(join(dir, first!), readFileSync(join(dir, first!), 'utf8').slice(0, 100));
    writeFileSync(join(dir, `${'f'.repeat(32)}.json`), '{}\n{}');
    const before = snapshot(dir);
    const plain = await loadProject({ root: SAMPLE, now: NOW });
    expect(await loadProject({ root: SAMPLE, now: NOW, cacheDir: dir, cacheReadOnly: true, cacheKey: sampleKey(dir) })).toEqual(plain);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each(['report --sample', 'report --sample --format html', 'validate --sample', 'compare --sample'])(
    'gives the same `%s` of the bundled sample through the bin with it as without',
    async (line) => {
      const cwd = tempDir();
      const args = line.split(' ');
      const withCache = await runBin(args, { cwd, env: { BORGERMODE_NO_CACHE: undefined, BORGERMODE_TODAY: undefined } });
      const without = await runBin(args, { cwd, env: { BORGERMODE_TODAY: undefined } });
      expect(withCache.exitCode).toBe(0);
      expect(withCache).toEqual(without);
    },
  );
});
