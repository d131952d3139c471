import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

const BROKEN = join(import.meta.dirname, '../fixtures/unknown-field');

async function validateOnTerminal(env: Record<string, string | undefined>, args: string[] = []): Promise<string> {
  let stderr = '';
  await run(['validate', '--data', BROKEN, '--lang', 'en', ...args], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr += s), isTTY: true },
    cwd: process.cwd(),
    env: { BORGERMODE_TODAY: '2020-06-15', BORGERMODE_NO_CACHE: '1', ...env },
  });
  return stderr;
}

describe('colour in messages', () => {
  it('colours the severity on a terminal', async () => {
    expect(await validateOnTerminal({})).toContain('incidents.yaml:5:5 \u001b[31merror\u001b[0m unknown field "cout"');
  });

  it.each([
    ['NO_COLOR set', { NO_COLOR: '1' }, []],
    ['--no-color', {}, ['--no-color']],
  ])('never with %s', async (_, env, args) => {
    const stderr = await validateOnTerminal(env, args);
    expect(stderr).toContain('incidents.yaml:5:5 error unknown field "cout"');
    expect(stderr).not.toContain('\u001b[');
  });
});
