import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { currentEdition, editionDays } from '../app/current-edition';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const Editions = graphql(`
  query Editions {
    editions {
      id
      name
      year
      startsOn
      endsOn
      timezone
    }
  }
`);

const DaySessions = graphql(`
  query DaySessions($editionId: ID!, $day: String!) {
    sessions(editionId: $editionId, filter: { day: $day }, first: 200) {
      totalCount
      edges {
        node {
          id
          title
          startsAt
          endsAt
          format
          room {
            id
            name
          }
          track {
            id
            name
          }
          speakers {
            id
            name
          }
        }
      }
    }
  }
`);

const dayLabel = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * A placeholder for the programme (issue 16 builds the real one: day tabs, filters, search, grid):
 * the current edition's sessions on its first day, in the edition's timezone.
 */
export function Component() {
  const [params] = useSearchParams();
  const editions = useQuery(Editions);
  const list = editions.data?.editions ?? [];
  const edition = list.find((e) => e.id === params.get('edition')) ?? currentEdition(list);
  const day = edition ? editionDays(edition)[0] : undefined;
  const sessions = useQuery(DaySessions, { variables: { editionId: edition?.id ?? '', day: day ?? '' }, skip: !edition || !day });
  useDocumentTitle(edition ? `Programme · ${edition.name}` : 'Programme');

  const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: edition?.timezone });

  return (
    <div className="page">
      <h1>{edition ? edition.name : 'Programme'}</h1>
      <FormError error={editions.error ?? sessions.error} />
      {editions.loading && <p role="status">Loading the programme…</p>}
      {editions.data && !edition && <p>No edition is published yet.</p>}
      {edition && day && (
        <section aria-labelledby="day-heading">
          <h2 id="day-heading">{dayLabel(day)}</h2>
          {sessions.loading && <p role="status">Loading sessions…</p>}
          {sessions.data && sessions.data.sessions.totalCount === 0 && <p>No sessions on this day yet.</p>}
          <ol className="session-list">
            {sessions.data?.sessions.edges.map(({ node: s }) => (
              <li key={s.id}>
                <article className="session-card" aria-labelledby={`session-${s.id}`}>
                  <p className="session-time">
                    <time dateTime={s.startsAt}>{time(s.startsAt)}</time>–<time dateTime={s.endsAt}>{time(s.endsAt)}</time>
                    {s.room && <span> · {s.room.name}</span>}
                  </p>
                  <h3 id={`session-${s.id}`}>{s.title}</h3>
                  <p className="session-meta">
                    <span className="format">{s.format.toLowerCase()}</span>
                    {s.track && <span> · {s.track.name}</span>}
                    {s.speakers.length > 0 && <span> · {s.speakers.map((p) => p.name).join(', ')}</span>}
                  </p>
                </article>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
