import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, escapeXml as escapeHtml, MailTransport } from '@app/core';
import { DataSource } from 'typeorm';
import { unsubscribeUrl } from './unsubscribe-token';

/** A claim older than this belongs to a worker that died mid-batch: the batch may be taken over. */
const CLAIM_EXPIRES = '10 minutes';

interface Claimed {
  id: string;
  edition_id: string;
  recipient_email: string;
  title: string;
  body: string;
  session_id: string | null;
}

/**
 * Sends notification mails over SMTP (SMTP_URL; without it, mails are written to the log). A batch
 * claims its rows first, so two jobs holding the same notification never both send it; rows sent
 * are marked mailed, rows refused are released and the job retries with backoff.
 */
@Injectable()
export class MailSender {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly mail: MailTransport,
  ) {}

  async send(notificationIds: string[]): Promise<void> {
    const [claimed]: [Claimed[]] = await this.db.query(
      `UPDATE notification SET mail_claimed_at = now()
        WHERE id = ANY($1::uuid[]) AND mail AND mailed_at IS NULL AND (mail_claimed_at IS NULL OR mail_claimed_at < now() - interval '${CLAIM_EXPIRES}')
        RETURNING id, edition_id, recipient_email, title, body, session_id`,
      [notificationIds],
    );
    if (!claimed.length) return;
    const results = await Promise.allSettled(claimed.map((n) => this.sendOne(n)));
    const sent = claimed.filter((_, i) => results[i].status === 'fulfilled').map((n) => n.id);
    const failed = claimed.filter((_, i) => results[i].status === 'rejected').map((n) => n.id);
    if (sent.length) await this.db.query(`UPDATE notification SET mailed_at = now() WHERE id = ANY($1::uuid[])`, [sent]);
    if (failed.length) {
      await this.db.query(`UPDATE notification SET mail_claimed_at = NULL WHERE id = ANY($1::uuid[])`, [failed]);
      const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
      throw new Error(`${failed.length} of ${claimed.length} mails refused: ${reason instanceof Error ? reason.message : reason}`);
    }
  }

  private async sendOne(n: Claimed): Promise<void> {
    const base = this.config.publicUrl.replace(/\/$/, '');
    const unsubscribe = unsubscribeUrl(base, this.config.jwtSecret, n.edition_id, n.recipient_email);
    const link = n.session_id ? `${base}/sessions/${n.session_id}` : null;
    const text = [n.body, ...(link ? ['', `Session: ${link}`] : []), '', '--', `Stop schedule updates by mail: ${unsubscribe}`].join('\n');
    const html = [
      `<p>${escapeHtml(n.body)}</p>`,
      ...(link ? [`<p><a href="${escapeHtml(link)}">Open the session</a></p>`] : []),
      `<p style="color:#666;font-size:12px"><a href="${escapeHtml(unsubscribe)}">Stop schedule updates by mail</a></p>`,
    ].join('\n');
    await this.mail.send({
      to: n.recipient_email,
      subject: n.title,
      text,
      html,
      // The same notification always has the same Message-ID, so a receiver can drop a repeat.
      messageId: `<notification-${n.id}@conference>`,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
}
