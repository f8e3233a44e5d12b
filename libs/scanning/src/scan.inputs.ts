import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { AccessLevel } from '@app/attendees';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CheckpointKind, ScanOutcome } from './scan.entity';

/** Roster entries per scannerDataset page: default and most. */
export const DATASET_PAGE = 1000;
export const DATASET_PAGE_MAX = 5000;

/** Scans in one offline upload (door or booth scanner). */
export const SYNC_MAX = 1000;
/** How long an edition may keep its scan audit trail. */
export const MAX_RETENTION_DAYS = 3650;

@InputType()
export class CheckpointInput {
  @Field() @IsString() @MaxLength(100) name: string;
  @Field(() => CheckpointKind) kind: CheckpointKind;
  @Field(() => ID, { nullable: true }) @IsOptional() sessionId?: string;
  @Field(() => [AccessLevel])
  @ArrayNotEmpty({ message: 'allowed must name at least one access level' })
  allowed: AccessLevel[];
  @Field(() => Date, { nullable: true }) @IsOptional() opensAt?: Date;
  @Field(() => Date, { nullable: true }) @IsOptional() closesAt?: Date;
  @Field({ nullable: true }) @IsOptional() exitScanning?: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'SESSION_ROOM: share of the session to attend for credits (default 0.75)',
  })
  @IsOptional()
  @Min(0)
  @Max(1)
  minAttendanceShare?: number;
}

/** Changes to a checkpoint; fields left out stay as they are (its kind and session do not change). */
@InputType({
  description: 'Changes to a checkpoint; fields left out stay as they are (its kind and session do not change)',
})
export class CheckpointPatch {
  @Field({ nullable: true, description: 'The name, 1 to 100 characters' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;
  @Field(() => [AccessLevel], { nullable: true, description: 'The access levels it admits (at least one)' })
  @IsOptional()
  @ArrayNotEmpty({ message: 'allowed must name at least one access level' })
  allowed?: AccessLevel[];
  @Field(() => Date, { nullable: true, description: 'Scans before it are REJECTED (CLOSED); null: open from now' })
  @IsOptional()
  opensAt?: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Scans after it are REJECTED (CLOSED): now closes the door; null: open with no end',
  })
  @IsOptional()
  closesAt?: Date | null;
  @Field({ nullable: true, description: 'SESSION_ROOM: a second scan of an admitted badge is an exit' })
  @IsOptional()
  @IsBoolean()
  exitScanning?: boolean;
  @Field(() => Float, { nullable: true, description: 'SESSION_ROOM: share of the session to attend for credits' })
  @IsOptional()
  @Min(0)
  @Max(1)
  minAttendanceShare?: number;
}

@ArgsType()
export class RecentScansArgs {
  @Field(() => ScanOutcome, { nullable: true, description: 'Only scans with this outcome' })
  @IsOptional()
  outcome?: ScanOutcome;
  @Field({
    nullable: true,
    description: 'Only conflicts: scans an offline device admitted that the server judged otherwise (Scan.conflict)',
  })
  @IsOptional()
  @IsBoolean()
  conflictsOnly?: boolean;
  @Field(() => Int, { nullable: true, description: 'How many, 1..200 (default 20)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first?: number;
}

@ArgsType()
export class AdmissionsSeriesArgs {
  @Field({ nullable: true, description: "A local day YYYY-MM-DD (default: today in the edition's timezone)" })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be YYYY-MM-DD' })
  day?: string;
}

@InputType()
export class ScanInput {
  @Field(() => ID) checkpointId: string;
  /** Any text: whatever a camera read. Bounded so a huge payload is refused, not processed. */
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) clientScanId?: string;
  @Field({ nullable: true, description: 'The scanner device (kept on the scan; default: the X-Device-Id header)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  deviceId?: string;
  /** Ignored: a live scan is judged at the server's clock, whatever time the scanner claims (offline scans use syncScans). */
  @Field({ nullable: true, description: "Ignored: live scans use the server's clock (offline scans: syncScans)" })
  @IsOptional()
  scannedAt?: Date;
}

@InputType()
export class OfflineScanInput {
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field() @IsString() @MaxLength(100) clientScanId: string;
  @Field() scannedAt: Date;
  @Field(() => ScanOutcome, {
    nullable: true,
    description: 'What the scanner showed offline: ADMITTED judged otherwise by the server makes the scan a conflict',
  })
  @IsOptional()
  offlineOutcome?: ScanOutcome;
}

@InputType()
export class LeadInput {
  @Field(() => ID) exhibitorId: string;
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(5) rating?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) clientScanId?: string;
  @Field(() => [String], {
    nullable: true,
    description:
      "Tags from the exhibitor's list (Exhibitor.leadTags; another is BAD_USER_INPUT); on a rescan they replace the lead's tags when given",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

@InputType()
export class OfflineLeadInput {
  @Field() @IsString() @MaxLength(4096) code: string;
  @Field() @IsString() @MaxLength(100) clientScanId: string;
  @Field() scannedAt: Date;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(5) rating?: number;
  @Field(() => [String], {
    nullable: true,
    description:
      "Tags from the exhibitor's list (Exhibitor.leadTags; another is BAD_USER_INPUT); they replace the lead's tags when given",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

@ArgsType()
export class SyncScansArgs {
  @Field(() => [OfflineScanInput])
  @ArrayMaxSize(SYNC_MAX, { message: `At most ${SYNC_MAX} scans per upload` })
  @ValidateNested({ each: true })
  @Type(() => OfflineScanInput)
  scans: OfflineScanInput[];
  @Field({ nullable: true, description: 'The uploading device (kept on the scans; default: the X-Device-Id header)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  deviceId?: string;
  @Field(() => Int, {
    nullable: true,
    description: "The device's offline queue length as it reports it (shown in checkpointStats.devices)",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  queued?: number;
}

@ArgsType()
export class AnnulScanArgs {
  @Field({ description: 'The device that made the scan: only it may annul' })
  @IsString()
  @MaxLength(100)
  deviceId: string;
}

@ArgsType()
export class ScannerDatasetArgs {
  @Field(() => String, { nullable: true, description: 'A bookmark from an earlier sync: only what changed since' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  since?: string;
  @Field(() => String, { nullable: true, description: "The previous page's endCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
  @Field(() => Int, {
    nullable: true,
    description: `Roster entries per page (default ${DATASET_PAGE}, at most ${DATASET_PAGE_MAX})`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(DATASET_PAGE_MAX)
  first?: number;
}

@ArgsType()
export class SyncLeadsArgs {
  @Field(() => [OfflineLeadInput])
  @ArrayMaxSize(SYNC_MAX, { message: `At most ${SYNC_MAX} scans per upload` })
  @ValidateNested({ each: true })
  @Type(() => OfflineLeadInput)
  scans: OfflineLeadInput[];
}

@ArgsType()
export class VenueStatsArgs {
  @Field({ nullable: true, description: "A local day YYYY-MM-DD (default: today in the edition's timezone)" })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be YYYY-MM-DD' })
  day?: string;
}

@ArgsType()
export class ScanRetentionArgs {
  @Field(() => Int, { nullable: true, description: `Days, 1..${MAX_RETENTION_DAYS}; null keeps the trail` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RETENTION_DAYS)
  days?: number | null;
}

@ArgsType()
export class UpdateLeadArgs {
  /** The bound captureLead applies. */
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(5) rating?: number | null;
  @Field(() => [String], {
    nullable: true,
    description:
      "Tags from the exhibitor's list (Exhibitor.leadTags; another is BAD_USER_INPUT); the whole list, replacing the lead's tags ([] clears them); left out: unchanged",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[] | null;
}
