import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  ConnectionResult,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  Principal,
  toConnection,
  unauthenticated,
} from '@app/core';
import { AttendeesService } from '@app/attendees';
import { Notification } from './notification.entity';
import { PublishedNotification } from './notification-events';
import { NotificationRepository } from './notification.repository';
import { checkUnsubscribeToken } from './unsubscribe-token';

/** The caller's in-app notifications, read state and mail preference. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly attendees: AttendeesService,
    private readonly config: AppConfig,
  ) {}

  /** Newest first. */
  async list(
    user: Principal | undefined,
    unreadOnly = false,
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<ConnectionResult<Notification>> {
    if (!user) throw unauthenticated();
    // An unverified account (email null) receives none: '' matches no recipient.
    const email = user.email ?? '';
    const cursor = after ? decodeCursor(after, ['string', 'string']) : undefined;
    const rows = await this.notifications.inbox({
      email,
      unreadOnly,
      before: cursor && { createdAt: String(cursor[0]), id: String(cursor[1]) },
      take: first + 1,
    });
    return toConnection(
      rows,
      first,
      (n) => [n.createdAt.toISOString(), n.id],
      () => this.notifications.inboxCount(email, unreadOnly),
    );
  }

  /** Marks the caller's notifications read; others' ids are ignored. Returns how many changed. */
  async markRead(user: Principal | undefined, ids: string[]): Promise<number> {
    if (!user) throw unauthenticated();
    if (!ids.length) return 0;
    return this.notifications.markRead(ids, user.email ?? '');
  }

  /** Turns schedule-update mails on or off for the caller's registration in an edition. */
  async setEmailUpdates(user: Principal | undefined, editionId: string, enabled: boolean): Promise<boolean> {
    if (!user) throw unauthenticated();
    return this.attendees.setEmailUpdates(editionId, user.email ?? '', enabled);
  }

  /** The link in a mail: no sign-in, the token proves the address. False when the token does not match. */
  async unsubscribe(editionId: string, email: string, token: string): Promise<boolean> {
    if (!checkUnsubscribeToken(this.config.jwtSecret, editionId, email, token)) return false;
    await this.attendees.setEmailUpdates(editionId, email, false);
    return true;
  }

  /** A published notification back into an entity, for a subscriber. */
  static fromEvent(published: PublishedNotification): Notification {
    return Object.assign(new Notification(), published, {
      createdAt: new Date(published.createdAt),
      readAt: published.readAt ? new Date(published.readAt) : null,
    });
  }
}
