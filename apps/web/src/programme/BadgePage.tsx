import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router';
import { useToken } from '../app/auth';
import { loginUrl } from '../app/next-path';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import { accessLevelLabel } from './access-level';
import { forgetBadge, type SavedBadge, saveBadge, savedBadge, tokenSubject } from './badge-store';
import s from './BadgePage.module.css';
import { dayTime } from './days';

const MyBadge = graphql(`
  query MyBadge($editionId: ID!) {
    myAttendee(editionId: $editionId) {
      id
      firstName
      lastName
      company
      accessLevel
      badge {
        id
        status
        code
        qrSvg
        pdfUrl
        version
      }
    }
  }
`);

/** While the worker renders the badge the page asks again every few seconds; without a badge yet, now and then. */
const POLL_PENDING_MS = 2_000;
const POLL_NOT_ISSUED_MS = 20_000;

/** navigator.onLine, following the browser's online/offline events. */
function useOnline(): boolean {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('online', notify);
      window.addEventListener('offline', notify);
      return () => {
        window.removeEventListener('online', notify);
        window.removeEventListener('offline', notify);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}

const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
const asOf = (iso: string) => dayTime(iso);

/**
 * My badge (/badge): the QR the door scanners read, large on a phone, with name and access level.
 * WORKS OFFLINE: every ACTIVE badge the server returns is kept on the device (IndexedDB,
 * badge-store.ts); when the network or the API cannot be reached the kept copy is shown with the
 * time it was last confirmed ("as of"). The service worker serves the app itself.
 */
export function Component() {
  useDocumentTitle('My badge');
  const token = useToken();
  const location = useLocation();
  const subject = tokenSubject(token);
  const { edition, wanted, error: editionsError, loaded: editionsLoaded } = useEditionChoice();
  const live = useQuery(MyBadge, {
    variables: { editionId: edition?.id ?? '' },
    skip: !token || !edition,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const [saved, setSaved] = useState<SavedBadge | null>();

  // The device's copy, shown until (or unless) the server answers.
  const savedFor = edition?.id ?? wanted ?? undefined;
  useEffect(() => {
    if (!subject) return;
    let current = true;
    // Without ?edition= the edition guessed from what the device knows may not be the badge's: then the newest copy.
    void savedBadge(subject, savedFor)
      .then(async (b) => b ?? (wanted ? undefined : savedBadge(subject)))
      .then((b) => current && setSaved(b ?? null));
    return () => {
      current = false;
    };
  }, [subject, savedFor, wanted]);

  const attendee = live.data?.myAttendee;
  const badge = attendee?.badge;
  const active = useMemo(
    () =>
      badge?.status === 'ACTIVE' && badge.code && badge.qrSvg
        ? { ...badge, code: badge.code, qrSvg: badge.qrSvg }
        : null,
    [badge],
  );

  // Keep what the server confirmed; forget a badge the server no longer gives (revoked, unregistered).
  const editionId = edition?.id;
  const editionName = edition?.name;
  useEffect(() => {
    if (!subject || !editionId || !editionName || !live.data) return;
    const a = live.data.myAttendee;
    const b = a?.badge;
    if (a && b?.status === 'ACTIVE' && b.code && b.qrSvg) {
      const copy: SavedBadge = {
        subject,
        editionId,
        editionName,
        name: `${a.firstName} ${a.lastName}`,
        company: a.company ?? null,
        accessLevel: a.accessLevel,
        code: b.code,
        qrSvg: b.qrSvg,
        savedAt: new Date().toISOString(),
      };
      void saveBadge(copy).then(() => setSaved(copy));
    } else {
      void forgetBadge(subject, editionId).then(() => setSaved(null));
    }
  }, [subject, editionId, editionName, live.data]);

  // PENDING: ask until the worker is done (a couple of seconds); not issued yet: now and then.
  const waitingFor = attendee && !active ? (badge?.status === 'PENDING' ? POLL_PENDING_MS : POLL_NOT_ISSUED_MS) : 0;
  const { startPolling, stopPolling } = live;
  useEffect(() => {
    if (!waitingFor) return;
    startPolling(waitingFor);
    return () => stopPolling();
  }, [waitingFor, startPolling, stopPolling]);
  const online = useOnline();

  if (!token) {
    return (
      <div className="page narrow">
        <h1>My badge</h1>
        <p>Your badge is the QR code the door staff scan. Sign in with the email you registered with to see it.</p>
        <p>
          <Link className="button primary" to={loginUrl(location.pathname + location.search)}>
            Sign in to see your badge
          </Link>
        </p>
      </div>
    );
  }

  const unreachable = !online ? new Error('offline') : !live.data && (live.error ?? editionsError);
  // Offline the device's copy wins (whatever the app's own cache holds), with its "as of".
  const showingSaved = !!saved && (!online || !live.data);
  let body;
  if (showingSaved) {
    body = (
      <BadgeCard
        editionName={saved.editionName}
        name={saved.name}
        company={saved.company}
        accessLevel={saved.accessLevel}
        code={saved.code}
        qrSvg={saved.qrSvg}
      />
    );
  } else if (live.data && attendee && active) {
    body = (
      <BadgeCard
        editionName={edition!.name}
        name={`${attendee.firstName} ${attendee.lastName}`}
        company={attendee.company ?? null}
        accessLevel={attendee.accessLevel}
        code={active.code}
        qrSvg={active.qrSvg}
      />
    );
  } else if (live.data && !attendee) {
    body = (
      <div className={s.notice}>
        <p>
          <strong>You are not registered for {edition?.name}.</strong>
        </p>
        <p>
          Badges go to the email address of a registration. If you registered with another address, sign in with that
          one.
        </p>
      </div>
    );
  } else if (live.data && badge?.status === 'PENDING') {
    body = (
      <div className={s.pending} role="status">
        <div className={s.placeholder} aria-hidden="true" />
        <p>
          <strong>Your badge is being generated.</strong> It appears here by itself in a few seconds.
        </p>
      </div>
    );
  } else if (live.data) {
    body = (
      <div className={s.notice} role="status">
        <p>
          <strong>Your badge has not been issued yet.</strong>
        </p>
        <p>The organizers issue badges before the show; it appears here by itself once it is ready.</p>
      </div>
    );
  } else if (unreachable) {
    body = (
      <>
        <FormError error={unreachable} />
        <p>Your badge shows here without a connection once you have opened this page online.</p>
      </>
    );
  } else if (editionsLoaded && !edition) {
    body = <p>No edition is published yet.</p>;
  } else {
    body = (
      <p role="status" className={s.loading}>
        Loading your badge…
      </p>
    );
  }

  return (
    <div className={`page ${s.page}`}>
      <h1>My badge</h1>
      {showingSaved && (
        <p className={s.offline} role="status">
          {online ? 'The copy kept on this device' : 'Offline: the copy kept on this device'}, as of{' '}
          <time dateTime={saved.savedAt}>{asOf(saved.savedAt)}</time>
        </p>
      )}
      {body}
      {(active || showingSaved) && (
        <div className={s.after}>
          {active?.pdfUrl && (
            <p>
              <a href={active.pdfUrl}>Download the printable badge (PDF)</a>
            </p>
          )}
          <p>
            <Link to="/credits">My CE credits</Link>
          </p>
        </div>
      )}
    </div>
  );
}

function BadgeCard(props: {
  editionName: string;
  name: string;
  company: string | null;
  accessLevel: string;
  code: string;
  qrSvg: string;
}) {
  return (
    <>
      <article className={s.card} aria-labelledby="badge-name">
        <p className={s.edition}>{props.editionName}</p>
        <img className={s.qr} src={svgUrl(props.qrSvg)} alt="Badge QR code" width={320} height={320} />
        <h2 id="badge-name" className={s.name}>
          {props.name}
        </h2>
        {props.company && <p className={s.company}>{props.company}</p>}
        <p className={s.level}>
          <span className={s.visuallyHidden}>Access: </span>
          {accessLevelLabel(props.accessLevel)}
        </p>
      </article>
      <p className={s.hint}>
        Show this code at the doors and session rooms. Turn your screen’s brightness up if the scanner hesitates.
      </p>
      <details className={s.code}>
        <summary>Show the code as text</summary>
        <p>If the scanner cannot read the screen, staff can type this code:</p>
        <code>{props.code}</code>
      </details>
    </>
  );
}
