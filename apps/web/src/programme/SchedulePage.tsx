import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useToken } from '../app/auth';
import { localDate } from '../app/current-edition';
import { loginUrl } from '../app/next-path';
import { OfflineNotice } from '../app/OfflineNotice';
import { MarkNotificationsRead, NOTIFICATION_QUERIES, useUnreadNotifications } from '../app/notifications/unread';
import { graphql } from '../gql';
import type { MyScheduleQuery } from '../gql/graphql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import { useChangeSchedule, usePendingChanges } from './schedule-sync';
import styles from './SchedulePage.module.css';

/**
 * My schedule (`/schedule`): my entries day by day with conflicts, gaps and seat statuses; the
 * calendar feed; the email-updates switch. Works offline: the last copy (offline-cache.ts) is shown
 * with its "as of" time, and a removal made offline waits on the device until the network returns
 * (schedule-sync.ts).
 */
const MySchedule = graphql(`
  query MySchedule($editionId: ID!) {
    mySchedule(editionId: $editionId) {
      id
      status
      waitlistPosition
      conflictsWith {
        id
        title
      }
      session {
        id
        title
        startsAt
        endsAt
        status
        format
        room {
          id
          name
        }
        track {
          id
          name
        }
      }
    }
    myAttendee(editionId: $editionId) {
      id
      emailUpdates
    }
  }
`);

const MyCalendarUrl = graphql(`
  query MyCalendarUrl($editionId: ID!) {
    myCalendarUrl(editionId: $editionId)
  }
`);

const RotateCalendarToken = graphql(`
  mutation RotateCalendarToken($editionId: ID!) {
    rotateCalendarToken(editionId: $editionId)
  }
`);

const SetEmailUpdates = graphql(`
  mutation SetEmailUpdates($editionId: ID!, $enabled: Boolean!) {
    setEmailUpdates(editionId: $editionId, enabled: $enabled)
  }
`);

type Entry = MyScheduleQuery['mySchedule'][number];

/** A free stretch between two entries worth showing (15 minutes or more). */
const MIN_GAP_MS = 15 * 60_000;

type TimelineItem = { kind: 'entry'; entry: Entry } | { kind: 'gap'; from: string; to: string };

/** My entries per day (the edition's local dates), by start time, with the free stretches between them. */
export function timeline(entries: readonly Entry[], timezone: string): { day: string; items: TimelineItem[] }[] {
  const days = new Map<string, Entry[]>();
  for (const e of [...entries].sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))) {
    const day = localDate(new Date(e.session.startsAt), timezone);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return [...days].map(([day, list]) => {
    const items: TimelineItem[] = [];
    let busyUntil: string | null = null;
    for (const entry of list) {
      if (busyUntil && Date.parse(entry.session.startsAt) - Date.parse(busyUntil) >= MIN_GAP_MS)
        items.push({ kind: 'gap', from: busyUntil, to: entry.session.startsAt });
      items.push({ kind: 'entry', entry });
      if (!busyUntil || entry.session.endsAt > busyUntil) busyUntil = entry.session.endsAt;
    }
    return { day, items };
  });
}

const statusText = (e: Entry) =>
  e.status === 'RESERVED'
    ? 'Reserved'
    : e.status === 'WAITLISTED'
      ? `Waitlisted #${e.waitlistPosition ?? '?'}`
      : 'Bookmarked';

const duration = (from: string, to: string) => {
  const minutes = Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
};

