import GIVEN_NAMES from './given-names.json' with { type: 'json' };

// What looks like data that identifies a person, in free text (docs/privacy.md): a
// CPR number (DDMMYY-XXXX with a real date, the dash also a space or left out, or DD.MM.YY-XXXX;
// also after a letter and a hyphen, as in an id "q-0101901234"), a Danish phone number (8 digits
// starting 2–9, optionally after +45 or 0045, unbroken or grouped 2-2-2-2, 4-4 or 2-3-3, not
// touching other digits, and not an amount of money or two years; the short numbers 112, 114 and
// 1813 are fine), an e-mail address, or a Danish street address (a street with a house number, or
// any word with a house number and a floor or side). And, only to be reviewed, what may be a
// person's name: a common given name followed by a capitalised word. The text is looked at as
// given; model/reader-text.ts gives the forms a reader sees (Markdown and entities resolved, link
// targets decoded), and the checks look at those too.

/**
 * What can make Markdown read otherwise than it is written, so that model/reader-text.ts (with
 * marked) must say how it reads: an escape, emphasis, code, a link, an autolink or HTML (`<` and a
 * letter, `/`, `!` or `?`; "<5" is text), an entity, percent-encoding (which a link target
 * decodes). Text without any of them reads as written (a property test keeps it so).
 */
