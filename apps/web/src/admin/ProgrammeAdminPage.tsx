import { useMutation, useQuery } from '@apollo/client/react';
import { type CSSProperties, type DragEvent, type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { editionDays, localDate } from '../app/current-edition';
import type { AdminSessionFieldsFragment } from '../gql/graphql';
import { clock, dayNames } from '../programme/days';
import { formatName } from '../programme/SessionCard';
import { errorMessage, FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import s from './Admin.module.css';
import { useAdmin } from './admin-context';
import { AdminProgrammeDay, AdminProgrammeEdition, UpdateSessionPlace } from './programme-queries';
import { SessionPanel } from './SessionPanel';
import { dropMinute, gridSpan, movedTo, placeCards, roomClash } from './time-grid';

/**
 * `/admin/programme`: the programme editor. One tab per day, one column per room, rows by time in
 * the edition's timezone; drafts (marked "Draft", hatched) and published sessions with their
 * reservations and waitlist. A card opens the side panel (create, edit, publish, cancel, delete a
 * draft); dragging a card to another time or room moves it (the panel's room and time fields do the
 * same from the keyboard). The server refuses a room booked twice: its answer stays on the card,
 * which keeps its place.
 */

export type AdminSession = AdminSessionFieldsFragment;

/** Pixels per minute of the grid: an hour is 96 px. */
const PX = 1.6;

export function Component() {
  const { edition } = useAdmin();
  useDocumentTitle(`Programme · ${edition.name}`);
  const tz = edition.timezone;
  const days = useMemo(() => editionDays(edition), [edition]);
  const today = localDate(new Date(), tz);
  const [day, setDay] = useState(() => (days.includes(today) ? today : days[0]));
  const shownDay = days.includes(day) ? day : days[0];
  // `key` names one opening of the panel: a new session saved stays in the same panel (with its answer).
  const [panel, setPanel] = useState<{ id: string | null; key: string } | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [moved, setMoved] = useState<string | null>(null);

  const ed = useQuery(AdminProgrammeEdition, { variables: { id: edition.id } });
  const list = useQuery(AdminProgrammeDay, {
    variables: { editionId: edition.id, day: shownDay },
    fetchPolicy: 'cache-and-network',
  });
  const sessions = useMemo(() => list.data?.sessions.edges.map((e) => e.node) ?? [], [list.data]);
  const rooms = ed.data?.edition?.rooms ?? [];
  const [move] = useMutation(UpdateSessionPlace, { refetchQueries: ['AdminProgrammeDay'] });

  const refuse = (id: string, message: string | null) =>
    setRefusals((r) => {
      const next = { ...r };
      if (message) next[id] = message;
      else delete next[id];
      return next;
    });

  const moveSession = async (session: AdminSession, roomId: string | null, minute: number) => {
    const place = movedTo(session, shownDay, minute, tz);
    if (place.startsAt === session.startsAt && roomId === (session.room?.id ?? null)) return;
    setMoved(null);
    try {
      await move({ variables: { id: session.id, patch: { roomId, ...place } } });
      refuse(session.id, null);
      const room = rooms.find((r) => r.id === roomId)?.name ?? 'no room';
      setMoved(`Moved "${session.title}" to ${room}, ${clock(place.startsAt, tz)}–${clock(place.endsAt, tz)}.`);
    } catch (error) {
      refuse(session.id, `Not moved: ${errorMessage(error)}`);
    }
  };

  const tabKeys = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null || next < 0 || next >= days.length) return;
    event.preventDefault();
    setDay(days[next]);
    document.getElementById(`admin-day-${days[next]}`)?.focus();
  };

  return (
    <>
      <h1>Programme</h1>
      <div className={s.toolbar}>
        <button type="button" className={s.primary} onClick={() => setPanel({ id: null, key: `new-${Date.now()}` })}>
          New session
        </button>
        <Link to={`/admin/programme/speakers?edition=${edition.id}`}>Speakers</Link>
        <span className={s.muted}>
          Times in {tz}. Drag a card to move it, or open it and change its room and times.
        </span>
      </div>
      <div role="tablist" aria-label="Days" className={s.tabs}>
        {days.map((d, i) => (
          <button
            key={d}
            id={`admin-day-${d}`}
            type="button"
            role="tab"
            className={s.tab}
            aria-selected={d === shownDay}
            aria-controls="admin-day-panel"
            tabIndex={d === shownDay ? 0 : -1}
            onClick={() => setDay(d)}
            onKeyDown={(e) => tabKeys(e, i)}
          >
            {dayNames(d).short}
          </button>
        ))}
      </div>
      <FormError error={ed.error ?? list.error} />
      <p role="status" className={s.ok}>
        {moved}
      </p>
      <div className={panel ? s.editorWithPanel : s.editor}>
        <div id="admin-day-panel" role="tabpanel" aria-labelledby={`admin-day-${shownDay}`}>
          {ed.data && (
            <Grid
              day={shownDay}
              timezone={tz}
              rooms={rooms}
              sessions={sessions}
              refusals={refusals}
              selected={panel?.id ?? null}
              onOpen={(id) => setPanel({ id, key: id })}
              onMove={(session, roomId, minute) => void moveSession(session, roomId, minute)}
            />
          )}
          {list.data && sessions.length === 0 && <p className={s.muted}>No sessions on this day yet.</p>}
        </div>
        {panel && ed.data?.edition && (
          <SessionPanel
            key={panel.key}
            edition={{ ...edition, rooms: ed.data.edition.rooms, tracks: ed.data.edition.tracks }}
            days={days}
            day={shownDay}
            session={sessions.find((x) => x.id === panel.id) ?? null}
            daySessions={sessions}
            onClose={() => setPanel(null)}
            onSaved={(id, dayOfSession) => {
              setPanel((p) => ({ id, key: p?.key ?? id }));
              if (dayOfSession !== shownDay && days.includes(dayOfSession)) setDay(dayOfSession);
            }}
            onRefused={refuse}
          />
        )}
      </div>
    </>
  );
}

