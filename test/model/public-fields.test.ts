import { describe, expect, it } from 'vitest';
import { PUBLIC_FIELDS, publicRecord } from '../../src/model/public-fields.js';
import { RECORD_KINDS, RECORD_SCHEMAS } from '../../src/model/schema.js';

describe('the public allowlist', () => {
  it.each(RECORD_KINDS)('lists fields of %s, each once, in the schema order', (kind) => {
    const fields = Object.keys(RECORD_SCHEMAS[kind].entries);
    expect(PUBLIC_FIELDS[kind]).toEqual(fields.filter((field) => PUBLIC_FIELDS[kind].includes(field as never)));
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
