import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessLevel, Attendee } from '@app/attendees';
import { numericColumn } from '@app/core';
import { Edition } from '@app/editions';
import { Exhibitor } from '@app/exhibitors';
import { Session } from '@app/sessions';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

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

/** Why a scan was REJECTED (machine-readable, in ScanResult.reason). */
export enum RejectReason {
  INVALID_CODE = 'INVALID_CODE',
  REVOKED = 'REVOKED',
  NOT_ALLOWED = 'NOT_ALLOWED',
  UNKNOWN_BADGE = 'UNKNOWN_BADGE',
  WRONG_EDITION = 'WRONG_EDITION',
  CLOSED = 'CLOSED',
}

/** A door or a session room where staff scan badges. */
@ObjectType()
@Entity()
@Check('checkpoint_session_room', `("kind" = 'SESSION_ROOM') = ("session_id" IS NOT NULL)`)
export class Checkpoint {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => CheckpointKind) @Column({ type: 'enum', enum: CheckpointKind, enumName: 'checkpoint_kind' }) kind: CheckpointKind;
  @Column({ type: 'uuid', nullable: true }) @ForeignKey(() => Session, { onDelete: 'CASCADE' }) sessionId: string | null;
  @Field(() => [AccessLevel]) @Column({ type: 'enum', enum: AccessLevel, enumName: 'access_level', array: true }) allowed: AccessLevel[];
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) opensAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) closesAt: Date | null;
  @Field({ description: 'SESSION_ROOM: a second scan of an admitted badge is an exit, and time in the room counts' }) @Column({ type: 'boolean', default: false }) exitScanning: boolean;
  @Field(() => Float, { description: 'SESSION_ROOM: the share of the session to attend for its CE credits' })
  @Column({ type: 'numeric', precision: 3, scale: 2, default: () => '0.75', transformer: numericColumn })
  minAttendanceShare: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * Every scan, kept for the audit trail. A client scan id is unique per checkpoint (a retried or
 * re-uploaded scan returns the first result) and a badge is admitted at most once per checkpoint,
 * local day and direction (two scanners at the same instant: one ADMITTED, one DUPLICATE).
 */
@ObjectType()
@Entity()
@Unique('scan_once', ['checkpointId', 'clientScanId'])
@Index('scan_admitted_once', ['checkpointId', 'attendeeId', 'day', 'direction'], { unique: true, where: `"outcome" = 'ADMITTED'` })
@Index('scan_by_attendee', ['attendeeId'])
@Index('scan_by_edition_day', ['editionId', 'day'])
export class Scan {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Checkpoint, { onDelete: 'CASCADE' }) checkpointId: string;
  @Column({ type: 'uuid' }) editionId: string;
  @Column({ type: 'varchar', length: 100 }) clientScanId: string;
  @Column({ type: 'uuid', nullable: true }) badgeId: string | null;
  @Column({ type: 'uuid', nullable: true }) @ForeignKey(() => Attendee, { onDelete: 'SET NULL' }) attendeeId: string | null;
  @Field(() => ScanOutcome) @Column({ type: 'enum', enum: ScanOutcome, enumName: 'scan_outcome' }) outcome: ScanOutcome;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 32, nullable: true }) reason: string | null;
  /** IN, or OUT for the exit scan of a session room with exit scanning. */
  @Column({ type: 'varchar', length: 3, default: 'IN' }) direction: string;
  /** The scanner's own time of the scan (judged at that time). */
  @Field() @Column({ type: 'timestamptz' }) scannedAt: Date;
  /** The edition's local day of scannedAt: duplicates are per day. */
  @Column({ type: 'date' }) day: string;
  @CreateDateColumn({ type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'varchar', length: 254 }) scannedBy: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) device: string | null;
}

@ObjectType()
export class ScanResult {
  @Field(() => ScanOutcome) outcome: ScanOutcome;
  @Field(() => String, { nullable: true, description: 'When REJECTED: INVALID_CODE, REVOKED, NOT_ALLOWED, UNKNOWN_BADGE, WRONG_EDITION, CLOSED; EXIT for an exit scan' }) reason: string | null;
  @Field(() => Attendee, { nullable: true }) attendee: Attendee | null;
  @Field(() => Scan) scan: Scan;
  @Field(() => Date, { nullable: true, description: 'DUPLICATE: when this badge was first admitted here today' }) firstAdmittedAt: Date | null;
  attendeeId: string | null;
}

