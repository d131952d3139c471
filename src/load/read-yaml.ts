import jsYaml from 'js-yaml';
import type { Finding, YamlPath } from '../model/finding.js';
import type { Params } from '../model/messages.js';

// The read path is two-speed (see docs/architecture.md): js-yaml (CORE schema) parses every
// file fast; the `yaml` package, slower but exact about positions, is loaded only for files
// that have something to report, to find line and column and to explain syntax errors.

/** Files above this size are not read as records. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** How many alias expansions a document may make before it is treated as an attack. */
const MAX_ALIAS_COUNT = 100;
/** How much text (in UTF-16 units, keys and values) its aliases may add when they are written out: 600 aliases of a 1 MiB text would be 600 MiB. */
export const MAX_ALIAS_CHARS = 1024 * 1024;
// Where YAML allows an anchor (&name) or an alias (*name): at the start of a node, after a space,
// a line break, "[", "{", "," or ":" (a JSON-like flow key). A file without both has no alias.
const ANCHOR_TOKEN = /(?:^|[\s[{,:])&[^\s[\]{},]/;
const ALIAS_TOKEN = /(?:^|[\s[{,:])\*[^\s[\]{},]/;

export type TextResult = { text: string } | { finding: Finding };

/** Bytes → text: refuses binary content, invalid UTF-8 and oversized files; strips a BOM. */
export function decodeRecordText(bytes: Uint8Array, file: string): TextResult {
  const refuse = (code: 'too-large' | 'binary' | 'not-utf8', params: Params = {}): TextResult => ({
    finding: { file, line: 1, column: 1, severity: 'error', code, params },
  });
  if (bytes.length > MAX_FILE_BYTES)
    return refuse('too-large', { size: Math.round(bytes.length / 1048576), max: MAX_FILE_BYTES / 1048576 });
  if (bytes.subarray(0, 8192).includes(0)) return refuse('binary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not-utf8');
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export type ParseResult = { data: unknown; findings: [] } | { data: undefined; findings: Finding[] };

/** Parses YAML text to plain data; on any trouble, explains it with exact positions. */
export async function parseYaml(text: string, file: string): Promise<ParseResult> {
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    return parseExact(text, file, error);
  }
  // js-yaml expands aliases without a bound (a text alias is a copy, an object one is shared);
  // `yaml` and the bounds below see every file that may hold one: an anchor and an alias written
  // (most files have no "&" at all: no scan), or, as a second wall, an object reached twice.
  if (mayHoldAliases(text) || (text.includes('*') && hasSharedNodes(data))) return parseExact(text, file, undefined);
  return { data, findings: [] };
}

async function parseExact(text: string, file: string, fastError: unknown): Promise<ParseResult> {
  const { parseDocument, LineCounter, isAlias, isCollection, isPair, isScalar } = await loadYamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const findings: Finding[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line: pos.line,
      column: pos.col,
      severity: 'error',
      code: 'yaml-syntax',
      params: { detail: firstLine(error.message), yamlCode: error.code },
    };
  });
  if (findings.length > 0) return { data: undefined, findings };
  const expansion = aliasExpansion(doc, isAlias, isCollection, isPair, isScalar);
  if (expansion) {
    const pos = lineCounter.linePos(expansion.offset);
    const params =
      expansion.limit === 'count' ? { limit: 'count', max: MAX_ALIAS_COUNT } : { limit: 'chars', max: MAX_ALIAS_CHARS / 1024 / 1024 };
    return { data: undefined, findings: [{ file, line: pos.line, column: pos.col, severity: 'error', code: 'yaml-aliases', params }] };
  }
  try {
    // The package's own bound too, a second wall: it counts a little differently (a text's 100th alias is its 101st).
    const data: unknown = doc.toJS({ maxAliasCount: 10 * MAX_ALIAS_COUNT });
    if (fastError === undefined) return { data, findings: [] };
  } catch (error) {
    return {
      data: undefined,
      findings: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          code: 'yaml-aliases',
          params: { detail: firstLine(String((error as Error).message)) },
        },
      ],
    };
  }
  // js-yaml refused what `yaml` accepts (a NUL byte past the first 8 KiB, a character YAML may
  // not hold): report it at its own line and column. js-yaml marks some of these at line 1 with
  // the offset as column, so the place is worked out from the offset.
  const nul = text.indexOf('\0');
  if (nul >= 0)
    return {
      data: undefined,
      findings: [{ file, ...positionOf(text, nul), severity: 'error', code: 'control-character', params: { char: 'U+0000' } }],
    };
  const mark = (fastError as { mark?: { line: number; column: number; position?: number }; reason?: string }).mark;
  const place =
    mark?.position === undefined ? { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 } : positionOf(text, mark.position);
  return {
    data: undefined,
    findings: [
      {
        file,
        ...place,
        severity: 'error',
        code: 'yaml-syntax',
        params: { detail: (fastError as { reason?: string }).reason ?? (fastError as Error).message },
      },
    ],
  };
}

