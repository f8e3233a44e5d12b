import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useToken } from '../app/auth';
import { loginUrl } from '../app/next-path';
import { useMyRoles } from '../app/useMyRoles';
import { FormError } from '../ui/FormError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useEditionChoice } from '../ui/useEditionChoice';
import s from './Admin.module.css';
import type { AdminContext } from './admin-context';
import { CreateEditionForm } from './CreateEditionForm';

const SECTIONS = [
  ['edition', 'Edition'],
  ['programme', 'Programme'],
  ['attendees', 'Attendees'],
  ['badges', 'Badges'],
  ['doors', 'Doors'],
  ['exhibition', 'Exhibition'],
  ['notifications', 'Notifications'],
] as const;

/**
 * The back office's shell (`/admin/*`): signed-in organizers of the edition only (the API refuses
 * everyone else anyway); the edition comes from `?edition=` like everywhere in the app and is kept on
 * every link; a navigation between the screens, each loaded on its own.
 */
export function Component() {
  const token = useToken();
  const location = useLocation();
  const { edition, editions, keep, loaded, error: editionsError } = useEditionChoice();
  const mine = useMyRoles(edition?.id);
  useDocumentTitle('Back office');

  if (!token) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  if (editionsError && !loaded)
    return (
      <Page>
        <FormError error={editionsError} />
      </Page>
    );
  if (!loaded)
    return (
      <Page>
        <p role="status">Loading…</p>
      </Page>
    );
  if (!edition)
    return (
      <Page>
        <h1>Back office</h1>
        <p>There is no edition yet. Create the first one (platform organizers only).</p>
        <CreateEditionForm />
      </Page>
    );
  if (mine.loading)
    return (
      <Page>
        <p role="status">Loading…</p>
      </Page>
    );
  if (!mine.organizer)
    return (
      <Page>
        <h1>You are not an organizer of this edition</h1>
        <p>
          The back office of {edition.name} is for its organizers. Ask one of them to grant you the organizer role if
          you need it.
        </p>
        {mine.error && <FormError error={mine.error} />}
        {editions.length > 1 && <p className="hint">Organizing another edition? Choose it with the edition picker.</p>}
      </Page>
    );

  const context: AdminContext = { edition, keep };
  return (
    <div className={s.shell}>
      <nav aria-label="Back office" className={s.sideNav}>
        <p className={s.sideTitle}>
          Back office
          <span className={s.sideEdition}>{edition.name}</span>
        </p>
        <ul>
          {SECTIONS.map(([path, label]) => (
            <li key={path}>
              <NavLink to={keep(`/admin/${path}`)}>{label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className={s.content}>
        <Outlet context={context} />
      </div>
    </div>
  );
}

function Page({ children }: { children: React.ReactNode }) {
  return <div className="page narrow">{children}</div>;
}
