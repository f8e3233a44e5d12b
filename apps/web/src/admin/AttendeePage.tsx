import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { ACCESS_LEVEL_LABEL } from '../programme/access-level';
import { errorMessage, FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ConfirmAction } from './ConfirmAction';
import { useAdmin } from './admin-context';
import s from './AdminTables.module.css';
import { dayTime } from '../programme/days';

const AdminAttendee = graphql(`
  query AdminAttendee($id: ID!) {
    attendee(id: $id) {
      id
      firstName
      lastName
      email
      company
      jobTitle
      accessLevel
      checkedInAt
      emailUpdates
      badge {
        id
        status
        version
        pdfUrl
        qrSvg
      }
      scans(first: 50) {
        id
        scannedAt
        checkpointName
        outcome
        reason
        direction
        annulledAt
      }
      credits {
        total
        sessions {
          credits
          minutesAttended
          session {
            id
            title
            startsAt
          }
        }
      }
      schedule {
        id
        status
        waitlistPosition
        session {
          id
          title
          startsAt
          endsAt
          ceCredits
          room {
            id
            name
          }
        }
      }
    }
  }
`);

/** What the attendee page shows of a badge after issuing, reissuing or revoking it. */
graphql(`
  fragment AdminBadgeState on Badge {
    id
    status
    version
  }
`);

const IssueBadge = graphql(`
  mutation AdminIssueBadge($attendeeId: ID!) {
    issueBadge(attendeeId: $attendeeId) {
      ...AdminBadgeState
    }
  }
`);
const ReissueBadge = graphql(`
  mutation AdminReissueBadge($attendeeId: ID!) {
    reissueBadge(attendeeId: $attendeeId) {
      ...AdminBadgeState
    }
  }
`);
const RevokeBadge = graphql(`
  mutation AdminRevokeBadge($attendeeId: ID!) {
    revokeBadge(attendeeId: $attendeeId) {
      ...AdminBadgeState
    }
  }
`);

const STATUS = { BOOKMARKED: 'Bookmarked', RESERVED: 'Reserved', WAITLISTED: 'Waitlisted' } as const;
const BADGE = { ACTIVE: 'Active', PENDING: 'Pending (being printed)', REVOKED: 'Revoked' } as const;

/**
 * One attendee (/admin/attendees/:id): the registration, the badge (issue, reissue a lost one,
 * revoke, each asked first where it changes what the doors accept) and the schedule.
 */
