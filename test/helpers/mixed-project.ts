import { seededRandom, yamlWriter } from './generated.js';

// A generated project with every record kind, three areas and small counts, for the tests that
// prove an optimisation leaves every page unchanged (test/cli/build-golden.test.ts). Seeded, so
// the same bytes every run; clean for `validate` (warnings allowed, no personal data).

const AREAS = [
  { id: 'nord', name: 'Nordparken', residents: 3100, zones: ['Blok A', 'Blok B', 'Torvet'] },
  { id: 'syd', name: 'Sydparken', residents: 1800, zones: ['Blok 1-4', 'Blok 5-9'] },
  // Few incidents: most cells are small, so suppression does much of the work here.
  { id: 'vest', name: 'Vesthaven', residents: 900 },
];
const CATEGORIES = [
  'violence',
  'sexual',
  'threats',
  'burglary',
  'theft',
  'vehicle',
  'vandalism',
  'drugs',
  'traffic',
  'nuisance',
  'other',
  'hate',
];
const SOURCES = ['police', 'police', 'police', 'resident', 'patrol', 'other'];
const KINDS = ['patrol', 'dialogue', 'citizen_meeting', 'youth_activity', 'school_visit', 'safety_walk', 'information'];
const PARTNERS = ['helhedsplan', 'skole', 'SSP', 'boligselskab', 'klub'];
const YEARS = [2017, 2018, 2019];

