import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { OfflineNotice } from '../app/OfflineNotice';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import { clock, dayNames } from './days';
import { localDate } from '../app/current-edition';
import { useCardSchedule } from './my-schedule-state';
import styles from './Programme.module.css';
import { formatName, ScheduleBox, seatsLeft, seatsText } from './SessionCard';

/** One session (public): abstract, speakers, room, track, CE credits, seats left, and my schedule's button. */
const ProgrammeSession = graphql(`
  query ProgrammeSession($id: ID!) {
    session(id: $id) {
      ...ProgrammeSessionFields
      seatsTaken
      abstract
      cancelReason
      edition {
        id
        name
        timezone
      }
      speakers {
        id
        name
        company
        jobTitle
        bio
      }
    }
  }
`);

export function Component() {
  const { id = '' } = useParams();
  const { keep } = useEditionChoice();
  const { data, loading, error } = useQuery(ProgrammeSession, { variables: { id } });
  const session = data?.session;
  const schedule = useCardSchedule(session?.edition.id);
  useDocumentTitle(session ? session.title : 'Session');

  if (loading && !data)
    return (
      <div className="page">
        <p role="status">Loading the session…</p>
      </div>
    );
  if (!session)
    return (
      <div className="page">
        <h1>Session not found</h1>
        <FormError error={error} />
        <p>
          It may have been removed, or the link is wrong. <Link to={keep('/')}>Back to the programme</Link>
        </p>
      </div>
    );

  const zone = session.edition.timezone;
  const day = localDate(new Date(session.startsAt), zone);
  const left = seatsLeft(session);
  return (
    <div className="page">
      <OfflineNotice />
      <p>
        <Link className={styles.back} to={keep(`/?day=${day}`)}>
          ← Programme
        </Link>
      </p>
      <article aria-labelledby="session-title">
        <h1 id="session-title">{session.title}</h1>
        {session.status === 'CANCELLED' && session.cancelReason && (
          <p className={styles.cancelled}>Cancelled: {session.cancelReason}</p>
        )}
        <dl className={styles.facts}>
          <dt>When</dt>
          <dd>
            {dayNames(day).long}, <time dateTime={session.startsAt}>{clock(session.startsAt, zone)}</time>–
            <time dateTime={session.endsAt}>{clock(session.endsAt, zone)}</time>{' '}
            <span className={styles.hint}>({zone})</span>
          </dd>
          <dt>Room</dt>
          <dd>{session.room?.name ?? 'To be announced'}</dd>
          <dt>Track</dt>
          <dd>{session.track?.name ?? 'None'}</dd>
          <dt>Format</dt>
          <dd>{formatName(session.format)}</dd>
          <dt>CE credits</dt>
          <dd>{session.ceCredits > 0 ? session.ceCredits : 'None'}</dd>
          <dt>Seats</dt>
          <dd>{left === null ? 'No reservation needed' : seatsText(left)}</dd>
        </dl>
        <div className={styles.sessionBox}>
          <ScheduleBox
            session={session}
            {...schedule.stateOf(session)}
            signedIn={schedule.signedIn}
            onChange={(kind) => schedule.change(kind, session)}
          />
        </div>
        <h2>Abstract</h2>
        <p className={styles.abstract}>{session.abstract || 'No abstract yet.'}</p>
        <h2>{session.speakers.length === 1 ? 'Speaker' : 'Speakers'}</h2>
        {session.speakers.length === 0 ? (
          <p>To be announced.</p>
        ) : (
          <ul className={styles.people}>
            {session.speakers.map((p) => (
              <li key={p.id}>
                <h3>{p.name}</h3>
                {(p.jobTitle || p.company) && <p>{[p.jobTitle, p.company].filter(Boolean).join(', ')}</p>}
                {p.bio && <p>{p.bio}</p>}
              </li>
            ))}
          </ul>
        )}
      </article>
    </div>
  );
}
