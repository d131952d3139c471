// Bundles the CLI into dist/ with esbuild: one CommonJS file that bin/borgermode.js starts with
// a V8 code cache made here (docs/performance.md), and the worker and PDF modules as ES modules.
// The default templates are precompiled into the bundle, so a start needs only the Handlebars
// runtime. Type checking is `npm run typecheck` (tsc).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import Handlebars from 'handlebars';

const root = fileURLToPath(new URL('..', import.meta.url));
const templatesDir = join(root, 'templates');

// The same options as compileOptions() in src/render/handlebars.ts; the golden-file test that
// runs the real bin fails if the two ever render differently.
const compileOptions = (format) => ({ noEscape: format === 'md', strict: false, knownHelpersOnly: false });
const formatOf = (fileName) => (fileName.endsWith('.md.hbs') ? 'md' : 'html');

const hbs = async (dir) => (await readdir(dir)).filter((name) => name.endsWith('.hbs')).sort();
const partialsDir = join(templatesDir, 'partials');

// src/render/precompiled.ts becomes a table of loaders, one module per template and one for the
// partials of each format, each initialised when first imported: a brief compiles and runs its
// own template's code, not every template's.
async function precompiledModule() {
  const load = (what) => `() => import(${JSON.stringify(`precompiled:${what}`)}).then((m) => m.default)`;
  const templates = (await hbs(templatesDir)).map((name) => `${JSON.stringify(name)}: ${load(name)}`);
  return `export const PRECOMPILED = {
templates: {${templates.join(',\n')}},
partials: { md: ${load('partials.md')}, html: ${load('partials.html')} },
};\n`;
}

// The step that makes every {{value}} of a Markdown template text (src/render/markdown-values.ts),
// taken from the sources, so the precompiled templates and those compiled at run time are one.
let markdownValuesModule;
function markdownValues() {
  markdownValuesModule ??= build({
    entryPoints: [join(root, 'src/render/markdown-values.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  }).then(({ outputFiles }) => import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`));
  return markdownValuesModule;
}

// One template (`precompiled:brief.md.hbs`) or the partials of a format (`precompiled:partials.md`),
// minified: nothing in it is read by name but its properties.
async function precompiledChunk(what) {
  const precompile = async (dir, name, format) => {
    const source = await readFile(join(dir, name), 'utf8');
    return Handlebars.precompile(
      format === 'md' ? (await markdownValues()).escapeMarkdownValues(Handlebars.parseWithoutProcessing(source)) : source,
      compileOptions(format),
    );
  };
  let spec;
  const partialsOf = /^partials\.(md|html)$/.exec(what);
  if (partialsOf) {
    const names = await hbs(partialsDir).catch(() => []);
    const entries = await Promise.all(
      names.map(async (name) => `${JSON.stringify(name.slice(0, -'.hbs'.length))}: ${await precompile(partialsDir, name, partialsOf[1])}`),
    );
    spec = `{${entries.join(',\n')}}`;
  } else {
    spec = await precompile(templatesDir, what, formatOf(what));
  }
  return (await transform(`export default ${spec};`, { minify: true, format: 'esm', target: 'node20.19' })).code;
}

// commander loads node:child_process (and with it net, dgram and streams) at start-up for
// executable subcommands, which borgermode does not have: commander gets the module only if it
// ever touches it. test/scripts/bundle.test.ts checks what a start loads.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled\.ts$/ }, async () => ({
      contents: await precompiledModule(),
      loader: 'js',
    }));
    esbuild.onResolve({ filter: /^precompiled:/ }, (args) => ({ path: args.path.slice('precompiled:'.length), namespace: 'precompiled' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'precompiled' }, async (args) => ({
      contents: await precompiledChunk(args.path),
      loader: 'js',
    }));
  },
};

