import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';
import { changedFiles, copyProject, SAMPLE, snapshot } from '../helpers/temp-project.js';

// `borgermode import FILE` (issue 19, item 1): spreadsheet rows as records, every bad cell at
// FILE:row:column in one run, nothing written unless every row is right, nothing imported twice.

const records = (dir: string, file: string, kind: string) =>
  (jsYaml.load(readFileSync(join(dir, file), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as Record<string, Record<string, unknown>[]>)[kind]!;

/** Text in Windows-1252, as Danish Excel saves "CSV (semikolonsepareret)". */
const windows1252 = (text: string) => Buffer.from([...text].map((c) => c.charCodeAt(0) & 0xff));

describe('import from CSV', () => {
  it('reads a Windows-1252 file with ";", a title row, Danish dates, labels and zones in any case; a second run adds nothing', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'politi.csv'),
      windows1252(
        'Hændelser fra politiet, april 2020\r\n\r\nDato;Kategori;Antal;Zone;Beskrivelse;Sagsnr\r\n3.4.2020;Tyveri;2;centret;Cykler stjålet;A-1\r\n2020-04-05;indbrud i beboelse;1;;Indbrud i kælder;A-2\r\n6/4 2020;violence;3;Blok 1-4;;A-3\r\n',
      ),
    );
    const before = snapshot(dir);
    const dry = await runCli(['import', 'politi.csv', '--dry-run'], { cwd: dir });
    expect(dry.exitCode).toBe(0);
    expect(
      dry.stdout
        .split('\n')
        .slice(2, 5)
        .map((line) => line.split(/\s{2,}/).slice(0, 4)),
    ).toEqual([
      ['inc-2020-04-03-1', '2020-04-03', 'Tyveri', '2'],
      ['inc-2020-04-05-1', '2020-04-05', 'Indbrud i beboelse', '1'],
      ['inc-2020-04-06-1', '2020-04-06', 'Vold', '3'],
    ]);
    expect(dry.stderr).toBe(
      'Læser politi.csv som hændelser (kolonnerne Dato, Kategori, Antal, Zone og Beskrivelse); angiv --kind for at vælge selv\n3 hændelser ville blive tilføjet; 0 er importeret før. Intet er skrevet (--dry-run).\n',
    );
    expect(changedFiles(before, snapshot(dir))).toEqual([]);

    const result = await runCli(['import', 'politi.csv', '--kind', 'incidents'], { cwd: dir });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'Importerede 3 hændelser fra politi.csv til 2020/incidents.yaml\n' });
    expect(records(dir, '2020/incidents.yaml', 'incidents').slice(-3)).toEqual([
      {
        id: 'inc-2020-04-03-1',
        date: '2020-04-03',
        category: 'theft',
        count: 2,
        zone: 'Centret',
        summary: 'Cykler stjålet',
        import_id: 'A-1',
      },
      { id: 'inc-2020-04-05-1', date: '2020-04-05', category: 'burglary', summary: 'Indbrud i kælder', import_id: 'A-2' },
      { id: 'inc-2020-04-06-1', date: '2020-04-06', category: 'violence', count: 3, zone: 'Blok 1-4', import_id: 'A-3' },
    ]);
    const after = snapshot(dir);
    const again = await runCli(['import', 'politi.csv', '--kind', 'incidents'], { cwd: dir });
    expect(again.stderr).toBe('Intet nyt i politi.csv: alle 3 rækker er importeret før.\n');
    expect(changedFiles(after, snapshot(dir)).filter((f) => !f.startsWith('.borgermode/'))).toEqual([]);
    expect((await runCli(['validate'], { cwd: dir })).stderr).toBe('OK: ingen problemer fundet\n');
  });

  it('without a source id column keys each row by its values: two equal rows are two records, and neither comes twice', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'aktiviteter.csv'),
      '\uFEFFDato,Aktivitet,Slags,Deltagere,Timer,Samarbejdspartnere\n2020-04-02,Lektiecafé,youth_activity,12,"1,5","helhedsplan, skole"\n2020-04-02,Lektiecafé,youth_activity,12,"1,5","helhedsplan, skole"\n',
    );
    const first = await runCli(['import', 'aktiviteter.csv', '--json'], { cwd: dir });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      ok: true,
      kind: 'activities',
      added: [{ id: 'act-2020-04-02-1' }, { id: 'act-2020-04-02-2' }],
      skipped: 0,
    });
    const added = records(dir, '2020/activities.yaml', 'activities').slice(-2);
    expect(added.map((a) => [a.title, a.hours, a.partners])).toEqual([
      ['Lektiecafé', 1.5, ['helhedsplan', 'skole']],
      ['Lektiecafé', 1.5, ['helhedsplan', 'skole']],
    ]);
    expect(added[0]!.import_id).toMatch(/^h-[0-9a-f]{12}$/);
    expect(added[1]!.import_id).toBe(`${String(added[0]!.import_id)}-2`);
    const again = JSON.parse((await runCli(['import', 'aktiviteter.csv', '--json'], { cwd: dir })).stdout) as {
      added: unknown[];
      skipped: number;
    };
    expect(again).toMatchObject({ added: [], skipped: 2 });
  });

  it('questions: a rumour as ja/nej, an owner by its label; a column it does not use is said', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'spm.csv'),
      'Dato;Spørgsmål;Ansvarlig;Rygte;Bemærkning\n2020-04-22;Sælges der narko ved kiosken?;Politiet;ja;ringede igen\n2020-04-22;Kan der komme lys?;Boligselskabet;nej;\n',
    );
    const result = await runCli(['import', 'spm.csv'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('Bruger ikke kolonnerne Bemærkning\n');
    expect(
      records(dir, 'questions.yaml', 'questions')
        .slice(-2)
        .map((q) => [q.owner, q.rumour]),
    ).toEqual([
      [undefined, true],
      ['housing', undefined],
    ]);
  });

  it('reports every bad cell at FILE:row:column in one run, with the verdict line, and writes nothing (exit 1)', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'bad.csv'),
      'Dato,Kategori,Antal,Zone\n31.2.2020,tyveri,2,Centret\n2020-04-07,thef,mange,Centrum\n,violence,1,\n',
    );
    const before = snapshot(dir);
    const result = await runCli(['import', 'bad.csv', '--quiet'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'bad.csv:2:1 error kolonnen "Dato": forventede en gyldig dato skrevet ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ, f.eks. 2020-03-31 eller 31.3.2020, fandt "2020-02-31"',
      'bad.csv:3:2 error kolonnen "Kategori": forventede en af violence, sexual, threats, burglary, theft, vehicle, robbery, vandalism, arson, drugs, weapons, traffic, nuisance eller other, fandt "thef" (mente du "theft"?)',
      'bad.csv:3:3 error kolonnen "Antal": forventede et helt tal fra 1 til 1.000.000, fandt "mange"',
      'bad.csv:3:4 error kolonnen "Zone": forventede en af Blok 1-4, Blok 5-9, Centret eller P-pladser, fandt "Centrum" (mente du "Centret"?)',
      'bad.csv:4:1 error kolonnen "Dato" er tom, men feltet skal udfyldes',
      '5 fejl, 0 advarsler – intet er skrevet',
      '',
    ]);
    expect(changedFiles(before, snapshot(dir))).toEqual([]);
    const json = JSON.parse((await runCli(['import', 'bad.csv', '--json'], { cwd: dir })).stdout) as {
      ok: boolean;
      diagnostics: { line: number; column: number }[];
    };
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d) => [d.line, d.column])).toEqual([
      [2, 1],
      [3, 2],
      [3, 3],
      [3, 4],
      [4, 1],
    ]);
  });

  it('refuses personal data in a public field, at the row it came from, and a file without a header row', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(
      join(dir, 'p.csv'),
      'Dato;Kategori;Beskrivelse\n2020-04-08;theft;Et andet forhold\n2020-04-09;theft;Skriv til jens@eksempel.dk\n',
    );
    // The dry run is checked as the import would be.
    const dry = await runCli(['import', 'p.csv', '--dry-run', '--quiet'], { cwd: dir });
    expect(dry.exitCode).toBe(1);
    expect(dry.stdout).toBe('');
    const result = await runCli(['import', 'p.csv', '--quiet'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^p\.csv:3:1 error feltet "summary" ser ud til at indeholde en e-mailadresse/m);
    expect(result.stderr).toMatch(/– intet er skrevet\n$/);
    writeFileSync(join(dir, 'none.csv'), 'a;b;c\n1;2;3\n');
    const none = await runCli(['import', 'none.csv'], { cwd: dir });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/^none\.csv:1:1 error fandt ingen overskriftsrække/);
    writeFileSync(join(dir, 'nocat.csv'), 'Dato;Antal\n2020-04-08;2\n');
    expect((await runCli(['import', 'nocat.csv', '--kind', 'incidents'], { cwd: dir })).stderr).toMatch(
      /nocat\.csv:1:1 error ingen kolonne til feltet category; forventede en overskrift som kategori, category, type/,
    );
  });
});

