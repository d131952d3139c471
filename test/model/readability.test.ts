import { describe, expect, it } from 'vitest';
import { lix } from '../../src/model/readability.js';

// LIX (src/model/readability.ts): words per sentence plus the per cent of words over six letters.

describe('lix', () => {
  it('is the words per sentence plus the share of long words', () => {
    // 10 words, 2 sentences, no long word: 5.
    expect(lix('Det er en kort tekst. Den er let at læse.')).toEqual({ lix: 5, words: 10, sentences: 2 });
    // 8 words, 1 sentence, 4 long ones (Politiets, registrering, anmeldelser, kriminalitet): 8 + 50.
    expect(lix('Politiets registrering af anmeldelser om kriminalitet er vigtig.')).toEqual({ lix: 58, words: 8, sentences: 1 });
  });

  it('counts letters, not bytes (æ, ø, å), and a date or a number ends no sentence', () => {
    expect(lix('Mødet på Ærø blev holdt 3.2.2020 med 1.234 gæster.')).toEqual({ lix: 9, words: 9, sentences: 1 });
    expect(lix('Ørkenrævene').words).toBe(1);
    expect(lix('Ørkenrævene').lix).toBe(101);
  });

  it('ends a sentence at ".", ":", "!" and "?"; no end is one sentence', () => {
    expect(lix('Hvad sker der? Vi ved det ikke! Her er svaret: intet').sentences).toBe(3);
    expect(lix('uden punktum').sentences).toBe(1);
    expect(lix('').lix).toBe(0);
  });
});
