import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Attendee } from '@app/attendees';
import { Session } from '@app/sessions';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Generated,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export enum ScheduleEntryStatus {
  BOOKMARKED = 'BOOKMARKED',
  RESERVED = 'RESERVED',
  WAITLISTED = 'WAITLISTED',
}
registerEnumType(ScheduleEntryStatus, { name: 'ScheduleEntryStatus' });

/** A session in an attendee's personal schedule: bookmarked, holding a seat, or waiting for one. */
@ObjectType()
@Entity()
@Unique('schedule_entry_once', ['attendeeId', 'sessionId'])
@Index('schedule_entry_queue', ['sessionId', 'status', 'seq'])
export class ScheduleEntry {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Attendee, { onDelete: 'CASCADE' }) attendeeId: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Session, { onDelete: 'CASCADE' }) sessionId: string;
  @Field(() => ScheduleEntryStatus)
  @Column({ type: 'enum', enum: ScheduleEntryStatus, enumName: 'schedule_entry_status' })
  status: ScheduleEntryStatus;
  /** Arrival order: the waitlist is served by seq, and a position counts the waiting entries up to this one. */
  @Column({ type: 'bigint' }) @Generated('increment') seq: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** Set while WAITLISTED (computed when read). */
  @Field(() => Int, { nullable: true, description: 'Set while WAITLISTED: 1 is next in line' }) waitlistPosition:
    number | null;
  /** The session, when it was read with the entry. */
  session?: Session;
  /** The overlapping entries' sessions, when the whole schedule was read. */
  conflicts?: Session[];
}

@ObjectType({ description: 'Personal-schedule counts of a session, for its organizers' })
export class SessionAttendance {
  @Field(() => Int) reserved: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int) bookmarked: number;
}
