import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSiteTarget, SITE_MARKER, SiteTargetError, writeSite } from '../../src/write/site.js';

// build --out replaces a folder only when it is missing, empty, or a site build wrote (docs/site.md).
const work = mkdtempSync(join(tmpdir(), 'borgermode-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const project = join(work, 'project');
mkdirSync(join(project, '2020'), { recursive: true });
writeFileSync(join(project, 'borgermode.yaml'), 'areas: []\n');
writeFileSync(join(project, '2020', 'incidents.yaml'), 'incidents: []\n');
mkdirSync(join(work, 'empty'));
mkdirSync(join(work, 'mydocs'));
writeFileSync(join(work, 'mydocs', 'notes.md'), 'mine\n');
mkdirSync(join(work, 'old-site'));
writeFileSync(join(work, 'old-site', SITE_MARKER), 'x\n');
writeFileSync(join(work, 'old-site', 'index.html'), 'old\n');
writeFileSync(join(work, 'a-file'), 'x\n');
symlinkSync(join(work, 'old-site'), join(work, 'link'));

describe('checkSiteTarget', () => {
  it.each([
    ['a missing folder', 'new-site', undefined],
    ['an empty folder', 'empty', undefined],
    ['a site build wrote (it holds the marker)', 'old-site', undefined],
    ['a folder of the project that does not exist yet', 'project/site', undefined],
    ['a folder with files of its own', 'mydocs', 'not-a-site'],
    ['a record folder of the project', 'project/2020', 'not-a-site'],
    ['the project itself', 'project', 'project'],
    ['the project through ..', 'project/2020/..', 'project'],
    ['a folder that holds the project (here also the current one)', '.', 'holds-project'],
    ['the filesystem root', '/', 'filesystem-root'],
    ['a file', 'a-file', 'not-a-folder'],
    ['a symbolic link, even to a site', 'link', 'link'],
  ])('%s → %s', async (_, out, refusal) => {
    const result = await checkSiteTarget(work, out, project);
    expect(result.refusal).toBe(refusal);
  });

  it('refuses the current folder, and any folder above it', async () => {
    expect((await checkSiteTarget(join(work, 'empty'), '.', project)).refusal).toBe('cwd');
    expect((await checkSiteTarget(join(work, 'empty'), '..', project)).refusal).toBe('holds-project');
    expect((await checkSiteTarget(join(work, 'mydocs'), '..', join(work, 'project'))).refusal).toBe('holds-project');
  });

  it('refuses the home folder', async () => {
    expect((await checkSiteTarget(work, homedir(), project)).refusal).toMatch(/^(home|cwd|holds-project)$/);
    expect((await checkSiteTarget(tmpdir(), homedir(), join(work, 'project'))).refusal).toBe('home');
  });
});

describe('writeSite', () => {
  it('writes the marker with the pages, and replaces its own site whole', async () => {
    const out = join(work, 'sites', 'site');
    await writeSite(work, out, [{ path: 'index.html', content: 'one' }], project);
    expect(readdirSync(out).sort()).toEqual([SITE_MARKER, 'index.html']);
    await writeSite(work, out, [{ path: 'a/page.md', content: 'two' }], project);
    expect(readdirSync(out, { recursive: true }).sort()).toEqual([SITE_MARKER, 'a', 'a/page.md']);
    expect(readFileSync(join(out, SITE_MARKER), 'utf8')).toMatch(/borgermode build/);
  });

  it('refuses, just before the swap, a folder that got files of its own meanwhile, and leaves no staging folder', async () => {
    const out = join(work, 'sites', 'taken');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    await expect(writeSite(work, out, [{ path: 'index.html', content: 'x' }], project)).rejects.toBeInstanceOf(SiteTargetError);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(join(work, 'sites')).filter((name) => name.includes('.new-') || name.includes('.old-'))).toEqual([]);
  });

  it('removes the staging folders of builds that were killed (a process no longer running), not those of a running one', async () => {
    const parent = join(work, 'leftovers');
    mkdirSync(join(parent, '.site.new-999999999', 'x'), { recursive: true });
    mkdirSync(join(parent, '.site.old-999999998'), { recursive: true });
    mkdirSync(join(parent, `.site.new-${process.ppid}`), { recursive: true });
    mkdirSync(join(parent, '.other.new-999999999'), { recursive: true });
    await writeSite(parent, 'site', [{ path: 'index.html', content: 'x' }], project);
    expect(readdirSync(parent).sort()).toEqual(['.other.new-999999999', `.site.new-${process.ppid}`, 'site']);
  });
});
