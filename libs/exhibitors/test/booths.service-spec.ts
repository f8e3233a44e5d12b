import { Principal } from '@app/core';
import { EditionsService, Role } from '@app/editions';
import { BoothRepository, BoothStatus, ExhibitorsModule, ExhibitorsService } from '@app/exhibitors';
import { ServiceTier } from '@app/testing';

/** The booth and staff rules of the exhibitors lib, on its service and a real database (no GraphQL). */
describe('ExhibitorsService: booths and staff', () => {
  let tier: ServiceTier;
  let exhibitors: ExhibitorsService;
  let editionId: string;
  let organizer: Principal;
  let hallId: string;
  let n = 0;

  /** A 3 m × 3 m booth of its own place on the hall's floor. */
  const booth = async () => {
    const i = n++;
    return (
      await exhibitors.createBooth(organizer, editionId, {
        code: `T${i}`,
        hallId,
        xM: (i % 15) * 4,
        yM: Math.floor(i / 15) * 4,
        widthM: 3,
        depthM: 3,
      })
    ).id;
  };
  const exhibitor = async (name = `Exhibitor ${n++}`) =>
    (await exhibitors.createExhibitor(organizer, editionId, { name })).id;
  const boothRow = async (id: string) =>
    (await tier.sql(`SELECT status, exhibitor_id FROM booth WHERE id = $1`, [id]))[0];
  const inFuture = (ms: number) => new Date(Date.now() + ms);

  beforeAll(async () => {
    tier = await ServiceTier.create({ imports: [ExhibitorsModule] });
    exhibitors = tier.get(ExhibitorsService);
    editionId = (await tier.edition()).id;
    organizer = await tier.organizer(editionId);
    hallId = (await exhibitors.createHall(organizer, editionId, { name: 'Test hall', widthM: 60, depthM: 40 })).id;
  });
  afterAll(() => tier.close());

  it('never gives a booth twice: a taken booth refuses a second hold or assignment, and so does the database', async () => {
    const [b, x, y] = [await booth(), await exhibitor('Owner Co'), await exhibitor('Latecomer Co')];
    await exhibitors.assign(organizer, b, x);
    await expect(exhibitors.assign(organizer, b, y)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Booth T\d+ is assigned for Owner Co$/),
    });
    await expect(exhibitors.hold(organizer, b, y, inFuture(60_000))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await exhibitors.assign(organizer, b, x)).toMatchObject({ status: BoothStatus.ASSIGNED, exhibitorId: x }); // already theirs: no change
    // The repository's statement alone refuses (no rule in the service to get past) ...
    const repository = tier.get(BoothRepository);
    expect(await tier.db.transaction((em) => repository.assign(b, y, em))).toBe(false);
    expect(await tier.db.transaction((em) => repository.hold(b, y, inFuture(60_000), em))).toBe(false);
    // ... and a row that breaks the status rule cannot be written at all.
    await expect(
      tier.sql(`UPDATE booth SET status = 'ASSIGNED', exhibitor_id = NULL WHERE id = $1`, [b]),
    ).rejects.toThrow(/booth_status_exhibitor/);
    expect(await boothRow(b)).toEqual({ status: 'ASSIGNED', exhibitor_id: x });
    expect(
      await tier.sql(`SELECT count(*)::int AS n FROM booth_change WHERE booth_id = $1 AND to_status = 'ASSIGNED'`, [b]),
    ).toEqual([{ n: 1 }]);
  });

  it('gives a booth to exactly one of ten concurrent holds; the others get CONFLICT', async () => {
    const b = await booth();
    const contenders = await Promise.all(Array.from({ length: 10 }, () => exhibitor()));
    const results = await Promise.allSettled(contenders.map((x) => exhibitors.hold(organizer, b, x, inFuture(60_000))));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { code: string }).code)).toEqual(
      Array(9).fill('CONFLICT'),
    );
    const winner = (won[0] as PromiseFulfilledResult<{ exhibitorId: string | null }>).value.exhibitorId;
    expect(await boothRow(b)).toEqual({ status: 'ON_HOLD', exhibitor_id: winner });
    expect(
      await tier.sql(`SELECT count(*)::int AS n FROM booth_change WHERE booth_id = $1 AND to_status = 'ON_HOLD'`, [b]),
    ).toEqual([{ n: 1 }]);
    // The holder may still take it; the others may not.
    await expect(
      exhibitors.assign(
        organizer,
        b,
        contenders.find((x) => x !== winner)!,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await exhibitors.assign(organizer, b, winner!)).status).toBe(BoothStatus.ASSIGNED);
  });

  it('releases a hold once it has ended, and only that very hold', async () => {
    const [b, x] = [await booth(), await exhibitor()];
    const until = inFuture(400);
    await exhibitors.hold(organizer, b, x, until);
    expect(await exhibitors.releaseExpiredHold(b, until)).toBe(false); // not over yet
    expect(await boothRow(b)).toEqual({ status: 'ON_HOLD', exhibitor_id: x });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await exhibitors.releaseExpiredHold(b, until)).toBe(true);
    expect(await boothRow(b)).toEqual({ status: 'AVAILABLE', exhibitor_id: null });
    expect(await exhibitors.releaseExpiredHold(b, until)).toBe(false); // once
    // A booth held again (a new end) or assigned meanwhile is not released by the old hold's job.
    const later = inFuture(60_000);
    await exhibitors.hold(organizer, b, x, later);
    expect(await exhibitors.releaseExpiredHold(b, until)).toBe(false);
    await exhibitors.assign(organizer, b, x);
    expect(await exhibitors.releaseExpiredHold(b, later)).toBe(false);
    expect(await boothRow(b)).toEqual({ status: 'ASSIGNED', exhibitor_id: x });
    const history = await exhibitors.history(organizer, b);
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actor])).toEqual([
      [null, 'AVAILABLE', null],
      ['AVAILABLE', 'ON_HOLD', organizer.email],
      ['ON_HOLD', 'AVAILABLE', null], // the expiry: no actor
      ['AVAILABLE', 'ON_HOLD', organizer.email],
      ['ON_HOLD', 'ASSIGNED', organizer.email],
    ]);
  });

  it('refuses staff beyond the allotment, also when many join at once, and counts booth area', async () => {
    const x = await exhibitor('Allotted Co'); // no booth: two places
    await exhibitors.enrolStaff(editionId, x, 'one@allotted.example', 'first');
    await exhibitors.enrolStaff(editionId, x, 'two@allotted.example', 'first');
    await expect(exhibitors.enrolStaff(editionId, x, 'three@allotted.example', false)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/All 2 staff places are taken/),
    });
    expect(await exhibitors.staff(organizer, x)).toEqual([
      { email: 'one@allotted.example', admin: true },
      { email: 'two@allotted.example', admin: false },
    ]);
    // Enrolling someone again changes nothing and needs no place.
    await exhibitors.enrolStaff(editionId, x, 'two@allotted.example', 'first');
    // A booth of 6 m × 6 m (36 m²) gives eight places.
    const big = (
      await exhibitors.createBooth(organizer, editionId, { code: 'BIG', hallId, xM: 0, yM: 30, widthM: 6, depthM: 6 })
    ).id;
    await exhibitors.assign(organizer, big, x);
    expect(await exhibitors.allotment(organizer, x)).toEqual({ allotted: 8, used: 2, overridden: false });
    expect(await exhibitors.setAllotment(organizer, x, 2)).toEqual({ allotted: 2, used: 2, overridden: true });
    await expect(exhibitors.enrolStaff(editionId, x, 'three@allotted.example', false)).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const y = await exhibitor('Crowded Co');
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => exhibitors.enrolStaff(editionId, y, `p${i}@crowded.example`, 'first')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect((await exhibitors.staff(organizer, y)).map((s) => s.admin).sort()).toEqual([false, true]);
  });

  it('keeps a person on one exhibitor’s staff: the role is written by the editions lib, in the enrolment’s transaction', async () => {
    const [a, b] = [await exhibitor('Alpha Co'), await exhibitor('Beta Co')];
    await exhibitors.enrolStaff(editionId, a, 'shared@person.example', true);
    await expect(exhibitors.enrolStaff(editionId, b, 'shared@person.example', false)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already staff of another exhibitor/),
    });
    // The editions lib's method never takes over another exhibitor's role either.
    expect(
      await tier.get(EditionsService).setExhibitorRole(editionId, 'shared@person.example', b, { admin: true }),
    ).toBe(false);
    expect(
      await tier.sql(`SELECT exhibitor_id, exhibitor_admin FROM edition_role WHERE email = $1 AND role = $2`, [
        'shared@person.example',
        Role.EXHIBITOR,
      ]),
    ).toEqual([{ exhibitor_id: a, exhibitor_admin: true }]);
    // A failed enrolment leaves no role behind (the allotment is checked before the write, in one transaction).
    const c = await exhibitor('Gamma Co');
    await exhibitors.setAllotment(organizer, c, 0);
    await expect(exhibitors.enrolStaff(editionId, c, 'nobody@gamma.example', true)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await tier.sql(`SELECT 1 FROM edition_role WHERE email = 'nobody@gamma.example'`)).toEqual([]);
    // Removing takes back only this exhibitor's role.
    await exhibitors.removeStaff(organizer, b, 'shared@person.example');
    expect(await exhibitors.staff(organizer, a)).toEqual([{ email: 'shared@person.example', admin: true }]);
    expect(await exhibitors.removeStaff(organizer, a, 'Shared@Person.example')).toEqual([]);
  });
});
