import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { numericColumn } from '@app/core';
import { Edition, Room, Track } from '@app/editions';
import { Speaker } from '@app/speakers';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  ForeignKey,
  Generated,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export enum SessionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}
export enum SessionFormat {
  KEYNOTE = 'KEYNOTE',
  EDUCATION = 'EDUCATION',
  PANEL = 'PANEL',
  WORKSHOP = 'WORKSHOP',
  THEATER = 'THEATER',
  NETWORKING = 'NETWORKING',
}
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(SessionFormat, { name: 'SessionFormat' });

/** numeric columns come back from pg as strings. */

export const ROOM_OVERLAP_CONSTRAINT = 'session_room_no_overlap';

@ObjectType()
@Entity()
@Exclusion(
  ROOM_OVERLAP_CONSTRAINT,
  `USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'PUBLISHED')`,
)
@Check('session_time_order', '"ends_at" > "starts_at"')
@Check('session_capacity', '"capacity" IS NULL OR "capacity" >= 0')
@Check('session_seats', '"seats_taken" >= 0')
@Check('session_seats_within_capacity', '"capacity" IS NULL OR "seats_taken" <= "capacity"')
@Check('session_waitlisted', '"waitlisted" >= 0')
@Index('session_agenda', ['editionId', 'startsAt', 'id'])
@Unique('session_number_unique', ['number'])
export class Session {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  /** A small integer that never changes: the programme exports' event id (frab and c3voc apps key events by an integer). */
  @Column({ type: 'int' }) @Generated('increment') number: number;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  /** Full-text index over title and abstract (migration): see SessionsService.list. */
  @Index('session_search', { synchronize: false })
  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) abstract: string | null;
  @Field(() => SessionFormat)
  @Column({ type: 'enum', enum: SessionFormat, enumName: 'session_format' })
  format: SessionFormat;
  @Field(() => SessionStatus)
  @Column({ type: 'enum', enum: SessionStatus, enumName: 'session_status', default: SessionStatus.DRAFT })
  status: SessionStatus;
  @Field() @Column({ type: 'timestamptz' }) startsAt: Date;
  @Field() @Column({ type: 'timestamptz' }) endsAt: Date;
  @Index() @Column({ type: 'uuid', nullable: true }) @ForeignKey(() => Room, { onDelete: 'RESTRICT' }) roomId:
    string | null;
  @Index() @Column({ type: 'uuid', nullable: true }) @ForeignKey(() => Track, { onDelete: 'SET NULL' }) trackId:
    string | null;
  @Field(() => Int, { nullable: true, description: "Seats for RESERVED entries; null: the room's capacity" })
  @Column({ type: 'int', nullable: true })
  capacity: number | null;
  @Field(() => Int, { description: 'RESERVED entries' }) @Column({ type: 'int', default: 0 }) seatsTaken: number;
  /** WAITLISTED entries, counted like seatsTaken under the session's lock: a new entry's place without counting the line. */
  @Column({ type: 'int', default: 0 }) waitlisted: number;
  @Field(() => Float)
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0, transformer: numericColumn })
  ceCredits: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  /** Raised on every change of a published session (calendar SEQUENCE). */
  @Column({ type: 'int', default: 0 }) revision: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  /** The room and track, when they were read with the session (else the field resolvers batch them). */
  room?: Room | null;
  track?: Track | null;
}

@Entity()
@Index('session_speaker_by_speaker', ['speakerId', 'sessionId'])
export class SessionSpeaker {
  @PrimaryColumn({ type: 'uuid' }) @ForeignKey(() => Session, { onDelete: 'CASCADE' }) sessionId: string;
  @PrimaryColumn({ type: 'uuid' }) @ForeignKey(() => Speaker, { onDelete: 'CASCADE' }) speakerId: string;
  /** Billing order on the programme. */
  @Column({ type: 'smallint', default: 0 }) position: number;
}

export const SESSION_ENTITIES = [Session, SessionSpeaker];
