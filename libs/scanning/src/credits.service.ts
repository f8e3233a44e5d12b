import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, checkUrlSignature, Principal, urlSignature } from '@app/core';
import { AttendeesService } from '@app/attendees';
import { Session } from '@app/sessions';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { DataSource, In } from 'typeorm';
import { CreditsReport, SessionCredit } from './scan.entity';

interface Attendance {
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  ce_credits: string;
  min_share: string;
  exit_scanning: boolean;
  entered: Date;
  left: Date | null;
}

/**
 * Continuing-education credits from session-room scans: time in the room (from the entry scan to
 * the exit scan, or to the session's end without one) counts when it reaches the room's required
 * share of the session; of sessions that overlap in time, only the one worth most counts.
 */
@Injectable()
export class CreditsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attendees: AttendeesService,
    private readonly config: AppConfig,
  ) {}

  async mine(user: Principal | undefined, editionId: string): Promise<CreditsReport> {
    const attendee = await this.attendees.mine(user, editionId);
    if (!attendee) return { sessions: [], total: 0, certificateUrl: null };
    const report = await this.forAttendee(attendee.id);
    const signature = urlSignature(this.config.jwtSecret, 'ce-certificate', attendee.id);
    return { ...report, certificateUrl: report.sessions.length ? `/credits/${attendee.id}.pdf?sig=${signature}` : null };
  }

  async forAttendee(attendeeId: string): Promise<Omit<CreditsReport, 'certificateUrl'>> {
    const rows: Attendance[] = await this.db.query(
      `SELECT s.id AS session_id, s.starts_at, s.ends_at, s.ce_credits, c.min_attendance_share AS min_share, c.exit_scanning,
              min(sc.scanned_at) FILTER (WHERE sc.direction = 'IN') AS entered, min(sc.scanned_at) FILTER (WHERE sc.direction = 'OUT') AS left
         FROM scan sc JOIN checkpoint c ON c.id = sc.checkpoint_id JOIN session s ON s.id = c.session_id
        WHERE sc.attendee_id = $1 AND sc.outcome = 'ADMITTED' AND c.kind = 'SESSION_ROOM' AND s.status = 'PUBLISHED'
        GROUP BY s.id, c.id ORDER BY s.starts_at`,
      [attendeeId],
    );
    const credited = rows
      .map((r) => {
        const from = Math.max(r.entered.getTime(), r.starts_at.getTime());
        const to = Math.min((r.exit_scanning && r.left ? r.left : r.ends_at).getTime(), r.ends_at.getTime());
        const minutes = Math.max(0, Math.round((to - from) / 60_000));
        const length = (r.ends_at.getTime() - r.starts_at.getTime()) / 60_000;
        return { r, minutes, earned: minutes >= length * Number(r.min_share) ? Number(r.ce_credits) : 0 };
      })
      .filter((c) => c.minutes > 0 || c.earned > 0);
    // Overlapping sessions count once: the most credits first, then anything that does not overlap them.
    const kept = new Set<string>();
    for (const c of [...credited].filter((c) => c.earned > 0).sort((a, b) => b.earned - a.earned || a.r.starts_at.getTime() - b.r.starts_at.getTime())) {
      const overlaps = credited.some((o) => kept.has(o.r.session_id) && o.r.starts_at < c.r.ends_at && c.r.starts_at < o.r.ends_at);
      if (!overlaps) kept.add(c.r.session_id);
    }
    const sessions = await this.db.getRepository(Session).findBy({ id: In(credited.map((c) => c.r.session_id)) });
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const list: SessionCredit[] = credited.map((c) => ({ sessionId: c.r.session_id, session: byId.get(c.r.session_id)!, minutesAttended: c.minutes, credits: kept.has(c.r.session_id) ? c.earned : 0 }));
    // Credits come in steps of 0.25, so the sum is exact in binary floating point.
    return { sessions: list, total: list.reduce((sum, s) => sum + s.credits, 0) };
  }

  /** The certificate PDF, when the link's signature holds. */
  async certificate(attendeeId: string, signature: unknown): Promise<Buffer | null> {
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'ce-certificate', attendeeId)) return null;
    const [who] = await this.db.query(`SELECT a.first_name, a.last_name, e.name AS edition, e.timezone FROM attendee a JOIN edition e ON e.id = a.edition_id WHERE a.id = $1`, [attendeeId]);
    if (!who) return null;
    const report = await this.forAttendee(attendeeId);
    const doc = new PDFDocument({ size: 'LETTER', margin: 56, info: { Title: `CE certificate: ${who.first_name} ${who.last_name}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.font('Helvetica-Bold').fontSize(22).text('Certificate of attendance', { align: 'center' });
    doc.moveDown(0.5).font('Helvetica').fontSize(12).text(who.edition, { align: 'center' });
    doc.moveDown(1.5).fontSize(12).text('This certifies that');
    doc.font('Helvetica-Bold').fontSize(18).text(`${who.first_name} ${who.last_name}`);
    doc.font('Helvetica').fontSize(12).text('attended the following accredited sessions:').moveDown();
    for (const s of report.sessions.filter((s) => s.credits > 0)) {
      const when = DateTime.fromJSDate(s.session.startsAt, { zone: who.timezone }).toFormat('ccc d LLL yyyy HH:mm');
      doc.font('Helvetica-Bold').text(`${s.credits.toFixed(2)} credits  `, { continued: true }).font('Helvetica').text(`${s.session.title} (${when}, ${s.minutesAttended} min attended)`);
    }
    doc.moveDown().font('Helvetica-Bold').fontSize(14).text(`Total: ${report.total.toFixed(2)} CE credits`);
    doc.end();
    return done;
  }
}