export const MAY_READ_OTHERWISE = /[\\*_~`[]|<[A-Za-z/!?]|&[#A-Za-z]|%[0-9A-Fa-f]{2}/;

/**
 * Characters that foldText turns into, or takes out from between, what the patterns look for: a
 * number other than 0–9 (full-width, superscript, circled, mathematical digits), a dash, space or
 * invisible format character other than "-" and " " (soft hyphen, zero-width space), the minus
 * sign, and the full-width and small forms (＠, ．). A property test keeps it so.
 */
export const MAY_FOLD = /[\u00ad\u2212\ufe50-\ufe6f\uff00-\uffef\p{Cf}]|[^\P{N}0-9]|[^\P{Pd}-]|[^\P{Zs} ]/u;

/** What NFKC is needed for: the full-width and small forms, and numbers other than 0–9. */
const NEEDS_NFKC = /[\ufe50-\ufe6f\uff00-\uffef]|[^\P{N}0-9]/u;

/**
 * Text as a reader reads its characters: compatibility forms folded (NFKC: full-width digits),
 * format characters dropped (zero-width spaces, soft hyphens, bidi marks), any dash a hyphen and
 * any space a space.
 */
export function foldText(text: string): string {
  return (NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text)
    .replace(/[\p{Cf}\u00ad]/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/\s/gu, ' ');
}

/** The kinds, in the order every message names them. */
export const PERSONAL_DATA_KINDS = ['cpr', 'phone', 'email', 'address'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

// DDMMYY and a serial of four (a dash, a space or nothing between), or DD.MM.YY-XXXX with one
// separator (. / or -) between the parts of the date; not part of a longer run of digits (or of
// digit groups: "1234 0101901234" is a bank account), nor a decimal.
const CPR = /(?<!\d[-./ \u00a0]?)(?:(\d{2})(\d{2})(\d{2})[- \u00a0]?|(\d{2})([./-])(\d{2})\5(\d{2})-)\d{4}(?!\d|[.,]\d)/g;
const PHONE =
  /(?<![\d+]|\d[ \u00a0-])(?:(?:\+|00)45[ \u00a0]?)?(?:[2-9]\d{7}|[2-9]\d(?:[ \u00a0]\d{2}){3}|[2-9]\d{3}[ \u00a0]\d{4}|[2-9]\d[ \u00a0]\d{3}[ \u00a0]\d{3})(?![ \u00a0-]?\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** An amount after the digits ("20 123 456 kr.", "25000000 DKK", "22334455,-"): money, not a phone number. */
const MONEY_AFTER = /^(?:[ \u00a0]*(?:kr\b|kroner|dkk|mio|mia|mill|euro?\b|\u20ac)|,-)/i;
/** An amount before them ("kr. 20 123 456", "DKK 25000000"). */
const MONEY_BEFORE = /(?:\bkr\.?|\bdkk|\u20ac)[ \u00a0]*$/i;
/** Two years side by side ("2019 2020"): not a phone number. */
const TWO_YEARS = /^(?:19|20)\d\d[ \u00a0](?:19|20)\d\d$/;

/** True when DD MM YY is a real date in 19YY or 20YY (CPR numbers carry no century). */
function isCprDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap(1900 + year) || leap(2000 + year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1]!;
}

/** The kinds of personal data found in `text`, each once, in a fixed order; with `addresses: false` only CPR numbers, phone numbers and e-mail addresses. */
export function findPersonalData(text: string, { addresses = true }: { addresses?: boolean } = {}): PersonalDataKind[] {
  const found = new Set<PersonalDataKind>();
  // A CPR number is not also reported as a phone number.
  CPR.lastIndex = 0;
  const withoutCpr = text.replace(CPR, (match, ...parts: (string | undefined)[]) => {
    const [day, month, year] = parts[0] === undefined ? [parts[3], parts[5], parts[6]] : parts;
    if (!isCprDate(Number(day), Number(month), Number(year))) return match;
    found.add('cpr');
    return ' ';
  });
  PHONE.lastIndex = 0;
  for (let match = PHONE.exec(withoutCpr); match !== null; match = PHONE.exec(withoutCpr)) {
    const after = withoutCpr.slice(match.index + match[0].length);
    if (MONEY_AFTER.test(after) || MONEY_BEFORE.test(withoutCpr.slice(0, match.index)) || TWO_YEARS.test(match[0])) continue;
    found.add('phone');
    break;
  }
  PHONE.lastIndex = 0;
  if (EMAIL.test(text)) found.add('email');
  EMAIL.lastIndex = 0;
  if (addresses && hasAddress(text)) found.add('address');
  return PERSONAL_DATA_KINDS.filter((kind) => found.has(kind));
}

// ---- Street addresses ----
//
// A house number is 1–999 with an optional letter ("12", "4B"), after a word and a space, and not
// part of a range, a decimal, a time, a date or a percentage ("5-9", "3,5", "19:00", "12/3", "12 %").
// It is an address when
//   1. a floor with a side, or a floor written "N. sal", or a postcode and town follow it, whatever
//      the word ("Ruten 12, 2. th", "Blok 5, st. tv", "Algade 10 1.sal", "Ruten 12, 2650 Hvidovre"):
//      that is one dwelling, in a street or a block;
//   2. a floor or a side alone follows it ("st.", "1.", "th") and the word is capitalised and not a
//      word that numbers other things ("Ved Stranden 3, st."; not "Uge 12, 1."); or
//   3. the word is a street: a capitalised compound ending in a street word ("Nørrebrogade 12",
//      "Tranehøj 4B"), or the street word itself after a capitalised word ("H.C. Andersens
//      Boulevard 27", "Israels Plads 3"), unless a count follows ("Vestergade 2 gange").
// So "Blok 5-9", "Opgang 3", "P-plads 2", "uge 12", "kl. 19", "8. klasse", "1. kvartal 2020",
// "Politiets Tryghedsundersøgelse 2019" and "§ 61" are not addresses, and "Toften 12" (a street
// without a street word, and nothing after the number) is not found either.

const HOUSE_NUMBER = /(?<![\p{L}\p{N}.'\u2019-])(\p{L}[\p{L}.'\u2019-]*)[ \u00a0]+([1-9]\d{0,2})\p{L}?(?![\p{L}\p{N}])/gu;
const NOT_A_HOUSE_NUMBER = /^(?:[.,:/\u2013-]\p{N}|[ \u00a0]?%)/u;
const FLOOR_WITH_SIDE =
  /^,?[ \u00a0]*(?:(?:\d{1,2}\.|st\.?|stuen|kld\.?|k\u00e6lder)[ \u00a0]*(?:th|tv|mf|t\.h|t\.v)\.?|\d{1,2}\.[ \u00a0]*sal)(?![\p{L}\p{N}'\u2019-])/iu;
const POSTCODE_AND_TOWN = /^,?[ \u00a0]+\d{4}[ \u00a0]+\p{Lu}\p{Ll}/u;
// "1." only at the end of a clause or before a capital: "1. kvartal", "2. halvdel" are ordinals.
const FLOOR_OR_SIDE =
  /^,?[ \u00a0]*(?:(?:st\.?|stuen|kld\.?|k\u00e6lder|th\.?|tv\.?|mf\.?)(?![\p{L}\p{N}'\u2019-])|\d{1,2}\.(?![\p{N}])(?![ \u00a0]*[\p{Ll}\p{N}]))/u;
/** Words for what a number counts ("Vestergade 2 gange"): then it is no house number. */
const COUNTS = new Set(
  (
    'gang gange time timer dag dage døgn uge uger måned måneder år min minutter sek sekunder personer beboere deltagere unge børn ' +
    'voksne drenge piger mænd kvinder betjente sager anmeldelser hændelser tyverier indbrud biler cykler stk kr procent km meter m kg ' +
    'etager lejligheder opgange husstande familier times day days week weeks month months year years people residents'
  ).split(' '),
);
const NEXT_WORD = /^[ \u00a0]+(\p{L}+)(?![\p{L}])/u;

/** Words that number other things than houses ("Uge 12, 1."), lower case, without a final ".". */
const NUMBERS_OTHER_THINGS = new Set(
  'uge kvartal klasse kapitel side bilag punkt pkt nr nummer trin fase runde linje bus år kl klokken version del afsnit tabel figur spørgsmål sag møde mødet § week quarter page'.split(
    ' ',
  ),
);

/** The last part of a street's name: "Nørrebrogade", "Tranehøj", "H.C. Andersens Boulevard". */
const STREET_WORDS = [
  'gade',
  'vej',
  'stræde',
  'allé',
  'allè',
  'alle',
  'boulevard',
  'plads',
  'pladsen',
  'torv',
  'torvet',
  'vænge',
  'vænget',
  'vang',
  'vangen',
  'park',
  'parken',
  'have',
  'haven',
  'bakke',
  'bakken',
  'toft',
  'toften',
  'engen',
  'høj',
  'holm',
  'holmen',
  'gård',
  'gården',
  'sti',
  'stien',
  'ruten',
  'lund',
  'lunden',
  'kær',
  'kæret',
  'mose',
  'mosen',
  'marken',
  'skov',
  'skoven',
  'dalen',
  'brygge',
  'bryggen',
  'kaj',
  'kajen',
  'hegn',
  'hegnet',
  'løkke',
  'løkken',
];
/** Compounds of a street word that name no street ("P-plads 2", "Legeplads 1"). */
const NOT_STREETS = new Set(
  (
    'p-plads parkeringsplads legeplads boldplads fodboldplads arbejdsplads holdeplads genbrugsplads affaldsplads samlingsplads ' +
    'motorvej omvej brandvej adgangsvej stikvej gangvej sidevej gågade sidegade tværgade cykelsti gangsti natursti ' +
    'børnehave skolehave køkkenhave nyttehave baghave forhave baggård baggården skolegård skolegården skatepark erhvervspark danmark'
  ).split(' '),
);
/** Capitalised words that start a sentence, not a street's name ("I Gården 2"). */
const NOT_STREET_NAMES = new Set('i på ved til fra og en et den det de vi der her som hvor nær mod om efter før in at on the a'.split(' '));

const bare = (word: string) => word.toLocaleLowerCase('da').replace(/\.$/, '');
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

/** True when `word` (capitalised) is the last word of a street's name; `before` is the word ahead of it, if any. */
function isStreetWord(word: string, before: string | undefined): boolean {
  if (!isCapitalised(word)) return false;
  const lower = bare(word);
  if (NOT_STREETS.has(lower)) return false;
  if (STREET_WORDS.includes(lower)) return before !== undefined && isCapitalised(before) && !NOT_STREET_NAMES.has(bare(before));
  // "alle" alone is "everyone"; as the end of a compound ("Lindealle") it is a street.
  return STREET_WORDS.some((street) => lower.length > street.length && lower.endsWith(street));
}

/** True when `text` holds what looks like a Danish street address (the rules above). */
export function hasAddress(raw: string): boolean {
  // "Allé" may be written as "Alle" and a combining accent.
  const text = raw.normalize('NFC');
  HOUSE_NUMBER.lastIndex = 0;
  for (let match = HOUSE_NUMBER.exec(text); match !== null; match = HOUSE_NUMBER.exec(text)) {
    const word = match[1]!;
    const after = text.slice(match.index + match[0].length);
    // Let the scan find a house number in the rest (the number may be the next word's).
    HOUSE_NUMBER.lastIndex = match.index + word.length;
    if (NOT_A_HOUSE_NUMBER.test(after)) continue;
    if (FLOOR_WITH_SIDE.test(after) || POSTCODE_AND_TOWN.test(after)) return true;
    if (!isCapitalised(word) || NUMBERS_OTHER_THINGS.has(bare(word))) continue;
    if (FLOOR_OR_SIDE.test(after)) return true;
    const before = /(\p{L}[\p{L}.'\u2019-]*)[ \u00a0]+$/u.exec(text.slice(0, match.index))?.[1];
    if (isStreetWord(word, before) && !COUNTS.has(NEXT_WORD.exec(after)?.[1]?.toLocaleLowerCase('da') ?? '')) return true;
  }
  return false;
}

// ---- Possible names ----

/** The given names of src/model/given-names.json (its sources and what it leaves out are written there). */
const GIVEN = new Set(
  Object.values(GIVEN_NAMES.names)
    .flat()
    .map((name) => name.normalize('NFC')),
);

/** Words that make a run of capitalised words a place or an institution ("Karen Blixens Plads", "Maria Kirke"). */
const PLACE_WORDS = new Set(
  (
    'vej gade plads pladsen allé alle boulevard torv torvet park parken have haven stræde skole skolen kirke kirken moské moskeen ' +
    'hus huset center centret centeret hal hallen bibliotek biblioteket kollegium kollegiet stadion station klub klubben fond fonden ' +
    'gymnasium hospital hospitalet kvarter kvarteret bro broen sø søen strand stranden bakke bakken vænge vænget minde institut ' +
    'instituttet kaserne kirkegård plejehjem boligselskab boligforening afdeling street road square school church'
  ).split(' '),
);

/** A capitalised word: a capital and a small letter at least ("Mette", "Al-Hassan"; not "SSP", not "IV"). */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}'\u2019-])\p{Lu}\p{Ll}[\p{L}'\u2019]*(?:-\p{Lu}\p{Ll}[\p{L}'\u2019]*)*(?:[ \u00a0]+\p{Lu}\p{Ll}[\p{L}'\u2019]*(?:-\p{Lu}\p{Ll}[\p{L}'\u2019]*)*)+/gu;

/**
 * What in `text` may be a person's name, each once, in order: a run of capitalised words from a
 * common given name on ("Mette Hansen", "Ali Hassan Mohamed", "Anne-Mette Due"), unless a word of
 * the run names a place or a street ("Karen Blixens Plads", "Sankt Hans Torv").
 */
export function findPossibleNames(text: string): string[] {
  const names: string[] = [];
  const nfc = text.normalize('NFC');
  for (const [run] of nfc.matchAll(CAPITALISED_RUN)) {
    const words = run.split(/[ \u00a0]+/);
    const first = words.findIndex((word, index) => index < words.length - 1 && GIVEN.has(word.split('-')[0]!));
    if (first < 0) continue;
    if (words.some((word, index) => PLACE_WORDS.has(bare(word)) || isStreetWord(word, words[index - 1]))) continue;
    const name = words.slice(first).join(' ');
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
