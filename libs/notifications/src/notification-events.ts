/** Redis pub/sub channel of new in-app notifications (every API instance relays them to its subscribers). */
export const NOTIFICATION_ADDED = 'notification.added';

export interface PublishedNotification {
  id: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  changeId: string | null;
}

/** One message per written chunk: who gets which notification. */
export interface NotificationAddedEvent {
  items: { recipientEmail: string; notification: PublishedNotification }[];
}
