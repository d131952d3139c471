import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { copyProject, ROOT, SAMPLE, snapshot, tempDir } from '../helpers/temp-project.js';

// `borgermode schema [--out DIR]`: the editor schemas, by default into the project's own
// .borgermode/schema/ (where the modelines of init and add point).

const committed = (name: string) => readFileSync(join(ROOT, 'schemas', name), 'utf8');

describe('schema', () => {
  it('writes both schemas into the project, the same bytes as schemas/', async () => {
    const project = copyProject(SAMPLE);
    const result = await runCli(['schema'], { cwd: join(project, '2020') });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('Skrev ../.borgermode/schema/borgermode.schema.json og ../.borgermode/schema/records.schema.json\n');
    for (const name of ['borgermode.schema.json', 'records.schema.json'])
      expect(readFileSync(join(project, '.borgermode/schema', name), 'utf8')).toBe(committed(name));
    // The schema folder is hidden: validate does not read it as records.
    expect((await runCli(['validate', '--data', project, '--quiet'])).exitCode).toBe(0);
  });

  it('writes to --out through the real bin, without a project', async () => {
    const dir = tempDir();
    const result = await runBin(['schema', '--out', 'schemas', '--lang', 'en'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('Wrote schemas/borgermode.schema.json and schemas/records.schema.json\n');
    expect([...snapshot(join(dir, 'schemas')).keys()].sort()).toEqual(['borgermode.schema.json', 'records.schema.json']);
    expect(readFileSync(join(dir, 'schemas/records.schema.json'), 'utf8')).toBe(committed('records.schema.json'));
  });

  it('outside a project and without --out it is a usage error (never into the bundled sample)', async () => {
    const result = await runCli(['schema'], { cwd: tempDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'borgermode: ingen borgermode.yaml i denne mappe eller mapperne over; angiv --out MAPPE, hvor skemaerne skal skrives\n',
    );
  });
});
