import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckedPerRow, PageArgs } from '@app/core';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinDate,
  MinLength,
} from 'class-validator';
import { BoothType } from './exhibitor.entity';

/** An exhibitor's lead tags: how many at most, and the longest one (characters). */
export const MAX_LEAD_TAGS = 20;
export const MAX_LEAD_TAG_LENGTH = 40;

/** The most staff places an organizer may give one exhibitor. */
export const MAX_STAFF_PLACES = 500;
const PLACES_BOUND = `places must be 0..${MAX_STAFF_PLACES}`;

@InputType()
export class HallInput {
  @Field() @IsString() @MinLength(1) @MaxLength(100) name: string;
  @Field(() => Float) @Min(1) @Max(2000) widthM: number;
  @Field(() => Float) @Min(1) @Max(2000) depthM: number;
}

@InputType()
export class BoothInput {
  @Field() @IsString() @MinLength(1) @MaxLength(20) code: string;
  @Field(() => ID) hallId: string;
  @Field(() => Float) @Min(0) @Max(2000) xM: number;
  @Field(() => Float) @Min(0) @Max(2000) yM: number;
  @Field(() => Float) @Min(0.5) @Max(500) widthM: number;
  @Field(() => Float) @Min(0.5) @Max(500) depthM: number;
  @Field(() => BoothType, { nullable: true, description: 'INLINE unless given' }) @IsOptional() type?: BoothType;
}

@InputType()
export class ExhibitorInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'website must be an http(s) URL' })
  website?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) category?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) sponsorshipTier?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(254) contactEmail?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) contactPhone?: string;
  @Field({ nullable: true, description: 'Lead exports (CSV) for admins only' })
  @IsOptional()
  leadExportAdminsOnly?: boolean;
}

@ArgsType()
export class ExhibitorsArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', { message: 'editionId is not a valid id' }) editionId: string;
  @Field({ nullable: true, description: 'Full-text search over name and description (web-search syntax)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) category?: string;
  @Field(() => ID, { nullable: true, description: 'Exhibitors with a booth in this hall' })
  @IsOptional()
  @IsUUID('all', { message: 'hallId is not a valid id' })
  hallId?: string;
}

/** setLeadTags' list (its exhibitorId is an IdArg). */
@ArgsType()
export class LeadTagsArgs {
  @Field(() => [String], {
    description: `The whole list, in display order: at most ${MAX_LEAD_TAGS} tags of 1..${MAX_LEAD_TAG_LENGTH} characters (trimmed), no two alike ignoring case; [] removes them all`,
  })
  @ArrayMaxSize(MAX_LEAD_TAGS, { message: `An exhibitor has at most ${MAX_LEAD_TAGS} lead tags` })
  @IsString({ each: true })
  tags: string[];
}

/** holdBooth's end of the hold (its ids are IdArgs). */
@ArgsType()
export class BoothHoldArgs {
  @Field() @MinDate(() => new Date(), { message: 'A hold must end in the future' }) until: Date;
}

/** setStaffAllotment's number of places (its exhibitorId is an IdArg); null returns to the one derived from booth area. */
@ArgsType()
export class StaffAllotmentArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: PLACES_BOUND })
  @Max(MAX_STAFF_PLACES, { message: PLACES_BOUND })
  places?: number | null;
}

/** Checked row by row (a control character refuses the row, not the import). */
@InputType({ description: 'One booth of a floor-plan import (values as text, as a CSV gives them)' })
@CheckedPerRow()
export class BoothImportRow {
  @Field(() => String, { nullable: true }) code?: string | null;
  @Field(() => String, { nullable: true, description: 'The hall by name' }) hall?: string | null;
  @Field(() => String, { nullable: true }) xM?: string | null;
  @Field(() => String, { nullable: true }) yM?: string | null;
  @Field(() => String, { nullable: true }) widthM?: string | null;
  @Field(() => String, { nullable: true }) depthM?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
}

export enum BoothImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
}
registerEnumType(BoothImportOutcome, { name: 'BoothImportOutcome' });

@ObjectType()
export class BoothImportRowResult {
  @Field(() => Int, { description: '1-based row number (the CSV header is not counted)' }) row: number;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field(() => BoothImportOutcome) outcome: BoothImportOutcome;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => ID, { nullable: true }) boothId: string | null;
}

@ObjectType()
export class BoothImportReport {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) refused: number;
  @Field(() => [BoothImportRowResult]) rows: BoothImportRowResult[];
}
