import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDay, IsIanaZone } from './timezones';

@InputType()
export class EditionInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field({ description: 'IANA timezone name, e.g. America/Chicago' })
  @IsString()
  @MaxLength(64)
  @IsIanaZone()
  timezone: string;
  @Field({ description: 'First day, YYYY-MM-DD' }) @IsCalendarDay() startsOn: string;
  @Field({ description: 'Last day, YYYY-MM-DD' }) @IsCalendarDay() endsOn: string;
}

@InputType()
export class RoomInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100_000) capacity: number;
  @Field({
    nullable: true,
    description: "Sessions here without their own capacity take reservations up to the room's capacity",
  })
  @IsOptional()
  @IsBoolean()
  enforceCapacity?: boolean;
}
