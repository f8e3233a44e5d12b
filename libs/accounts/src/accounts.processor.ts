import { Injectable } from '@nestjs/common';
import { JobPayloads, OnJob } from '@app/core';
import { AccountMailer } from './account-mailer';

/** Account mails (verification, password reset, sign-up attempts), a few at a time. */
@Injectable()
export class AccountsProcessor {
  constructor(private readonly mailer: AccountMailer) {}

  @OnJob('account.mail')
  async send(payload: JobPayloads['account.mail']): Promise<void> {
    await this.mailer.send(payload);
  }
}
