import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useAdmin } from './admin-context';

/** `/admin`: where each screen is. */
export function Component() {
  const { edition, keep } = useAdmin();
  useDocumentTitle(`Back office · ${edition.name}`);
  return (
    <>
      <h1>Back office: {edition.name}</h1>
      <ul>
        <li>
          <Link to={keep('/admin/edition')}>Edition</Link>: days, timezone, rooms, tracks and who organizes it.
        </li>
        <li>
          <Link to={keep('/admin/programme')}>Programme</Link>: the sessions per day and room, drafts and published, and
          the speakers.
        </li>
        <li>
          <Link to={keep('/admin/attendees')}>Attendees</Link>, <Link to={keep('/admin/badges')}>Badges</Link>,{' '}
          <Link to={keep('/admin/doors')}>Doors</Link>, <Link to={keep('/admin/exhibition')}>Exhibition</Link>,{' '}
          <Link to={keep('/admin/notifications')}>Notifications</Link>.
        </li>
      </ul>
    </>
  );
}
