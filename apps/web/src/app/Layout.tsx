import { useQuery } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { graphql } from '../gql';
import { useSignOut, useToken } from './auth';
import { loginUrl } from './next-path';
import { useUnreadNotifications } from './notifications/unread';
import { useEditionChoice } from '../ui/useEditionChoice';
import { useMyRoles } from './useMyRoles';

// What only a signed-in person needs (live notifications over graphql-ws, my schedule's offline queue) loads after sign-in: not on the first page.
const SignedInExtras = lazy(() => import('./SignedInExtras'));

const Me = graphql(`
  query Me {
    me {
      id
      name
      email
    }
  }
`);

/** The shell: a skip link, the site's name, the navigation (UI.md's names), the page. */
export function Layout() {
  const token = useToken();
  const signOut = useSignOut();
  const location = useLocation();
  // Asking who the token belongs to also finds an expired one at once (the Apollo link signs out).
  const { data } = useQuery(Me, { skip: !token });
  const here = location.pathname + location.search;
  const onAuthPage = ['/login', '/signup'].includes(location.pathname);
  const unread = useUnreadNotifications();
  // Scan for door staff and organizers, Admin for organizers: asked of the API for the edition shown.
  const { edition, keep } = useEditionChoice();
  const mine = useMyRoles(edition?.id);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          HealthConnect
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                Programme
              </NavLink>
            </li>
            <li>
              <NavLink to="/schedule">My schedule</NavLink>
            </li>
            <li>
              <NavLink to="/badge">Badge</NavLink>
            </li>
            <li>
              <NavLink to="/exhibitors">Exhibitors</NavLink>
            </li>
            <li>
              <NavLink
                to="/notifications"
                aria-label={unread.count > 0 ? `Notifications, ${unread.count} unread` : undefined}
              >
                Notifications
                {unread.count > 0 && (
                  <span className="nav-count" aria-hidden="true">
                    {unread.count}
                  </span>
                )}
              </NavLink>
            </li>
            {mine.staff && (
              <li>
                <NavLink to={keep('/scan')}>Scan</NavLink>
              </li>
            )}
            {mine.organizer && (
              <li>
                <NavLink to={keep('/admin')}>Admin</NavLink>
              </li>
            )}
            {mine.roles.includes('EXHIBITOR') && (
              <li>
                <NavLink to={keep('/exhibitor')}>Exhibitor</NavLink>
              </li>
            )}
            <li className="nav-account">
              {token ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void signOut()}
                  title={data?.me ? `Signed in as ${data.me.email}` : undefined}
                >
                  Sign out
                </button>
              ) : (
                <NavLink to={onAuthPage ? '/login' : loginUrl(here)}>Sign in</NavLink>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      {token && (
        <Suspense fallback={null}>
          <SignedInExtras />
        </Suspense>
      )}
      <ScrollRestoration />
    </>
  );
}
