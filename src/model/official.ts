// The official series of a project (load/official.ts reads them, analyze/official.ts compares
// the area with them): Danmarks Statistik's STRAF11 and FOLK1A, as docs/official.md describes.

/** The figures of the official tables, by place (its name in lower case, without code or "Kommune"), then quarter ("2020-Q1"). */
export interface OfficialSeries {
  /** STRAF11: offence (the cell as StatBank wrote it, e.g. "1320 Indbrud i beboelse") → reported offences, null where not published. */
  offences: Map<string, Map<string, Map<string, number | null>>>;
  /** FOLK1A: residents on the first day of the quarter, null where not published. */
  population: Map<string, Map<string, number | null>>;
  /** The files read, relative to the project root, in order. */
  files: string[];
}

/** The place StatBank names the whole country by. */
export const COUNTRY = 'hele landet';

/** A place as a key: "159 Gladsaxe", "Gladsaxe Kommune" and "gladsaxe" are one. */
export const placeKey = (name: string): string =>
  name
    .trim()
    .replace(/^\d+\s+/, '')
    .replace(/\s+kommune$/i, '')
    .toLocaleLowerCase('da');
