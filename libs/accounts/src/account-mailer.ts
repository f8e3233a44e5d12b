import { Injectable } from '@nestjs/common';
import { AccountMailKind, AppConfig, MailTransport } from '@app/core';
import { AccountTokens } from './account-tokens';
import { AccountRepository } from './account.repository';

/**
 * Writes and sends account mails in the worker (SMTP_URL; without it, to the log like every mail):
 * the verification link, the password-reset link, and "someone tried to sign up with your address".
 * The handler re-reads the account and the token; a token already used or expired mails nothing.
 * A retried job sends the same link (the token is rebuilt from its id) with the same Message-ID.
 */
@Injectable()
export class AccountMailer {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly tokens: AccountTokens,
    private readonly config: AppConfig,
    private readonly mail: MailTransport,
  ) {}

  async send(payload: { userId: string; kind: AccountMailKind; tokenId?: string }): Promise<void> {
    const user = await this.accounts.mailRecipient(payload.userId);
    if (!user) return;
    const base = this.config.publicUrl.replace(/\/$/, '');
    let subject: string;
    let text: string;
    if (payload.kind === 'signup-exists') {
      subject = 'Someone tried to sign up with your address';
      text = `Hello ${user.name},\n\nSomeone tried to create an account with ${user.email}, which already has one. If it was you, sign in, or reset your password at ${base}/forgot-password.\nIf it was not you, there is nothing to do: nobody got access to your account.`;
    } else {
      if (!payload.tokenId || (await this.tokens.pending(payload.tokenId))?.purpose !== payload.kind) return;
      const token = this.tokens.tokenOf(payload.kind, payload.tokenId);
      if (payload.kind === 'verify') {
        subject = 'Confirm your email address';
        text = `Hello,\n\nConfirm that ${user.email} is yours: ${base}/verify-email?token=${token}\nThe link works once, for 24 hours. If you did not sign up, ignore this mail: nothing is granted to the account until the link is opened.`;
      } else {
        subject = 'Reset your password';
        text = `Hello ${user.name},\n\nChoose a new password: ${base}/reset-password?token=${token}\nThe link works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.`;
      }
    }
    // Without SMTP_URL the log shows the line with the link: that is how a development machine gets it.
    await this.mail.send(
      {
        to: user.email,
        subject,
        text,
        messageId: `<account-${payload.tokenId ?? `${payload.kind}-${payload.userId}-${Date.now()}`}@conference>`,
      },
      `${subject}: ${text.split('\n')[2]}`,
    );
  }
}
