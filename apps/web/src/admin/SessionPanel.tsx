import { useMutation, useQuery } from '@apollo/client/react';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { graphql } from '../gql';
import type { SessionFormat } from '../gql/graphql';
import { clock } from '../programme/days';
import { formatName } from '../programme/SessionCard';
import { errorMessage } from '../ui/FormError';
import s from './Admin.module.css';
import { SelectField } from './AdminList';
import type { AdminEdition } from './admin-context';
import type { AdminSession } from './ProgrammeAdminPage';
import { AdminSpeakerChoices, UpdateSessionPlace } from './programme-queries';
import { isoToLocal, localToIso, roomClash } from './time-grid';

const CreateSession = graphql(`
  mutation AdminCreateSession($editionId: ID!, $input: SessionInput!) {
    createSession(editionId: $editionId, input: $input) {
      ...AdminSessionFields
    }
  }
`);

const PublishSession = graphql(`
  mutation AdminPublishSession($id: ID!) {
    publishSession(id: $id) {
      ...AdminSessionFields
    }
  }
`);

const CancelSession = graphql(`
  mutation AdminCancelSession($id: ID!, $reason: String!) {
    cancelSession(id: $id, reason: $reason) {
      ...AdminSessionFields
    }
  }
`);

const DeleteSession = graphql(`
  mutation AdminDeleteSession($id: ID!) {
    deleteSession(id: $id)
  }
`);

const FORMATS: SessionFormat[] = ['EDUCATION', 'KEYNOTE', 'PANEL', 'WORKSHOP', 'THEATER', 'NETWORKING'];

interface Props {
  edition: AdminEdition & {
    rooms: readonly { id: string; name: string }[];
    tracks: readonly { id: string; name: string }[];
  };
  days: readonly string[];
  /** The day the grid shows (a new session starts there). */
  day: string;
  session: AdminSession | null;
  /** The sessions of the day shown, for the room check before saving. */
  daySessions: readonly AdminSession[];
  onClose: () => void;
  onSaved: (id: string, day: string) => void;
  onRefused: (id: string, message: string | null) => void;
}

/**
 * The side panel: a session's fields (times in the edition's timezone) and its actions. It names a
 * session already in the room at that time as the fields change, before anything is saved; the
 * server's refusal (a published session cannot share a room) is shown here and on the card.
 */
