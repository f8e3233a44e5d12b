import type { ReactNode } from 'react';

/** One row of an import's per-row report, as the attendee and booth imports answer it. */
export interface ImportReportRow {
  row: number;
  outcome: string;
  reason?: string | null;
}

/** The rows of an import report with the refused ones first (each group in file order). */
export function refusedFirst<T extends { outcome: string }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => r.outcome === 'REFUSED'), ...rows.filter((r) => r.outcome !== 'REFUSED')];
}

/**
 * An import's per-row report (Row, what the row names, Outcome as a coloured pill, Reason) in a scrolling
 * box. The classes come from the caller's stylesheet; the table is named by its `caption` or by the
 * element `labelledBy`.
 */
export function ImportReportTable<T extends ImportReportRow>({
  rows,
  subject,
  subjectOf,
  outcome,
  classes,
  caption,
  labelledBy,
}: {
  rows: readonly T[];
  /** The heading of the column naming what each row is about ("Email", "Booth"). */
  subject: string;
  subjectOf: (row: T) => ReactNode;
  /** The outcome's words and its pill's colour class. */
  outcome: (row: T) => [label: string, className: string];
  classes: { scroll: string; table: string; numeric: string; pill: string };
  caption?: ReactNode;
  labelledBy?: string;
}) {
  return (
    <div className={classes.scroll}>
      <table className={classes.table} aria-labelledby={labelledBy}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col" className={classes.numeric}>
              Row
            </th>
            <th scope="col">{subject}</th>
            <th scope="col">Outcome</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const [label, colour] = outcome(r);
            return (
              <tr key={r.row}>
                <td className={classes.numeric}>{r.row}</td>
                <td>{subjectOf(r) ?? '—'}</td>
                <td>
                  <span className={`${classes.pill} ${colour}`}>{label}</span>
                </td>
                <td>{r.reason ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
