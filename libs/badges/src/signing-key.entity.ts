import { Field, ObjectType } from '@nestjs/graphql';
import { Edition } from '@app/editions';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An edition's Ed25519 badge signing key. The newest key not yet rotated out signs new codes; older
 * keys keep verifying the codes they signed until an organizer retires them. The private key is
 * stored encrypted (BADGE_KEY_SECRET) and never leaves the server.
 */
@ObjectType('VerificationKey')
@Entity()
@Index('one_signing_key_per_edition', ['editionId'], { unique: true, where: '"rotated_at" IS NULL' })
export class BadgeSigningKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) @ForeignKey(() => Edition, { onDelete: 'CASCADE' }) editionId: string;
  @Field() @Index({ unique: true }) @Column({ type: 'varchar', length: 16 }) kid: string;
  @Field() @Column({ type: 'varchar', length: 16, default: 'Ed25519' }) algorithm: string;
  @Field() @Column({ type: 'text' }) publicKeyPem: string;
  /** base64url(iv).base64url(tag).base64url(ciphertext) of the PKCS#8 PEM, AES-256-GCM. */
  @Column({ type: 'text' }) privateKeyEnc: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** Set when a newer key took over signing. */
  @Column({ type: 'timestamptz', nullable: true }) rotatedAt: Date | null;
  /** Set when codes signed with this key stop being valid. */
  @Column({ type: 'timestamptz', nullable: true }) retiredAt: Date | null;
}
