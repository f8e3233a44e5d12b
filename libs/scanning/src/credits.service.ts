import { Injectable } from '@nestjs/common';
import { AppConfig, checkUrlSignature, Principal, urlSignature } from '@app/core';
import { AttendeesService } from '@app/attendees';
import { EditionsService } from '@app/editions';
import { SessionsService } from '@app/sessions';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { ScanRepository } from './scan.repository';
import { CreditsReport, SessionCredit } from './scan.types';

/**
 * Continuing-education credits from session-room scans: time in the room (from the entry scan to
 * the exit scan, or to the session's end without one) counts when it reaches the room's required
 * share of the session; of sessions that overlap in time, only the one worth most counts.
 */
@Injectable()
export class CreditsService {
  constructor(
    private readonly scans: ScanRepository,
    private readonly attendees: AttendeesService,
    private readonly editions: EditionsService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  async mine(user: Principal | undefined, editionId: string): Promise<CreditsReport> {
    const attendee = await this.attendees.mine(user, editionId);
    if (!attendee) return { sessions: [], total: 0, certificateUrl: null };
    const report = await this.forAttendee(attendee.id);
    const signature = urlSignature(this.config.jwtSecret, 'ce-certificate', attendee.id);
    return {
      ...report,
      certificateUrl: report.sessions.length ? `/credits/${attendee.id}.pdf?sig=${signature}` : null,
    };
  }

  async forAttendee(attendeeId: string): Promise<Omit<CreditsReport, 'certificateUrl'>> {
    const rows = await this.scans.attendanceOf(attendeeId);
    const credited = rows
      .map((r) => {
        const from = Math.max(r.entered.getTime(), r.startsAt.getTime());
        const to = Math.min((r.exitScanning && r.left ? r.left : r.endsAt).getTime(), r.endsAt.getTime());
        const minutes = Math.max(0, Math.round((to - from) / 60_000));
        const length = (r.endsAt.getTime() - r.startsAt.getTime()) / 60_000;
        return { r, minutes, earned: minutes >= length * r.minShare ? r.ceCredits : 0 };
      })
      .filter((c) => c.minutes > 0 || c.earned > 0);
    // Overlapping sessions count once: the most credits first, then anything that does not overlap them.
    const kept = new Set<string>();
    for (const c of [...credited]
      .filter((c) => c.earned > 0)
      .sort((a, b) => b.earned - a.earned || a.r.startsAt.getTime() - b.r.startsAt.getTime())) {
      const overlaps = credited.some(
        (o) => kept.has(o.r.sessionId) && o.r.startsAt < c.r.endsAt && c.r.startsAt < o.r.endsAt,
      );
      if (!overlaps) kept.add(c.r.sessionId);
    }
    const sessions = credited.length ? await this.sessions.byIds(credited.map((c) => c.r.sessionId)) : [];
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const list: SessionCredit[] = credited.map((c) => ({
      sessionId: c.r.sessionId,
      session: byId.get(c.r.sessionId)!,
      minutesAttended: c.minutes,
      credits: kept.has(c.r.sessionId) ? c.earned : 0,
    }));
    // Credits come in steps of 0.25, so the sum is exact in binary floating point.
    return { sessions: list, total: list.reduce((sum, s) => sum + s.credits, 0) };
  }

  /** The certificate PDF, when the link's signature holds. */
  async certificate(attendeeId: string, signature: unknown): Promise<Buffer | null> {
    if (!checkUrlSignature(this.config.jwtSecret, signature, 'ce-certificate', attendeeId)) return null;
    const [attendee] = await this.attendees.byIds([attendeeId]);
    const edition = attendee && (await this.editions.findById(attendee.editionId));
    if (!edition) return null;
    const who = {
      name: `${attendee.firstName} ${attendee.lastName}`,
      edition: edition.name,
      timezone: edition.timezone,
    };
    const report = await this.forAttendee(attendeeId);
    const doc = new PDFDocument({ size: 'LETTER', margin: 56, info: { Title: `CE certificate: ${who.name}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    doc.font('Helvetica-Bold').fontSize(22).text('Certificate of attendance', { align: 'center' });
    doc.moveDown(0.5).font('Helvetica').fontSize(12).text(who.edition, { align: 'center' });
    doc.moveDown(1.5).fontSize(12).text('This certifies that');
    doc.font('Helvetica-Bold').fontSize(18).text(who.name);
    doc.font('Helvetica').fontSize(12).text('attended the following accredited sessions:').moveDown();
    for (const s of report.sessions.filter((s) => s.credits > 0)) {
      const when = DateTime.fromJSDate(s.session.startsAt, { zone: who.timezone }).toFormat('ccc d LLL yyyy HH:mm');
      doc
        .font('Helvetica-Bold')
        .text(`${s.credits.toFixed(2)} credits  `, { continued: true })
        .font('Helvetica')
        .text(`${s.session.title} (${when}, ${s.minutesAttended} min attended)`);
    }
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(`Total: ${report.total.toFixed(2)} CE credits`);
    doc.end();
    return done;
  }
}
