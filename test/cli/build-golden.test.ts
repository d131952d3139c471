import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/cli/commands/build.js';
import { runCli, TEST_ENV } from '../helpers/run-cli.js';
import { writeMixedProject } from '../helpers/mixed-project.js';

// The whole site, page by page, against digests recorded before the build was made linear
// (docs/performance.md): any change to a figure, a mark or a listed record changes a digest.
// The index is kept whole beside them, so that a change to it shows what changed.

const SAMPLE = join(import.meta.dirname, '../../data');
const work = mkdtempSync(join(tmpdir(), 'borgermode-build-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One line per page: a short sha-256 of its bytes and its path, sorted by path. */
function digests(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const lines = files.map((e) => {
    const path = join(e.parentPath, e.name);
    return `${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}  ${relative(dir, path).split('\\').join('/')}`;
  });
  return `${lines.sort((a, b) => (a.slice(18) < b.slice(18) ? -1 : 1)).join('\n')}\n`;
}

describe('borgermode build, page for page', () => {
  it('builds the sample site as recorded', async () => {
    const out = join(work, 'sample-site');
    const result = await runCli(['build', '--data', SAMPLE, '--out', out, '--quiet']);
    expect(result.exitCode).toBe(0);
    await expect(digests(out)).toMatchFileSnapshot('../golden/build-sample.sha256');
    await expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatchFileSnapshot('../golden/build-sample.index.html');
  });

  it('builds a generated three-area project with every record kind as recorded', async () => {
    const project = writeMixedProject(join(work, 'mixed'));
    const validate = await runCli(['validate', '--data', project, '--json']);
    expect(
      (JSON.parse(validate.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error'),
    ).toEqual([]);
    const out = join(work, 'mixed-site');
    const result = await runCli(['build', '--data', project, '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    await expect(digests(out)).toMatchFileSnapshot('../golden/build-mixed.sha256');
    await expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatchFileSnapshot('../golden/build-mixed.index.html');
  });

  // The areas rendered on worker threads (cli/site-areas.ts, the bundle's dist/cli/site-worker.js) give the same site, page for page.
  const worker = join(import.meta.dirname, '../../dist/cli/site-worker.js');
  it.skipIf(availableParallelism() < 2 || !existsSync(worker))(
    'builds the three-area project on worker threads to the same pages',
    async () => {
      const project = writeMixedProject(join(work, 'mixed-workers'));
      const out = join(work, 'mixed-workers-site');
      let stderr = '';
      let stdout = '';
      const io = {
        stdout: { write: (chunk: string) => ((stdout += chunk), true) },
        stderr: { write: (chunk: string) => ((stderr += chunk), true) },
        cwd: work,
        env: { ...TEST_ENV },
      };
      const code = await buildCommand(io, { data: project, out, json: true, parallel: { worker: pathToFileURL(worker), minPages: 0 } });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // A worker that fails is replaced by this thread without a word, so the pages alone cannot tell that a worker rendered any.
      expect((JSON.parse(stdout) as { threads: number }).threads).toBeGreaterThan(1);
      await expect(digests(out)).toMatchFileSnapshot('../golden/build-mixed.sha256');
    },
  );
});
