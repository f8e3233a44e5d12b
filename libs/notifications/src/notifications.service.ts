import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, badInput, ConnectionResult, decodeCursor, DEFAULT_PAGE_SIZE, Principal, toConnection, unauthenticated } from '@app/core';
import { ScheduleChange } from '@app/sessions';
import { DataSource, In } from 'typeorm';
import { Notification } from './notification.entity';
import { PublishedNotification } from './notification-events';
import { checkUnsubscribeToken } from './unsubscribe-token';

/** The caller's in-app notifications, read state and mail preference. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Newest first. */
  async list(user: Principal | undefined, unreadOnly = false, first = DEFAULT_PAGE_SIZE, after?: string): Promise<ConnectionResult<Notification>> {
    if (!user) throw unauthenticated();
    // An unverified account (email null) receives none: '' matches no recipient.
    const email = user.email ?? '';
    const page = this.db.getRepository(Notification).createQueryBuilder('n').where('n.recipientEmail = :email', { email });
    if (unreadOnly) page.andWhere('n.readAt IS NULL');
    const count = page.clone();
    if (after) {
      const [createdAt, id] = decodeCursor(after, ['string', 'string']);
      page.andWhere('(n.createdAt, n.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await page.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').take(first + 1).getMany();
    return toConnection(rows, first, (n) => [n.createdAt.toISOString(), n.id], () => count.getCount());
  }

  /** Marks the caller's notifications read; others' ids are ignored. Returns how many changed. */
  async markRead(user: Principal | undefined, ids: string[]): Promise<number> {
    if (!user) throw unauthenticated();
    if (ids.length > 1000) throw badInput('At most 1,000 ids at once', { argument: 'ids' });
    if (!ids.length) return 0;
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE notification SET read_at = now() WHERE id = ANY($1::uuid[]) AND recipient_email = $2 AND read_at IS NULL`,
      [ids, user.email ?? ''],
    );
    return affected;
  }

  /** Turns schedule-update mails on or off for the caller's registration in an edition. */
  async setEmailUpdates(user: Principal | undefined, editionId: string, enabled: boolean): Promise<boolean> {
    if (!user) throw unauthenticated();
    const [, affected]: [unknown, number] = await this.db.query(`UPDATE attendee SET email_updates = $3 WHERE edition_id = $1 AND email = $2`, [editionId, user.email ?? '', enabled]);
    return affected > 0;
  }

  /** The link in a mail: no sign-in, the token proves the address. False when the token does not match. */
  async unsubscribe(editionId: string, email: string, token: string): Promise<boolean> {
    if (!checkUnsubscribeToken(this.config.jwtSecret, editionId, email, token)) return false;
    await this.db.query(`UPDATE attendee SET email_updates = false WHERE edition_id = $1 AND email = $2`, [editionId, email.toLowerCase()]);
    return true;
  }

  changesByIds(ids: readonly string[]): Promise<ScheduleChange[]> {
    return this.db.getRepository(ScheduleChange).findBy({ id: In([...ids]) });
  }

  /** A published notification back into an entity, for a subscriber. */
  static fromEvent(published: PublishedNotification): Notification {
    return Object.assign(new Notification(), published, { createdAt: new Date(published.createdAt), readAt: published.readAt ? new Date(published.readAt) : null });
  }
}
