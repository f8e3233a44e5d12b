import { uuidV5 } from '@app/sessions';
import { checkScheduleJson, parseScheduleXml } from '@app/testing';
import { TestApp } from './test-app';

const UPDATE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
/** The platform's GUID namespace. Fixed forever: if this changes, every app sees every session as new. */
const NAMESPACE = 'fe81d37e-775d-4540-ba33-9e5c5300bda7';

/** The parts of a c3voc schedule.json these tests read (checkScheduleJson checks the whole document). */
interface ScheduleJsonEvent {
  id: number;
  guid: string;
  title: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  url: string;
  persons: { guid: string; name: string }[];
}
interface ScheduleJson {
  schedule: {
    version: string;
    conference: {
      days: { index: number; date: string; day_start: string; rooms: Record<string, ScheduleJsonEvent[]> }[];
      rooms: { name: string; guid: string }[];
      tracks: { name: string }[];
    };
  };
}

describe('programme exports (frab XML, c3voc schedule.json)', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  const rooms: Record<string, string> = {};
  const speakers: Record<string, string> = {};
  const sessions: Record<string, string> = {};

  /** A GET without any token, as a conference app polls; the body as text whatever its type. */
  const fetch = async (path: string, headers: Record<string, string> = {}) => {
    const res = await t.http
      .get(path)
      .set(headers)
      .buffer(true)
      .parse((stream, done) => {
        let text = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (text += chunk));
        stream.on('end', () => done(null, text));
      });
    return { status: res.status, headers: res.headers as Record<string, string>, text: res.body as string };
  };
  const json = async (id = editionId) => {
    const res = await fetch(`/editions/${id}/schedule.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return { ...res, doc: JSON.parse(res.text) as ScheduleJson };
  };
  const xml = async (id = editionId) => {
    const res = await fetch(`/editions/${id}/schedule.xml`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    return { ...res, ...parseScheduleXml(res.text) };
  };
  /** Every event of a c3voc document, with the day and room it is listed under. */
  const eventsOf = (doc: ScheduleJson) =>
    doc.schedule.conference.days.flatMap((day) =>
      Object.entries(day.rooms).flatMap(([room, events]) => events.map((e) => ({ ...e, day: day.date, under: room }))),
    );

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (
      await t.factory.edition({
        name: 'HealthConnect Export 2027',
        timezone: 'America/Chicago',
        startsOn: '2027-03-08',
        endsOn: '2027-03-10',
      })
    ).id;
    for (const name of ['Hall A', 'Room 204', 'Room 301']) rooms[name] = (await t.factory.room(editionId, { name })).id;
    const interop = await t.factory.track(editionId, 'Interoperability');
    const security = await t.factory.track(editionId, 'Security');
    for (const name of ['Grace Hopper', 'Alan Turing', 'Ada Lovelace', 'Draft Only Speaker', 'Cancelled Only Speaker'])
      speakers[name] = (await t.factory.speaker(editionId, { name, bio: `${name} bio` })).id;
    const add = async (title: string, input: Record<string, unknown>, publish = true) =>
      (sessions[title] = (await t.factory.session(editionId, { title, ...input }, publish)).id);
    // Monday 8 March (CST, UTC-6) and Tuesday 9 March; Wednesday stays empty.
    await add('Opening keynote', {
      format: 'KEYNOTE',
      roomId: rooms['Hall A'],
      trackId: interop.id,
      speakerIds: [speakers['Grace Hopper'], speakers['Alan Turing']],
      startsAt: '2027-03-08T15:00:00Z',
      endsAt: '2027-03-08T16:30:00Z',
    });
    await add('FHIR in practice', {
      roomId: rooms['Room 204'],
      trackId: interop.id,
      speakerIds: [speakers['Ada Lovelace']],
      startsAt: '2027-03-08T17:00:00Z',
      endsAt: '2027-03-08T17:45:00Z',
    });
    await add('Zero trust for hospitals', {
      format: 'WORKSHOP',
      roomId: rooms['Room 301'],
      trackId: security.id,
      startsAt: '2027-03-08T19:00:00Z',
      endsAt: '2027-03-08T21:00:00Z',
    });
    await add('Day two keynote', {
      format: 'KEYNOTE',
      roomId: rooms['Hall A'],
      speakerIds: [speakers['Alan Turing']],
      startsAt: '2027-03-09T15:00:00Z',
      endsAt: '2027-03-09T16:00:00Z',
    });
    await add('Security panel', {
      format: 'PANEL',
      roomId: rooms['Room 204'],
      trackId: security.id,
      speakerIds: [speakers['Grace Hopper'], speakers['Ada Lovelace']],
      startsAt: '2027-03-09T17:00:00Z',
      endsAt: '2027-03-09T18:00:00Z',
    });
    await add(
      'Secret draft',
      {
        roomId: rooms['Room 301'],
        speakerIds: [speakers['Draft Only Speaker']],
        startsAt: '2027-03-09T19:00:00Z',
        endsAt: '2027-03-09T20:00:00Z',
      },
      false,
    );
    await add('Cancelled talk', {
      roomId: rooms['Room 301'],
      speakerIds: [speakers['Cancelled Only Speaker']],
      startsAt: '2027-03-09T20:00:00Z',
      endsAt: '2027-03-09T21:00:00Z',
    });
    await t.ok(
      `mutation($id: ID!) { cancelSession(id: $id, reason: "Speaker ill") { id } }`,
      { id: sessions['Cancelled talk'] },
      admin,
    );
  });
  afterAll(() => t.close());

  const published = [
    'Opening keynote',
    'FHIR in practice',
    'Zero trust for hospitals',
    'Day two keynote',
    'Security panel',
  ];
  const publicSpeakers = ['Grace Hopper', 'Alan Turing', 'Ada Lovelace'];

  it('serves schedule.json that passes the c3voc schema checks and round-trips the programme', async () => {
    const { doc, headers } = await json();
    expect(checkScheduleJson(doc)).toEqual([]);
    expect(headers['access-control-allow-origin']).toBe('*');
    const conf = doc.schedule.conference;
    expect(conf).toMatchObject({
      title: 'HealthConnect Export 2027',
      acronym: 'healthconnect_export_2027',
      start: '2027-03-08',
      end: '2027-03-10',
      daysCount: 3,
      time_zone_name: 'America/Chicago',
    });
    expect(conf.days.map((d) => [d.index, d.date, d.day_start])).toEqual([
      [1, '2027-03-08', '2027-03-08T00:00:00-06:00'],
      [2, '2027-03-09', '2027-03-09T00:00:00-06:00'],
      [3, '2027-03-10', '2027-03-10T00:00:00-06:00'],
    ]);
    // Rooms: the three created, with GUIDs derived from their ids.
    expect(conf.rooms.map((r) => [r.name, r.guid])).toEqual(
      Object.entries(rooms).map(([name, id]) => [name, uuidV5(id, NAMESPACE)]),
    );
    expect(conf.tracks.map((tr) => tr.name)).toEqual(['Interoperability', 'Security']);

    const events = eventsOf(doc);
    expect(events.map((e) => e.title).sort()).toEqual([...published].sort());
    expect(new Set(events.map((e) => e.guid))).toEqual(
      new Set(published.map((title) => uuidV5(sessions[title], NAMESPACE))),
    );
    const persons = new Map(events.flatMap((e) => e.persons.map((p) => [p.guid, p.name])));
    expect([...persons.values()].sort()).toEqual([...publicSpeakers].sort());
    expect([...persons.keys()].sort()).toEqual(publicSpeakers.map((name) => uuidV5(speakers[name], NAMESPACE)).sort());

    const keynote = events.find((e) => e.title === 'Opening keynote')!;
    expect(keynote).toMatchObject({
      day: '2027-03-08',
      under: 'Hall A',
      room: 'Hall A',
      date: '2027-03-08T09:00:00-06:00',
      start: '09:00',
      duration: '01:30',
      track: 'Interoperability',
      type: 'Keynote',
    });
    expect(keynote.persons.map((p) => p.name)).toEqual(['Grace Hopper', 'Alan Turing']);
    expect(keynote.url).toMatch(new RegExp(`/sessions/${sessions['Opening keynote']}$`));
    expect(events.find((e) => e.title === 'Zero trust for hospitals')).toMatchObject({
      under: 'Room 301',
      start: '13:00',
      duration: '02:00',
      type: 'Workshop',
      persons: [],
    });
    expect(events.find((e) => e.title === 'Security panel')).toMatchObject({
      day: '2027-03-09',
      under: 'Room 204',
      start: '11:00',
    });
    expect(Object.values(conf.days[2].rooms).flat()).toEqual([]);
  });

  it('serves frab XML that a real XML parser reads, with the same sessions, rooms, persons and version', async () => {
    const { errors, schedule, text } = await xml();
    expect(errors).toEqual([]);
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const { doc } = await json();
    expect(schedule.version).toBe(doc.schedule.version);
    expect(schedule.timezone).toBe('America/Chicago');
    expect(schedule.days.map((d) => [d.index, d.date])).toEqual([
      [1, '2027-03-08'],
      [2, '2027-03-09'],
      [3, '2027-03-10'],
    ]);

    const events = schedule.days.flatMap((d) => d.rooms.flatMap((r) => r.events.map((e) => ({ ...e, day: d.date }))));
    expect(events.map((e) => e.title).sort()).toEqual([...published].sort());
    expect(new Set(schedule.days.flatMap((d) => d.rooms.map((r) => r.name)))).toEqual(new Set(Object.keys(rooms)));
    const persons = new Map(events.flatMap((e) => e.persons.map((p) => [p.id, p.name])));
    expect([...persons.values()].sort()).toEqual([...publicSpeakers].sort());
    // The same event has the same id and GUID in both formats.
    const byGuid = new Map(eventsOf(doc).map((e) => [e.guid, e]));
    for (const e of events) {
      const other = byGuid.get(e.guid)!;
      expect({ id: e.id, day: e.day, start: e.start, duration: e.duration, room: e.room, date: e.date }).toEqual({
        id: other.id,
        day: other.day,
        start: other.start,
        duration: other.duration,
        room: other.room,
        date: other.date,
      });
    }
    expect(events.find((e) => e.title === 'Security panel')!.persons.map((p) => p.name)).toEqual([
      'Grace Hopper',
      'Ada Lovelace',
    ]);
  });

  it('never shows a draft or a cancelled session, nor speakers who are only on them', async () => {
    for (const res of [
      await fetch(`/editions/${editionId}/schedule.json`),
      await fetch(`/editions/${editionId}/schedule.xml`),
    ]) {
      for (const hidden of [
        'Secret draft',
        'Cancelled talk',
        'Draft Only Speaker',
        'Cancelled Only Speaker',
        sessions['Secret draft'],
        sessions['Cancelled talk'],
        uuidV5(sessions['Secret draft'], NAMESPACE),
        uuidV5(sessions['Cancelled talk'], NAMESPACE),
      ]) {
        expect(res.text).not.toContain(hidden);
      }
      // Positive control: the same search finds what is published.
      expect(res.text).toContain('Opening keynote');
    }
  });

  it('answers 304 to a matching If-None-Match, keeps the version for unrelated changes, and changes it when the programme changes', async () => {
    const first = await fetch(`/editions/${editionId}/schedule.json`);
    const firstXml = await fetch(`/editions/${editionId}/schedule.xml`);
    expect(first.headers.etag).toMatch(/^"[^"]+"$/);
    expect(firstXml.headers.etag).not.toBe(first.headers.etag);
    const poll = await fetch(`/editions/${editionId}/schedule.json`, { 'If-None-Match': first.headers.etag });
    expect(poll.status).toBe(304);
    expect(poll.text).toBe('');
    expect(
      (await fetch(`/editions/${editionId}/schedule.xml`, { 'If-None-Match': `"other", ${firstXml.headers.etag}` }))
        .status,
    ).toBe(304);
    const version = JSON.parse(first.text).schedule.version;
    expect(version).toMatch(/^[0-9a-f]{12}$/);

    // A new speaker with no session yet, and a draft edited: the published programme is the same.
    await t.factory.speaker(editionId, { name: 'Not yet scheduled' });
    await t.ok(UPDATE, { id: sessions['Secret draft'], p: { title: 'Secret draft, renamed' } }, admin);
    const unchanged = await fetch(`/editions/${editionId}/schedule.json`, { 'If-None-Match': first.headers.etag });
    expect(unchanged.status).toBe(304);

    // Day two's keynote moves to Room 301 at 11:00 local: a new version, a new ETag, and the move in both formats.
    await t.ok(
      UPDATE,
      {
        id: sessions['Day two keynote'],
        p: { roomId: rooms['Room 301'], startsAt: '2027-03-09T17:00:00Z', endsAt: '2027-03-09T18:00:00Z' },
      },
      admin,
    );
    const moved = await fetch(`/editions/${editionId}/schedule.json`, { 'If-None-Match': first.headers.etag });
    expect(moved.status).toBe(200);
    expect(moved.headers.etag).not.toBe(first.headers.etag);
    const doc = JSON.parse(moved.text) as ScheduleJson;
    expect(checkScheduleJson(doc)).toEqual([]);
    expect(doc.schedule.version).not.toBe(version);
    expect(eventsOf(doc).find((e) => e.title === 'Day two keynote')).toMatchObject({
      under: 'Room 301',
      start: '11:00',
      guid: uuidV5(sessions['Day two keynote'], NAMESPACE),
    });
    const movedXml = await fetch(`/editions/${editionId}/schedule.xml`, { 'If-None-Match': firstXml.headers.etag });
    expect(movedXml.status).toBe(200);
    const { errors, schedule } = parseScheduleXml(movedXml.text);
    expect(errors).toEqual([]);
    expect(schedule.version).toBe(doc.schedule.version);
    expect(schedule.days[1].rooms.find((r) => r.name === 'Room 301')!.events.map((e) => [e.title, e.start])).toEqual([
      ['Day two keynote', '11:00'],
    ]);
    expect(schedule.days[1].rooms.find((r) => r.name === 'Hall A')!.events).toEqual([]);
  });

  it('answers 404 for an unknown edition and 400 for a malformed id', async () => {
    for (const format of ['json', 'xml']) {
      expect((await fetch(`/editions/00000000-0000-4000-8000-000000000000/schedule.${format}`)).status).toBe(404);
      const bad = await fetch(`/editions/not-an-id/schedule.${format}`);
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text)).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('lists a new edition with no published sessions as empty days, still valid', async () => {
    const empty = (await t.factory.edition({ name: 'Empty', startsOn: '2027-06-01', endsOn: '2027-06-01' })).id;
    const { doc } = await json(empty);
    expect(checkScheduleJson(doc)).toEqual([]);
    expect(doc.schedule.conference).toMatchObject({ acronym: 'empty', daysCount: 1, rooms: [] });
    expect(eventsOf(doc)).toEqual([]);
    expect((await xml(empty)).errors).toEqual([]);
  });
});
