import { execFileSync } from 'node:child_process';

/** LibreOffice's soffice for the tests that open office files as an office PC would, or undefined (then they are skipped; .ci/run installs it). */
export const soffice = ((): string | undefined => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();
