import { markdownTable } from 'markdown-table';

// Pads the cells of every pipe table in a Markdown text so its columns line up: the brief is
// read as plain text too (an e-mail, a terminal), and aligned tables are what markdownlint's
// table style expects. Only lines that are part of a table (start and end with `|`) change.

const SEPARATOR_CELL = /^:?-+:?$/;

/** The cells of a table row; an escaped `\|` stays inside its cell. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length - 1; i++) {
    const char = line[i]!;
    if (char === '\\' && line[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** The alignment a delimiter cell asks for: `---:` right, `:---:` centre, `:---` left, `---` none. */
function alignment(cell: string): string {
  if (cell.startsWith(':') && cell.endsWith(':')) return 'c';
  if (cell.endsWith(':')) return 'r';
  return cell.startsWith(':') ? 'l' : '';
}

function alignTable(lines: string[]): string[] {
  const [header, delimiter, ...body] = lines.map(splitRow);
  // Cells are already Markdown (pipes escaped); markdown-table only pads and aligns them.
  return markdownTable([header!, ...body], { align: delimiter!.map(alignment), stringLength: (text) => Array.from(text).length }).split(
    '\n',
  );
}

/** The text with every pipe table's columns padded to equal width. */
export function alignMarkdownTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const isRow = (line: string | undefined) => line !== undefined && line.startsWith('|') && line.trimEnd().endsWith('|');
    if (isRow(lines[i]) && isRow(lines[i + 1]) && splitRow(lines[i + 1]!.trimEnd()).every((c) => SEPARATOR_CELL.test(c))) {
      const block: string[] = [];
      while (isRow(lines[i])) block.push(lines[i++]!.trimEnd());
      out.push(...alignTable(block));
    } else {
      out.push(lines[i++]!);
    }
  }
  return out.join('\n');
}
