import { BadgeStatus, BadgesModule, BadgesService, BadgesWorkerModule } from '@app/badges';
import { ServiceTier } from '@app/testing';
import { BadgeRenderer } from '../src/badge-renderer';

/** The badge rules on BadgesService and its real repository: one current badge per attendee, reissue, revocation, batches. */
describe('BadgesService', () => {
  let tier: ServiceTier;
  let badges: BadgesService;

  beforeAll(async () => {
    tier = await ServiceTier.create({ imports: [BadgesModule, BadgesWorkerModule] });
    badges = tier.get(BadgesService);
  });
  afterAll(() => tier.close());

  const badgeRows = (attendeeId: string) =>
    tier.sql<{ version: number; status: string; revoked: boolean }>(
      `SELECT version, status, revoked_at IS NOT NULL AS revoked FROM badge WHERE attendee_id = $1 ORDER BY version`,
      [attendeeId],
    );
  const requested = (badgeId: string) =>
    tier.sql(`SELECT 1 FROM outbox_message WHERE topic = 'badges.requested' AND payload->'badgeIds' ? $1`, [badgeId]);

  it('lets only the edition’s organizers issue badges', async () => {
    const edition = await tier.edition();
    const attendee = await tier.attendee(edition.id);
    await expect(badges.issue(undefined, attendee.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(badges.issue(await tier.organizer((await tier.edition()).id), attendee.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(badges.issue(await tier.withRole(edition.id, 'STAFF'), attendee.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      badges.issue(await tier.organizer(edition.id), '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await badgeRows(attendee.id)).toEqual([]);
  });

  it('issues one current badge per attendee, PENDING and queued for rendering, however often it is asked', async () => {
    const edition = await tier.edition();
    const organizer = await tier.organizer(edition.id);
    const attendee = await tier.attendee(edition.id);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => badges.issue(organizer, attendee.id)));
    expect(a).toMatchObject({
      attendeeId: attendee.id,
      editionId: edition.id,
      version: 1,
      status: BadgeStatus.PENDING,
      code: null,
    });
    expect([b.id, c.id]).toEqual([a.id, a.id]);
    expect(await badgeRows(attendee.id)).toEqual([{ version: 1, status: 'PENDING', revoked: false }]);
    expect(await requested(a.id)).toHaveLength(1);
  });

  it('keeps a second current badge out at the database too (badge_current)', async () => {
    const edition = await tier.edition();
    const attendee = await tier.attendee(edition.id);
    await tier.insert('badge', { edition_id: edition.id, attendee_id: attendee.id, version: 1 });
    await expect(
      tier.insert('badge', { edition_id: edition.id, attendee_id: attendee.id, version: 2 }),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('reissues a lost badge as version + 1 and revokes the old one, which offline scanners are told about', async () => {
    const edition = await tier.edition();
    const organizer = await tier.organizer(edition.id);
    const attendee = await tier.attendee(edition.id);
    const first = await badges.issue(organizer, attendee.id);
    const second = await badges.reissue(organizer, attendee.id);
    const third = await badges.reissue(organizer, attendee.id);
    expect([second.version, third.version]).toEqual([2, 3]);
    expect(await badgeRows(attendee.id)).toEqual([
      { version: 1, status: 'REVOKED', revoked: true },
      { version: 2, status: 'REVOKED', revoked: true },
      { version: 3, status: 'PENDING', revoked: false },
    ]);
    expect((await badges.currentOf([attendee.id])).map((b) => b.id)).toEqual([third.id]);
    expect(await badges.issue(organizer, attendee.id)).toMatchObject({ id: third.id });
    const revoked = await badges.revocations(await tier.withRole(edition.id, 'STAFF'), edition.id);
    expect(revoked.map((r) => [r.badgeId, r.version])).toEqual([
      [first.id, 1],
      [second.id, 2],
    ]);
    expect(await badges.revocations(organizer, edition.id, new Date(Date.now() + 60_000))).toEqual([]);
  });

  it('shows a badge to its attendee and the organizers only', async () => {
    const edition = await tier.edition();
    const owner = await tier.user();
    const attendee = await tier.attendee(edition.id, { email: owner.email });
    const badge = await badges.issue(await tier.organizer(edition.id), attendee.id);
    expect(await badges.get(tier.principal(owner), badge.id)).toMatchObject({ id: badge.id, version: 1 });
    expect(await badges.get(await tier.organizer(edition.id), badge.id)).toMatchObject({ id: badge.id });
    await expect(badges.get(tier.principal(await tier.user()), badge.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('generates a batch for the attendees without a current badge only, and again for none', async () => {
    const edition = await tier.edition();
    const organizer = await tier.organizer(edition.id);
    const [ann, bob, cy] = await Promise.all(
      ['Ann', 'Bob', 'Cy'].map((last_name) => tier.attendee(edition.id, { last_name })),
    );
    const annBadge = await badges.issue(organizer, ann.id);
    await badges.reissue(organizer, cy.id); // version 1 of Cy's badge is PENDING; generate skips Cy too
    await tier.attendee((await tier.edition()).id); // another edition's attendee is not in the batch
    const batch = await badges.generate(organizer, edition.id);
    expect(batch).toMatchObject({ editionId: edition.id, total: 1, done: 0, failed: 0, state: 'QUEUED' });
    expect(await badgeRows(bob.id)).toEqual([{ version: 1, status: 'PENDING', revoked: false }]);
    expect((await badges.currentOf([ann.id])).map((b) => b.id)).toEqual([annBadge.id]);
    expect(await badges.generate(organizer, edition.id)).toMatchObject({ total: 0, state: 'COMPLETED' });
  });

  it('renders pending badges ACTIVE with a code, and leaves a badge revoked while it waited revoked', async () => {
    const edition = await tier.edition();
    const organizer = await tier.organizer(edition.id);
    const attendee = await tier.attendee(edition.id);
    const lost = await badges.issue(organizer, attendee.id);
    const current = await badges.reissue(organizer, attendee.id);
    const renderer = tier.get(BadgeRenderer);
    expect(await renderer.render([lost.id, current.id], false)).toEqual({ rendered: 1, failed: 0 });
    const [active] = await badges.currentOf([attendee.id]);
    expect(active).toMatchObject({ id: current.id, status: BadgeStatus.ACTIVE, version: 2 });
    expect(active.code).toEqual(expect.any(String));
    expect(badges.pdfPath(active)).toMatch(new RegExp(`^/badges/${current.id}\\.pdf\\?v=2&sig=`));
    expect(await badgeRows(attendee.id)).toEqual([
      { version: 1, status: 'REVOKED', revoked: true },
      { version: 2, status: 'ACTIVE', revoked: false },
    ]);
  });
});
