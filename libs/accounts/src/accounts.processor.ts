import { Processor, WorkerHost } from '@nestjs/bullmq';
import { JobPayloads, QUEUES, WORKER_OPTIONS } from '@app/core';
import { Job, UnrecoverableError } from 'bullmq';
import { AccountMailer } from './account-mailer';

/** Account mails (verification, password reset, sign-up attempts), a few at a time. */
@Processor(QUEUES.accounts, { concurrency: 4, ...WORKER_OPTIONS })
export class AccountsProcessor extends WorkerHost {
  constructor(private readonly mailer: AccountMailer) {
    super();
  }

  async process(job: Job<JobPayloads['account.mail']>): Promise<void> {
    if (job.name !== 'account.mail') throw new UnrecoverableError(`no handler for job ${job.name} in ${QUEUES.accounts}`);
    await this.mailer.send(job.data);
  }
}
