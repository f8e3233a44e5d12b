import { TestApp } from './test-app';

const UPDATE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
const CHANGES = `query($e: ID!, $since: DateTime) { scheduleChanges(editionId: $e, since: $since) { id kind summary createdAt session { id title status } } }`;
/** A scheduleChanges entry, as CHANGES reads it. */
interface ScheduleChange {
  id: string;
  kind: string;
  summary: string;
}

const at = (day: number, hour: number, minutes = 0) =>
  new Date(Date.UTC(2027, 2, day, hour + 6, minutes)).toISOString();

describe('schedule changes', () => {
  let t: TestApp;
  let admin: string;
  let e: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    e = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it('records each visible change to a published session with a summary in local time, and an outbox message in the same transaction', async () => {
    const hallA = await t.factory.room(e, { name: 'Hall A' });
    const room204 = await t.factory.room(e, { name: 'Room 204' });
    const keynote = await t.factory.session(e, {
      title: 'Opening keynote',
      roomId: hallA.id,
      startsAt: at(8, 10),
      endsAt: at(8, 11),
    });
    const draft = await t.factory.session(e, { title: 'Draft', startsAt: at(8, 10), endsAt: at(8, 11) }, false);

    await t.ok(UPDATE, { id: draft.id, p: { startsAt: at(8, 12), endsAt: at(8, 13) } }, admin); // drafts notify nobody
    await t.ok(UPDATE, { id: keynote.id, p: { abstract: 'New abstract' } }, admin); // nothing attendees act on
    await t.ok(
      UPDATE,
      { id: keynote.id, p: { roomId: room204.id, startsAt: at(8, 11, 30), endsAt: at(8, 12, 30) } },
      admin,
    );
    const speaker = await t.factory.speaker(e, { name: 'Ana Ruiz' });
    await t.ok(UPDATE, { id: keynote.id, p: { speakerIds: [speaker.id] } }, admin);
    await t.ok(
      `mutation($id: ID!) { cancelSession(id: $id, reason: "Power outage") { id } }`,
      { id: keynote.id },
      admin,
    );

    const { scheduleChanges } = await t.ok(CHANGES, { e });
    expect(scheduleChanges.map((c: ScheduleChange) => [c.kind, c.summary])).toEqual([
      ['TIME_CHANGED', '"Opening keynote" moved from Hall A, Mon 8 Mar 10:00 to Room 204, Mon 8 Mar 11:30'],
      ['SPEAKER_CHANGED', '"Opening keynote" speakers changed from no speakers to Ana Ruiz'],
      ['CANCELLED', '"Opening keynote" (Room 204, Mon 8 Mar 11:30) is cancelled: Power outage'],
    ]);
    expect(scheduleChanges[2].session).toEqual({ id: keynote.id, title: 'Opening keynote', status: 'CANCELLED' });

    const outbox: { topic: string; payload: { scheduleChangeId?: string } }[] = await t.db.query(
      `SELECT topic, payload FROM outbox_message ORDER BY id`,
    );
    const changes = outbox.filter((m) => m.topic === 'schedule.changed');
    expect(changes.map((m) => m.payload.scheduleChangeId)).toEqual(scheduleChanges.map((c: ScheduleChange) => c.id));
    // The room move may have brought more seats: the waitlist is looked at too.
    expect(outbox.filter((m) => m.topic !== 'schedule.changed')).toEqual([
      { topic: 'session.seats', payload: { sessionId: keynote.id } },
    ]);

    const since = (await t.ok(CHANGES, { e, since: scheduleChanges[1].createdAt })).scheduleChanges;
    expect(since.map((c: ScheduleChange) => c.kind)).toEqual(['CANCELLED']);
  });

  it('records nothing when a change is refused', async () => {
    const room = await t.factory.room(e);
    await t.factory.session(e, { roomId: room.id, startsAt: at(9, 9), endsAt: at(9, 10) });
    const other = await t.factory.session(e, { startsAt: at(9, 11), endsAt: at(9, 12) });
    const before = await t.db.query(`SELECT count(*)::int AS n FROM schedule_change`);
    const res = await t.gql(UPDATE, { id: other.id, p: { roomId: room.id, startsAt: at(9, 9, 30) } }, admin);
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM schedule_change`)).toEqual(before);
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'sessionId' = $1`, [other.id]),
    ).toEqual([{ n: 0 }]);
  });
});
