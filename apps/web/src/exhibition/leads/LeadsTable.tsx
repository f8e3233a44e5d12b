import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import type { LeadOrder } from '../../gql/graphql';
import { errorMessage } from '../../ui/FormError';
import s from './Leads.module.css';

const LeadsTableQuery = graphql(`
  query LeadsTable(
    $exhibitorId: ID!
    $first: Int
    $after: String
    $search: String
    $rating: Int
    $tag: String
    $capturedBy: String
    $orderBy: LeadOrder
  ) {
    leads(
      exhibitorId: $exhibitorId
      first: $first
      after: $after
      search: $search
      rating: $rating
      tag: $tag
      capturedBy: $capturedBy
      orderBy: $orderBy
    ) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...LeadFields
        }
      }
    }
  }
`);

const CsvUrl = graphql(`
  query LeadsCsvUrl($exhibitorId: ID!) {
    leadsCsvUrl(exhibitorId: $exhibitorId)
  }
`);

const ORDERS: [LeadOrder, string][] = [
  ['CAPTURED_AT_DESC', 'Newest first'],
  ['CAPTURED_AT_ASC', 'Oldest first'],
  ['NAME_ASC', 'Name'],
  ['RATING_DESC', 'Rating'],
];

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * The exhibitor's leads: search, filters (minimum rating, tag, staff member), order, keyset paging
 * (the cursors of the pages before kept for "Previous page"), and the CSV through its signed link.
 * `?pageSize=` sets the rows per page (default 20).
 */
export function LeadsTable({ exhibitorId, tags, staff }: { exhibitorId: string; tags: string[]; staff: string[] }) {
  const client = useApolloClient();
  const [params] = useSearchParams();
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 20));
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [rating, setRating] = useState(0);
  const [tag, setTag] = useState('');
  const [capturedBy, setCapturedBy] = useState('');
  const [orderBy, setOrderBy] = useState<LeadOrder>('CAPTURED_AT_DESC');
  /** The cursors the pages so far started after (the first page: null). */
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  // Typing searches after a pause.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  // Another filter or order: back to the first page.
  useEffect(() => setPages([null]), [search, rating, tag, capturedBy, orderBy, exhibitorId, pageSize]);

  const after = pages[pages.length - 1];
  const { data, previousData, error, loading } = useQuery(LeadsTableQuery, {
    variables: {
      exhibitorId,
      first: pageSize,
      after,
      search: search || null,
      rating: rating || null,
      tag: tag || null,
      capturedBy: capturedBy || null,
      orderBy,
    },
    fetchPolicy: 'cache-and-network',
  });
  const leads = (data ?? previousData)?.leads;
  const rows = leads?.edges.map((e) => e.node) ?? [];
  const from = (pages.length - 1) * pageSize;

  const downloadCsv = async () => {
    setCsvError(null);
    setDownloading(true);
    try {
      const { data } = await client.query({ query: CsvUrl, variables: { exhibitorId }, fetchPolicy: 'no-cache' });
      if (!data) throw new Error('no link');
      const link = document.createElement('a');
      link.href = data.leadsCsvUrl;
      link.download = `leads-${exhibitorId}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
    } catch (e) {
      setCsvError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section aria-labelledby="leads-heading">
      <div className={s.tableHead}>
        <h2 id="leads-heading">Leads</h2>
        <button type="button" className="button" onClick={() => void downloadCsv()} disabled={downloading}>
          Download CSV
        </button>
      </div>
      {csvError && (
        <p className="form-error" role="alert">
          {csvError}
        </p>
      )}
      <form className={s.filters} role="search" aria-label="Leads" onSubmit={(e) => e.preventDefault()}>
        <div className={s.wide}>
          <label htmlFor="leads-search">Search leads</label>
          <input
            id="leads-search"
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="Name, company, email, notes"
          />
        </div>
        <div>
          <label htmlFor="leads-rating">Minimum rating</label>
          <select id="leads-rating" value={rating} onChange={(e) => setRating(Number(e.target.value))}>
            <option value={0}>Any</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n} or more
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="leads-tag">Tag</label>
          <select id="leads-tag" value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="leads-staff">Captured by</label>
          <select id="leads-staff" value={capturedBy} onChange={(e) => setCapturedBy(e.target.value)}>
            <option value="">Anyone</option>
            {staff.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="leads-order">Sort by</label>
          <select id="leads-order" value={orderBy} onChange={(e) => setOrderBy(e.target.value as LeadOrder)}>
            {ORDERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {leads && (
        <p className="hint" aria-live="polite">
          {leads.totalCount === 0
            ? 'No leads match.'
            : `${from + 1}–${from + rows.length} of ${leads.totalCount} lead${leads.totalCount === 1 ? '' : 's'}`}
        </p>
      )}
      {!error && (
        <div className={s.tableWrap} tabIndex={0} role="region" aria-label="Leads, scrolls sideways">
          <table className={s.table} aria-busy={loading}>
            <caption>Leads</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Company</th>
                <th scope="col">Email</th>
                <th scope="col">Rating</th>
                <th scope="col">Tags</th>
                <th scope="col">Notes</th>
                <th scope="col">Captured by</th>
                <th scope="col">Captured</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    {l.attendee.firstName} {l.attendee.lastName}
                    {l.attendee.jobTitle && <span className={s.sub}>{l.attendee.jobTitle}</span>}
                  </th>
                  <td>{l.attendee.company}</td>
                  <td>{l.contactHidden ? '' : l.attendee.email}</td>
                  <td>{l.rating ?? ''}</td>
                  <td>{l.tags.join(', ')}</td>
                  <td className={s.notes}>{l.notes}</td>
                  <td>{l.capturedBy}</td>
                  <td>
                    <time dateTime={l.capturedAt}>{when(l.capturedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={s.pager}>
        <button
          type="button"
          className="button"
          disabled={pages.length < 2}
          onClick={() => setPages((p) => p.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          className="button"
          disabled={!leads?.pageInfo.hasNextPage || !leads.pageInfo.endCursor}
          onClick={() => leads?.pageInfo.endCursor && setPages((p) => [...p, leads.pageInfo.endCursor ?? null])}
        >
          Next page
        </button>
      </div>
    </section>
  );
}
