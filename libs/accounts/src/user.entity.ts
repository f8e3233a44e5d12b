import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An account. Signing up makes an unverified one; its owner proves the address with the mailed link
 * (or a password reset by mail). Only one account per address can be verified (a partial unique
 * index); unverified ones may share an address, so signing up never tells whether it is taken, and a
 * stranger who signs up first with someone's address blocks nothing.
 */
@ObjectType()
@Entity()
@Index('user_verified_email', ['email'], { unique: true, where: '"email_verified"' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalized (normalizeEmail). */
  @Field()
  @Index('user_email')
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  /** A platform organizer: creates editions, organizes all of them (only once verified). */
  @Column({ type: 'boolean', default: false })
  isAdmin: boolean;

  /** The owner proved the address: until then the account binds to nothing granted to it. */
  @Column({ type: 'boolean', default: false })
  emailVerified: boolean;

  /** Tokens carry the version they were issued at; bumping it (password change, sign out everywhere) ends every older one. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
