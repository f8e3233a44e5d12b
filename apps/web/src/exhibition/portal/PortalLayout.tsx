import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useToken } from '../../app/auth';
import { loginUrl } from '../../app/next-path';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useEditionChoice } from '../../ui/useEditionChoice';
import s from './Portal.module.css';
import type { PortalContext } from './portal-context';
import { PortalNav } from './PortalNav';

const PortalMemberships = graphql(`
  query PortalMemberships($editionId: ID!) {
    myExhibitors(editionId: $editionId) {
      admin
      exhibitor {
        id
        name
      }
    }
  }
`);

// An organizer opening an exhibitor they do not staff: staffAllotment answers only organizers and the exhibitor's admins.
const PortalOrganizerAccess = graphql(`
  query PortalOrganizerAccess($id: ID!) {
    exhibitor(id: $id) {
      id
      name
    }
    staffAllotment(exhibitorId: $id) {
      allotted
      used
    }
  }
`);

/**
 * The exhibitor portal's shell (/exhibitor): signed-in only; the exhibitor the person staffs
 * (myExhibitors; a chooser when several, `?exhibitor=<id>` picks one), or any exhibitor for an
 * organizer with `?exhibitor=<id>`. Its navigation (Profile, Booth, Staff, Leads) and the page, which
 * reads the exhibitor with usePortal().
 */
export function Component() {
  const token = useToken();
  const location = useLocation();
  if (!token) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  return <Portal />;
}

function Portal() {
  const [params] = useSearchParams();
  const wanted = params.get('exhibitor');
  const { edition, error: editionsError, loaded } = useEditionChoice();
  const memberships = useQuery(PortalMemberships, {
    variables: { editionId: edition?.id ?? '' },
    skip: !edition,
    fetchPolicy: 'cache-and-network',
  });
  const mine = memberships.data?.myExhibitors;
  const membership = wanted ? mine?.find((m) => m.exhibitor.id === wanted) : mine?.length === 1 ? mine[0] : undefined;
  const asOrganizer = !!wanted && !!mine && !membership;
  const organizerAccess = useQuery(PortalOrganizerAccess, {
    variables: { id: wanted ?? '' },
    skip: !asOrganizer,
    errorPolicy: 'all',
  });

  const search = params.toString();
  const keep = useCallback(
    (path: string) => {
      const next = new URLSearchParams();
      const kept = new URLSearchParams(search);
      for (const key of ['edition', 'exhibitor']) {
        const value = kept.get(key);
        if (value) next.set(key, value);
      }
      const query = next.toString();
      return query ? `${path}?${query}` : path;
    },
    [search],
  );

  const organizerExhibitor = organizerAccess.data?.exhibitor;
  const organizerAllowed = !!organizerExhibitor && !!organizerAccess.data?.staffAllotment;
  const context: PortalContext | null = useMemo(() => {
    if (!edition) return null;
    const e = { id: edition.id, name: edition.name, timezone: edition.timezone };
    if (membership)
      return {
        exhibitorId: membership.exhibitor.id,
        exhibitorName: membership.exhibitor.name,
        canManage: membership.admin,
        organizer: false,
        edition: e,
        keep,
      };
    if (asOrganizer && organizerAllowed && organizerExhibitor)
      return {
        exhibitorId: organizerExhibitor.id,
        exhibitorName: organizerExhibitor.name,
        canManage: true,
        organizer: true,
        edition: e,
        keep,
      };
    return null;
  }, [edition, membership, asOrganizer, organizerAllowed, organizerExhibitor, keep]);
  useDocumentTitle(context ? `${context.exhibitorName} · Exhibitor portal` : 'Exhibitor portal');

  if (!context) {
    const loading =
      !loaded || (edition && !memberships.data) || (asOrganizer && organizerAccess.loading && !organizerAccess.data);
    const chooserLink = (id: string) => {
      const next = new URLSearchParams(search);
      next.set('exhibitor', id);
      return `${location.pathname}?${next.toString()}`;
    };
    return (
      <div className="page narrow">
        <h1>Exhibitor portal</h1>
        <FormError error={editionsError ?? memberships.error} />
        {loading ? (
          <p role="status">Loading…</p>
        ) : !edition ? (
          <p>No edition is published yet.</p>
        ) : asOrganizer ? (
          <p role="alert" className="form-error">
            {organizerExhibitor
              ? `You do not manage ${organizerExhibitor.name}: only its staff and the organizers open it here.`
              : 'There is no such exhibitor.'}
          </p>
        ) : mine && mine.length > 1 ? (
          <nav aria-labelledby="choose-exhibitor">
            <h2 id="choose-exhibitor">Choose an exhibitor</h2>
            <p>You work for several exhibitors of {edition.name}.</p>
            <ul className={s.chooser}>
              {mine.map((m) => (
                <li key={m.exhibitor.id}>
                  <Link to={chooserLink(m.exhibitor.id)}>{m.exhibitor.name}</Link>
                  {m.admin && <span className={s.badge}>admin</span>}
                </li>
              ))}
            </ul>
          </nav>
        ) : (
          <p>
            You are not on the staff of any exhibitor of {edition.name}. An exhibitor’s admin adds you by your email
            address; organizers open an exhibitor from the back office.
          </p>
        )}
      </div>
    );
  }

  return (
    <div className={s.portal}>
      <div className={s.bar}>
        <p className={s.who}>
          <span className={s.eyebrow}>Exhibitor portal</span>
          <strong>{context.exhibitorName}</strong>
          {mine && mine.length > 1 && !context.organizer && (
            <Link className={s.switch} to={`${location.pathname}?${switchSearch(search)}`}>
              Switch exhibitor
            </Link>
          )}
        </p>
        {context.organizer && (
          <p className={s.organizer} role="note">
            Organizer view: you are managing {context.exhibitorName} for its staff.
          </p>
        )}
        {!context.canManage && (
          <p className={s.readOnly}>
            You are on the staff: you capture leads. The profile and booth are shown read-only; the exhibitor’s admins
            change them.
          </p>
        )}
        <PortalNav canManage={context.canManage} keep={keep} />
      </div>
      <Outlet context={context} />
    </div>
  );
}

/** The page's search without ?exhibitor= (back to the chooser). */
function switchSearch(search: string): string {
  const next = new URLSearchParams(search);
  next.delete('exhibitor');
  return next.toString();
}
