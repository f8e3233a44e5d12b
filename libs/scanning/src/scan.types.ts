import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AccessLevel, Attendee } from '@app/attendees';
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

@ObjectType({ description: "One scanner device's figures at a checkpoint" })
export class DeviceStats {
  @Field() deviceId: string;
  @Field(() => Int, { description: 'Scans it made here (every outcome)' }) scans: number;
  @Field(() => Int, { description: 'Its admissions here that count (annulled ones left out)' }) admitted: number;
  @Field({ description: 'When the server last heard from it here (a scan received, or a queue report)' })
  lastSeenAt: Date;
  @Field(() => Int, {
    nullable: true,
    description: 'Scans waiting in its offline queue, as it last reported through syncScans (null: never reported)',
  })
  queued: number | null;
}

@ObjectType()
export class CheckpointStats {
  @Field(() => ID) checkpointId: string;
  @Field(() => Int, { description: 'Admissions (entries) that count, every day' }) admitted: number;
  @Field(() => Int) duplicates: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) uniqueAttendees: number;
  @Field(() => Int, { description: "Entries admitted today (the edition's local day); annulled ones do not count" })
  admittedToday: number;
  @Field(() => Int, {
    description:
      'Entries minus exits today where the checkpoint scans exits (a session room with exitScanning); elsewhere equal to admittedToday',
  })
  insideNow: number;
  @Field(() => Int, { description: 'Entries admitted in the last 15 minutes (by scan time)' }) lastQuarterHour: number;
  @Field(() => [DeviceStats], { description: 'Per scanner device, by deviceId' }) devices: DeviceStats[];
}

@ObjectType({
  description:
    "A key that verifies the edition's badge codes offline. A code is `CB1.` + base64url (no padding, canonical) of 86 bytes: " +
    'bytes 0..3 the kid (its base64url text is `kid`), 4..19 the badge id (UUID bytes), 20..21 the badge version (uint16 big endian), ' +
    '22..85 the Ed25519 signature. The signed message is the ASCII bytes "CB1", then the edition id as 16 bytes (the UUID\'s hex ' +
    'digits), then bytes 0..21 of the code. A code whose kid is not listed, or whose signature does not verify with that key, is ' +
    'INVALID_CODE; one signed with a retired key is REVOKED; then the badge id and version are looked up in the roster and revocations.',
})
export class ScannerKey {
  @Field({ description: 'Key id: the base64url text of bytes 0..3 of the codes it signed' }) kid: string;
  @Field({ description: 'The raw 32-byte Ed25519 public key, base64url without padding' }) publicKey: string;
  @Field({
    description:
      'Retired by the organizers: the codes it signed are refused (REVOKED), as the server refuses them. Keys rotated out of signing still verify and are listed with retired false',
  })
  retired: boolean;
}

@ObjectType({ description: 'A badge version of the edition, for showing who it is offline' })
export class RosterEntry {
  @Field(() => ID) badgeId: string;
  @Field(() => Int, { description: 'The version the code carries (bytes 20..21); an older version is a revoked badge' })
  version: number;
  @Field(() => ID) attendeeId: string;
  @Field({ description: "The attendee's first and last name" }) name: string;
  @Field(() => AccessLevel, { nullable: true }) accessLevel: AccessLevel | null;
  @Field({ description: 'This badge version is revoked (lost, reissued): refuse it' }) revoked: boolean;
}

@ObjectType({
  description:
    "One page of a scanner's offline dataset. Full sync: ask without since and after, keep `bookmark`, follow endCursor (passing " +
    'the same since: none) while hasNextPage. Delta sync: pass the bookmark kept as since: only badges activated or revoked and ' +
    'attendees changed at or after it are returned (overlap is possible, loss is not). The bookmark is taken before the first page ' +
    'is read, so what changes during paging comes in the next delta.',
})
export class ScannerDatasetPage {
  @Field({
    description:
      'Where the next delta sync starts (pass it as since once every page is read): the server time taken before the first page was read, the same on every page of one sync (the cursor carries it)',
  })
  bookmark: string;
  @Field(() => [ScannerKey], { description: 'Every key of the edition (retired ones flagged); the same on every page' })
  keys: ScannerKey[];
  @Field(() => [ID], { description: "This page's revoked badge versions (also in roster with revoked true)" })
  revokedBadgeIds: string[];
  @Field(() => [RosterEntry], { description: 'Badges (activated or revoked) by badge id' }) roster: RosterEntry[];
  @Field(() => String, { nullable: true, description: 'Pass as after for the next page' }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType({ description: 'Unique people admitted at any entrance today (overlapping doors counted once)' })
export class VenueStats {
  @Field() day: string;
  @Field(() => Int) uniqueAttendees: number;
}

@ObjectType({ description: 'Entries admitted at a checkpoint in one 5-minute interval' })
export class AdmissionsBucket {
  @Field({ description: 'Start of the 5 minutes' }) at: Date;
  @Field(() => Int, { description: 'Entries admitted in it (annulled ones left out)' }) admitted: number;
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
