import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutraliseFormula, parseCsv } from './csv';

describe('csv', () => {
  it('when cells hold quotes, commas, newlines and Thai, then a parse of the written line gives them back', () => {
    const cells = ['มี "คำพูด"', 'a,b', 'บรรทัด\nใหม่', 'ปกติ'];

    expect(parseCsv(csvLine(cells))).toEqual([cells]);
  });

  it('when a text starts like a formula, then it is neutralised; numbers are kept as they are', () => {
    expect(['=1+1', '+66', '-5', '@SUM(A1)', '\tx'].map(neutraliseFormula)).toEqual(["'=1+1", "'+66", "'-5", "'@SUM(A1)", "'\tx"]);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('=cmd|calc')).toBe("'=cmd|calc");
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('when a text starts with %j, then it gets a leading apostrophe in the cell', (start) => {
    // Arrange: a carriage return is a line break to some spreadsheets, so what follows it would run.
    const text = `${start}HYPERLINK("http://evil.example","x")`;

    // Act
    const cell = csvCell(text);

    // Assert
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(parseCsv(cell)[0]).toEqual([`'${text}`]);
  });

  it('when a formula character is inside the text, not at its start, then the text is left alone', () => {
    expect(['a=b', 'x\r=1', 'ราคา -5'].map(neutraliseFormula)).toEqual(['a=b', 'x\r=1', 'ราคา -5']);
  });

  it('when the file has a BOM and CRLF line ends, then both are handled and blank lines dropped', () => {
    expect(parseCsv('\uFEFFa,b\r\n\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
