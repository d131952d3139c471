import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** LibreOffice's soffice for the tests that open office files as an office PC would, or undefined (then they are skipped; .ci/run installs it). */
export const soffice = ((): string | undefined => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

/** Converts `file` to PDF as an office PC would open it (LibreOffice headless, a profile of its own); the PDF's path, which may be missing when LibreOffice could not open the file. */
export function convertToPdf(file: string): string {
  const out = mkdtempSync(join(tmpdir(), 'borgermode-office-'));
  execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return join(out, basename(file).replace(/\.[^.]+$/, '.pdf'));
}
