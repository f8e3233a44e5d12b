import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { graphql } from '../gql';
import type { AccessLevel, AdminCheckpointsQuery, CheckpointKind } from '../gql/graphql';
import { ACCESS_LEVEL_LABEL } from '../programme/access-level';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useAdmin } from './admin-context';
import { DoorDashboard } from './DoorDashboard';
import { doorState } from './door-words';
import { fromZoneInput, toZoneInput } from './time-grid';
import s from './Ops.module.css';

const Checkpoints = graphql(`
  query AdminCheckpoints($editionId: ID!) {
    checkpoints(editionId: $editionId) {
      id
      name
      kind
      allowed
      opensAt
      closesAt
      exitScanning
      session {
        id
        title
      }
    }
  }
`);

const VenueFigures = graphql(`
  query AdminVenueStats($editionId: ID!) {
    venueStats(editionId: $editionId) {
      day
      uniqueAttendees
    }
  }
`);

const Sessions = graphql(`
  query AdminCheckpointSessions($editionId: ID!) {
    sessions(editionId: $editionId, first: 200) {
      edges {
        node {
          id
          title
          startsAt
        }
      }
    }
  }
`);

const CreateCheckpoint = graphql(`
  mutation AdminCreateCheckpoint($editionId: ID!, $input: CheckpointInput!) {
    createCheckpoint(editionId: $editionId, input: $input) {
      id
    }
  }
`);

const UpdateCheckpoint = graphql(`
  mutation AdminUpdateCheckpoint($id: ID!, $input: CheckpointPatch!) {
    updateCheckpoint(id: $id, input: $input) {
      id
      name
      allowed
      opensAt
      closesAt
      exitScanning
    }
  }
`);

type CheckpointRow = AdminCheckpointsQuery['checkpoints'][number];

const LEVELS = Object.keys(ACCESS_LEVEL_LABEL) as AccessLevel[];
const DEFAULT_LEVELS: AccessLevel[] = ['FULL_CONFERENCE', 'EXPO_ONLY', 'SPEAKER', 'PRESS', 'EXHIBITOR', 'STAFF'];
/** The dashboard's fallback when the live feed is silent or dropped. */
const REFRESH_MS = 15_000;

/** Venue-wide figures summed from the doors' live figures, reported by each door's dashboard. */
export interface DoorFigures {
  admittedToday: number;
  insideNow: number;
  lastQuarterHour: number;
}

/**
 * Doors (/admin/doors): the checkpoints (create, edit, open and close) and the live dashboard: per
 * checkpoint a region named after it (Admitted today, inside now, last 15 minutes, admissions per 5
 * minutes, devices, offline conflicts, failed scans), venue-wide figures above. Live through
 * checkpointStatsChanged, refetched every 15 s besides.
 */
