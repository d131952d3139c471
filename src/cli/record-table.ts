import { type ListView, oneLine, renderListTable } from '../render/record-list.js';
import type { Io } from './io.js';
import { safeText, withoutCommands } from './safe-text.js';

/**
 * A table of records (`list`, `import --dry-run`) as text for a person: record text shown escaped,
 * one line a cell, no line that begins a workflow command; cut to the terminal's width when it goes to one.
 */
export function recordTableText(io: Io, view: ListView, options: { withArea: boolean; toTerminal: boolean }): string {
  const safe = { ...view, rows: view.rows.map((row) => ({ ...row, text: row.text.map((text) => safeText(oneLine(text))) })) };
  const width = options.toTerminal && io.stdout.isTTY ? io.stdout.columns : undefined;
  return withoutCommands(renderListTable(safe, { width, withArea: options.withArea }), io.env);
}
