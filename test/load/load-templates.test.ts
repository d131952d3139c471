import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileAccessError } from '../../src/model/file-access-error.js';
import { findTemplateFolders, TEMPLATE_LOOKUP, templateLoader, unusedTemplates } from '../../src/load/load-templates.js';
import { TEMPLATE_NAMES } from '../../src/model/templates.js';
import { TemplateError } from '../../src/model/template-error.js';
import { ROOT, tempDir } from '../helpers/temp-project.js';

/** Writes files (relative path → text) below a new scratch folder. */
function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the template lookup', () => {
  it('is the table of docs/templates.md, in the same words and order', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'templates.md'), 'utf8');
    const rows = TEMPLATE_LOOKUP.map((place, i) => `| ${i + 1} | ${place.where} | ${place.templates} | ${place.partials} |`).join('\n');
    expect(docs).toContain(`| order | where | templates | partials |\n|---|---|---|---|\n${rows}\n`);
  });

  it('names every template of the package', () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual(
      readdirSync(join(ROOT, 'templates'))
        .filter((name) => name.endsWith('.hbs'))
        .sort(),
    );
  });

  it('takes a template from --templates DIR, then the project, then the defaults; partials from all three, the first place winning', async () => {
    const root = folder({
      'borgermode.yaml': '',
      'templates/brief.md.hbs': 'project brief',
      'templates/compare.md.hbs': 'project compare',
      'templates/partials/shared.hbs': 'project shared',
      'templates/partials/project-only.hbs': 'project only',
      'templates/partials/brief-style.hbs': 'project style',
      'flag/brief.md.hbs': 'flag brief',
      'flag/partials/shared.hbs': 'flag shared',
    });
    const folders = await findTemplateFolders({ templates: 'flag', cwd: root, root });
    expect(folders.map((f) => [f.source, f.dir])).toEqual([
      ['flag', join(root, 'flag')],
      ['project', join(root, 'templates')],
    ]);
    const loader = templateLoader(folders, root, undefined);
    const source = (t: { source?: string } | { spec: unknown }) => ('source' in t ? t.source : 'precompiled');
    const brief = await loader.load('brief.md.hbs', 'md');
    expect([brief.template.file, source(brief.template)]).toEqual(['flag/brief.md.hbs', 'flag brief']);
    expect(
      Object.fromEntries(
        brief.partials.map((p) => [
          p.name,
          [p.file.startsWith(root) ? p.file : p.file.replace(/^.*\/templates\//, '(package) '), source(p)],
        ]),
      ),
    ).toEqual({
      'brief-crime-row': ['(package) partials/brief-crime-row.hbs', expect.any(String)],
      'safety-html': ['(package) partials/safety-html.hbs', expect.any(String)],
      'safety-md': ['(package) partials/safety-md.hbs', expect.any(String)],
      'brief-style': ['templates/partials/brief-style.hbs', 'project style'],
      shared: ['flag/partials/shared.hbs', 'flag shared'],
      'project-only': ['templates/partials/project-only.hbs', 'project only'],
    });
    expect((await loader.load('compare.md.hbs', 'md')).template.file).toBe('templates/compare.md.hbs');
    expect((await loader.load('index.html.hbs', 'html')).template.file).toBe(join(ROOT, 'templates', 'index.html.hbs'));
  });

  it('without --templates and without templates/ in the project, there is nothing of one own', async () => {
    const root = folder({ 'borgermode.yaml': '' });
    expect(await findTemplateFolders({ cwd: root, root })).toEqual([]);
    // A file called templates is not a folder of templates either.
    writeFileSync(join(root, 'templates'), '');
    expect(await findTemplateFolders({ cwd: root, root })).toEqual([]);
  });

  it('refuses a --templates DIR that is not there', async () => {
    const root = folder({ 'borgermode.yaml': '' });
    await expect(findTemplateFolders({ templates: 'nope', cwd: root, root })).rejects.toEqual(
      new FileAccessError('templates-folder', join(root, 'nope'), 'missing'),
    );
  });

  it('shows a path outside the project as it is', async () => {
    const root = folder({ 'borgermode.yaml': '' });
    const outside = folder({ 'brief.md.hbs': 'outside' });
    const loader = templateLoader(await findTemplateFolders({ templates: outside, cwd: root, root }), root, undefined);
    expect((await loader.load('brief.md.hbs', 'md')).template.file).toBe(join(outside, 'brief.md.hbs'));
  });

  it('warns about a file that overrides no template, with the likely name', async () => {
    const root = folder({ 'templates/breif.md.hbs': '', 'templates/brief.html.hbs': '', 'templates/notes.txt': '' });
    const findings = unusedTemplates(await findTemplateFolders({ cwd: root, root }), root);
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'templates/breif.md.hbs',
        severity: 'warning',
        code: 'template-unused',
        params: expect.objectContaining({ suggestion: 'brief.md.hbs' }) as unknown,
      }),
    ]);
  });

  describe("symbolic links in the project's templates/", () => {
    /** The findings a load is refused with, or the sources it loads. */
    async function attempt(root: string, name: 'brief.md.hbs' = 'brief.md.hbs'): Promise<unknown> {
      try {
        const loaded = await templateLoader(await findTemplateFolders({ cwd: root, root }), root, undefined).load(name, 'md');
        return [loaded.template, ...loaded.partials]
          .filter((t) => t.file.startsWith('templates/'))
          .map((t) => [t.file, 'source' in t ? t.source : '']);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        return error.findings.map((f) => [f.file, f.code]);
      }
    }

    it('a link to a file inside the project is read as that file', async () => {
      const root = folder({ 'borgermode.yaml': '', 'shared/brief.md.hbs': 'shared brief', 'shared/style.hbs': 'style' });
      mkdirSync(join(root, 'templates', 'partials'), { recursive: true });
      symlinkSync(join(root, 'shared', 'brief.md.hbs'), join(root, 'templates', 'brief.md.hbs'));
      symlinkSync('../../shared/style.hbs', join(root, 'templates', 'partials', 'brief-style.hbs'));
      expect(await attempt(root)).toEqual([
        ['templates/brief.md.hbs', 'shared brief'],
        ['templates/partials/brief-style.hbs', 'style'],
      ]);
    });

    it('a template, a partial, partials/ or templates/ itself leading out of the project is refused with its name', async () => {
      const outside = folder({ 'secret.txt': 'SECRET', 'brief.md.hbs': 'SECRET', 'partials/brief-style.hbs': 'SECRET' });
      const partial = folder({ 'borgermode.yaml': '', 'templates/brief.md.hbs': '{{> brief-style}}' });
      mkdirSync(join(partial, 'templates', 'partials'));
      symlinkSync(join(outside, 'secret.txt'), join(partial, 'templates', 'partials', 'brief-style.hbs'));
      expect(await attempt(partial)).toEqual([['templates/partials/brief-style.hbs', 'template-outside-project']]);

      const template = folder({ 'borgermode.yaml': '', 'templates/x.txt': '' });
      symlinkSync(join(outside, 'secret.txt'), join(template, 'templates', 'brief.md.hbs'));
      expect(await attempt(template)).toEqual([['templates/brief.md.hbs', 'template-outside-project']]);

      const partials = folder({ 'borgermode.yaml': '', 'templates/x.txt': '' });
      symlinkSync(join(outside, 'partials'), join(partials, 'templates', 'partials'));
      expect(await attempt(partials)).toEqual([['templates/partials/brief-style.hbs', 'template-outside-project']]);

      const whole = folder({ 'borgermode.yaml': '' });
      symlinkSync(outside, join(whole, 'templates'));
      expect(await attempt(whole)).toEqual([['templates/brief.md.hbs', 'template-outside-project']]);
    });
  });
});
