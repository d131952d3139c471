import type { AddableKind } from './ids.js';

// The column headers `borgermode import` knows (docs/import.md): for each field of the kinds it
// imports, the names people give the column in Danish and English, compared without case,
// spaces, dots or hyphens. A header none of these name is ignored (and said so); a mapping file
// names what else a column holds.

export type ImportKind = Extract<AddableKind, 'incidents' | 'activities' | 'questions'>;

/** The kinds `import --kind` takes. */
export const IMPORT_KINDS = ['incidents', 'activities', 'questions'] as const satisfies readonly ImportKind[];

/** A column that holds the row's own key (a case number, a row id): it becomes the record's import_id. */
export const SOURCE_ID_HEADERS = [
  'id',
  'sagsnr',
  'sagsnummer',
  'journalnr',
  'journalnummer',
  'løbenr',
  'løbenummer',
  'ref',
  'reference',
  'rækkeid',
  'rowid',
  'caseno',
  'casenumber',
];

/** The headers of each field, per kind. */
export const IMPORT_HEADERS: { readonly [K in ImportKind]: Readonly<Record<string, readonly string[]>> } = {
  incidents: {
    area: ['område', 'area', 'boligområde'],
    date: ['dato', 'date', 'anmeldelsesdato', 'anmeldt', 'dag', 'day'],
    category: ['kategori', 'category', 'type', 'gerningstype', 'forhold'],
    count: ['antal', 'count', 'number', 'anmeldelser', 'antalanmeldelser'],
    zone: ['zone', 'sted', 'place', 'location'],
    source: ['kilde', 'source', 'meldtaf'],
    status: ['status', 'sagsstatus'],
    summary: ['beskrivelse', 'resumé', 'resume', 'summary', 'description', 'tekst'],
  },
  activities: {
    area: ['område', 'area', 'boligområde'],
    date: ['dato', 'date', 'dag', 'day'],
    kind: ['slags', 'kind', 'type', 'aktivitetstype', 'art'],
    title: ['aktivitet', 'titel', 'title', 'activity', 'navn'],
    status: ['status'],
    partners: ['samarbejdspartnere', 'partnere', 'partners', 'samarbejdspartner'],
    participants: ['deltagere', 'participants', 'antaldeltagere', 'fremmødte'],
    hours: ['timer', 'hours', 'tid', 'varighed'],
    focus_area: ['indsatsområde', 'focusarea', 'indsats'],
    summary: ['beskrivelse', 'resumé', 'resume', 'summary', 'description'],
  },
  questions: {
    area: ['område', 'area', 'boligområde'],
    date: ['dato', 'date', 'stillet', 'raised'],
    meeting: ['møde', 'meeting', 'borgermøde'],
    question: ['spørgsmål', 'question', 'spørgsmålet'],
    topic: ['emne', 'topic', 'tema'],
    zone: ['zone', 'sted'],
    owner: ['ansvarlig', 'owner', 'hvemsvarer', 'svarer'],
    status: ['status'],
    rumour: ['rygte', 'rumour', 'rumor'],
  },
};

/** A header as compared: lower case, without spaces, dots, hyphens, underscores and a trailing colon. */
export const headerKey = (header: string): string =>
  header
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/[\s._:-]+/g, '');
