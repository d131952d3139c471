import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileAccessError } from '../../src/load/errors.js';
import { findTemplateFolders, TEMPLATE_LOOKUP, TEMPLATE_NAMES, templateLoader, unusedTemplates } from '../../src/load/load-templates.js';
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
    expect([...TEMPLATE_NAMES].sort()).toEqual(readdirSync(join(ROOT, 'templates')).filter((name) => name.endsWith('.hbs')).sort());
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
    const loader = templateLoader(folders, root);
    const source = (t: { source?: string } | { spec: unknown }) => ('source' in t ? t.source : 'precompiled');
    const brief = await loader.load('brief.md.hbs', 'md');
    expect([brief.template.file, source(brief.template)]).toEqual(['flag/brief.md.hbs', 'flag brief']);
    expect(Object.fromEntries(brief.partials.map((p) => [p.name, [p.file.startsWith(root) ? p.file : p.file.replace(/^.*\/templates\//, '(package) '), source(p)]]))).toEqual({
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
    await expect(findTemplateFolders({ templates: 'nope', cwd: root, root })).rejects.toEqual(new FileAccessError('templates-folder', join(root, 'nope'), 'missing'));
  });

  it('shows a path outside the project as it is', async () => {
    const root = folder({ 'borgermode.yaml': '' });
    const outside = folder({ 'brief.md.hbs': 'outside' });
    const loader = templateLoader(await findTemplateFolders({ templates: outside, cwd: root, root }), root);
    expect((await loader.load('brief.md.hbs', 'md')).template.file).toBe(join(outside, 'brief.md.hbs'));
  });

  it('warns about a file that overrides no template, with the likely name', async () => {
    const root = folder({ 'templates/breif.md.hbs': '', 'templates/brief.html.hbs': '', 'templates/notes.txt': '' });
    const findings = unusedTemplates(await findTemplateFolders({ cwd: root, root }), root);
    expect(findings).toEqual([expect.objectContaining({ file: 'templates/breif.md.hbs', severity: 'warning', code: 'template-unused', params: expect.objectContaining({ suggestion: 'brief.md.hbs' }) })]);
  });
});
