import ts from 'typescript';

/**
 * Every field path of exported TypeScript types, read with the compiler: `crime.rows[].change.marker`,
 * with `[]` for a list. Objects and lists of objects are paths too (`crime`, `crime.rows[]`).
 */
export function typePaths(types: readonly { file: string; type: string }[]): Map<string, Set<string>> {
  const program = ts.createProgram([...new Set(types.map((t) => t.file))], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const result = new Map<string, Set<string>>();
  for (const { file, type: name } of types) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`cannot read ${file}`);
    const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === name);
    if (!symbol) throw new Error(`${file} exports no type ${name}`);
    const paths = new Set<string>();
    walk(checker, checker.getDeclaredTypeOfSymbol(symbol), '', paths);
    result.set(name, paths);
  }
  return result;
}

const LEAF =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.EnumLike |
  ts.TypeFlags.Null |
  ts.TypeFlags.Undefined;

function walk(checker: ts.TypeChecker, type: ts.Type, path: string, paths: Set<string>): void {
  const members = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (path) paths.add(path);
  if (members.every((t) => t.flags & LEAF)) return;
  if (members.length !== 1) throw new Error(`${path}: a union of objects is not supported (${checker.typeToString(type)})`);
  const member = members[0]!;
  if (checker.isArrayType(member)) {
    paths.delete(path);
    walk(checker, checker.getTypeArguments(member as ts.TypeReference)[0]!, `${path}[]`, paths);
    return;
  }
  for (const property of checker.getPropertiesOfType(member)) {
    walk(checker, checker.getTypeOfSymbol(property), path ? `${path}.${property.name}` : property.name, paths);
  }
}
