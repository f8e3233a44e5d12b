import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayloads, QUEUES, WORKER_OPTIONS } from '@app/core';
import { Job, UnrecoverableError } from 'bullmq';
import { ScheduleService } from './schedule.service';

/** Seats that opened up without anyone leaving (a larger capacity or room) go to the waitlist. */
@Processor(QUEUES.schedule, { concurrency: 2, ...WORKER_OPTIONS })
export class ScheduleProcessor extends WorkerHost {
  constructor(private readonly schedule: ScheduleService) {
    super();
  }

  async process(job: Job<JobPayloads['seats.fill']>): Promise<void> {
    if (job.name !== 'seats.fill') throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.schedule}`);
    await this.schedule.fillFreeSeats(job.data.sessionId);
  }
}
