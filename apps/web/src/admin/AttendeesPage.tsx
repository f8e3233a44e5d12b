import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../gql';
import type { AccessLevel, AttendeeBadgeStatus, AttendeeFilter } from '../gql/graphql';
import { ACCESS_LEVEL_LABEL } from '../programme/access-level';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AttendeeImport } from './AttendeeImport';
import { useAdmin } from './admin-context';
import s from './AdminTables.module.css';
import { FilterSelect } from './FilterSelect';

export const AdminAttendees = graphql(`
  query AdminAttendees($editionId: ID!, $filter: AttendeeFilter, $first: Int, $after: String) {
    attendees(editionId: $editionId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          firstName
          lastName
          email
          company
          accessLevel
          checkedInAt
          badge {
            id
            status
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;
const CHECKED_IN_LABEL = { yes: 'Checked in', no: 'Not checked in' };

export const BADGE_STATUS_LABEL: Record<AttendeeBadgeStatus, string> = {
  NONE: 'No badge',
  PENDING: 'Pending',
  ACTIVE: 'Active',
  REVOKED: 'Revoked',
};

/** A value that follows `value` once it has stayed the same for `ms` (typing pauses before a search). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The edition's attendees (/admin/attendees): search (names, email, company) as one types, filters
 * (access level, checked in, badge status), pages of 25 by last name with Previous and Next (keyset
 * cursors, kept in a stack to go back), the total; and the CSV import with its per-row report.
 */
export function Component() {
  useDocumentTitle('Attendees');
  const id = useId();
  const { edition, keep } = useAdmin();
  const [search, setSearch] = useState('');
  const [accessLevel, setAccessLevel] = useState<AccessLevel | ''>('');
  const [checkedIn, setCheckedIn] = useState<'' | 'yes' | 'no'>('');
  const [badgeStatus, setBadgeStatus] = useState<AttendeeBadgeStatus | ''>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]); // the `after` of each page so far
  const term = useDebounced(search.trim(), SEARCH_DELAY_MS);

  const filter: AttendeeFilter = {
    ...(term ? { search: term } : {}),
    ...(accessLevel ? { accessLevel } : {}),
    ...(checkedIn ? { checkedIn: checkedIn === 'yes' } : {}),
    ...(badgeStatus ? { badgeStatus } : {}),
  };
  const filterKey = JSON.stringify(filter);
  useEffect(() => setCursors([null]), [filterKey, edition?.id]); // a new filter starts at page 1

  const after = cursors[cursors.length - 1];
  const { data, previousData, loading, error, refetch } = useQuery(AdminAttendees, {
    variables: { editionId: edition?.id ?? '', filter, first: PAGE_SIZE, after },
    skip: !edition,
    fetchPolicy: 'cache-and-network',
  });
  const list = (data ?? previousData)?.attendees;
  const page = cursors.length;
  const firstRow = (page - 1) * PAGE_SIZE + 1;

  const time = (iso: string) =>
    new Date(iso).toLocaleString('en-GB', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: edition?.timezone,
    });

  return (
    <div className="page">
      <h1>Attendees</h1>
      {edition && <p className={s.muted}>{edition.name}</p>}
      <FormError error={error} />
      {edition && (
        <>
          <AttendeeImport editionId={edition.id} onImported={() => void refetch()} />
          <div role="search" className={s.toolbar} aria-label="Find attendees">
            <label className={`${s.field} ${s.search}`}>
              Search attendees
              <input
                type="search"
                value={search}
                placeholder="Name, email or company"
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
            </label>
            <FilterSelect
              label="Access level"
              value={accessLevel}
              onChange={setAccessLevel}
              labels={ACCESS_LEVEL_LABEL}
            />
            <FilterSelect label="Checked in" value={checkedIn} onChange={setCheckedIn} labels={CHECKED_IN_LABEL} />
            <FilterSelect
              label="Badge status"
              value={badgeStatus}
              onChange={setBadgeStatus}
              labels={BADGE_STATUS_LABEL}
            />
          </div>

          <p role="status" id={`${id}-count`}>
            {list
              ? list.totalCount === 0
                ? 'No attendees match.'
                : `${list.totalCount.toLocaleString('en-GB')} ${list.totalCount === 1 ? 'attendee' : 'attendees'}` +
                  (list.totalCount > PAGE_SIZE ? `, ${firstRow}–${firstRow + list.edges.length - 1} shown` : '')
              : loading
                ? 'Loading attendees…'
                : ''}
          </p>

          {list && list.edges.length > 0 && (
            <div className={s.scroll}>
              <table className={s.table} aria-label="Attendees" aria-busy={loading}>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Company</th>
                    <th scope="col">Access level</th>
                    <th scope="col">Checked in</th>
                    <th scope="col">Badge</th>
                  </tr>
                </thead>
                <tbody>
                  {list.edges.map(({ node: a }) => {
                    const status: AttendeeBadgeStatus = a.badge?.status ?? 'NONE';
                    return (
                      <tr key={a.id}>
                        <th scope="row">
                          <Link to={keep(`/admin/attendees/${a.id}`)}>
                            {a.lastName}, {a.firstName}
                          </Link>
                        </th>
                        <td>{a.email}</td>
                        <td>{a.company ?? ''}</td>
                        <td>{ACCESS_LEVEL_LABEL[a.accessLevel] ?? a.accessLevel}</td>
                        <td>{a.checkedInAt ? time(a.checkedInAt) : <span className={s.muted}>No</span>}</td>
                        <td>
                          <span className={`${s.pill} ${s[status]}`}>{BADGE_STATUS_LABEL[status]}</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}

          {list && (page > 1 || list.pageInfo.hasNextPage) && (
            <nav className={s.pager} aria-label="Attendee pages">
              <button
                type="button"
                className="button"
                disabled={page === 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                Previous
              </button>
              <span>Page {page}</span>
              <button
                type="button"
                className="button"
                disabled={!list.pageInfo.hasNextPage || loading}
                onClick={() => setCursors((c) => [...c, list.pageInfo.endCursor])}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
