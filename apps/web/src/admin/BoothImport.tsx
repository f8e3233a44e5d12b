import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql';
import type { AdminImportBoothsMutation } from '../gql/graphql';
import { FormError } from '../ui/FormError';
import { parseCsv } from './attendee-csv';
import { boothRows } from './booth-words';
import s from './Ops.module.css';
import { ImportReportTable, refusedFirst } from './ImportReport';

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
  const ordered = report ? refusedFirst(report.rows) : [];

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
          <ImportReportTable
            rows={ordered}
            subject="Booth"
            subjectOf={(r) => r.code}
            outcome={(r) => OUTCOME[r.outcome] ?? [r.outcome, '']}
            classes={{ scroll: s.scroll, table: s.table, numeric: s.num, pill: s.pill }}
            caption={<>Import report: {result.name}</>}
          />
        </>
      )}
    </>
  );
}
