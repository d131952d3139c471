import { describe, expect, it } from 'vitest';
import { withoutReviewedNames } from '../../src/load/rules.js';
import type { Finding } from '../../src/model/finding.js';

// The review of possible names (docs/privacy.md): privacy.reviewed_names and the contacts' names
// are taken out of the possible-name warnings; every other finding stays as it is.

const nameFinding = (...names: string[]): Finding => ({
  file: 'r.yaml',
  path: ['activities', 0, 'title'],
  target: 'value',
  severity: 'warning',
  code: 'possible-name',
  params: { field: 'title', names, id: 'a-1' },
});
const other: Finding = {
  file: 'r.yaml',
  path: ['activities', 0, 'summary'],
  target: 'value',
  severity: 'warning',
  code: 'personal-data',
  params: { field: 'summary', data: ['address'], id: 'a-1' },
};

describe('withoutReviewedNames', () => {
  const cases: [name: string, reviewed: string[], contacts: string[], flagged: string, kept: Finding[]][] = [
    ['nothing reviewed', [], [], 'Mette Hansen', [nameFinding('Mette Hansen')]],
    ['a reviewed name', ['Mette Hansen'], [], 'Mette Hansen', []],
    ['a reviewed name in other case and spacing', ['mette  hansen'], [], 'Mette Hansen', []],
    ['a reviewed name in the genitive', ['Mette Hansen'], [], 'Mette Hansens', []],
    ['a contact', [], ['Mette Hansen'], 'Mette Hansen', []],
    ['a name that is not reviewed', ['Anna Ancher'], ['Mette Hansen'], 'Ali Hassan', [nameFinding('Ali Hassan')]],
  ];
  it.each(cases)('%s', (_name, reviewed, contacts, flagged, kept) => {
    const settings = {
      privacy: { min_count: 5, grouping: 'auto' as const, reviewed_names: reviewed },
      contacts: contacts.map((name) => ({ role: 'Lokalbetjent', name })),
    };
    expect(withoutReviewedNames([nameFinding(flagged), other], settings)).toEqual([...kept, other]);
  });

  it('keeps the names of a finding that were not reviewed', () => {
    const settings = { privacy: { min_count: 5, grouping: 'auto' as const, reviewed_names: ['Anna Ancher'] }, contacts: [] };
    expect(withoutReviewedNames([nameFinding('Anna Ancher', 'Ali Hassan')], settings)).toEqual([nameFinding('Ali Hassan')]);
  });
});
