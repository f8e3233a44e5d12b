import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import type { AdminImportBoothsMutation } from '../gql/graphql';
import { FormError } from '../ui/FormError';
import { parseCsv } from './attendee-csv';
import { boothRows } from './booth-words';
import s from './Ops.module.css';

const ImportBooths = graphql(`
  mutation AdminImportBooths($editionId: ID!, $rows: [BoothImportRow!]!) {
    importBooths(editionId: $editionId, rows: $rows) {
      created
      updated
      unchanged
      refused
      rows {
        row
        code
        outcome
        reason
        boothId
      }
    }
  }
`);

const OUTCOME: Record<string, [string, string]> = {
  CREATED: ['Created', s.good],
  UPDATED: ['Updated', s.warn],
  UNCHANGED: ['Unchanged', s.muted],
  REFUSED: ['Refused', s.bad],
};

/** Booth CSV import: the file read here (header code,hall,x,y,width,depth,type), sent as rows, the server's per-row report as a table (refused rows first). */
export function BoothImport({ editionId }: { editionId: string }) {
  const [run, importing] = useMutation(ImportBooths, { refetchQueries: ['AdminBooths'] });
  const [result, setResult] = useState<{ name: string; report: AdminImportBoothsMutation['importBooths'] } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    const rows = boothRows(parseCsv(await file.text()));
    if (rows.length === 0) {
      setProblem('The file has no booth rows under its header.');
      return;
    }
    const { data } = await run({ variables: { editionId, rows } });
    if (data) setResult({ name: file.name, report: data.importBooths });
  };
  const report = result?.report;
  const ordered = report
    ? [...report.rows.filter((r) => r.outcome === 'REFUSED'), ...report.rows.filter((r) => r.outcome !== 'REFUSED')]
    : [];

  return (
    <>
      <p className="hint">
        A CSV with the header <code>code,hall,x,y,width,depth,type</code> (metres from the hall’s top-left corner; the
        hall by name). Booths are matched by code: importing again updates them.
      </p>
      <label className={s.field}>
        Import booths CSV
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={importing.loading}
          onChange={(e) => {
            const input = e.currentTarget;
            void upload(input.files?.[0])
              .catch(() => undefined)
              .finally(() => (input.value = ''));
          }}
        />
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <FormError error={importing.error} />
      {report && (
        <>
          <p role="status">
            {result.name}: {report.created} created, {report.updated} updated, {report.unchanged} unchanged,{' '}
            {report.refused} refused.
          </p>
          <div className={s.scroll}>
            <table className={s.table}>
              <caption>Import report: {result.name}</caption>
              <thead>
                <tr>
                  <th scope="col" className={s.num}>
                    Row
                  </th>
                  <th scope="col">Booth</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {ordered.map((r) => (
                  <tr key={r.row}>
                    <td className={s.num}>{r.row}</td>
                    <td>{r.code ?? '—'}</td>
                    <td>
                      <span className={`${s.pill} ${OUTCOME[r.outcome]?.[1] ?? ''}`}>
                        {OUTCOME[r.outcome]?.[0] ?? r.outcome}
                      </span>
                    </td>
                    <td>{r.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
