import { Injectable } from '@nestjs/common';
import { JobPayloads, OnJob } from '@app/core';
import { ScheduleService } from './schedule.service';

/** Seats that opened up without anyone leaving (a larger capacity or room) go to the waitlist. */
@Injectable()
export class ScheduleProcessor {
  constructor(private readonly schedule: ScheduleService) {}

  @OnJob('seats.fill')
  async fillSeats({ sessionId }: JobPayloads['seats.fill']): Promise<void> {
    await this.schedule.fillFreeSeats(sessionId);
  }
}
