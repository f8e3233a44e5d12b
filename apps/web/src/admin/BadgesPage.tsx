import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import type { AccessLevel } from '../gql/graphql';
import { ACCESS_LEVEL_LABEL } from '../programme/access-level';
import { errorMessage, FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ConfirmAction } from './ConfirmAction';
import { useAdmin } from './admin-context';
import s from './AdminTables.module.css';
import { FilterSelect } from './FilterSelect';

const BadgeCounts = graphql(`
  query AdminBadgeCounts($editionId: ID!) {
    none: attendees(editionId: $editionId, filter: { badgeStatus: NONE }, first: 1) {
      totalCount
    }
    pending: attendees(editionId: $editionId, filter: { badgeStatus: PENDING }, first: 1) {
      totalCount
    }
    active: attendees(editionId: $editionId, filter: { badgeStatus: ACTIVE }, first: 1) {
      totalCount
    }
    revoked: attendees(editionId: $editionId, filter: { badgeStatus: REVOKED }, first: 1) {
      totalCount
    }
  }
`);

const GenerateBadges = graphql(`
  mutation AdminGenerateBadges($editionId: ID!) {
    generateBadges(editionId: $editionId) {
      id
      state
      total
      done
      failed
    }
  }
`);

/** A badge batch as the page shows it: from the query, and from each live progress event. */
graphql(`
  fragment AdminBadgeBatchFields on BadgeBatch {
    id
    state
    total
    done
    failed
    failures {
      attendeeId
      badgeId
      reason
    }
  }
`);

const Batch = graphql(`
  query AdminBadgeBatch($id: ID!) {
    badgeBatch(id: $id) {
      ...AdminBadgeBatchFields
    }
  }
`);

const BatchProgress = graphql(`
  subscription AdminBadgeBatchProgress($batchId: ID!) {
    badgeBatchProgress(batchId: $batchId) {
      ...AdminBadgeBatchFields
    }
  }
`);

const PrintSheet = graphql(`
  query AdminPrintSheet(
    $editionId: ID!
    $accessLevel: AccessLevel
    $batchId: ID
    $lastNameFrom: String
    $lastNameTo: String
  ) {
    badgePrintSheetUrl(
      editionId: $editionId
      accessLevel: $accessLevel
      batchId: $batchId
      lastNameFrom: $lastNameFrom
      lastNameTo: $lastNameTo
    )
  }
`);

const Keys = graphql(`
  query AdminBadgeKeys($editionId: ID!) {
    badgeVerificationKeys(editionId: $editionId) {
      kid
      algorithm
    }
  }
`);
const RotateKey = graphql(`
  mutation AdminRotateBadgeKey($editionId: ID!) {
    rotateBadgeKey(editionId: $editionId) {
      kid
      algorithm
    }
  }
`);
const RetireKey = graphql(`
  mutation AdminRetireBadgeKey($editionId: ID!, $kid: String!) {
    retireBadgeKey(editionId: $editionId, kid: $kid)
  }
`);

/** While a batch runs the page polls it too: the live feed may start after the first chunks, or drop. */
const BATCH_POLL_MS = 2000;

/**
 * Badges (/admin/badges): how many attendees stand where, Generate badges for everyone without one
 * (the batch's progress live through badgeBatchProgress, badgeBatch polled beside it; failures listed),
 * print sheets by access level or last-name range, and the signing keys (rotate, retire).
 */
