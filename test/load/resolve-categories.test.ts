import { describe, expect, it } from 'vitest';
import { resolveCategories } from '../../src/load/resolve-categories.js';
import { findingMessage, type Finding } from '../../src/model/finding.js';

describe('resolveCategories', () => {
  it.each(['violence_threats', 'theft_burglary', 'other_crime', 'all_crime', 'all_concerns'])(
    'refuses a category of its own with the id of a public group, %s, at the id',
    (id) => {
      const findings: Finding[] = [];
      resolveCategories([{ id, da: 'Egen' }], findings);
      expect(findings).toEqual([
        expect.objectContaining({
          file: 'borgermode.yaml',
          path: ['categories', 0, 'id'],
          severity: 'error',
          code: 'category-reserved-id',
        }),
      ]);
      expect(findingMessage(findings[0]!, 'da')).toBe(
        `kategori-id'et ${id} er en af de grupper, offentlige udgaver samler kategorierne i (violence_threats, theft_burglary, other_crime, all_crime, all_concerns); forventede et andet id, f.eks. ${id}_2`,
      );
    },
  );

  it('accepts an id of its own beside them, and a built-in relabelled', () => {
    const findings: Finding[] = [];
    const categories = resolveCategories(
      [
        { id: 'graffiti', da: 'Graffiti' },
        { id: 'theft', da: 'Tyverier' },
      ],
      findings,
    );
    expect(findings).toEqual([]);
    expect(categories.find((c) => c.id === 'theft')!.labels.da).toBe('Tyverier');
    expect(categories.at(-1)).toMatchObject({ id: 'graffiti', crime: true, builtIn: false });
  });
});
