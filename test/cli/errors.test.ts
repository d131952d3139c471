import { describe, expect, it } from 'vitest';
import { cliErrorOf, rethrowInLang } from '../../src/cli/errors.js';
import { CliError, CODE_EXIT, EXIT } from '../../src/cli/exit-codes.js';
import { FileAccessError } from '../../src/model/file-access-error.js';
import { ProjectBusyError } from '../../src/write/lock.js';
import { PdfError } from '../../src/write/pdf.js';
import { SiteTargetError } from '../../src/write/site.js';
import { YamlEditError } from '../../src/write/yaml-edit.js';

// src/cli/errors.ts: the one table from the core's errors to a code, an exit status and a message.
describe('cliErrorOf', () => {
  const edit = Object.assign(new YamlEditError('not-a-list', 'incidents'), { file: '2020/incidents.yaml' });
  it.each([
    [new FileAccessError('data-folder', '/x', 'missing'), 'file-access', EXIT.usage, 'cannot open data folder /x: it does not exist'],
    [new SiteTargetError('/', 'filesystem-root'), 'site-target', EXIT.usage, /^--out \/ is the root of the file system/],
    [
      new PdfError('bad-chromium-path', { path: '/no/chromium' }),
      'pdf',
      EXIT.usage,
      /^BORGERMODE_CHROMIUM=\/no\/chromium is not a file that can be run\./,
    ],
    [
      new ProjectBusyError('/p/.borgermode.lock'),
      'busy',
      EXIT.usage,
      'the project is locked by another borgermode that is writing (/p/.borgermode.lock); try again in a moment',
    ],
    [
      edit,
      'edit',
      EXIT.invalidData,
      'cannot write to 2020/incidents.yaml: incidents is not a list; fix the file first (run "borgermode validate")',
    ],
  ] as const)('%s: code %s, exit %s', (error, code, exitCode, message) => {
    const cli = cliErrorOf(error, 'en');
    expect(cli).toBeInstanceOf(CliError);
    expect(cli).toMatchObject({ code, exitCode });
    expect(cli!.message).toMatch(message);
  });

  it('gives the message in the language asked for', () => {
    expect(cliErrorOf(new ProjectBusyError('/p/.borgermode.lock'), 'da')!.message).toBe(
      'projektet er låst af en anden borgermode, der skriver (/p/.borgermode.lock); prøv igen om lidt',
    );
  });

  it('passes a CliError through as it is, and knows no other error: that is a fault (exit 70 in run.ts)', () => {
    const usage = new CliError('bad', 'usage');
    expect(cliErrorOf(usage, 'en')).toBe(usage);
    expect(cliErrorOf(new TypeError('x'), 'en')).toBeUndefined();
    expect(cliErrorOf('a string', 'en')).toBeUndefined();
    // Matched by class name, never by anything a message could carry.
    expect(cliErrorOf(Object.assign(new Error('x'), { name: 'toString' }), 'en')).toBeUndefined();
  });

  it('rethrowInLang throws the CliError, or the error itself when it is not known', () => {
    expect(() => rethrowInLang(new ProjectBusyError('/l'), 'en')).toThrow(CliError);
    const fault = new RangeError('x');
    expect(() => rethrowInLang(fault, 'en')).toThrow(fault);
  });
});

describe('CODE_EXIT', () => {
  it('gives each code its exit status from cli.md', () => {
    expect(CODE_EXIT).toEqual({ usage: 2, 'file-access': 2, 'site-target': 2, pdf: 2, busy: 2, edit: 1, interrupted: 130 });
    expect(new CliError('x', 'interrupted').exitCode).toBe(130);
  });
});
