import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { graphql } from '../gql';
import { dayTime } from '../programme/days';
import { FormError } from '../ui/FormError';
import { useAdmin } from './admin-context';
import { fromZoneInput, toZoneInput } from './time-grid';
import { type AdminBooth, STATUS_WORDS } from './booth-words';
import s from './Ops.module.css';

const History = graphql(`
  query AdminBoothHistory($boothId: ID!) {
    boothHistory(boothId: $boothId) {
      id
      at
      actor
      fromStatus
      toStatus
      fromExhibitorId
      toExhibitorId
    }
  }
`);

const Hold = graphql(`
  mutation AdminHoldBooth($boothId: ID!, $exhibitorId: ID!, $until: DateTime!) {
    holdBooth(boothId: $boothId, exhibitorId: $exhibitorId, until: $until) {
      ...AdminBoothFields
    }
  }
`);
const Assign = graphql(`
  mutation AdminAssignBooth($boothId: ID!, $exhibitorId: ID!) {
    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {
      ...AdminBoothFields
    }
  }
`);
const Release = graphql(`
  mutation AdminReleaseBooth($boothId: ID!) {
    releaseBooth(boothId: $boothId) {
      ...AdminBoothFields
    }
  }
`);
const Move = graphql(`
  mutation AdminMoveBooth($boothId: ID!, $toBoothId: ID!) {
    moveBooth(boothId: $boothId, toBoothId: $toBoothId) {
      ...AdminBoothFields
    }
  }
`);

const REFRESH = ['AdminBooths', 'AdminBoothHistory', 'AdminExhibitorsPage'];

/**
 * The booth chosen on the plan: what it is, what can be done with it in its status (hold an
 * available booth until a time, assign it, release it, move its exhibitor to a free booth) and every
 * change of its status (who, when, from, to).
 */
