import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import s from './Portal.module.css';
import { usePortal } from './portal-context';

const PortalStaff = graphql(`
  query PortalStaff($id: ID!) {
    exhibitorStaff(exhibitorId: $id) {
      email
      admin
    }
    staffAllotment(exhibitorId: $id) {
      allotted
      used
      overridden
    }
  }
`);

const AddExhibitorStaff = graphql(`
  mutation AddExhibitorStaff($exhibitorId: ID!, $email: String!, $admin: Boolean) {
    addExhibitorStaff(exhibitorId: $exhibitorId, email: $email, admin: $admin) {
      email
      admin
    }
  }
`);

const RemoveExhibitorStaff = graphql(`
  mutation RemoveExhibitorStaff($exhibitorId: ID!, $email: String!) {
    removeExhibitorStaff(exhibitorId: $exhibitorId, email: $email) {
      email
      admin
    }
  }
`);

const SetStaffAllotment = graphql(`
  mutation SetStaffAllotment($exhibitorId: ID!, $places: Int) {
    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {
      allotted
      used
      overridden
    }
  }
`);

/**
 * The portal's Staff (/exhibitor/staff), for the exhibitor's admins and organizers: who works the
 * booth (email, admin), add by email within the staff allotment, remove; the places used and
 * available. Organizers may also set the number of places.
 */
export function Component() {
  const portal = usePortal();
  useDocumentTitle(`Staff · ${portal.exhibitorName}`);
  const id = useId();
  const staff = useQuery(PortalStaff, {
    variables: { id: portal.exhibitorId },
    skip: !portal.canManage,
    fetchPolicy: 'cache-and-network',
  });
  const refetch = { refetchQueries: ['PortalStaff'], awaitRefetchQueries: true };
  const [add, adding] = useMutation(AddExhibitorStaff, refetch);
  const [remove, removing] = useMutation(RemoveExhibitorStaff, refetch);
  const [email, setEmail] = useState('');
  const [admin, setAdmin] = useState(false);
  const [said, setSaid] = useState('');

  if (!portal.canManage) {
    return (
      <div className="page narrow">
        <h1>Staff</h1>
        <p>Only the exhibitor’s admins manage its staff.</p>
      </div>
    );
  }

  const list = staff.data?.exhibitorStaff ?? [];
  const allotment = staff.data?.staffAllotment;
  const full = !!allotment && allotment.used >= allotment.allotted;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (!address) return;
    setSaid('');
    removing.reset();
    const result = await add({ variables: { exhibitorId: portal.exhibitorId, email: address, admin } }).catch(
      () => null,
    );
    if (result?.data) {
      setSaid(`${address} added${admin ? ' as an admin' : ''}.`);
      setEmail('');
      setAdmin(false);
    }
  }
  async function drop(address: string) {
    setSaid('');
    adding.reset();
    const result = await remove({ variables: { exhibitorId: portal.exhibitorId, email: address } }).catch(() => null);
    if (result?.data) setSaid(`${address} removed.`);
  }

  return (
    <div className="page narrow">
      <h1>Staff</h1>
      <FormError error={staff.error} />
      {allotment && (
        <section aria-labelledby={`${id}-places`}>
          <h2 id={`${id}-places`}>Staff places</h2>
          <p>
            <strong>
              {allotment.used} of {allotment.allotted} places used
            </strong>
            , {Math.max(0, allotment.allotted - allotment.used)} available
            <span className={s.muted}>
              {allotment.overridden ? ' (set by the organizers)' : ' (from your booth area; at least two)'}
            </span>
          </p>
          <div className={`${s.meter} ${full ? s.full : ''}`} aria-hidden="true">
            <span style={{ width: `${Math.min(100, (allotment.used / Math.max(1, allotment.allotted)) * 100)}%` }} />
          </div>
          {portal.organizer && <AllotmentForm current={allotment.overridden ? allotment.allotted : null} />}
        </section>
      )}
      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>People</h2>
        {staff.loading && !staff.data && <p role="status">Loading…</p>}
        {staff.data && list.length === 0 && <p>No one is on the staff yet.</p>}
        {list.length > 0 && (
          <table className={s.table} aria-labelledby={`${id}-list`}>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className={s.srOnly}>Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.email}>
                  <td>{m.email}</td>
                  <td>{m.admin ? 'Admin' : 'Staff'}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Remove ${m.email}`}
                      disabled={removing.loading}
                      onClick={() => void drop(m.email)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <FormError error={removing.error} />
      </section>
      <section aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`}>Add a staff member</h2>
        <form className={s.form} onSubmit={(e) => void submit(e)}>
          <div className={s.field}>
            <label htmlFor={`${id}-email`}>Email</label>
            <input
              id={`${id}-email`}
              type="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                adding.reset();
              }}
              autoComplete="off"
              required
              aria-describedby={`${id}-email-hint`}
            />
            <p id={`${id}-email-hint`} className="hint">
              They sign in with this address (or create an account with it) to capture leads.
            </p>
          </div>
          <label className={s.check}>
            <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} />
            Admin (manages the profile, booth and staff)
          </label>
          <FormError error={adding.error} />
          <div className={s.actions}>
            <button type="submit" className="button primary" disabled={adding.loading || !email.trim()}>
              {adding.loading ? 'Adding…' : 'Add staff member'}
            </button>
          </div>
        </form>
        <p role="status" className={s.saved}>
          {said}
        </p>
      </section>
    </div>
  );
}

/** Organizers: a fixed number of staff places, or back to the one from booth area. */
function AllotmentForm({ current }: { current: number | null }) {
  const portal = usePortal();
  const id = useId();
  const [places, setPlaces] = useState(current === null ? '' : String(current));
  const [set, { loading, error }] = useMutation(SetStaffAllotment, {
    refetchQueries: ['PortalStaff'],
    awaitRefetchQueries: true,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const n = places.trim() === '' ? null : Number(places);
    void set({ variables: { exhibitorId: portal.exhibitorId, places: n } }).catch(() => null);
  }
  return (
    <form className={s.inline} onSubmit={submit}>
      <div className={s.field}>
        <label htmlFor={id}>Staff places (organizers)</label>
        <input
          id={id}
          type="number"
          min={0}
          max={1000}
          inputMode="numeric"
          value={places}
          onChange={(e) => setPlaces(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          Empty: derived from the booth area.
        </p>
      </div>
      <button type="submit" className="button" disabled={loading}>
        Set staff places
      </button>
      <FormError error={error} />
    </form>
  );
}
