import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeMixedProject } from '../helpers/mixed-project.js';
import { runCli } from '../helpers/run-cli.js';
import { checkSiteLinks, siteFiles } from '../helpers/site-links.js';

// The built site as a reader meets it (issue 14): every link of every page leads to a page of the
// site. The index once linked every Markdown file as href="[object Object]" and no test noticed.
// scripts/browser-checks.mjs runs the Nu HTML checker over the same two sites.

const work = mkdtempSync(join(tmpdir(), 'borgermode-build-site-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the links of a built site', () => {
  it.each([
    ['the sample (build --sample)', () => ['--sample']],
    ['a generated three-area project', () => ['--data', writeMixedProject(join(work, 'mixed'))]],
  ])('%s: every relative href and src names a file of the site', async (_, source) => {
    const out = join(work, `site-${Math.random().toString(36).slice(2)}`);
    const result = await runCli(['build', ...source(), '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const { pages, targets, broken } = await checkSiteLinks(out);
    expect(broken).toEqual([]);
    expect(pages).toContain('index.html');
    // The index links every page of the site, HTML and Markdown (the comparison pages too), but the marker of the site.
    expect(targets.size).toBeGreaterThan(10);
    expect(siteFiles(out).filter((file) => file !== 'index.html' && file !== '.borgermode-site' && !targets.has(file))).toEqual([]);
  });

  // The checker itself: each kind of broken link is found, and what is fine passes.
  it('finds a missing file, a missing id, an absolute path, a link out of the site and a strange scheme', async () => {
    const site = join(work, 'hand-made');
    const page = (path: string, body: string) => {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>\n${body}\n</body></html>\n`);
    };
    page('a/page.html', '<h2 id="top">x</h2><a href="../index.html#here">up</a> <img src="pic%20one.png" alt="">');
    writeFileSync(join(site, 'a/pic one.png'), '');
    writeFileSync(join(site, 'notes.md'), '');
    page(
      'index.html',
      [
        '<p id="here"><a href="a/page.html#top">ok</a> <a href="notes.md">ok</a> <a href="#here">ok</a> <a href="a/page.html?x=1">ok</a>',
        '<a href="https://example.org/x">out</a> <a href="mailto:a@b.dk">mail</a> <a href="tel:+4512345678">phone</a> <img src="data:image/png;base64,AA==" alt=""></p>',
        '<a href="[object Object]">md</a>',
        '<a href="a/page.html#nowhere">id</a>',
        '<a href="/a/page.html">absolute</a>',
        '<a href="../outside.html">out of the site</a>',
        '<a href="javascript:alert(1)">script</a>',
        '<a href="a/">a folder</a> <img src="a&#x2F;missing.png" alt="">',
      ].join('\n'),
    );
    const { broken } = await checkSiteLinks(site);
    expect(broken).toEqual([
      'index.html:4 href="[object Object]": no file [object Object] in the site',
      'index.html:5 href="a/page.html#nowhere": no id "nowhere" in a/page.html',
      'index.html:6 href="/a/page.html": an absolute path, which breaks when the site is served from a sub-folder',
      'index.html:7 href="../outside.html": outside the site',
      'index.html:8 href="javascript:alert(1)": a scheme that is neither http(s), mailto, tel nor data',
      'index.html:9 href="a/": no file a in the site',
      'index.html:9 src="a&#x2F;missing.png": no file a/missing.png in the site',
    ]);
  });
});
