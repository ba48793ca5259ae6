import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('csv', () => {
  test('a file starts with a UTF-8 byte-order mark and ends every row with CRLF', () => {
    const text = toCsv(['Ngày', 'Hội thoại'], [['2026-11-01', 12], ['2026-11-02', 0]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('Ngày,Hội thoại\r\n2026-11-01,12\r\n2026-11-02,0\r\n');
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  test('commas, quotes and line breaks are quoted, and quotes inside are doubled', () => {
    expect(csvField('refund, please')).toBe('"refund, please"');
    expect(csvField('the "pro" plan')).toBe('"the ""pro"" plan"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('plain')).toBe('plain');
  });

  test('Persian and Vietnamese text is kept as it is', () => {
    expect(toCsv(['پرسش'], [['بازپرداخت، لطفاً'], ['hoàn tiền']])).toBe('\uFEFFپرسش\r\nبازپرداخت، لطفاً\r\nhoàn tiền\r\n');
  });

  test('numbers are written plainly, and missing values as empty cells', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[0.857, -3, null, undefined], [Number.NaN, 1e21, '', 'x']])).toBe('\uFEFFa,b,c,d\r\n0.857,-3,,\r\n,1e+21,,x\r\n');
  });

  test('text that a spreadsheet would run as a formula is defused with an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('-refund')).toBe("'-refund");
  });
});
