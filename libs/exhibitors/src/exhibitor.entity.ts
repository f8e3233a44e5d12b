import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { numericColumn as metres } from '@app/core';
import { Edition } from '@app/editions';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

export enum BoothStatus {
  AVAILABLE = 'AVAILABLE',
  ON_HOLD = 'ON_HOLD',
  ASSIGNED = 'ASSIGNED',
}
registerEnumType(BoothStatus, { name: 'BoothStatus' });

/** How many sides of a booth face an aisle: inline 1, corner 2, peninsula 3, island 4. */
export enum BoothType {
  INLINE = 'INLINE',
  CORNER = 'CORNER',
  PENINSULA = 'PENINSULA',
  ISLAND = 'ISLAND',
}
registerEnumType(BoothType, { name: 'BoothType' });

export const BOOTH_OVERLAP_CONSTRAINT = 'booth_no_overlap';
export const BOOTH_INSIDE_HALL_CONSTRAINT = 'booth_inside_hall';
export const BOOTH_CODE_CONSTRAINT = 'booth_code_per_edition';

@ObjectType()
@Entity()
@Unique('hall_name_per_edition', ['editionId', 'name'])
@Check('hall_size_positive', `"width_m" > 0 AND "depth_m" > 0`)
export class Hall {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => Float) @Column({ type: 'numeric', precision: 8, scale: 2, transformer: metres }) widthM: number;
  @Field(() => Float) @Column({ type: 'numeric', precision: 8, scale: 2, transformer: metres }) depthM: number;
}

