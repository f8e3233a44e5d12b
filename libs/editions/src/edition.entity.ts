import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export enum Role {
  ORGANIZER = 'ORGANIZER',
  STAFF = 'STAFF',
  EXHIBITOR = 'EXHIBITOR',
  SPEAKER = 'SPEAKER',
  ATTENDEE = 'ATTENDEE',
}
registerEnumType(Role, { name: 'Role' });

/** One year of the conference. Its days are local dates in its IANA timezone. */
@ObjectType()
@Entity()
@Check('edition_days', '"ends_on" >= "starts_on"')
export class Edition {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => Int) @Column({ type: 'int' }) year: number;
  @Field() @Column({ type: 'varchar', length: 64 }) timezone: string;
  @Field(() => String, { description: 'First local day, YYYY-MM-DD' }) @Column({ type: 'date' }) startsOn: string;
  @Field(() => String, { description: 'Last local day, YYYY-MM-DD' }) @Column({ type: 'date' }) endsOn: string;
  @Field(() => String, { nullable: true, description: 'Where the show takes place (venue and city); null: not set' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;
  /** How long the scan audit trail is kept (days); null: kept. */
  @Column({ type: 'int', nullable: true }) scanRetentionDays: number | null;
  /** Set by organizers (setBoothSelection): exhibitors without a booth may request one (requestBooth). */
  @Field({
    description: 'Exhibitors without a booth may request one (requestBooth) while the organizers keep this open',
  })
  @Column({ type: 'boolean', default: false })
  boothSelectionOpen: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@ObjectType()
@Entity()
@Unique('room_name_per_edition', ['editionId', 'name'])
@Check('room_capacity', '"capacity" >= 0')
export class Room {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => Int) @Column({ type: 'int' }) capacity: number;
  @Field({ description: "Sessions here without their own capacity take reservations up to the room's capacity" })
  @Column({ type: 'boolean', default: false })
  enforceCapacity: boolean;
}

@ObjectType()
@Entity()
@Unique('track_name_per_edition', ['editionId', 'name'])
@Check('track_colour', `"colour" ~ '^#[0-9a-f]{6}$'`)
export class Track {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, {
    nullable: true,
    description: 'The colour the programme shows the track in, #rrggbb; null: none',
  })
  @Column({ type: 'varchar', length: 7, nullable: true })
  colour: string | null;
}

/**
 * A role in one edition, granted to an email address: it applies as soon as someone signs up
 * with that email, and to the existing account if there is one.
 */
@Entity()
@Unique('edition_role_once', ['editionId', 'email', 'role'])
@Index('edition_role_by_email', ['email'])
export class EditionRole {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Column({ type: 'varchar', length: 254 }) email: string;
  @Column({ type: 'enum', enum: Role, enumName: 'role' }) role: Role;
  /** The exhibitor an EXHIBITOR role works for. */
  @Column({ type: 'uuid', nullable: true }) exhibitorId: string | null;
  /** An exhibitor's admin manages its profile and staff (an organizer's grant makes one). */
  @Column({ type: 'boolean', default: false }) exhibitorAdmin: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export const EDITION_ENTITIES = [Edition, Room, Track, EditionRole];
