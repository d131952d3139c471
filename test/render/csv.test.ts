import { describe, expect, it } from 'vitest';
import { type CsvCell, csvFigure, renderCsv } from '../../src/render/csv.js';

// The two CSV dialects (src/render/csv.ts) and the neutralising of text that a spreadsheet would
// run as a formula (OWASP, "CSV Injection"): a text cell beginning with =, +, -, @, a tab or a
// carriage return gets a leading "'"; a number never does.

const plain = (rows: CsvCell[][]) => renderCsv(rows, { excel: false });
const excel = (rows: CsvCell[][]) => renderCsv(rows, { excel: true });

describe('renderCsv: the dialects', () => {
  it('plain: "," between fields, LF after every row, no BOM', () => {
    expect(
      plain([
        ['id', 'n'],
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('id,n\na,1\nb,2\n');
  });

  it('--excel: ";" between fields, CRLF after every row, a UTF-8 BOM first', () => {
    const csv = excel([
      ['id', 'n'],
      ['a', 1],
      ['b', 2],
    ]);
    expect(csv).toBe('\ufeffid;n\r\na;1\r\nb;2\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes numbers from numbers: a point in plain CSV, a decimal comma for Excel, an ASCII minus, 0 as 0', () => {
    const row: CsvCell[] = ['a', 1234.5, -3, 0, 12.7, -0.5];
    expect(plain([row])).toBe('a,1234.5,-3,0,12.7,-0.5\n');
    expect(excel([row])).toBe('\ufeffa;1234,5;-3;0;12,7;-0,5\r\n');
  });

  it('writes an empty field for null (nothing recorded) and for an empty text', () => {
    expect(plain([['a', null, '', 1]])).toBe('a,,,1\n');
    expect(excel([['a', null, '', 1]])).toBe('\ufeffa;;;1\r\n');
  });

  it.each<[string, string, string, string]>([
    ['a separator', 'a,b', '"a,b"', 'a,b'],
    ['the other dialect’s separator', 'a;b', 'a;b', '"a;b"'],
    ['a quote (doubled)', 'sagde "nej"', '"sagde ""nej"""', '"sagde ""nej"""'],
    ['a line feed', 'a\nb', '"a\nb"', '"a\nb"'],
    ['a carriage return inside', 'a\rb', '"a\rb"', '"a\rb"'],
    ['CRLF inside', 'a\r\nb', '"a\r\nb"', '"a\r\nb"'],
    ['nothing special', 'Værebro Park', 'Værebro Park', 'Værebro Park'],
  ])('quotes a text with %s as CSV requires, and only then', (_, text, plainCell, excelCell) => {
    expect(plain([['id', text]])).toBe(`id,${plainCell}\n`);
    expect(excel([['id', text]])).toBe(`\ufeffid;${excelCell}\r\n`);
  });
});

describe('renderCsv: text that would run as a formula', () => {
  it.each<[string, string, string]>([
    ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`, `"'=HYPERLINK(""http://x"",""klik"")"`],
    ['=1+1', `'=1+1`, `'=1+1`],
    ['+1', `'+1`, `'+1`],
    ['-2+3', `'-2+3`, `'-2+3`],
    ['-3', `'-3`, `'-3`],
    ['@SUM(A1)', `'@SUM(A1)`, `'@SUM(A1)`],
    ['\tx', `'\tx`, `'\tx`],
    ['\rx', `"'\rx"`, `"'\rx"`],
    ['=A1;B1', `'=A1;B1`, `"'=A1;B1"`],
    ['=A1,B1', `"'=A1,B1"`, `'=A1,B1`],
    // The full-width forms too, which Apple Numbers reads as the ASCII ones.
    ['＝1+1', `'＝1+1`, `'＝1+1`],
    ['＠SUM(A1)', `'＠SUM(A1)`, `'＠SUM(A1)`],
  ])('%j gets a leading quote (plain %s, Excel %s)', (text, plainCell, excelCell) => {
    expect(
      plain([
        ['id', 'label'],
        ['a', text],
      ]),
    ).toBe(`id,label\na,${plainCell}\n`);
    expect(
      excel([
        ['id', 'label'],
        ['a', text],
      ]),
    ).toBe(`\ufeffid;label\r\na;${excelCell}\r\n`);
  });

  it('neutralises every cell of a row, the first too', () => {
    expect(plain([['=a', '+b', '-c', '@d']])).toBe(`'=a,'+b,'-c,'@d\n`);
  });

  it('leaves text that only holds those characters later alone', () => {
    expect(plain([['a', 'x=1', 'klub+skole', 'A-B', 'mail@x', ' =1', "'=1"]])).toBe(`a,x=1,klub+skole,A-B,mail@x, =1,'=1\n`);
  });

  it('never touches a number: −3 is -3, and a negative decimal keeps its minus in Excel', () => {
    expect(plain([['change', -3, -38, -0.5]])).toBe('change,-3,-38,-0.5\n');
    expect(excel([['change', -3, -38, -0.5]])).toBe('\ufeffchange;-3;-38;-0,5\r\n');
  });
});

describe('csvFigure', () => {
  it.each<[string, Parameters<typeof csvFigure>[0], CsvCell]>([
    ['a whole shown figure is its number', { text: '1.234', value: 1234, mark: 'shown' }, 1234],
    ['a provisional one keeps its "*" (text)', { text: '1.234*', value: 1234, mark: 'shown', partial: true }, '1234*'],
    ['a suppressed one is "<5"', { text: '<5', value: null, mark: 'primary' }, '<5'],
    ['a provisional suppressed one is "<5*"', { text: '<5*', value: null, mark: 'primary', partial: true }, '<5*'],
    ['a hidden one is "x"', { text: 'x', value: null, mark: 'secondary' }, 'x'],
    ['no data is empty', { text: '–', value: null, mark: 'no-data' }, null],
  ])('%s', (_, figure, cell) => {
    expect(csvFigure(figure)).toBe(cell);
  });
});
