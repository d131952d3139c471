import type { Lang } from '../model/schema.js';

// Every text for people that is not record text, in Danish and English. Templates reach these
// with the `t` helper; the view model uses them for labels of ids.

const da = {
  brief_title: 'Mødeoplæg',
  brief_subtitle: 'Borgermøde om tryghed og kriminalitet',
  presented_at: 'Fremlægges på borgermødet',
  at_time: 'kl.',
  data_through: 'Data til og med',
  follow_up: 'I spurgte – vi svarede',
  what_we_did: 'Det har vi lavet',
  crime_picture: 'Kriminalitet og utryghed',
  safety: 'Tryghed og listestatus',
  priorities: 'Fælles prioriteter',
  coming_up: 'Det sker snart',
  contacts: 'Kontakt',
  about: 'Om tallene',
  question: 'Spørgsmål',
  owner: 'Ansvarlig',
  status: 'Status',
  answer: 'Svar',
  answered_on: 'besvaret',
  rumour: 'Rygte',
  verdict: 'Rygtet er',
  not_answered_yet: 'Endnu ikke besvaret.',
  what_we_did_about_it: 'Det gjorde vi',
  kind: 'Aktivitet',
  count: 'Antal',
  participants: 'Deltagere',
  hours: 'Timer',
  partners: 'Samarbejdspartnere',
  activities_total: 'aktiviteter i alt',
  notable: 'Udvalgte aktiviteter',
  category: 'Kategori',
  change: 'Ændring',
  last4: 'Seneste 4 kvartaler',
  prev4: 'De 4 kvartaler før',
  crime_total: 'Kriminalitet i alt',
  concerns_total: 'Utryghed i alt (ikke kriminalitet)',
  legend: '▲ flere og ▼ færre: en ændring, der er større end normal variation. ● uændret eller inden for normal variation.',
  observations: 'Derudover {n} observationer fra beboere, patruljer og andre. De tælles ikke med i kriminalitetstallene.',
  incident_summaries: 'Hændelser i kvartalet',
  no_big_changes: 'Ingen af ændringerne i forhold til samme kvartal sidste år er større end normal variation.',
  not_comparable: 'Tallene for {category} er ikke helt sammenlignelige over perioden: {note} ({date}).',
  survey_sample: 'besvarelser',
  source: 'Kilde',
  list_status: 'Regeringens liste over boligområder',
  since: 'siden',
  next_meeting: 'Næste borgermøde',
  phone: 'Telefon',
  about_sources: 'Kriminalitetstallene er politiets registreringer af anmeldelser i området, opgjort efter anmeldelsesdato. Observationer fra beboere og patruljer tælles for sig.',
  about_late: 'Tallene kan ændre sig, når sager registreres sent.',
  about_change: 'En ændring regnes kun som reel, når |2·(√nu − √før)| ≥ 2; ellers står der "inden for normal variation". Procenter er afrundet til hele procent.',
  about_categories: 'Seksualforbrydelser og andre følsomme kategorier vises ikke for sig, men tælles med under Andet.',
  about_suppression: 'Af hensyn til de involverede vises tal fra 1 til {max} som "<{min}", og tal, som et lille tal ellers kunne regnes ud fra, er skjult ("x").',
  about_internal: 'Intern udgave: alle tal er nøjagtige, følsomme kategorier står for sig, og interne noter er med.',
  suppression_legend: '"<{min}": 1–{max} hændelser. "x": skjult, så et lille tal ikke kan regnes ud.',
  internal_note: 'Intern note',
  compare_incidents: 'Anmeldelser og utryghed pr. kvartal, {from} – {to}',
  compare_activities: 'Aktiviteter pr. kvartal, {from} – {to}',
  compare_questions: 'Spørgsmål fra beboerne pr. kvartal, {from} – {to}',
  compare_areas: 'Områderne sammenlignet, {quarter}',
  compare_year_ago: 'Samme kvartal året før',
  compare_title: 'Sammenligning',
  activities_all: 'Aktiviteter i alt',
  questions_raised: 'Stillet i kvartalet',
  questions_answered: 'Besvaret i kvartalet',
  questions_open: 'Åbne ved kvartalets slutning',
  area: 'Område',
  residents: 'Beboere',
  crime_rate: 'Kriminalitet pr. 1.000 beboere',
  concerns_rate: 'Utryghed pr. 1.000 beboere',
  observation: 'observation, ikke en anmeldelse',
  comparison: 'Tallene sammenlignes med {year_ago} (samme kvartal sidste år) og {previous} (kvartalet før).',
  internal_only: 'INTERNT – må ikke deles',
  highlight_up: '{label}: {current} i {quarter} mod {prior} i {prior_quarter}, {change} – flere.',
  highlight_down: '{label}: {current} i {quarter} mod {prior} i {prior_quarter}, {change} – færre.',
  total_sentence: 'I alt {current} anmeldelser af kriminalitet i {quarter} mod {prior} i {prior_quarter}, {change} – {words}.',
  generated_note: 'Lavet med borgermode.',
} as const;