export function Component() {
  useDocumentTitle('My schedule');
  const token = useToken();
  const location = useLocation();
  const { edition, loading: editionsLoading, error: editionsError, keep } = useEditionChoice();
  const schedule = useQuery(MySchedule, { variables: { editionId: edition?.id ?? '' }, skip: !token || !edition });
  const registered = !!schedule.data?.myAttendee;
  const pending = usePendingChanges();
  const change = useChangeSchedule();
  const { nodes: unread } = useUnreadNotifications();
  const [markRead] = useMutation(MarkNotificationsRead, { refetchQueries: NOTIFICATION_QUERIES });
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  const tz = edition?.timezone ?? 'UTC';
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: tz });
  const dayLabel = (day: string) =>
    new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });

  const pendingRemovals = new Set(pending.filter((p) => p.kind === 'remove').map((p) => p.sessionId));
  const entries = (schedule.data?.mySchedule ?? []).filter((e) => !pendingRemovals.has(e.session.id));
  const days = timeline(entries, tz);
  // Sessions with an unread change: highlighted until I mark the change seen.
  const changed = new Map<string, { id: string; title: string; body: string }[]>();
  for (const n of unread)
    if (n.change) changed.set(n.change.session.id, [...(changed.get(n.change.session.id) ?? []), n]);

  const remove = async (entry: Entry) => {
    setRemoving(entry.session.id);
    const outcome = await change('remove', { id: entry.session.id, title: entry.session.title });
    setRemoving(null);
    setMessage(
      outcome === 'queued'
        ? `“${entry.session.title}” will be removed when you are back online.`
        : outcome === 'refused'
          ? `“${entry.session.title}” could not be removed.`
          : `Removed “${entry.session.title}” from your schedule.`,
    );
  };

  if (!token) {
    return (
      <div className="page narrow">
        <h1>My schedule</h1>
        <p>
          Sign in to see your schedule, subscribe to it from your calendar and get told when a session you picked
          changes.
        </p>
        <p>
          <Link className="button primary" to={loginUrl(location.pathname + location.search)}>
            Sign in to see my schedule
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className={`page ${styles.layout}`}>
      <header className={styles.head}>
        <h1>My schedule</h1>
        {edition && <p className={styles.edition}>{edition.name}</p>}
      </header>
      <div className={styles.notices}>
        <OfflineNotice />
        {pending.length > 0 && (
          <p className={styles.pending}>
            {pending.length === 1 ? '1 change' : `${pending.length} changes`} waiting to be sent:{' '}
            {pending.map((p) => `${p.kind === 'remove' ? 'remove' : 'add'} “${p.title ?? 'a session'}”`).join(', ')}.
          </p>
        )}
        <p role="status" className={styles.message}>
          {message}
        </p>
        {schedule.error && !schedule.data && <FormError error={schedule.error} />}
        {!edition && <FormError error={editionsError} />}
      </div>

      <div className={styles.timeline}>
        {(editionsLoading || schedule.loading) && !schedule.data && <p>Loading your schedule…</p>}
        {!editionsLoading && !edition && <p>No edition is published yet.</p>}
        {schedule.data && !registered && (
          <p>
            You are not registered for {edition?.name ?? 'this edition'}. Your schedule starts once your registration is
            in.
          </p>
        )}
        {schedule.data && registered && entries.length === 0 && (
          <div className={styles.empty}>
            <p>Your schedule is empty.</p>
            <p>
              <Link to={keep('/')}>Browse the programme</Link> and pick “Add to my schedule” on the sessions you want to
              attend.
            </p>
          </div>
        )}
        {days.map(({ day, items }) => (
          <section key={day} aria-labelledby={`day-${day}`} className={styles.day}>
            <h2 id={`day-${day}`} className={styles.dayHeading}>
              {dayLabel(day)}
            </h2>
            <ol className={styles.items}>
              {items.map((item) =>
                item.kind === 'gap' ? (
                  <li key={`gap-${item.from}`} className={styles.gap}>
                    Free {time(item.from)}–{time(item.to)} ({duration(item.from, item.to)})
                  </li>
                ) : (
                  <li key={item.entry.id}>
                    <EntryCard
                      entry={item.entry}
                      time={time}
                      changes={changed.get(item.entry.session.id) ?? []}
                      removing={removing === item.entry.session.id}
                      onRemove={() => void remove(item.entry)}
                      onSeen={(ids) => void markRead({ variables: { ids } })}
                    />
                  </li>
                ),
              )}
            </ol>
          </section>
        ))}
      </div>

      {edition && registered && (
        <aside className={styles.side} aria-label="Schedule settings">
          <CalendarLink editionId={edition.id} />
          <EmailUpdates editionId={edition.id} enabled={schedule.data!.myAttendee!.emailUpdates} />
        </aside>
      )}
    </div>
  );
}

