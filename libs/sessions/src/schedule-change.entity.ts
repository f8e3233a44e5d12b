import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Edition } from '@app/editions';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Session } from './session.entity';

export enum ScheduleChangeKind {
  TIME_CHANGED = 'TIME_CHANGED',
  ROOM_CHANGED = 'ROOM_CHANGED',
  SPEAKER_CHANGED = 'SPEAKER_CHANGED',
  DETAILS_CHANGED = 'DETAILS_CHANGED',
  CANCELLED = 'CANCELLED',
}

/** What attendees see of a session at one moment: the before and after of a change. */
export interface SessionSnapshot {
  title: string;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  room: string | null;
  speakerIds: string[];
  speakers: string[];
  status: string;
}

/** A change to a published session, recorded in the same transaction as the change itself. */
@ObjectType()
@Entity()
@Index('schedule_change_by_edition', ['editionId', 'createdAt'])
@Index('schedule_change_by_session', ['sessionId', 'createdAt'])
export class ScheduleChange {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Session, { onDelete: 'CASCADE' }) sessionId: string;
  @Field({
    description:
      'TIME_CHANGED, ROOM_CHANGED, SPEAKER_CHANGED, DETAILS_CHANGED or CANCELLED (the most important part of the change)',
  })
  @Column({ type: 'varchar', length: 32 })
  kind: ScheduleChangeKind;
  /** Every kind the change includes (a move can change time and room at once). */
  @Field(() => [String], { description: 'Every kind of change it includes (a move can change time and room at once)' })
  @Column({ type: 'varchar', array: true, length: 32 })
  kinds: ScheduleChangeKind[];
  @Column({ type: 'jsonb' }) before: SessionSnapshot;
  @Column({ type: 'jsonb' }) after: SessionSnapshot;
  @Field({ description: "A human summary in the edition's timezone" }) @Column({ type: 'text' }) summary: string;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
