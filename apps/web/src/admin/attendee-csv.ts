/**
 * The attendee CSV in the browser: read back the file an organizer uploaded (RFC 4180, as the server
 * reads it) and write the rows the server refused as a CSV to fix and upload again, with the original
 * header, in the same columns.
 */

/**
 * The records of a CSV text: UTF-8 BOM dropped, fields split on commas, RFC 4180 quoting (a quoted
 * field may hold commas, line breaks and doubled quotes), CRLF or LF line ends. Blank lines yield no
 * record, as the server skips them (csv-parse `skip_empty_lines`), so record n + 1 is the server's
 * data row n.
 */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let touched = false; // the current record has content (a blank line does not)
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      quoted = true;
      touched = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      if (touched || field.trim() !== '') records.push(record);
      record = [];
      field = '';
      touched = false;
    } else {
      field += c;
      touched = true;
    }
  }
  record.push(field);
  if (touched || field.trim() !== '') records.push(record);
  return records;
}

/** One field as RFC 4180 wants it: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as CSV text: CRLF line ends, a UTF-8 BOM first (so spreadsheet programs read the accents right). */
export function toCsv(records: readonly (readonly string[])[]): string {
  return '\uFEFF' + records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * The refused rows of an upload, to fix and upload again: the original header, then each refused
 * data row (`rows` are the report's 1-based data-row numbers, header excluded) as it was in the file.
 * Null when the file has no header or none of the rows is found.
 */
export function refusedRowsCsv(original: string, rows: readonly number[]): string | null {
  const [header, ...data] = parseCsv(original);
  if (!header) return null;
  const picked = [...new Set(rows)]
    .sort((a, b) => a - b)
    .map((n) => data[n - 1])
    .filter((r): r is string[] => !!r);
  return picked.length ? toCsv([header, ...picked]) : null;
}
