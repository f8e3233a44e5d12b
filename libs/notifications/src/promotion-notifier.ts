import { Injectable } from '@nestjs/common';
import { JobPayloads } from '@app/core';
import { NotificationWriter } from './notification-writer';
import { NotificationRepository } from './notification.repository';

/** Tells attendees who moved up from a waitlist that a seat is now theirs. */
@Injectable()
export class PromotionNotifier {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly notifications: NotificationWriter,
  ) {}

  async run({ sessionId, editionId, entryIds }: JobPayloads['promotion.notify']): Promise<void> {
    // Only entries still holding their seat: someone who left the session since is not told they have one.
    const promoted = await this.repository.seatHolders(entryIds);
    if (!promoted.length) return;
    const title = promoted[0].title;
    await this.notifications.write(
      {
        editionId,
        changeId: null,
        sessionId,
        title: `You have a seat: ${title}`.slice(0, 300),
        body: `A seat opened up in "${title}" and it is yours: you moved up from the waitlist.`,
      },
      promoted.map((p) => ({ email: p.email, mail: p.mail, eventKey: `promotion:${p.entryId}` })),
    );
  }
}
