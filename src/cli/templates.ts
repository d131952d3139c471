import { findTemplateFolders, type TemplateLoader, templateLoader, unusedTemplates } from '../load/load-templates.js';
import { type Finding, sortFindings } from '../model/finding.js';
import type { Lang } from '../model/schema.js';
import type { OutputFormat, TemplateName } from '../model/templates.js';
import { compileTemplate, type Renderer } from '../render/handlebars.js';
import { PRECOMPILED } from '../render/precompiled.js';
import { TemplateError } from '../model/template-error.js';
import { printFindings } from './diagnostics.js';
import { EXIT } from './exit-codes.js';
import { type Io, useColor } from './io.js';

/** The option every rendering command takes (run.ts adds it). */
export interface TemplateOptions {
  templates?: string;
  quiet?: boolean;
  color?: boolean;
}

export interface Templates {
  /** The template of that name with its partials, compiled once per run. */
  renderer(name: TemplateName): Promise<Renderer>;
  /** Warnings about one's own folders (a file that overrides no template); already printed. */
  findings: Finding[];
}

/**
 * The templates of a rendering command, looked up as docs/templates.md says: `--templates DIR`,
 * the project's `templates/`, the package's defaults. A missing `--templates` folder is exit 2.
 */
export async function openTemplates(io: Io, options: TemplateOptions, project: { root: string; lang: Lang }): Promise<Templates> {
  const folders = await findTemplateFolders({ templates: options.templates, cwd: io.cwd, root: project.root });
  const findings = unusedTemplates(folders, project.root);
  printFindings(io, findings, {
    color: useColor(io, options.color),
    quiet: options.quiet ?? false,
    lang: project.lang,
    root: project.root,
  });
  const loader: TemplateLoader = templateLoader(folders, project.root, PRECOMPILED);
  const compiled = new Map<TemplateName, Promise<Renderer>>();
  return {
    findings,
    renderer(name) {
      let renderer = compiled.get(name);
      if (!renderer) {
        const format = (name.endsWith('.md.hbs') ? 'md' : 'html') satisfies OutputFormat;
        compiled.set(
          name,
          (renderer = loader.load(name, format).then(({ template, partials }) => compileTemplate(template, format, partials))),
        );
      }
      return renderer;
    },
  };
}

/**
 * A template that cannot be rendered refuses the output like invalid data does: its findings
 * (template file, line, column) are printed and the command exits 1 having written nothing.
 * Any other error goes on up.
 */
export function refuseTemplateError(io: Io, error: unknown, options: { color?: boolean; lang: Lang; root: string }): number {
  if (!(error instanceof TemplateError)) throw error;
  printFindings(io, sortFindings(error.findings), { color: useColor(io, options.color), lang: options.lang, root: options.root });
  return EXIT.invalidData;
}
