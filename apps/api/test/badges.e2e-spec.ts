import { createPublicKey, verify } from 'node:crypto';
import { decodePng, decodeSvg, eventually, rasterizePdf } from '@app/testing';
import { codeOf, TestApp } from './test-app';

const ISSUE = `mutation($a: ID!) { issueBadge(attendeeId: $a) { id status version code qrSvg pdfUrl } }`;
const REISSUE = `mutation($a: ID!) { reissueBadge(attendeeId: $a) { id status version } }`;
const BADGE = `query($id: ID!) { badge(id: $id) { id status version code qrSvg pdfUrl attendee { id email badge { id } } } }`;
const GENERATE = `mutation($e: ID!) { generateBadges(editionId: $e) { id state total done failed } }`;
const BATCH = `query($id: ID!) { badgeBatch(id: $id) { id state total done failed } }`;
const KEYS = `query($e: ID!) { badgeVerificationKeys(editionId: $e) { kid algorithm publicKeyPem } }`;

interface BadgeView {
  id: string;
  status: string;
  version: number;
  code: string | null;
  qrSvg: string | null;
  pdfUrl: string | null;
}

/**
 * What an offline scanner does with nothing but the published keys and node:crypto: parse the
 * token as the README documents it and check the Ed25519 signature over "CB1" + edition + payload.
 */
function offlineVerify(
  code: string,
  editionId: string,
  keys: { kid: string; publicKeyPem: string }[],
): { badgeId: string; version: number } | null {
  const match = /^CB1\.([A-Za-z0-9_-]+)$/.exec(code);
  if (!match) return null;
  const bytes = Buffer.from(match[1], 'base64url');
  if (bytes.length !== 86 || bytes.toString('base64url') !== match[1]) return null;
  const payload = bytes.subarray(0, 22);
  const key = keys.find((k) => k.kid === payload.subarray(0, 4).toString('base64url'));
  if (!key) return null;
  const message = Buffer.concat([Buffer.from('CB1'), Buffer.from(editionId.replace(/-/g, ''), 'hex'), payload]);
  if (!verify(null, message, createPublicKey(key.publicKeyPem), bytes.subarray(22))) return null;
  const hex = payload.subarray(4, 20).toString('hex');
  return {
    badgeId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    version: payload.readUInt16BE(20),
  };
}