function EntryCard({
  entry,
  time,
  changes,
  removing,
  onRemove,
  onSeen,
}: {
  entry: Entry;
  time: (iso: string) => string;
  changes: { id: string; title: string; body: string }[];
  removing: boolean;
  onRemove: () => void;
  onSeen: (ids: string[]) => void;
}) {
  const s = entry.session;
  const headingId = `entry-${s.id}`;
  const cancelled = s.status === 'CANCELLED';
  const classes = [
    styles.entry,
    entry.conflictsWith.length ? styles.conflict : '',
    changes.length ? styles.changed : '',
    cancelled ? styles.cancelled : '',
  ].join(' ');
  return (
    <article className={classes} aria-labelledby={headingId}>
      <p className={styles.when}>
        <time dateTime={s.startsAt}>{time(s.startsAt)}</time>–<time dateTime={s.endsAt}>{time(s.endsAt)}</time>
        {s.room && <span> · {s.room.name}</span>}
      </p>
      <h3 id={headingId} className={styles.title}>
        <Link to={`/sessions/${s.id}`}>{s.title}</Link>
      </h3>
      <p className={styles.tags}>
        <span className={`${styles.status} ${styles[entry.status.toLowerCase()]}`}>{statusText(entry)}</span>
        {cancelled && <span className={styles.cancelledTag}>Cancelled</span>}
        {s.track && <span className={styles.track}>{s.track.name}</span>}
      </p>
      {entry.conflictsWith.map((c) => (
        <p key={c.id} className={styles.conflictNote}>
          Conflicts with {c.title}
        </p>
      ))}
      {changes.length > 0 && (
        <div className={styles.changeNote}>
          {changes.map((n) => (
            <p key={n.id}>
              <strong>{n.title}</strong>
              <br />
              {n.body}
            </p>
          ))}
          <button
            type="button"
            className="button"
            aria-label={`Mark as seen: ${s.title}`}
            onClick={() => onSeen(changes.map((n) => n.id))}
          >
            Mark as seen
          </button>
        </div>
      )}
      <p className={styles.actions}>
        <button type="button" className={`button ${styles.remove}`} onClick={onRemove} disabled={removing}>
          Remove from my schedule
        </button>
      </p>
    </article>
  );
}

function CalendarLink({ editionId }: { editionId: string }) {
  const { data, error } = useQuery(MyCalendarUrl, { variables: { editionId } });
  const [rotate, rotation] = useMutation(RotateCalendarToken, {
    refetchQueries: ['MyCalendarUrl'],
    awaitRefetchQueries: true,
  });
  const [note, setNote] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const path = data?.myCalendarUrl;
  const url = path ? new URL(path, window.location.origin).toString() : '';
  const webcal = url.replace(/^https?:/, 'webcal:');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setNote('Link copied. Paste it into your calendar app as a subscription.');
    } catch {
      setNote('Copying is not allowed here: select the link and copy it.');
    }
  };
  const confirmRotate = async () => {
    dialog.current?.close();
    try {
      await rotate({ variables: { editionId } });
      setNote('New link ready. The old link no longer works: subscribe again with this one.');
    } catch {
      setNote('The link could not be replaced. Try again when you are online.');
    }
  };

  return (
    <section className={styles.panel} aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar subscription</h2>
      <p className="hint">
        Your calendar app follows your schedule, changes included. Keep the link to yourself: anyone with it can read
        your schedule.
      </p>
      <FormError error={error} />
      <label htmlFor="calendar-url" className={styles.label}>
        Calendar link
      </label>
      <input id="calendar-url" className={styles.url} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <div className={styles.row}>
        <button type="button" className="button" onClick={() => void copy()} disabled={!url}>
          Copy link
        </button>
        {url && (
          <a className="button" href={webcal}>
            Subscribe in my calendar app
          </a>
        )}
      </div>
      <button
        type="button"
        className={`link-button ${styles.rotate}`}
        onClick={() => dialog.current?.showModal()}
        disabled={!url || rotation.loading}
      >
        Get a new link
      </button>
      <p role="status" className={styles.note}>
        {note}
      </p>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="rotate-heading">
        <h2 id="rotate-heading">Get a new calendar link?</h2>
        <p>
          The current link stops working at once. Calendars subscribed to it stop updating until you subscribe again
          with the new link.
        </p>
        <div className={styles.row}>
          <button type="button" className="button primary" onClick={() => void confirmRotate()}>
            Replace the link
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Keep the current link
          </button>
        </div>
      </dialog>
    </section>
  );
}

function EmailUpdates({ editionId, enabled }: { editionId: string; enabled: boolean }) {
  const [set, { error }] = useMutation(SetEmailUpdates, { refetchQueries: ['MySchedule'] });
  // The switch moves at once; a refusal puts it back.
  const [on, setOn] = useState(enabled);
  useEffect(() => setOn(enabled), [enabled]);
  const toggle = (value: boolean) => {
    setOn(value);
    void set({ variables: { editionId, enabled: value } }).catch(() => setOn(!value));
  };
  return (
    <section className={styles.panel} aria-labelledby="email-heading">
      <h2 id="email-heading">Email updates</h2>
      <label className={styles.switch}>
        <input type="checkbox" role="switch" checked={on} onChange={(e) => toggle(e.target.checked)} />
        <span>Email me when a session in my schedule changes</span>
      </label>
      <p className="hint">Changes always show here and on the notifications page; this adds an email.</p>
      <FormError error={error} />
    </section>
  );
}
