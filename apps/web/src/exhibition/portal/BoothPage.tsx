import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import ex from '../Exhibition.module.css';
import { FloorPlan, type PlanHall } from '../FloorPlan';
import { type BoothRefusal, boothRefusal, refusalText } from './booth-request';
import s from './Portal.module.css';
import { usePortal } from './portal-context';
import { dayTime } from '../../programme/days';

const PortalBooth = graphql(`
  query PortalBooth($id: ID!, $editionId: ID!) {
    edition(id: $editionId) {
      id
      boothSelectionOpen
      halls {
        id
        name
        widthM
        depthM
      }
    }
    exhibitor(id: $id) {
      id
      booths {
        id
        code
        widthM
        depthM
        areaM2
        type
        status
        holdExpiresAt
        requestedAt
        hall {
          id
          name
          widthM
          depthM
        }
      }
    }
  }
`);

const PortalHallBooths = graphql(`
  query PortalHallBooths($editionId: ID!, $hallId: ID!) {
    booths(editionId: $editionId, hallId: $hallId) {
      id
      code
      xM
      yM
      widthM
      depthM
      areaM2
      type
      status
      exhibitor {
        id
        name
      }
    }
  }
`);

const RequestBooth = graphql(`
  mutation RequestBooth($boothId: ID!, $exhibitorId: ID!) {
    requestBooth(boothId: $boothId, exhibitorId: $exhibitorId) {
      id
      code
      status
      holdExpiresAt
      requestedAt
      exhibitor {
        id
        name
      }
    }
  }
`);

const words = (v: string) => v.charAt(0) + v.slice(1).toLowerCase();
const size = (b: { widthM: number; depthM: number; areaM2: number }) =>
  `${b.widthM} m × ${b.depthM} m (${b.areaM2} m²)`;

/**
 * The portal's Booth (/exhibitor/booth): my booth on its hall's floor plan (code, size, status, the
 * hold's expiry); without one, while the organizers keep booth selection open, the free booths on the
 * plan to pick and request (the request puts it on hold for us until an organizer approves it).
 */
export function Component() {
  const portal = usePortal();
  useDocumentTitle(`Booth · ${portal.exhibitorName}`);
  const { data, error, loading } = useQuery(PortalBooth, {
    variables: { id: portal.exhibitorId, editionId: portal.edition.id },
    fetchPolicy: 'cache-and-network',
  });
  const mine = data?.exhibitor?.booths ?? [];
  const edition = data?.edition;
  const time = (iso: string) => dayTime(iso, portal.edition.timezone, true);

  if (!data) {
    return (
      <div className="page">
        <h1>Booth</h1>
        {loading ? <p role="status">Loading…</p> : <FormError error={error} />}
      </div>
    );
  }

  const halls = [...new Map(mine.map((b) => [b.hall.id, b.hall])).values()];
  return (
    <div className="page">
      <h1>Booth</h1>
      <FormError error={error} />
      {mine.map((b) => (
        <section key={b.id} className={s.boothCard} aria-labelledby={`booth-${b.id}`}>
          <h2 id={`booth-${b.id}`}>Booth {b.code}</h2>
          <dl className={s.facts}>
            <dt>Hall</dt>
            <dd>{b.hall.name}</dd>
            <dt>Size</dt>
            <dd>{size(b)}</dd>
            <dt>Type</dt>
            <dd>{words(b.type)}</dd>
            <dt>Status</dt>
            <dd>
              {b.status === 'ASSIGNED' ? 'Assigned' : b.status === 'ON_HOLD' ? 'On hold' : words(b.status)}
              {b.status === 'ON_HOLD' && b.holdExpiresAt && <>: held for you until {time(b.holdExpiresAt)}</>}
            </dd>
          </dl>
          {b.status === 'ON_HOLD' && b.requestedAt && (
            <p className={s.muted}>
              Requested {time(b.requestedAt)}. The organizers approve it; unless they do, the booth is released when the
              hold ends.
            </p>
          )}
        </section>
      ))}
      {halls.map((hall) => (
        <HallPlan key={hall.id} hall={hall} mine={mine.filter((b) => b.hall.id === hall.id).map((b) => b.code)} />
      ))}
      {mine.length === 0 && edition && (
        <>
          <p>
            <strong>{portal.exhibitorName} has no booth yet.</strong>
          </p>
          {!edition.boothSelectionOpen ? (
            <p>Booth selection is closed: the organizers assign the booths, and yours will show here.</p>
          ) : !portal.canManage ? (
            <p>Booth selection is open: your exhibitor’s admins choose and request a booth here.</p>
          ) : edition.halls.length === 0 ? (
            <p>The halls are not drawn yet.</p>
          ) : (
            <BoothChooser halls={edition.halls} />
          )}
        </>
      )}
    </div>
  );
}

