import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runBin, runCli } from '../helpers/run-cli.js';
import { ROOT, SAMPLE, snapshot, tempDir } from '../helpers/temp-project.js';

// One's own templates (docs/templates.md): the project's templates/ and --templates DIR override the
// defaults by file name and add partials; a broken one refuses the output, naming file and line;
// they see the same public view model as the defaults.

const TEMPLATES = join(ROOT, 'test', 'fixtures-templates');
const CANARY = join(ROOT, 'test', 'fixtures', 'canary');
const runners = [
  ['in-process', runCli],
  ['the real bin', runBin],
] as const;

/** A scratch copy of the canary project (internal notes full of canary strings) with `templates` as its templates/ folder. */
function projectWith(...templates: string[]): string {
  const project = join(tempDir(), 'project');
  cpSync(CANARY, project, { recursive: true });
  for (const folder of templates) cpSync(join(TEMPLATES, folder), join(project, 'templates'), { recursive: true });
  return project;
}

const report = (run: (args: string[], options?: { cwd?: string }) => Promise<CliResult>, project: string, ...args: string[]) =>
  run(['report', '--data', project, '--quarter', '2020-Q1', '--quiet', ...args], { cwd: project });

describe.each(runners)("the project's templates/ (%s)", (_, run) => {
  it('overrides a default template by file name and adds its partials', async () => {
    const result = await report(run, projectWith('project'));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      '# Testparken: 1. kvartal 2020 (PROJECT-TEMPLATE)\n\n- Hvad med lyset? (Åben)\n\nOWN-FOOTER from the project: Om tallene, 1.234, 12. februar 2020\n',
    );
  });

  it('replaces a default partial (brief-style) inside the default HTML template', async () => {
    const result = await report(run, projectWith('project'), '--format', 'html');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('<style>\n/* OWN-STYLE from the project */\nbody { font-family: serif;');
    // The rest is the default template, with the default partial for the crime rows.
    expect(result.stdout).toMatch(/<tr class="total"><th scope="row">Kriminalitet i alt<\/th>/);
    expect(result.stdout).not.toContain('.internal-banner');
  });

  it('--templates DIR comes first, and the project folder still fills in what it lacks', async () => {
    const project = projectWith('project');
    const result = await report(run, project, '--templates', join(TEMPLATES, 'flag'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('# Testparken: 1. kvartal 2020 (FLAG-TEMPLATE)\n\nOWN-FOOTER from --templates: Kontakt\n');
    // The flag's folder has no brief-style: the project's is used, not the default.
    expect((await report(run, project, '--templates', join(TEMPLATES, 'flag'), '--format', 'html')).stdout).toContain(
      'OWN-STYLE from the project',
    );
  });
});

describe('--templates DIR', () => {
  it('is relative to the current folder', async () => {
    const result = await runCli(['report', '--data', CANARY, '--quarter', '2020-Q1', '--quiet', '--templates', 'fixtures-templates/flag'], {
      cwd: join(ROOT, 'test'),
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('(FLAG-TEMPLATE)');
    // The partial is in neither the flag's folder nor the defaults.
    expect(result.stdout).toContain('OWN-FOOTER from --templates');
  });

  it.each([['report'], ['compare'], ['build']])('that does not exist is a usage error for %s (exit 2), naming it', async (command) => {
    const out = tempDir();
    const result = await runCli(
      [command, '--data', CANARY, '--templates', 'no-such-folder', ...(command === 'build' ? ['--out', join(out, 'site')] : [])],
      { cwd: out },
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`borgermode: kan ikke åbne skabelonmappen ${join(out, 'no-such-folder')}: den findes ikke`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('that is a file is a usage error too', async () => {
    const result = await runCli(['report', '--data', CANARY, '--lang', 'en', '--templates', join(CANARY, 'records.yaml')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`borgermode: cannot open templates folder ${join(CANARY, 'records.yaml')}: it is not a folder`);
  });
});

describe('compare and build use the same lookup', () => {
  it('compare renders through the project compare.md.hbs', async () => {
    const project = projectWith('project');
    const result = await runCli(['compare', '--data', project, '--to', '2020-Q1', '--quarters', '2', '--quiet']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^# Testparken: Anmeldelser og utryghed pr\. kvartal, 4\. kvartal 2019 – 1\. kvartal 2020 \(PROJECT-COMPARE\)\n/,
    );
    // The canary area is grouped (no residents given): theft 9 shown, vandalism <5, so the total is hidden.
    expect(result.stdout).toContain('- Indbrud og tyveri: – 9 \n');
    expect(result.stdout).toContain('- Anden kriminalitet: – <5 \n');
    expect(result.stdout).toContain('- Kriminalitet i alt: – x \n');
  });

  it('build renders every brief through the project template, and the style partial on every HTML page', async () => {
    // The sample: nine quarters of briefs.
    const project = join(tempDir(), 'project');
    cpSync(SAMPLE, project, { recursive: true });
    cpSync(join(TEMPLATES, 'project'), join(project, 'templates'), { recursive: true });
    const out = join(tempDir(), 'site');
    const result = await runCli(['build', '--data', project, '--out', out, '--quiet']);
    expect(result.exitCode).toBe(0);
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.md') || p.endsWith('.html'));
    const briefs = pages.filter((p) => p.endsWith('brief.md'));
    expect(briefs).toHaveLength(9);
    for (const page of briefs) expect(readFileSync(join(out, page), 'utf8'), page).toContain('(PROJECT-TEMPLATE)');
    for (const page of pages.filter((p) => p.endsWith('.html')))
      expect(readFileSync(join(out, page), 'utf8'), page).toContain('OWN-STYLE from the project');
    expect(readFileSync(join(out, 'vaerebro-park', 'compare.md'), 'utf8')).toContain('(PROJECT-COMPARE)');
  });
});

describe.each(runners)('a broken template refuses the output, naming file and line (%s)', (_, run) => {
  it.each([
    [
      'broken-block',
      'md',
      /^templates\/brief\.md\.hbs:3:1 error Handlebars-syntaksfejl: denne \{\{#if\}\} lukkes aldrig: forventede \{\{\/if\}\} før filens slutning \(Handlebars: Expecting .*, got 'EOF'\)$/m,
    ],
    // In a branch this run does not reach ({{#if notice}}: internal output only): found all the same.
    [
      'broken-helper',
      'md',
      /^templates\/brief\.md\.hbs:4:3 error ukendt hjælper "shout"; forventede en af t, md, cell, number, date, eq, /m,
    ],
    // A partial of one's own that replaces a default one, used by the default HTML template.
    ['broken-partial', 'html', /^templates\/partials\/brief-crime-row\.hbs:2:9 error ukendt tekstnøgle "no_such_text" til hjælperen t; /m],
  ])('%s (%s): exit 1, and -o leaves the file as it was', async (folder, format, message) => {
    const project = projectWith(folder);
    const file = join(project, `old.${format}`);
    writeFileSync(file, 'OLD CONTENT\n');
    const result = await report(run, project, '--format', format, '-o', file);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('OLD CONTENT\n');
  });
});

describe('a broken template in build', () => {
  it('leaves the previous site exactly as it was; --json carries the template finding', async () => {
    const project = projectWith();
    const out = join(tempDir(), 'site');
    expect((await runCli(['build', '--data', project, '--out', out, '--quiet'])).exitCode).toBe(0);
    const before = snapshot(out);
    cpSync(join(TEMPLATES, 'broken-block'), join(project, 'templates'), { recursive: true });
    const failed = await runCli(['build', '--data', project, '--out', out, '--json']);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toBe('');
    const document = JSON.parse(failed.stdout) as { ok: boolean; diagnostics: unknown[] };
    expect(document.ok).toBe(false);
    expect(document.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'templates/brief.md.hbs', line: 3, column: 1, severity: 'error', code: 'template-syntax' }),
    );
    expect(snapshot(out)).toEqual(before);
  });
});

describe('templates of one own see the public view model only', () => {
  const canaries = /CANARY/;

  it.each(runners)('a template that asks for internal notes, prototypes or every key gets nothing internal (%s)', async (_, run) => {
    const project = projectWith('prying');
    for (const format of ['md', 'html']) {
      const result = await report(run, project, '--format', format);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toMatch(canaries);
      expect(result.stdout).not.toMatch(/function|native code|\[object|Object/);
    }
    const md = (await report(run, project)).stdout;
    expect(md).toContain('[|Graffiti på gavlen]');
    expect(md).toContain('\n[][][][][][][][][][]\n');
    expect(md).toContain(
      'lang audience title area quarter comparison meeting data_through follow_ups activities crime priorities contacts about \n',
    );
  });

  it('the same template shows the notes in internal output: the public view model is what keeps them out', async () => {
    const result = await report(runCli, projectWith('prying'), '--audience', 'internal');
    expect(result.stdout).toContain('[CANARY-QUESTION]');
    expect(result.stdout).toContain('[CANARY-SUMMARY|Graffiti på gavlen]');
  });

  it('HTML templates of one own escape record text as the defaults do', async () => {
    const project = join(tempDir(), 'project');
    cpSync(join(ROOT, 'test', 'fixtures', 'hostile-text'), project, { recursive: true });
    cpSync(join(TEMPLATES, 'prying'), join(project, 'templates'), { recursive: true });
    const result = await runCli(['report', '--data', project, '--format', 'html', '--quiet']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('<h1>Tryghed i &lt;b&gt;Testparken&lt;/b&gt;</h1>');
    expect(result.stdout).not.toMatch(/<script|<iframe|<img/i);
  });

  it('personal data is refused before any template runs', async () => {
    const project = projectWith('prying');
    writeFileSync(
      join(project, 'late.yaml'),
      'incidents:\n  - {id: late-1, date: 2020-03-30, category: theft, summary: "Ring til anmelder på 22 33 44 55"}\n',
    );
    const result = await report(runCli, project);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/late\.yaml:2:\d+ error /);
    expect(result.stdout).toBe('');
  });
});

describe('a template file that overrides nothing', () => {
  it('is a warning that names the likely intended template', async () => {
    const project = projectWith('unused');
    const result = await runCli(['report', '--data', project, '--quarter', '2020-Q1', '--lang', 'en']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      'templates/breif.md.hbs:1:1 warning borgermode renders no template named "breif.md.hbs" (did you mean "brief.md.hbs"?), so the file changes nothing',
    );
    expect(result.stdout).toContain('# Testparken – Meeting brief Q1 2020');
  });
});

describe('without templates of one own', () => {
  it('an empty templates/ folder changes nothing: the defaults render', async () => {
    const project = projectWith();
    expect(existsSync(join(project, 'templates'))).toBe(false);
    mkdirSync(join(project, 'templates'));
    const result = await report(runCli, project);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^# Testparken – Mødeoplæg 1\. kvartal 2020\n/);
  });
});
