import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, SAMPLE } from './temp-project.js';

// A copy of the sample with Danmarks Statistik's STRAF11 and FOLK1A for Gladsaxe and the whole
// country, in the layout StatBank writes (docs/official.md): ";", the offence as code and text,
// quarters as 2020K1, ".." for a figure not published. The figures are made up, and chosen so the
// rates are easy to check: Gladsaxe has 70,000 residents, the country 5,900,000.

/** The offences of STRAF11 the built-in categories' straf11 codes name, as StatBank writes them. */
export const OFFENCES = [
  '11 Seksualforbrydelser i alt',
  '12 Voldsforbrydelser i alt',
  '1312 Brandstiftelse',
  '1320 Indbrud i beboelse',
  '1328 Tyveri fra bil',
  '1339 Tyveri af bil',
  '1380 Røveri',
  '1390 Hærværk',
  'Lov om euforiserende stoffer',
  'Våbenloven',
];

const QUARTERS = ['2018K4', '2019K1', '2019K2', '2019K3', '2019K4', '2020K1'];

/** The STRAF11 file: Gladsaxe 7 of each offence a quarter, the country 590 (so both 0.1 per 1,000 per offence); `last` is written as `lastValue`. */
export function straf11(lastValue = '7'): string {
  const rows = ['OMRÅDE;OVERTRÆD;TID;INDHOLD'];
  for (const [place, count] of [
    ['159 Gladsaxe', 7],
    ['000 Hele landet', 590],
  ] as const)
    for (const quarter of QUARTERS)
      for (const offence of OFFENCES)
        rows.push(
          `${place};${offence};${quarter};${place.includes('Gladsaxe') && quarter === '2020K1' && offence.startsWith('12 ') ? lastValue : count}`,
        );
  return `${rows.join('\r\n')}\r\n`;
}

export function folk1a(): string {
  const rows = ['OMRÅDE;KØN;TID;INDHOLD'];
  for (const [place, residents] of [
    ['Gladsaxe', 70000],
    ['Hele landet', 5900000],
  ] as const)
    for (const quarter of QUARTERS) rows.push(`${place};I alt;${quarter};${residents}`);
  return `${rows.join('\r\n')}\r\n`;
}

/** The sample, 12,000 residents (so public output shows the categories themselves), with official/STRAF11.csv and official/FOLK1A.csv. */
export function officialProject(files: { straf11?: string; folk1a?: string } = {}): string {
  const dir = copyProject(SAMPLE);
  const settings = join(dir, 'borgermode.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace('residents: 2600', 'residents: 12000'));
  mkdirSync(join(dir, 'official'));
  writeFileSync(join(dir, 'official', 'STRAF11.csv'), files.straf11 ?? straf11());
  writeFileSync(join(dir, 'official', 'FOLK1A.csv'), files.folk1a ?? folk1a());
  return dir;
}
