import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/run-cli.js';

// What the bundle (scripts/bundle.mjs, built by test/global-setup.ts) loads when: heavy packages
// must only come with the commands that use them, never at start-up. The CLI is one CommonJS file
// whose modules are initialised when first imported (a command's when it runs): what starts
// together is what the sources import statically, followed from the start or from a command.

interface Import {
  path: string;
  kind: string;
  external?: boolean;
}
interface Metafile {
  inputs: Record<string, { imports: Import[] }>;
  outputs: Record<string, { imports: Import[]; inputs: Record<string, unknown> }>;
}
const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const meta = JSON.parse(readFileSync(join(ROOT_DIR, 'dist', 'meta.json'), 'utf8')) as { cli: Metafile; modules: Metafile };
const BIN = join(ROOT_DIR, 'bin', 'borgermode.js');

const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];

/** Every package the bundled modules that initialise with `start` use (static imports only, or with `dynamic` every import they may make later), bundled or left in node_modules. */
function packagesLoadedWith(start: string, dynamic = false): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const pkg = packageOf(path);
    if (pkg) packages.add(pkg);
    for (const imported of meta.cli.inputs[path]?.imports ?? []) {
      if (!(imported.kind === 'import-statement' || imported.kind === 'require-call' || (dynamic && imported.kind === 'dynamic-import')))
        continue;
      if (!imported.external) visit(imported.path);
      else if (!imported.path.startsWith('node:') && !imported.path.startsWith('.'))
        packages.add(imported.path.startsWith('@') ? imported.path.split('/').slice(0, 2).join('/') : imported.path.split('/')[0]!);
    }
  };
  visit(start);
  return packages;
}

/** The bundled files of a package the modules that initialise with `start` use. */
function filesLoadedWith(start: string, pkg: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of meta.cli.inputs[path]?.imports ?? [])
      if (!imported.external && imported.kind !== 'dynamic-import') visit(imported.path);
  };
  visit(start);
  return [...seen].filter((path) => packageOf(path) === pkg);
}

const HEAVY_FOR_RENDERING = ['handlebars', 'marked', 'markdown-table', 'write-file-atomic'];
const NEVER_AT_START = [...HEAVY_FOR_RENDERING, 'yaml', 'js-yaml', 'valibot', '@inquirer/prompts', 'inquirer', 'playwright-core'];
const command = (name: string) => `src/cli/commands/${name}.ts`;

/** Runs `code` (CommonJS, may await) in a Node process of its own with Node's default flags and gives what it prints. */
function node(code: string): string {
  return execFileSync(process.execPath, ['-e', `(async () => { ${code} })()`], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, BORGERMODE_NO_CACHE: '1' },
  });
}

