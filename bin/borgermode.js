#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json), so that starting needs no ES module loader.
// Starts the CLI: dist/cli/borgermode.cjs (one CommonJS file, scripts/bundle.mjs) compiled with the
// V8 code cache the build made for it (dist/cli/borgermode.cjs.cache), so a start spends no time
// parsing and compiling what a brief runs. Node 20 has no compile cache of its own
// (module.enableCompileCache is Node 22); vm.Script takes one. A cache V8 does not accept (another
// Node version, other V8 flags) is ignored: the file is then compiled as usual.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli', 'borgermode.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;

/** Loads the bundle; `script` is there for scripts/make-code-cache.cjs to take the cache from. */
function loadCli() {
  let cachedData;
  try {
    cachedData = readFileSync(CODE_CACHE);
  } catch {
    // No cache: compiled from the source.
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'utf8')}\n})`;
  const script = new Script(source, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { run: module.exports.run, script };
}

module.exports = { loadCli, CODE_CACHE };

if (require.main === module) {
  const { run } = loadCli();
  // A reader that stops early (borgermode --help | head -3) closes the pipe: that is the end of the output, not a fault.
  process.stdout.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const isatty = require('node:tty').isatty;
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    // Only whether it is a terminal: process.stdin itself would open a stream the process then waits on.
    stdin: { isTTY: isatty(0) },
    cwd: process.cwd(),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    // run() turns every error into an exit code; this is the last guard, never a stack trace by default.
    (error) => {
      process.stderr.write(`borgermode: internal error: ${error && error.message ? error.message : error}\n`);
      if (process.env.BORGERMODE_DEBUG && error && error.stack) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 70;
    },
  );
}