/** Line and column (1-based, in UTF-16 units as the `yaml` package counts them) of an offset into `text`. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return { line, column: offset - text.lastIndexOf('\n', offset - 1) };
}

/** The yaml package, loaded on first need. It is CommonJS, and bundled its exports sit on `default` only. */
async function loadYamlPackage(): Promise<typeof import('yaml')> {
  return (await import('yaml')).default;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** True when the text may hold an alias: an anchor and an alias are written in it. */
function mayHoldAliases(text: string): boolean {
  return text.includes('&') && text.includes('*') && ANCHOR_TOKEN.test(text) && ALIAS_TOKEN.test(text);
}

type YamlPackage = typeof import('yaml');
type YamlNode = import('yaml').Node;

/**
 * The first alias, in document order, at which writing the aliases out would pass a bound: more
 * than MAX_ALIAS_COUNT expansions (each alias, and each alias inside what it stands for, every
 * time it is written out) or MAX_ALIAS_CHARS of text added. Worked out from the document's nodes
 * with each node's size kept, so a "billion laughs" file costs its own size, never its expansion.
 */
function aliasExpansion(
  doc: import('yaml').Document,
  isAlias: YamlPackage['isAlias'],
  isCollection: YamlPackage['isCollection'],
  isPair: YamlPackage['isPair'],
  isScalar: YamlPackage['isScalar'],
): { offset: number; limit: 'count' | 'chars' } | undefined {
  type Size = { aliases: number; chars: number };
  // What each alias names: the last node with its anchor before it (YAML's rule), found in one walk.
  const anchors = new Map<string, unknown>();
  const named = new Map<unknown, unknown>();
  const sizes = new Map<unknown, Size>();
  const sum = (a: Size, b: Size): Size => ({ aliases: a.aliases + b.aliases, chars: a.chars + b.chars });
  // A node written out: the aliases and the characters it stands for.
  const expanded = (node: unknown): Size => {
    if (isAlias(node)) return sum({ aliases: 1, chars: 0 }, expanded(named.get(node)));
    const known = sizes.get(node);
    if (known) return known;
    // An alias inside the node it names (`&a [*a]`) has no end.
    sizes.set(node, { aliases: Infinity, chars: Infinity });
    let size: Size = { aliases: 0, chars: 0 };
    if (isScalar(node)) size = { aliases: 0, chars: String((node.value as string | number | boolean | null) ?? '').length };
    else if (isPair(node)) size = sum(expanded(node.key), expanded(node.value));
    else if (isCollection(node)) for (const item of node.items) size = sum(size, expanded(item));
    sizes.set(node, size);
    return size;
  };
  let total: Size = { aliases: 0, chars: 0 };
  // Every node in document order (a node before what it holds, a key before its value).
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor !== undefined && !isAlias(node)) anchors.set(anchor, node);
    if (isAlias(node)) {
      named.set(node, anchors.get(node.source));
      total = sum(total, expanded(node));
      const offset = (node as YamlNode).range?.[0] ?? 0;
      if (total.aliases > MAX_ALIAS_COUNT) return { offset, limit: 'count' };
      if (total.chars > MAX_ALIAS_CHARS) return { offset, limit: 'chars' };
    } else if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return undefined;
}

/** True when some object or list is reachable twice (a YAML alias). */
function hasSharedNodes(root: unknown): boolean {
  if (typeof root !== 'object' || root === null) return false;
  const seen = new Set<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Object.values(node) as unknown[]) {
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return false;
}

/** Fills in line and column of findings that carry a path into `text`. */
export async function locateFindings(text: string, findings: Finding[]): Promise<void> {
  const pending = findings.filter((f) => f.line === undefined);
  if (pending.length === 0) return;
  const { parseDocument, LineCounter, isMap, isSeq, isScalar } = await loadYamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  for (const finding of pending) {
    let offset = doc.contents?.range[0] ?? 0;
    let node: unknown = doc.contents;
    const path: YamlPath = finding.path ?? [];
    for (const [index, step] of path.entries()) {
      const isLast = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
        if (!pair) break;
        const key = pair.key as { range?: [number, number, number] };
        if (isLast && finding.target === 'key') {
          offset = key.range?.[0] ?? offset;
          break;
        }
        node = pair.value;
        offset = (node as { range?: [number] } | null)?.range?.[0] ?? key.range?.[0] ?? offset;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
        offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
      } else {
        break;
      }
    }
    const pos = lineCounter.linePos(offset);
    finding.line = pos.line;
    finding.column = pos.col;
  }
}
