import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useStoredQuery } from '../app/answer-store';
import { localDate } from '../app/current-edition';
import { OfflineNotice } from '../app/OfflineNotice';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import { byTime, clock, dayNames, daysIn, dayStart, deviceZone, editionDaysFor, nextDay, splitByDay } from './days';
import { layoutGrid } from './grid';
import { type CardSchedule, useCardSchedule } from './my-schedule-state';
import styles from './Programme.module.css';
import { appLinkClick, type CardSession, formatName, SessionCard } from './SessionCard';

/**
 * The programme (public): one tab per day, in the edition's timezone or the device's (remembered);
 * filters by track, room and format (on the day's sessions, at once), full-text search (the API's
 * search filter), "Jump to now" during the show. A grid with a column per room from 900 px, a list
 * below. Only the day shown is fetched and rendered. Its answers are kept by the answer store
 * (answer-store.ts), not in Apollo's normalized cache.
 */
const ProgrammeEdition = graphql(`
  query ProgrammeEdition($id: ID!) {
    edition(id: $id) {
      id
      rooms {
        id
        name
      }
      tracks {
        id
        name
      }
    }
  }
`);

/** The day's sessions (the API answers them from its public cache). */
const ProgrammeDay = graphql(`
  query ProgrammeDay($editionId: ID!, $day: String!, $search: String) {
    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {
      totalCount
      edges {
        node {
          ...ProgrammeSessionFields
        }
      }
    }
  }
`);

/**
 * The day's seat counts, apart from the day itself: they move with every reservation, and the API's
 * public cache never keeps them.
 */
const ProgrammeDaySeats = graphql(`
  query ProgrammeDaySeats($editionId: ID!, $day: String!, $search: String) {
    sessions(editionId: $editionId, filter: { day: $day, search: $search }, first: 200) {
      totalCount
      edges {
        node {
          id
          seatsTaken
        }
      }
    }
  }
`);

const FORMATS = ['KEYNOTE', 'EDUCATION', 'PANEL', 'WORKSHOP', 'THEATER', 'NETWORKING'] as const;

// The timezone choice, remembered on the device.
const ZONE_KEY = 'conference.programmeZone';
const zoneListeners = new Set<() => void>();
const readZonePref = () => {
  try {
    return localStorage.getItem(ZONE_KEY) === 'device';
  } catch {
    return false;
  }
};
function setZonePref(device: boolean) {
  try {
    if (device) localStorage.setItem(ZONE_KEY, 'device');
    else localStorage.removeItem(ZONE_KEY);
  } catch {
    // storage blocked: the choice lasts until reload
  }
  zoneListeners.forEach((l) => l());
}
const subscribeZone = (l: () => void) => {
  zoneListeners.add(l);
  return () => zoneListeners.delete(l);
};

const WIDE = '(min-width: 900px)';
const subscribeWide = (l: () => void) => {
  const m = window.matchMedia(WIDE);
  m.addEventListener('change', l);
  return () => m.removeEventListener('change', l);
};
const isWide = () => window.matchMedia(WIDE).matches;

