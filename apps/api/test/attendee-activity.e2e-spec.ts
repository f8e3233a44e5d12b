import { eventually } from '@app/testing';
import { codeOf, TestApp } from './test-app';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

const CHECKPOINT = `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id } }`;
const SCAN = `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome } }`;
const ACTIVITY = `query($id: ID!, $first: Int) {
  attendee(id: $id) {
    id
    scans(first: $first) { id scannedAt checkpointId checkpointName outcome reason direction annulledAt }
    credits { total certificateUrl sessions { credits minutesAttended session { id title } } }
  }
}`;

describe("an attendee's scans and CE credits for the organizers' attendee page", () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.factory.admin();
  });
  afterAll(() => t.close());

  it('lists the scans newest first with the checkpoint, and the credits; organizers only', async () => {
    const e = (await t.factory.edition({ timezone: 'UTC', startsOn: day(-1), endsOn: day(1) })).id;
    const me = await t.factory.attendee(e);
    const { id: badgeId } = (await t.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: me.id }, admin))
      .issueBadge;
    const { code } = await eventually(
      async () => (await t.ok(`query($id: ID!) { badge(id: $id) { status code } }`, { id: badgeId }, admin)).badge,
      (b) => b.status === 'ACTIVE',
    );
    const door = (
      await t.ok(
        CHECKPOINT,
        { e, i: { name: 'North entrance', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } },
        admin,
      )
    ).createCheckpoint.id;
    const session = await t.factory.session(e, {
      title: 'Sepsis prediction',
      ceCredits: 1.5,
      startsAt: minutesFromNow(-5),
      endsAt: minutesFromNow(55),
    });
    const room = (
      await t.ok(
        CHECKPOINT,
        { e, i: { name: 'Room 204', kind: 'SESSION_ROOM', sessionId: session.id, allowed: ['FULL_CONFERENCE'] } },
        admin,
      )
    ).createCheckpoint.id;
    for (const checkpointId of [door, door, room])
      await t.ok(SCAN, { i: { checkpointId, code: code as string } }, admin);

    const { attendee } = await t.ok(ACTIVITY, { id: me.id }, admin);
    expect(
      attendee.scans.map((s: { checkpointName: string; outcome: string }) => [s.checkpointName, s.outcome]),
    ).toEqual([
      ['Room 204', 'ADMITTED'],
      ['North entrance', 'DUPLICATE'],
      ['North entrance', 'ADMITTED'],
    ]);
    expect(attendee.scans[2]).toMatchObject({ checkpointId: door, direction: 'IN', annulledAt: null });
    expect(attendee.credits).toMatchObject({
      total: 1.5,
      certificateUrl: null,
      sessions: [{ credits: 1.5, session: { id: session.id, title: 'Sepsis prediction' } }],
    });
    expect((await t.ok(ACTIVITY, { id: me.id, first: 1 }, admin)).attendee.scans).toHaveLength(1);
    expect(codeOf(await t.gql(ACTIVITY, { id: me.id, first: 0 }, admin))).toBe('BAD_USER_INPUT');

    // The attendee sees their registration, not this organizer view; strangers see nothing.
    const own = await t.ok(ACTIVITY, { id: me.id }, me.token);
    expect(own.attendee).toMatchObject({ id: me.id, scans: null, credits: null });
    const stranger = await t.factory.attendee(e);
    expect((await t.gql(ACTIVITY, { id: me.id }, stranger.token)).data?.attendee ?? null).toBeNull();
  });
});
