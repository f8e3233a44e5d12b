import { Injectable } from '@nestjs/common';
import { AppConfig, JobPayloads } from '@app/core';
import { ScheduleChange, ScheduleChangeKind, Session, SessionsService } from '@app/sessions';
import { NotificationWriter } from './notification-writer';
import { NotificationRepository, Recipient } from './notification.repository';
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
    private readonly sessions: SessionsService,
    private readonly repository: NotificationRepository,
    private readonly notifications: NotificationWriter,
    private readonly webhooks: WebhookSender,
    private readonly config: AppConfig,
  ) {}

  async run({ scheduleChangeId }: JobPayloads['schedule.fanout']): Promise<void> {
    const change = await this.sessions.findChange(scheduleChangeId);
    if (!change) return; // the session (and its history) was deleted since
    const [session] = await this.sessions.byIds([change.sessionId]);
    if (!session) return; // deleted since (its changes go with it)
    await this.webhooks.fanOut(
      change.editionId,
      'schedule.changed',
      change.id,
      webhookBody(change, session),
      this.config.webhookRetryBaseMs,
    );
    const recipients = await this.repository.changeRecipients(session.id, [
      ...new Set([...change.before.speakerIds, ...change.after.speakerIds]),
    ]);
    await this.notifications.write(
      {
        editionId: change.editionId,
        changeId: change.id,
        sessionId: session.id,
        title: changeTitle(change),
        body: change.summary,
      },
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
    session: {
      id: session.id,
      title: session.title,
      status: session.status,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      roomId: session.roomId,
    },
  };
}
