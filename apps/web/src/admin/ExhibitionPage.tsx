import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import plan from '../exhibition/Exhibition.module.css';
import { FloorPlan } from '../exhibition/FloorPlan';
import { graphql } from '../gql';
import { dayTime } from '../programme/days';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useAdmin } from './admin-context';
import { BoothImport } from './BoothImport';
import { BoothPanel } from './BoothPanel';
import { boothLabel } from './booth-words';
import { ExhibitorAllotments } from './ExhibitorAllotments';
import s from './Ops.module.css';

const Expo = graphql(`
  query AdminExpo($editionId: ID!) {
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
  }
`);

const Booths = graphql(`
  query AdminBooths($editionId: ID!) {
    booths(editionId: $editionId) {
      ...AdminBoothFields
    }
  }
`);

graphql(`
  fragment AdminBoothFields on Booth {
    id
    code
    xM
    yM
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
    }
    exhibitor {
      id
      name
    }
  }
`);

/** Exhibitors for the pickers (assign, hold). */
const ExhibitorNames = graphql(`
  query AdminExhibitorNames($editionId: ID!) {
    exhibitors(editionId: $editionId, first: 200) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const CreateHall = graphql(`
  mutation AdminCreateHall($editionId: ID!, $input: HallInput!) {
    createHall(editionId: $editionId, input: $input) {
      id
    }
  }
`);

const SetSelection = graphql(`
  mutation AdminSetBoothSelection($editionId: ID!, $open: Boolean!) {
    setBoothSelection(editionId: $editionId, open: $open) {
      id
      boothSelectionOpen
    }
  }
`);

const Assign = graphql(`
  mutation AdminApproveBooth($boothId: ID!, $exhibitorId: ID!) {
    assignBooth(boothId: $boothId, exhibitorId: $exhibitorId) {
      ...AdminBoothFields
    }
  }
`);

/**
 * Exhibition (/admin/exhibition): halls, the booth inventory on the floor plan (a booth is a button:
 * click or Tab + Enter opens it beside the plan to hold, assign, release or move it, with its status
 * history), exhibitors' booth requests to approve, booth selection open or closed, the booth CSV
 * import with its per-row report, and the exhibitors with their staff allotments.
 */
export function Component() {
  useDocumentTitle('Exhibition');
  const { edition } = useAdmin();
  const editionId = edition.id;
  const expo = useQuery(Expo, { variables: { editionId } });
  const booths = useQuery(Booths, { variables: { editionId } });
  const exhibitors = useQuery(ExhibitorNames, { variables: { editionId } });
  const [hallId, setHallId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [setSelection, selecting] = useMutation(SetSelection);
  const [approve, approving] = useMutation(Assign);

  const halls = expo.data?.edition?.halls ?? [];
  const hall = halls.find((h) => h.id === hallId) ?? halls[0];
  const all = booths.data?.booths ?? [];
  const inHall = all.filter((b) => b.hall.id === hall?.id);
  const booth = all.find((b) => b.id === selected) ?? null;
  const requests = all
    .filter((b) => b.status === 'ON_HOLD' && b.requestedAt)
    .sort((a, b) => a.requestedAt!.localeCompare(b.requestedAt!));
  const names = (exhibitors.data?.exhibitors.edges ?? []).map((e) => e.node);
  const count = (status: string) => inHall.filter((b) => b.status === status).length;
  const selectionOpen = expo.data?.edition?.boothSelectionOpen ?? false;
  // The switch follows the click at once; the server's answer settles it.
  const [pendingOpen, setPendingOpen] = useState<boolean | null>(null);
  const toggleSelection = (open: boolean) => {
    setPendingOpen(open);
    void setSelection({ variables: { editionId, open } })
      .catch(() => undefined)
      .finally(() => setPendingOpen(null));
  };

  return (
    <div className="page">
      <h1>Exhibition</h1>
      <p className={s.lede}>{edition.name}: halls, booths and exhibitors.</p>
      <FormError error={expo.error ?? booths.error} />

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">Floor plan</h2>
        <div className={s.form}>
          {halls.length > 1 && (
            <label className={s.field}>
              Hall
              <select
                value={hall?.id ?? ''}
                onChange={(e) => {
                  setHallId(e.currentTarget.value);
                  setSelected(null);
                }}
              >
                {halls.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className={s.switch}>
            <input
              type="checkbox"
              role="switch"
              checked={pendingOpen ?? selectionOpen}
              disabled={!expo.data}
              onChange={(e) => toggleSelection(e.currentTarget.checked)}
            />
            Booth selection open to exhibitors
          </label>
        </div>
        <FormError error={selecting.error} />
        {expo.data && halls.length === 0 && <p>No hall yet: add one below, then import its booths.</p>}
        {hall && (
          <div className={s.planLayout}>
            <div>
              <ul className={s.legend} aria-label={`Booths of ${hall.name}`}>
                <li>{inHall.length} booths</li>
                <li>
                  <span className={`${plan.swatch} ${plan.free}`} aria-hidden="true" /> {count('AVAILABLE')} available
                </li>
                <li>
                  <span className={`${plan.swatch} ${plan.held}`} aria-hidden="true" /> {count('ON_HOLD')} on hold
                </li>
                <li>
                  <span className={`${plan.swatch} ${plan.assigned}`} aria-hidden="true" /> {count('ASSIGNED')} assigned
                </li>
              </ul>
              <FloorPlan
                hall={hall}
                booths={inHall}
                highlighted={booth?.code}
                byStatus
                control={(b) => ({
                  kind: 'button',
                  label: boothLabel(b),
                  pressed: b.id === selected,
                  onSelect: () => setSelected(b.id === selected ? null : b.id),
                })}
              />
            </div>
            <div className={s.panel}>
              {booth ? (
                <BoothPanel
                  key={booth.id}
                  booth={booth}
                  exhibitors={names}
                  available={all.filter((b) => b.status === 'AVAILABLE' && b.id !== booth.id)}
                  onMoved={(id) => setSelected(id)}
                />
              ) : (
                <p className={s.muted}>Choose a booth on the plan (click it, or Tab to it and press Enter).</p>
              )}
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="requests-title" className={s.section}>
        <h2 id="requests-title">Booth requests</h2>
        <p className="hint">
          Exhibitors request a free booth while booth selection is open; it stays on hold for them until approved or the
          hold expires.
        </p>
        {requests.length === 0 ? (
          <p className={s.muted}>No requests waiting.</p>
        ) : (
          <div className={s.scroll}>
            <table className={s.table}>
              <caption>Booth requests</caption>
              <thead>
                <tr>
                  <th scope="col">Exhibitor</th>
                  <th scope="col">Booth</th>
                  <th scope="col">Requested</th>
                  <th scope="col">Hold expires</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{b.exhibitor?.name}</th>
                    <td>
                      {b.code} ({b.hall.name}, {b.areaM2} m²)
                    </td>
                    <td>{dayTime(b.requestedAt!, edition.timezone, true)}</td>
                    <td>{b.holdExpiresAt ? dayTime(b.holdExpiresAt, edition.timezone, true) : '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button primary"
                        aria-label={`Approve booth ${b.code} for ${b.exhibitor?.name}`}
                        disabled={approving.loading || !b.exhibitor}
                        onClick={() =>
                          void approve({ variables: { boothId: b.id, exhibitorId: b.exhibitor!.id } }).catch(
                            () => undefined,
                          )
                        }
                      >
                        Approve
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <FormError error={approving.error} />
      </section>

      <section aria-labelledby="halls-title" className={s.section}>
        <h2 id="halls-title">Halls</h2>
        {halls.length > 0 && (
          <ul>
            {halls.map((h) => (
              <li key={h.id}>
                {h.name}: {h.widthM} × {h.depthM} m, {all.filter((b) => b.hall.id === h.id).length} booths
              </li>
            ))}
          </ul>
        )}
        <NewHall editionId={editionId} />
      </section>

      <section aria-labelledby="import-title" className={s.section}>
        <h2 id="import-title">Import booths</h2>
        <BoothImport editionId={editionId} />
      </section>

      <section aria-labelledby="exhibitors-title" className={s.section}>
        <h2 id="exhibitors-title">Exhibitors and staff allotments</h2>
        <ExhibitorAllotments editionId={editionId} />
      </section>
    </div>
  );
}

function NewHall({ editionId }: { editionId: string }) {
  const [name, setName] = useState('');
  const [width, setWidth] = useState('');
  const [depth, setDepth] = useState('');
  const [create, creating] = useMutation(CreateHall, { refetchQueries: ['AdminExpo'] });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await create({ variables: { editionId, input: { name, widthM: Number(width), depthM: Number(depth) } } });
    setName('');
    setWidth('');
    setDepth('');
  };
  return (
    <form className={s.form} aria-label="New hall" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <label className={s.field}>
        Hall name
        <input value={name} required onChange={(e) => setName(e.currentTarget.value)} />
      </label>
      <MetresField label="Width (m)" value={width} onChange={setWidth} />
      <MetresField label="Depth (m)" value={depth} onChange={setDepth} />
      <button type="submit" className="button primary" disabled={creating.loading}>
        Add hall
      </button>
      <FormError error={creating.error} />
    </form>
  );
}

/** A hall's size in metres (at least 1, by half metres). */
function MetresField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className={s.field}>
      {label}
      <input
        type="number"
        min="1"
        step="0.5"
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </label>
  );
}
