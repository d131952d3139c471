import type { FileAccessError } from '../model/file-access-error.js';
import type { Lang } from '../model/schema.js';
import type { PdfError } from '../write/pdf.js';
import type { ProjectBusyError } from '../write/lock.js';
import type { SiteTargetError } from '../write/site.js';
import type { YamlEditError } from '../write/yaml-edit.js';
import { CliError, type CliErrorCode } from './exit-codes.js';
import { accessErrorText, cliText, pdfErrorText, siteTargetText } from './messages.js';

// The one table from the core's errors to what a person and a script see: the --json code (and
// through it the exit status, exit-codes.ts) and the message in the run's language. Errors are
// matched by `name`, so that this file, which every run loads, imports none of the modules that
// throw them (the PDF printer, the site writer and the record editor load only in their commands).

interface Known {
  FileAccessError: FileAccessError;
  SiteTargetError: SiteTargetError;
  PdfError: PdfError;
  ProjectBusyError: ProjectBusyError;
  YamlEditError: YamlEditError;
}

const EDIT_TEXTS = {
  syntax: 'edit_unreadable',
  'not-block-mapping': 'edit_not_block',
  'not-a-list': 'edit_not_a_list',
  layout: 'edit_layout',
  'not-found': 'edit_layout',
} as const;

const TABLE: { [Name in keyof Known]: { code: CliErrorCode; message: (error: Known[Name], lang: Lang) => string } } = {
  FileAccessError: { code: 'file-access', message: (error, lang) => accessErrorText(error, lang) },
  SiteTargetError: { code: 'site-target', message: (error, lang) => siteTargetText(error.refusal, error.path, lang) },
  PdfError: { code: 'pdf', message: (error, lang) => pdfErrorText(error, lang) },
  ProjectBusyError: { code: 'busy', message: (error, lang) => cliText(lang, 'busy', { path: error.lockPath }) },
  YamlEditError: {
    code: 'edit',
    message: (error, lang) => cliText(lang, EDIT_TEXTS[error.reason], { file: error.file ?? '', detail: error.message }),
  },
};

/** `error` as the person and scripts see it, in `lang`; undefined for an error borgermode did not expect (a fault). */
export function cliErrorOf(error: unknown, lang: Lang): CliError | undefined {
  if (error instanceof CliError) return error;
  if (!(error instanceof Error) || !Object.hasOwn(TABLE, error.name)) return undefined;
  const entry = TABLE[error.name as keyof Known] as { code: CliErrorCode; message: (error: Error, lang: Lang) => string };
  return new CliError(entry.message(error, lang), entry.code);
}

/**
 * Throws `error` as cliErrorOf gives it in `lang`, or as it is. For commands that know the
 * project's language, which the top level (reading only --lang) does not.
 */
export function rethrowInLang(error: unknown, lang: Lang): never {
  throw cliErrorOf(error, lang) ?? error;
}
