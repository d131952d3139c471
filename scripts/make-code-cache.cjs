'use strict';
// Makes the V8 code cache of the CLI bundle (bin/borgermode.js explains it), run by
// scripts/bundle.mjs in a process of its own with Node's default flags (V8 takes a cache only
// under the flags it was made with). The cache holds the code compiled by the time it is made,
// so the commands that should start fastest run first, on the bundled sample: a brief in both
// formats and validate.
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { loadCli, CODE_CACHE } = require('../bin/borgermode.js');

const COMMANDS = [
  ['report', '--sample'],
  ['report', '--sample', '--format', 'html'],
  ['validate', '--sample'],
];

async function main() {
  const { run, script } = loadCli();
  // A folder with no project above it, and the bundled sample as the README's first command reads it.
  const cwd = mkdtempSync(join(tmpdir(), 'borgermode-code-cache-'));
  const sink = { write: () => true, isTTY: false };
  try {
    for (const args of COMMANDS) {
      const code = await run([...args, '--quiet'], { stdout: sink, stderr: sink, stdin: { isTTY: false }, cwd, env: { NO_COLOR: '1' } });
      if (code !== 0) throw new Error(`borgermode ${args.join(' ')} exited ${code} while making the code cache`);
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  writeFileSync(CODE_CACHE, script.createCachedData());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
