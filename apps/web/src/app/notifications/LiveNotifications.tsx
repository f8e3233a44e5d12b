import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { refreshAnswers } from '../answer-store';
import { SCHEDULE_QUERIES } from '../../programme/schedule-sync';
import { NOTIFICATION_QUERIES, UnreadNotifications } from './unread';
import styles from './LiveNotifications.module.css';

const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
      body
      createdAt
      change {
        id
        kind
        session {
          id
        }
      }
    }
  }
`);

interface Toast {
  id: string;
  title: string;
  body: string;
}

/** How long a toast stays (a screen reader has announced it long before). */
const TOAST_MS = 20_000;

/**
 * My notifications as they are written (graphql-ws), while signed in: each one a toast in a `status`
 * live region naming the session and what changed, and my schedule, the bell's count and the
 * notifications page refetched. A waitlist promotion arrives the same way.
 */
export function LiveNotifications({ signedIn }: { signedIn: boolean }) {
  const client = useApolloClient();
  const [toasts, setToasts] = useState<Toast[]>([]);
  useSubscription(NotificationAdded, {
    skip: !signedIn,
    onData: ({ data }) => {
      const n = data.data?.notificationAdded;
      if (!n) return;
      setToasts((list) => [...list.filter((t) => t.id !== n.id), { id: n.id, title: n.title, body: n.body }].slice(-3));
      // The bell counts it at once; then what the API holds now (the new times, a seat given).
      client.cache.updateQuery({ query: UnreadNotifications }, (cached) =>
        !cached || cached.notifications.edges.some((e) => e.node.id === n.id)
          ? cached
          : {
              notifications: {
                ...cached.notifications,
                totalCount: cached.notifications.totalCount + 1,
                edges: [
                  { __typename: 'NotificationEdge' as const, node: { ...n, __typename: 'Notification' as const } },
                  ...cached.notifications.edges,
                ],
              },
            },
      );
      void client.refetchQueries({ include: [...NOTIFICATION_QUERIES, ...SCHEDULE_QUERIES] }).catch(() => undefined);
      void refreshAnswers(client);
    },
  });
  useEffect(() => {
    if (!toasts.length) return;
    const timer = setTimeout(() => setToasts((list) => list.slice(1)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toasts]);
  useEffect(() => {
    if (!signedIn) setToasts([]);
  }, [signedIn]);

  const dismiss = (id: string) => setToasts((list) => list.filter((t) => t.id !== id));
  // The live region exists before anything is put in it, so screen readers announce each toast.
  return (
    <div className={styles.toasts} role="status" aria-label="Schedule updates">
      {toasts.map((t) => (
        <div key={t.id} className={styles.toast}>
          <p className={styles.title}>{t.title}</p>
          <p className={styles.body}>{t.body}</p>
          <p className={styles.actions}>
            <Link to="/schedule" onClick={() => dismiss(t.id)}>
              See my schedule
            </Link>
            <button
              type="button"
              className={styles.dismiss}
              aria-label={`Dismiss: ${t.title}`}
              onClick={() => dismiss(t.id)}
            >
              Dismiss
            </button>
          </p>
        </div>
      ))}
    </div>
  );
}
