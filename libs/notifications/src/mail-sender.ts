import { Injectable } from '@nestjs/common';
import { AppConfig, escapeXml as escapeHtml, JOB_LOCK_MS, MailTransport } from '@app/core';
import { ClaimedMail, NotificationRepository } from './notification.repository';
import { unsubscribeUrl } from './unsubscribe-token';

/**
 * A claim not renewed for this long belongs to a worker that died mid-batch: the batch may be taken
 * over. As long as a job's lock, so the run that BullMQ gives the job to after a kill finds the rows
 * free (or soon: see send). A live batch renews its claims three times as often.
 */
const CLAIM_MS = JOB_LOCK_MS;

/**
 * Sends notification mails over SMTP (SMTP_URL; without it, mails are written to the log). A batch
 * claims its rows first, so two jobs holding the same notification never both send it; each mail
 * is marked mailed as soon as the server takes it, so a worker killed mid-batch leaves only the
 * unsent ones to the job's next run; rows refused are released and the job retries with backoff.
 */
@Injectable()
export class MailSender {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly config: AppConfig,
    private readonly mail: MailTransport,
  ) {}

  async send(notificationIds: string[]): Promise<void> {
    const claimed = await this.notifications.claimMail(notificationIds, CLAIM_MS / 1000);
    const unsent = new Set(claimed.map((n) => n.id));
    // Renewed while the batch runs, like the job's lock: a slow server never lets another job take these rows.
    const renew = setInterval(() => {
      if (unsent.size) this.notifications.renewClaims([...unsent]).catch(() => undefined);
    }, CLAIM_MS / 3);
    renew.unref();
    let results: PromiseSettledResult<void>[];
    try {
      results = await Promise.allSettled(
        claimed.map(async (n) => {
          await this.sendOne(n);
          unsent.delete(n.id);
          await this.notifications.markMailed(n.id);
        }),
      );
    } finally {
      clearInterval(renew);
    }
    const refused = [...unsent];
    if (refused.length) await this.notifications.releaseClaims(refused);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) {
      const reason = rejected.reason instanceof Error ? rejected.reason.message : String(rejected.reason);
      throw new Error(
        refused.length
          ? `${refused.length} of ${claimed.length} mails refused: ${reason}`
          : `marking mails sent failed: ${reason}`,
      );
    }
    // Rows of this batch another run still holds (a killed worker's, until its claim lapses): retry
    // later rather than finish with them unsent.
    const held = await this.notifications.countUnmailed(notificationIds);
    if (held) throw new Error(`${held} mails of this batch are claimed by another run; trying again`);
  }

  private async sendOne(n: ClaimedMail): Promise<void> {
    const base = this.config.publicUrl.replace(/\/$/, '');
    const unsubscribe = unsubscribeUrl(base, this.config.jwtSecret, n.editionId, n.recipientEmail);
    const link = n.sessionId ? `${base}/sessions/${n.sessionId}` : null;
    const text = [
      n.body,
      ...(link ? ['', `Session: ${link}`] : []),
      '',
      '--',
      `Stop schedule updates by mail: ${unsubscribe}`,
    ].join('\n');
    const html = [
      `<p>${escapeHtml(n.body)}</p>`,
      ...(link ? [`<p><a href="${escapeHtml(link)}">Open the session</a></p>`] : []),
      `<p style="color:#666;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Stop schedule updates by mail</a></p>`,
    ].join('\n');
    await this.mail.send({
      to: n.recipientEmail,
      subject: n.title,
      text,
      html,
      // The same notification always has the same Message-ID, so a receiver can drop a repeat.
      messageId: `<notification-${n.id}@conference>`,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
}
