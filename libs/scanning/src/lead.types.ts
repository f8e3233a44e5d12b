import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs } from '@app/core';
import { Exhibitor } from '@app/exhibitors';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The orders of an exhibitor's leads; each pages by its own keyset (the cursor carries the sort key and the id). */
export enum LeadOrder {
  CAPTURED_AT_DESC = 'CAPTURED_AT_DESC',
  CAPTURED_AT_ASC = 'CAPTURED_AT_ASC',
  RATING_DESC = 'RATING_DESC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(LeadOrder, {
  name: 'LeadOrder',
  description:
    'How leads(...) sorts; paging is by keyset in that order (a cursor is only good for the order it came from)',
  valuesMap: {
    CAPTURED_AT_DESC: { description: 'Newest capture first (the default)' },
    CAPTURED_AT_ASC: { description: 'Oldest capture first' },
    RATING_DESC: { description: 'Highest rating first, unrated last; newest first within a rating' },
    NAME_ASC: { description: "By the attendee's last name, then first name (case-insensitive)" },
  },
});

@ArgsType()
export class LeadsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Words to find (case-insensitive substring, every word must match) in the attendee's name, company and email and in the notes; staff who may not see contacts (Lead.contactHidden) search names and notes only",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'A minimum rating, 1..5: leads rated at least this (unrated leads left out)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @Field(() => String, { nullable: true, description: 'Only leads carrying this tag (exact)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tag?: string;

  @Field(() => String, { nullable: true, description: 'Only leads captured by this staff member (email, any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  capturedBy?: string;

  @Field(() => LeadOrder, { nullable: true, description: 'The order (default CAPTURED_AT_DESC)' })
  @IsOptional()
  orderBy?: LeadOrder;
}

@ObjectType({ description: "Leads captured on one local day of the edition (the edition's timezone)" })
export class LeadDayCount {
  @Field(() => String, { description: 'The edition-local day, YYYY-MM-DD' }) day: string;
  @Field(() => Int, { description: 'Leads first captured that day' }) count: number;
}

@ObjectType({ description: 'Leads one staff member captured first' })
export class LeadStaffCount {
  @Field(() => String, { description: "The staff member's email (Lead.capturedBy)" }) email: string;
  @Field(() => Int, { description: 'Leads they captured first' }) count: number;
}

@ObjectType({ description: "An exhibitor's lead figures, for its staff and organizers" })
export class LeadFigures {
  @Field(() => Int, { description: 'Every lead of the exhibitor' }) total: number;
  @Field(() => [LeadDayCount], {
    description: 'Per edition-local day of capture, oldest first; days without a lead left out',
  })
  perDay: LeadDayCount[];
  @Field(() => [LeadStaffCount], { description: 'Per staff member who captured, most leads first' })
  perStaff: LeadStaffCount[];
}

@ObjectType({
  description:
    "An exhibitor that captured the signed-in attendee's badge: which and when, nothing else of the lead (its notes, rating and tags stay with the exhibitor)",
})
export class LeadCapture {
  /** Resolved to `exhibitor` by a loader. */
  exhibitorId: string;
  @Field(() => Exhibitor, { description: 'The exhibitor (its public profile)' }) exhibitor?: Exhibitor;
  @Field({ description: 'When the exhibitor first captured the badge' }) capturedAt: Date;
}
