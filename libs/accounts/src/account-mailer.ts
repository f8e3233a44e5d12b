import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountMailKind, AppConfig } from '@app/core';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AccountTokens } from './account-tokens';

/**
 * Writes and sends account mails in the worker (SMTP_URL; without it, to the log like every mail):
 * the verification link, the password-reset link, and "someone tried to sign up with your address".
 * The handler re-reads the account and the token; a token already used or expired mails nothing.
 * A retried job sends the same link (the token is rebuilt from its id) with the same Message-ID.
 */
@Injectable()
export class AccountMailer implements OnApplicationShutdown {
  private readonly logger = new Logger(AccountMailer.name);
  private readonly transport: Transporter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: AccountTokens,
    private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? createTransport({ url: config.smtpUrl } as Parameters<typeof createTransport>[0]) : createTransport({ jsonTransport: true });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  async send(payload: { userId: string; kind: AccountMailKind; tokenId?: string }): Promise<void> {
    const [user]: { email: string; name: string }[] = await this.db.query(`SELECT email, name FROM "user" WHERE id = $1`, [payload.userId]);
    if (!user) return;
    const base = this.config.publicUrl.replace(/\/$/, '');
    let subject: string;
    let text: string;
    if (payload.kind === 'signup-exists') {
      subject = 'Someone tried to sign up with your address';
      text = `Hello ${user.name},\n\nSomeone tried to create an account with ${user.email}, which already has one. If it was you, sign in, or reset your password at ${base}/reset-password.\nIf it was not you, there is nothing to do: nobody got access to your account.`;
    } else {
      if (!payload.tokenId || (await this.tokens.pending(this.db.manager, payload.tokenId))?.purpose !== payload.kind) return;
      const token = this.tokens.tokenOf(payload.kind, payload.tokenId);
      if (payload.kind === 'verify') {
        subject = 'Confirm your email address';
        text = `Hello,\n\nConfirm that ${user.email} is yours: ${base}/verify-email?token=${token}\nThe link works once, for 24 hours. If you did not sign up, ignore this mail: nothing is granted to the account until the link is opened.`;
      } else {
        subject = 'Reset your password';
        text = `Hello ${user.name},\n\nChoose a new password: ${base}/reset-password?token=${token}\nThe link works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.`;
      }
    }
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: user.email,
      subject,
      text,
      messageId: `<account-${payload.tokenId ?? `${payload.kind}-${payload.userId}-${Date.now()}`}@conference>`,
    });
    if (!this.config.smtpUrl) this.logger.log(`mail (no SMTP_URL, not sent) to ${user.email}: ${subject}: ${text.split('\n')[2]}`);
  }
}
