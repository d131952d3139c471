import { describe, expect, it } from 'vitest';
import { INTERNAL_FIELDS, PUBLIC_FIELDS, publicRecord } from '../../src/model/public-fields.js';
import { RECORD_KINDS, RECORD_SCHEMAS } from '../../src/model/schema.js';

describe('the public allowlist', () => {
  it.each(RECORD_KINDS)('classifies every field of %s as public or internal, once', (kind) => {
    const fields = Object.keys(RECORD_SCHEMAS[kind].entries).sort();
    const classified = [...PUBLIC_FIELDS[kind], ...INTERNAL_FIELDS].sort();
    expect(classified).toEqual(fields);
  });

  it('keeps internal_note out of every kind', () => {
    for (const kind of RECORD_KINDS) expect(PUBLIC_FIELDS[kind]).not.toContain('internal_note');
  });

  it('copies only allowlisted fields, whatever else the object holds', () => {
    const record = {
      id: 'x',
      area: 'a',
      date: '2020-01-01',
      category: 'theft',
      count: 1,
      source: 'police' as const,
      internal_note: 'secret',
      stray: 'also secret',
    };
    expect(publicRecord('incidents', record)).toEqual({
      id: 'x',
      area: 'a',
      date: '2020-01-01',
      category: 'theft',
      count: 1,
      source: 'police',
    });
  });
});
