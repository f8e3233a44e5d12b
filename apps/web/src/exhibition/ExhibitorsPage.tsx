import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import s from './Exhibition.module.css';
import { ExhibitorCard } from './ExhibitorCard';

const ExhibitorCategories = graphql(`
  query ExhibitorCategories($editionId: ID!) {
    exhibitorCategories(editionId: $editionId)
  }
`);

const ExhibitorDirectory = graphql(`
  query ExhibitorDirectory($editionId: ID!, $search: String, $category: String, $first: Int, $after: String) {
    exhibitors(editionId: $editionId, search: $search, category: $category, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          name
          category
          sponsorshipTier
          description
          logoUrl
          booths {
            id
            code
            hall {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const PAGE = 24;
const SEARCH_DELAY_MS = 250;

/** The exhibitor directory (/exhibitors): search (full text), a category filter, a page at a time; the URL keeps both. */
export function Component() {
  useDocumentTitle('Exhibitors');
  const [params, setParams] = useSearchParams();
  const { edition, error: editionsError, loaded, keep } = useEditionChoice();
  const search = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const [typed, setTyped] = useState(search);
  const searchId = useId();
  const categoryId = useId();

  // The URL follows what is typed after a short pause (one request per word, not per key).
  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => {
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (typed.trim()) next.set('q', typed.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, search, setParams]);

  const categories = useQuery(ExhibitorCategories, { variables: { editionId: edition?.id ?? '' }, skip: !edition });
  const list = useQuery(ExhibitorDirectory, {
    variables: { editionId: edition?.id ?? '', search: search || null, category: category || null, first: PAGE },
    skip: !edition,
  });
  const [more, setMore] = useState(false);
  const connection = list.data?.exhibitors;

  async function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setMore(true);
    try {
      await list.fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          exhibitors: {
            ...fetchMoreResult.exhibitors,
            edges: [...prev.exhibitors.edges, ...fetchMoreResult.exhibitors.edges],
          },
        }),
      });
    } finally {
      setMore(false);
    }
  }

  const setCategory = (value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set('category', value);
      else next.delete('category');
      return next;
    });

  return (
    <div className="page">
      <h1>Exhibitors</h1>
      {edition && (
        <p className={s.lede}>
          {edition.name} · <Link to={keep('/floor-plan')}>Floor plan</Link>
        </p>
      )}
      <FormError error={editionsError ?? list.error} />
      {loaded && !edition && <p>No edition is published yet.</p>}
      <form className={s.filters} role="search" onSubmit={(e) => e.preventDefault()}>
        <div className={s.field}>
          <label htmlFor={searchId}>Search exhibitors</label>
          <input
            id={searchId}
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="Name, product, topic…"
            maxLength={200}
            autoComplete="off"
          />
        </div>
        <div className={s.field}>
          <label htmlFor={categoryId}>Category</label>
          <select id={categoryId} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All categories</option>
            {categories.data?.exhibitorCategories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            {category && !categories.data?.exhibitorCategories.includes(category) && (
              <option value={category}>{category}</option>
            )}
          </select>
        </div>
      </form>
      <p role="status" className={s.count}>
        {connection
          ? `${connection.totalCount} ${connection.totalCount === 1 ? 'exhibitor' : 'exhibitors'}${search ? ` matching “${search}”` : ''}${category ? ` in ${category}` : ''}`
          : list.loading
            ? 'Loading exhibitors…'
            : ''}
      </p>
      {connection && connection.totalCount === 0 && <p>No exhibitor matches. Try fewer words or another category.</p>}
      <ul className={s.directory}>
        {connection?.edges.map(({ node: x }) => (
          <li key={x.id}>
            <ExhibitorCard exhibitor={x} to={keep(`/exhibitors/${x.id}`)} />
          </li>
        ))}
      </ul>
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="button" onClick={() => void loadMore()} disabled={more}>
          {more ? 'Loading…' : `Show more exhibitors (${connection.edges.length} of ${connection.totalCount} shown)`}
        </button>
      )}
    </div>
  );
}
