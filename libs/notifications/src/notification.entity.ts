import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Edition } from '@app/editions';
import { ScheduleChange } from '@app/sessions';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One message to one person (by email: attendees and speakers alike) about one event: a schedule
 * change or a seat given from the waitlist. (recipient, event) is unique, so a job that runs again
 * never notifies twice.
 */
@ObjectType()
@Entity()
@Unique('notification_once', ['recipientEmail', 'eventKey'])
@Index('notification_inbox', ['recipientEmail', 'createdAt', 'id'])
export class Notification {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Column({ type: 'varchar', length: 254 }) recipientEmail: string;
  /** What it is about: a schedule change id, or "promotion:<entry id>". */
  @Index() @Column({ type: 'varchar', length: 100 }) eventKey: string;
  @Index()
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => ScheduleChange, { onDelete: 'CASCADE' })
  changeId: string | null;
  @Column({ type: 'uuid', nullable: true }) sessionId: string | null;
  @Field() @Column({ type: 'varchar', length: 300 }) title: string;
  @Field() @Column({ type: 'text' }) body: string;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
  /** Whether this one goes out by mail too (the recipient's preference when it was written). */
  @Column({ type: 'boolean', default: true }) mail: boolean;
  /** A mail batch working on it (claims expire, so a killed worker's batch is taken over). */
  @Column({ type: 'timestamptz', nullable: true }) mailClaimedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) mailedAt: Date | null;
}
