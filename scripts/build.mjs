// Bundles the CLI into dist/ with esbuild: one file for the start-up path and a chunk for
// each lazily loaded part (a command, the yaml package), so a cold start resolves and compiles
// a few files instead of dozens. The default templates are precompiled into the bundle, so a
// cold start needs only the Handlebars runtime. Type checking is `npm run typecheck` (tsc).
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

// src/render/precompiled.ts becomes a table of loaders, one chunk per template and one for the
// partials of each format: a brief compiles its own template's code, not every template's.
async function precompiledModule() {
  const load = (what) => `() => import(${JSON.stringify(`precompiled:${what}`)}).then((m) => m.default)`;
  const templates = (await hbs(templatesDir)).map((name) => `${JSON.stringify(name)}: ${load(name)}`);
  return `export const PRECOMPILED = {
templates: {${templates.join(',\n')}},
partials: { md: ${load('partials.md')}, html: ${load('partials.html')} },
};\n`;
}

// One template (`precompiled:brief.md.hbs`) or the partials of a format (`precompiled:partials.md`),
// minified: nothing in it is read by name but its properties.
async function precompiledChunk(what) {
  const precompile = async (dir, name, format) => Handlebars.precompile(await readFile(join(dir, name), 'utf8'), compileOptions(format));
  let spec;
  const partialsOf = /^partials\.(md|html)$/.exec(what);
  if (partialsOf) {
    const names = await hbs(partialsDir).catch(() => []);
    const entries = await Promise.all(names.map(async (name) => `${JSON.stringify(name.slice(0, -'.hbs'.length))}: ${await precompile(partialsDir, name, partialsOf[1])}`));
    spec = `{${entries.join(',\n')}}`;
  } else {
    spec = await precompile(templatesDir, what, formatOf(what));
  }
  return (await transform(`export default ${spec};`, { minify: true, format: 'esm', target: 'node20.19' })).code;
}

// commander loads node:child_process (and with it net, dgram and streams) at start-up for
// executable subcommands, which borgermode does not have: commander gets the module only if it
// ever touches it. test/scripts/build.test.ts checks what a start loads.
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
    esbuild.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled\.ts$/ }, async () => ({ contents: await precompiledModule(), loader: 'js' }));
    esbuild.onResolve({ filter: /^precompiled:/ }, (args) => ({ path: args.path.slice('precompiled:'.length), namespace: 'precompiled' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'precompiled' }, async (args) => ({ contents: await precompiledChunk(args.path), loader: 'js' }));
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
const result = await build({
  // src/write/pdf.ts is an entry of its own (dist/write/pdf.js) so that scripts/browser-checks.mjs
  // and test/write/pdf.test.ts print PDFs with the bundled code itself.
  // src/load/check-worker.ts is the worker thread of src/load/check-files.ts (dist/load/check-worker.js).
  entryPoints: [join(root, 'src/cli/run.ts'), join(root, 'src/write/pdf.ts'), join(root, 'src/load/check-worker.ts')],
  outbase: join(root, 'src'),
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [precompiledTemplates, lazyChildProcess],
  define: { __BORGERMODE_BUILD__: JSON.stringify(await buildFingerprint()) },
  // playwright-core (PDF output only) reads its own files at run time, so it cannot be bundled:
  // it is imported from node_modules when a PDF is printed (src/write/pdf.ts).
  external: ['playwright-core'],
  // CommonJS packages in the bundle call require() (Handlebars) and read __filename
  // (write-file-atomic, for its temporary file names); give them Node's.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url);",
  },
  // Less source to read and parse at every start (a few ms of report's start-up on the sample);
  // names are kept, so stack traces still name their functions.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
});
// What each output holds and imports: test/scripts/build.test.ts checks that heavy packages stay out of start-up.
await writeFile(join(root, 'dist', 'meta.json'), JSON.stringify(result.metafile, null, 1));
