import { Injectable } from '@nestjs/common';
import { JobPayloads, OnJob } from '@app/core';
import { DelayedError, Job } from 'bullmq';
import { ExhibitorsService } from './exhibitors.service';

/** Releases booth holds when they expire: the job waits (delayed) until the hold's end, then acts if the booth is still on that hold. */
@Injectable()
export class BoothHoldsProcessor {
  constructor(private readonly exhibitors: ExhibitorsService) {}

  @OnJob('booth.releaseHold')
  async releaseHold(payload: JobPayloads['booth.releaseHold'], job: Job, token?: string): Promise<void> {
    const expires = new Date(payload.holdExpiresAt);
    if (expires.getTime() > Date.now()) {
      await job.moveToDelayed(expires.getTime() + 100, token);
      throw new DelayedError();
    }
    await this.exhibitors.releaseExpiredHold(payload.boothId, expires);
  }
}
