import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.js';
import { writeMixedProject } from '../helpers/mixed-project.js';
import { ROOT } from '../helpers/temp-project.js';

// Record files checked on worker threads (src/load/check-files.ts) load exactly as when checked
// in this thread: the worker of the bundle (dist/, built by test/global-setup.ts), used for every
// project however small, against the sources.

const WORKER = pathToFileURL(join(ROOT, 'dist', 'load', 'check-worker.js'));
const NOW = new Date('2020-06-15T12:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'borgermode-check-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURES = join(ROOT, 'test', 'fixtures');

/** One project holding the record files of several fixtures: syntax errors, aliases, wrong types … side by side. */
function combined(): string {
  const dir = join(work, 'combined');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'alias-bomb', 'borgermode.yaml'), join(dir, 'borgermode.yaml'));
  for (const fixture of [
    'alias-bomb',
    'duplicate-key',
    'hostile-text',
    'not-a-mapping',
    'wrong-type',
    'yaml-syntax-error',
    'unknown-field',
    'personal-data',
  ]) {
    for (const file of readdirSync(join(FIXTURES, fixture)).filter((name) => name !== 'borgermode.yaml' && name.endsWith('.yaml'))) {
      copyFileSync(join(FIXTURES, fixture, file), join(dir, `${fixture}-${file}`));
    }
  }
  return dir;
}

const projects = [
  ...readdirSync(FIXTURES).map((name) => [name, join(FIXTURES, name)]),
  ['the sample', join(ROOT, 'data')],
  ['a generated three-area project', writeMixedProject(join(work, 'mixed'))],
  ['the record files of several fixtures together', combined()],
].filter(([, dir]) => existsSync(join(dir!, 'borgermode.yaml')));

describe('checking files on worker threads', () => {
  it('has the bundle’s worker to test', () => {
    expect(existsSync(WORKER)).toBe(true);
  });

  it.each(projects)('loads %s exactly as in one thread', async (_name, root) => {
    const here = await loadProject({ root, now: NOW });
    const onWorkers = await loadProject({ root, now: NOW, parallel: { worker: WORKER, minBytes: 0 } });
    expect(onWorkers).toEqual(here);
  });
});