/** Writes the project into `dir` (which should be empty); returns `dir`. */
export function writeMixedProject(dir: string, seed = 7): string {
  const { random, pick } = seededRandom(seed);
  const day = (year: number, month: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const write = yamlWriter(dir);

  write('borgermode.yaml', {
    title: 'Tre parker',
    areas: AREAS,
    categories: [
      { id: 'theft', breaks: [{ date: '2018-07-01', note: 'Ny opgørelse af tyveri' }] },
      { id: 'hate', da: 'Hadforbrydelser', en: 'Hate crime', sensitive: true },
    ],
    privacy: { min_count: 5 },
    meeting: { place: 'Beboerhuset' },
    contacts: [{ role: 'Lokalbetjentene' }],
  });

  AREAS.forEach((area, a) => {
    const perMonth = [14, 6, 1][a]!;
    const meetings: { id: string; area: string; date: string; place?: string; time: string; attendees: number }[] = [];
    const questions: Record<string, unknown>[] = [];
    for (const year of YEARS) {
      const incidents: Record<string, unknown>[] = [];
      const activities: Record<string, unknown>[] = [];
      for (let month = 1; month <= 12; month++) {
        const n = Math.floor(random() * perMonth * 2);
        for (let i = 0; i < n; i++) {
          const record: Record<string, unknown> = {
            id: `inc-${area.id}-${year}-${month}-${i}`,
            area: area.id,
            date: day(year, month),
            category: pick(CATEGORIES),
          };
          if (random() < 0.3) record.count = 1 + Math.floor(random() * 3);
          if (area.zones && random() < 0.5) record.zone = pick(area.zones);
          if (random() < 0.25)
            record.summary = pick([
              'Indbrud i et kælderrum.',
              'Uro ved indgangen om aftenen.',
              'En knallert kørte på stien.',
              'Graffiti på muren ved torvet.',
            ]);
          const source = pick(SOURCES);
          if (source !== 'police') record.source = source;
          if (random() < 0.2) record.status = pick(['reported', 'charged', 'closed']);
          if (random() < 0.1) record.internal_note = 'Journalnummer i politiets system';
          incidents.push(record);
        }
        for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
          const answerable = questions.filter((q) => String(q.date) < `${year}-${String(month).padStart(2, '0')}-01`);
          activities.push({
            id: `act-${area.id}-${year}-${month}-${i}`,
            area: area.id,
            date: day(year, month),
            kind: pick(KINDS),
            title: pick(['Fodpatrulje', 'Kaffe med lokalbetjentene', 'Tryghedsvandring', 'Besøg i klubben']),
            ...(random() < 0.5 ? { partners: [pick(PARTNERS), pick(PARTNERS)] } : {}),
            ...(random() < 0.5 ? { participants: Math.floor(random() * 40) } : {}),
            ...(random() < 0.5 ? { hours: Math.floor(random() * 20) / 2 } : {}),
            ...(answerable.length > 0 && random() < 0.2 ? { answers: [String(pick(answerable).id)] } : {}),
            ...(random() < 0.1 ? { status: 'cancelled' } : {}),
          });
        }
        if (month % 3 === 1) {
          const date = day(year, month);
          const id = `mtg-${area.id}-${date}`;
          meetings.push({
            id,
            area: area.id,
            date,
            time: '19:00',
            attendees: 10 + Math.floor(random() * 40),
            ...(random() < 0.5 ? { place: 'Klubhuset' } : {}),
          });
          for (let i = 0; i < 2; i++) {
            const status = pick(['open', 'in_progress', 'answered', 'referred', 'closed']);
            const answered =
              year < 2019 || month < 7 ? `${year + (month > 9 ? 1 : 0)}-${String(((month + 2) % 12) + 1).padStart(2, '0')}-15` : undefined;
            const rumour = random() < 0.2;
            questions.push({
              id: `q-${area.id}-${date}-${i}`,
              area: area.id,
              date,
              meeting: id,
              question: pick([
                'Hvad gøres der ved uroen i opgangene?',
                'Kan belysningen blive bedre?',
                'Er det rigtigt, at der har været indbrud i kældrene?',
              ]),
              ...(random() < 0.5 ? { topic: pick(['burglary', 'Belysning', 'nuisance']) } : {}),
              ...(area.zones && random() < 0.5 ? { zone: pick(area.zones) } : {}),
              owner: pick(['police', 'municipality', 'housing', 'helhedsplan']),
              status: (status === 'answered' || status === 'closed') && !answered ? 'open' : status,
              ...(answered && (status === 'answered' || status === 'closed' || status === 'referred')
                ? { answer: 'Sagen er undersøgt, og svaret blev givet på mødet.', answered }
                : {}),
              ...(rumour ? { rumour: true, verdict: pick(['confirmed', 'dispelled', 'unresolved']) } : {}),
            });
          }
        }
      }
      write(`${area.id}/${year}/incidents.yaml`, { incidents }, `Hændelser i ${area.name}`);
      write(`${area.id}/${year}/activities.yaml`, { activities });
    }
    write(`${area.id}/meetings.yaml`, { meetings });
    write(`${area.id}/questions.yaml`, { questions });
    write(`${area.id}/planned.yaml`, {
      activities: [
        {
          id: `act-${area.id}-planned`,
          area: area.id,
          date: '2020-05-10',
          kind: 'safety_walk',
          title: 'Tryghedsvandring i maj',
          status: 'planned',
        },
      ],
    });
    write(`${area.id}/other.yaml`, {
      priorities: [
        { id: `pri-${area.id}-1`, area: area.id, title: 'Indbrud i kældrene', from: '2017-Q3', to: '2018-Q4', status: 'achieved' },
        {
          id: `pri-${area.id}-2`,
          area: area.id,
          title: 'Knallerter på stierne',
          from: '2018-Q2',
          summary: 'Kontrol og dialog med de unge.',
        },
      ],
      surveys: YEARS.map((year) => ({
        id: `srv-${area.id}-${year}`,
        area: area.id,
        year,
        level: 'area',
        measure: 'safe_share',
        value: 70 + Math.floor(random() * 20),
        source: 'Beboerundersøgelsen',
        n: 300,
      })),
      list_status: [2018, 2019].map((year) => ({
        id: `list-${area.id}-${year}`,
        area: area.id,
        year,
        status: a === 0 ? 'vulnerable' : 'none',
        residents: area.residents,
        criteria: {
          outside_work_education_pct: 38 + a,
          conviction_ratio: 2.1,
          basic_education_only_pct: 55,
          income_ratio_pct: 52,
          non_western_pct: 48,
        },
      })),
    });
  });
  return dir;
}
