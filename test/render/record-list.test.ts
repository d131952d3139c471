import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildListView, listRecordsJson, renderListCsv, renderListTable } from '../../src/render/record-list.js';
import { activity, incident, question } from '../helpers/dataset.js';

const CATEGORIES = new Map([['burglary', { da: 'Indbrud', en: 'Burglary' }]]);

describe('the list table', () => {
  const view = buildListView(
    'questions',
    [
      question({ id: 'q-1', date: '2020-01-22', question: 'Kan der komme mere lys ved Blok 5 om aftenen, når det er mørkt?' }),
      question({ id: 'q-22', date: '2020-02-01', status: 'in_progress', owner: 'housing', rumour: true, question: 'Narko?' }),
    ],
    { lang: 'da', categories: CATEGORIES },
  );

  it('has a header, a rule and a line per record, with labels in the language and the area only in a project of several', () => {
    expect(renderListTable(view, { withArea: false })).toBe(
      [
        'Id    Dato        Status  Ansvarlig       Rygte  Spørgsmål',
        '────  ──────────  ──────  ──────────────  ─────  ───────────────────────────────────────────────────────────────',
        'q-1   2020-01-22  Åben    Politiet               Kan der komme mere lys ved Blok 5 om aftenen, når det er mørkt?',
        'q-22  2020-02-01  I gang  Boligselskabet  ja     Narko?',
        '',
      ].join('\n'),
    );
    expect(renderListTable(view, { withArea: true }).split('\n')[0]).toBe(
      'Id    Dato        Område  Status  Ansvarlig       Rygte  Spørgsmål',
    );
  });

  it('shortens the long text with "…" so a line fits the terminal, never below ten columns', () => {
    const lines = renderListTable(view, { width: 70, withArea: false }).trimEnd().split('\n');
    expect(lines[2]).toBe('q-1   2020-01-22  Åben    Politiet               Kan der komme mere l…');
    expect(Math.max(...lines.map((l) => [...l].length))).toBe(70);
    expect(renderListTable(view, { width: 20, withArea: false }).split('\n')[2]).toMatch(/Kan der k…$/);
  });

  it('counts wide characters as two columns, so the columns after them stay aligned', () => {
    const wide = buildListView(
      'incidents',
      [incident({ id: 'i-1', zone: '中心', category: 'burglary' }), incident({ id: 'i-2', zone: 'Blok', category: 'burglary' })],
      {
        lang: 'en',
        categories: CATEGORIES,
      },
    );
    const [, , one, two] = renderListTable(wide, { withArea: false }).split('\n');
    // 中心 is two characters and four columns, as wide as Blok: Police starts in the same column.
    expect(stringWidth(one!.slice(0, one!.indexOf('Police')))).toBe(stringWidth(two!.slice(0, two!.indexOf('Police'))));
    expect(one!.indexOf('Police')).toBe(two!.indexOf('Police') - 2);
  });

  it('puts numbers right-aligned and in Danish form', () => {
    const view = buildListView('activities', [activity({ participants: 1234, hours: 2.5 }), activity({ id: 'a2', participants: 7 })], {
      lang: 'da',
      categories: CATEGORIES,
    });
    const lines = renderListTable(view, { withArea: false }).split('\n');
    expect(lines[2]).toContain('    1.234    2,5');
    expect(lines[3]).toContain('        7');
  });
});

describe('list CSV and JSON', () => {
  const view = buildListView('activities', [activity({ id: 'a1', title: '=HYPERLINK("x")', participants: 12, hours: 1.5 })], {
    lang: 'da',
    categories: CATEGORIES,
  });

  it('carry the field names and the values as written (ids, numbers), the area always', () => {
    expect(listRecordsJson(view)).toEqual([
      { id: 'a1', date: '2020-02-15', area: 'a', kind: 'patrol', status: 'done', participants: 12, hours: 1.5, title: '=HYPERLINK("x")' },
    ]);
    expect(renderListCsv(view, { excel: false })).toBe(
      'id,date,area,kind,status,participants,hours,title\na1,2020-02-15,a,patrol,done,12,1.5,"\'=HYPERLINK(""x"")"\n',
    );
  });

  it('in the Excel dialect: ";", a decimal comma and a byte order mark', () => {
    expect(renderListCsv(view, { excel: true })).toBe(
      '\ufeffid;date;area;kind;status;participants;hours;title\r\na1;2020-02-15;a;patrol;done;12;1,5;"\'=HYPERLINK(""x"")"\r\n',
    );
  });
});
