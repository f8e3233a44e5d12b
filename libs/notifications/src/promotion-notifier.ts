import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobPayloads } from '@app/core';
import { DataSource } from 'typeorm';
import { NotificationWriter } from './notification-writer';

/** Tells attendees who moved up from a waitlist that a seat is now theirs. */
@Injectable()
export class PromotionNotifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationWriter,
  ) {}

  async run({ sessionId, editionId, entryIds }: JobPayloads['promotion.notify']): Promise<void> {
    // Only entries still holding their seat: someone who left the session since is not told they have one.
    const promoted: { entry_id: string; email: string; mail: boolean; title: string }[] = await this.db.query(
      `SELECT se.id AS entry_id, a.email, a.email_updates AS mail, s.title
         FROM schedule_entry se JOIN attendee a ON a.id = se.attendee_id JOIN session s ON s.id = se.session_id
        WHERE se.id = ANY($1::uuid[]) AND se.status = 'RESERVED'`,
      [entryIds],
    );
    if (!promoted.length) return;
    const title = promoted[0].title;
    await this.notifications.write(
      { editionId, changeId: null, sessionId, title: `You have a seat: ${title}`.slice(0, 300), body: `A seat opened up in "${title}" and it is yours: you moved up from the waitlist.` },
      promoted.map((p) => ({ email: p.email, mail: p.mail, eventKey: `promotion:${p.entry_id}` })),
    );
  }
}
