import { Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, SendMailOptions, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

/**
 * The worker's one way out for mail: SMTP_URL through a pooled connection, or, without it, the log
 * (a development machine reads its mails there, links included). Shared by every sender (schedule
 * updates, account mails), so they share one pool.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    this.transport = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, pool: true, maxConnections: 5, maxMessages: Infinity })
      : createTransport({ jsonTransport: true });
  }

  /** Sends one mail (from MAIL_FROM); rejects when the server refuses it, so the job retries. `logLine` is what the log shows without SMTP_URL. */
  async send(
    mail: Omit<SendMailOptions, 'from'> & { to: string; subject: string },
    logLine = mail.subject,
  ): Promise<void> {
    await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
    if (!this.config.smtpUrl) this.logger.log(`mail (no SMTP_URL, not sent) to ${mail.to}: ${logLine}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

@Module({ providers: [MailTransport], exports: [MailTransport] })
export class MailModule {}
