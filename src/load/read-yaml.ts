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

export type TextResult = { text: string } | { finding: Finding };

/** Bytes → text: refuses binary content, invalid UTF-8 and oversized files; strips a BOM. */
export function decodeRecordText(bytes: Uint8Array, file: string): TextResult {
  const refuse = (code: 'too-large' | 'binary' | 'not-utf8', params: Params = {}): TextResult => ({
    finding: { file, line: 1, column: 1, severity: 'error', code, params },
  });
  if (bytes.length > MAX_FILE_BYTES) return refuse('too-large', { size: Math.round(bytes.length / 1048576), max: MAX_FILE_BYTES / 1048576 });
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
  // Anchors and aliases come back from js-yaml as shared objects; let `yaml` bound them. Every
  // alias is written with a "*", so a file without one has none (most files: no walk needed).
  if (text.includes('*') && hasSharedNodes(data)) return parseExact(text, file, undefined);
  return { data, findings: [] };
}

async function parseExact(text: string, file: string, fastError: unknown): Promise<ParseResult> {
  const { parseDocument, LineCounter } = await loadYamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const findings: Finding[] = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { file, line: pos.line, column: pos.col, severity: 'error', code: 'yaml-syntax', params: { detail: firstLine(error.message), yamlCode: error.code } };
  });
  if (findings.length > 0) return { data: undefined, findings };
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (fastError === undefined) return { data, findings: [] };
  } catch (error) {
    return { data: undefined, findings: [{ file, line: 1, column: 1, severity: 'error', code: 'yaml-aliases', params: { detail: firstLine(String((error as Error).message)) } }] };
  }
  // js-yaml refused what `yaml` accepts: report js-yaml's reason at its own position.
  const mark = (fastError as { mark?: { line: number; column: number }; reason?: string }).mark;
  return {
    data: undefined,
    findings: [{
      file,
      line: (mark?.line ?? 0) + 1,
      column: (mark?.column ?? 0) + 1,
      severity: 'error',
      code: 'yaml-syntax',
      params: { detail: (fastError as { reason?: string }).reason ?? String(fastError) },
    }],
  };
}

/** The yaml package, loaded on first need. It is CommonJS, and bundled its exports sit on `default` only. */
async function loadYamlPackage(): Promise<typeof import('yaml')> {
  return (await import('yaml')).default;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
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
    for (const child of Object.values(node)) {
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
