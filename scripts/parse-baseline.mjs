// The baseline of the scale benchmark: read and parse every record file of a project with
// js-yaml (CORE schema), nothing else. Usage: node scripts/parse-baseline.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';

const dir = process.argv[2];
let records = 0;
for (const file of readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.yaml') && f !== 'borgermode.yaml')) {
  const data = jsYaml.load(readFileSync(join(dir, file), 'utf8'), { schema: jsYaml.CORE_SCHEMA });
  records += data?.incidents?.length ?? 0;
}
process.stdout.write(`${records}\n`);