export function Component() {
  useDocumentTitle('Badges');
  const { edition } = useAdmin();
  const editionId = edition?.id ?? '';
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch');
  const counts = useQuery(BadgeCounts, { variables: { editionId }, skip: !edition, fetchPolicy: 'cache-and-network' });
  const [generate, generating] = useMutation(GenerateBadges);
  const refetchCounts = counts.refetch;
  const onProgress = useCallback(() => void refetchCounts(), [refetchCounts]);

  const startBatch = async () => {
    const { data } = await generate({ variables: { editionId } });
    const id = data?.generateBadges.id;
    if (id)
      setParams(
        (p) => {
          p.set('batch', id);
          return p;
        },
        { replace: true },
      );
  };

  return (
    <div className="page">
      <h1>Badges</h1>
      {edition && <p className={s.muted}>{edition.name}</p>}
      <FormError error={counts.error} />
      {edition && (
        <>
          {counts.data && (
            <ul className={s.summary} aria-label="Badges by status">
              <li>
                <strong>{counts.data.none.totalCount}</strong> without a badge
              </li>
              <li>
                <strong>{counts.data.pending.totalCount}</strong> being printed
              </li>
              <li>
                <strong>{counts.data.active.totalCount}</strong> active
              </li>
              <li>
                <strong>{counts.data.revoked.totalCount}</strong> revoked
              </li>
            </ul>
          )}
          <section aria-labelledby="generate">
            <h2 id="generate">Generate</h2>
            <p className="hint">
              One badge for every attendee without a current one (never a second one), rendered by the workers in chunks
              of 50.
            </p>
            <button
              type="button"
              className="button primary"
              disabled={generating.loading}
              onClick={() => void startBatch().catch(() => undefined)}
            >
              Generate badges
            </button>
            <FormError error={generating.error} />
            {batchId && <BatchView key={batchId} batchId={batchId} onProgress={onProgress} />}
          </section>
          <PrintSheets editionId={editionId} batchId={batchId} />
          <SigningKeys editionId={editionId} />
        </>
      )}
    </div>
  );
}

