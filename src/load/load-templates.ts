import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { OutputFormat, Template } from '../render/handlebars.js';
import { PRECOMPILED } from '../render/precompiled.js';
import { accessError } from './errors.js';

/** The default templates that ship with the package. */
export const defaultTemplatesDir = (): string => join(packageRoot(), 'templates');

/**
 * A template by file name (e.g. `brief.md.hbs`) and the partials in `partials/` beside it.
 * The default templates come precompiled when the bundle has them.
 */
export async function loadTemplate(fileName: string, format: OutputFormat, dir?: string): Promise<{ template: Template; partials: Template[] }> {
  const spec = dir === undefined ? PRECOMPILED?.templates[fileName] : undefined;
  if (spec && PRECOMPILED) {
    return { template: { name: fileName, spec }, partials: Object.entries(PRECOMPILED.partials[format]).map(([name, partial]) => ({ name, spec: partial })) };
  }
  const folder = dir ?? defaultTemplatesDir();
  return { template: { name: fileName, source: await readTemplate(join(folder, fileName)) }, partials: await readPartials(join(folder, 'partials')) };
}

async function readTemplate(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw accessError(error, path, 'template');
  }
}

/** Every `*.hbs` in the folder, registered by file name without `.hbs`; none when there is no folder. */
export async function readPartials(folder: string): Promise<Template[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.hbs')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (name) => ({ name: name.slice(0, -'.hbs'.length), source: await readTemplate(join(folder, name)) })));
}
