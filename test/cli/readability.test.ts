import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { copyProject } from '../helpers/temp-project.js';

// Plain Danish (issue 20, item 5): validate notes each public text that is hard to read, its LIX
// above the project's readability.max_lix (45 by default), as advice: exit 0, and only validate says it.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
// 23 words, 1 sentence, 15 of them long: 23 + 65 = 88.
const HARD =
  'Kriminalpræventive foranstaltninger vedrørende boligområdets fællesarealer implementeres efter koordinering mellem samarbejdspartnerne i den boligsociale helhedsplan og politiet i fællesskab med kommunens sekretariat og beboerne.';
// 16 words, 3 sentences, 3 long (området, tirsdag, Centret): 5.3 + 18.8 = 24.
const EASY = 'Vi går en tur i området hver tirsdag. Alle kan være med. Vi mødes ved Centret.';

function project(summary: string, settings = ''): string {
  const dir = copyProject(join(FIXTURES, 'valid'));
  appendFileSync(
    join(dir, 'incidents.yaml'),
    `\nactivities:\n  - id: act-2020-02-04-1\n    date: 2020-02-04\n    kind: patrol\n    title: Tryghedsvandring\n    summary: ${summary}\n`,
  );
  if (settings) writeFileSync(join(dir, 'borgermode.yaml'), `${readFileSync(join(dir, 'borgermode.yaml'), 'utf8')}${settings}`);
  return dir;
}

describe('validate and readability', () => {
  it('notes a public text above LIX 45 at its place, as advice (exit 0), and counts the notes', async () => {
    const dir = project(HARD);
    const result = await runCli(['validate', '--data', dir]);
    expect(result.exitCode).toBe(0);
    const line =
      readFileSync(join(dir, 'incidents.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('summary: Kriminal')) + 1;
    expect(result.stderr).toContain(
      `incidents.yaml:${line}:14 note feltet "summary" er svært at læse: LIX 88, over projektets grænse på 45; skriv kortere sætninger og brug kortere ord\n`,
    );
    expect(result.stderr).toMatch(/^0 fejl, 0 advarsler, 1 note$/m);
  });

  it('says nothing of an easy text, or of a hard one under the project\u2019s own limit', async () => {
    expect((await runCli(['validate', '--data', project(EASY)])).stderr).not.toContain(' note ');
    const relaxed = await runCli(['validate', '--data', project(HARD, 'readability:\n  max_lix: 90\n')]);
    expect(relaxed.stderr).not.toContain(' note ');
  });

  it('is in --json with severity "note", left out with --quiet, an annotation ::notice in GitHub Actions, and English with --lang en', async () => {
    const dir = project(HARD);
    const json = JSON.parse((await runCli(['validate', '--data', dir, '--json'])).stdout) as {
      ok: boolean;
      diagnostics: { severity: string; code: string }[];
    };
    expect(json.ok).toBe(true);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: 'note', code: 'hard-to-read' }));
    expect((await runCli(['validate', '--data', dir, '--quiet'])).stderr).toBe('');
    expect((await runCli(['validate', '--data', dir], { env: { GITHUB_ACTIONS: 'true' } })).stderr).toMatch(
      /^::notice file=.*incidents\.yaml,line=\d+,col=14::/m,
    );
    expect((await runCli(['validate', '--data', dir, '--lang', 'en'])).stderr).toContain('note field "summary" is hard to read: LIX 88');
  });

  it('is measured with the file\u2019s checks and kept in its cache: the same notes cold and warm, the limit applied after the cache', async () => {
    const dir = project(HARD);
    const env = { BORGERMODE_NO_CACHE: undefined, XDG_CACHE_HOME: join(dir, '..', 'cache-home') };
    const cold = await runCli(['validate', '--data', dir], { env });
    // A changed limit does not change a file, so the warm run must read the entry and still judge it anew.
    const settings = join(dir, 'borgermode.yaml');
    writeFileSync(settings, `${readFileSync(settings, 'utf8')}readability:\n  max_lix: 90\n`);
    await runCli(['report', '--data', dir, '--quarter', '2020-Q1'], { env });
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('readability:\n  max_lix: 90\n', ''));
    const warm = await runCli(['validate', '--data', dir], { env });
    expect(warm.stderr).toBe(cold.stderr);
    expect(cold.stderr).toContain('LIX 88');
    writeFileSync(settings, `${readFileSync(settings, 'utf8')}readability:\n  max_lix: 90\n`);
    expect((await runCli(['validate', '--data', dir], { env })).stderr).not.toContain(' note ');
  });

  it('is not repeated by the commands that render', async () => {
    const result = await runCli(['report', '--data', project(HARD), '--quarter', '2020-Q1']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toContain('note');
  });

  it('refuses a limit out of range, as any setting', async () => {
    const result = await runCli(['validate', '--data', project(EASY, 'readability:\n  max_lix: 5\n')]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/borgermode\.yaml:\d+:\d+ error .*max_lix/);
  });
});