describe('badges', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition({ name: 'HealthConnect Badges' })).id;
  });
  afterAll(() => t.close());

  const active = (id: string, token = admin) =>
    eventually(
      async () => (await t.ok(BADGE, { id }, token)).badge as BadgeView,
      (b) => b.status === 'ACTIVE',
    );

  it('issues a badge that the worker signs and renders: the QR in the SVG and in the PDF decode to the code', async () => {
    const me = await t.factory.attendee(editionId, { firstName: 'Grace', lastName: 'Hopper', company: 'Navy' });
    const pending = (await t.ok(ISSUE, { a: me.id }, admin)).issueBadge as BadgeView;
    expect(pending).toMatchObject({ status: 'PENDING', version: 1, code: null, qrSvg: null, pdfUrl: null });
    expect((await t.ok(ISSUE, { a: me.id }, admin)).issueBadge.id).toBe(pending.id); // idempotent

    const badge = await active(pending.id, me.token); // the attendee sees their own badge
    expect(badge.code).toMatch(/^CB1\.[A-Za-z0-9_-]+$/);
    expect(badge.code!.length).toBeLessThan(120);
    expect(badge.code).not.toMatch(/grace|hopper|navy/i); // no personal data in the code
    expect(decodeSvg(badge.qrSvg!)).toBe(badge.code);

    const pdf = await t.download(badge.pdfUrl!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.body;
    expect(body.toString('latin1')).toMatch(/MediaBox \[0 0 288 216\]/); // 4 x 3 in
    expect(rasterizePdf(body).map(decodePng)).toEqual([badge.code]);
    expect((await t.http.get(badge.pdfUrl!.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(404);

    const keys = (await t.ok(KEYS, { e: editionId })).badgeVerificationKeys;
    expect(offlineVerify(badge.code!, editionId, keys)).toEqual({ badgeId: badge.id, version: 1 });
  });

  it('fails verification for a changed character, another edition, and reports the version of an old code', async () => {
    const me = await t.factory.attendee(editionId);
    const first = await active((await t.ok(ISSUE, { a: me.id }, admin)).issueBadge.id);
    const keys = (await t.ok(KEYS, { e: editionId })).badgeVerificationKeys;
    const code = first.code!;
    for (let i = 4; i < code.length; i += 7) {
      const c = code[i] === 'A' ? 'B' : 'A';
      expect(offlineVerify(code.slice(0, i) + c + code.slice(i + 1), editionId, keys)).toBeNull();
    }
    const otherEdition = (await t.factory.edition()).id;
    const otherKeys = (await t.ok(KEYS, { e: otherEdition })).badgeVerificationKeys;
    expect(offlineVerify(code, otherEdition, otherKeys)).toBeNull();
    expect(offlineVerify(code, otherEdition, keys)).toBeNull(); // the edition is bound into the signature

    // Lost badge: version 2, and the old code is on the revocation list.
    const reissued = (await t.ok(REISSUE, { a: me.id }, admin)).reissueBadge;
    expect(reissued).toMatchObject({ version: 2, status: 'PENDING' });
    const second = await active(reissued.id);
    expect(offlineVerify(second.code!, editionId, keys)).toEqual({ badgeId: second.id, version: 2 });
    expect(offlineVerify(code, editionId, keys)).toEqual({ badgeId: first.id, version: 1 }); // still signed, but...
    expect((await t.ok(BADGE, { id: first.id }, admin)).badge.status).toBe('REVOKED');
    const revoked = (
      await t.ok(
        `query($e: ID!) { badgeRevocations(editionId: $e) { badgeId version revokedAt } }`,
        { e: editionId },
        admin,
      )
    ).badgeRevocations;
    expect(revoked).toContainEqual(expect.objectContaining({ badgeId: first.id, version: 1 }));
    expect((await t.ok(BADGE, { id: second.id }, admin)).badge.attendee.badge.id).toBe(second.id);
    expect((await t.ok(BADGE, { id: first.id }, admin)).badge.pdfUrl).toBeNull();
  });

  it('revokeBadge revokes without issuing another; issueBadge gives version + 1 later; organizers only', async () => {
    const REVOKE = `mutation($a: ID!) { revokeBadge(attendeeId: $a) { id status version } }`;
    const me = await t.factory.attendee(editionId);
    const { id } = (await t.ok(ISSUE, { a: me.id }, admin)).issueBadge;
    expect(codeOf(await t.gql(REVOKE, { a: me.id }, me.token))).toBe('FORBIDDEN');
    expect((await t.ok(REVOKE, { a: me.id }, admin)).revokeBadge).toEqual({ id, status: 'REVOKED', version: 1 });
    expect((await t.ok(BADGE, { id }, admin)).badge).toMatchObject({ status: 'REVOKED', attendee: { badge: null } });
    expect(codeOf(await t.gql(REVOKE, { a: me.id }, admin))).toBe('NOT_FOUND'); // nothing current left
    expect((await t.ok(ISSUE, { a: me.id }, admin)).issueBadge).toMatchObject({ version: 2, status: 'PENDING' });
  });

  it('shows a badge to its attendee and the organizers only', async () => {
    const me = await t.factory.attendee(editionId);
    const { id } = (await t.ok(ISSUE, { a: me.id }, admin)).issueBadge;
    const someone = await t.factory.attendee(editionId);
    expect(codeOf(await t.gql(BADGE, { id }, someone.token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(BADGE, { id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ISSUE, { a: me.id }, me.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ISSUE, { a: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
    expect(
      (await t.ok(`query($e: ID!) { myAttendee(editionId: $e) { badge { id } } }`, { e: editionId }, me.token))
        .myAttendee.badge.id,
    ).toBe(id);
    expect(
      codeOf(await t.gql(`query($e: ID!) { badgeRevocations(editionId: $e) { badgeId } }`, { e: editionId }, me.token)),
    ).toBe('FORBIDDEN');
  });

  it('generates a batch for everyone without a badge, reports progress, never duplicates, and prints a sorted sheet', async () => {
    const e = (await t.factory.edition({ name: 'Batch Show' })).id;
    const names = [
      'Zimmer',
      'adams',
      'Murphy',
      'Baker',
      'Ng',
      'Olsen',
      'Evans',
      'Quinn',
      'Lopez',
      'Chen',
      'Diaz',
      'Young',
    ];
    const rows = Array.from({ length: 120 }, (_, i) => ({
      email: `b${i}@batch.example`,
      firstName: `P${i}`,
      lastName: `${names[i % names.length]}`,
      accessLevel: i % 4 === 0 ? 'EXPO_ONLY' : 'FULL_CONFERENCE',
    }));
    await t.ok(
      `mutation($e: ID!, $rows: [AttendeeImportRow!]!) { importAttendees(editionId: $e, rows: $rows) { created } }`,
      { e, rows },
      admin,
    );
    const already = (await t.db.query(`SELECT id FROM attendee WHERE email = 'b0@batch.example'`))[0].id;
    await t.ok(ISSUE, { a: already }, admin);

    const batch = (await t.ok(GENERATE, { e }, admin)).generateBadges;
    expect(batch).toMatchObject({ total: 119, failed: 0 });
    expect(['QUEUED', 'RUNNING', 'COMPLETED']).toContain(batch.state);
    const finished = await eventually(
      async () => (await t.ok(BATCH, { id: batch.id }, admin)).badgeBatch,
      (b) => b.state === 'COMPLETED',
      30_000,
    );
    expect(finished).toEqual({ id: batch.id, state: 'COMPLETED', total: 119, done: 119, failed: 0 });

    const again = (await t.ok(GENERATE, { e }, admin)).generateBadges;
    expect(again).toMatchObject({ total: 0, state: 'COMPLETED' });
    const [{ n, people }] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT attendee_id)::int AS people FROM badge WHERE edition_id = $1`,
      [e],
    );
    expect({ n, people }).toEqual({ n: 120, people: 120 });

    const path = (
      await t.ok(
        `query($e: ID!, $b: ID, $l: AccessLevel, $to: String) { badgePrintSheetUrl(editionId: $e, batchId: $b, accessLevel: $l, lastNameTo: $to) }`,
        { e, b: batch.id, l: 'EXPO_ONLY', to: 'm' },
        admin,
      )
    ).badgePrintSheetUrl;
    const sheet = await eventually(
      () => t.download(path),
      (r) => r.status !== 202,
      30_000,
    ); // rendered by the worker
    expect(sheet.status).toBe(200);
    const expected = (
      await t.db.query(
        `SELECT b.code FROM badge b JOIN attendee a ON a.id = b.attendee_id WHERE b.batch_id = $1 AND a.access_level = 'EXPO_ONLY' AND lower(a.last_name) <= 'm~' ORDER BY lower(a.last_name), lower(a.first_name), a.id`,
        [batch.id],
      )
    ).map((r: { code: string }) => r.code);
    expect(expected.length).toBeGreaterThan(5);
    expect(rasterizePdf(sheet.body).map(decodePng)).toEqual(expected);
    expect((await t.http.get(path.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403); // expiry and tampering: print-sheets.e2e-spec
    expect(
      codeOf(
        await t.gql(`query($e: ID!) { badgePrintSheetUrl(editionId: $e) }`, { e }, (await t.factory.user()).token),
      ),
    ).toBe('FORBIDDEN');
  });

  it('retries a badge that fails to render, then reports it failed instead of dropping it', async () => {
    const e = (await t.factory.edition({ name: 'Broken keys' })).id;
    await t.factory.attendees(e, 3);
    // The edition's sealed private key is damaged (as if BADGE_KEY_SECRET had changed): nothing can be signed.
    await t.ok(KEYS, { e }); // creates the edition's key
    await t.db.query(`UPDATE badge_signing_key SET private_key_enc = 'AAAA.AAAA.AAAA' WHERE edition_id = $1`, [e]);
    const batch = (await t.ok(GENERATE, { e }, admin)).generateBadges;
    expect(batch.total).toBe(3);
    const done = await eventually(
      async () => (await t.ok(BATCH, { id: batch.id }, admin)).badgeBatch,
      (b) => b.state === 'FAILED',
      60_000,
    );
    expect(done).toMatchObject({ state: 'FAILED', total: 3, done: 0, failed: 3 });
    const [row] = await t.db.query(`SELECT status, error FROM badge WHERE batch_id = $1 LIMIT 1`, [batch.id]);
    expect(row.status).toBe('PENDING');
    expect(row.error).toBeTruthy();
  });
});