/** An exhibiting company. */
@ObjectType()
@Entity()
export class Exhibitor {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) website:
    string | null;
  @Field(() => String, { nullable: true }) @Index() @Column({ type: 'varchar', length: 100, nullable: true }) category:
    string | null;
  @Field(() => String, { nullable: true, description: 'e.g. PLATINUM, GOLD, SILVER' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  sponsorshipTier: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 254, nullable: true }) contactEmail:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 40, nullable: true }) contactPhone:
    string | null;
  /** Lead exports (CSV) for the exhibitor's admins only, not all its staff. */
  @Field({ description: 'Lead exports (CSV) for its admins only' })
  @Column({ type: 'boolean', default: false })
  leadExportAdminsOnly: boolean;
  /** The tags its staff may put on leads (setLeadTags): at most MAX_LEAD_TAGS, each 1..40 characters, unique. */
  @Field(() => [String], {
    description:
      'The tags its staff may put on leads (Lead.tags), in order: at most 20, each 1..40 characters, unique; set by its admins and organizers with setLeadTags',
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  leadTags: string[];
  /** Set by organizers to override the staff allotment derived from booth area. */
  @Column({ type: 'int', nullable: true }) staffAllotmentOverride: number | null;
  /**
   * Name (weight A) and description (weight B) as an English text-search document, kept by a trigger
   * (migration ExhibitorSearchDocument) and GIN-indexed (exhibitor_search): searching and ranking
   * read it instead of parsing every matching row's text again.
   */
  @Index('exhibitor_search', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchDocument?: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/**
 * A booth on a hall's floor. PostgreSQL refuses two booths of a hall whose floor areas overlap
 * (an exclusion constraint over half-open ranges, so booths may share an edge) and a booth that
 * leaves its hall (a trigger, as the hall's size lives in another table).
 */
@ObjectType()
@Entity()
@Unique(BOOTH_CODE_CONSTRAINT, ['editionId', 'code'])
@Exclusion(
  BOOTH_OVERLAP_CONSTRAINT,
  `USING gist ("hall_id" WITH =, numrange("x_m", "x_m" + "width_m") WITH &&, numrange("y_m", "y_m" + "depth_m") WITH &&)`,
)
@Check('booth_geometry', `"x_m" >= 0 AND "y_m" >= 0 AND "width_m" > 0 AND "depth_m" > 0`)
@Check('booth_requested_on_hold', `"requested_at" IS NULL OR "status" = 'ON_HOLD'`)
@Check(
  'booth_status_exhibitor',
  `("status" = 'AVAILABLE') = ("exhibitor_id" IS NULL) AND ("status" = 'ON_HOLD') = ("hold_expires_at" IS NOT NULL)`,
)
export class Booth {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Index() @Column({ type: 'uuid' }) @ForeignKey(() => Hall, { onDelete: 'CASCADE' }) hallId: string;
  @Field() @Column({ type: 'varchar', length: 20 }) code: string;
  @Field(() => Float) @Column({ type: 'numeric', precision: 8, scale: 2, transformer: metres }) xM: number;
  @Field(() => Float) @Column({ type: 'numeric', precision: 8, scale: 2, transformer: metres }) yM: number;
  @Field(() => Float) @Column({ type: 'numeric', precision: 8, scale: 2, transformer: metres }) widthM: number;
  @Field(() => Float) @Column({ type: 'numeric', precision: 8, scale: 2, transformer: metres }) depthM: number;
  @Field(() => BoothType)
  @Column({ type: 'enum', enum: BoothType, enumName: 'booth_type', default: BoothType.INLINE })
  type: BoothType;
  @Field(() => BoothStatus)
  @Column({ type: 'enum', enum: BoothStatus, enumName: 'booth_status', default: BoothStatus.AVAILABLE })
  status: BoothStatus;
  @Index()
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => Exhibitor, { onDelete: 'SET NULL' })
  exhibitorId: string | null;
  @Field(() => Date, { nullable: true, description: 'When an ON_HOLD booth is released if not assigned' })
  @Column({ type: 'timestamptz', nullable: true })
  holdExpiresAt: Date | null;
  /** When an exhibitor's own request (requestBooth) put the booth on hold; cleared by every other change. */
  @Field(() => Date, {
    nullable: true,
    description:
      "When the exhibitor's own request (requestBooth) put this booth ON_HOLD, awaiting an organizer's assignBooth; null for organizer holds and any other status",
  })
  @Column({ type: 'timestamptz', nullable: true })
  requestedAt: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;

  @Field(() => Float, { description: 'widthM x depthM, in square metres' })
  get areaM2(): number {
    return Math.round(this.widthM * this.depthM * 100) / 100;
  }
}

/** Every change of a booth's status or exhibitor, written by a trigger so no code path can skip it. */
@ObjectType()
@Entity()
@Index('booth_history_by_booth', ['boothId', 'at'])
export class BoothChange {
  @Field(() => ID) @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Booth, { onDelete: 'CASCADE' }) boothId: string;
  @Field(() => BoothStatus, { nullable: true })
  @Column({ type: 'enum', enum: BoothStatus, enumName: 'booth_status', nullable: true })
  fromStatus: BoothStatus | null;
  @Field(() => BoothStatus)
  @Column({ type: 'enum', enum: BoothStatus, enumName: 'booth_status' })
  toStatus: BoothStatus;
  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', nullable: true }) fromExhibitorId: string | null;
  @Field(() => ID, { nullable: true }) @Column({ type: 'uuid', nullable: true }) toExhibitorId: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Who made the change (an email), or null for the system (an expired hold)',
  })
  @Column({ type: 'varchar', length: 254, nullable: true })
  actor: string | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}

@ObjectType()
export class ExhibitorStaffMember {
  @Field() email: string;
  @Field() admin: boolean;
}

@ObjectType()
export class StaffAllotment {
  @Field(() => Int) allotted: number;
  @Field(() => Int) used: number;
  @Field({ description: 'True when an organizer set the number rather than booth area' }) overridden: boolean;
}

/** An exhibitor's logo, one per exhibitor, stored in PostgreSQL (served at GET /logos/<exhibitorId>). */
@Entity()
@Check('exhibitor_logo_type', `"content_type" IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')`)
export class ExhibitorLogo {
  @PrimaryColumn({ type: 'uuid' }) @ForeignKey(() => Exhibitor, { onDelete: 'CASCADE' }) exhibitorId: string;
  @Column({ type: 'varchar', length: 20 }) contentType: string;
  @Column({ type: 'bytea' }) data: Buffer;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@ObjectType({ description: 'An exhibitor the signed-in person staffs (role EXHIBITOR)' })
export class ExhibitorMembership {
  @Field(() => Exhibitor, { description: 'The exhibitor' }) exhibitor: Exhibitor;
  @Field({ description: "True for the exhibitor's admins (profile, staff, booth requests, lead tags)" }) admin: boolean;
}