// The build's fingerprint for the cache of checked files (src/load/cache.ts): a hash of the
// sources and of the locked dependencies bundled with them, the same as cache.ts makes when it
// runs from the sources.
async function buildFingerprint() {
  const hash = createHash('sha256');
  const visit = async (dir) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else hash.update(`${path.slice(root.length).split('\\').join('/').replace(/^\//, '')}\0`).update(await readFile(path));
    }
  };
  await visit(join(root, 'src'));
  hash.update(await readFile(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

await rm(join(root, 'dist'), { recursive: true, force: true });
const fingerprint = JSON.stringify(await buildFingerprint());
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  plugins: [precompiledTemplates, lazyChildProcess],
  define: { __BORGERMODE_BUILD__: fingerprint },
  // Less source to read at every start; names are kept, so stack traces still name their functions.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
};

// The CLI: one CommonJS file, started by bin/borgermode.js with a V8 code cache (made below).
// What a command loads only when it needs it is still loaded late: the commands and the
// templates are modules of the bundle initialised when first imported, and these packages stay
// in node_modules, required when used: the prompts of data entry, Handlebars' compiler (one's own
// templates), exceljs (workbooks), docx, htmlparser2, domhandler, resvg and fflate (Word documents; resvg is
// native code), playwright-core (PDF output; it reads its own files at run time, so it cannot be
// bundled). The yaml package (editing, and the line and column of findings) is bundled: from
// node_modules it is some eighty ES modules, ~20 ms to load, a tenth of an `add`'s work.
const cli = await build({
  ...shared,
  entryPoints: [join(root, 'src/cli/run.ts')],
  outfile: join(root, 'dist/cli/borgermode.cjs'),
  format: 'cjs',
  plugins: [
    ...shared.plugins,
    externalExactly([
      'handlebars',
      '@inquirer/prompts',
      'playwright-core',
      'exceljs',
      'docx',
      'htmlparser2',
      'domhandler',
      '@resvg/resvg-js',
      'fflate',
    ]),
  ],
  // import() becomes a require(), which loads ES modules too (Node ≥ 20.19): a script compiled
  // through node:vm has no loader for import() of its own.
  supported: { 'dynamic-import': false },
  // The sources find the package and the worker from their own place.
  define: { ...shared.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The worker threads of src/load/check-files.ts (dist/load/check-worker.js) and of
// src/cli/site-areas.ts (dist/cli/site-worker.js), and src/write/pdf.ts
// as an entry of its own (dist/write/pdf.js) so that scripts/browser-checks.mjs and
// test/write/pdf.test.ts print PDFs with the bundled code itself: ES modules.
const modules = await build({
  ...shared,
  entryPoints: [join(root, 'src/write/pdf.ts'), join(root, 'src/load/check-worker.ts'), join(root, 'src/cli/site-worker.ts')],
  outbase: join(root, 'src'),
  outdir: join(root, 'dist'),
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  external: ['playwright-core'],
  // CommonJS packages in the bundle call require() and read __filename; give them Node's.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url);",
  },
});

// What each output holds and imports: test/scripts/bundle.test.ts checks what the CLI bundle holds.
await writeFile(join(root, 'dist', 'meta.json'), JSON.stringify({ cli: cli.metafile, modules: modules.metafile }, null, 1));

// The cache of the bundled sample's checked files (dist/sample-cache/, read only at run time): the
// entries validate writes for a scratch copy of the sample (an entry names its file by its path in
// the project, so they are the sample's own), and the key that sealed them, made for this build in
// a scratch cache home (src/load/cache-key.ts). docs/performance.md#the-cache.
const scratch = await mkdtemp(join(tmpdir(), 'borgermode-sample-cache-'));
try {
  await cp(join(root, 'data'), join(scratch, 'data'), { recursive: true });
  // With the cache on, whatever the environment says (the tests turn it off), and a key of its own.
  const { BORGERMODE_NO_CACHE: _off, ...env } = process.env;
  const home = join(scratch, 'cache-home');
  execFileSync(process.execPath, [join(root, 'bin', 'borgermode.js'), 'validate', '--data', join(scratch, 'data'), '--quiet'], {
    env: { ...env, NO_COLOR: '1', XDG_CACHE_HOME: home },
    stdio: 'inherit',
  });
  const entries = join(scratch, 'data', '.borgermode', 'cache');
  await mkdir(join(root, 'dist', 'sample-cache'));
  for (const name of (await readdir(entries)).filter((name) => name.endsWith('.json')))
    await cp(join(entries, name), join(root, 'dist', 'sample-cache', name));
  // Readable by every user of the installation, like its code: it seals only what the installation holds.
  await cp(join(home, 'borgermode', 'cache-key'), join(root, 'dist', 'sample-cache', 'cache-key'));
  await chmod(join(root, 'dist', 'sample-cache', 'cache-key'), 0o644);
} finally {
  await rm(scratch, { recursive: true, force: true });
}

// The code cache, made by running the bundle in a process with Node's default flags (after the
// sample cache: what a brief of the sample runs is what goes in it).
execFileSync(process.execPath, [join(root, 'scripts', 'make-code-cache.cjs')], { stdio: 'inherit' });

/** Leaves these packages (exactly these names: `handlebars/runtime` is bundled) to node_modules. */
function externalExactly(names) {
  const filter = new RegExp(`^(${names.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`);
  return { name: 'external-exactly', setup: (esbuild) => esbuild.onResolve({ filter }, (args) => ({ path: args.path, external: true })) };
}
