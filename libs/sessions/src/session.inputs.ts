import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { PageArgs } from '@app/core';
import { IsCalendarDay } from '@app/editions';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { SessionFormat, SessionStatus } from './session.entity';

export const MAX_SPEAKERS_PER_SESSION = 20;

/** CE credits come in quarter steps (0.25, 1.5, ...). */
const IsQuarterStep = (): PropertyDecorator =>
  ValidateBy({
    name: 'isQuarterStep',
    validator: {
      validate: (value) => typeof value === 'number' && Math.round(value * 4) === value * 4,
      defaultMessage: (args) => `${args?.property ?? 'ceCredits'} come in steps of 0.25`,
    },
  });

@InputType()
export class SessionInput {
  @Field() @IsString() @MinLength(1) @MaxLength(300) title: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) abstract?: string;
  @Field(() => SessionFormat) @IsEnum(SessionFormat) format: SessionFormat;
  @Field() @IsDate() startsAt: Date;
  @Field() @IsDate() endsAt: Date;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'roomId is not a valid id' })
  roomId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'trackId is not a valid id' })
  trackId?: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_SPEAKERS_PER_SESSION)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'speakerIds must be valid ids' })
  speakerIds?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000) capacity?: number;
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  @IsQuarterStep()
  ceCredits?: number;
}

@InputType()
export class SessionPatch {
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) abstract?: string;
  @Field({ nullable: true }) @IsOptional() @IsDate() startsAt?: Date;
  @Field({ nullable: true }) @IsOptional() @IsDate() endsAt?: Date;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'roomId is not a valid id' })
  roomId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'trackId is not a valid id' })
  trackId?: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_SPEAKERS_PER_SESSION)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'speakerIds must be valid ids' })
  speakerIds?: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000) capacity?: number;
  @Field(() => SessionFormat, { nullable: true }) @IsOptional() @IsEnum(SessionFormat) format?: SessionFormat;
  @Field(() => Float, { nullable: true, description: 'CE credits, 0 to 100 in steps of 0.25' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  @IsQuarterStep()
  ceCredits?: number;
}

@InputType()
export class SessionFilter {
  @Field({ nullable: true, description: "A local day YYYY-MM-DD in the edition's timezone" })
  @IsOptional()
  @IsCalendarDay()
  day?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'trackId is not a valid id' })
  trackId?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'roomId is not a valid id' })
  roomId?: string;
  @Field(() => SessionFormat, { nullable: true }) @IsOptional() @IsEnum(SessionFormat) format?: SessionFormat;
  @Field({ nullable: true, description: 'Full-text search over title and abstract' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'speakerId is not a valid id' })
  speakerId?: string;
  @Field(() => SessionStatus, {
    nullable: true,
    description: 'Organizers only; others see published and cancelled sessions',
  })
  @IsOptional()
  @IsEnum(SessionStatus)
  status?: SessionStatus;
}

@ArgsType()
export class SessionsArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', { message: 'editionId is not a valid id' }) editionId: string;
  @Field(() => SessionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionFilter)
  filter?: SessionFilter;
}
