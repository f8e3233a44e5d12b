import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useToken } from '../auth';

/** My unread notifications (the bell's count, the highlights in my schedule); refetched when one arrives live. */
export const UnreadNotifications = graphql(`
  query UnreadNotifications {
    notifications(unreadOnly: true, first: 100) {
      totalCount
      edges {
        node {
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
    }
  }
`);

export const MarkNotificationsRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** The queries that show notifications, refetched after a change to them. */
export const NOTIFICATION_QUERIES = ['UnreadNotifications', 'Notifications'];

export function useUnreadNotifications() {
  const token = useToken();
  const { data } = useQuery(UnreadNotifications, { skip: !token });
  const nodes = token ? (data?.notifications.edges.map((e) => e.node) ?? []) : [];
  return { count: token ? (data?.notifications.totalCount ?? 0) : 0, nodes };
}
