import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, JobPayloads } from '@app/core';
import { ScheduleChange, ScheduleChangeKind, Session } from '@app/sessions';
import { DataSource } from 'typeorm';
import { NotificationWriter, Recipient } from './notification-writer';
import { WebhookSender } from './webhook-sender';

const HEADLINE: Record<ScheduleChangeKind, string> = {
  [ScheduleChangeKind.CANCELLED]: 'Cancelled',
  [ScheduleChangeKind.TIME_CHANGED]: 'Moved',
  [ScheduleChangeKind.ROOM_CHANGED]: 'New room',
  [ScheduleChangeKind.SPEAKER_CHANGED]: 'Speakers changed',
  [ScheduleChangeKind.DETAILS_CHANGED]: 'Updated',
};

/** The notification's title: what happened, to which session. */
export const changeTitle = (change: ScheduleChange) => `${HEADLINE[change.kind]}: ${change.after.title}`.slice(0, 300);

/**
 * Everyone who must hear of a schedule change: every attendee with the session in their schedule
 * (bookmarked, holding a seat or waiting), its speakers before and after the change (in-app and by
 * mail), and the organizer's webhook receivers.
 */
@Injectable()
export class ScheduleFanout {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationWriter,
    private readonly webhooks: WebhookSender,
    private readonly config: AppConfig,
  ) {}

  async run({ scheduleChangeId }: JobPayloads['schedule.fanout']): Promise<void> {
    const change = await this.db.getRepository(ScheduleChange).findOneBy({ id: scheduleChangeId });
    if (!change) return; // the session (and its history) was deleted since
    const session = await this.db.getRepository(Session).findOneByOrFail({ id: change.sessionId });
    await this.webhooks.fanOut(change.editionId, 'schedule.changed', change.id, webhookBody(change, session), this.config.webhookRetryBaseMs);
    const recipients: { email: string; mail: boolean }[] = await this.db.query(
      `SELECT DISTINCT ON (email) email, mail FROM (
         SELECT a.email, a.email_updates AS mail FROM schedule_entry se JOIN attendee a ON a.id = se.attendee_id WHERE se.session_id = $1
         UNION ALL
         SELECT lower(sp.email), coalesce(a.email_updates, true) FROM speaker sp
           LEFT JOIN attendee a ON a.edition_id = sp.edition_id AND a.email = lower(sp.email)
          WHERE sp.id = ANY($2::uuid[]) AND sp.email IS NOT NULL
       ) r ORDER BY email, mail`,
      [session.id, [...new Set([...change.before.speakerIds, ...change.after.speakerIds])]],
    );
    await this.notifications.write(
      { editionId: change.editionId, changeId: change.id, sessionId: session.id, title: changeTitle(change), body: change.summary },
      recipients.map((r): Recipient => ({ email: r.email, mail: r.mail, eventKey: change.id })),
    );
  }
}

/** The JSON a webhook receiver gets for a schedule change. */
export function webhookBody(change: ScheduleChange, session: Session): Record<string, unknown> {
  return {
    event: 'schedule.changed',
    id: change.id,
    createdAt: change.createdAt.toISOString(),
    editionId: change.editionId,
    kind: change.kind,
    kinds: change.kinds,
    summary: change.summary,
    before: change.before,
    after: change.after,
    session: { id: session.id, title: session.title, status: session.status, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), roomId: session.roomId },
  };
}
