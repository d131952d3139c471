import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-cli.js';

// What the bundle (scripts/build.mjs, built by test/global-setup.ts) loads when: heavy packages
// must only come with the commands that use them, never at start-up.

interface Output {
  imports: { path: string; kind: string }[];
  inputs: Record<string, unknown>;
}
const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const meta = JSON.parse(readFileSync(fileURLToPath(new URL('../../dist/meta.json', import.meta.url)), 'utf8')) as { outputs: Record<string, Output> };

/** Every package inside the outputs that load together with `start` (static imports only, or with `dynamic` every import it may make later). */
function packagesLoadedWith(start: string, dynamic = false): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !meta.outputs[path]) return;
    seen.add(path);
    for (const imported of meta.outputs[path].imports) if (imported.kind === 'import-statement' || (dynamic && imported.kind === 'dynamic-import')) visit(imported.path);
  };
  visit(start);
  const packages = new Set<string>();
  for (const output of seen) {
    for (const input of Object.keys(meta.outputs[output]!.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (match) packages.add(match[1]!);
    }
  }
  return packages;
}

const chunkOf = (source: string): string => {
  const found = Object.entries(meta.outputs).find(([, output]) => source in output.inputs);
  if (!found) throw new Error(`no output holds ${source}`);
  return found[0];
};

const HEAVY_FOR_RENDERING = ['handlebars', 'marked', 'markdown-table', 'write-file-atomic'];
const NEVER_AT_START = [...HEAVY_FOR_RENDERING, 'yaml', 'js-yaml', 'valibot', '@inquirer/prompts', 'inquirer', 'playwright-core'];

describe('the bundle', () => {
  it('starts with commander only: every other package loads with the command that needs it', () => {
    const atStart = packagesLoadedWith('dist/cli/run.js');
    expect(atStart.has('commander')).toBe(true);
    expect([...atStart].filter((name) => NEVER_AT_START.includes(name))).toEqual([]);
  });

  it('validate loads neither the renderers nor the prompts', () => {
    const withValidate = packagesLoadedWith(chunkOf('src/cli/commands/validate.ts'));
    expect(withValidate.has('js-yaml')).toBe(true);
    expect([...withValidate].filter((name) => [...HEAVY_FOR_RENDERING, 'yaml', '@inquirer/prompts', 'inquirer'].includes(name))).toEqual([]);
  });

  it('report loads the Handlebars runtime but not the compiler, nor the yaml package or prompts', () => {
    const report = chunkOf('src/cli/commands/report.ts');
    const withReport = packagesLoadedWith(report);
    expect(withReport.has('handlebars')).toBe(true);
    expect([...withReport].filter((name) => ['yaml', '@inquirer/prompts', 'inquirer'].includes(name))).toEqual([]);
    const handlebarsFiles = Object.keys(meta.outputs[report]!.inputs).filter((input) => input.includes('node_modules/handlebars/'));
    expect(handlebarsFiles.filter((file) => file.includes('/compiler/'))).toEqual([]);
  });

  it('gives CommonJS packages __filename: the real bin writes a file with -o (write-file-atomic)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'borgermode-bin-'));
    try {
      const file = join(out, 'brief.md');
      const result = await runBin(['report', '--data', fileURLToPath(new URL('../../data', import.meta.url)), '--quarter', '2020-Q1', '-o', file, '--quiet']);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(readFileSync(file, 'utf8')).toMatch(/^# Tryghed i Værebro Park/);
    } finally {
      rmSync(out, { recursive: true });
    }
  });

  it.each([
    ['report', ['report', '--quiet']],
    ['validate', ['validate', '--quiet']],
  ])('%s on the sample loads no Node module it does not use (child_process, worker_threads, crypto)', (_name, args) => {
    // What a start costs is also the Node modules it loads: commander's child_process (made lazy
    // in scripts/build.mjs), the workers and hashes of big projects and of the cache.
    const script = `const { run } = await import(${JSON.stringify(pathToFileURL(join(ROOT_DIR, 'dist', 'cli', 'run.js')).href)});
      await run(${JSON.stringify(args)}, { stdout: { write: () => true }, stderr: { write: () => true }, cwd: process.cwd(), env: { BORGERMODE_TODAY: '2020-04-20' } });
      process.stdout.write(JSON.stringify(process.moduleLoadList));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: tmpdir(), encoding: 'utf8' })) as string[];
    expect(loaded.filter((name) => ['NativeModule child_process', 'NativeModule worker_threads', 'NativeModule crypto'].includes(name))).toEqual([]);
  });

  it('leaves playwright-core out of the bundle: it is imported from node_modules when a PDF is printed', () => {
    const bundled = Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs)).filter((input) => input.includes('node_modules/playwright-core/'));
    expect(bundled).toEqual([]);
  });

  it('add, init and answer load the prompts only when they ask (a later import), and only they can', () => {
    const prompts = ['@inquirer/prompts', '@inquirer/core'];
    for (const command of ['add', 'init', 'answer']) {
      const chunk = chunkOf(`src/cli/commands/${command}.ts`);
      expect([...packagesLoadedWith(chunk)].filter((name) => prompts.includes(name)), `${command} at load`).toEqual([]);
      expect(packagesLoadedWith(chunk, true).has('@inquirer/prompts'), `${command} when it asks`).toBe(true);
    }
    for (const command of ['schema', 'validate', 'report']) {
      expect([...packagesLoadedWith(chunkOf(`src/cli/commands/${command}.ts`), true)].filter((name) => prompts.includes(name)), command).toEqual([]);
    }
  });

  it('the JSON Schema converter comes only with schema and init', () => {
    for (const command of ['add', 'answer', 'validate', 'report']) {
      expect(packagesLoadedWith(chunkOf(`src/cli/commands/${command}.ts`), true).has('@valibot/to-json-schema'), command).toBe(false);
    }
    expect(packagesLoadedWith(chunkOf('src/cli/commands/schema.ts')).has('@valibot/to-json-schema')).toBe(true);
  });
});
