import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, JobPayloads } from '@app/core';
import { ScheduleChange, Session } from '@app/sessions';
import { DataSource } from 'typeorm';
import { WebhookSender } from './webhook-sender';

/** Everyone who must hear of a schedule change: webhook receivers (and, in-app and by mail, the people affected). */
@Injectable()
export class ScheduleFanout {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webhooks: WebhookSender,
    private readonly config: AppConfig,
  ) {}

  async run({ scheduleChangeId }: JobPayloads['schedule.fanout']): Promise<void> {
    const change = await this.db.getRepository(ScheduleChange).findOneBy({ id: scheduleChangeId });
    if (!change) return; // the session (and its history) was deleted since
    const session = await this.db.getRepository(Session).findOneByOrFail({ id: change.sessionId });
    await this.webhooks.fanOut(change.editionId, 'schedule.changed', change.id, webhookBody(change, session), this.config.webhookRetryBaseMs);
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