@ObjectType()
export class SyncResult {
  @Field(() => Int) admitted: number;
  @Field(() => Int) duplicates: number;
  @Field(() => Int) rejected: number;
  @Field(() => [ScanResult]) results: ScanResult[];
}

@ObjectType()
export class CheckpointStats {
  @Field(() => ID) checkpointId: string;
  @Field(() => Int) admitted: number;
  @Field(() => Int) duplicates: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) uniqueAttendees: number;
}

@ObjectType({ description: 'Unique people admitted at any entrance today (overlapping doors counted once)' })
export class VenueStats {
  @Field() day: string;
  @Field(() => Int) uniqueAttendees: number;
}

@InputType()
export class CheckpointInput {
  @Field() @IsString() @MaxLength(100) name: string;
  @Field(() => CheckpointKind) kind: CheckpointKind;
  @Field(() => ID, { nullable: true }) @IsOptional() sessionId?: string;
  @Field(() => [AccessLevel]) allowed: AccessLevel[];
  @Field(() => Date, { nullable: true }) @IsOptional() opensAt?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() closesAt?: Date;
  @Field({ nullable: true }) @IsOptional() exitScanning?: boolean;
  @Field(() => Float, { nullable: true, description: 'SESSION_ROOM: share of the session to attend for credits (default 0.75)' }) @IsOptional() @Min(0) @Max(1) minAttendanceShare?: number;
}

@InputType()
export class ScanInput {
  @Field(() => ID) checkpointId: string;
  /** Any text: whatever a camera read. Bounded so a huge payload is refused, not processed. */
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) clientScanId?: string;
  /** Ignored: a live scan is judged at the server's clock, whatever time the scanner claims (offline scans use syncScans). */
  @Field({ nullable: true, description: "Ignored: live scans use the server's clock (offline scans: syncScans)" }) @IsOptional() scannedAt?: Date;
}

@InputType()
export class OfflineScanInput {
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field() @IsString() @MaxLength(100) clientScanId: string;
  @Field() scannedAt: Date;
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
  @Column({ type: 'varchar', length: 254 }) capturedBy: string;
  /** What the attendee shares with exhibitors, as it was at the first scan. */
  @Column({ type: 'jsonb' }) contact: { firstName: string; lastName: string; email: string; company: string | null; jobTitle: string | null };
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) notes: string | null;
  @Field(() => Int, { nullable: true }) @Column({ type: 'smallint', nullable: true }) rating: number | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  /** Set for staff who may not export this exhibitor's leads (leadExportAdminsOnly): they see names, not contact details. */
  contactHidden?: boolean;
}

@InputType()
export class LeadInput {
  @Field(() => ID) exhibitorId: string;
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(5) rating?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) clientScanId?: string;
}

@InputType()
export class OfflineLeadInput {
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field() @IsString() @MaxLength(100) clientScanId: string;
  @Field() scannedAt: Date;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(5) rating?: number;
}

@ObjectType()
export class LeadSyncResult {
  @Field({ description: 'Captured (or captured before: the same lead)' }) ok: boolean;
  @Field(() => String, { nullable: true, description: 'Why not: INVALID_CODE, REVOKED, UNKNOWN_BADGE, WRONG_EDITION' }) reason: string | null;
  @Field(() => Lead, { nullable: true }) lead: Lead | null;
}

@ObjectType()
export class SessionCredit {
  @Field(() => Session) session: Session;
  @Field(() => Int) minutesAttended: number;
  @Field(() => Float) credits: number;
  sessionId: string;
}

@ObjectType()
export class CreditsReport {
  @Field(() => [SessionCredit]) sessions: SessionCredit[];
  @Field(() => Float) total: number;
  @Field(() => String, { nullable: true, description: 'A signed path to a certificate PDF listing the credits' }) certificateUrl: string | null;
}
