import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type EditWorld, readForEdit } from '../edit/check-change.js';
import { type ProjectState, projectState } from '../edit/project-state.js';
import { findProject } from '../load/find-project.js';
import { diskReader, settingsOnly } from '../load/project-reader.js';
import { decodeRecordText, locateFindings } from '../load/read-yaml.js';
import { type Finding, hasErrors } from '../model/finding.js';
import { type Lang, SETTINGS_FILE } from '../model/schema.js';
import { formatNumber } from '../render/format.js';
import { countSummary, diagnosticsJson, printFindings } from './diagnostics.js';
import { EXIT, usageError } from './exit-codes.js';
import { clock, type Io, useColor } from './io.js';
import { cliText } from './messages.js';
import { editCache, type ProjectOptions } from './project.js';
import { printMessage } from './safe-text.js';

// What the commands that write records (add, answer) share: the project they write into, and how they report.

/**
 * The project of --data or the working folder (never the bundled sample: it is not ours to write),
 * read with its cache; `world` is what the edit reads it with again under the lock. With
 * `records: false` only borgermode.yaml is read (a command that asks nothing needs only the
 * settings before the lock, and reads the records once, under it).
 */
export async function openProject(
  io: Io,
  options: ProjectOptions,
  { records = true }: { records?: boolean } = {},
): Promise<{ world: Required<EditWorld>; state: ProjectState; lang: Lang }> {
  const location = await findProject({ data: options.data, cwd: io.cwd });
  if (!location) throw usageError(cliText(options.lang ?? 'da', 'no_project'));
  const { root } = location;
  // Today before the project is read: a wrong BORGERMODE_TODAY is said in --lang's language, else in Danish.
  const now = clock(io, options.lang ?? 'da');
  const cache = await editCache(io, options, root);
  // The settings alone are read without the cache, whose tidying would take every record file's entry for gone.
  const reading = await readForEdit(records ? { root, now, cache } : { root, now, reader: settingsOnly(diskReader(root)) });
  const state = projectState(reading);
  return { world: { root, now, cache, reading }, state, lang: options.lang ?? state.language ?? 'da' };
}

/** Prints the errors of borgermode.yaml; records are written only into a project whose settings are right. */
export async function settingsBroken(
  io: Io,
  options: ProjectOptions & { json?: boolean },
  state: ProjectState,
  lang: Lang,
): Promise<number> {
  const decoded = decodeRecordText(await readFile(join(state.root, SETTINGS_FILE)), SETTINGS_FILE);
  if ('text' in decoded) await locateFindings(decoded.text, state.settingsFindings);
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ok: false, diagnostics: diagnosticsJson(state.settingsFindings, lang) }, null, 2)}\n`);
    return EXIT.invalidData;
  }
  printFindings(io, state.settingsFindings, { color: useColor(io, options.color), lang, root: state.root });
  printMessage(io, `${countSummary(state.settingsFindings, lang)} – ${cliText(lang, 'settings_broken')}`);
  return EXIT.invalidData;
}

/** Prints what the checks said about the change, then the outcome (or one --json document). */
export function printOutcome(
  io: Io,
  options: ProjectOptions & { json?: boolean },
  lang: Lang,
  root: string,
  findings: Finding[],
  outcome: { ok: boolean; json: Record<string, unknown>; done: string; refused: string; otherErrors?: number },
): number {
  const code = outcome.ok && !hasErrors(findings) ? EXIT.ok : EXIT.invalidData;
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ ok: code === EXIT.ok, ...outcome.json, diagnostics: diagnosticsJson(findings, lang) }, null, 2)}\n`,
    );
    return code;
  }
  printFindings(io, findings, { color: useColor(io, options.color), quiet: options.quiet, lang, root });
  // Refused for errors: the verdict line of validate ("1 fejl, 0 advarsler – intet er skrevet: …", issue 18, item 6).
  if (code !== EXIT.ok)
    printMessage(io, hasErrors(findings) ? `${countSummary(findings, lang)} – ${outcome.refused}` : `borgermode: ${outcome.refused}`);
  else if (!options.quiet) {
    printMessage(io, outcome.done);
    // Errors elsewhere do not stop an edit (docs/data-entry.md, "The check"), but are not passed over in silence.
    if (outcome.otherErrors) printMessage(io, cliText(lang, 'errors_elsewhere', { count: formatNumber(outcome.otherErrors, lang) }));
  }
  return code;
}
