import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { BadgeSigningKey } from './signing-key.entity';

/** Every statement on `badge_signing_key`, which the badges lib owns. */
@Injectable()
export class SigningKeyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private keys(manager?: EntityManager) {
    return (manager ?? this.db.manager).getRepository(BadgeSigningKey);
  }

  /** The key that signs the edition's new codes (at most one: the one_signing_key_per_edition index), or null. */
  findSigning(editionId: string): Promise<BadgeSigningKey | null> {
    return this.keys().findOneBy({ editionId, rotatedAt: IsNull() });
  }

  /** The edition's keys that still verify codes (not retired), newest first. */
  findVerifying(editionId: string): Promise<BadgeSigningKey[]> {
    return this.keys().find({ where: { editionId, retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** Every key of the edition, retired ones included, newest first. */
  findAllOf(editionId: string): Promise<BadgeSigningKey[]> {
    return this.keys().find({ where: { editionId }, order: { createdAt: 'DESC' } });
  }

  /** A key by kid (unique across editions), or null. */
  findByKid(kid: string): Promise<BadgeSigningKey | null> {
    return this.keys().findOneBy({ kid });
  }

  /** The edition's key with this kid, or null. */
  findInEdition(editionId: string, kid: string): Promise<BadgeSigningKey | null> {
    return this.keys().findOneBy({ editionId, kid });
  }

  /** Stores a new signing key; fails on one_signing_key_per_edition when the edition has one already. */
  insert(key: Omit<BadgeSigningKey, 'id' | 'createdAt'>, manager?: EntityManager): Promise<BadgeSigningKey> {
    return this.keys(manager).save(this.keys(manager).create(key));
  }

  /** Takes signing away from the edition's current key (it keeps verifying the codes it signed). */
  async rotateOut(editionId: string, manager?: EntityManager): Promise<void> {
    await this.keys(manager).update({ editionId, rotatedAt: IsNull() }, { rotatedAt: new Date() });
  }

  /** Marks a key retired (keeping the first retirement time): codes it signed stop verifying. */
  async retire(id: string, at: Date): Promise<void> {
    await this.keys().update(id, { retiredAt: at });
  }
}