describe('import with a mapping file', () => {
  it("names the columns borgermode does not know and the sheet's own words; kept and used again for the same headers", async () => {
    const dir = copyProject(SAMPLE);
    const outside = join(dir, '..');
    writeFileSync(
      join(dir, 'pol.csv'),
      'Gerningskode;Tidspunkt;Adresse;Løbenr\nTYV;2020-04-11;Hovedgaden 1;B-7\nIND;2020-04-12;Hovedgaden 2;B-8\n',
    );
    writeFileSync(
      join(outside, 'politi-map.yaml'),
      'kind: incidents\ncolumns:\n  Gerningskode: category\n  Tidspunkt: date\n  Adresse: ignore\n  Løbenr: id\nvalues:\n  category:\n    TYV: theft\n    ind: burglary\n',
    );
    const first = await runCli(['import', 'pol.csv', '--map', '../politi-map.yaml'], { cwd: dir });
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toMatch(
      /^Importerede 2 hændelser fra pol\.csv til 2020\/incidents\.yaml\nGemte kortlægningen som \.borgermode\/import\/[0-9a-f]{16}\.yaml; den bruges igen til et regneark med de samme overskrifter\n$/,
    );
    expect(
      records(dir, '2020/incidents.yaml', 'incidents')
        .slice(-2)
        .map((r) => [r.category, r.date, r.import_id, r.summary]),
    ).toEqual([
      ['theft', '2020-04-11', 'B-7', undefined],
      ['burglary', '2020-04-12', 'B-8', undefined],
    ]);
    // Next month's sheet, same headers, no --map: the kept mapping.
    writeFileSync(join(dir, 'pol-maj.csv'), 'Gerningskode;Tidspunkt;Adresse;Løbenr\nTYV;2020-04-18;Hovedgaden 3;B-9\n');
    const next = await runCli(['import', 'pol-maj.csv'], { cwd: dir });
    expect(next.stderr).toMatch(
      /^Bruger den gemte kortlægning \.borgermode\/import\/[0-9a-f]{16}\.yaml \(samme overskrifter som sidst\)\nImporterede 1 hændelse fra pol-maj\.csv/,
    );
    expect((await runCli(['validate'], { cwd: dir })).stderr).toBe('OK: ingen problemer fundet\n');
  });

  it('says so when the mapping lies in the project (it would be read as records), and refuses a field the kind does not have (exit 2)', async () => {
    const dir = copyProject(SAMPLE);
    writeFileSync(join(dir, 'pol.csv'), 'Gerningskode;Dato\nTYV;2020-04-11\n');
    writeFileSync(join(dir, 'map.yaml'), 'columns:\n  Gerningskode: category\nvalues:\n  category:\n    TYV: theft\n');
    const inside = await runCli(['import', 'pol.csv', '--map', 'map.yaml', '--kind', 'incidents'], { cwd: dir });
    expect(inside.exitCode).toBe(0);
    expect(inside.stderr).toContain('Bemærk: map.yaml ligger i projektmappen og læses derfor som en postfil; flyt den ud');
    writeFileSync(join(dir, '..', 'bad-map.yaml'), 'columns:\n  Gerningskode: kategori\n');
    const bad = await runCli(['import', 'pol.csv', '--map', '../bad-map.yaml', '--kind', 'incidents'], { cwd: dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(
      /^borgermode: kortlægningen \.\.\/bad-map\.yaml kan ikke bruges: columns\.gerningskode: "kategori" er ikke et felt i incidents; forventede et af area, date, category/,
    );
  });
});

describe('import from a workbook', () => {
  it('reads the first sheet: a merged title row, the header on row 3, Excel dates and day numbers (the real bin)', async () => {
    const dir = copyProject(SAMPLE);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Aktiviteter');
    sheet.addRow(['Helhedsplanens aktiviteter, april 2020']);
    sheet.mergeCells('A1:E1');
    sheet.addRow([]);
    sheet.addRow(['Dato', 'Aktivitet', 'Slags', 'Deltagere', 'Timer']);
    sheet.addRow([new Date(Date.UTC(2020, 3, 14)), 'Fodbold', 'Aktivitet med unge', 22, 2]);
    sheet.addRow([43941, 'Tryghedsvandring', 'safety_walk', 9, 1.5]); // 43941 = 2020-04-20
    await book.xlsx.writeFile(join(dir, 'aktiviteter.xlsx'));
    const result = await runBin(['import', 'aktiviteter.xlsx', '--kind', 'activities'], { cwd: dir });
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'Importerede 2 aktiviteter fra aktiviteter.xlsx til 2020/activities.yaml\n',
    });
    expect(
      records(dir, '2020/activities.yaml', 'activities')
        .slice(-2)
        .map((a) => [a.id, a.date, a.kind, a.participants, a.hours]),
    ).toEqual([
      ['act-2020-04-14-1', '2020-04-14', 'youth_activity', 22, 2],
      ['act-2020-04-20-1', '2020-04-20', 'safety_walk', 9, 1.5],
    ]);
  });
});
