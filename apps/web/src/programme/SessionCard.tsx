import { memo, useState, type MouseEvent } from 'react';
import { graphql } from '../gql';
import type { ProgrammeSessionFieldsFragment } from '../gql/graphql';
import { clock } from './days';
import { type CardEntry, type CardSchedule, statusText } from './my-schedule-state';
import styles from './Programme.module.css';

/**
 * The fields a session card shows (the programme's day query and the session page ask for them). Not
 * the seat count: it moves with every reservation, and an answer holding it is never cached, so the
 * programme asks for seats in a query of their own and the day itself comes from the API's public cache.
 */
export const ProgrammeSessionFields = graphql(`
  fragment ProgrammeSessionFields on Session {
    id
    title
    startsAt
    endsAt
    format
    status
    capacity
    ceCredits
    room {
      id
      name
      capacity
      enforceCapacity
    }
    track {
      id
      name
    }
    speakers {
      id
      name
    }
  }
`);

/** seatsTaken: undefined until the seat counts are in (then no seats line is shown). */
export type CardSession = ProgrammeSessionFieldsFragment & { seatsTaken?: number | null };

/** Seats a limited session has left (its own capacity, else its room's when enforced); null: no limit, or not known yet. */
export function seatsLeft(s: Pick<CardSession, 'capacity' | 'seatsTaken' | 'room'>): number | null {
  const limit = s.capacity ?? (s.room?.enforceCapacity ? s.room.capacity : null);
  return limit == null || s.seatsTaken == null ? null : Math.max(0, limit - s.seatsTaken);
}

export function seatsText(left: number): string {
  return left === 0 ? 'Full: waitlist open' : `${left} seat${left === 1 ? '' : 's'} left`;
}

export const formatName = (f: string) => f.charAt(0) + f.slice(1).toLowerCase();

export interface ScheduleControls {
  entry?: CardEntry;
  conflicts: { id: string; title: string }[];
  signedIn: boolean;
  onChange: (kind: 'add' | 'remove') => Promise<string | null>;
}

/** The schedule part of a card and of the session page: the button, the server's answer, seats, conflicts. */
export function ScheduleBox({
  session,
  entry,
  conflicts,
  signedIn,
  onChange,
}: ScheduleControls & { session: CardSession }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = seatsLeft(session);
  const cancelled = session.status === 'CANCELLED';
  // Only an organizer is answered drafts: said so, so a draft is never taken for the published programme.
  const draft = session.status === 'DRAFT';

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      setError(await onChange(entry ? 'remove' : 'add'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.scheduleBox}>
      {cancelled && <p className={styles.cancelled}>Cancelled</p>}
      {draft && <p className={styles.draft}>Draft: only organizers see it</p>}
      {!cancelled && left !== null && <p className={styles.seats}>{seatsText(left)}</p>}
      <p className={styles.status} aria-live="polite">
        {entry && (
          <span className={styles.badge} data-status={entry.status}>
            {statusText(entry)}
          </span>
        )}
        {entry?.status === 'DEVICE' && !signedIn && <span className={styles.hint}> · sign in to book</span>}
      </p>
      {conflicts.map((c) => (
        <p key={c.id} className={styles.conflict}>
          Conflicts with {c.title}
        </p>
      ))}
      {(!cancelled || entry) && (
        <button
          type="button"
          className={entry ? styles.remove : styles.add}
          onClick={() => void toggle()}
          disabled={busy}
          aria-disabled={busy}
        >
          {entry ? 'Remove from my schedule' : 'Add to my schedule'}
        </button>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * For a container of cards: a plain click on a card's link navigates in the app (like a router Link)
 * instead of loading the page; modified clicks (new tab, download) keep the browser's behaviour.
 */
export function appLinkClick(navigate: (to: string) => void) {
  return (event: MouseEvent) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.altKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    const link = (event.target as Element | null)?.closest?.('a[data-app-link]');
    if (!(link instanceof HTMLAnchorElement) || link.target || link.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(link.pathname + link.search + link.hash);
  };
}

/**
 * One session on the programme: an article whose heading is its title. Memoized (a day is ~180
 * cards): it renders again only when its session, the zone, its link or the schedule changes.
 * `gridArea`: its place in the wide grid.
 */
export const SessionCard = memo(function SessionCard({
  session,
  zone,
  href,
  gridArea,
  schedule,
  id,
}: {
  session: CardSession;
  zone: string;
  href: string;
  gridArea?: string;
  schedule: CardSchedule;
  id?: string;
}) {
  return (
    <article
      className={styles.card}
      style={gridArea ? { gridArea } : undefined}
      aria-labelledby={`t-${session.id}`}
      id={id}
      tabIndex={id ? -1 : undefined}
      data-cancelled={session.status === 'CANCELLED' || undefined}
    >
      <p className={styles.when}>
        <time dateTime={session.startsAt}>{clock(session.startsAt, zone)}</time>–
        <time dateTime={session.endsAt}>{clock(session.endsAt, zone)}</time>
        {session.room && ` · ${session.room.name}`}
      </p>
      <h3 id={`t-${session.id}`} className={styles.title}>
        {/* A plain link (no per-card router hooks): the programme navigates in the app with one delegated click handler (appLinkClick). */}
        <a href={href} data-app-link="">
          {session.title}
        </a>
      </h3>
      <p className={`${styles.meta} ${styles.speakers}`}>
        {[formatName(session.format), session.track?.name, session.speakers.map((p) => p.name).join(', ')]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <ScheduleBox
        session={session}
        {...schedule.stateOf(session)}
        signedIn={schedule.signedIn}
        onChange={(kind) => schedule.change(kind, session)}
      />
    </article>
  );
});
