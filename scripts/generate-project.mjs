// Writes a large generated data project for the benchmark: 20 areas over 40 quarters
// (2010–2019), incident records spread over one file per area and year, in the layout and
// style users write. Usage: node scripts/generate-project.mjs [records] [dir]
// (npm run bench:data; default 1,000,000 records into $TMPDIR/borgermode-bench/<records>).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const records = Number(process.argv[2] ?? 1_000_000);
const dir = process.argv[3] ?? join(tmpdir(), 'borgermode-bench', String(records));
const AREAS = 20;
const YEARS = 10;
const CATEGORIES = [
  'violence',
  'threats',
  'burglary',
  'theft',
  'vehicle',
  'robbery',
  'vandalism',
  'arson',
  'drugs',
  'weapons',
  'traffic',
  'nuisance',
  'other',
];
const ZONES = ['Blok 1-4', 'Blok 5-9', 'Centret', 'P-pladser'];
const SOURCES = ['police', 'police', 'police', 'police', 'resident', 'patrol'];

// A small deterministic generator, so every run writes the same bytes.
let seed = 20200429;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'borgermode.yaml'),
  `title: Generated district\nareas:\n${Array.from({ length: AREAS }, (_, a) => `  - id: area-${a}\n    name: Område ${a}\n    residents: ${2000 + a * 150}\n    zones: [${ZONES.join(', ')}]\n`).join('')}`,
);
const perFile = Math.ceil(records / (AREAS * YEARS));
let written = 0;
let bytes = 0;
for (let a = 0; a < AREAS; a++) {
  for (let y = 0; y < YEARS && written < records; y++) {
    const year = 2010 + y;
    const lines = [`# Hændelser i område ${a}, ${year} (genereret)`, 'incidents:'];
    const n = Math.min(perFile, records - written);
    for (let i = 0; i < n; i++) {
      const month = 1 + Math.floor((i / n) * 12);
      const day = 1 + Math.floor(random() * 28);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      lines.push(`  - id: inc-${a}-${year}-${i}`, `    area: area-${a}`, `    date: ${date}`, `    category: ${pick(CATEGORIES)}`);
      if (random() < 0.3) lines.push(`    count: ${1 + Math.floor(random() * 4)}`);
      if (random() < 0.5) lines.push(`    zone: ${pick(ZONES)}`);
      if (random() < 0.2) lines.push('    summary: En kort, offentlig beskrivelse af hændelsen i én sætning.');
      const source = pick(SOURCES);
      if (source !== 'police') lines.push(`    source: ${source}`);
      if (random() < 0.1) lines.push('    internal_note: Sagsnr. 0100-12345-00123-19');
    }
    const text = `${lines.join('\n')}\n`;
    mkdirSync(join(dir, `area-${a}`), { recursive: true });
    writeFileSync(join(dir, `area-${a}`, `${year}.yaml`), text);
    written += n;
    bytes += Buffer.byteLength(text);
  }
}
console.log(`${written} records, ${(bytes / 1048576).toFixed(1)} MB in ${AREAS * YEARS} files: ${dir}`);
