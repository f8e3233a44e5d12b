import { parse } from 'csv-parse/sync';
import { badInput } from './errors/domain-error';
import { clip, MAX_STRING_LENGTH, stringProblem } from './input-rules';

/** The body of a CSV upload (`Content-Type: text/csv`), or BAD_USER_INPUT. */
export function csvBody(body: unknown, contentType: string | undefined): string {
  if (typeof body !== 'string' || !/^text\/(csv|plain)/.test(contentType ?? ''))
    throw badInput('Send the CSV file as the request body with Content-Type: text/csv');
  return body;
}

/**
 * The data rows of a CSV file with a header row (UTF-8, a BOM is fine, RFC 4180 quoting), each as
 * an object keyed by the fields its header names map to; unknown columns are left out. Refuses a
 * file that is not CSV, or whose header lacks one of the required fields.
 */
export function csvRows<F extends string>(
  csv: string,
  fieldOf: (header: string) => F | undefined,
  required: F[],
  missing: string,
): Partial<Record<F, string | null>>[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw badInput(`The file is not valid CSV: ${clip(error instanceof Error ? error.message : error, 300)}`);
  }
  const [header = [], ...data] = records;
  const fields = header.map(fieldOf);
  if (!required.every((f) => fields.includes(f))) throw badInput(missing);
  return data.map(
    (cells) =>
      Object.fromEntries(fields.flatMap((field, i) => (field ? [[field, cells[i] ?? null]] : []))) as Partial<
        Record<F, string | null>
      >,
  );
}

/**
 * Why one imported row (a CSV line, or a GraphQL import row) is refused for its text alone: a cell
 * with a control character (PostgreSQL refuses U+0000) or over `max` characters. Checked per row,
 * before anything reaches SQL, so a bad cell refuses its row and never the rows around it.
 */
export function rowTextProblem(row: object, max = MAX_STRING_LENGTH): string | undefined {
  for (const [field, value] of Object.entries(row)) {
    const problem = typeof value === 'string' ? stringProblem(value, max) : undefined;
    if (problem) return `${field} ${problem}`;
  }
  return undefined;
}
