import ICAL from 'ical.js';
import { codeOf, TestApp } from './test-app';

const ADD = `mutation($s: ID!) { addToSchedule(sessionId: $s) { id } }`;
const URL_OF = `query($e: ID!) { myCalendarUrl(editionId: $e) }`;

interface Event {
  uid: string;
  summary: string;
  location: string | null;
  description: string;
  sequence: number;
  status: string | null;
  start: Date;
  end: Date;
}

/** Parses a feed with ical.js, as a calendar app would, and reads its events. */
function parse(body: string): { name: string; events: Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(body));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      description: e.description,
      sequence: e.sequence,
      status: c.getFirstPropertyValue('status') as string | null,
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

describe('calendar feeds', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition({ name: 'Health Show 2027' })).id;
  });
  afterAll(() => t.close());

  it('serves my schedule as RFC 5545 with stable UIDs, rooms, speakers, SEQUENCE on change and cancellations kept', async () => {
    const me = await t.factory.attendee(editionId);
    const room = await t.factory.room(editionId, { name: 'Hall A' });
    const room2 = await t.factory.room(editionId, { name: 'Room 204' });
    const grace = await t.factory.speaker(editionId, { name: 'Grace Hopper' });
    const alan = await t.factory.speaker(editionId, { name: 'Alan Turing' });
    const keynote = await t.factory.session(editionId, {
      title: 'Opening keynote',
      format: 'KEYNOTE',
      roomId: room.id,
      speakerIds: [grace.id, alan.id],
      startsAt: '2027-03-08T15:00:00Z',
      endsAt: '2027-03-08T16:00:00Z',
    });
    const panel = await t.factory.session(editionId, {
      title: 'Interop panel',
      format: 'PANEL',
      startsAt: '2027-03-08T17:00:00Z',
      endsAt: '2027-03-08T18:00:00Z',
    });
    const other = await t.factory.session(editionId, {
      title: 'Not mine',
      startsAt: '2027-03-08T19:00:00Z',
      endsAt: '2027-03-08T20:00:00Z',
    });
    for (const s of [keynote, panel]) await t.ok(ADD, { s: s.id }, me.token);

    const path = (await t.ok(URL_OF, { e: editionId }, me.token)).myCalendarUrl;
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{16,64}\.ics$/);
    expect((await t.ok(URL_OF, { e: editionId }, me.token)).myCalendarUrl).toBe(path);

    const res = await t.http.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    expect(res.text).toMatch(/\r\n/);
    const feed = parse(res.text);
    expect(feed.name).toBe('Health Show 2027: my schedule');
    expect(feed.events.map((e) => e.summary)).toEqual(['Opening keynote', 'Interop panel']);
    const [k] = feed.events;
    expect(k).toMatchObject({ uid: `session-${keynote.id}@conference`, location: 'Hall A', status: 'CONFIRMED' });
    expect(k.start.toISOString()).toBe('2027-03-08T15:00:00.000Z');
    expect(k.end.toISOString()).toBe('2027-03-08T16:00:00.000Z');
    expect(k.description).toContain('Speakers: Grace Hopper, Alan Turing');
    expect(k.description).toContain(`/sessions/${keynote.id}`);
    expect(feed.events.some((e) => e.uid.includes(other.id))).toBe(false);

    // The keynote moves: same UID, higher SEQUENCE, new time and room.
    await t.ok(
      `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`,
      { id: keynote.id, p: { startsAt: '2027-03-08T16:30:00Z', endsAt: '2027-03-08T17:30:00Z', roomId: room2.id } },
      admin,
    );
    await t.ok(`mutation($id: ID!) { cancelSession(id: $id, reason: "Speaker ill") { id } }`, { id: panel.id }, admin);
    const after = parse((await t.http.get(path)).text).events;
    const moved = after.find((e) => e.uid === k.uid)!;
    expect(moved.sequence).toBeGreaterThan(k.sequence);
    expect(moved).toMatchObject({ location: 'Room 204', status: 'CONFIRMED' });
    expect(moved.start.toISOString()).toBe('2027-03-08T16:30:00.000Z');
    const cancelled = after.find((e) => e.uid === `session-${panel.id}@conference`)!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(feed.events[1].sequence);
    expect(cancelled.description).toContain('Speaker ill');
  });

  it('answers 304 to a poll whose ETag still matches, and a new ETag after a change', async () => {
    const me = await t.factory.attendee(editionId);
    const s = await t.factory.session(editionId, { startsAt: '2027-03-11T15:00:00Z', endsAt: '2027-03-11T16:00:00Z' });
    await t.ok(ADD, { s: s.id }, me.token);
    const path = (await t.ok(URL_OF, { e: editionId }, me.token)).myCalendarUrl;
    const first = await t.http.get(path);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    const poll = await t.http.get(path).set('If-None-Match', etag);
    expect(poll.status).toBe(304);
    expect(poll.text ?? '').toBe('');
    await t.ok(
      `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`,
      { id: s.id, p: { title: 'Renamed' } },
      admin,
    );
    const changed = await t.http.get(path).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(parse(changed.text).events[0].summary).toBe('Renamed');
  });

  it('revokes the old URL when the token is rotated; unknown tokens are 404', async () => {
    const me = await t.factory.attendee(editionId);
    const old = (await t.ok(URL_OF, { e: editionId }, me.token)).myCalendarUrl;
    const rotated = (await t.ok(`mutation($e: ID!) { rotateCalendarToken(editionId: $e) }`, { e: editionId }, me.token))
      .rotateCalendarToken;
    expect(rotated).not.toBe(old);
    expect((await t.http.get(old)).status).toBe(404);
    expect((await t.http.get(rotated)).status).toBe(200);
    expect((await t.ok(URL_OF, { e: editionId }, me.token)).myCalendarUrl).toBe(rotated);
    expect((await t.http.get('/calendar/..%2F..%2Fetc%2Fpasswd.ics')).status).toBe(404);
    expect(codeOf(await t.gql(URL_OF, { e: editionId }, (await t.factory.user()).token))).toBe('FORBIDDEN');
  });

  it('publishes the whole programme and each track, published and cancelled sessions only', async () => {
    const e = (await t.factory.edition({ name: 'Track Feeds' })).id;
    const ai = await t.factory.track(e, 'AI in Care');
    const sec = await t.factory.track(e, 'Security');
    await t.factory.session(e, {
      title: 'AI 1',
      trackId: ai.id,
      startsAt: '2027-03-08T15:00:00Z',
      endsAt: '2027-03-08T16:00:00Z',
    });
    await t.factory.session(e, {
      title: 'Sec 1',
      trackId: sec.id,
      startsAt: '2027-03-08T16:00:00Z',
      endsAt: '2027-03-08T17:00:00Z',
    });
    await t.factory.session(e, { title: 'Draft', trackId: ai.id }, false);

    const programme = await t.http.get(`/calendar/editions/${e}/programme.ics`);
    expect(programme.status).toBe(200);
    expect(parse(programme.text).events.map((x) => x.summary)).toEqual(['AI 1', 'Sec 1']);
    const track = parse((await t.http.get(`/calendar/editions/${e}/tracks/${ai.id}.ics`)).text);
    expect(track.name).toBe('Track Feeds: AI in Care');
    expect(track.events.map((x) => x.summary)).toEqual(['AI 1']);
    const poll = await t.http.get(`/calendar/editions/${e}/programme.ics`).set('If-None-Match', programme.headers.etag);
    expect(poll.status).toBe(304);

    await t.factory.session(e, {
      title: 'AI 2',
      trackId: ai.id,
      startsAt: '2027-03-09T15:00:00Z',
      endsAt: '2027-03-09T16:00:00Z',
    });
    const fresh = await t.http
      .get(`/calendar/editions/${e}/programme.ics`)
      .set('If-None-Match', programme.headers.etag);
    expect(fresh.status).toBe(200);
    expect(parse(fresh.text).events.map((x) => x.summary)).toEqual(['AI 1', 'Sec 1', 'AI 2']);

    expect((await t.http.get(`/calendar/editions/${e}/tracks/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(
      404,
    );
    expect((await t.http.get(`/calendar/editions/00000000-0000-4000-8000-000000000000/programme.ics`)).status).toBe(
      404,
    );
    expect((await t.http.get(`/calendar/editions/nope/programme.ics`)).status).toBe(400);
  });
});
