import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileAccessError } from '../../src/model/file-access-error.js';
import { writeOutputFile } from '../../src/write/write-output.js';

// src/write/write-output.ts: a file is written whole or not at all; what is not a regular file is never replaced by one.
const work = mkdtempSync(join(tmpdir(), 'borgermode-write-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileAccessError);
  return (error as FileAccessError).reason;
};

describe('writeOutputFile', () => {
  it('writes a new file, then replaces it whole, keeping its mode and leaving no temporary file', async () => {
    await writeOutputFile(work, 'brief.md', 'first\n');
    chmodSync(join(work, 'brief.md'), 0o640);
    await writeOutputFile(work, 'brief.md', 'second\n');
    expect(readFileSync(join(work, 'brief.md'), 'utf8')).toBe('second\n');
    expect(statSync(join(work, 'brief.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes through a symbolic link to the file it points to, and keeps the link', async () => {
    mkdirSync(join(work, 'shared'));
    writeFileSync(join(work, 'shared', 'real.md'), 'old\n');
    symlinkSync(join(work, 'shared', 'real.md'), join(work, 'link.md'));
    await writeOutputFile(work, 'link.md', 'new\n');
    expect(lstatSync(join(work, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(work, 'shared', 'real.md'), 'utf8')).toBe('new\n');
  });

  it('writes a device in place: /dev/null stays the device (as root, a rename would have replaced it)', async () => {
    await writeOutputFile(work, '/dev/null', 'x'.repeat(10_000));
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('says a full disk is a full disk (/dev/full), and a folder is refused', async () => {
    expect(await refusal(writeOutputFile(work, '/dev/full', 'x'))).toBe('no-space');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(await refusal(writeOutputFile(work, '.', 'x'))).toBe('is-a-folder');
    expect(await refusal(writeOutputFile(work, 'no-such-folder/brief.md', 'x'))).toBe('no-parent');
  });

  // Needs a small tmpfs, so root and mount(8): containers in CI have them; elsewhere the test is skipped.
  const tiny = join(work, 'tiny');
  const mounted = (() => {
    if (process.getuid?.() !== 0) return false;
    try {
      mkdirSync(tiny);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tiny], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  afterAll(() => {
    if (mounted) execFileSync('umount', [tiny], { stdio: 'ignore' });
  });

  it.skipIf(!mounted)(
    'on a disk that fills while writing, fails as a full disk and leaves the previous file whole, with no temporary file',
    async () => {
      writeFileSync(join(tiny, 'brief.html'), 'the previous brief\n');
      writeFileSync(join(tiny, 'filler'), Buffer.alloc(48 * 1024));
      // 30 KB where about 12 KB are left: write(2) writes part of it and says how much.
      expect(await refusal(writeOutputFile(tiny, 'brief.html', 'x'.repeat(30_000)))).toBe('no-space');
      expect(readFileSync(join(tiny, 'brief.html'), 'utf8')).toBe('the previous brief\n');
      expect(readdirSync(tiny).sort()).toEqual(['brief.html', 'filler']);
    },
  );
});
