import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Attendee } from '@app/attendees';
import { Edition } from '@app/editions';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum BadgeStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(BadgeStatus, { name: 'BadgeStatus' });

export enum BatchState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}
registerEnumType(BatchState, { name: 'BatchState' });

/** The partial unique index behind "one current badge per attendee" (ON CONFLICT names its predicate). */
export const CURRENT_BADGE_PREDICATE = `"status" <> 'REVOKED'`;

/**
 * An attendee's badge, one version of it. At most one version is current (not REVOKED); a lost
 * badge is revoked and reissued as version + 1, and scanners refuse the old code.
 */
@ObjectType()
@Entity()
@Index('badge_current', ['attendeeId'], { unique: true, where: CURRENT_BADGE_PREDICATE })
@Unique('badge_version', ['attendeeId', 'version'])
@Index('badge_revocations', ['editionId', 'revokedAt'], { where: `"revoked_at" IS NOT NULL` })
@Index('badge_roster', ['editionId', 'id'])
export class Badge {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Attendee, { onDelete: 'CASCADE' }) attendeeId: string;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  @Field(() => BadgeStatus)
  @Column({ type: 'enum', enum: BadgeStatus, enumName: 'badge_status', default: BadgeStatus.PENDING })
  status: BadgeStatus;
  @Index() @Column({ type: 'uuid', nullable: true }) @ForeignKey(() => BadgeBatch, { onDelete: 'SET NULL' }) batchId:
    string | null;
  @Field(() => String, { nullable: true, description: 'The exact text encoded in the QR code; null while PENDING' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  code: string | null;
  @Field(() => String, { nullable: true, description: 'An SVG image of the QR code; null while PENDING' })
  @Column({ type: 'text', nullable: true })
  qrSvg: string | null;
  /** The printable PDF (served at pdfUrl); not read unless asked for. */
  @Column({ type: 'bytea', nullable: true, select: false }) pdf: Buffer | null;
  /** Why the last rendering attempt failed. */
  @Column({ type: 'text', nullable: true }) error: string | null;
  /** Set when rendering failed for good (after the job's retries): reported, never dropped. */
  @Column({ type: 'timestamptz', nullable: true }) failedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}

/** One generateBadges run: its badges point at it, and its counts come from them. */
@ObjectType()
@Entity()
export class BadgeBatch {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field(() => Int) @Column({ type: 'int' }) total: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;

  @Field(() => BatchState) state: BatchState;
  @Field(() => Int) done: number;
  @Field(() => Int) failed: number;
}

@ObjectType({ description: 'A badge of a batch that failed to render for good (after its retries), and why' })
export class BadgeBatchFailure {
  @Field(() => ID, { description: 'The attendee whose badge failed' }) attendeeId: string;
  @Field(() => ID, { description: 'The failed badge (it stays PENDING, with its error)' })
  badgeId: string;
  @Field({ description: 'The rendering error' }) reason: string;
}

@ObjectType({ description: 'A badge version scanners must refuse' })
export class BadgeRevocation {
  @Field(() => ID) badgeId: string;
  @Field(() => Int) version: number;
  @Field() revokedAt: Date;
}
