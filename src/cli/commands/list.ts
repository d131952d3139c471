import { FILTER_KINDS, type ListFilter, listRecords } from '../../analyze/record-list.js';
import { LIST_KINDS, type ListName } from '../../model/ids.js';
import type { Words } from '../../model/vocabulary.js';
import { buildListView, LIST_KIND_WORDS, listRecordsJson, renderListCsv } from '../../render/record-list.js';
import { diagnosticsJson } from '../diagnostics.js';
import { EXIT, usageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { cliText } from '../messages.js';
import { emitOutput, outputFormat } from '../output.js';
import { loadAndReport, type ProjectOptions } from '../project.js';
import { resolveArea, resolveQuarter } from '../resolve-flags.js';
import { printMessage } from '../safe-text.js';
import { recordTableText } from '../record-table.js';

export interface ListOptions extends ProjectOptions {
  area?: string;
  quarter?: string;
  open?: boolean;
  planned?: boolean;
  format?: 'table' | 'csv' | 'json';
  json?: boolean;
  excel?: boolean;
  output?: string;
}

/** `borgermode list KIND`: the records of a kind, filtered, as a table on a terminal or CSV/JSON for scripts (docs/data-entry.md). */
export async function listCommand(io: Io, name: ListName, given: ListOptions): Promise<number> {
  const kind = LIST_KINDS[name];
  // Before anything is read: the flags must fit together and fit the kind.
  const lang = given.lang ?? 'da';
  if (given.json && given.format !== undefined && given.format !== 'json') throw usageError(cliText(lang, 'list_json_format'));
  const format = given.json ? 'json' : outputFormat(given, ['table', 'csv', 'json'] as const, 'table');
  if (given.excel && format !== 'csv') throw usageError(cliText(lang, 'excel_needs_csv'));
  for (const flag of ['open', 'planned'] as const) {
    const kinds: readonly string[] = FILTER_KINDS[flag];
    if (given[flag] && !kinds.includes(kind))
      throw usageError(
        cliText(lang, 'list_filter_kind', {
          flag,
          kinds: Object.entries(LIST_KINDS)
            .filter(([, k]) => kinds.includes(k))
            .map(([n]) => n)
            .join(', '),
          kind: name,
        }),
      );
  }

  const json = format === 'json';
  const loaded = await loadAndReport(json ? { ...io, stderr: { write: () => true } } : io, json ? { ...given, quiet: true } : given, {
    notices: io.stderr,
  });
  const diagnostics = () => diagnosticsJson(loaded.findings, loaded.lang);
  if (!loaded.dataset) {
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, diagnostics: diagnostics() }, null, 2)}\n`);
    return loaded.exitCode;
  }
  const { dataset } = loaded;
  const words = loaded.lang;
  const area = given.area === undefined ? undefined : resolveArea(dataset, given.area, words);
  const filter: ListFilter = {
    area,
    quarter:
      given.quarter === undefined ? undefined : resolveQuarter(dataset, area ?? dataset.areas[0]!.id, given.quarter, words, loaded.today),
    open: given.open,
    planned: given.planned,
    today: loaded.today,
  };
  const categories = new Map<string, Words>(dataset.categories.map((c) => [c.id, c.labels]));
  const view = buildListView(kind, listRecords(dataset, kind, filter), { lang: words, categories });

  if (json) {
    const document = {
      ok: true,
      ...(loaded.sample ? { sample: true } : {}),
      kind: name,
      records: listRecordsJson(view),
      diagnostics: diagnostics(),
    };
    await emitOutput(io, given, words, `${JSON.stringify(document, null, 2)}\n`);
    return EXIT.ok;
  }
  if (format === 'csv') {
    await emitOutput(io, given, words, renderListCsv(view, { excel: given.excel ?? false }));
    return EXIT.ok;
  }
  if (view.rows.length === 0) {
    const filtered = given.area !== undefined || given.quarter !== undefined || given.open || given.planned;
    if (!given.quiet)
      printMessage(
        io,
        cliText(words, 'list_none', { kind: LIST_KIND_WORDS[kind][words], filters: filtered ? cliText(words, 'list_filtered') : '' }),
      );
    return EXIT.ok;
  }
  const table = recordTableText(io, view, { withArea: dataset.areas.length > 1, toTerminal: given.output === undefined });
  await emitOutput(io, given, words, table);
  return EXIT.ok;
}
