import type { AccessReason, AccessTarget, FileAccessError } from '../load/errors.js';
import type { Lang } from '../model/schema.js';

// The CLI's own texts for people, in Danish and English. (Commander's messages for unknown
// options and its --help stay in English.)

const TEXTS = {
  da: {
    bundled: 'Ingen borgermode.yaml i denne mappe eller mapperne over; bruger eksempelprojektet (Værebro Park). Brug --data MAPPE for dine egne data.',
    ok_clean: 'OK: ingen problemer fundet',
    ok_warnings: 'OK: ingen fejl',
    wrote: 'Skrev {path}',
    bad_quarter: 'ugyldigt kvartal "{value}": forventede et kvartal som 2020-Q1 (eller 2020Q1, 2020-q1), latest eller previous',
    unknown_area: 'ukendt område "{value}"{suggestion}; forventede et af {expected}',
    no_latest: 'området {area} har endnu ingen hændelser eller udførte aktiviteter, så der er intet seneste kvartal; angiv --quarter, f.eks. --quarter 2020-Q1',
    bad_today: 'BORGERMODE_TODAY skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, f.eks. 2020-06-15; fandt "{value}"',
    did_you_mean: ' (mente du "{value}"?)',
  },
  en: {
    bundled: 'No borgermode.yaml in this folder or above it; using the bundled sample project (Værebro Park). Pass --data DIR for your own data.',
    ok_clean: 'OK: no problems found',
    ok_warnings: 'OK: no errors',
    wrote: 'Wrote {path}',
    bad_quarter: 'bad quarter "{value}": expected a quarter such as 2020-Q1 (or 2020Q1, 2020-q1), latest or previous',
    unknown_area: 'unknown area "{value}"{suggestion}; expected one of {expected}',
    no_latest: 'area {area} has no incidents and no done activities yet, so there is no latest quarter; pass --quarter, e.g. --quarter 2020-Q1',
    bad_today: 'BORGERMODE_TODAY must be a real date written YYYY-MM-DD, e.g. 2020-06-15; found "{value}"',
    did_you_mean: ' (did you mean "{value}"?)',
  },
} as const;

export type CliTextKey = keyof (typeof TEXTS)['en'];

/** A CLI text in `lang` with `{name}` placeholders filled in. */
export function cliText(lang: Lang, key: CliTextKey, values: Record<string, string> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

const TARGETS: Record<Lang, Record<AccessTarget, string>> = {
  da: { 'data-folder': 'datamappen', folder: 'mappen', file: 'filen', template: 'skabelonen', output: 'filen' },
  en: { 'data-folder': 'data folder', folder: 'folder', file: 'file', template: 'template', output: 'file' },
};

const REASONS: Record<Lang, Record<AccessReason, string>> = {
  da: {
    missing: 'den findes ikke',
    denied: 'adgang nægtet',
    'not-a-folder': 'det er ikke en mappe',
    'no-settings': 'der er ingen borgermode.yaml; et dataprojekt skal have en i roden',
    'no-parent': 'mappen, den skal ligge i, findes ikke',
    other: 'fejl',
  },
  en: {
    missing: 'it does not exist',
    denied: 'permission denied',
    'not-a-folder': 'it is not a folder',
    'no-settings': 'there is no borgermode.yaml; a data project needs one at its root',
    'no-parent': 'the folder it should be in does not exist',
    other: 'error',
  },
};

/** "cannot open the data folder /x: it does not exist", in `lang`. */
export function accessErrorText(error: FileAccessError, lang: Lang): string {
  const verb = error.target === 'output' ? (lang === 'da' ? 'kan ikke skrive' : 'cannot write') : lang === 'da' ? 'kan ikke åbne' : 'cannot open';
  const reason = error.reason === 'other' ? `${REASONS[lang].other}: ${error.detail}` : REASONS[lang][error.reason];
  return `${verb} ${TARGETS[lang][error.target]} ${error.path}: ${reason}`;
}
