import { parseQuarter, quarterEnd } from '../../src/model/quarters.js';
import type { Dataset, InArea } from '../../src/model/dataset.js';
import { BUILTIN_CATEGORIES, type Category } from '../../src/model/categories.js';
import type { Activity, Area, Incident, ListStatus, Meeting, Priority, Question, Settings, Survey } from '../../src/model/schema.js';

// Builders for hand-made datasets: a test states only the fields that matter, the rest get the
// defaults the schema would give (area 'a', source police, status done / open / active, …).

export const incident = (p: Partial<InArea<Incident>> = {}): InArea<Incident> => ({
  id: 'inc',
  area: 'a',
  date: '2020-02-15',
  category: 'violence',
  count: 1,
  source: 'police',
  ...p,
});

export const activity = (p: Partial<InArea<Activity>> = {}): InArea<Activity> => ({
  id: 'act',
  area: 'a',
  date: '2020-02-15',
  kind: 'patrol',
  title: 'Aktivitet',
  status: 'done',
  ...p,
});

export const question = (p: Partial<InArea<Question>> = {}): InArea<Question> => ({
  id: 'q',
  area: 'a',
  date: '2020-02-15',
  question: 'Spørgsmål',
  owner: 'police',
  status: 'open',
  rumour: false,
  ...p,
});

export const meeting = (p: Partial<InArea<Meeting>> = {}): InArea<Meeting> => ({ id: 'm', area: 'a', date: '2020-04-15', ...p });

export const priority = (p: Partial<InArea<Priority>> = {}): InArea<Priority> => ({
  id: 'p',
  area: 'a',
  title: 'Prioritet',
  from: '2020-Q1',
  status: 'active',
  ...p,
});

export const survey = (p: Partial<InArea<Survey>> = {}): InArea<Survey> => ({
  id: 's',
  area: 'a',
  year: 2020,
  level: 'area',
  measure: 'safe_share',
  value: 80,
  unit: '%',
  source: 'Tryghedsundersøgelsen',
  ...p,
});

export const listStatus = (p: Partial<InArea<ListStatus>> = {}): InArea<ListStatus> => ({ id: 'l', area: 'a', year: 2019, ...p });

export interface DatasetParts {
  areas?: Area[];
  categories?: Category[];
  settings?: Partial<Settings>;
  incidents?: Partial<InArea<Incident>>[];
  activities?: Partial<InArea<Activity>>[];
  questions?: Partial<InArea<Question>>[];
  meetings?: Partial<InArea<Meeting>>[];
  priorities?: Partial<InArea<Priority>>[];
  surveys?: Partial<InArea<Survey>>[];
  list_status?: Partial<InArea<ListStatus>>[];
}

/** Numbers records `<prefix>-1`, `<prefix>-2`, … unless they name their own id. */
const numbered = <T extends { id: string }>(make: (p: Partial<T>) => T, prefix: string, parts: Partial<T>[] = []): T[] =>
  parts.map((p, i) => make({ id: `${prefix}-${i + 1}`, ...p }));

/** A checked dataset of area 'a' (and 'b', for records that must be left out) with the built-in categories. */
export function buildDataset(parts: DatasetParts = {}): Dataset {
  const areas = parts.areas ?? [
    { id: 'a', name: 'Område A' },
    { id: 'b', name: 'Område B' },
  ];
  return {
    root: '/project',
    settings: {
      language: 'da',
      areas,
      categories: [],
      // The unit tests look at the rule on single categories; grouping has its own tests.
      privacy: { min_count: 5, grouping: 'categories' },
      meeting: { place: 'Beboerhuset' },
      contacts: [],
      readability: { max_lix: 45 },
      ...parts.settings,
    },
    areas,
    categories: parts.categories ?? BUILTIN_CATEGORIES.map((c) => ({ ...c, labels: { ...c.labels }, breaks: [...c.breaks] })),
    incidents: numbered(incident, 'inc', parts.incidents),
    activities: numbered(activity, 'act', parts.activities),
    questions: numbered(question, 'q', parts.questions),
    meetings: numbered(meeting, 'm', parts.meetings),
    priorities: numbered(priority, 'p', parts.priorities),
    surveys: numbered(survey, 's', parts.surveys),
    list_status: numbered(listStatus, 'l', parts.list_status),
  };
}

/**
 * One police record of `count` incidents of `category` in each quarter given, in the middle of its
 * last month, so that the default coverage (to the end of the latest incident's month) reaches
 * the end of the latest quarter given (zeros are left out).
 */
/** A project's own crime category `own_<i>` with one label in both languages (the CSV tests' many categories). */
export const ownCategory = (i: number, label: string): Category => ({
  id: `own_${i}`,
  labels: { da: label, en: label },
  crime: true,
  sensitive: false,
  breaks: [],
  builtIn: false,
});

export const countsByQuarter = (category: string, byQuarter: Record<string, number>) =>
  Object.entries(byQuarter)
    .filter(([, count]) => count > 0)
    .map(([quarter, count]) => ({ category, count, date: quarterEnd(parseQuarter(quarter)!).replace(/-\d\d$/, '-15') }));
