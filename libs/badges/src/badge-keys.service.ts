import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, isPgError, notFound, PgCode, Principal, TtlCache } from '@app/core';
import { AccessService, EditionsService } from '@app/editions';
import { DataSource } from 'typeorm';
import { newKid, privateKeyFromPem, publicKeyFromPem } from './badge-code';
import { KeyVault } from './key-vault';
import { BadgeSigningKey } from './signing-key.entity';
import { SigningKeyRepository } from './signing-key.repository';

const PUBLIC_KEY_TTL_MS = 30_000;

/** The editions' badge signing keys: created on first use, rotated and retired by organizers. */
@Injectable()
export class BadgeKeysService {
  private readonly vault: KeyVault;
  private readonly privateKeys = new Map<string, KeyObject>();
  /** Verification keys by edition and kid, re-read after PUBLIC_KEY_TTL_MS so a retirement reaches every instance. */
  private readonly publicKeys = new TtlCache<KeyObject | null>(PUBLIC_KEY_TTL_MS);
  private readonly kids = new TtlCache<{ editionId: string; key: KeyObject | null } | null>(PUBLIC_KEY_TTL_MS);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: SigningKeyRepository,
    private readonly access: AccessService,
    private readonly editions: EditionsService,
    config: AppConfig,
  ) {
    this.vault = new KeyVault(config.badgeKeySecret);
  }

  /** Public keys that verify this edition's codes (retired ones excluded). Public: scanners fetch them. */
  async verificationKeys(editionId: string): Promise<BadgeSigningKey[]> {
    await this.editions.get(editionId);
    await this.signingKey(editionId); // an edition always has one, so scanners can be set up before printing
    return this.keys.findVerifying(editionId);
  }

  /**
   * Every key of the edition for offline scanners (the caller checked access): the raw Ed25519 public
   * key (base64url) and whether it is retired (its codes are refused). The edition gets its first key
   * if it has none, as for verificationKeys.
   */
  async scannerKeys(editionId: string): Promise<{ kid: string; publicKey: string; retired: boolean }[]> {
    await this.signingKey(editionId);
    return (await this.keys.findAllOf(editionId)).map((k) => ({
      kid: k.kid,
      publicKey: publicKeyFromPem(k.publicKeyPem).export({ format: 'jwk' }).x!,
      retired: k.retiredAt !== null,
    }));
  }

  /** The key that signs new codes, created when the edition has none. */
  async signingKey(editionId: string): Promise<{ kid: string; privateKey: KeyObject }> {
    let key = await this.keys.findSigning(editionId);
    if (!key) key = await this.create(editionId);
    let privateKey = this.privateKeys.get(key.kid);
    if (!privateKey) {
      privateKey = privateKeyFromPem(this.vault.open(key.privateKeyEnc));
      this.privateKeys.set(key.kid, privateKey);
    }
    return { kid: key.kid, privateKey };
  }

  /** The public key of a kid if it belongs to the edition and is not retired. */
  async publicKey(editionId: string, kid: string): Promise<KeyObject | null> {
    return this.publicKeys.get(`${editionId}:${kid}`, async () => {
      const row = await this.keys.findInEdition(editionId, kid);
      return row && !row.retiredAt ? publicKeyFromPem(row.publicKeyPem) : null;
    });
  }

  /**
   * A kid's edition and public key (null once retired), from any edition: a scanner that reads a
   * code from another show is told WRONG_EDITION rather than INVALID_CODE. Cached like publicKey.
   */
  async keyByKid(kid: string): Promise<{ editionId: string; key: KeyObject | null } | null> {
    return this.kids.get(kid, async () => {
      const row = await this.keys.findByKid(kid);
      return row ? { editionId: row.editionId, key: row.retiredAt ? null : publicKeyFromPem(row.publicKeyPem) } : null;
    });
  }

  /** A new key takes over signing; codes signed with older keys stay valid until those are retired. */
  async rotate(user: Principal | undefined, editionId: string): Promise<BadgeSigningKey> {
    await this.access.requireOrganizer(user, editionId);
    return this.db.transaction(async (em) => {
      await this.keys.rotateOut(editionId, em);
      return this.keys.insert(this.newKey(editionId), em);
    });
  }

  /** Codes signed with this key stop verifying (the signing key cannot be retired: rotate first). */
  async retire(user: Principal | undefined, editionId: string, kid: string): Promise<boolean> {
    await this.access.requireOrganizer(user, editionId);
    const key = await this.keys.findInEdition(editionId, kid);
    if (!key) throw notFound('Signing key', kid);
    if (!key.rotatedAt) return false;
    await this.keys.retire(key.id, key.retiredAt ?? new Date());
    this.publicKeys.delete(`${editionId}:${kid}`);
    this.kids.delete(kid);
    return true;
  }

  private async create(editionId: string): Promise<BadgeSigningKey> {
    try {
      return await this.keys.insert(this.newKey(editionId));
    } catch (error) {
      // Two first uses at once: the partial unique index keeps one; use it.
      if (!isPgError(error, PgCode.UNIQUE_VIOLATION)) throw error;
      const winner = await this.keys.findSigning(editionId);
      if (!winner) throw error;
      return winner;
    }
  }

  private newKey(editionId: string): Omit<BadgeSigningKey, 'id' | 'createdAt'> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      editionId,
      kid: newKid(),
      algorithm: 'Ed25519',
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyEnc: this.vault.seal(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
      rotatedAt: null,
      retiredAt: null,
    };
  }
}
