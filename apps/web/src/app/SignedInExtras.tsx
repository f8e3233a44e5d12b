import { useScheduleSync } from '../programme/schedule-sync';
import { LiveNotifications } from './notifications/LiveNotifications';

/**
 * The shell's parts for a signed-in person, loaded once there is a token (Layout): my schedule's
 * changes made offline go out when the network returns, and live notifications as toasts.
 */
export default function SignedInExtras() {
  useScheduleSync(true);
  return <LiveNotifications signedIn />;
}
