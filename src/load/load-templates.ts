import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSource } from '../render/handlebars.js';
import { accessError } from './errors.js';

/** The default templates that ship with the package. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/** Reads a template by file name (e.g. `brief.md.hbs`) and the partials in `partials/` beside it. */
export async function loadTemplate(fileName: string, dir: string = DEFAULT_TEMPLATES_DIR): Promise<{ template: TemplateSource; partials: TemplateSource[] }> {
  const path = join(dir, fileName);
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    throw accessError(error, path, 'template');
  }
  const partialsDir = join(dir, 'partials');
  const partials: TemplateSource[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(partialsDir)).filter((name) => name.endsWith('.hbs')).sort();
  } catch {
    // No partials folder: nothing to register.
  }
  for (const name of names) partials.push({ name: name.slice(0, -'.hbs'.length), source: await readFile(join(partialsDir, name), 'utf8') });
  return { template: { name: fileName, source }, partials };
}
