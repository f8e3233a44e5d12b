import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScanOutcome } from './scan.entity';

/** One scan of an attendee's badges, with the checkpoint's name. */
export interface AttendeeScanRow {
  id: string;
  scannedAt: Date;
  checkpointId: string;
  checkpointName: string;
  outcome: ScanOutcome;
  reason: string | null;
  direction: string;
  annulledAt: Date | null;
}

/** The organizers' view of one attendee's scans (the scan and checkpoint tables, which the scanning lib owns). */
@Injectable()
export class AttendeeScansRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The attendee's latest scans, newest first (the scan_by_attendee index). */
  latestOf(attendeeId: string, limit: number): Promise<AttendeeScanRow[]> {
    return this.db.query(
      `SELECT s.id, s.scanned_at AS "scannedAt", s.checkpoint_id AS "checkpointId", c.name AS "checkpointName",
              s.outcome, s.reason, s.direction, s.annulled_at AS "annulledAt"
         FROM scan s JOIN checkpoint c ON c.id = s.checkpoint_id
        WHERE s.attendee_id = $1
        ORDER BY s.scanned_at DESC, s.id
        LIMIT $2`,
      [attendeeId, limit],
    );
  }
}