export function Component() {
  useDocumentTitle('Doors');
  const { edition } = useAdmin();
  const editionId = edition.id;
  const checkpoints = useQuery(Checkpoints, { variables: { editionId } });
  const venue = useQuery(VenueFigures, { variables: { editionId } });
  const [figures, setFigures] = useState<Record<string, DoorFigures>>({});
  const list = checkpoints.data?.checkpoints ?? [];
  const refetchVenue = venue.refetch;

  useEffect(() => {
    const timer = setInterval(() => void refetchVenue().catch(() => undefined), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetchVenue]);

  const totals = list.reduce(
    (sum, c) => {
      const f = figures[c.id];
      if (!f || c.kind !== 'ENTRANCE') return sum;
      return {
        admittedToday: sum.admittedToday + f.admittedToday,
        insideNow: sum.insideNow + f.insideNow,
        lastQuarterHour: sum.lastQuarterHour + f.lastQuarterHour,
      };
    },
    { admittedToday: 0, insideNow: 0, lastQuarterHour: 0 },
  );

  return (
    <div className="page">
      <h1>Doors</h1>
      <p className={s.lede}>{edition.name}: the checkpoints and what they see, live.</p>
      <FormError error={checkpoints.error} />

      <section aria-labelledby="venue-title">
        <h2 id="venue-title">Venue today</h2>
        <dl className={`${s.figures} ${s.venue}`}>
          <div>
            <dt>People in (unique, all entrances)</dt>
            <dd>{venue.data?.venueStats.uniqueAttendees ?? '…'}</dd>
          </div>
          <div>
            <dt>Entrance admissions today</dt>
            <dd>{totals.admittedToday}</dd>
          </div>
          <div>
            <dt>Entrance admissions, last 15 minutes</dt>
            <dd>{totals.lastQuarterHour}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="dash-title" className={s.section}>
        <h2 id="dash-title">Live dashboard</h2>
        {checkpoints.data && list.length === 0 && <p>No checkpoints yet: add the first one below.</p>}
        <div className={s.doors}>
          {list.map((c) => (
            <DoorDashboard
              key={c.id}
              checkpoint={c}
              refreshMs={REFRESH_MS}
              onFigures={(f) =>
                setFigures((all) =>
                  all[c.id]?.admittedToday === f.admittedToday &&
                  all[c.id]?.insideNow === f.insideNow &&
                  all[c.id]?.lastQuarterHour === f.lastQuarterHour
                    ? all
                    : { ...all, [c.id]: f },
                )
              }
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="cp-title" className={s.section}>
        <h2 id="cp-title">Checkpoints</h2>
        {list.length > 0 && <CheckpointTable checkpoints={list} />}
        <NewCheckpoint editionId={editionId} />
      </section>
    </div>
  );
}

function CheckpointTable({ checkpoints }: { checkpoints: CheckpointRow[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [update, updating] = useMutation(UpdateCheckpoint);
  const now = Date.now();
  const zone = useAdmin().edition.timezone;
  const edited = checkpoints.find((c) => c.id === editing);
  return (
    <>
      <div className={s.scroll}>
        <table className={s.table}>
          <caption>Checkpoints</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Admits</th>
              <th scope="col">Opens ({zone})</th>
              <th scope="col">Closes ({zone})</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {checkpoints.map((c) => {
              const state = doorState(c.opensAt, c.closesAt, now);
              return (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>
                    {c.kind === 'ENTRANCE' ? 'Entrance' : `Session room${c.session ? `: ${c.session.title}` : ''}`}
                    {c.exitScanning && <span className={s.muted}> (scans exits)</span>}
                  </td>
                  <td>{c.allowed.map((l) => ACCESS_LEVEL_LABEL[l] ?? l).join(', ')}</td>
                  <td>{c.opensAt ? toZoneInput(c.opensAt, zone).replace('T', ' ') : '—'}</td>
                  <td>{c.closesAt ? toZoneInput(c.closesAt, zone).replace('T', ' ') : '—'}</td>
                  <td>
                    <span className={`${s.pill} ${state === 'OPEN' ? s.good : s.bad}`}>
                      {state === 'OPEN' ? 'Open' : state === 'CLOSED' ? 'Closed' : 'Not open yet'}
                    </span>
                  </td>
                  <td>
                    <div className={s.buttons}>
                      <button
                        type="button"
                        className="button"
                        aria-label={`Edit ${c.name}`}
                        aria-expanded={editing === c.id}
                        onClick={() => setEditing(editing === c.id ? null : c.id)}
                      >
                        Edit
                      </button>
                      {state === 'OPEN' ? (
                        <button
                          type="button"
                          className="button"
                          aria-label={`Close ${c.name}`}
                          disabled={updating.loading}
                          onClick={() =>
                            void update({
                              variables: { id: c.id, input: { closesAt: new Date().toISOString() } },
                            }).catch(() => undefined)
                          }
                        >
                          Close now
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button"
                          aria-label={`Open ${c.name}`}
                          disabled={updating.loading}
                          onClick={() =>
                            void update({
                              variables: {
                                id: c.id,
                                input: { closesAt: null, ...(state === 'NOT_YET' ? { opensAt: null } : {}) },
                              },
                            }).catch(() => undefined)
                          }
                        >
                          Open now
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FormError error={updating.error} />
      {edited && <EditCheckpoint key={edited.id} checkpoint={edited} onDone={() => setEditing(null)} />}
    </>
  );
}

function LevelChecks({ value, onChange }: { value: AccessLevel[]; onChange: (v: AccessLevel[]) => void }) {
  return (
    <fieldset className={s.checks}>
      <legend>Admits</legend>
      {LEVELS.map((l) => (
        <label key={l}>
          <input
            type="checkbox"
            checked={value.includes(l)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, l] : value.filter((v) => v !== l))}
          />
          {ACCESS_LEVEL_LABEL[l]}
        </label>
      ))}
    </fieldset>
  );
}

function EditCheckpoint({ checkpoint, onDone }: { checkpoint: CheckpointRow; onDone: () => void }) {
  const id = useId();
  // Opening hours are the venue's: read and written in the edition's timezone, whoever edits them.
  const zone = useAdmin().edition.timezone;
  const [name, setName] = useState(checkpoint.name);
  const [allowed, setAllowed] = useState<AccessLevel[]>(checkpoint.allowed);
  const [opensAt, setOpensAt] = useState(toZoneInput(checkpoint.opensAt, zone));
  const [closesAt, setClosesAt] = useState(toZoneInput(checkpoint.closesAt, zone));
  const [update, updating] = useMutation(UpdateCheckpoint);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await update({
      variables: {
        id: checkpoint.id,
        input: { name, allowed, opensAt: fromZoneInput(opensAt, zone), closesAt: fromZoneInput(closesAt, zone) },
      },
    });
    onDone();
  };
  return (
    <form className={s.form} aria-labelledby={`${id}-t`} onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h3 id={`${id}-t`} style={{ flexBasis: '100%', margin: '0.5rem 0 0' }}>
        Edit {checkpoint.name}
      </h3>
      <label className={s.field}>
        Name
        <input value={name} required maxLength={100} onChange={(e) => setName(e.currentTarget.value)} />
      </label>
      <LevelChecks value={allowed} onChange={setAllowed} />
      <label className={s.field}>
        Opens at ({zone})
        <input type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.currentTarget.value)} />
      </label>
      <label className={s.field}>
        Closes at ({zone})
        <input type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.currentTarget.value)} />
      </label>
      <div className={s.buttons}>
        <button type="submit" className="button primary" disabled={updating.loading || allowed.length === 0}>
          Save checkpoint
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <FormError error={updating.error} />
    </form>
  );
}

function NewCheckpoint({ editionId }: { editionId: string }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CheckpointKind>('ENTRANCE' as CheckpointKind);
  const [sessionId, setSessionId] = useState('');
  const [allowed, setAllowed] = useState<AccessLevel[]>(DEFAULT_LEVELS);
  const [exitScanning, setExitScanning] = useState(false);
  const sessions = useQuery(Sessions, { variables: { editionId }, skip: kind !== 'SESSION_ROOM' });
  const [create, creating] = useMutation(CreateCheckpoint, { refetchQueries: ['AdminCheckpoints'] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create({
      variables: {
        editionId,
        input: {
          name,
          kind,
          allowed,
          ...(kind === 'SESSION_ROOM' ? { sessionId, exitScanning } : {}),
        },
      },
    });
    setName('');
  };
  return (
    <form className={s.form} aria-labelledby="new-cp" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h3 id="new-cp" style={{ flexBasis: '100%', margin: '0.5rem 0 0' }}>
        New checkpoint
      </h3>
      <label className={s.field}>
        Checkpoint name
        <input value={name} required maxLength={100} onChange={(e) => setName(e.currentTarget.value)} />
      </label>
      <label className={s.field}>
        Kind
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as CheckpointKind)}>
          <option value="ENTRANCE">Entrance</option>
          <option value="SESSION_ROOM">Session room</option>
        </select>
      </label>
      {kind === 'SESSION_ROOM' && (
        <>
          <label className={s.field}>
            Session
            <select value={sessionId} required onChange={(e) => setSessionId(e.currentTarget.value)}>
              <option value="">Choose a session</option>
              {(sessions.data?.sessions.edges ?? []).map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.title}
                </option>
              ))}
            </select>
          </label>
          <label className={s.switch}>
            <input type="checkbox" checked={exitScanning} onChange={(e) => setExitScanning(e.currentTarget.checked)} />
            Scan exits too
          </label>
        </>
      )}
      <LevelChecks value={allowed} onChange={setAllowed} />
      <button type="submit" className="button primary" disabled={creating.loading || allowed.length === 0}>
        Add checkpoint
      </button>
      <FormError error={creating.error} />
    </form>
  );
}
