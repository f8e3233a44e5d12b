import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CheckedPerRow } from '@app/core';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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
