import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/temp-project.js';

// The machines run Node 20.20 and package.json promises >= 20.19: every package the lockfile
// installs (dependencies and tools alike) must say it runs there. Newer releases of several
// packages need Node 22 (docx 9.7.2 brings nanoid 6, for one), so this keeps a version bump from
// quietly leaving Node 20 behind.

const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const promised = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

describe('the lockfile', () => {
  it('installs only packages that run on the oldest Node package.json promises', () => {
    const oldest = semver.minVersion(promised)!.version;
    expect(oldest).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node !== undefined)
      .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path}@${entry.version}: node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