export function Component() {
  const [params, setParams] = useSearchParams();
  const { edition, loading: editionsLoading, error: editionsError, loaded, keep } = useEditionChoice();
  const details = useStoredQuery(ProgrammeEdition, edition ? { id: edition.id } : null);
  const wantsDevice = useSyncExternalStore(subscribeZone, readZonePref, () => false);
  const wide = useSyncExternalStore(subscribeWide, isWide, () => false);
  const device = deviceZone();
  const zone = edition && wantsDevice ? device : (edition?.timezone ?? 'UTC');
  useDocumentTitle(edition ? `Programme · ${edition.name}` : 'Programme');

  const days = useMemo(() => (edition ? daysIn(edition, zone) : []), [edition, zone]);
  const now = Date.now();
  const today = localDate(new Date(now), zone);
  const during =
    !!edition &&
    now >= dayStart(edition.startsOn, edition.timezone) &&
    now < dayStart(nextDay(edition.endsOn), edition.timezone);
  const day = days.includes(params.get('day') ?? '') ? params.get('day')! : days.includes(today) ? today : days[0];

  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  const update = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  // Search as one types, once typing pauses.
  useEffect(() => {
    if (text.trim() === search) return;
    const t = setTimeout(() => update({ q: text.trim() || null }), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const sourceDays = edition && day ? editionDaysFor(day, edition, zone) : [];
  const vars = (d: string | undefined) => ({ editionId: edition?.id ?? '', day: d ?? '', search: search || null });
  const first = useStoredQuery(ProgrammeDay, sourceDays[0] ? vars(sourceDays[0]) : null);
  const second = useStoredQuery(ProgrammeDay, sourceDays[1] ? vars(sourceDays[1]) : null);
  const firstSeats = useStoredQuery(ProgrammeDaySeats, sourceDays[0] ? vars(sourceDays[0]) : null);
  const secondSeats = useStoredQuery(ProgrammeDaySeats, sourceDays[1] ? vars(sourceDays[1]) : null);

  const track = params.get('track') ?? '';
  const room = params.get('room') ?? '';
  const format = params.get('format') ?? '';
  // A session keeps its card object while its fields and seats are unchanged, so its (memoized) card does not render again.
  const cards = useRef(new Map<string, { node: CardSession; seats: number | undefined; card: CardSession }>());
  const sessions = useMemo(() => {
    const seats = new Map<string, number>();
    for (const q of [firstSeats.data, secondSeats.data])
      for (const e of q?.sessions.edges ?? []) seats.set(e.node.id, e.node.seatsTaken);
    const all = new Map<string, CardSession>();
    for (const q of [first.data, second.data])
      for (const { node } of q?.sessions.edges ?? []) {
        const taken = seats.get(node.id);
        let kept = cards.current.get(node.id);
        if (kept?.node !== node || kept.seats !== taken) {
          kept = { node, seats: taken, card: taken === undefined ? node : { ...node, seatsTaken: taken } };
          cards.current.set(node.id, kept);
        }
        all.set(node.id, kept.card);
      }
    let list = [...all.values()];
    if (edition && day && zone !== edition.timezone) list = splitByDay(list, zone).get(day) ?? [];
    return list
      .filter(
        (s) => (!track || s.track?.id === track) && (!room || s.room?.id === room) && (!format || s.format === format),
      )
      .sort(
        (a, b) =>
          byTime(a, b) || (a.room?.name ?? '~').localeCompare(b.room?.name ?? '~') || a.title.localeCompare(b.title),
      );
  }, [first.data, second.data, firstSeats.data, secondSeats.data, edition, day, zone, track, room, format]);
  // The first screenful of cards renders at once and the rest in short slices (useGrowingCount): a
  // day's ~180 cards never block the page in one long task.
  const listKey = `${day}|${zone}|${track}|${room}|${format}|${search}|${wide}`;
  const shown = useMemo(() => ({ sessions, key: listKey }), [sessions, listKey]);
  const shownCount = useGrowingCount(shown.sessions.length, shown.key);
  const loadingDay = (first.loading && !first.data) || (second.loading && !second.data);
  // Offline, what is held (the device's copy) is shown under the offline notice, not under an error.
  const error = (!loaded && editionsError) || (!first.data && first.error) || (!second.data && second.error);
  const navigate = useNavigate();
  const onCardClick = useMemo(() => appLinkClick((to) => void navigate(to)), [navigate]);

  const schedule = useCardSchedule(edition?.id);
  const [jump, setJump] = useState(0);
  const jumped = useRef(0);
  useEffect(() => {
    if (!jump || jumped.current === jump) return;
    const target = shown.sessions.find((s) => Date.parse(s.endsAt) > Date.now());
    // Once its card is rendered (the day may still be loading, or growing).
    const el = target && document.getElementById(anchorId(target.id));
    if (el) {
      jumped.current = jump;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [jump, shown, shownCount]);

  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const i = days.indexOf(day);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: days.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = days[(to + days.length) % days.length];
    update({ day: next });
    tabRefs.current.get(next)?.focus();
  }

  const href = useCallback((id: string) => keep(`/sessions/${id}`), [keep]);

  return (
    <div className={`page ${styles.page}`}>
      <h1 className={styles.h1}>{edition ? edition.name : 'Programme'}</h1>
      <OfflineNotice />
      <FormError error={error} />
      {editionsLoading && !loaded && <p role="status">Loading the programme…</p>}
      {loaded && !edition && <p>No edition is published yet.</p>}
      {edition && day && (
        <>
          <div className={styles.toolbar}>
            <div className={styles.searchRow}>
              <label htmlFor="programme-search" className={styles.label}>
                Search sessions
              </label>
              <input
                id="programme-search"
                type="search"
                className={styles.input}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && update({ q: text.trim() || null })}
                placeholder="Title or abstract"
                maxLength={200}
              />
            </div>
            <div className={styles.filters}>
              <Filter
                label="Track"
                value={track}
                onChange={(v) => update({ track: v })}
                all="All"
                options={(details.data?.edition?.tracks ?? []).map((t) => [t.id, t.name])}
              />
              <Filter
                label="Room"
                value={room}
                onChange={(v) => update({ room: v })}
                all="All"
                options={(details.data?.edition?.rooms ?? []).map((r) => [r.id, r.name])}
              />
              <Filter
                label="Format"
                value={format}
                onChange={(v) => update({ format: v })}
                all="All"
                options={FORMATS.map((f) => [f, formatName(f)])}
              />
            </div>
            <div className={styles.zoneRow}>
              {device !== edition.timezone && (
                <label className={styles.check}>
                  <input type="checkbox" checked={wantsDevice} onChange={(e) => setZonePref(e.target.checked)} /> Show
                  times in my timezone ({device})
                </label>
              )}
              <span className={styles.hint}>Times in {zone}</span>
              {during && (
                <button
                  type="button"
                  className={styles.jump}
                  onClick={() => {
                    update({ day: localDate(new Date(), zone) });
                    setJump((n) => n + 1);
                  }}
                >
                  Jump to now
                </button>
              )}
            </div>
          </div>

          <div role="tablist" aria-label="Days" className={styles.tabs}>
            {days.map((d) => {
              const names = dayNames(d);
              const selected = d === day;
              return (
                <button
                  key={d}
                  ref={(el) => {
                    if (el) tabRefs.current.set(d, el);
                    else tabRefs.current.delete(d);
                  }}
                  type="button"
                  role="tab"
                  id={`tab-${d}`}
                  aria-selected={selected}
                  aria-controls="day-panel"
                  tabIndex={selected ? 0 : -1}
                  className={styles.tab}
                  onClick={() => update({ day: d })}
                  onKeyDown={onTabKey}
                  title={names.long}
                >
                  {names.short}
                </button>
              );
            })}
          </div>

          <section
            role="tabpanel"
            id="day-panel"
            aria-labelledby={`tab-${day}`}
            className={styles.panel}
            onClick={onCardClick}
          >
            <div className={styles.dayHead}>
              <h2 className={styles.dayHeading}>{dayNames(day).long}</h2>
              <p className={styles.count} role="status">
                {loadingDay
                  ? 'Loading sessions…'
                  : `${sessions.length} session${sessions.length === 1 ? '' : 's'}${search ? ` matching “${search}”` : ''}`}
              </p>
            </div>
            {!loadingDay && sessions.length === 0 && (
              <p>
                {search || track || room || format ? 'No sessions match on this day.' : 'No sessions on this day yet.'}
              </p>
            )}
            {shown.sessions.length > 0 &&
              (wide ? (
                <DayGrid
                  sessions={shown.sessions}
                  count={shownCount}
                  rooms={details.data?.edition?.rooms ?? NO_ROOMS}
                  zone={zone}
                  href={href}
                  schedule={schedule}
                />
              ) : (
                <DayList sessions={shown.sessions} count={shownCount} zone={zone} href={href} schedule={schedule} />
              ))}
          </section>
        </>
      )}
    </div>
  );
}

function Filter({
  label,
  value,
  onChange,
  all,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string | null) => void;
  all: string;
  options: [string, string][];
}) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div className={styles.filter}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select id={id} className={styles.input} value={value} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{all}</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Cards rendered at once when a day is shown (a phone's screenful), then per slice. */
const FIRST_CARDS = 10;
/** The first slice's size; each next one is sized from how long the last took, to take about SLICE_MS. */
const FIRST_SLICE = 8;
const SLICE_MS = 8;

/**
 * How many of a list's items to render: FIRST_CARDS when the list is new (its key changed), then one
 * slice more per task until all of them. A slice is sized from the time the previous one took to
 * render, so a fast laptop fills the day in a few slices and a cheap phone in many short ones, and no
 * slice is a task long enough to hold up a tap. Slices follow each other at once (a layout effect, not
 * an effect that waits for the next frame).
 */
function useGrowingCount(total: number, key: string): number {
  const [grown, setGrown] = useState({ key, count: FIRST_CARDS });
  const count = grown.key === key ? grown.count : FIRST_CARDS;
  if (grown.key !== key) setGrown({ key, count });
  const slice = useRef({ size: FIRST_SLICE, startedAt: 0 });
  useLayoutEffect(() => {
    if (count >= total) return;
    const s = slice.current;
    if (s.startedAt) {
      const took = Math.max(1, performance.now() - s.startedAt);
      s.size = Math.min(64, Math.max(2, Math.round((s.size * SLICE_MS) / took)));
    }
    const timer = setTimeout(() => {
      s.startedAt = performance.now();
      setGrown((g) => (g.key === key ? { key, count: g.count + s.size } : g));
    });
    return () => clearTimeout(timer);
  }, [key, count, total]);
  return Math.min(count, total);
}

const NO_ROOMS: readonly { id: string; name: string }[] = [];
const anchorId = (sessionId: string) => `s-${sessionId}`;

interface DayProps {
  sessions: CardSession[];
  /** How many of them to render (the first ones by time): the day grows in chunks. */
  count: number;
  zone: string;
  href: (id: string) => string;
  schedule: CardSchedule;
}

/** Narrow screens: sessions by start time. */
function DayList({ sessions, count, zone, href, schedule }: DayProps) {
  const slots: { start: string; list: CardSession[] }[] = [];
  for (const s of sessions.slice(0, count)) {
    const last = slots.at(-1);
    if (last && Date.parse(last.start) === Date.parse(s.startsAt)) last.list.push(s);
    else slots.push({ start: s.startsAt, list: [s] });
  }
  return (
    <ol className={styles.slots}>
      {slots.map((slot) => (
        <li key={slot.start} className={styles.slot}>
          <p className={styles.slotTime}>
            <time dateTime={slot.start}>{clock(slot.start, zone)}</time>
          </p>
          <ul className={styles.cards}>
            {slot.list.map((s) => (
              <li key={s.id}>
                <SessionCard session={s} zone={zone} href={href(s.id)} schedule={schedule} id={anchorId(s.id)} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Wide screens: a column per room (lanes where a room's sessions overlap), sticky room headers and time axis. */
function DayGrid({
  sessions,
  count,
  rooms,
  zone,
  href,
  schedule,
}: DayProps & { rooms: readonly { id: string; name: string }[] }) {
  const grid = useMemo(() => layoutGrid(sessions, rooms), [sessions, rooms]);
  // The grid's items come room by room: grown by time, the top rows fill first.
  const byRow = useMemo(
    () => [...grid.items].sort((a, b) => a.rowStart - b.rowStart || a.colStart - b.colStart),
    [grid],
  );
  const rowCount = Math.max(1, grid.times.length - 1);
  return (
    <div className={styles.gridScroll} role="region" aria-label="Sessions by room" tabIndex={0}>
      <div
        className={styles.grid}
        style={{
          gridTemplateColumns: `4rem repeat(${grid.columnCount - 2}, minmax(12.5rem, 1fr))`,
          gridTemplateRows: `auto repeat(${rowCount}, minmax(2.5rem, auto))`,
        }}
      >
        <div className={styles.corner} style={{ gridRow: 1, gridColumn: 1 }} aria-hidden="true" />
        {grid.columns.map((c) => (
          <div
            key={c.roomId ?? 'none'}
            className={styles.roomHead}
            style={{ gridRow: 1, gridColumn: `${c.col} / span ${c.lanes}` }}
            aria-hidden="true"
          >
            {c.name}
          </div>
        ))}
        <div className={styles.axis} style={{ gridRow: `2 / span ${rowCount}`, gridColumn: 1 }} aria-hidden="true" />
        {grid.starts.map(({ row, time }) => (
          <div key={time} className={styles.axisTime} style={{ gridRow: row, gridColumn: 1 }} aria-hidden="true">
            {clock(time, zone)}
          </div>
        ))}
        {byRow.slice(0, count).map(({ session: s, rowStart, rowEnd, colStart, colEnd }) => (
          <SessionCard
            key={s.id}
            session={s}
            zone={zone}
            href={href(s.id)}
            schedule={schedule}
            id={anchorId(s.id)}
            gridArea={`${rowStart} / ${colStart} / ${rowEnd} / ${colEnd}`}
          />
        ))}
      </div>
    </div>
  );
}
