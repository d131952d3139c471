// The baseline of an unchanged rerun in the scale benchmark: read and JSON.parse the same data as
// the project's record files, kept as JSON in a folder beside it (DIR.json), nothing else.
//   node scripts/json-baseline.mjs --make DIR    writes DIR.json from the YAML files (js-yaml, CORE schema)
//   node scripts/json-baseline.mjs DIR           reads and parses every file of DIR.json
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const make = process.argv[2] === '--make';
const dir = process.argv[make ? 3 : 2];
const jsonDir = `${dir}.json`;
if (make) {
  const { default: jsYaml } = await import('js-yaml');
  rmSync(jsonDir, { recursive: true, force: true });
  for (const file of readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.yaml') && f !== 'borgermode.yaml')) {
    const data = jsYaml.load(readFileSync(join(dir, file), 'utf8'), { schema: jsYaml.CORE_SCHEMA });
    mkdirSync(dirname(join(jsonDir, file)), { recursive: true });
    writeFileSync(join(jsonDir, `${file}.json`), JSON.stringify(data));
  }
} else {
  let records = 0;
  for (const file of readdirSync(jsonDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(jsonDir, file), 'utf8'));
    records += data?.incidents?.length ?? 0;
  }
  process.stdout.write(`${records}\n`);
}
