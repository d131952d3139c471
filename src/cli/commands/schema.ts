import { relative, resolve } from 'node:path';
import { findProject } from '../../load/find-project.js';
import { EDITOR_SCHEMA_DIR } from '../../model/editor-schema.js';
import { editorSchemaFiles } from '../../model/json-schema.js';
import { writeProjectFile } from '../../write/write-output.js';
import { EXIT, usageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { cliText, listWords } from '../messages.js';
import { printMessage } from '../safe-text.js';
import type { ProjectOptions } from '../project.js';

export interface SchemaOptions extends ProjectOptions {
  out?: string;
}

/** `borgermode schema [--out DIR]`: writes the JSON Schemas of borgermode.yaml and of record files (default: the project's .borgermode/schema/). */
export async function schemaCommand(io: Io, options: SchemaOptions): Promise<number> {
  const lang = options.lang ?? 'da';
  let out: string;
  if (options.out !== undefined) {
    out = resolve(io.cwd, options.out);
  } else {
    const location = await findProject({ data: options.data, cwd: io.cwd });
    if (!location) throw usageError(cliText(lang, 'schema_needs_out'));
    out = resolve(location.root, EDITOR_SCHEMA_DIR);
  }
  const written: string[] = [];
  for (const { name, text } of editorSchemaFiles()) written.push(await writeProjectFile(out, name, text));
  if (!options.quiet)
    printMessage(
      io,
      cliText(lang, 'schema_wrote', {
        files: listWords(
          lang,
          written.map((path) => relative(io.cwd, path) || path),
        ),
      }),
    );
  return EXIT.ok;
}
