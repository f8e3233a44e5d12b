import { Injectable } from '@nestjs/common';
import { isLastAttempt, JobPayloads, OnJob } from '@app/core';
import { Job } from 'bullmq';
import { BadgeRenderer } from './badge-renderer';
import { PrintSheetsService } from './print-sheets';

/** Rendering is CPU work: one chunk at a time per worker process (QUEUE_CONCURRENCY); run more worker processes to use more cores. */
@Injectable()
export class BadgesProcessor {
  constructor(
    private readonly renderer: BadgeRenderer,
    private readonly printSheets: PrintSheetsService,
  ) {}

  @OnJob('badges.render')
  async render({ badgeIds }: JobPayloads['badges.render'], job: Job): Promise<void> {
    await this.renderer.render(badgeIds, isLastAttempt(job));
  }

  @OnJob('badges.printSheet')
  async printSheet({ sheetId }: JobPayloads['badges.printSheet'], job: Job): Promise<void> {
    await this.printSheets.render(sheetId, isLastAttempt(job));
  }
}
