import type { PersonalDataKind } from './personal-data.js';
import type { Lang } from './schema.js';

// Every message about the data, in Danish and English. Findings carry a code and parameters;
// the text is made here when a finding is shown, in the language of the run.

/** What a field expects; the schemas name one with `expect(key)`, picklists list their values. */
export type Expectation = { expect: ExpectKey; min?: number; max?: number } | { oneOf: readonly string[] };

/** A value that was found, shortened for a message: a JSON literal, or a kind of structure. */
export type Found = { literal: string } | { kind: 'nothing' | 'list' | 'mapping' };

export type ParamValue = string | number | readonly string[] | Expectation | Found | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

const EXPECT = {
  da: {
    text: 'tekst',
    date: 'en gyldig dato skrevet ÅÅÅÅ-MM-DD, f.eks. 2020-03-31',
    typed_date: 'en gyldig dato skrevet ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ, f.eks. 2020-03-31 eller 31.3.2020',
    year: 'et årstal, f.eks. 2020',
    quarter: 'et kvartal skrevet som 2020-Q2',
    typed_quarter: 'et kvartal skrevet ÅÅÅÅ-QN eller N. kvartal ÅÅÅÅ, f.eks. 2020-Q2 eller 2. kvartal 2020',
    time: 'et klokkeslæt skrevet TT:MM i anførselstegn, f.eks. "19:00"',
    typed_time: 'et klokkeslæt skrevet TT:MM eller TT.MM, f.eks. 19:00',
    boolean: 'true eller false',
    number: 'et tal',
    number_range: 'et tal fra {min} til {max}',
    whole_range: 'et helt tal fra {min} til {max}',
    record_id: 'et id af bogstaver, cifre, ".", "_" og "-", f.eks. inc-2020-01-15-1',
    area_id: 'et område-id af a-z, 0-9 og "-", f.eks. vaerebro-park',
    category_id: 'et kategori-id af a-z, 0-9 og "_"',
    area_ref: 'et område-id fra borgermode.yaml',
    category_ref: 'et kategori-id, f.eks. violence, burglary eller nuisance',
    meeting_ref: 'et mødes id',
    question_ref: 'et spørgsmåls id',
    zone: 'en zone i området',
    title: 'en kort, offentlig titel',
    import_id: 'nøglen til rækken i regnearket, posten blev importeret fra',
    public_text: 'offentlig tekst',
    summary: 'én offentlig sætning',
    question: 'spørgsmålet, genfortalt uden navne',
    answer: 'det offentlige svar',
    topic: 'et kategori-id eller en kort tekst',
    partner: 'en samarbejdspartner, f.eks. helhedsplan, skole eller SSP',
    place: 'et sted',
    measure: 'safe_share, unsafe_share, trust_share eller en kort tekst',
    unit: 'en enhed',
    survey_source: 'kilden, f.eks. "Justitsministeriets Tryghedsundersøgelse 2021"',
    area_name: 'områdets navn',
    municipality: 'en kommune',
    police_district: 'en politikreds',
    zone_name: 'et zonenavn, f.eks. "Blok 1-4"',
    label_da: 'den danske betegnelse',
    label_en: 'den engelske betegnelse',
    straf11: 'en STRAF11-kode',
    break_note: 'en note om ændringen af definitionen',
    role: 'en rolle, f.eks. Lokalbetjent',
    name: 'et navn',
    phone: 'et telefonnummer i anførselstegn, f.eks. "114"',
    email: 'en e-mailadresse',
    reviewed_name: 'et navn, som teamet har gennemgået og godtager i offentlig tekst, f.eks. "Karen Blixen"',
    project_title: 'en titel',
    areas: 'en liste med mindst ét område',
    list: 'en liste',
    mapping: 'felter (en mapping)',
  },
  en: {
    text: 'text',
    date: 'a valid date written YYYY-MM-DD, e.g. 2020-03-31',
    typed_date: 'a valid date written YYYY-MM-DD or D.M.YYYY (day first), e.g. 2020-03-31 or 31.3.2020',
    year: 'a year such as 2020',
    quarter: 'a quarter written like 2020-Q2',
    typed_quarter: 'a quarter written YYYY-QN or QN YYYY, e.g. 2020-Q2 or Q2 2020',
    time: 'a time written HH:MM in quotes, e.g. "19:00"',
    typed_time: 'a time written HH:MM or HH.MM, e.g. 19:00',
    boolean: 'true or false',
    number: 'a number',
    number_range: 'a number from {min} to {max}',
    whole_range: 'a whole number from {min} to {max}',
    record_id: 'an id of letters, digits, ".", "_" and "-", e.g. inc-2020-01-15-1',
    area_id: 'an area id of a-z, 0-9 and "-", e.g. vaerebro-park',
    category_id: 'a category id of a-z, 0-9 and "_"',
    area_ref: 'an area id from borgermode.yaml',
    category_ref: 'a category id such as violence, burglary or nuisance',
    meeting_ref: 'a meeting id',
    question_ref: 'a question id',
    zone: 'a zone of the area',
    title: 'a short public title',
    import_id: 'the key of the spreadsheet row the record was imported from',
    public_text: 'public text',
    summary: 'one public sentence',
    question: 'the question, paraphrased, without names',
    answer: 'the public answer',
    topic: 'a category id or a short text',
    partner: 'a partner such as helhedsplan, skole or SSP',
    place: 'a place',
    measure: 'safe_share, unsafe_share, trust_share or a short text',
    unit: 'a unit',
    survey_source: 'the source, e.g. "Justitsministeriets Tryghedsundersøgelse 2021"',
    area_name: 'the area name',
    municipality: 'a municipality',
    police_district: 'a police district',
    zone_name: 'a zone name such as "Blok 1-4"',
    label_da: 'the Danish label',
    label_en: 'the English label',
    straf11: 'a STRAF11 code',
    break_note: 'a note on the definition change',
    role: 'a role such as Lokalbetjent',
    name: 'a name',
    phone: 'a phone number in quotes, e.g. "114"',
    email: 'an e-mail address',
    reviewed_name: 'a name the team has reviewed and accepts in public text, e.g. "Karen Blixen"',
    project_title: 'a title',
    areas: 'a list of at least one area',
    list: 'a list',
    mapping: 'fields (a mapping)',
  },
} as const;