function Grid({
  day,
  timezone,
  rooms,
  sessions,
  refusals,
  selected,
  onOpen,
  onMove,
}: {
  day: string;
  timezone: string;
  rooms: readonly { id: string; name: string; capacity: number }[];
  sessions: readonly AdminSession[];
  refusals: Record<string, string>;
  selected: string | null;
  onOpen: (id: string) => void;
  onMove: (session: AdminSession, roomId: string | null, minute: number) => void;
}) {
  const span = gridSpan(sessions, day, timezone);
  const cards = placeCards(
    sessions.map((x) => ({ ...x, roomId: x.room?.id ?? null })),
    day,
    timezone,
    span.from,
  );
  const columns: { id: string; name: string; capacity?: number }[] = [...rooms];
  if (cards.has('')) columns.push({ id: '', name: 'No room' });
  const grab = useRef<{ id: string; offsetY: number } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const height = (span.to - span.from) * PX;
  const hours: number[] = [];
  for (let m = Math.ceil(span.from / 60) * 60; m < span.to; m += 60) hours.push(m);

  if (columns.length === 0)
    return <p className={s.muted}>Add rooms on the Edition screen to place sessions in them.</p>;

  const drop = (event: DragEvent<HTMLDivElement>, roomId: string) => {
    event.preventDefault();
    setOver(null);
    const held = grab.current;
    grab.current = null;
    const id = held?.id ?? event.dataTransfer.getData('text/plain');
    const session = sessions.find((x) => x.id === id);
    if (!session) return;
    const top = event.currentTarget.getBoundingClientRect().top;
    const length = (Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000;
    const minute = dropMinute(event.clientY - top, held?.offsetY ?? 0, PX, span, length);
    onMove(session, roomId || null, minute);
  };

  return (
    <div className={s.gridScroll}>
      <div
        className={s.grid}
        style={{ gridTemplateColumns: `4rem repeat(${columns.length}, minmax(11rem, 1fr))` }}
        aria-label={`Sessions on ${dayNames(day).long}, by room`}
        role="group"
      >
        <div className={s.corner}>Time</div>
        {columns.map((c) => (
          <div key={c.id} className={s.roomHead}>
            {c.name}
            {c.capacity !== undefined && <small>{c.capacity} seats</small>}
          </div>
        ))}
        <div className={s.times} style={{ height }}>
          {hours.map((m) => (
            <span key={m} className={s.timeLabel} style={{ top: (m - span.from) * PX }}>
              {String(Math.floor(m / 60) % 24).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {columns.map((c) => (
          <div
            key={c.id}
            className={`${s.column} ${over === c.id ? s.dropTarget : ''}`}
            style={
              {
                height,
                '--hour': `${60 * PX}px`,
                backgroundPositionY: `${((60 - (span.from % 60)) % 60) * PX}px`,
              } as CSSProperties
            }
            data-room={c.name}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (over !== c.id) setOver(c.id);
            }}
            onDragLeave={() => setOver((o) => (o === c.id ? null : o))}
            onDrop={(e) => drop(e, c.id)}
          >
            {(cards.get(c.id) ?? []).map((card) => (
              <Card
                key={card.session.id}
                session={card.session}
                timezone={timezone}
                clash={roomClash({ ...card.session, roomId: card.session.room?.id ?? null }, sessions)}
                refusal={refusals[card.session.id]}
                selected={selected === card.session.id}
                style={{
                  top: card.top * PX,
                  height: Math.max(card.length * PX, 24),
                  left: `calc(${(100 * card.lane) / card.lanes}% + 2px)`,
                  width: `calc(${100 / card.lanes}% - 4px)`,
                }}
                onOpen={() => onOpen(card.session.id)}
                onGrab={(offsetY) => (grab.current = { id: card.session.id, offsetY })}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

const STATUS: Record<string, string> = { DRAFT: 'Draft', PUBLISHED: 'Published', CANCELLED: 'Cancelled' };

function Card({
  session,
  timezone,
  clash,
  refusal,
  selected,
  style,
  onOpen,
  onGrab,
}: {
  session: AdminSession & { roomId: string | null };
  timezone: string;
  clash?: { title: string };
  refusal?: string;
  selected: boolean;
  style: CSSProperties;
  onOpen: () => void;
  onGrab: (offsetY: number) => void;
}) {
  const a = session.attendance;
  const classes = [
    s.card,
    session.status === 'DRAFT' ? s.draft : '',
    session.status === 'CANCELLED' ? s.cancelled : '',
    selected ? s.selected : '',
  ].join(' ');
  return (
    <article
      className={classes}
      style={{ ...style, ...(session.track?.colour ? { '--track': session.track.colour } : {}) }}
      draggable={session.status !== 'CANCELLED'}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', session.id);
        e.dataTransfer.effectAllowed = 'move';
        onGrab(e.clientY - e.currentTarget.getBoundingClientRect().top);
      }}
      aria-describedby={refusal ? `refusal-${session.id}` : undefined}
    >
      <h3>
        <button type="button" onClick={onOpen}>
          {session.title}
        </button>
      </h3>
      <div>
        <span className={s.badge}>{STATUS[session.status] ?? session.status}</span>
        {clock(session.startsAt, timezone)}–{clock(session.endsAt, timezone)} · {formatName(session.format)}
      </div>
      {a && (
        <div className={s.figures}>
          {a.reserved} reserved{session.capacity !== null ? ` of ${session.capacity}` : ''} · {a.waitlisted} waitlisted
          · {a.bookmarked} bookmarked
        </div>
      )}
      {clash && session.status !== 'CANCELLED' && <div className={s.clash}>Overlaps {clash.title}</div>}
      {refusal && (
        <div className={s.clash} role="alert" id={`refusal-${session.id}`}>
          {refusal}
        </div>
      )}
    </article>
  );
}
