import { useOfflineState } from './offline-cache';
import styles from './OfflineNotice.module.css';
import { dayTime } from '../programme/days';

const asOf = (ms: number) => dayTime(ms);

/** While offline: says so, and how old the copy on screen is ("as of" the API's last answer on this device). */
export function OfflineNotice() {
  const { online, freshAt } = useOfflineState();
  if (online) return null;
  return (
    <p className={styles.notice}>
      <strong>Offline.</strong>{' '}
      {freshAt ? <>Showing the copy as of {asOf(freshAt)}.</> : 'Nothing has been saved on this device yet.'} Changes
      you make are sent when you are back online.
    </p>
  );
}