/** A hall with my booths marked (as images: "Booth A12, your booth"). */
function HallPlan({ hall, mine }: { hall: PlanHall; mine: string[] }) {
  const portal = usePortal();
  const booths = useQuery(PortalHallBooths, { variables: { editionId: portal.edition.id, hallId: hall.id } });
  return (
    <section aria-labelledby={`hall-${hall.id}`}>
      <h2 id={`hall-${hall.id}`}>{hall.name}</h2>
      <FormError error={booths.error} />
      {booths.data && (
        <>
          <FloorPlan
            hall={hall}
            booths={booths.data.booths}
            highlighted={mine}
            control={(b) => (mine.includes(b.code) ? { kind: 'img', label: `Booth ${b.code}, your booth` } : null)}
          />
          <ul className={ex.legend} aria-label="Legend">
            <li>
              <span className={`${ex.swatch} ${ex.highlighted}`} aria-hidden="true" /> Your booth
            </li>
            <li>
              <span className={`${ex.swatch} ${ex.assigned}`} aria-hidden="true" /> Other exhibitors
            </li>
            <li>
              <span className={`${ex.swatch} ${ex.free}`} aria-hidden="true" /> Free booth
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

/** Booth selection: the free booths of a hall on its plan (buttons), the one picked and "Request booth <code>". */
function BoothChooser({ halls }: { halls: readonly PlanHall[] }) {
  const portal = usePortal();
  const [params] = useSearchParams();
  const location = useLocation();
  const hall = halls.find((h) => h.id === params.get('hall')) ?? halls[0];
  const booths = useQuery(PortalHallBooths, {
    variables: { editionId: portal.edition.id, hallId: hall.id },
    fetchPolicy: 'cache-and-network',
    pollInterval: 30_000, // others take booths meanwhile
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<BoothRefusal | null>(null);
  const [request, { loading }] = useMutation(RequestBooth, {
    refetchQueries: ['PortalBooth', 'PortalHallBooths'],
    awaitRefetchQueries: true,
  });
  const list = booths.data?.booths ?? [];
  const available = list.filter((b) => b.status === 'AVAILABLE');
  const selected = available.find((b) => b.id === selectedId) ?? null;
  const hallLink = (id: string) => {
    const next = new URLSearchParams(location.search);
    next.set('hall', id);
    return `${location.pathname}?${next.toString()}`;
  };

  async function ask(booth: { id: string; code: string }) {
    setRefusal(null);
    try {
      await request({ variables: { boothId: booth.id, exhibitorId: portal.exhibitorId } });
    } catch (error) {
      const why = boothRefusal(error, booth.code);
      setRefusal(why);
      if (why.kind === 'taken') {
        setSelectedId(why.nearestBoothId);
        await booths.refetch().catch(() => undefined);
      }
    }
  }

  return (
    <section aria-labelledby="choose-heading">
      <h2 id="choose-heading">Choose your booth</h2>
      <p>
        Booth selection is open. Pick a free booth on the plan and request it: it is held for {portal.exhibitorName}{' '}
        until the organizers approve it.
      </p>
      {halls.length > 1 && (
        <nav aria-label="Halls" className={ex.halls}>
          <ul>
            {halls.map((h) => (
              <li key={h.id}>
                <Link to={hallLink(h.id)} aria-current={h.id === hall.id ? 'page' : undefined}>
                  {h.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h3>
        {hall.name}{' '}
        <span className={s.muted}>
          ({available.length} free {available.length === 1 ? 'booth' : 'booths'})
        </span>
      </h3>
      <FormError error={booths.error} />
      {refusal && (
        <div className={`${s.notice} ${s.warn}`} role="alert">
          <p>{refusalText(refusal)}</p>
          {refusal.kind === 'taken' && refusal.nearestBoothId && refusal.nearestBoothCode && (
            <button
              type="button"
              className="button primary"
              disabled={loading}
              onClick={() => void ask({ id: refusal.nearestBoothId!, code: refusal.nearestBoothCode! })}
            >
              Request booth {refusal.nearestBoothCode}
            </button>
          )}
        </div>
      )}
      {booths.data && (
        <>
          <FloorPlan
            hall={hall}
            booths={list}
            control={(b) =>
              b.status === 'AVAILABLE'
                ? {
                    kind: 'button',
                    label: `Booth ${b.code}, ${b.widthM} m × ${b.depthM} m, ${b.type.toLowerCase()}, free`,
                    pressed: b.id === selectedId,
                    onSelect: () => {
                      setSelectedId(b.id);
                      setRefusal(null);
                    },
                  }
                : null
            }
          />
          <ul className={ex.legend} aria-label="Legend">
            <li>
              <span className={`${ex.swatch} ${ex.selectable}`} aria-hidden="true" /> Free: select to choose
            </li>
            <li>
              <span className={`${ex.swatch} ${ex.highlighted}`} aria-hidden="true" /> Your choice
            </li>
            <li>
              <span className={`${ex.swatch} ${ex.assigned}`} aria-hidden="true" /> Taken
            </li>
          </ul>
          {available.length === 0 && <p>No booth of {hall.name} is free.</p>}
        </>
      )}
      <div className={s.selection} aria-live="polite">
        {selected ? (
          <>
            <p>
              <strong>Booth {selected.code}</strong> · {size(selected)} · {words(selected.type)}
            </p>
            {!(refusal?.kind === 'taken' && refusal.nearestBoothId === selected.id) && (
              <button type="button" className="button primary" disabled={loading} onClick={() => void ask(selected)}>
                {loading ? 'Requesting…' : `Request booth ${selected.code}`}
              </button>
            )}
          </>
        ) : (
          <p className={s.muted}>No booth selected.</p>
        )}
      </div>
    </section>
  );
}
