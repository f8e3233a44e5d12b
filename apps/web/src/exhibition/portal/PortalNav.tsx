import { NavLink } from 'react-router';
import s from './Portal.module.css';

/**
 * The exhibitor portal's navigation: Profile, Booth, Staff (the exhibitor's admins and organizers),
 * Leads. `keep` carries the page's ?edition= and ?exhibitor= on to each link.
 */
export function PortalNav({ canManage, keep }: { canManage: boolean; keep: (path: string) => string }) {
  return (
    <nav aria-label="Exhibitor portal" className={s.nav}>
      <ul>
        <li>
          <NavLink to={keep('/exhibitor')} end>
            Profile
          </NavLink>
        </li>
        <li>
          <NavLink to={keep('/exhibitor/booth')}>Booth</NavLink>
        </li>
        {canManage && (
          <li>
            <NavLink to={keep('/exhibitor/staff')}>Staff</NavLink>
          </li>
        )}
        <li>
          <NavLink to={keep('/exhibitor/leads')}>Leads</NavLink>
        </li>
      </ul>
    </nav>
  );
}
