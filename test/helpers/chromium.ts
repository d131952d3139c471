import { findChromium } from '../../src/write/pdf.js';

/** The system's Chromium for the tests that print, or undefined (then they are skipped; .ci/run installs it). */
export const chromium = ((): string | undefined => {
  try {
    return findChromium({ env: process.env });
  } catch {
    return undefined;
  }
})();
