import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOfficialSeries } from '../../src/load/official.js';
import { tempDir } from '../helpers/temp-project.js';

// Danmarks Statistik's tables as StatBank writes them (src/load/official.ts), in small files
// written here in its layout.

function project(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'official'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'official', name), text);
  return dir;
}

describe('readOfficialSeries', () => {
  it('is nothing without the folder, or with no CSV in it', async () => {
    expect(await readOfficialSeries(tempDir())).toEqual({ series: undefined, findings: [] });
    expect(await readOfficialSeries(project({ 'README.txt': 'x' }))).toEqual({ series: undefined, findings: [] });
  });

  it('reads STRAF11 and FOLK1A by their columns: places without code or "Kommune", quarters, ".." as not published', async () => {
    const dir = project({
      'hentet-fra-statistikbanken.csv':
        '\ufeffOMRÅDE;OVERTRÆD;TID;INDHOLD\r\n159 Gladsaxe;1320 Indbrud i beboelse;2020K1;25\r\nHele landet;1320 Indbrud i beboelse;2020K1;..\r\n',
      'FOLK1A.csv':
        'OMRÅDE;KØN;ALDER;TID;INDHOLD\nGladsaxe Kommune;I alt;Alder i alt;2020K1;69735\nHele landet;I alt;Alder i alt;2020K1;5.822.763\n',
    });
    const { series, findings } = await readOfficialSeries(dir);
    expect(findings).toEqual([]);
    expect(series!.files).toEqual(['official/FOLK1A.csv', 'official/hentet-fra-statistikbanken.csv']);
    expect(series!.offences.get('gladsaxe')?.get('2020-Q1')?.get('1320 Indbrud i beboelse')).toBe(25);
    expect(series!.offences.get('hele landet')?.get('2020-Q1')?.get('1320 Indbrud i beboelse')).toBeNull();
    expect(series!.population.get('gladsaxe')?.get('2020-Q1')).toBe(69735);
    // Danish thousands separators read as such.
    expect(series!.population.get('hele landet')?.get('2020-Q1')).toBe(5822763);
  });

  it('reads the Windows-1252 text StatBank\u2019s download may be in', async () => {
    const text = 'OMRÅDE;OVERTRÆD;TID;INDHOLD\r\nGladsaxe;1390 Hærværk;2019K4;12\r\n';
    const dir = project({ 'STRAF11.csv': Buffer.from(text, 'latin1') });
    const { series, findings } = await readOfficialSeries(dir);
    expect(findings).toEqual([]);
    expect(series!.offences.get('gladsaxe')?.get('2019-Q4')?.get('1390 Hærværk')).toBe(12);
  });

  it('says what is wrong at file:row:column, every problem in one run', async () => {
    const dir = project({
      'a.csv': 'Område;Tid;Antal\nGladsaxe;2020K1;3\n',
      'b.csv':
        'OMRÅDE;OVERTRÆD;TID;INDHOLD\nGladsaxe;1320;2020Q1;3\nGladsaxe;1320;2020K2;3,5\nGladsaxe;1320;2020K3;4\nGladsaxe;1320;2020K3;5\n',
      'c.csv': 'OMRÅDE;KØN;TID;INDHOLD\nGladsaxe;Mænd;2020K1;34000\n',
    });
    const { findings } = await readOfficialSeries(dir);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`)).toEqual([
      'official/a.csv:1:1 official-layout',
      'official/b.csv:2:3 official-value',
      'official/b.csv:3:4 official-value',
      'official/b.csv:5:1 official-duplicate',
      'official/c.csv:2:2 official-totals',
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
});
