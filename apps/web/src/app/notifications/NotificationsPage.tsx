import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useToken } from '../auth';
import { loginUrl } from '../next-path';
import { OfflineNotice } from '../OfflineNotice';
import { MarkNotificationsRead, NOTIFICATION_QUERIES } from './unread';
import styles from './NotificationsPage.module.css';
import { dayTime } from '../../programme/days';

/** My notifications (`/notifications`), newest first, with mark-as-read (one, or all). */
const Notifications = graphql(`
  query Notifications {
    notifications(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          body
          createdAt
          readAt
          change {
            id
            kind
            session {
              id
              title
            }
          }
        }
      }
    }
  }
`);

const when = (iso: string) => dayTime(iso);

export function Component() {
  useDocumentTitle('Notifications');
  const token = useToken();
  const location = useLocation();
  const { data, loading, error } = useQuery(Notifications, { skip: !token });
  const [markRead, marking] = useMutation(MarkNotificationsRead, {
    refetchQueries: NOTIFICATION_QUERIES,
    awaitRefetchQueries: true,
  });
  const list = data?.notifications.edges.map((e) => e.node) ?? [];
  const unread = list.filter((n) => !n.readAt);

  if (!token) {
    return (
      <div className="page narrow">
        <h1>Notifications</h1>
        <p>Sign in to see what changed in the sessions you picked.</p>
        <p>
          <Link className="button primary" to={loginUrl(location.pathname + location.search)}>
            Sign in to see my notifications
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className={`page ${styles.page}`}>
      <div className={styles.head}>
        <h1>Notifications</h1>
        {unread.length > 0 && (
          <button
            type="button"
            className="button"
            disabled={marking.loading}
            onClick={() => void markRead({ variables: { ids: unread.map((n) => n.id) } }).catch(() => undefined)}
          >
            Mark all as read
          </button>
        )}
      </div>
      <OfflineNotice />
      {error && !data && <FormError error={error} />}
      <FormError error={marking.error} />
      {loading && !data && <p>Loading your notifications…</p>}
      {data && (
        <p className={styles.summary}>
          {unread.length ? `${unread.length} unread.` : 'All read.'} Changes to the sessions in{' '}
          <Link to="/schedule">your schedule</Link> appear here as they happen.
        </p>
      )}
      {data && list.length === 0 && (
        <p className={styles.empty}>
          Nothing yet. When a session in your schedule moves, changes or is cancelled, or a waitlisted seat becomes
          yours, you will see it here.
        </p>
      )}
      <ul className={styles.list}>
        {list.map((n) => (
          <li key={n.id}>
            <article className={`${styles.item} ${n.readAt ? '' : styles.unread}`} aria-labelledby={`n-${n.id}`}>
              <h2 id={`n-${n.id}`} className={styles.title}>
                {!n.readAt && <span className={styles.dot}>Unread: </span>}
                {n.title}
              </h2>
              <p className={styles.body}>{n.body}</p>
              <p className={styles.meta}>
                <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
                {n.change && (
                  <>
                    {' · '}
                    <Link to={`/sessions/${n.change.session.id}`}>Open the session</Link>
                  </>
                )}
              </p>
              {!n.readAt && (
                <button
                  type="button"
                  className={`button ${styles.mark}`}
                  disabled={marking.loading}
                  aria-label={`Mark as read: ${n.title}`}
                  onClick={() => void markRead({ variables: { ids: [n.id] } }).catch(() => undefined)}
                >
                  Mark as read
                </button>
              )}
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
