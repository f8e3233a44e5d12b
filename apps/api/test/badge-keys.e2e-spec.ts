import { createPublicKey, randomUUID } from 'node:crypto';
import { BadgeKeysService, encodeBadgeCode, verifyBadgeCode } from '@app/badges';
import { codeOf, TestApp } from '@app/testing';

const KEYS = `query($e: ID!) { badgeVerificationKeys(editionId: $e) { kid algorithm publicKeyPem } }`;

describe('badge signing keys', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it('publishes an Ed25519 public key that verifies codes with node:crypto alone', async () => {
    const { badgeVerificationKeys: keys } = await t.ok(KEYS, { e: editionId });
    expect(keys).toHaveLength(1);
    expect(keys[0].algorithm).toBe('Ed25519');
    expect(keys[0].publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const { kid, privateKey } = await t.app.get(BadgeKeysService).signingKey(editionId);
    expect(kid).toBe(keys[0].kid);
    const code = encodeBadgeCode(editionId, { kid, badgeId: randomUUID(), version: 1 }, privateKey);
    expect(verifyBadgeCode(code, editionId, createPublicKey(keys[0].publicKeyPem))).not.toBeNull();
    // The private key is stored encrypted, never as PEM.
    const [row] = await t.db.query(`SELECT private_key_enc FROM badge_signing_key WHERE kid = $1`, [kid]);
    expect(row.private_key_enc).not.toMatch(/PRIVATE KEY/);
  });

  it('rotates: old codes stay valid until the old key is retired', async () => {
    const keys = t.app.get(BadgeKeysService);
    const old = await keys.signingKey(editionId);
    const oldCode = encodeBadgeCode(editionId, { kid: old.kid, badgeId: randomUUID(), version: 1 }, old.privateKey);
    const { rotateBadgeKey } = await t.ok(`mutation($e: ID!) { rotateBadgeKey(editionId: $e) { kid } }`, { e: editionId }, admin);
    expect(rotateBadgeKey.kid).not.toBe(old.kid);
    expect((await keys.signingKey(editionId)).kid).toBe(rotateBadgeKey.kid);
    expect((await t.ok(KEYS, { e: editionId })).badgeVerificationKeys.map((k: { kid: string }) => k.kid).sort()).toEqual([old.kid, rotateBadgeKey.kid].sort());
    expect(await keys.publicKey(editionId, old.kid)).not.toBeNull();

    const retire = `mutation($e: ID!, $k: String!) { retireBadgeKey(editionId: $e, kid: $k) }`;
    expect((await t.ok(retire, { e: editionId, k: rotateBadgeKey.kid }, admin)).retireBadgeKey).toBe(false);
    expect((await t.ok(retire, { e: editionId, k: old.kid }, admin)).retireBadgeKey).toBe(true);
    expect((await t.ok(KEYS, { e: editionId })).badgeVerificationKeys.map((k: { kid: string }) => k.kid)).toEqual([rotateBadgeKey.kid]);
    expect(await keys.publicKey(editionId, old.kid)).toBeNull();
    expect(oldCode).toMatch(/^CB1\./);
  });

  it('keys of one edition never verify another edition', async () => {
    const other = (await t.factory.edition()).id;
    const a = await t.app.get(BadgeKeysService).signingKey(editionId);
    const code = encodeBadgeCode(editionId, { kid: a.kid, badgeId: randomUUID(), version: 1 }, a.privateKey);
    const { badgeVerificationKeys } = await t.ok(KEYS, { e: other });
    expect(verifyBadgeCode(code, other, createPublicKey(badgeVerificationKeys[0].publicKeyPem))).toBeNull();
    expect(await t.app.get(BadgeKeysService).publicKey(other, a.kid)).toBeNull();
  });

  it('only organizers rotate or retire; unknown editions are NOT_FOUND', async () => {
    const user = await t.factory.user();
    expect(codeOf(await t.gql(`mutation($e: ID!) { rotateBadgeKey(editionId: $e) { kid } }`, { e: editionId }, user.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(KEYS, { e: randomUUID() }))).toBe('NOT_FOUND');
  });
});
