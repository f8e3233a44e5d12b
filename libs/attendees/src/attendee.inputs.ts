import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckedPerRow, PageArgs } from '@app/core';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AccessLevel } from './attendee.entity';

@InputType()
export class AttendeeInput {
  /** Checked (and normalized) by the import rules, like every imported row. */
  @Field() @IsString() @MaxLength(300) email: string;
  @Field() @IsString() @MinLength(1) @MaxLength(100) firstName: string;
  @Field() @IsString() @MinLength(1) @MaxLength(100) lastName: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) company?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) jobTitle?: string | null;
  @Field(() => AccessLevel) @IsEnum(AccessLevel) accessLevel: AccessLevel;
}

/** One row as a registration system exports it: every field is text and checked row by row (a control character refuses the row). */
@InputType()
@CheckedPerRow()
export class AttendeeImportRow {
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) company?: string | null;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => String, { nullable: true, description: 'An AccessLevel name; case, spaces and hyphens do not matter' })
  accessLevel?: string | null;
}

export enum ImportOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
}
registerEnumType(ImportOutcome, { name: 'ImportOutcome' });

@ObjectType()
export class ImportRowResult {
  @Field(() => Int, { description: '1-based position in the upload (CSV: the data row, header excluded)' }) row: number;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => ImportOutcome) outcome: ImportOutcome;
  @Field(() => String, { nullable: true, description: 'Why the row was refused' }) reason: string | null;
  @Field(() => ID, { nullable: true }) attendeeId: string | null;
}

@ObjectType()
export class AttendeeImportReport {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) refused: number;
  @Field(() => [ImportRowResult]) rows: ImportRowResult[];
}

/** Where an attendee's badge stands: the status of its latest version, or NONE. */
export enum AttendeeBadgeStatus {
  NONE = 'NONE',
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(AttendeeBadgeStatus, {
  name: 'AttendeeBadgeStatus',
  description:
    "Where an attendee's badge stands: NONE (never issued), PENDING (issued, not rendered yet), ACTIVE, REVOKED (revoked and not reissued)",
});

@InputType({ description: "Filters of the organizers' attendee list; all given ones apply" })
export class AttendeeFilter {
  @Field({
    nullable: true,
    description:
      'Part of the first name, last name, email or company, in any case (3 characters or more use the trigram index)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field(() => AccessLevel, { nullable: true, description: 'Only this access level' })
  @IsOptional()
  @IsEnum(AccessLevel)
  accessLevel?: AccessLevel;
  @Field({ nullable: true, description: 'true: admitted at an entrance at least once; false: never' })
  @IsOptional()
  @IsBoolean()
  checkedIn?: boolean;
  @Field(() => AttendeeBadgeStatus, { nullable: true, description: 'Only attendees whose badge stands so' })
  @IsOptional()
  @IsEnum(AttendeeBadgeStatus)
  badgeStatus?: AttendeeBadgeStatus;
}

@ArgsType()
export class AttendeesArgs extends PageArgs {
  @Field(() => ID, { description: 'The edition' })
  @IsUUID('all', { message: 'editionId is not a valid id' })
  editionId: string;
  @Field(() => AttendeeFilter, { nullable: true, description: 'Filters; none lists everyone' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttendeeFilter)
  filter?: AttendeeFilter;
}
