import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../gql';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import s from './Exhibition.module.css';

const ExhibitorProfile = graphql(`
  query ExhibitorProfile($id: ID!) {
    exhibitor(id: $id) {
      id
      name
      category
      sponsorshipTier
      description
      website
      contactEmail
      contactPhone
      booths {
        id
        code
        widthM
        depthM
        hall {
          id
          name
        }
      }
    }
  }
`);

/** Only web addresses become links (an exhibitor's profile is free text). */
function webLink(website: string): string | null {
  const candidate = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** One exhibitor (/exhibitors/:id): booth and hall (linked to the floor plan), description, website and contact. */
export function Component() {
  const { id = '' } = useParams();
  const { keep } = useEditionChoice();
  const { data, loading, error } = useQuery(ExhibitorProfile, { variables: { id } });
  const x = data?.exhibitor;
  useDocumentTitle(x?.name ?? 'Exhibitor');

  if (loading && !data)
    return (
      <div className="page narrow">
        <h1>Exhibitor</h1>
        <p role="status">Loading…</p>
      </div>
    );
  if (error || !x) {
    return (
      <div className="page narrow">
        <h1>Exhibitor not found</h1>
        {error ? <FormError error={error} /> : <p>This exhibitor is not in the directory (any more).</p>}
        <p>
          <Link to={keep('/exhibitors')}>All exhibitors</Link>
        </p>
      </div>
    );
  }

  const site = x.website ? webLink(x.website) : null;
  return (
    <div className={`page ${s.profile}`}>
      <p className={s.back}>
        <Link to={keep('/exhibitors')}>← All exhibitors</Link>
      </p>
      <h1>{x.name}</h1>
      <p className={s.meta}>
        {x.category && <span className={s.tag}>{x.category}</span>}
        {x.sponsorshipTier && <span className={s.tier}>{x.sponsorshipTier.toLowerCase()} sponsor</span>}
      </p>
      <section aria-labelledby="where" className={s.where}>
        <h2 id="where">Where to find them</h2>
        {x.booths.length === 0 ? (
          <p>No booth assigned yet.</p>
        ) : (
          <ul className={s.boothList}>
            {x.booths.map((b) => (
              <li key={b.id}>
                <span className={s.boothCode}>Booth {b.code}</span> · {b.hall.name}{' '}
                <span className={s.muted}>
                  ({b.widthM} m × {b.depthM} m)
                </span>
                <br />
                <Link to={keep(`/floor-plan?hall=${b.hall.id}&booth=${encodeURIComponent(b.code)}`)}>
                  Show booth {b.code} on the floor plan
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {x.description && (
        <section aria-labelledby="about">
          <h2 id="about">About</h2>
          {x.description.split(/\n{2,}/).map((para, i) => (
            <p key={i} className={s.prose}>
              {para}
            </p>
          ))}
        </section>
      )}
      {(site || x.contactEmail || x.contactPhone) && (
        <section aria-labelledby="contact">
          <h2 id="contact">Contact</h2>
          <ul className={s.contact}>
            {site && (
              <li>
                Website:{' '}
                <a href={site} rel="noopener noreferrer">
                  {x.website}
                </a>
              </li>
            )}
            {x.contactEmail && (
              <li>
                Email: <a href={`mailto:${x.contactEmail}`}>{x.contactEmail}</a>
              </li>
            )}
            {x.contactPhone && (
              <li>
                Phone: <a href={`tel:${x.contactPhone.replace(/[^\d+]/g, '')}`}>{x.contactPhone}</a>
              </li>
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
