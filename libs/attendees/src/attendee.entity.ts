import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Edition } from '@app/editions';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export enum AccessLevel {
  FULL_CONFERENCE = 'FULL_CONFERENCE',
  EXPO_ONLY = 'EXPO_ONLY',
  EXHIBITOR = 'EXHIBITOR',
  SPEAKER = 'SPEAKER',
  PRESS = 'PRESS',
  STAFF = 'STAFF',
}
registerEnumType(AccessLevel, { name: 'AccessLevel' });

/**
 * A registration for one edition. It belongs to whoever signs in with the same email, whether the
 * account exists already or is created later: the link is the (normalized) email itself.
 */
@ObjectType()
@Entity()
@Unique('attendee_email_per_edition', ['editionId', 'email'])
@Index('attendee_by_email', ['email'])
@Index('attendee_roster', ['editionId', 'lastName', 'firstName', 'id'])
export class Attendee {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 254 }) email: string;
  @Field() @Column({ type: 'varchar', length: 100 }) firstName: string;
  /** Trigram index over names, email and company (migration BackOffice): the organizers' attendee search. */
  @Index('attendee_search_trgm', { synchronize: false })
  @Field()
  @Column({ type: 'varchar', length: 100 })
  lastName: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) company:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) jobTitle:
    string | null;
  @Field(() => AccessLevel)
  @Column({ type: 'enum', enum: AccessLevel, enumName: 'access_level' })
  accessLevel: AccessLevel;
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  /** Schedule updates by mail too (in-app ones always arrive); the attendee turns them off from any mail. */
  @Field({ description: 'Schedule updates by mail (in-app ones always arrive)' })
  @Column({ type: 'boolean', default: true })
  emailUpdates: boolean;
  /** Secret of the personal calendar feed; created on first request, replaced by rotateCalendarToken. */
  @Index('attendee_calendar_token', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  calendarToken: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
