import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Edition } from '@app/editions';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Generated,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

@ObjectType()
@Entity()
@Index('speaker_by_edition_name', ['editionId', 'name', 'id'])
@Unique('speaker_number_unique', ['number'])
export class Speaker {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  /** A small integer that never changes: the person id of the programme exports (frab and c3voc apps key persons by an integer). */
  @Column({ type: 'int' }) @Generated('increment') number: number;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  /** Trigram index (migration) serves search by name or company. */
  @Index('speaker_search_trgm', { synchronize: false })
  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;
  /** Not exposed in the API: used to reach the speaker (schedule updates). */
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) company:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) jobTitle:
    string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) bio: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
