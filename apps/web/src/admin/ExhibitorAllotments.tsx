import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { CursorPager } from './CursorPager';
import s from './Ops.module.css';

const ExhibitorsPage = graphql(`
  query AdminExhibitorsPage($editionId: ID!, $search: String, $after: String) {
    exhibitors(editionId: $editionId, search: $search, first: 25, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          sponsorshipTier
          booths {
            id
            code
            status
          }
        }
      }
    }
  }
`);

const Allotment = graphql(`
  query AdminStaffAllotment($exhibitorId: ID!) {
    staffAllotment(exhibitorId: $exhibitorId) {
      allotted
      used
      overridden
    }
  }
`);

const SetAllotment = graphql(`
  mutation AdminSetStaffAllotment($exhibitorId: ID!, $places: Int) {
    setStaffAllotment(exhibitorId: $exhibitorId, places: $places) {
      allotted
      used
      overridden
    }
  }
`);

/** The exhibitors (25 a page, searchable) with their booths and staff places: used of allotted, editable. */
export function ExhibitorAllotments({ editionId }: { editionId: string }) {
  const [search, setSearch] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  const list = useQuery(ExhibitorsPage, {
    variables: { editionId, search: search.trim() || null, after: after[after.length - 1] ?? null },
  });
  const data = list.data?.exhibitors;
  return (
    <>
      <div className={s.form}>
        <label className={s.field}>
          Search exhibitors
          <input
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setAfter([]);
            }}
          />
        </label>
        {data && <p className={s.muted}>{data.totalCount} exhibitors</p>}
      </div>
      <FormError error={list.error} />
      <div className={s.scroll}>
        <table className={s.table}>
          <caption>Exhibitors</caption>
          <thead>
            <tr>
              <th scope="col">Exhibitor</th>
              <th scope="col">Tier</th>
              <th scope="col">Booths</th>
              <th scope="col">Staff places (used of allotted)</th>
            </tr>
          </thead>
          <tbody>
            {(data?.edges ?? []).map(({ node }) => (
              <tr key={node.id}>
                <th scope="row">{node.name}</th>
                <td>{node.sponsorshipTier ?? '—'}</td>
                <td>
                  {node.booths.length
                    ? node.booths.map((b) => `${b.code}${b.status === 'ON_HOLD' ? ' (on hold)' : ''}`).join(', ')
                    : '—'}
                </td>
                <td>
                  <AllotmentCell exhibitorId={node.id} name={node.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CursorPager
        after={after}
        setAfter={setAfter}
        pageInfo={data?.pageInfo}
        back="Previous exhibitors"
        forward="Next exhibitors"
      />
    </>
  );
}

function AllotmentCell({ exhibitorId, name }: { exhibitorId: string; name: string }) {
  const allotment = useQuery(Allotment, { variables: { exhibitorId } });
  const [editing, setEditing] = useState(false);
  const [places, setPlaces] = useState('');
  const [save, saving] = useMutation(SetAllotment, {
    update: (cache, { data }) => {
      if (data)
        cache.writeQuery({
          query: Allotment,
          variables: { exhibitorId },
          data: { staffAllotment: data.setStaffAllotment },
        });
    },
  });
  const a = allotment.data?.staffAllotment;
  const submit = async (event: FormEvent, value: number | null) => {
    event.preventDefault();
    await save({ variables: { exhibitorId, places: value } });
    setEditing(false);
  };
  if (!a) return <span className={s.muted}>…</span>;
  if (!editing)
    return (
      <div className={s.buttons}>
        <span className={a.used >= a.allotted ? s.warn : ''}>
          {a.used} of {a.allotted}
          {a.overridden ? ' (set by hand)' : ' (from booth area)'}
        </span>
        <button
          type="button"
          className="button"
          aria-label={`Edit staff places of ${name}`}
          onClick={() => {
            setPlaces(String(a.allotted));
            setEditing(true);
          }}
        >
          Edit
        </button>
      </div>
    );
  return (
    <form
      className={s.buttons}
      onSubmit={(e) => void submit(e, Number(places)).catch(() => undefined)}
      aria-label={`Staff places of ${name}`}
    >
      <label className={s.field}>
        Staff places
        <input
          type="number"
          min="0"
          max="1000"
          required
          value={places}
          onChange={(e) => setPlaces(e.currentTarget.value)}
          style={{ width: '6rem' }}
        />
      </label>
      <button type="submit" className="button primary" disabled={saving.loading}>
        Save
      </button>
      {a.overridden && (
        <button
          type="button"
          className="button"
          disabled={saving.loading}
          onClick={(e) => void submit(e, null).catch(() => undefined)}
        >
          Use booth area
        </button>
      )}
      <button type="button" className="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <FormError error={saving.error} />
    </form>
  );
}
