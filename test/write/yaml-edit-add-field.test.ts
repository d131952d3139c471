import { describe, expect, it } from 'vitest';
import { addFieldToRecords } from '../../src/write/yaml-edit.js';

// src/write/yaml-edit.ts addFieldToRecords: one field into many records at once, every other byte kept.
describe('addFieldToRecords', () => {
  it('puts the field right after the id of each record named, comments and blank lines kept', () => {
    const text =
      '# Hændelser\nincidents:\n  - id: a # den første\n    date: 2020-01-01\n\n  - id: b\n    date: 2020-01-02 # sidst\n  - id: c\n    area: syd\n';
    expect(addFieldToRecords(text, 'incidents', [0, 1], 'area', 'park')).toBe(
      '# Hændelser\nincidents:\n  - id: a # den første\n    area: park\n    date: 2020-01-01\n\n  - id: b\n    area: park\n    date: 2020-01-02 # sidst\n  - id: c\n    area: syd\n',
    );
  });

  it('in a flow record too, and after the last field when the id is last or missing', () => {
    expect(
      addFieldToRecords(
        'incidents:\n  - { id: a, date: 2020-01-01 }\n  - {date: 2020-01-02, id: b}\n',
        'incidents',
        [0, 1],
        'area',
        'park',
      ),
    ).toBe('incidents:\n  - { id: a, area: park, date: 2020-01-01 }\n  - {date: 2020-01-02, id: b, area: park}\n');
    expect(addFieldToRecords('activities:\n  - date: 2020-01-01\n    kind: patrol\n', 'activities', [0], 'area', 'park')).toBe(
      'activities:\n  - date: 2020-01-01\n    kind: patrol\n    area: park\n',
    );
  });

  it('keeps CRLF line ends, and refuses a record that has the field already', () => {
    expect(addFieldToRecords('incidents:\r\n  - id: a\r\n    date: 2020-01-01\r\n', 'incidents', [0], 'area', 'park')).toBe(
      'incidents:\r\n  - id: a\r\n    area: park\r\n    date: 2020-01-01\r\n',
    );
    expect(() => addFieldToRecords('incidents:\n  - id: a\n    area: x\n', 'incidents', [0], 'area', 'park')).toThrow(/has area already/);
  });

  it('edits a thousand records of a file in one go', () => {
    const text = `incidents:\n${Array.from({ length: 1000 }, (_, i) => `  - id: inc-${i}\n    date: 2020-01-01\n    category: theft\n`).join('')}`;
    const out = addFieldToRecords(text, 'incidents', [...Array(1000).keys()], 'area', 'park');
    expect(out.match(/^ {4}area: park$/gm)).toHaveLength(1000);
  });
});

describe('appendRecords', () => {
  it('appends records as appendRecord does one by one, in one check', async () => {
    const { appendRecord, appendRecords } = await import('../../src/write/yaml-edit.js');
    const texts = [
      '# Hændelser\nincidents:\n  - id: a\n    date: 2020-01-01\n\n  - id: b\n    date: 2020-01-02\n',
      'incidents:\n  - { id: a, date: 2020-01-01 }\n  - { id: b, date: 2020-01-02 }\nactivities: []\n',
      `incidents:\n${Array.from({ length: 400 }, (_, i) => `  - id: inc-${i}\n    date: 2020-01-01\n    category: theft\n`).join('')}`,
      // Long lists: blank lines between block records, one-line records, a comment after the last, another kind after.
      `# Hændelser\nincidents:\n${Array.from({ length: 500 }, (_, i) => `  - id: inc-${i} # nr. ${i}\n    date: 2020-01-01\n    category: theft\n\n`).join('')}  # sidst\nactivities: []\n`,
      `incidents:\n${Array.from({ length: 800 }, (_, i) => `  - { id: inc-${i}, date: 2020-01-01, category: theft }\n`).join('')}`,
      `incidents:\r\n${Array.from({ length: 500 }, (_, i) => `  - id: inc-${i}\r\n    date: 2020-01-01\r\n    category: theft\r\n`).join('')}`,
    ];
    const records = [
      { id: 'x', date: '2020-02-01', category: 'theft' },
      { id: 'y', date: '2020-02-02', category: 'violence', summary: 'To linjer\nher' },
      ...Array.from({ length: 12 }, (_, i) => ({ id: `z-${i}`, date: '2020-02-03', category: 'theft', count: i + 1 })),
    ];
    for (const text of texts) {
      const oneByOne = records.reduce((t, r) => appendRecord(t, 'incidents', r).text, text);
      const batch = appendRecords(text, 'incidents', records);
      expect(batch.text).toBe(oneByOne);
      expect(batch.index).toBe(appendRecord(text, 'incidents', records[0]!).index);
    }
  });
});