export type ExpectKey = keyof (typeof EXPECT)['en'];

/** Tools for the message templates: quoting, lists, expectations and found values in one language. */
interface Words {
  q: (value: ParamValue) => string;
  list: (value: ParamValue) => string;
  expected: (value: ParamValue) => string;
  found: (value: ParamValue) => string;
  dym: (value: ParamValue) => string;
}

type Template = (p: Params, w: Words) => string;

const MESSAGES: Record<Lang, Record<string, Template>> = {
  da: {
    'yaml-syntax': (p) => `YAML-syntaksfejl: ${yamlExplanation('da', p)}`,
    'yaml-aliases': (p) =>
      `${p.limit === 'chars' ? `YAML-aliaserne fylder for meget skrevet ud: over ${p.max} MiB tekst` : `for mange YAML-aliaser${p.limit === 'count' ? `: over ${p.max} udfoldninger` : ''}`} (det ligner et angreb, der skal opbruge hukommelsen); skriv værdierne ud i stedet for at bruge ankre og aliaser`,
    'too-large': (p) => `filen fylder ${p.size} MiB; en fil med poster må højst fylde ${p.max} MiB (del den op i flere filer)`,
    binary: () => 'forventede en YAML-tekstfil, fandt binært indhold',
    'not-utf8': () => 'forventede en YAML-tekstfil i UTF-8, fandt bytes, der ikke er UTF-8 (gem filen som UTF-8)',
    'not-a-mapping': (p, w) => `forventede posttyper (${w.list(p.kinds)}), fandt ${w.found(p.found)}`,
    'unknown-kind': (p, w) => `ukendt posttype ${w.q(p.key)}${w.dym(p.suggestion)}; forventede en af ${w.list(p.choices)}`,
    'unknown-field': (p, w) => `ukendt felt ${w.q(p.key)}${w.dym(p.suggestion)}; forventede et af ${w.list(p.choices)}`,
    'missing-field': (p, w) => `feltet ${w.q(p.key)} mangler: forventede ${w.expected(p.expected)}`,
    'invalid-value': (p, w) =>
      `${p.field === undefined ? 'filen' : `feltet ${w.q(p.field)}`}: forventede ${w.expected(p.expected)}, fandt ${w.found(p.found)}${w.dym(p.suggestion)}`,
    'control-character': (p, w) =>
      `${p.field === undefined ? 'filen' : `feltet ${w.q(p.field)}`}: forventede tekst uden kontroltegn${p.lines === 'one' ? ' på én linje (uden tabulator og linjeskift)' : p.lines === 'many' ? ' (tabulator og linjeskift er tilladt)' : ''}, fandt ${p.char}${p.position === undefined ? '' : ` som tegn nr. ${p.position}`}; fjern tegnet${p.field === undefined ? '' : ' (i dobbelte anførselstegn kan det stå som en escape, f.eks. \\x07, \\e eller \\0)'}`,
    'unbalanced-bidi': (p, w) =>
      `${p.field === undefined ? 'filen' : `feltet ${w.q(p.field)}`}: forventede retningstegn (U+202A–U+202E, U+2066–U+2069) i par, der lukker hinanden, fandt ${p.char} som tegn nr. ${p.position} uden sin partner, så retningen af teksten efter feltet ville vende; fjern det, eller luk det med U+202C (PDF) eller U+2069 (PDI)`,
    'duplicate-id': (p, w) => `id ${w.q(p.id)} er brugt før; et id skal være entydigt i hele projektet`,
    'duplicate-list-year': (p, w) =>
      `listestatus for ${p.year} i området ${w.q(p.area)} står allerede et andet sted; der er én liste om året, så ret eller slet den ene`,
    'missing-area': (p, w) =>
      `feltet "area" mangler: projektet har ${p.count} områder (${w.list(p.areas)}), så hver post skal nævne sit område`,
    'unknown-area': (p, w) =>
      `ukendt område ${w.q(p.id)}${w.dym(p.suggestion)}; forventede et af ${w.list(p.choices)} (fra borgermode.yaml)`,
    'unknown-category': (p, w) => `ukendt kategori ${w.q(p.id)}${w.dym(p.suggestion)}; forventede en af ${w.list(p.choices)}`,
    'unknown-zone': (p, w) => `ukendt zone ${w.q(p.zone)}${w.dym(p.suggestion)}; zonerne i ${p.area} er ${w.list(p.zones)}`,
    'unknown-meeting': (p, w) => `ukendt møde ${w.q(p.id)}${w.dym(p.suggestion)}; forventede id'et på et af projektets møder${known(p, w)}`,
    'unknown-question': (p, w) =>
      `ukendt spørgsmål ${w.q(p.id)}${w.dym(p.suggestion)}; forventede id'et på et af projektets spørgsmål${known(p, w)}`,
    'wrong-kind': (p, w) => `${w.q(p.id)} er en post under ${p.kind}, ikke under ${p.expectedKind}`,
    'answer-missing': (p) => `feltet "answer" mangler: et spørgsmål med status ${p.status} skal have det svar, der blev givet`,
    'answered-missing': () => 'feltet "answered" mangler: et svar skal have datoen, det blev givet (ÅÅÅÅ-MM-DD)',
    'answer-before-question': (p) =>
      `svaret er dateret ${p.answered}, før spørgsmålet blev stillet (${p.date}); forventede en dato den ${p.date} eller senere`,
    'verdict-without-rumour': () => 'en vurdering (verdict) hører til et rygte: tilføj "rumour: true" eller fjern vurderingen',
    'invalid-range': (p) => `to ${p.to} ligger før from ${p.from}; forventede et kvartal fra ${p.from} og frem`,
    'invalid-coverage': (p) => `coverage.to ${p.to} ligger før coverage.from ${p.from}; forventede en dato fra ${p.from} og frem`,
    'incident-outside-coverage': (p) =>
      `hændelsen er dateret ${p.date}, uden for de dage, områdets politital dækker (coverage: ${p.from} – ${p.to}), så den tælles ikke med; ret coverage i borgermode.yaml, hvis politiets tal nu går længere`,
    'too-many-priorities': (p) =>
      `${p.count} aktive prioriteter i ${p.area}; højst ${p.max} må være aktive (sæt status: achieved eller dropped på de andre)`,
    'category-crime-flag': (p) =>
      `kategorien ${p.id} er indbygget med crime: ${p.crime}; et projekt må give den nye betegnelser, men ikke ændre crime`,
    'category-unmark-sensitive': (p) =>
      `kategorien ${p.id} er følsom; et projekt må markere kategorier som følsomme, men aldrig fjerne markeringen`,
    'category-label-missing': (p) => `den nye kategori ${p.id} skal have en betegnelse: forventede da og/eller en`,
    'category-reserved-id': (p, w) =>
      `kategori-id'et ${p.id} er en af de grupper, offentlige udgaver samler kategorierne i (${w.list(p.choices)}); forventede et andet id, f.eks. ${p.id}_2`,
    'done-in-future': (p) =>
      `aktiviteten er markeret som done, men dateret ${p.date}, efter i dag (${p.today}); forventede status: planned eller den dato, den fandt sted`,
    'planned-in-past': (p) => `aktiviteten er planlagt til ${p.date}, som er passeret; sæt status: done eller cancelled`,
    'link-skipped': (p) =>
      `et symbolsk link, der ikke læses: ${p.reason === 'outside' ? 'det peger uden for projektet' : p.reason === 'dangling' ? 'det peger på noget, der ikke findes' : p.reason === 'loop' ? 'det peger på en mappe, det selv ligger i' : 'det peger på en fil eller mappe, der allerede læses'}; læg filen i projektet, eller fjern linket`,
    'personal-data': (p, w) =>
      `feltet ${w.q(p.field)} ser ud til at indeholde ${kindsText('da', p.data)}; en offentlig udgave, der ville vise det, bliver ikke lavet; ${p.where === 'settings' ? 'skriv det om (borgermode.yaml har intet internt felt)' : 'skriv det om, eller flyt det til internal_note'}`,
    'personal-data-refused': (p, w) =>
      `feltet ${w.q(p.field)} ser ud til at indeholde ${kindsText('da', p.data)} og ville komme med i den offentlige udgave, så intet er skrevet; ${p.where === 'settings' ? 'skriv det om (borgermode.yaml har intet internt felt)' : 'skriv det om, eller flyt det til internal_note'}`,
    'possible-name': (p, w) =>
      `feltet ${w.q(p.field)} nævner måske en person (${namesText(p, w)}), og offentlige udgaver viser det; skriv det om uden navn, eller flyt det til internal_note; er det et sted eller en offentlig person, så skriv navnet under privacy.reviewed_names i borgermode.yaml`,
    'date-out-of-range': (p, w) =>
      `feltet ${w.q(p.field)}: forventede ${p.kind === 'date' ? 'en dato' : p.kind === 'quarter' ? 'et kvartal' : 'et årstal'} fra ${p.from} til ${p.to} (fra 1990 til fem år efter i dag), fandt ${w.found(p.found)}; ret tastefejlen`,
    'no-contacts': () =>
      'projektet har ingen kontakter, så mødeoplægget får intet afsnit "Kontakt"; tilføj mindst én under contacts: i borgermode.yaml (role, og gerne phone eller email)',
    'question-open-long': (p) =>
      `spørgsmålet fra ${p.date} har været ${p.status === 'open' ? 'åbent' : 'i gang'} i mere end ${p.quarters} kvartaler; besvar det, send det videre eller luk det`,
    'template-syntax': (p) => `Handlebars-syntaksfejl: ${syntaxHint('da', p)}`,
    'template-unknown-helper': (p, w) => `ukendt hjælper ${w.q(p.key)}${w.dym(p.suggestion)}; forventede en af ${w.list(p.choices)}`,
    'template-helper-without-argument': (p, w) =>
      `hjælperen ${w.q(p.key)} står alene og kaldes derfor uden noget at arbejde på (en hjælpers navn går forud for et felts); skriv {{this.${p.key}}} for at læse feltet ${w.q(p.key)}, eller giv hjælperen et felt: {{${p.key} felt}}`,
    'template-unknown-text': (p, w) =>
      `ukendt tekstnøgle ${w.q(p.key)} til hjælperen t${w.dym(p.suggestion)}; forventede en af borgermodes tekstnøgler (standardskabelonerne viser dem i brug)`,
    'template-unknown-partial': (p, w) =>
      `ukendt partial ${w.q(p.key)}${w.dym(p.suggestion)}; forventede en af ${w.list(p.choices)} (en partial er en fil i partials/, navngivet uden .hbs)`,
    'template-error': (p) => `skabelonen kunne ikke udfyldes: ${p.detail}`,
    'template-too-much-work': (p) =>
      `skabelonen er stoppet, fordi den gør mere arbejde, end en side må: ${p.limit === 'steps' ? `over ${grouped(p.max, 'da')} partial-kald og {{#each}}-gentagelser` : `over ${p.max} MiB tekst`} (partials, der kalder hinanden flere gange i dybden, vokser eksponentielt); forventede en skabelon, der kalder hver partial få gange`,
    'template-outside-project': () =>
      'skabelonen er et symbolsk link, der peger uden for projektet, så den læses ikke; læg filen i projektets templates/, eller fjern linket',
    'template-unused': (p, w) =>
      `borgermode bruger ingen skabelon med navnet ${w.q(p.key)}${w.dym(p.suggestion)}, så filen ændrer intet; forventede en af ${w.list(p.choices)} (partials hører til i partials/)`,
    'hard-to-read': (p, w) =>
      `feltet ${w.q(p.field)} er svært at læse: LIX ${p.lix}, over projektets grænse på ${p.max}; skriv kortere sætninger og brug kortere ord`,
    'official-layout': (p, w) =>
      `forventede en tabel fra Danmarks Statistiks Statistikbank som CSV med kolonnerne OMRÅDE, OVERTRÆD, TID og INDHOLD (STRAF11) eller OMRÅDE, TID og INDHOLD (FOLK1A), fandt ${p.columns === '' ? 'ingen overskriftsrække' : `kolonnerne ${w.list(p.columns)}`}`,
    'official-value': (p, w) =>
      `kolonnen ${w.q(p.column)}: forventede ${p.want === 'quarter' ? 'et kvartal som 2020K1' : p.want === 'count' ? 'et helt tal eller ".." (ikke offentliggjort)' : 'et område'}, fandt ${w.found(p.found)}`,
    'official-duplicate': (p, w) =>
      `${w.q(p.key)} står to gange; forventede én række pr. område${p.table === 'STRAF11' ? ', overtrædelse' : ''} og kvartal (se række ${p.first})`,
    'official-totals': (p, w) =>
      `FOLK1A skal være totaler: forventede "I alt" i kolonnen ${w.q(p.column)}, fandt ${w.found(p.found)} (vælg kun totalen af ${p.column} i Statistikbanken)`,
  },
  en: {
    'yaml-syntax': (p) => `YAML syntax error: ${yamlExplanation('en', p)}`,
    'yaml-aliases': (p) =>
      `${p.limit === 'chars' ? `YAML aliases too large when written out: over ${p.max} MiB of text` : `too many YAML aliases${p.limit === 'count' ? `: over ${p.max} expansions` : ''}`} (this looks like an attack to exhaust memory); write the values out instead of using anchors and aliases`,
    'too-large': (p) => `file is ${p.size} MiB; a record file may be at most ${p.max} MiB (split it into several files)`,
    binary: () => 'expected a YAML text file, found binary content',
    'not-utf8': () => 'expected a YAML text file in UTF-8, found bytes that are not UTF-8 (save the file as UTF-8)',
    'not-a-mapping': (p, w) => `expected record kinds (${w.list(p.kinds)}), found ${w.found(p.found)}`,
    'unknown-kind': (p, w) => `unknown record kind ${w.q(p.key)}${w.dym(p.suggestion)}; expected one of ${w.list(p.choices)}`,
    'unknown-field': (p, w) => `unknown field ${w.q(p.key)}${w.dym(p.suggestion)}; expected one of ${w.list(p.choices)}`,
    'missing-field': (p, w) => `missing field ${w.q(p.key)}: expected ${w.expected(p.expected)}`,
    'invalid-value': (p, w) =>
      `${p.field === undefined ? 'the file' : `field ${w.q(p.field)}`}: expected ${w.expected(p.expected)}, found ${w.found(p.found)}${w.dym(p.suggestion)}`,
    'control-character': (p, w) =>
      `${p.field === undefined ? 'the file' : `field ${w.q(p.field)}`}: expected text without control characters${p.lines === 'one' ? ' on one line (no tab or line break)' : p.lines === 'many' ? ' (tabs and line breaks are fine)' : ''}, found ${p.char}${p.position === undefined ? '' : ` at character ${p.position}`}; remove it${p.field === undefined ? '' : ' (in double quotes it may be written as an escape such as \\x07, \\e or \\0)'}`,
    'unbalanced-bidi': (p, w) =>
      `${p.field === undefined ? 'the file' : `field ${w.q(p.field)}`}: expected bidi controls (U+202A–U+202E, U+2066–U+2069) in pairs that close each other, found ${p.char} at character ${p.position} without its partner, which would turn the direction of the text after the field; remove it, or close it with U+202C (PDF) or U+2069 (PDI)`,
    'duplicate-id': (p, w) => `duplicate id ${w.q(p.id)}: ids must be unique across the project`,
    'duplicate-list-year': (p, w) =>
      `the list status of ${p.year} for area ${w.q(p.area)} is recorded twice; there is one list a year, so correct or remove one`,
    'missing-area': (p, w) => `missing field "area": the project has ${p.count} areas (${w.list(p.areas)}), so every record names one`,
    'unknown-area': (p, w) =>
      `unknown area ${w.q(p.id)}${w.dym(p.suggestion)}; expected one of ${w.list(p.choices)} (from borgermode.yaml)`,
    'unknown-category': (p, w) => `unknown category ${w.q(p.id)}${w.dym(p.suggestion)}; expected one of ${w.list(p.choices)}`,
    'unknown-zone': (p, w) => `unknown zone ${w.q(p.zone)}${w.dym(p.suggestion)}; the zones of ${p.area} are ${w.list(p.zones)}`,
    'unknown-meeting': (p, w) =>
      `unknown meeting ${w.q(p.id)}${w.dym(p.suggestion)}; expected the id of one of the project's meetings${known(p, w)}`,
    'unknown-question': (p, w) =>
      `unknown question ${w.q(p.id)}${w.dym(p.suggestion)}; expected the id of one of the project's questions${known(p, w)}`,
    'wrong-kind': (p, w) => `${w.q(p.id)} is a record of ${p.kind}, not of ${p.expectedKind}`,
    'answer-missing': (p) => `missing field "answer": a question with status ${p.status} needs the answer that was given`,
    'answered-missing': () => 'missing field "answered": an answer needs the date it was given (YYYY-MM-DD)',
    'answer-before-question': (p) =>
      `answered ${p.answered} is before the question was raised (${p.date}); expected a date on or after ${p.date}`,
    'verdict-without-rumour': () => 'a verdict belongs to a rumour: add "rumour: true" or remove the verdict',
    'invalid-range': (p) => `to ${p.to} is before from ${p.from}; expected a quarter on or after ${p.from}`,
    'invalid-coverage': (p) => `coverage.to ${p.to} is before coverage.from ${p.from}; expected a date on or after ${p.from}`,
    'incident-outside-coverage': (p) =>
      `incident is dated ${p.date}, outside the days the area's police figures cover (coverage: ${p.from} – ${p.to}), so it is not counted; correct coverage in borgermode.yaml if the police figures now go further`,
    'too-many-priorities': (p) =>
      `${p.count} active priorities in ${p.area}; at most ${p.max} may be active (set status: achieved or dropped on the others)`,
    'category-crime-flag': (p) => `category ${p.id} is built in with crime: ${p.crime}; a project may relabel it but not change crime`,
    'category-unmark-sensitive': (p) => `category ${p.id} is sensitive; a project may mark categories sensitive, never unmark one`,
    'category-label-missing': (p) => `new category ${p.id} needs a label: expected da and/or en`,
    'category-reserved-id': (p, w) =>
      `category id ${p.id} is one of the groups public output gathers the categories in (${w.list(p.choices)}); expected another id, e.g. ${p.id}_2`,
    'done-in-future': (p) =>
      `activity is marked done but dated ${p.date}, after today (${p.today}); expected status: planned, or the date it took place`,
    'planned-in-past': (p) => `activity is planned for ${p.date}, which has passed; set status: done or cancelled`,
    'link-skipped': (p) =>
      `a symbolic link that is not read: ${p.reason === 'outside' ? 'it points outside the project' : p.reason === 'dangling' ? 'it points to nothing that exists' : p.reason === 'loop' ? 'it points to a folder it lies in' : 'it points to a file or folder already read'}; put the file in the project, or remove the link`,
    'personal-data': (p, w) =>
      `field ${w.q(p.field)} looks like it holds ${kindsText('en', p.data)}; public output that would show it is not made; ${p.where === 'settings' ? 'reword it (borgermode.yaml has no internal field)' : 'reword it, or move it to internal_note'}`,
    'personal-data-refused': (p, w) =>
      `field ${w.q(p.field)} looks like it holds ${kindsText('en', p.data)} and would be in the public output, so nothing was written; ${p.where === 'settings' ? 'reword it (borgermode.yaml has no internal field)' : 'reword it, or move it to internal_note'}`,
    'possible-name': (p, w) =>
      `field ${w.q(p.field)} may name a person (${namesText(p, w)}), and public output shows it; reword it without the name, or move it to internal_note; if it is a place or a public person, add the name to privacy.reviewed_names in borgermode.yaml`,
    'date-out-of-range': (p, w) =>
      `field ${w.q(p.field)}: expected ${p.kind === 'date' ? 'a date' : p.kind === 'quarter' ? 'a quarter' : 'a year'} from ${p.from} to ${p.to} (from 1990 to five years after today), found ${w.found(p.found)}; correct the typo`,
    'no-contacts': () =>
      'the project has no contacts, so the brief has no "Contact" section; add at least one under contacts: in borgermode.yaml (role, and a phone or email if you can)',
    'question-open-long': (p) =>
      `question raised ${p.date} has been ${p.status === 'open' ? 'open' : 'in progress'} for more than ${p.quarters} quarters; answer it, refer it or close it`,
    'template-syntax': (p) => `Handlebars syntax error: ${syntaxHint('en', p)}`,
    'template-unknown-helper': (p, w) => `unknown helper ${w.q(p.key)}${w.dym(p.suggestion)}; expected one of ${w.list(p.choices)}`,
    'template-helper-without-argument': (p, w) =>
      `the helper ${w.q(p.key)} stands alone, so it is called with nothing to work on (a helper's name wins over a field's); write {{this.${p.key}}} to read the field ${w.q(p.key)}, or give the helper a field: {{${p.key} field}}`,
    'template-unknown-text': (p, w) =>
      `unknown text key ${w.q(p.key)} for the helper t${w.dym(p.suggestion)}; expected one of borgermode's text keys (the default templates show them in use)`,
    'template-unknown-partial': (p, w) =>
      `unknown partial ${w.q(p.key)}${w.dym(p.suggestion)}; expected one of ${w.list(p.choices)} (a partial is a file in partials/, named without .hbs)`,
    'template-error': (p) => `the template could not be rendered: ${p.detail}`,
    'template-too-much-work': (p) =>
      `the template was stopped because it does more work than a page may: ${p.limit === 'steps' ? `over ${grouped(p.max, 'en')} partial calls and {{#each}} items` : `over ${p.max} MiB of text`} (partials that call each other several times, level after level, grow exponentially); expected a template that calls each partial a few times`,
    'template-outside-project': () =>
      "the template is a symbolic link that points outside the project, so it is not read; put the file in the project's templates/, or remove the link",
    'template-unused': (p, w) =>
      `borgermode renders no template named ${w.q(p.key)}${w.dym(p.suggestion)}, so the file changes nothing; expected one of ${w.list(p.choices)} (partials belong in partials/)`,
    'hard-to-read': (p, w) =>
      `field ${w.q(p.field)} is hard to read: LIX ${p.lix}, above the project's limit of ${p.max}; write shorter sentences and use shorter words`,
    'official-layout': (p, w) =>
      `expected a table of Statistics Denmark's StatBank as CSV with the columns OMRÅDE, OVERTRÆD, TID and INDHOLD (STRAF11) or OMRÅDE, TID and INDHOLD (FOLK1A), found ${p.columns === '' ? 'no header row' : `the columns ${w.list(p.columns)}`}`,
    'official-value': (p, w) =>
      `column ${w.q(p.column)}: expected ${p.want === 'quarter' ? 'a quarter such as 2020K1' : p.want === 'count' ? 'a whole number or ".." (not published)' : 'an area'}, found ${w.found(p.found)}`,
    'official-duplicate': (p, w) =>
      `${w.q(p.key)} appears twice; expected one row per area${p.table === 'STRAF11' ? ', offence' : ''} and quarter (see row ${p.first})`,
    'official-totals': (p, w) =>
      `FOLK1A must hold totals: expected "I alt" in the column ${w.q(p.column)}, found ${w.found(p.found)} (choose only the total of ${p.column} in StatBank)`,
  },
};

/** The codes a finding may have; each has a message in every language. */
export type MessageCode = keyof (typeof MESSAGES)['en'];
export const MESSAGE_CODES = Object.keys(MESSAGES.en);

const SEE: Record<Lang, string> = { da: 'se', en: 'see' };
const OR: Record<Lang, string> = { da: 'eller', en: 'or' };
const ONE_OF: Record<Lang, string> = { da: 'en af', en: 'one of' };
const DID_YOU_MEAN: Record<Lang, string> = { da: 'mente du', en: 'did you mean' };
const FOUND_KIND: Record<Lang, Record<'nothing' | 'list' | 'mapping', string>> = {
  da: { nothing: 'ingenting', list: 'en liste', mapping: 'felter (en mapping)' },
  en: { nothing: 'nothing', list: 'a list', mapping: 'a mapping' },
};

// The yaml package's errors, by its codes, in words for a person; others keep its own text.
const YAML_ERRORS: Record<Lang, Record<string, string>> = {
  da: {
    DUPLICATE_KEY: 'samme nøgle står to gange i samme post eller mapping',
    MULTILINE_IMPLICIT_KEY: 'en linje mangler ":" efter nøglen, eller er rykket forkert ind',
    BLOCK_AS_IMPLICIT_KEY: 'en linje mangler ":" efter nøglen, eller er rykket forkert ind',
    BAD_INDENT: 'forkert indrykning',
    TAB_AS_INDENT: 'tabulatorer kan ikke bruges til indrykning; brug mellemrum',
    MISSING_CHAR: 'et anførselstegn eller en parentes er ikke lukket',
    BAD_DQ_ESCAPE: 'ugyldig escape-sekvens i tekst i dobbelte anførselstegn',
  },
  en: {
    DUPLICATE_KEY: 'the same key appears twice in one record or mapping',
    MULTILINE_IMPLICIT_KEY: 'a line is missing ":" after its key, or is indented wrongly',
    BLOCK_AS_IMPLICIT_KEY: 'a line is missing ":" after its key, or is indented wrongly',
    BAD_INDENT: 'wrong indentation',
    TAB_AS_INDENT: 'tabs cannot be used for indentation; use spaces',
    MISSING_CHAR: 'a quote or a bracket is not closed',
    BAD_DQ_ESCAPE: 'an invalid escape sequence in double-quoted text',
  },
};

/** What a Handlebars syntax error means, then Handlebars' own words. */
function syntaxHint(lang: Lang, p: Params): string {
  const da = lang === 'da';
  const hints: Record<string, string> = {
    'eof-block': da
      ? `denne {{#${p.open}}} lukkes aldrig: forventede {{/${p.open}}} før filens slutning`
      : `this {{#${p.open}}} is never closed: expected {{/${p.open}}} before the end of the file`,
    'eof-tag': da ? 'dette {{ lukkes aldrig med }}' : 'this {{ is never closed with }}',
    eof: da ? 'filen slutter inde i en blok eller et {{ … }}' : 'the file ends inside a block or a {{ … }}',
    mismatch: da
      ? `{{/${p.close}}} lukker {{#${p.open}}}; forventede {{/${p.open}}}`
      : `{{/${p.close}}} closes {{#${p.open}}}; expected {{/${p.open}}}`,
  };
  const hint = typeof p.hint === 'string' ? hints[p.hint] : undefined;
  return hint ? `${hint} (Handlebars: ${p.detail})` : String(p.detail);
}

function yamlExplanation(lang: Lang, p: Params): string {
  const explained = typeof p.yamlCode === 'string' ? YAML_ERRORS[lang][p.yamlCode] : undefined;
  return explained ? `${explained} (${p.detail})` : String(p.detail);
}

const PERSONAL_DATA: Record<Lang, Record<string, string>> = {
  da: { cpr: 'et CPR-nummer', phone: 'et telefonnummer', email: 'en e-mailadresse', address: 'en adresse' },
  en: { cpr: 'a CPR number', phone: 'a phone number', email: 'an e-mail address', address: 'an address' },
} satisfies Record<Lang, Record<PersonalDataKind, string>>;

function kindsText(lang: Lang, kinds: ParamValue): string {
  return orWords(
    lang,
    (kinds as readonly string[]).map((kind) => PERSONAL_DATA[lang][kind] ?? kind),
  );
}

/** Alternatives as a person writes them: "a, b eller c" / "a, b or c". */
export function orWords(lang: Lang, items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${OR[lang]} ${items.at(-1)}`;
}

/** The names of a possible-name finding, each quoted: "Mette Hansen", "Ali Hassan". */
function namesText(p: Params, w: Words): string {
  return ((p.names as readonly string[] | undefined) ?? []).map((name) => w.q(name)).join(', ');
}

// Made on first use: only a message with a bound in it pays for Intl's set-up.
const groupedFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** A number with its thousands grouped as the language writes them: 1.000.000, 1,000,000 (an ASCII minus, as typed in YAML). */
function grouped(value: ParamValue, lang: Lang): string {
  if (typeof value !== 'number') return String(value);
  return (groupedFormats[lang] ??= new Intl.NumberFormat(lang, { maximumFractionDigits: 20 })).format(value);
}

function known(p: Params, w: Words): string {
  const ids = p.known as readonly string[] | undefined;
  return ids && ids.length > 0 && ids.length <= 8 ? ` (${w.list(ids)})` : '';
}

function words(lang: Lang): Words {
  const list = (value: ParamValue) => (Array.isArray(value) ? (value as readonly string[]).join(', ') : String(value ?? ''));
  return {
    q: (value) => `"${String(value)}"`,
    list,
    expected: (value) => {
      const e = value as Expectation;
      if ('oneOf' in e) {
        const values = e.oneOf;
        return values.length <= 1 ? String(values[0]) : `${ONE_OF[lang]} ${orWords(lang, values.map(String))}`;
      }
      return EXPECT[lang][e.expect].replace('{min}', grouped(e.min ?? '', lang)).replace('{max}', grouped(e.max ?? '', lang));
    },
    found: (value) => {
      const f = value as Found;
      return 'literal' in f ? f.literal : FOUND_KIND[lang][f.kind];
    },
    dym: (value) => (value === undefined ? '' : ` (${DID_YOU_MEAN[lang]} "${String(value)}"?)`),
  };
}

/** The text of a finding's message in `lang`. */
export function messageText(code: MessageCode, params: Params, lang: Lang): string {
  return MESSAGES[lang][code]!(params, words(lang));
}

/** The text of an expectation in `lang` (also used for the editor JSON Schemas). */
export function expectationText(expectation: Expectation, lang: Lang): string {
  return words(lang).expected(expectation);
}

/** "see file:line:col" in `lang`. */
export function seeText(lang: Lang): string {
  return SEE[lang];
}

/** A found value, shortened: `"2020-02-30"`, `12`, a list, nothing. */
export function foundValue(value: unknown): Found {
  if (value === undefined || value === null) return { kind: 'nothing' };
  if (typeof value === 'string') return { literal: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value) };
  if (typeof value === 'number' || typeof value === 'boolean') return { literal: String(value) };
  return { kind: Array.isArray(value) ? 'list' : 'mapping' };
}
