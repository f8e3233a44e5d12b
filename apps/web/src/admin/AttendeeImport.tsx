import { useEffect, useId, useMemo, useState } from 'react';
import { useToken } from '../app/auth';
import { refusedRowsCsv } from './attendee-csv';
import { type AttendeeImportReport, uploadAttendeesCsv } from './attendee-import';
import s from './AdminTables.module.css';
import { ImportReportTable, refusedFirst } from './ImportReport';

/** Rows of the report drawn at most (a 40,000-row import lists its refused rows, then the first others). */
const SHOWN_ROWS = 500;
const OUTCOME = { CREATED: 'Created', UPDATED: 'Updated', UNCHANGED: 'Unchanged', REFUSED: 'Refused' } as const;

/**
 * Import CSV: the file goes to the server as it is; its per-row report comes back as a table (refused
 * rows first), and the refused rows can be downloaded as a CSV with the file's own header to fix and
 * upload again.
 */
export function AttendeeImport({ editionId, onImported }: { editionId: string; onImported: () => void }) {
  const token = useToken();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; text: string; report: AttendeeImportReport } | null>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const text = await file.text();
    const answer = await uploadAttendeesCsv(editionId, text, token);
    setBusy(false);
    if (!answer.ok) {
      setError(answer.message);
      return;
    }
    setResult({ name: file.name, text, report: answer.report });
    onImported();
  };

  const download = useMemo(() => {
    if (!result?.report.refused) return null;
    const refused = result.report.rows.filter((r) => r.outcome === 'REFUSED').map((r) => r.row);
    const csv = refusedRowsCsv(result.text, refused);
    return csv ? URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })) : null;
  }, [result]);
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  const report = result?.report;
  const ordered = useMemo(() => (report ? refusedFirst(report.rows) : []), [report]);
  const refusedName = result ? result.name.replace(/\.csv$/i, '') + '-refused.csv' : 'refused.csv';

  return (
    <section className={s.importBox} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Import attendees</h2>
      <p className="hint">
        A CSV with a header row: email, first name, last name, company, job title, access level. Rows are matched by
        email: new people are created, known ones updated.
      </p>
      <div className={s.buttons}>
        <label className={s.fileButton}>
          <span className="button primary" aria-hidden="true">
            Import CSV
          </span>
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="Import CSV"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void upload(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
        {busy && <span role="status">Importing…</span>}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div>
          <h3 id={`${id}-report`}>Import report: {result.name}</h3>
          <div role="status">
            <ul className={s.summary} aria-label="Import totals">
              <li>
                <strong>{report.created}</strong> created
              </li>
              <li>
                <strong>{report.updated}</strong> updated
              </li>
              <li>
                <strong>{report.unchanged}</strong> unchanged
              </li>
              <li>
                <strong>{report.refused}</strong> refused
              </li>
            </ul>
          </div>
          {download && (
            <p>
              <a className="button" href={download} download={refusedName}>
                Download refused rows
              </a>{' '}
              <span className="hint">Fix them in the file and import it again.</span>
            </p>
          )}
          <ImportReportTable
            rows={ordered.slice(0, SHOWN_ROWS)}
            subject="Email"
            subjectOf={(r) => r.email}
            outcome={(r) => [OUTCOME[r.outcome], s[r.outcome]]}
            classes={{ scroll: s.scroll, table: s.table, numeric: s.numeric, pill: s.pill }}
            labelledBy={`${id}-report`}
          />
          {ordered.length > SHOWN_ROWS && (
            <p className="hint">
              The first {SHOWN_ROWS} of {ordered.length} rows are shown, refused ones first.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