export function SessionPanel({ edition, days, day, session, daySessions, onClose, onSaved, onRefused }: Props) {
  const tz = edition.timezone;
  const heading = useId();
  const start = session ? isoToLocal(session.startsAt, tz) : { day, time: '09:00' };
  const [title, setTitle] = useState(session?.title ?? '');
  const [abstract, setAbstract] = useState(session?.abstract ?? '');
  const [format, setFormat] = useState<SessionFormat>(session?.format ?? 'EDUCATION');
  const [trackId, setTrackId] = useState(session?.track?.id ?? '');
  const [roomId, setRoomId] = useState(session?.room?.id ?? edition.rooms[0]?.id ?? '');
  const [onDay, setOnDay] = useState(start.day);
  const [from, setFrom] = useState(start.time);
  const [to, setTo] = useState(session ? clock(session.endsAt, tz) : '10:00');
  const [capacity, setCapacity] = useState(session?.capacity?.toString() ?? '');
  const [credits, setCredits] = useState(session?.ceCredits?.toString() ?? '0');
  const [speakerIds, setSpeakerIds] = useState<string[]>(session?.speakers.map((p) => p.id) ?? []);
  const [search, setSearch] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const [create] = useMutation(CreateSession, { refetchQueries: ['AdminProgrammeDay'], awaitRefetchQueries: true });
  const [update] = useMutation(UpdateSessionPlace, { refetchQueries: ['AdminProgrammeDay'] });
  const [publish] = useMutation(PublishSession, { refetchQueries: ['AdminProgrammeDay'] });
  const [cancel] = useMutation(CancelSession, { refetchQueries: ['AdminProgrammeDay'] });
  const [remove] = useMutation(DeleteSession, { refetchQueries: ['AdminProgrammeDay'] });

  const deferredSearch = useDeferredValue(search.trim());
  const choices = useQuery(AdminSpeakerChoices, {
    variables: { editionId: edition.id, search: deferredSearch || null },
  });
  const speakerOptions = useMemo(() => {
    const found = choices.data?.speakers.edges.map((e) => e.node) ?? [];
    const chosen = (session?.speakers ?? []).filter((p) => !found.some((f) => f.id === p.id));
    return [...chosen.map((p) => ({ ...p, company: null as string | null })), ...found];
  }, [choices.data, session]);

  const validTimes = /^\d\d:\d\d$/.test(from) && /^\d\d:\d\d$/.test(to) && from < to;
  const startsAt = validTimes ? localToIso(onDay, from, tz) : null;
  const endsAt = validTimes ? localToIso(onDay, to, tz) : null;
  // Only the shown day's sessions are at hand: a session moved to another day is checked by the server alone.
  const clash =
    startsAt && endsAt && onDay === day
      ? roomClash({ id: session?.id, roomId: roomId || null, startsAt, endsAt }, daySessions)
      : undefined;
  const clashRoom = edition.rooms.find((r) => r.id === roomId)?.name;

  const fields = () => ({
    title: title.trim(),
    abstract: abstract.trim(),
    format,
    trackId: trackId || null,
    roomId: roomId || null,
    startsAt: startsAt!,
    endsAt: endsAt!,
    capacity: capacity.trim() === '' ? null : Number(capacity),
    ceCredits: Number(credits || 0),
    speakerIds,
  });

  /** Runs one action; a refusal stays in the panel and on the card. */
  const act = async (work: () => Promise<string | null>, message: string) => {
    setBusy(true);
    setRefusal(null);
    setDone(null);
    try {
      const id = await work();
      if (id) onRefused(id, null);
      setDone(message);
    } catch (error) {
      const text = errorMessage(error);
      setRefusal(text);
      if (session) onRefused(session.id, text);
    } finally {
      setBusy(false);
    }
  };

  const save = (andPublish: boolean) =>
    act(
      async () => {
        const input = fields();
        let saved: AdminSession;
        if (session) {
          const { capacity: cap, ...rest } = input;
          saved = (
            await update({
              variables: { id: session.id, patch: { ...rest, ...(cap === null ? {} : { capacity: cap }) } },
            })
          ).data!.updateSession;
        } else {
          saved = (
            await create({
              variables: {
                editionId: edition.id,
                input: { ...input, abstract: input.abstract || null, capacity: input.capacity },
              },
            })
          ).data!.createSession;
          onSaved(saved.id, onDay);
        }
        if (andPublish) {
          try {
            await publish({ variables: { id: saved.id } });
          } catch (error) {
            onRefused(saved.id, `Not published: ${errorMessage(error)}`);
            throw error;
          }
        }
        onSaved(saved.id, onDay);
        return saved.id;
      },
      andPublish ? 'Published.' : 'Saved.',
    );

  const isNew = !session;
  const status = session?.status ?? 'DRAFT';

  return (
    <aside className={s.panel} aria-labelledby={heading}>
      <h2 id={heading}>{isNew ? 'New session' : `Edit: ${session.title}`}</h2>
      {session && (
        <p>
          <span className={s.badge}>
            {status === 'DRAFT' ? 'Draft' : status === 'PUBLISHED' ? 'Published' : 'Cancelled'}
          </span>
          {session.cancelReason && <> Cancelled: {session.cancelReason}</>}
          {session.attendance && (
            <span className={s.figures}>
              {' '}
              {session.attendance.reserved} reserved · {session.attendance.waitlisted} waitlisted
            </span>
          )}
        </p>
      )}
      <form
        className={s.panelForm}
        aria-label="Session"
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <label className={s.field}>
          Title
          <input value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={300} />
        </label>
        <label className={s.field}>
          Abstract
          <textarea value={abstract} onChange={(e) => setAbstract(e.currentTarget.value)} maxLength={10000} />
        </label>
        <div className={s.row2}>
          <SelectField
            label="Format"
            value={format}
            onChange={(v) => setFormat(v as SessionFormat)}
            options={FORMATS.map((f) => ({ id: f, name: formatName(f) }))}
          />
          <SelectField label="Track" value={trackId} onChange={setTrackId} none="No track" options={edition.tracks} />
        </div>
        <div className={s.row2}>
          <SelectField label="Room" value={roomId} onChange={setRoomId} none="No room" options={edition.rooms} />
          <SelectField label="Day" value={onDay} onChange={setOnDay} options={days.map((d) => ({ id: d, name: d }))} />
        </div>
        <div className={s.row2}>
          <label className={s.field}>
            Starts at
            <input type="time" step={300} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
          </label>
          <label className={s.field}>
            Ends at
            <input type="time" step={300} value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
          </label>
        </div>
        <p className="hint">Times in {tz}.</p>
        {!validTimes && <p className={s.error}>The session must end after it starts.</p>}
        {clash && (
          <p className={s.warning} role="alert">
            Room conflict: {clashRoom} is already booked for {clash.title} ({clock(clash.startsAt, tz)}–
            {clock(clash.endsAt, tz)}, {clash.status === 'DRAFT' ? 'draft' : 'published'}). A published session cannot
            share the room.
          </p>
        )}
        <div className={s.row2}>
          <label className={s.field}>
            Capacity
            <input
              type="number"
              min={0}
              value={capacity}
              placeholder="The room's"
              onChange={(e) => setCapacity(e.currentTarget.value)}
            />
          </label>
          <label className={s.field}>
            CE credits
            <input
              type="number"
              min={0}
              max={100}
              step={0.25}
              value={credits}
              onChange={(e) => setCredits(e.currentTarget.value)}
            />
          </label>
        </div>
        <fieldset className={s.field} style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend>Speakers</legend>
          <label className={s.field}>
            Find speakers
            <input type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          </label>
          <ul className={s.speakerList}>
            {speakerOptions.map((p) => (
              <li key={p.id}>
                <label className={s.checkField}>
                  <input
                    type="checkbox"
                    checked={speakerIds.includes(p.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSpeakerIds((ids) => (on ? [...ids, p.id] : ids.filter((x) => x !== p.id)));
                    }}
                  />
                  {p.name}
                  {p.company ? `, ${p.company}` : ''}
                </label>
              </li>
            ))}
            {speakerOptions.length === 0 && <li className={s.muted}>No speakers found.</li>}
          </ul>
        </fieldset>
        <div className={s.actions}>
          <button type="submit" className={s.button} disabled={busy || !validTimes}>
            {isNew ? 'Save draft' : 'Save'}
          </button>
          {status === 'DRAFT' && (
            <button
              type="button"
              className={s.primary}
              disabled={busy || !validTimes}
              onClick={() =>
                void (isNew
                  ? save(true)
                  : act(async () => {
                      await update({ variables: { id: session.id, patch: fields() } });
                      await publish({ variables: { id: session.id } });
                      return session.id;
                    }, 'Published.'))
              }
            >
              {isNew ? 'Save and publish' : 'Publish'}
            </button>
          )}
          {session && status === 'DRAFT' && (
            <button
              type="button"
              className={s.danger}
              disabled={busy}
              onClick={() => {
                if (!window.confirm(`Delete the draft "${session.title}"?`)) return;
                void act(async () => {
                  await remove({ variables: { id: session.id } });
                  onClose();
                  return null;
                }, 'Deleted.');
              }}
            >
              Delete draft
            </button>
          )}
          {session && status === 'PUBLISHED' && !cancelling && (
            <button type="button" className={s.danger} onClick={() => setCancelling(true)}>
              Cancel session
            </button>
          )}
          <button type="button" className={s.button} onClick={onClose}>
            Close
          </button>
        </div>
        {session && cancelling && (
          <div className={s.warning} style={{ color: 'inherit' }}>
            <label className={s.field}>
              Reason for cancelling
              <input value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} />
            </label>
            <p className="hint">Attendees with it in their schedule are told, with this reason.</p>
            <div className={s.actions}>
              <button
                type="button"
                className={s.danger}
                disabled={busy || !reason.trim()}
                onClick={() =>
                  void act(async () => {
                    await cancel({ variables: { id: session.id, reason: reason.trim() } });
                    setCancelling(false);
                    return session.id;
                  }, 'Cancelled.')
                }
              >
                Confirm cancellation
              </button>
              <button type="button" className={s.button} onClick={() => setCancelling(false)}>
                Keep it
              </button>
            </div>
          </div>
        )}
        {refusal && (
          <p className={s.warning} role="alert">
            Refused: {refusal}
          </p>
        )}
        {done && (
          <p className={s.ok} role="status">
            {done}
          </p>
        )}
      </form>
    </aside>
  );
}
