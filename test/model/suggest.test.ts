import { describe, expect, it } from 'vitest';
import { closest, closestOf } from '../../src/model/suggest.js';

// src/model/suggest.ts: the "did you mean" of every message, for plain candidates and for items with several names.
describe('closest', () => {
  it('gives a likely typo, or a prefix of one candidate only, and nothing far off', () => {
    expect(closest('thef', ['theft', 'threats'])).toBe('theft');
    expect(closest('vaerebro', ['vaerebro-park', 'other'])).toBe('vaerebro-park');
    expect(closest('xyzzy', ['theft', 'threats'])).toBeUndefined();
  });
});

describe('closestOf', () => {
  const kinds = [
    { id: 'school_visit', names: ['school_visit', 'Skolebesøg', 'School visit', 'School visits'] },
    { id: 'safety_walk', names: ['safety_walk', 'Tryghedsvandring', 'Safety walk'] },
    { id: 'ssp_meeting', names: ['ssp_meeting', 'SSP-møde', 'SSP meeting'] },
  ];
  const namesOf = (kind: (typeof kinds)[number]) => kind.names;

  it('takes a prefix of several names of one item as that item', () => {
    // Three names start with "school", all of school_visit: plain closest() over the names found none.
    expect(closest('school', kinds.flatMap(namesOf))).toBeUndefined();
    expect(closestOf('school', kinds, namesOf)?.id).toBe('school_visit');
  });

  it('finds the item of the nearest name, in any case', () => {
    expect(closestOf('tryghedsvandrin', kinds, namesOf)?.id).toBe('safety_walk');
    expect(closestOf('SKOLEBESOG', kinds, namesOf)?.id).toBe('school_visit');
  });

  it('gives nothing for a prefix of two items, or a name far off', () => {
    expect(closestOf('s', kinds, namesOf)).toBeUndefined();
    expect(closestOf('parade', kinds, namesOf)).toBeUndefined();
  });
});
