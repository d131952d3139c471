import { describe, expect, it } from 'vitest';
import { CLI_TEXT_KEYS, cliText } from '../../src/cli/messages.js';
import { lix } from '../../src/model/readability.js';
import { MESSAGE_KEYS, t } from '../../src/render/i18n.js';

// Plain Danish (issue 20, item 5): one in six Danes reads poorly, so the tool's own Danish stays
// easy to read: LIX under 35 (src/model/readability.ts). A value put into a text ({date}, {n})
// counts as one short word.

const LIMIT = 35;
const filled = (text: string) => text.replace(/\{[a-z_]+\}/g, 'X');
const handout = MESSAGE_KEYS.map((key) => ({ key, text: filled(t('da', key)) }));
const messages = CLI_TEXT_KEYS.map((key) => ({ key, text: filled(cliText('da', key)) }));

describe("the tool's own Danish", () => {
  it(`every text of the handouts (brief, summary, comparison, site) of 20 words or more is under LIX ${LIMIT}`, () => {
    const measured = handout.filter(({ text }) => lix(text).words >= 20);
    expect(measured.length).toBeGreaterThan(10);
    expect(measured.filter(({ text }) => lix(text).lix >= LIMIT).map(({ key, text }) => `${key} (LIX ${lix(text).lix}): ${text}`)).toEqual(
      [],
    );
  });

  it(`all its sentences together, the command line's messages too, are under LIX ${LIMIT}`, () => {
    // The messages name flags and files (--data MAPPE, borgermode.yaml), so they are measured together, not one by one.
    const sentences = [...handout, ...messages].map(({ text }) => text).filter((text) => /[.!?]$/.test(text));
    const measured = lix(sentences.join(' '));
    expect(measured.words).toBeGreaterThan(1000);
    expect(measured.lix).toBeLessThan(LIMIT);
  });
});
