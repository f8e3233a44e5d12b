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
  @Field({ nullable: true, description: 'Where the show takes place (venue and city), up to 200 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string;
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

/** What updateEdition changes: every field is optional, a missing one is left as it is. */
@InputType({ description: 'Changes to an edition; fields left out stay as they are' })
export class EditionPatch {
  @Field({ nullable: true, description: 'The name, 1 to 200 characters' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @Field(() => Int, { nullable: true, description: 'The year it is the edition of, 2000 to 2100' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @Field({
    nullable: true,
    description: "IANA timezone name; the edition's local days (and the sessions' place in them) are read in it",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsIanaZone()
  timezone?: string;
  @Field({ nullable: true, description: 'First day, YYYY-MM-DD' }) @IsOptional() @IsCalendarDay() startsOn?: string;
  @Field({ nullable: true, description: 'Last day, YYYY-MM-DD' }) @IsOptional() @IsCalendarDay() endsOn?: string;
  @Field({ nullable: true, description: 'Where the show takes place, up to 200 characters; an empty string clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string;
}

/** What updateRoom changes: every field is optional, a missing one is left as it is. */
@InputType({ description: 'Changes to a room; fields left out stay as they are' })
export class RoomPatch {
  @Field({ nullable: true, description: 'The name, 1 to 200 characters, unique in the edition' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Seats; with enforceCapacity it cannot go below the reservations of a session here without its own capacity',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number;
  @Field({
    nullable: true,
    description: "Sessions here without their own capacity take reservations up to the room's capacity",
  })
  @IsOptional()
  @IsBoolean()
  enforceCapacity?: boolean;
}
