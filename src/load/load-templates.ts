import { type Dirent, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../model/finding.js';
import { closest } from '../model/suggest.js';
import { packageRoot } from '../package-root.js';
import { type OutputFormat, type PrecompiledTemplates, type Template, TEMPLATE_NAMES, type TemplateName } from '../model/templates.js';
import { TemplateError, templateFinding } from '../model/template-error.js';
import { accessError } from '../model/file-access-error.js';

/**
 * Where a template is looked for, by file name: the first place that has it wins. Partials are
 * gathered from every place, and one higher up replaces one of the same name below it. The places
 * stack: `--templates DIR` does not hide the project's folder. docs/templates.md shows this table
 * in the same words (test/load/load-templates.test.ts compares them).
 */
export const TEMPLATE_LOOKUP = [
  {
    source: 'flag',
    where: 'the folder given with `--templates DIR` (relative to the current folder)',
    templates: '`DIR/*.hbs`',
    partials: '`DIR/partials/*.hbs`',
  },
  {
    source: 'project',
    where: "the project's own `templates/` folder, beside `borgermode.yaml`",
    templates: '`templates/*.hbs`',
    partials: '`templates/partials/*.hbs`',
  },
  {
    source: 'package',
    where: "borgermode's defaults: the package's `templates/`, precompiled into the bundle",
    templates: '`templates/*.hbs`',
    partials: '`templates/partials/*.hbs`',
  },
] as const;

/** A folder of one's own templates. */
export interface TemplateFolder {
  source: 'flag' | 'project';
  dir: string;
  /** The `*.hbs` files in it. */
  templates: string[];
  /** Its partials (`partials/*.hbs`): name (the file name less `.hbs`) → path. */
  partials: Map<string, string>;
}

/** The default templates that ship with the package. */
export const defaultTemplatesDir = (): string => join(packageRoot(), 'templates');

/**
 * The folders of one's own templates, in the order of TEMPLATE_LOOKUP: `--templates DIR`
 * (resolved against `cwd`; it must exist) and the project's `templates/` when there is one.
 * Without either this is one readdir.
 */
export async function findTemplateFolders(options: {
  templates?: string | undefined;
  cwd: string;
  root: string;
}): Promise<TemplateFolder[]> {
  const folders: TemplateFolder[] = [];
  for (const { source } of TEMPLATE_LOOKUP) {
    const folder =
      source === 'flag' && options.templates !== undefined
        ? await readFolder(source, resolve(options.cwd, options.templates), true)
        : source === 'project'
          ? await readFolder(source, join(options.root, 'templates'), false)
          : undefined;
    if (folder) folders.push(folder);
  }
  return folders;
}

async function readFolder(source: TemplateFolder['source'], dir: string, required: boolean): Promise<TemplateFolder | undefined> {
  const entries = await listFolder(dir, required);
  if (!entries) return undefined;
  const partials = new Map<string, string>();
  if (entries.some((e) => e.name === 'partials')) {
    for (const entry of (await listFolder(join(dir, 'partials'), false)) ?? []) {
      if (entry.name.endsWith('.hbs') && !entry.isDirectory())
        partials.set(entry.name.slice(0, -'.hbs'.length), join(dir, 'partials', entry.name));
    }
  }
  const templates = entries.filter((e) => e.name.endsWith('.hbs') && !e.isDirectory()).map((e) => e.name);
  return { source, dir, templates, partials };
}

/** The entries of a folder, sorted by name; none when it is missing and not `required`. */
async function listFolder(dir: string, required: boolean): Promise<Dirent[] | undefined> {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
    throw accessError(error, dir, 'templates-folder');
  }
}

/** `*.hbs` files in one's own folders that override no template: a typo, most likely (a warning). */
export function unusedTemplates(folders: readonly TemplateFolder[], root: string): Finding[] {
  return folders.flatMap((folder) =>
    folder.templates
      .filter((name) => !(TEMPLATE_NAMES as readonly string[]).includes(name))
      .map((name): Finding => ({
        file: shownPath(root, join(folder.dir, name)),
        severity: 'warning',
        code: 'template-unused',
        params: { key: name, suggestion: closest(name, TEMPLATE_NAMES), choices: [...TEMPLATE_NAMES] },
      })),
  );
}

/** A template and the partials it may use. */
export interface LoadedTemplate {
  template: Template;
  partials: Template[];
}

export interface TemplateLoader {
  load(name: TemplateName, format: OutputFormat): Promise<LoadedTemplate>;
}

/**
 * Loads templates through TEMPLATE_LOOKUP: one's own folders first, then the defaults
 * (`precompiled`, when the bundle has them, else their text). Each file is read once, however many
 * templates use it. Paths in messages are relative to the project `root` when inside it.
 */
export function templateLoader(
  folders: readonly TemplateFolder[],
  root: string,
  precompiled: PrecompiledTemplates | undefined,
): TemplateLoader {
  const texts = new Map<string, Promise<string>>();
  const project = folders.find((folder) => folder.source === 'project');
  const text = async (name: string, path: string): Promise<Template> => {
    let source = texts.get(path);
    if (!source)
      texts.set(path, (source = project && path.startsWith(project.dir + sep) ? readProjectTemplate(root, path) : readTemplate(path)));
    return { name, file: shownPath(root, path), source: await source };
  };
  const defaults = defaultTemplatesDir();
  const defaultPartials = async (format: OutputFormat): Promise<Template[]> => {
    const dir = join(defaults, 'partials');
    if (precompiled)
      return Object.entries(await precompiled.partials[format]()).map(([name, spec]) => ({ name, file: join(dir, `${name}.hbs`), spec }));
    const names = ((await listFolder(dir, false)) ?? []).map((e) => e.name).filter((name) => name.endsWith('.hbs'));
    return Promise.all(names.map((name) => text(name.slice(0, -'.hbs'.length), join(dir, name))));
  };
  return {
    async load(fileName, format) {
      const own = folders.find((folder) => folder.templates.includes(fileName));
      const spec = own ? undefined : await precompiled?.templates[fileName]?.();
      const template: Template = own
        ? await text(fileName, join(own.dir, fileName))
        : spec
          ? { name: fileName, file: join(defaults, fileName), spec }
          : await text(fileName, join(defaults, fileName));
      // The defaults first; then each folder from the bottom of the lookup up, so the first place wins.
      const partials = new Map((await defaultPartials(format)).map((p) => [p.name, p]));
      for (const folder of [...folders].reverse()) for (const [name, path] of folder.partials) partials.set(name, await text(name, path));
      return { template, partials: [...partials.values()] };
    },
  };
}

/**
 * A template or partial of the project's own folder, read only when what it really is lies inside
 * the project: a symbolic link (of the file, of partials/ or of templates/ itself) that leads out
 * of it is refused with its name (exit 1), as record files are never read through one
 * (list-files.ts); a link within the project is read as what it points to.
 */
async function readProjectTemplate(root: string, path: string): Promise<string> {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
  } catch (error) {
    throw accessError(error, path, 'template');
  }
  if (real !== realRoot && !real.startsWith(realRoot + sep))
    throw new TemplateError([templateFinding('template-outside-project', {}, shownPath(root, path))]);
  return readTemplate(path);
}

async function readTemplate(path: string): Promise<string> {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw accessError(error, path, 'template');
  }
}

/** A path as messages show it: relative to the project root (forward slashes) when inside it, else absolute. */
function shownPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside.split(sep).join('/');
}
