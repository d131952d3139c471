import { describe, expect, it } from 'vitest';
import { placeRecord } from '../../src/edit/place-record.js';
import type { FileSummary } from '../../src/edit/project-state.js';

// Where `add` puts a new record (docs/data-entry.md): the user's own layout is continued.

const file = (
  path: string,
  kind: 'incidents' | 'activities' | 'questions' | 'meetings',
  dates: string[],
  readable = true,
  area?: string,
): FileSummary => ({
  file: path,
  readable,
  records: { [kind]: dates.map((date, index) => ({ index, id: `${kind}-${index}`, date, area })) },
});

// A project kept as one folder per area, a file per year (as the generated benchmark project is).
const BY_AREA = [
  file('nord/2019.yaml', 'incidents', ['2019-02-01'], true, 'nord'),
  file('nord/2020.yaml', 'incidents', ['2020-02-01'], true, 'nord'),
  file('syd/2019.yaml', 'incidents', ['2019-03-01'], true, 'syd'),
  file('syd/2020.yaml', 'incidents', ['2020-12-01'], true, 'syd'),
];

const SAMPLE = [
  file('2019/incidents.yaml', 'incidents', ['2019-01-05', '2019-12-31']),
  file('2020/incidents.yaml', 'incidents', ['2020-01-18', '2020-03-31']),
  file('2020/activities.yaml', 'activities', ['2020-01-22', '2020-09-16']),
  file('questions.yaml', 'questions', ['2018-02-20', '2020-01-22']),
  file('meetings.yaml', 'meetings', ['2018-01-24', '2020-08-26']),
];

describe('placeRecord', () => {
  it.each([
    ['the year folder that holds the kind', 'incidents', '2020-05-01', SAMPLE, '2020/incidents.yaml', false],
    ['an earlier year goes to its own year', 'incidents', '2019-06-01', SAMPLE, '2019/incidents.yaml', false],
    ['a new year: the next folder, same file name', 'incidents', '2021-01-05', SAMPLE, '2021/incidents.yaml', true],
    ['a year with no activities yet', 'activities', '2019-03-01', SAMPLE, '2019/activities.yaml', true],
    ['a file for all years', 'questions', '2021-01-05', SAMPLE, 'questions.yaml', false],
    ['meetings in one file', 'meetings', '2024-01-10', SAMPLE, 'meetings.yaml', false],
    ['nothing of the kind yet: incidents by year', 'incidents', '2024-01-10', [], '2024/incidents.yaml', true],
    ['nothing of the kind yet: questions at the root', 'questions', '2024-01-10', [], 'questions.yaml', true],
    [
      'quarter folders, named in the same style, beside the latest',
      'incidents',
      '2020-05-02',
      [
        file('police/2020-Q1/incidents.yaml', 'incidents', ['2020-01-01']),
        file('police/2019-Q4/incidents.yaml', 'incidents', ['2019-12-01']),
      ],
      'police/2020-Q2/incidents.yaml',
      true,
    ],
    ['the same quarter folder', 'incidents', '2020-02-10', [file('2020Q1/x.yaml', 'incidents', ['2020-01-01'])], '2020Q1/x.yaml', false],
    [
      'of two files of the period, the one with the latest record',
      'incidents',
      '2020-03-01',
      [
        file('2020-Q1/incidents.yaml', 'incidents', ['2020-01-01', '2020-02-01']),
        file('2020-Q1/police-export.yaml', 'incidents', ['2020-03-31']),
      ],
      '2020-Q1/police-export.yaml',
      false,
    ],
    [
      'a file that does not read cleanly is never continued',
      'incidents',
      '2020-05-01',
      [file('2020/incidents.yaml', 'incidents', ['2020-01-01'], false), file('2019/incidents.yaml', 'incidents', ['2019-01-01'])],
      '2020/incidents.yaml',
      false,
    ],
    [
      'an empty file of that name is used, not created',
      'questions',
      '2020-05-01',
      [{ file: 'questions.yaml', readable: true, records: {} }],
      'questions.yaml',
      false,
    ],
  ] as const)('%s', (_name, kind, date, files, expected, create) => {
    expect(placeRecord(kind, date, undefined, files as FileSummary[])).toEqual({ file: expected, create });
  });

  it.each([
    ["the area's own file of the year, not the other area's with a later record", 'nord', '2020-05-01', 'nord/2020.yaml', false],
    ["the area's own earlier year", 'syd', '2019-06-01', 'syd/2019.yaml', false],
    ["a new year: a file named for it beside the area's latest", 'nord', '2021-01-05', 'nord/2021.yaml', true],
    ['a new area: the files of the kind at all', 'vest', '2020-05-01', 'syd/2020.yaml', false],
  ] as const)('%s', (_name, area, date, expected, create) => {
    expect(placeRecord('incidents', date, area, BY_AREA)).toEqual({ file: expected, create });
  });

  it('a file named for a quarter continues in the same style', () => {
    const files = [file('police/2020-Q4.yaml', 'incidents', ['2020-11-01'])];
    expect(placeRecord('incidents', '2021-02-01', undefined, files)).toEqual({ file: 'police/2021-Q1.yaml', create: true });
    expect(placeRecord('incidents', '2020-12-24', undefined, files)).toEqual({ file: 'police/2020-Q4.yaml', create: false });
  });

  it('one file of all areas is continued for every area', () => {
    const files = [file('2020/incidents.yaml', 'incidents', ['2020-01-01'], true, 'nord')];
    expect(placeRecord('incidents', '2020-03-01', 'syd', files)).toEqual({ file: '2020/incidents.yaml', create: false });
  });
});
