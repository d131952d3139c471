import { seededRandom, yamlWriter } from './generated.js';

// A generated project for the disclosure audit (issue 16): two small areas whose police figures
// are Poisson counts with realistic category shares, so most category cells of a quarter are
// small and suppression does most of its work. Seeded, so the same bytes every run; clean for
// `validate` (no finding at all). Variants by option: a summary on every incident (the lists a
// reader can count), sensitive incidents, and records that count more than one incident.

export interface SmallAreaOptions {
  /** Every incident has a summary, so every cell lists its incidents (as far as the rule lets it). */
  summaries?: boolean;
  /** Some incidents of the sensitive category `sexual` (public output folds them into `other`). */
  sensitive?: boolean;
  /** Some records count two or three incidents (`count: 2..3`); the cells keep their Poisson totals. */
  counts?: boolean;
  /** `privacy.grouping` of borgermode.yaml (docs/privacy.md); absent: the default, `auto`. */
  grouping?: 'auto' | 'categories' | 'groups' | 'totals';
  seed?: number;
}

export const SMALL_AREAS = [
  { id: 'oster', name: 'Østerparken', residents: 2600, crimePerQuarter: 40 },
  { id: 'vester', name: 'Vestervænget', residents: 1600, crimePerQuarter: 25 },
] as const;

export const SMALL_AREA_YEARS = [2016, 2017, 2018, 2019] as const;

/** The share of each crime category in an area's crime. */
const CRIME_SHARES: Record<string, number> = {
  theft: 0.25,
  vehicle: 0.12,
  burglary: 0.1,
  violence: 0.12,
  threats: 0.06,
  vandalism: 0.12,
  drugs: 0.1,
  weapons: 0.02,
  arson: 0.02,
  robbery: 0.02,
  other: 0.07,
};
/** Concerns per quarter, whatever the area's size. */
const CONCERNS: Record<string, number> = { traffic: 5, nuisance: 5 };
/** Sensitive incidents per quarter (option `sensitive`). */
const SEXUAL_PER_QUARTER = 0.7;

const SUMMARIES = [
  'Anmeldt til politiet samme dag.',
  'Politiet var på stedet kort efter.',
  'Sagen er under efterforskning.',
  'Forholdet skete om aftenen.',
  'Beboere så det og ringede til politiet.',
  'Anmeldt dagen efter.',
];

/** Writes the project into `dir` (which should be empty); returns `dir`. */
export function writeSmallAreaProject(dir: string, options: SmallAreaOptions = {}): string {
  const { random, pick } = seededRandom(options.seed ?? 16);
  // Knuth's method: fine for the small means here.
  const poisson = (mean: number) => {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  };
  const write = yamlWriter(dir);

  write('borgermode.yaml', {
    title: 'To små områder',
    areas: SMALL_AREAS.map(({ id, name, residents }) => ({ id, name, residents })),
    privacy: { min_count: 5, ...(options.grouping ? { grouping: options.grouping } : {}) },
  });

  for (const area of SMALL_AREAS) {
    const means: [string, number][] = [
      ...Object.entries(CRIME_SHARES).map(([category, share]): [string, number] => [category, area.crimePerQuarter * share]),
      ...(options.sensitive ? [['sexual', SEXUAL_PER_QUARTER] as [string, number]] : []),
      ...Object.entries(CONCERNS),
    ];
    for (const year of SMALL_AREA_YEARS) {
      const incidents: Record<string, unknown>[] = [];
      for (let quarter = 1; quarter <= 4; quarter++) {
        for (const [category, mean] of means) {
          let left = poisson(mean);
          for (let i = 0; left > 0; i++) {
            const count = options.counts && left >= 2 && random() < 0.3 ? Math.min(left, 2 + Math.floor(random() * 2)) : 1;
            left -= count;
            const month = 3 * (quarter - 1) + 1 + Math.floor(random() * 3);
            const record: Record<string, unknown> = {
              id: `inc-${area.id}-${year}-q${quarter}-${category}-${i}`,
              area: area.id,
              date: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
              category,
            };
            if (count > 1) record.count = count;
            if (options.summaries) record.summary = pick(SUMMARIES);
            incidents.push(record);
          }
        }
      }
      write(`${area.id}/${year}/incidents.yaml`, { incidents }, `Hændelser i ${area.name} ${year} (genereret)`);
    }
  }
  return dir;
}
