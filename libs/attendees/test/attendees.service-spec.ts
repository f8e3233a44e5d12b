import { AccessLevel, AttendeesModule, AttendeesService, ImportOutcome } from '@app/attendees';
import { ServiceTier } from '@app/testing';

/** The attendees lib's rules on AttendeesService and its real repository: imports by email, and the columns other libs change through it. */
describe('AttendeesService', () => {
  let tier: ServiceTier;
  let attendees: AttendeesService;

  beforeAll(async () => {
    tier = await ServiceTier.create({ imports: [AttendeesModule] });
    attendees = tier.get(AttendeesService);
  });
  afterAll(() => tier.close());

  const row = (email: string, lastName = 'Lovelace') => ({
    email,
    firstName: 'Ada',
    lastName,
    accessLevel: 'expo only',
  });

  it('lets only the edition’s organizers import', async () => {
    const edition = await tier.edition();
    await expect(attendees.import(undefined, edition.id, [row('a@test.example')])).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(
      attendees.import(await tier.withRole(edition.id, 'STAFF'), edition.id, [row('a@test.example')]),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await tier.sql(`SELECT 1 FROM attendee WHERE edition_id = $1`, [edition.id])).toHaveLength(0);
  });

  it('creates, updates or leaves each registration by (edition, email), and refuses bad rows alone', async () => {
    const edition = await tier.edition();
    const organizer = await tier.organizer(edition.id);
    const first = await attendees.import(organizer, edition.id, [
      row('Ada@Test.Example'),
      row('bob@test.example'),
      row('not-an-email'),
    ]);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, refused: 1 });
    expect(first.rows[2]).toMatchObject({ outcome: ImportOutcome.REFUSED, attendeeId: null });
    const again = await attendees.import(organizer, edition.id, [
      row('bob@test.example', 'Builder'),
      row('ada@test.example'),
      row('ada@test.example'),
    ]);
    expect(again.rows.map((r) => r.outcome)).toEqual([
      ImportOutcome.UPDATED,
      ImportOutcome.UNCHANGED,
      ImportOutcome.REFUSED,
    ]);
    expect(again.rows[1].attendeeId).toBe(first.rows[0].attendeeId);
    expect(
      await tier.sql(`SELECT email, last_name, access_level FROM attendee WHERE edition_id = $1 ORDER BY email`, [
        edition.id,
      ]),
    ).toEqual([
      { email: 'ada@test.example', last_name: 'Lovelace', access_level: AccessLevel.EXPO_ONLY },
      { email: 'bob@test.example', last_name: 'Builder', access_level: AccessLevel.EXPO_ONLY },
    ]);
  });

  it('turns schedule-update mails off and on for one registration only', async () => {
    const edition = await tier.edition();
    const mine = await tier.attendee(edition.id);
    const elsewhere = await tier.attendee((await tier.edition()).id, { email: mine.email });
    expect(await attendees.setEmailUpdates(edition.id, mine.email.toUpperCase(), false)).toBe(true);
    expect(await attendees.setEmailUpdates(edition.id, 'nobody@test.example', false)).toBe(false);
    const mails = await tier.sql(`SELECT id, email_updates FROM attendee WHERE id = ANY($1::uuid[])`, [
      [mine.id, elsewhere.id],
    ]);
    expect(Object.fromEntries(mails.map((m) => [m.id, m.email_updates]))).toEqual({
      [mine.id]: false,
      [elsewhere.id]: true,
    });
  });

  it('stamps the check-in with the earliest admission, never a later one', async () => {
    const edition = await tier.edition();
    const [ada, bob] = [await tier.attendee(edition.id), await tier.attendee(edition.id)];
    const at = (time: string) => new Date(`2027-03-08T${time}:00Z`);
    await attendees.markCheckedIn([
      { attendeeId: ada.id, at: at('09:30') },
      { attendeeId: ada.id, at: at('09:10') },
    ]);
    await attendees.markCheckedIn([
      { attendeeId: ada.id, at: at('10:00') },
      { attendeeId: bob.id, at: at('11:00') },
    ]);
    expect((await attendees.byId(ada.id))?.checkedInAt).toEqual(at('09:10'));
    expect((await attendees.byId(bob.id))?.checkedInAt).toEqual(at('11:00'));
  });

  it('keeps one calendar feed path until it is rotated', async () => {
    const edition = await tier.edition();
    const user = await tier.user();
    await tier.attendee(edition.id, { email: user.email });
    const caller = tier.principal(user);
    const [one, two] = await Promise.all([
      attendees.calendarPath(caller, edition.id),
      attendees.calendarPath(caller, edition.id),
    ]);
    expect(two).toBe(one);
    const rotated = await attendees.rotateCalendarToken(caller, edition.id);
    expect(rotated).not.toBe(one);
    expect(await attendees.calendarPath(caller, edition.id)).toBe(rotated);
    await expect(attendees.calendarPath(tier.principal(await tier.user()), edition.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