export type MessageKey = keyof typeof da;

const en: Record<MessageKey, string> = {
  brief_title: 'Meeting brief',
  brief_subtitle: 'Citizen meeting on safety and crime',
  presented_at: 'Presented at the citizen meeting',
  at_time: 'at',
  data_through: 'Data through',
  follow_up: 'You asked – we answered',
  what_we_did: 'What we did',
  crime_picture: 'Crime and concerns',
  safety: 'Safety and list status',
  priorities: 'Shared priorities',
  coming_up: 'Coming up',
  contacts: 'Contacts',
  about: 'About the figures',
  question: 'Question',
  owner: 'Responsible',
  status: 'Status',
  answer: 'Answer',
  answered_on: 'answered',
  rumour: 'Rumour',
  verdict: 'The rumour was',
  not_answered_yet: 'Not answered yet.',
  what_we_did_about_it: 'What we did',
  kind: 'Activity',
  count: 'Number',
  participants: 'Participants',
  hours: 'Hours',
  partners: 'Partners',
  activities_total: 'activities in all',
  notable: 'Selected activities',
  category: 'Category',
  change: 'Change',
  last4: 'Last 4 quarters',
  prev4: 'The 4 quarters before',
  crime_total: 'Crime in total',
  concerns_total: 'Concerns in total (not crime)',
  legend: '▲ more and ▼ fewer: a change larger than normal variation. ● unchanged or within normal variation.',
  observations: 'In addition, {n} observations from residents, patrols and others. They are not counted in the crime figures.',
  incident_summaries: 'Incidents in the quarter',
  no_big_changes: 'None of the changes against the same quarter last year is larger than normal variation.',
  not_comparable: 'The figures for {category} are not fully comparable over the period: {note} ({date}).',
  survey_sample: 'respondents',
  source: 'Source',
  list_status: "The government's list of housing areas",
  since: 'since',
  next_meeting: 'Next citizen meeting',
  phone: 'Phone',
  about_sources: "Crime figures are the police's registrations of reports in the area, by date reported. Observations by residents and patrols are counted apart.",
  about_late: 'Figures can change when cases are registered late.',
  about_change: 'A change counts as real only when |2·(√now − √before)| ≥ 2; otherwise it says "within normal variation". Percentages are rounded to whole percent.',
  about_categories: 'Sexual offences and other sensitive categories are not shown on their own but counted under Other.',
  about_suppression: 'To protect the people involved, counts from 1 to {max} are shown as "<{min}", and figures from which a small count could be worked out are hidden ("x").',
  about_internal: 'Internal edition: every figure is exact, sensitive categories stand on their own, and internal notes are included.',
  suppression_legend: '"<{min}": 1–{max} incidents. "x": hidden, so that a small count cannot be worked out.',
  internal_note: 'Internal note',
  compare_incidents: 'Reported crime and concerns by quarter, {from} – {to}',
  compare_activities: 'Activities by quarter, {from} – {to}',
  compare_questions: "Residents' questions by quarter, {from} – {to}",
  compare_areas: 'The areas compared, {quarter}',
  compare_year_ago: 'Same quarter a year before',
  compare_title: 'Comparison',
  activities_all: 'Activities in all',
  questions_raised: 'Raised in the quarter',
  questions_answered: 'Answered in the quarter',
  questions_open: 'Open at the end of the quarter',
  area: 'Area',
  residents: 'Residents',
  crime_rate: 'Crime per 1,000 residents',
  concerns_rate: 'Concerns per 1,000 residents',
  observation: 'observation, not a police report',
  comparison: 'Figures are compared with {year_ago} (the same quarter last year) and {previous} (the quarter before).',
  internal_only: 'INTERNAL – do not share',
  highlight_up: '{label}: {current} in {quarter} against {prior} in {prior_quarter}, {change} – more.',
  highlight_down: '{label}: {current} in {quarter} against {prior} in {prior_quarter}, {change} – fewer.',
  total_sentence: 'In all {current} reported crimes in {quarter} against {prior} in {prior_quarter}, {change} – {words}.',
  generated_note: 'Made with borgermode.',
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { da, en };

/** The text of `key` in `lang`, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(da, key);
}

/** Labels of the enumerated values in records, by field. */
export const LABELS: Record<Lang, Record<string, Record<string, string>>> = {
  da: {
    kind: {
      patrol: 'Patruljer',
      dialogue: 'Dialog',
      citizen_meeting: 'Borgermøder',
      business_network: 'Erhvervsnetværk',
      youth_activity: 'Aktiviteter med unge',
      school_visit: 'Skolebesøg',
      ssp_meeting: 'SSP-møder',
      safety_walk: 'Tryghedsvandringer',
      operation: 'Indsatser',
      information: 'Information',
      other: 'Andet',
    },
    owner: { police: 'Politiet', municipality: 'Kommunen', housing: 'Boligselskabet', helhedsplan: 'Helhedsplanen', other: 'Andre' },
    status: { open: 'Åben', in_progress: 'I gang', answered: 'Besvaret', referred: 'Sendt videre', closed: 'Afsluttet' },
    verdict: { confirmed: 'bekræftet', dispelled: 'afkræftet', unresolved: 'uafklaret' },
    level: {
      area: 'målt i området',
      sub_areas: 'målt i dele af området',
      municipality: 'målt i hele kommunen',
      district: 'målt i hele politikredsen',
      national: 'målt på landsplan',
    },
    measure: {
      safe_share: 'Andel, der føler sig trygge',
      unsafe_share: 'Andel, der føler sig utrygge',
      trust_share: 'Andel, der har tillid til politiet',
    },
  },
  en: {
    kind: {
      patrol: 'Patrols',
      dialogue: 'Dialogue',
      citizen_meeting: 'Citizen meetings',
      business_network: 'Business network',
      youth_activity: 'Youth activities',
      school_visit: 'School visits',
      ssp_meeting: 'SSP meetings',
      safety_walk: 'Safety walks',
      operation: 'Operations',
      information: 'Information',
      other: 'Other',
    },
    owner: { police: 'The police', municipality: 'The municipality', housing: 'The housing association', helhedsplan: 'The helhedsplan', other: 'Others' },
    status: { open: 'Open', in_progress: 'In progress', answered: 'Answered', referred: 'Referred', closed: 'Closed' },
    verdict: { confirmed: 'confirmed', dispelled: 'dispelled', unresolved: 'unresolved' },
    level: {
      area: 'measured in the area',
      sub_areas: 'measured in parts of the area',
      municipality: 'measured across the municipality',
      district: 'measured across the police district',
      national: 'measured nationally',
    },
    measure: {
      safe_share: 'Share who feel safe',
      unsafe_share: 'Share who feel unsafe',
      trust_share: 'Share who trust the police',
    },
  },
};

/** The label of an enumerated value, or the value itself for free text (e.g. a survey's own measure). */
export function label(lang: Lang, field: string, value: string): string {
  return LABELS[lang][field]?.[value] ?? value;
}

/**
 * The name of a list status in the year of the list: before December 2021 the two strictest
 * lists were called ghettoområde and hårdt ghettoområde, and there was no forebyggelsesområde.
 */
export function listStatusLabel(lang: Lang, status: string, year: number): string {
  const before2021 = year < 2021;
  const names: Record<Lang, Record<string, string>> = {
    da: {
      none: 'ikke på listen',
      prevention_area: 'forebyggelsesområde',
      vulnerable: 'udsat boligområde',
      parallel_society: before2021 ? 'ghettoområde' : 'parallelsamfund',
      transformation_area: before2021 ? 'hårdt ghettoområde' : 'omdannelsesområde',
    },
    en: {
      none: 'not on the list',
      prevention_area: 'prevention area',
      vulnerable: 'vulnerable housing area',
      parallel_society: before2021 ? 'ghetto area' : 'parallel society',
      transformation_area: before2021 ? 'hard ghetto area' : 'transformation area',
    },
  };
  return names[lang][status] ?? status;
}
