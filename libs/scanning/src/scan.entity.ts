import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessLevel, Attendee } from '@app/attendees';
import { numericColumn } from '@app/core';
import { Edition } from '@app/editions';
import { Exhibitor } from '@app/exhibitors';
import { Session } from '@app/sessions';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export enum CheckpointKind {
  ENTRANCE = 'ENTRANCE',
  SESSION_ROOM = 'SESSION_ROOM',
}
registerEnumType(CheckpointKind, { name: 'CheckpointKind' });

export enum ScanOutcome {
  ADMITTED = 'ADMITTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}
registerEnumType(ScanOutcome, { name: 'ScanOutcome' });

/** Why a scan was REJECTED (machine-readable: rejectReason, and as text in reason). */
export enum RejectReason {
  INVALID_CODE = 'INVALID_CODE',
  REVOKED = 'REVOKED',
  NOT_ALLOWED = 'NOT_ALLOWED',
  UNKNOWN_BADGE = 'UNKNOWN_BADGE',
  WRONG_EDITION = 'WRONG_EDITION',
  CLOSED = 'CLOSED',
}
registerEnumType(RejectReason, { name: 'RejectReason', description: 'Why a scan was REJECTED' });

/** The reason of a REJECTED scan as its enum; null for any other outcome (an exit scan's reason is EXIT). */
export const rejectReasonOf = (outcome: ScanOutcome, reason: string | null): RejectReason | null =>
  outcome === ScanOutcome.REJECTED ? (reason as RejectReason) : null;

/** A door or a session room where staff scan badges. */
@ObjectType()
@Entity()
@Check('checkpoint_session_room', `("kind" = 'SESSION_ROOM') = ("session_id" IS NOT NULL)`)
export class Checkpoint {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => CheckpointKind)
  @Column({ type: 'enum', enum: CheckpointKind, enumName: 'checkpoint_kind' })
  kind: CheckpointKind;
  @Column({ type: 'uuid', nullable: true }) @ForeignKey(() => Session, { onDelete: 'CASCADE' }) sessionId:
    string | null;
  @Field(() => [AccessLevel])
  @Column({ type: 'enum', enum: AccessLevel, enumName: 'access_level', array: true })
  allowed: AccessLevel[];
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) opensAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) closesAt: Date | null;
  @Field({ description: 'SESSION_ROOM: a second scan of an admitted badge is an exit, and time in the room counts' })
  @Column({ type: 'boolean', default: false })
  exitScanning: boolean;
  @Field(() => Float, { description: 'SESSION_ROOM: the share of the session to attend for its CE credits' })
  @Column({ type: 'numeric', precision: 3, scale: 2, default: () => '0.75', transformer: numericColumn })
  minAttendanceShare: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** Minutes after its scan time within which the device that admitted a badge may annul the admission. */
export const ANNUL_WINDOW_MINUTES = 15;

/**
 * Every scan, kept for the audit trail (REJECTED ones with their reason). A client scan id is unique
 * per checkpoint (a retried or re-uploaded scan returns the first result) and a badge is admitted at
 * most once per checkpoint, local day and direction (two scanners at the same instant: one ADMITTED,
 * one DUPLICATE); an annulled admission stays in the trail but no longer counts, so the badge may be
 * admitted again.
 */
@ObjectType()
@Entity()
@Unique('scan_once', ['checkpointId', 'clientScanId'])
@Index('scan_admitted_once', ['checkpointId', 'attendeeId', 'day', 'direction'], {
  unique: true,
  where: `"outcome" = 'ADMITTED' AND "annulled_at" IS NULL`,
})
@Index('scan_by_attendee', ['attendeeId'])
@Index('scan_by_edition_day', ['editionId', 'day'])
export class Scan {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Checkpoint, { onDelete: 'CASCADE' }) checkpointId: string;
  @Column({ type: 'uuid' }) editionId: string;
  @Column({ type: 'varchar', length: 100 }) clientScanId: string;
  @Column({ type: 'uuid', nullable: true }) badgeId: string | null;
  @Column({ type: 'uuid', nullable: true }) @ForeignKey(() => Attendee, { onDelete: 'SET NULL' }) attendeeId:
    string | null;
  @Field(() => ScanOutcome) @Column({ type: 'enum', enum: ScanOutcome, enumName: 'scan_outcome' }) outcome: ScanOutcome;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 32, nullable: true }) reason:
    string | null;
  @Field(() => RejectReason, { nullable: true, description: 'When REJECTED: why' })
  get rejectReason(): RejectReason | null {
    return rejectReasonOf(this.outcome, this.reason);
  }
  /** IN, or OUT for the exit scan of a session room with exit scanning. */
  @Column({ type: 'varchar', length: 3, default: 'IN' }) direction: string;
  /** The scanner's own time of the scan (judged at that time). */
  @Field() @Column({ type: 'timestamptz' }) scannedAt: Date;
  /** The edition's local day of scannedAt: duplicates are per day. */
  @Column({ type: 'date' }) day: string;
  @CreateDateColumn({ type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'varchar', length: 254 }) scannedBy: string;
  @Field(() => String, {
    nullable: true,
    description: 'The scanner device that made the scan (deviceId of scanBadge / syncScans, or its X-Device-Id header)',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  deviceId: string | null;
  /** What an offline scanner showed for this scan (syncScans' offlineOutcome), when it said. */
  @Column({ type: 'enum', enum: ScanOutcome, enumName: 'scan_outcome', nullable: true })
  offlineOutcome: ScanOutcome | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the admission was annulled (annulScan): it no longer counts, the row stays for the audit trail',
  })
  @Column({ type: 'timestamptz', nullable: true })
  annulledAt: Date | null;
  @Field({
    description:
      'The scanner admitted this badge offline (offlineOutcome ADMITTED) but the server judged the scan DUPLICATE or REJECTED (for instance admitted at another door meanwhile): one for a supervisor to look at',
  })
  get conflict(): boolean {
    return this.offlineOutcome === ScanOutcome.ADMITTED && this.outcome !== ScanOutcome.ADMITTED;
  }
}

/** A lead: an attendee whose badge an exhibitor's staff scanned, with a snapshot of their shareable contact. */
@ObjectType()
@Entity()
@Unique('lead_once', ['exhibitorId', 'attendeeId'])
@Index('lead_by_exhibitor', ['exhibitorId', 'capturedAt', 'id'])
@Check('lead_rating', `"rating" IS NULL OR "rating" BETWEEN 1 AND 5`)
export class Lead {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Exhibitor, { onDelete: 'CASCADE' }) exhibitorId: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Attendee, { onDelete: 'CASCADE' }) attendeeId: string;
  @Field() @Column({ type: 'timestamptz' }) capturedAt: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The email of the staff member who first captured the lead (kept on a rescan by someone else)',
  })
  @Column({ type: 'varchar', length: 254 })
  capturedBy: string;
  /** What the attendee shares with exhibitors, as it was at the first scan. */
  @Column({ type: 'jsonb' }) contact: {
    firstName: string;
    lastName: string;
    email: string;
    company: string | null;
    jobTitle: string | null;
  };
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) notes: string | null;
  @Field(() => Int, { nullable: true }) @Column({ type: 'smallint', nullable: true }) rating: number | null;
  @Field(() => [String], {
    description: "Tags from the exhibitor's list (Exhibitor.leadTags), set at capture or with updateLead",
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  /** Set for staff who may not export this exhibitor's leads (leadExportAdminsOnly): they see names, not contact details. */
  contactHidden?: boolean;
}
