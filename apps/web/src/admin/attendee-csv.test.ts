import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, refusedRowsCsv, toCsv } from './attendee-csv';

/** The server reads uploads with csv-parse (libs/core/src/csv.ts): the same rows, without its trimming. */
const serverRows = (text: string): string[][] =>
  parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and drops the BOM', () => {
    const text = '\uFEFFemail,company\r\na@x.example,"Mercy, General"\n"b@x.example","Say ""hi""\r\nthere"\r\n';
    expect(parseCsv(text)).toEqual([
      ['email', 'company'],
      ['a@x.example', 'Mercy, General'],
      ['b@x.example', 'Say "hi"\r\nthere'],
    ]);
  });

  it('skips blank lines as the server does, so row numbers match its report', () => {
    const cases = [
      'email,first name\n\na@x.example,Ann\n\n\nb@x.example,Bo\n',
      'email\r\n\r\na@x.example\r\n',
      'email,name\n"",""\n,\nlast@x.example,"Zoë"',
      'email\na@x.example\n"quoted\n\nbreak"\n',
      'a,b,c\n1,2\n3,4,5,6\n',
    ];
    for (const text of cases) expect(parseCsv(text)).toEqual(serverRows(text));
  });
});

describe('csvField and toCsv', () => {
  it('quotes only what needs it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('writes a BOM and CRLF line ends, and reads back what it wrote', () => {
    const records = [
      ['email', 'company'],
      ['a@x.example', 'Mercy, "General"\nHospital'],
    ];
    const text = toCsv(records);
    expect(text.startsWith('\uFEFFemail,company\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(records);
    expect(serverRows(text)).toEqual(records);
  });
});

describe('refusedRowsCsv', () => {
  const upload = [
    'Email,First Name,Last Name,Pass',
    'good@x.example,Ann,Archer,Full conference',
    '',
    'not-an-email,Bob,"Baker, Jr.",Expo only',
    'c@x.example,Cy,Cole,Gold',
    'd@x.example,Di,Dunn,Press',
  ].join('\n');

  it('keeps the original header and the refused rows as they were, by data-row number', () => {
    const csv = refusedRowsCsv(upload, [4, 2, 2]);
    expect(csv).toBe(
      '\uFEFFEmail,First Name,Last Name,Pass\r\nnot-an-email,Bob,"Baker, Jr.",Expo only\r\nd@x.example,Di,Dunn,Press\r\n',
    );
    expect(serverRows(csv!)).toEqual([
      ['Email', 'First Name', 'Last Name', 'Pass'],
      ['not-an-email', 'Bob', 'Baker, Jr.', 'Expo only'],
      ['d@x.example', 'Di', 'Dunn', 'Press'],
    ]);
  });

  it('is null when nothing matches or there is no header', () => {
    expect(refusedRowsCsv(upload, [])).toBeNull();
    expect(refusedRowsCsv(upload, [9])).toBeNull();
    expect(refusedRowsCsv('', [1])).toBeNull();
  });
});