function BatchView({ batchId, onProgress }: { batchId: string; onProgress: () => void }) {
  const { keep } = useAdmin();
  const [finishedSeen, setFinishedSeen] = useState(false);
  const query = useQuery(Batch, {
    variables: { id: batchId },
    fetchPolicy: 'cache-and-network',
    pollInterval: finishedSeen ? 0 : BATCH_POLL_MS,
  });
  // The feed writes the same BadgeBatch into the cache, so the query above shows each chunk as it lands.
  useSubscription(BatchProgress, {
    variables: { batchId },
    skip: finishedSeen,
    onData: () => onProgress(),
  });
  const batch = query.data?.badgeBatch;
  const finished = batch?.state === 'COMPLETED' || batch?.state === 'FAILED';
  useEffect(() => {
    if (!finished) return;
    setFinishedSeen(true);
    onProgress();
  }, [finished, onProgress]);
  if (!batch) return <FormError error={query.error} />;

  const percent = batch.total ? Math.floor(((batch.done + batch.failed) * 100) / batch.total) : 100;
  return (
    <div className={s.section}>
      <h3>Batch</h3>
      {batch.total === 0 ? (
        <p role="status">Everyone already has a badge: nothing to generate.</p>
      ) : (
        <>
          <div
            className={s.progress}
            role="progressbar"
            aria-label="Badge generation"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent} %: ${batch.done} of ${batch.total} badges done${batch.failed ? `, ${batch.failed} failed` : ''}`}
          >
            <div className={s.progressFill} style={{ width: `${percent}%` }} />
          </div>
          <p role="status">
            {finished
              ? `Finished: ${batch.done} of ${batch.total} badges printed${batch.failed ? `, ${batch.failed} failed` : ''}.`
              : `${percent} %: ${batch.done} of ${batch.total} badges done${batch.state === 'QUEUED' ? ' (queued)' : ''}.`}
          </p>
        </>
      )}
      {batch.failures.length > 0 && (
        <div className={s.scroll}>
          <table className={s.table} aria-label="Failed badges">
            <thead>
              <tr>
                <th scope="col">Attendee</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {batch.failures.map((f) => (
                <tr key={f.badgeId}>
                  <td>
                    <Link to={keep(`/admin/attendees/${f.attendeeId}`)}>Attendee {f.attendeeId.slice(0, 8)}</Link>
                  </td>
                  <td>{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function PrintSheets({ editionId, batchId }: { editionId: string; batchId: string | null }) {
  const client = useApolloClient();
  const id = useId();
  const [accessLevel, setAccessLevel] = useState<AccessLevel | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [onlyBatch, setOnlyBatch] = useState(false);
  const [sheets, setSheets] = useState<{ label: string; url: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const variables = {
      editionId,
      accessLevel: accessLevel || null,
      lastNameFrom: from.trim() || null,
      lastNameTo: to.trim() || null,
      batchId: onlyBatch && batchId ? batchId : null,
    };
    try {
      const { data } = await client.query({ query: PrintSheet, variables, fetchPolicy: 'network-only' });
      const url = data?.badgePrintSheetUrl;
      if (url) {
        const parts = [
          accessLevel ? ACCESS_LEVEL_LABEL[accessLevel] : 'All access levels',
          variables.lastNameFrom || variables.lastNameTo
            ? `last names ${variables.lastNameFrom ?? '…'}–${variables.lastNameTo ?? '…'}`
            : 'all last names',
          ...(variables.batchId ? ['this batch'] : []),
        ];
        setSheets((list) => [{ label: `Print sheet: ${parts.join(', ')} (PDF)`, url }, ...list]);
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={s.section} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Print sheets</h2>
      <p className="hint">
        One PDF of active badges sorted by last name, for the onsite printers (at most 2,000 pages: narrow the range for
        more). The link is valid 15 minutes and opens once the worker has rendered the sheet.
      </p>
      <form className={s.toolbar} onSubmit={(e) => void submit(e)}>
        <FilterSelect label="Access level" value={accessLevel} onChange={setAccessLevel} labels={ACCESS_LEVEL_LABEL} />
        <label className={s.field}>
          Last names from
          <input value={from} onChange={(e) => setFrom(e.currentTarget.value)} placeholder="A" maxLength={100} />
        </label>
        <label className={s.field}>
          Last names to
          <input value={to} onChange={(e) => setTo(e.currentTarget.value)} placeholder="M" maxLength={100} />
        </label>
        {batchId && (
          <label className={s.check}>
            <input type="checkbox" checked={onlyBatch} onChange={(e) => setOnlyBatch(e.currentTarget.checked)} />
            Only this batch
          </label>
        )}
        <button type="submit" className="button" disabled={busy}>
          Prepare print sheet
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {sheets.length > 0 && (
        <ul aria-label="Print sheets">
          {sheets.map((sheet) => (
            <li key={sheet.url}>
              <a href={sheet.url} target="_blank" rel="noreferrer">
                {sheet.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SigningKeys({ editionId }: { editionId: string }) {
  const id = useId();
  const keys = useQuery(Keys, { variables: { editionId }, fetchPolicy: 'cache-and-network' });
  const [rotate] = useMutation(RotateKey);
  const [retire] = useMutation(RetireKey);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = keys.data?.badgeVerificationKeys ?? [];

  const act = async (run: () => Promise<unknown>, done: string) => {
    setNotice(null);
    setFailure(null);
    try {
      await run();
      setNotice(done);
      await keys.refetch();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <section className={s.section} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Signing keys</h2>
      <p className="hint">
        Badge codes are signed by the edition’s key; scanners verify them offline with the public keys. Retired keys are
        not listed.
      </p>
      <FormError error={keys.error} />
      {list.length > 0 && (
        <div className={s.scroll}>
          <table className={s.table} aria-label="Signing keys">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Algorithm</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className={s.visuallyHidden}>Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((key, i) => (
                <tr key={key.kid}>
                  <th scope="row">
                    <code>{key.kid}</code>
                  </th>
                  <td>{key.algorithm}</td>
                  <td>{i === 0 ? 'Signs new badges' : 'Rotated out: its badges stay valid'}</td>
                  <td>
                    {i > 0 && (
                      <ConfirmAction
                        label={`Retire key ${key.kid}`}
                        title={`Retire key ${key.kid}?`}
                        confirmLabel="Retire key"
                        danger
                        onConfirm={() =>
                          act(
                            () => retire({ variables: { editionId, kid: key.kid } }),
                            `Key ${key.kid} is retired: its badges are refused at the doors.`,
                          )
                        }
                      >
                        <p>
                          Every badge signed with key <code>{key.kid}</code> becomes <strong>REVOKED</strong> at the
                          doors, on every scanner once it syncs. This cannot be undone: reissue those badges to let
                          their holders in.
                        </p>
                      </ConfirmAction>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmAction
        label="Rotate signing key"
        title="Rotate the signing key?"
        confirmLabel="Rotate"
        onConfirm={() => act(() => rotate({ variables: { editionId } }), 'A new key signs new badges.')}
      >
        <p>
          A new key signs the badges printed from now on. Badges already printed, signed with the current key, stay
          valid at the doors until you retire that key.
        </p>
      </ConfirmAction>
      {notice && <p role="status">{notice}</p>}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
