import { createPublicKey, randomUUID } from 'node:crypto';
import { BadgeKeysService, encodeBadgeCode, parseBadgeCode, verifyBadgeCode } from '@app/badges';
import { eventually } from '@app/testing';
import { DateTime } from 'luxon';
import { codeOf, TestApp } from './test-app';

const KEYS = `query($e: ID!) { badgeVerificationKeys(editionId: $e) { kid algorithm publicKeyPem } }`;
const CHECKPOINT = `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id } }`;
const SCAN = `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome reason } }`;
const BADGE = `query($id: ID!) { badge(id: $id) { status code } }`;

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

  /** The code of a new attendee's badge, once the worker has signed and rendered it. */
  async function badgeCode(edition: string): Promise<string> {
    const a = await t.factory.attendee(edition);
    const { id } = (await t.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: a.id }, admin))
      .issueBadge;
    return (
      await eventually(
        async () => (await t.ok(BADGE, { id }, admin)).badge,
        (b) => b.status === 'ACTIVE',
      )
    ).code;
  }

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

  it('rotates: a badge printed with the old key still verifies and scans ADMITTED until the old key is retired, then it is REJECTED', async () => {
    await t.startWorker();
    const today = DateTime.now().setZone('America/Chicago');
    const live = (
      await t.factory.edition({
        startsOn: today.minus({ days: 1 }).toISODate()!,
        endsOn: today.plus({ days: 1 }).toISODate()!,
      })
    ).id;
    const door = async (name: string) =>
      (await t.ok(CHECKPOINT, { e: live, i: { name, kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } }, admin))
        .createCheckpoint.id as string;
    const scan = async (checkpointId: string, code: string) =>
      (await t.ok(SCAN, { i: { checkpointId, code } }, admin)).scanBadge as { outcome: string; reason: string | null };
    const keys = t.app.get(BadgeKeysService);
    const old = await keys.signingKey(live);
    const printed = await badgeCode(live);
    expect(parseBadgeCode(printed)!.kid).toBe(old.kid);

    const { rotateBadgeKey } = await t.ok(
      `mutation($e: ID!) { rotateBadgeKey(editionId: $e) { kid } }`,
      { e: live },
      admin,
    );
    expect(rotateBadgeKey.kid).not.toBe(old.kid);
    expect((await keys.signingKey(live)).kid).toBe(rotateBadgeKey.kid);
    const published: { kid: string; publicKeyPem: string }[] = (await t.ok(KEYS, { e: live })).badgeVerificationKeys;
    expect(published.map((k) => k.kid).sort()).toEqual([old.kid, rotateBadgeKey.kid].sort());
    // After rotation: an offline scanner verifies the printed badge with the old public key, and the door admits it.
    const oldPem = published.find((k) => k.kid === old.kid)!.publicKeyPem;
    expect(verifyBadgeCode(printed, live, createPublicKey(oldPem))).not.toBeNull();
    expect(await scan(await door('North'), printed)).toMatchObject({ outcome: 'ADMITTED', reason: null });
    const reprinted = await badgeCode(live); // a badge issued now carries the new key
    expect(parseBadgeCode(reprinted)!.kid).toBe(rotateBadgeKey.kid);

    const retire = `mutation($e: ID!, $k: String!) { retireBadgeKey(editionId: $e, kid: $k) }`;
    expect((await t.ok(retire, { e: live, k: rotateBadgeKey.kid }, admin)).retireBadgeKey).toBe(false); // the signing key: rotate first
    expect((await t.ok(retire, { e: live, k: old.kid }, admin)).retireBadgeKey).toBe(true);
    expect((await t.ok(KEYS, { e: live })).badgeVerificationKeys.map((k: { kid: string }) => k.kid)).toEqual([
      rotateBadgeKey.kid,
    ]);
    expect(await keys.publicKey(live, old.kid)).toBeNull();
    // After retirement the printed badge is refused at a door it never passed, with the reason; the new one still gets in.
    const south = await door('South');
    expect(await scan(south, printed)).toEqual({ outcome: 'REJECTED', reason: 'REVOKED' });
    expect(await scan(south, reprinted)).toEqual({ outcome: 'ADMITTED', reason: null });
  });

  it('creates one signing key when two first uses ask for it at once, on two instances', async () => {
    const fresh = (await t.factory.edition()).id;
    const second = await t.secondInstance();
    const services = [t.app.get(BadgeKeysService), second.get(BadgeKeysService)];
    // Inserts into the key table wait behind this lock, so every caller has found no key and tries to create one.
    const lock = t.db.createQueryRunner();
    await lock.connect();
    let results: { kid: string }[];
    try {
      await lock.startTransaction();
      await lock.query(`LOCK TABLE badge_signing_key IN SHARE MODE`);
      const pending = Promise.all(Array.from({ length: 4 }, (_, i) => services[i % 2].signingKey(fresh)));
      await eventually(
        async () =>
          (
            await t.db.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "badge_signing_key"%'`,
            )
          )[0].n,
        (n) => n === 4,
        { what: 'four first uses waiting to insert a key' },
      );
      await lock.commitTransaction();
      results = await pending;
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
    }
    expect(new Set(results.map((r) => r.kid)).size).toBe(1);
    const rows: { kid: string }[] = await t.db.query(`SELECT kid FROM badge_signing_key WHERE edition_id = $1`, [
      fresh,
    ]);
    expect(rows.map((r) => r.kid)).toEqual([results[0].kid]);
    expect((await t.ok(KEYS, { e: fresh })).badgeVerificationKeys.map((k: { kid: string }) => k.kid)).toEqual([
      results[0].kid,
    ]);
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
    expect(
      codeOf(await t.gql(`mutation($e: ID!) { rotateBadgeKey(editionId: $e) { kid } }`, { e: editionId }, user.token)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(KEYS, { e: randomUUID() }))).toBe('NOT_FOUND');
  });
});