export function BoothPanel({
  booth,
  exhibitors,
  available,
  onMoved,
}: {
  booth: AdminBooth;
  exhibitors: { id: string; name: string }[];
  available: AdminBooth[];
  onMoved: (boothId: string) => void;
}) {
  const history = useQuery(History, { variables: { boothId: booth.id }, fetchPolicy: 'network-only' });
  const [exhibitorId, setExhibitorId] = useState(booth.exhibitor?.id ?? '');
  // Times are the venue's wall clock (the edition's timezone), whoever looks: the hold's end, the history.
  const zone = useAdmin().edition.timezone;
  const [until, setUntil] = useState(toZoneInput(new Date(Date.now() + 48 * 3_600_000).toISOString(), zone));
  const [target, setTarget] = useState('');
  const [hold, holding] = useMutation(Hold, { refetchQueries: REFRESH });
  const [assign, assigning] = useMutation(Assign, { refetchQueries: REFRESH });
  const [release, releasing] = useMutation(Release, { refetchQueries: REFRESH });
  const [move, moving] = useMutation(Move, { refetchQueries: REFRESH });
  const busy = holding.loading || assigning.loading || releasing.loading || moving.loading;
  const error = holding.error ?? assigning.error ?? releasing.error ?? moving.error;
  const nameOf = (id: string | null | undefined) =>
    id
      ? (exhibitors.find((e) => e.id === id)?.name ??
        (booth.exhibitor?.id === id ? booth.exhibitor.name : 'an exhibitor'))
      : '';

  const onAssign = (event: FormEvent) => {
    event.preventDefault();
    if (exhibitorId) void assign({ variables: { boothId: booth.id, exhibitorId } }).catch(() => undefined);
  };
  const onHold = () => {
    if (exhibitorId && until)
      void hold({
        variables: { boothId: booth.id, exhibitorId, until: fromZoneInput(until, zone)! },
      }).catch(() => undefined);
  };
  const onMove = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    void move({ variables: { boothId: booth.id, toBoothId: target } })
      .then(({ data }) => data && onMoved(data.moveBooth.id))
      .catch(() => undefined);
  };

  return (
    <div aria-labelledby="booth-title" role="region">
      <h3 id="booth-title">Booth {booth.code}</h3>
      <dl className={s.details}>
        <dt>Status</dt>
        <dd>{STATUS_WORDS[booth.status] ?? booth.status}</dd>
        {booth.exhibitor && (
          <>
            <dt>{booth.status === 'ASSIGNED' ? 'Exhibitor' : 'Held for'}</dt>
            <dd>{booth.exhibitor.name}</dd>
          </>
        )}
        {booth.holdExpiresAt && (
          <>
            <dt>Hold until</dt>
            <dd>
              {toZoneInput(booth.holdExpiresAt, zone).replace('T', ' ')} ({zone})
            </dd>
          </>
        )}
        {booth.requestedAt && (
          <>
            <dt>Requested</dt>
            <dd>{dayTime(booth.requestedAt, zone, true)} by the exhibitor</dd>
          </>
        )}
        <dt>Size</dt>
        <dd>
          {booth.widthM} × {booth.depthM} m ({booth.areaM2} m²), {booth.type.toLowerCase()}
        </dd>
        <dt>Hall</dt>
        <dd>{booth.hall.name}</dd>
      </dl>

      {booth.status !== 'ASSIGNED' && (
        <form className={s.form} onSubmit={onAssign} aria-label={`Assign booth ${booth.code}`}>
          <label className={s.field}>
            Exhibitor
            <select value={exhibitorId} onChange={(e) => setExhibitorId(e.currentTarget.value)} required>
              <option value="">Choose an exhibitor</option>
              {booth.exhibitor && !exhibitors.some((e) => e.id === booth.exhibitor!.id) && (
                <option value={booth.exhibitor.id}>{booth.exhibitor.name}</option>
              )}
              {exhibitors.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button primary" disabled={busy || !exhibitorId}>
            Assign
          </button>
          {booth.status === 'AVAILABLE' && (
            <>
              <label className={s.field}>
                Hold until ({zone})
                <input type="datetime-local" value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
              </label>
              <button type="button" className="button" disabled={busy || !exhibitorId || !until} onClick={onHold}>
                Hold
              </button>
            </>
          )}
        </form>
      )}
      {booth.status !== 'AVAILABLE' && (
        <div className={s.buttons}>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void release({ variables: { boothId: booth.id } }).catch(() => undefined)}
          >
            Release
          </button>
        </div>
      )}
      {booth.status === 'ASSIGNED' && (
        <form className={s.form} onSubmit={onMove} aria-label={`Move the exhibitor of booth ${booth.code}`}>
          <label className={s.field}>
            Move to booth
            <select value={target} onChange={(e) => setTarget(e.currentTarget.value)} required>
              <option value="">Choose a free booth</option>
              {available.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.code} ({b.hall.name}, {b.areaM2} m²)
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={busy || !target}>
            Move
          </button>
        </form>
      )}
      <FormError error={error} />

      <h4>Status history</h4>
      <FormError error={history.error} />
      {history.data && history.data.boothHistory.length === 0 && <p className={s.muted}>No change yet.</p>}
      {history.data && history.data.boothHistory.length > 0 && (
        <ol className={s.muted} style={{ paddingLeft: '1.2rem' }} aria-label={`Status history of booth ${booth.code}`}>
          {[...history.data.boothHistory].reverse().map((c) => (
            <li key={c.id}>
              {dayTime(c.at, zone, true)}: {c.fromStatus ? `${STATUS_WORDS[c.fromStatus]} →` : 'Created,'}{' '}
              {STATUS_WORDS[c.toStatus]}
              {c.toExhibitorId
                ? ` (${nameOf(c.toExhibitorId)})`
                : c.fromExhibitorId
                  ? ` (was ${nameOf(c.fromExhibitorId)})`
                  : ''}
              {' · '}
              {c.actor ?? (c.fromStatus === 'ON_HOLD' ? 'hold expired' : 'system')}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