export function Component() {
  const { id = '' } = useParams();
  const { edition, keep } = useAdmin();
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(AdminAttendee, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [issue] = useMutation(IssueBadge);
  const [reissue] = useMutation(ReissueBadge);
  const [revoke] = useMutation(RevokeBadge);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const a = data?.attendee;
  useDocumentTitle(a ? `${a.firstName} ${a.lastName} · Attendees` : 'Attendee');

  // A new badge is PENDING until the worker renders it: look again until it is ACTIVE.
  const pending = a?.badge?.status === 'PENDING';
  useEffect(() => {
    if (!pending) return;
    startPolling(1500);
    return stopPolling;
  }, [pending, startPolling, stopPolling]);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setFailure(null);
    setNotice(null);
    try {
      await run();
      setNotice(done);
      await refetch();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  const time = (iso: string) => dayTime(iso, edition?.timezone);
  const name = a ? `${a.firstName} ${a.lastName}` : '';

  return (
    <div className="page">
      <p>
        <Link to={keep('/admin/attendees')}>← Attendees</Link>
      </p>
      <h1>{a ? name : 'Attendee'}</h1>
      <FormError error={error} />
      {loading && !a && <p role="status">Loading…</p>}
      {data && !a && !error && <p>No such attendee.</p>}
      {a && (
        <div className={s.columns}>
          <section aria-labelledby="registration">
            <h2 id="registration">Registration</h2>
            <dl className={s.details}>
              <dt>Email</dt>
              <dd>{a.email}</dd>
              <dt>Company</dt>
              <dd>{a.company ?? '—'}</dd>
              <dt>Job title</dt>
              <dd>{a.jobTitle ?? '—'}</dd>
              <dt>Access level</dt>
              <dd>{ACCESS_LEVEL_LABEL[a.accessLevel] ?? a.accessLevel}</dd>
              <dt>Checked in</dt>
              <dd>{a.checkedInAt ? time(a.checkedInAt) : 'Not yet'}</dd>
              <dt>Schedule updates by mail</dt>
              <dd>{a.emailUpdates ? 'Yes' : 'No'}</dd>
            </dl>
          </section>

          <section aria-labelledby="badge">
            <h2 id="badge">Badge</h2>
            {a.badge ? (
              <>
                <dl className={s.details}>
                  <dt>Status</dt>
                  <dd>
                    <span className={`${s.pill} ${s[a.badge.status]}`}>{BADGE[a.badge.status]}</span>
                  </dd>
                  <dt>Version</dt>
                  <dd>{a.badge.version}</dd>
                </dl>
                {a.badge.qrSvg && (
                  <div
                    className={s.qr}
                    role="img"
                    aria-label="Badge QR code"
                    dangerouslySetInnerHTML={{ __html: a.badge.qrSvg }}
                  />
                )}
                {a.badge.pdfUrl && (
                  <p>
                    <a href={a.badge.pdfUrl} target="_blank" rel="noreferrer">
                      Printable badge (PDF)
                    </a>
                  </p>
                )}
              </>
            ) : (
              <p>No current badge: none was issued yet, or the last one was revoked.</p>
            )}
            <div className={s.buttons}>
              {a.badge ? (
                <>
                  <ConfirmAction
                    label="Reissue badge"
                    title={`Reissue ${name}’s badge?`}
                    confirmLabel="Reissue"
                    onConfirm={() =>
                      act(() => reissue({ variables: { attendeeId: a.id } }), 'A new badge version is being printed.')
                    }
                  >
                    <p>
                      For a lost badge: version {a.badge.version} is refused at the doors from now on, and version{' '}
                      {a.badge.version + 1} is printed.
                    </p>
                  </ConfirmAction>
                  <ConfirmAction
                    label="Revoke badge"
                    title={`Revoke ${name}’s badge?`}
                    confirmLabel="Revoke"
                    danger
                    onConfirm={() => act(() => revoke({ variables: { attendeeId: a.id } }), 'The badge is revoked.')}
                  >
                    <p>
                      The doors refuse this badge from now on (REVOKED), online and offline once scanners sync. No new
                      badge is issued: issue one later if needed.
                    </p>
                  </ConfirmAction>
                </>
              ) : (
                <button
                  type="button"
                  className="button primary"
                  onClick={() =>
                    void act(() => issue({ variables: { attendeeId: a.id } }), 'The badge is being printed.')
                  }
                >
                  Issue badge
                </button>
              )}
            </div>
            {notice && <p role="status">{notice}</p>}
            {failure && (
              <p className="form-error" role="alert">
                {failure}
              </p>
            )}
          </section>
        </div>
      )}
      {a && (
        <section aria-labelledby="schedule">
          <h2 id="schedule">Schedule</h2>
          {!a.schedule?.length ? (
            <p className={s.muted}>No sessions in the schedule.</p>
          ) : (
            <div className={s.scroll}>
              <table className={s.table} aria-labelledby="schedule">
                <thead>
                  <tr>
                    <th scope="col">Session</th>
                    <th scope="col">When</th>
                    <th scope="col">Room</th>
                    <th scope="col">Status</th>
                    <th scope="col" className={s.numeric}>
                      CE credits
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {a.schedule.map((entry) => (
                    <tr key={entry.id}>
                      <th scope="row">
                        <Link to={keep(`/sessions/${entry.session.id}`)}>{entry.session.title}</Link>
                      </th>
                      <td>{time(entry.session.startsAt)}</td>
                      <td>{entry.session.room?.name ?? '—'}</td>
                      <td>
                        {entry.status === 'WAITLISTED' && entry.waitlistPosition
                          ? `Waitlisted #${entry.waitlistPosition}`
                          : STATUS[entry.status]}
                      </td>
                      <td className={s.numeric}>{entry.session.ceCredits || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {a && (
        <div className={s.columns}>
          <section aria-labelledby="scans">
            <h2 id="scans">Scans</h2>
            {!a.scans?.length ? (
              <p className={s.muted}>No scans yet.</p>
            ) : (
              <div className={s.scroll}>
                <table className={s.table} aria-labelledby="scans">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Checkpoint</th>
                      <th scope="col">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.scans.map((scan) => (
                      <tr key={scan.id}>
                        <td>{time(scan.scannedAt)}</td>
                        <td>{scan.checkpointName}</td>
                        <td>
                          {scanText(scan)}
                          {scan.annulledAt && <span className={s.muted}> (annulled)</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="credits">
            <h2 id="credits">CE credits</h2>
            {!a.credits?.sessions.length ? (
              <p className={s.muted}>No credits yet: they come from session-room scans.</p>
            ) : (
              <div className={s.scroll}>
                <table className={s.table} aria-labelledby="credits">
                  <thead>
                    <tr>
                      <th scope="col">Session</th>
                      <th scope="col" className={s.numeric}>
                        Minutes
                      </th>
                      <th scope="col" className={s.numeric}>
                        Credits
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.credits.sessions.map((c) => (
                      <tr key={c.session.id}>
                        <th scope="row">{c.session.title}</th>
                        <td className={s.numeric}>{c.minutesAttended}</td>
                        <td className={s.numeric}>{c.credits}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={2}>
                        Total
                      </th>
                      <td className={s.numeric}>{a.credits.total}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

/** A scan's result in words: Admitted, Exit, Already admitted, Rejected (reason). */
function scanText(scan: { outcome: string; reason?: string | null; direction: string }): string {
  if (scan.outcome === 'ADMITTED') return scan.direction === 'OUT' ? 'Exit' : 'Admitted';
  if (scan.outcome === 'DUPLICATE') return 'Already admitted';
  return `Rejected${scan.reason ? ` (${scan.reason.toLowerCase().replace(/_/g, ' ')})` : ''}`;
}
