import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Attendee } from '@app/attendees';
import { Session } from '@app/sessions';
import { Lead, RejectReason, Scan, ScanOutcome } from './scan.entity';

/** What scanning and lead capture answer: object types that are not tables. */

@ObjectType()
export class ScanResult {
  @Field(() => ScanOutcome) outcome: ScanOutcome;
  @Field(() => String, {
    nullable: true,
    description:
      'When REJECTED: INVALID_CODE, REVOKED, NOT_ALLOWED, UNKNOWN_BADGE, WRONG_EDITION, CLOSED; EXIT for an exit scan',
  })
  reason: string | null;
  @Field(() => RejectReason, { nullable: true, description: 'When REJECTED: why (reason as an enum)' })
  rejectReason: RejectReason | null;
  @Field(() => Attendee, { nullable: true }) attendee: Attendee | null;
  @Field(() => Scan) scan: Scan;
  @Field(() => Date, { nullable: true, description: 'DUPLICATE: when this badge was first admitted here today' })
  firstAdmittedAt: Date | null;
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

@ObjectType()
export class LeadSyncResult {
  @Field({ description: 'Captured (or captured before: the same lead)' }) ok: boolean;
  @Field(() => String, { nullable: true, description: 'Why not: INVALID_CODE, REVOKED, UNKNOWN_BADGE, WRONG_EDITION' })
  reason: string | null;
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
  @Field(() => String, { nullable: true, description: 'A signed path to a certificate PDF listing the credits' })
  certificateUrl: string | null;
}