describe('the bundle', () => {
  it('starts with commander only: every other package loads with the command that needs it', () => {
    const atStart = packagesLoadedWith('src/cli/run.ts');
    expect(atStart.has('commander')).toBe(true);
    expect([...atStart].filter((name) => NEVER_AT_START.includes(name))).toEqual([]);
  });

  it('validate loads neither the renderers nor the prompts', () => {
    const withValidate = packagesLoadedWith(command('validate'));
    expect(withValidate.has('js-yaml')).toBe(true);
    expect([...withValidate].filter((name) => [...HEAVY_FOR_RENDERING, 'yaml', '@inquirer/prompts', 'inquirer'].includes(name))).toEqual(
      [],
    );
  });

  it('report loads the Handlebars runtime but not the compiler, nor the yaml package or prompts', () => {
    const withReport = packagesLoadedWith(command('report'));
    expect(withReport.has('handlebars')).toBe(true);
    expect([...withReport].filter((name) => ['yaml', '@inquirer/prompts', 'inquirer'].includes(name))).toEqual([]);
    const handlebarsFiles = filesLoadedWith(command('report'), 'handlebars');
    expect(handlebarsFiles.some((file) => file.endsWith('handlebars.runtime.js'))).toBe(true);
    expect(handlebarsFiles.filter((file) => file.includes('/compiler/'))).toEqual([]);
    // The compiler (for one's own templates) is Handlebars from node_modules, required when used.
    expect(packagesLoadedWith(command('report'), true).has('handlebars')).toBe(true);
    expect(
      Object.keys(meta.cli.inputs).filter((input) => input.includes('node_modules/handlebars/') && input.includes('/compiler/')),
    ).toEqual([]);
  });

  it('gives CommonJS packages __filename: the real bin writes a file with -o (write-file-atomic)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'borgermode-bin-'));
    try {
      const file = join(out, 'brief.md');
      const result = await runBin([
        'report',
        '--data',
        fileURLToPath(new URL('../../data', import.meta.url)),
        '--quarter',
        '2020-Q1',
        '-o',
        file,
        '--quiet',
      ]);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(readFileSync(file, 'utf8')).toMatch(/^# Tryghed i Værebro Park/);
    } finally {
      rmSync(out, { recursive: true });
    }
  });

  it.each([
    ['report', ['report', '--sample', '--quiet'], ['child_process', 'worker_threads']],
    ['validate', ['validate', '--sample', '--quiet'], ['child_process', 'worker_threads']],
    ['report --no-cache', ['report', '--sample', '--quiet', '--no-cache'], ['child_process', 'worker_threads', 'crypto']],
  ])('%s on the sample loads no Node module it does not use', (_name, args, unused) => {
    // What a start costs is also the Node modules it loads: commander's child_process (made lazy
    // in scripts/bundle.mjs), the workers of big projects, and the hashes of the cache (the
    // sample's cache of checked files is read, so only --no-cache goes without).
    const { code, loaded } = JSON.parse(
      node(`const { run } = require(${JSON.stringify(BIN)}).loadCli();
        const code = await run(${JSON.stringify(args)}, { stdout: { write: () => true }, stderr: { write: () => true }, cwd: process.cwd(), env: { BORGERMODE_TODAY: '2020-04-20' } });
        process.stdout.write(JSON.stringify({ code, loaded: process.moduleLoadList }));`),
    ) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    expect(loaded.filter((name) => unused.map((module) => `NativeModule ${module}`).includes(name))).toEqual([]);
  });

  it('leaves playwright-core out of the bundle: it is imported from node_modules when a PDF is printed', () => {
    const bundled = [meta.cli, meta.modules]
      .flatMap((metafile) => Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs)))
      .filter((input) => input.includes('node_modules/playwright-core/'));
    expect(bundled).toEqual([]);
  });

  it('add, init and answer load the prompts only when they ask (a later import), and only they can', () => {
    const prompts = ['@inquirer/prompts', '@inquirer/core'];
    for (const name of ['add', 'init', 'answer']) {
      expect(
        [...packagesLoadedWith(command(name))].filter((pkg) => prompts.includes(pkg)),
        `${name} at load`,
      ).toEqual([]);
      expect(packagesLoadedWith(command(name), true).has('@inquirer/prompts'), `${name} when it asks`).toBe(true);
    }
    for (const name of ['schema', 'validate', 'report']) {
      expect(
        [...packagesLoadedWith(command(name), true)].filter((pkg) => prompts.includes(pkg)),
        name,
      ).toEqual([]);
    }
  });

  it('the JSON Schema converter comes only with schema and init', () => {
    for (const name of ['add', 'answer', 'validate', 'report']) {
      expect(packagesLoadedWith(command(name), true).has('@valibot/to-json-schema'), name).toBe(false);
    }
    expect(packagesLoadedWith(command('schema')).has('@valibot/to-json-schema')).toBe(true);
  });
  it('leaves no import() in the CLI bundle: a script compiled through node:vm has no loader for it', () => {
    const output = Object.values(meta.cli.outputs)[0]!;
    expect(output.imports.filter((imported) => imported.kind === 'dynamic-import')).toEqual([]);
  });

  it('is ASCII: V8 keeps its source one byte a character (a single æ makes all 800 kB of it two)', () => {
    const bytes = readFileSync(join(ROOT_DIR, 'dist', 'cli', 'borgermode.cjs'));
    expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it("starts with the code cache the build made: V8 takes it under Node's default flags", () => {
    expect(node(`process.stdout.write(String(require(${JSON.stringify(BIN)}).loadCli().script.cachedDataRejected))`)).toBe('false');
  });

  it.each([
    ['report', ['report', '--sample', '--quiet']],
    ['report --format html', ['report', '--sample', '--format', 'html', '--quiet']],
    ['validate', ['validate', '--sample', '--quiet']],
  ])('%s on the sample requires none of the packages left in node_modules', (_name, args) => {
    const { code, asked } = JSON.parse(
      node(`const Module = require('node:module');
        const asked = new Set();
        const load = Module._load;
        Module._load = function (request, ...rest) { asked.add(request); return load.call(this, request, ...rest); };
        const { run } = require(${JSON.stringify(BIN)}).loadCli();
        const code = await run(${JSON.stringify(args)}, { stdout: { write: () => true }, stderr: { write: () => true }, cwd: process.cwd(), env: {} });
        process.stdout.write(JSON.stringify({ code, asked: [...asked] }));`),
    ) as { code: number; asked: string[] };
    expect(code).toBe(0);
    expect(asked.filter((request) => ['yaml', 'handlebars', '@inquirer/prompts', 'playwright-core'].includes(request))).toEqual([]);
  });
});
