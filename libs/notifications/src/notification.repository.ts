import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notification } from './notification.entity';

/** What every recipient of one event is told. */
export interface NotificationEvent {
  editionId: string;
  changeId: string | null;
  sessionId: string | null;
  title: string;
  body: string;
}

/** A recipient, the event key that makes their notification unique, and whether they take mail. */
export interface Recipient {
  email: string;
  eventKey: string;
  mail: boolean;
}

/** A notification a mail batch holds: what the mail says and where its links point. */
export interface ClaimedMail {
  id: string;
  editionId: string;
  recipientEmail: string;
  title: string;
  body: string;
  sessionId: string | null;
}

/** A page of one person's inbox: keyset on (created_at, id), newest first. */
export interface InboxPageQuery {
  email: string;
  unreadOnly: boolean;
  before?: { createdAt: string; id: string };
  take: number;
}

/** Data access for the notification table (webhooks: WebhookRepository). */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of a person's inbox, newest first. */
  inbox({ email, unreadOnly, before, take }: InboxPageQuery): Promise<Notification[]> {
    const page = this.inboxOf(email, unreadOnly);
    if (before) page.andWhere('(n.createdAt, n.id) < (:createdAt, :id)', before);
    return page.orderBy('n.createdAt', 'DESC').addOrderBy('n.id', 'DESC').take(take).getMany();
  }

  /** How many notifications the same inbox filter holds. */
  inboxCount(email: string, unreadOnly: boolean): Promise<number> {
    return this.inboxOf(email, unreadOnly).getCount();
  }

  /** Marks a person's unread notifications among these ids read (others' ids match nothing); how many changed. */
  async markRead(ids: string[], email: string): Promise<number> {
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE notification SET read_at = now() WHERE id = ANY($1::uuid[]) AND recipient_email = $2 AND read_at IS NULL`,
      [ids, email],
    );
    return affected;
  }

  /** Writes one notification per recipient in one statement, skipping anyone already told of the event (notification_once); returns the new ones. */
  async insertMany(
    event: NotificationEvent,
    recipients: Recipient[],
  ): Promise<{ id: string; recipientEmail: string; createdAt: Date }[]> {
    const rows: { id: string; recipient_email: string; created_at: Date }[] = await this.db.query(
      `INSERT INTO notification (edition_id, change_id, session_id, title, body, recipient_email, event_key, mail)
       SELECT $1, $2, $3, $4, $5, r.email, r.key, r.mail FROM unnest($6::text[], $7::text[], $8::bool[]) AS r(email, key, mail)
       ON CONFLICT ON CONSTRAINT notification_once DO NOTHING
       RETURNING id, recipient_email, created_at`,
      [
        event.editionId,
        event.changeId,
        event.sessionId,
        event.title,
        event.body,
        recipients.map((r) => r.email),
        recipients.map((r) => r.eventKey),
        recipients.map((r) => r.mail),
      ],
    );
    return rows.map((r) => ({ id: r.id, recipientEmail: r.recipient_email, createdAt: r.created_at }));
  }

  /** The ids of these events' notifications that go by mail and are not mailed yet, in id order. */
  async unmailed(eventKeys: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM notification WHERE event_key = ANY($1) AND mail AND mailed_at IS NULL ORDER BY id`,
      [eventKeys],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Claims these notifications' unsent mails for one batch, in one statement: a row claimed by another
   * run less than `staleSeconds` ago is left to it, so two batches never both send one mail.
   */
  async claimMail(ids: string[], staleSeconds: number): Promise<ClaimedMail[]> {
    const [claimed]: [
      {
        id: string;
        edition_id: string;
        recipient_email: string;
        title: string;
        body: string;
        session_id: string | null;
      }[],
    ] = await this.db.query(
      `UPDATE notification SET mail_claimed_at = now()
        WHERE id = ANY($1::uuid[]) AND mail AND mailed_at IS NULL AND (mail_claimed_at IS NULL OR mail_claimed_at < now() - make_interval(secs => $2))
        RETURNING id, edition_id, recipient_email, title, body, session_id`,
      [ids, staleSeconds],
    );
    return claimed.map((n) => ({
      id: n.id,
      editionId: n.edition_id,
      recipientEmail: n.recipient_email,
      title: n.title,
      body: n.body,
      sessionId: n.session_id,
    }));
  }

  /** Renews a batch's claims on the mails it has not sent yet. */
  async renewClaims(ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE notification SET mail_claimed_at = now() WHERE id = ANY($1::uuid[]) AND mailed_at IS NULL`,
      [ids],
    );
  }

  /** Marks one mail sent: no later batch sends it again. */
  async markMailed(id: string): Promise<void> {
    await this.db.query(`UPDATE notification SET mailed_at = now() WHERE id = $1`, [id]);
  }

  /** Releases claims (mails the server refused), so the job's next run takes them at once. */
  async releaseClaims(ids: string[]): Promise<void> {
    await this.db.query(`UPDATE notification SET mail_claimed_at = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** How many of these notifications still wait for their mail. */
  async countUnmailed(ids: string[]): Promise<number> {
    const [{ held }]: { held: number }[] = await this.db.query(
      `SELECT count(*)::int AS held FROM notification WHERE id = ANY($1::uuid[]) AND mail AND mailed_at IS NULL`,
      [ids],
    );
    return held;
  }

  /**
   * Who hears of a schedule change (other libs' rows read in one join): every attendee with the
   * session in their schedule, and these speakers (by their address, mail unless their registration
   * turned it off). One row per address; mail off wins for an address listed twice.
   */
  changeRecipients(sessionId: string, speakerIds: string[]): Promise<{ email: string; mail: boolean }[]> {
    return this.db.query(
      `SELECT DISTINCT ON (email) email, mail FROM (
         SELECT a.email, a.email_updates AS mail FROM schedule_entry se JOIN attendee a ON a.id = se.attendee_id WHERE se.session_id = $1
         UNION ALL
         SELECT lower(sp.email), coalesce(a.email_updates, true) FROM speaker sp
           LEFT JOIN attendee a ON a.edition_id = sp.edition_id AND a.email = lower(sp.email)
          WHERE sp.id = ANY($2::uuid[]) AND sp.email IS NOT NULL
       ) r ORDER BY email, mail`,
      [sessionId, speakerIds],
    );
  }

  /** Of these schedule entries, those still holding their seat, with their attendee's address and mail preference and the session's title (read in one join). */
  async seatHolders(entryIds: string[]): Promise<{ entryId: string; email: string; mail: boolean; title: string }[]> {
    const rows: { entry_id: string; email: string; mail: boolean; title: string }[] = await this.db.query(
      `SELECT se.id AS entry_id, a.email, a.email_updates AS mail, s.title
         FROM schedule_entry se JOIN attendee a ON a.id = se.attendee_id JOIN session s ON s.id = se.session_id
        WHERE se.id = ANY($1::uuid[]) AND se.status = 'RESERVED'`,
      [entryIds],
    );
    return rows.map((r) => ({ entryId: r.entry_id, email: r.email, mail: r.mail, title: r.title }));
  }

  private inboxOf(email: string, unreadOnly: boolean) {
    const qb = this.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientEmail = :email', { email });
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    return qb;
  }

  /** How many people each schedule change notified (one notification per recipient), by change id (DataLoader batch). */
  async countsByChange(changeIds: readonly string[]): Promise<{ changeId: string; count: number }[]> {
    const rows: { change_id: string; count: number }[] = await this.db.query(
      `SELECT change_id, count(*)::int AS count FROM notification WHERE change_id = ANY($1::uuid[]) GROUP BY change_id`,
      [changeIds],
    );
    return rows.map((r) => ({ changeId: r.change_id, count: r.count }));
  }
}
