import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class EditionInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field({ description: 'IANA timezone name, e.g. America/Chicago' }) @IsString() @MaxLength(64) timezone: string;
  @Field({ description: 'First day, YYYY-MM-DD' }) @Matches(DAY, { message: 'startsOn must be a date YYYY-MM-DD' }) startsOn: string;
  @Field({ description: 'Last day, YYYY-MM-DD' }) @Matches(DAY, { message: 'endsOn must be a date YYYY-MM-DD' }) endsOn: string;
}

@InputType()
export class RoomInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100_000) capacity: number;
  @Field({ nullable: true, description: "Sessions here without their own capacity take reservations up to the room's capacity" })
  @IsOptional()
  @IsBoolean()
  enforceCapacity?: boolean;
}
