import { codeOf, TestApp } from './test-app';

const CREATE_SESSION = `mutation($e: ID!, $i: SessionInput!) { createSession(editionId: $e, input: $i) { id status title } }`;
const PUBLISH = `mutation($id: ID!) { publishSession(id: $id) { id status } }`;
const UPDATE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id title startsAt endsAt room { name } speakers { name } } }`;
const CANCEL = `mutation($id: ID!, $r: String!) { cancelSession(id: $id, reason: $r) { id status } }`;
const SESSIONS = `query($e: ID!, $f: SessionFilter, $first: Int, $after: String) {
  sessions(editionId: $e, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { cursor node { id title status startsAt room { name } track { name } speakers { name } } }
  }
}`;

/** A sessions edge, with the fields these tests read. */
interface SessionEdge {
  node: { id: string; title: string; edition: { id: string; timezone: string } };
}

// Chicago is UTC-6 in early March 2027 (DST starts 14 March).
const at = (day: number, hour: number, minutes = 0) =>
  new Date(Date.UTC(2027, 2, day, hour + 6, minutes)).toISOString();

describe('the programme', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  describe('editions', () => {
    it('creates an edition and lists its rooms and tracks', async () => {
      const e = await t.factory.edition({
        name: 'HealthTech 2028',
        year: 2028,
        startsOn: '2028-03-06',
        endsOn: '2028-03-10',
        timezone: 'Europe/Berlin',
      });
      await t.factory.room(e.id, { name: 'Hall A', capacity: 3000 });
      await t.factory.track(e.id, 'AI in care');
      const { edition } = await t.ok(
        `query($id: ID!) { edition(id: $id) { name year timezone startsOn endsOn rooms { name capacity } tracks { name } } }`,
        { id: e.id },
      );
      expect(edition).toEqual({
        name: 'HealthTech 2028',
        year: 2028,
        timezone: 'Europe/Berlin',
        startsOn: '2028-03-06',
        endsOn: '2028-03-10',
        rooms: [{ name: 'Hall A', capacity: 3000 }],
        tracks: [{ name: 'AI in care' }],
      });
      const { editions } = await t.ok(`{ editions { id } }`);
      expect(editions.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([e.id, editionId]));
    });

    it.each([
      [{ timezone: 'Mars/Olympus' }, 'unknown timezone'],
      [{ timezone: '+02:00' }, 'an offset is not a timezone'],
      [{ startsOn: '2027-02-30' }, 'no such day'],
      [{ startsOn: '2027-03-12', endsOn: '2027-03-08' }, 'ends before it starts'],
      [{ startsOn: '03/08/2027' }, 'not ISO'],
      [{ year: 1999 }, 'year out of range'],
    ] as [object, string][])('refuses a bad edition (%j: %s) with BAD_USER_INPUT', async (patch) => {
      const res = await t.gql(
        `mutation($i: EditionInput!) { createEdition(input: $i) { id } }`,
        {
          i: {
            name: 'X',
            year: 2027,
            timezone: 'America/Chicago',
            startsOn: '2027-03-08',
            endsOn: '2027-03-12',
            ...patch,
          },
        },
        admin,
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    });

    it('refuses a duplicate room name with CONFLICT', async () => {
      await t.factory.room(editionId, { name: 'Room 101' });
      const res = await t.gql(
        `mutation($e: ID!) { createRoom(editionId: $e, input: { name: "Room 101", capacity: 10 }) { id } }`,
        { e: editionId },
        admin,
      );
      expect(codeOf(res)).toBe('CONFLICT');
    });
  });

  describe('who may change the programme', () => {
    it('needs a token, then the organizer role', async () => {
      const input = { title: 'T', format: 'PANEL', startsAt: at(8, 9), endsAt: at(8, 10) };
      expect(codeOf(await t.gql(CREATE_SESSION, { e: editionId, i: input }))).toBe('UNAUTHENTICATED');
      const someone = await t.factory.user();
      expect(codeOf(await t.gql(CREATE_SESSION, { e: editionId, i: input }, someone.token))).toBe('FORBIDDEN');
      expect(
        codeOf(
          await t.gql(
            `mutation { createEdition(input: { name: "X", year: 2027, timezone: "UTC", startsOn: "2027-01-01", endsOn: "2027-01-02" }) { id } }`,
            {},
            someone.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      // An organizer role granted by email applies to the account.
      await t.ok(
        `mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: ORGANIZER) }`,
        { e: editionId, m: someone.email.toUpperCase() },
        admin,
      );
      const res = await t.gql(CREATE_SESSION, { e: editionId, i: input }, someone.token);
      expect(res.errors).toBeUndefined();
      expect(res.data.createSession.status).toBe('DRAFT');
    });

    it('answers NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async () => {
      expect(codeOf(await t.gql(PUBLISH, { id: '00000000-0000-4000-8000-000000000000' }, admin))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(PUBLISH, { id: 'nope' }, admin))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(`query { session(id: "12'; drop table session;--") { id } }`))).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await t.gql(
            CREATE_SESSION,
            {
              e: '00000000-0000-4000-8000-000000000000',
              i: { title: 'T', format: 'PANEL', startsAt: at(8, 9), endsAt: at(8, 10) },
            },
            admin,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await t.gql(
            CREATE_SESSION,
            {
              e: editionId,
              i: {
                title: 'T',
                format: 'PANEL',
                startsAt: at(8, 9),
                endsAt: at(8, 10),
                roomId: '00000000-0000-4000-8000-000000000000',
              },
            },
            admin,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await t.gql(
            CREATE_SESSION,
            { e: editionId, i: { title: 'T', format: 'PANEL', startsAt: 'yesterday', endsAt: at(8, 10) } },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(
          await t.gql(
            CREATE_SESSION,
            { e: editionId, i: { title: 'T', format: 'LECTURE', startsAt: at(8, 9), endsAt: at(8, 10) } },
            admin,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(`{ sessions(editionId: "${editionId}", first: 1000) { totalCount } }`))).toBe(
        'BAD_USER_INPUT',
      );
      expect(codeOf(await t.gql(`{ sessions(editionId: "${editionId}", after: "garbage") { totalCount } }`))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('session rules', () => {
    it('refuses a session that ends before it starts or falls outside the edition days (in its timezone)', async () => {
      const make = (startsAt: string, endsAt: string) =>
        t.gql(CREATE_SESSION, { e: editionId, i: { title: 'T', format: 'PANEL', startsAt, endsAt } }, admin);
      expect(codeOf(await make(at(8, 10), at(8, 9)))).toBe('BAD_USER_INPUT');
      expect(codeOf(await make(at(8, 10), at(8, 10)))).toBe('BAD_USER_INPUT');
      // 23:30 on the 7th in Chicago is already the 8th in UTC, yet before the edition.
      expect(codeOf(await make(at(7, 23, 30), at(8, 1)))).toBe('BAD_USER_INPUT');
      // 23:00-23:59 on the last local day is fine, although it is the 13th in UTC.
      const late = await make(at(12, 23), at(12, 23, 59));
      expect(late.errors).toBeUndefined();
      expect(codeOf(await make(at(12, 23), at(13, 0, 30)))).toBe('BAD_USER_INPUT');
    });

    it('never lets two published sessions share a room at overlapping times, naming the other one', async () => {
      const room = await t.factory.room(editionId, { name: 'Room 204' });
      const first = await t.factory.session(editionId, {
        title: 'Interoperability now',
        roomId: room.id,
        startsAt: at(9, 10),
        endsAt: at(9, 11),
      });
      const second = await t.factory.session(
        editionId,
        { title: 'FHIR deep dive', roomId: room.id, startsAt: at(9, 10, 30), endsAt: at(9, 11, 30) },
        false,
      );
      const res = await t.gql(PUBLISH, { id: second.id }, admin);
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0].message).toContain('Interoperability now');
      expect(res.errors![0].extensions!.conflictingSessionId).toBe(first.id);
      // Back to back is fine; moving into the slot is refused the same way.
      await t.ok(UPDATE, { id: second.id, p: { startsAt: at(9, 11), endsAt: at(9, 12) } }, admin);
      await t.ok(PUBLISH, { id: second.id }, admin);
      expect(codeOf(await t.gql(UPDATE, { id: second.id, p: { startsAt: at(9, 10, 45) } }, admin))).toBe('CONFLICT');
      // A cancelled session frees the room.
      await t.ok(CANCEL, { id: first.id, r: 'Speaker ill' }, admin);
      await t.ok(UPDATE, { id: second.id, p: { startsAt: at(9, 10, 30) } }, admin);
    });

    it('the database itself refuses a double-booked room, whatever the service does', async () => {
      const room = await t.factory.room(editionId);
      await t.factory.session(editionId, { roomId: room.id, startsAt: at(10, 9), endsAt: at(10, 10) });
      await expect(
        t.db.query(
          `INSERT INTO session (edition_id, title, format, status, starts_at, ends_at, room_id) VALUES ($1, 'x', 'PANEL', 'PUBLISHED', $2, $3, $4)`,
          [editionId, at(10, 9, 30), at(10, 10, 30), room.id],
        ),
      ).rejects.toThrow(/session_room_no_overlap/);
    });

    it('concurrent publishes into one room slot: exactly one wins', async () => {
      const room = await t.factory.room(editionId);
      const drafts = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.factory.session(
            editionId,
            { title: `Race ${i}`, roomId: room.id, startsAt: at(11, 14), endsAt: at(11, 15) },
            false,
          ),
        ),
      );
      const results = await Promise.all(drafts.map((d) => t.gql(PUBLISH, { id: d.id }, admin)));
      expect(results.filter((r) => !r.errors).length).toBe(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT').length).toBe(7);
    });

    it('never puts a speaker in two overlapping published sessions', async () => {
      const speaker = await t.factory.speaker(editionId, { name: 'Dr. Grace Hopper' });
      await t.factory.session(editionId, {
        title: 'Keynote',
        speakerIds: [speaker.id],
        startsAt: at(10, 13),
        endsAt: at(10, 14),
      });
      const clash = await t.factory.session(
        editionId,
        { title: 'Panel', speakerIds: [speaker.id], startsAt: at(10, 13, 30), endsAt: at(10, 14, 30) },
        false,
      );
      const res = await t.gql(PUBLISH, { id: clash.id }, admin);
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0].message).toMatch(/Grace Hopper.*Keynote/);
      // Adding the speaker to an overlapping published session is refused too.
      const other = await t.factory.session(editionId, {
        title: 'Workshop',
        startsAt: at(10, 13, 45),
        endsAt: at(10, 15),
      });
      expect(codeOf(await t.gql(UPDATE, { id: other.id, p: { speakerIds: [speaker.id] } }, admin))).toBe('CONFLICT');
      // In a draft it is allowed (drafts are plans).
      await t.ok(UPDATE, { id: clash.id, p: { title: 'Panel (draft)' } }, admin);
    });

    it('keeps cancelled sessions cancelled and validates the reason', async () => {
      const s = await t.factory.session(editionId);
      expect(codeOf(await t.gql(CANCEL, { id: s.id, r: '   ' }, admin))).toBe('BAD_USER_INPUT');
      await t.ok(CANCEL, { id: s.id, r: 'Room flooded' }, admin);
      expect(codeOf(await t.gql(PUBLISH, { id: s.id }, admin))).toBe('CONFLICT');
    });

    it('refuses CE credits that are not in quarter steps', async () => {
      const res = await t.gql(
        CREATE_SESSION,
        { e: editionId, i: { title: 'T', format: 'EDUCATION', startsAt: at(8, 9), endsAt: at(8, 10), ceCredits: 0.3 } },
        admin,
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    });
  });

  describe('browsing', () => {
    let e: string;
    let trackId: string;
    let speakerId: string;

    beforeAll(async () => {
      e = (await t.factory.edition()).id;
      const track = await t.factory.track(e, 'Cybersecurity');
      trackId = track.id;
      const room = await t.factory.room(e, { name: 'Lakeside' });
      speakerId = (await t.factory.speaker(e, { name: 'Ana Ruiz', company: 'Mercy Health' })).id;
      await t.factory.session(e, {
        title: 'Ransomware response in hospitals',
        abstract: 'Lessons from three incidents',
        trackId,
        roomId: room.id,
        speakerIds: [speakerId],
        startsAt: at(8, 9),
        endsAt: at(8, 10),
      });
      await t.factory.session(e, { title: 'Nurse staffing with AI', startsAt: at(8, 23), endsAt: at(8, 23, 45) });
      await t.factory.session(e, { title: 'Patient portals', format: 'THEATER', startsAt: at(9, 8), endsAt: at(9, 9) });
      await t.factory.session(e, { title: 'Draft idea', startsAt: at(9, 8), endsAt: at(9, 9) }, false);
    });

    it('shows the public only published sessions; organizers see drafts', async () => {
      const pub = await t.ok(SESSIONS, { e });
      expect(pub.sessions.totalCount).toBe(3);
      const org = await t.ok(SESSIONS, { e }, admin);
      expect(org.sessions.totalCount).toBe(4);
      const draftId = org.sessions.edges.find((x: SessionEdge) => x.node.title === 'Draft idea').node.id;
      expect((await t.ok(`query($id: ID!) { session(id: $id) { id } }`, { id: draftId })).session).toBeNull();
    });

    it('filters by local day in the edition timezone', async () => {
      // 23:00 on the 8th in Chicago is the 9th in UTC: still the 8th's agenda.
      const day8 = await t.ok(SESSIONS, { e, f: { day: '2027-03-08' } });
      expect(day8.sessions.edges.map((x: SessionEdge) => x.node.title)).toEqual([
        'Ransomware response in hospitals',
        'Nurse staffing with AI',
      ]);
      const day9 = await t.ok(SESSIONS, { e, f: { day: '2027-03-09' } });
      expect(day9.sessions.edges.map((x: SessionEdge) => x.node.title)).toEqual(['Patient portals']);
      expect(codeOf(await t.gql(SESSIONS, { e, f: { day: '2027-02-31' } }))).toBe('BAD_USER_INPUT');
    });

    it('filters by track, room, format, speaker and full-text search', async () => {
      const titles = async (f: object) =>
        (await t.ok(SESSIONS, { e, f })).sessions.edges.map((x: SessionEdge) => x.node.title);
      expect(await titles({ trackId })).toEqual(['Ransomware response in hospitals']);
      expect(await titles({ format: 'THEATER' })).toEqual(['Patient portals']);
      expect(await titles({ speakerId })).toEqual(['Ransomware response in hospitals']);
      expect(await titles({ search: 'incident' })).toEqual(['Ransomware response in hospitals']); // stemmed, from the abstract
      expect(await titles({ search: 'staffing AI' })).toEqual(['Nurse staffing with AI']);
      expect(await titles({ search: 'blockchain' })).toEqual([]);
    });

    it("names each session's edition (its timezone dates the session page), one edition read for a page of sessions", async () => {
      const { sessions } = await t.ok(
        `query($e: ID!) { sessions(editionId: $e) { edges { node { id edition { id timezone } } } } }`,
        { e },
      );
      expect(sessions.edges.map((x: SessionEdge) => x.node.edition)).toEqual(
        sessions.edges.map(() => ({ id: e, timezone: 'America/Chicago' })),
      );
      const { session } = await t.ok(`query($id: ID!) { session(id: $id) { edition { id startsOn endsOn } } }`, {
        id: sessions.edges[0].node.id,
      });
      expect(session.edition.id).toBe(e);
    });

    it('pages with cursors in start order, with a stable totalCount', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const { sessions } = await t.ok(SESSIONS, { e, first: 1, after });
        expect(sessions.totalCount).toBe(3);
        seen.push(...sessions.edges.map((x: SessionEdge) => x.node.title));
        if (!sessions.pageInfo.hasNextPage) break;
        after = sessions.pageInfo.endCursor;
      }
      expect(seen).toEqual(['Ransomware response in hospitals', 'Nurse staffing with AI', 'Patient portals']);
    });

    it('searches speakers by name or company, with their sessions', async () => {
      const q = `query($e: ID!, $s: String) { speakers(editionId: $e, search: $s) { totalCount edges { node { name company sessions { title } } } } }`;
      const byCompany = await t.ok(q, { e, s: 'mercy' });
      expect(byCompany.speakers).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              name: 'Ana Ruiz',
              company: 'Mercy Health',
              sessions: [{ title: 'Ransomware response in hospitals' }],
            },
          },
        ],
      });
      expect((await t.ok(q, { e, s: '100%_' })).speakers.totalCount).toBe(0);
    });
  });

  describe('query cost', () => {
    it('lists 200 sessions with speakers, rooms and tracks in a constant number of SQL queries', async () => {
      const e = (await t.factory.edition()).id;
      const rooms = await Promise.all(Array.from({ length: 10 }, (_, i) => t.factory.room(e, { name: `R${i}` })));
      const tracks = await Promise.all(Array.from({ length: 4 }, (_, i) => t.factory.track(e, `T${i}`)));
      const speakers = await Promise.all(Array.from({ length: 30 }, (_, i) => t.factory.speaker(e, { name: `S${i}` })));
      // Insert directly: 200 published sessions, 20 per room, each with two speakers.
      const rows = Array.from({ length: 200 }, (_, i) => [
        e,
        `Talk ${i}`,
        rooms[i % 10].id,
        tracks[i % 4].id,
        at(8 + Math.floor(i / 10 / 4), 8 + ((i / 10) % 4) * 2),
      ]);
      for (const [edition, title, roomId, trackId, startsAt] of rows) {
        const [{ id }] = await t.db.query(
          `INSERT INTO session (edition_id, title, format, status, starts_at, ends_at, room_id, track_id) VALUES ($1, $2, 'EDUCATION', 'PUBLISHED', $3, $3::timestamptz + interval '1 hour', $4, $5) RETURNING id`,
          [edition, title, startsAt, roomId, trackId],
        );
        const n = Number(title.split(' ')[1]);
        await t.db.query(
          `INSERT INTO session_speaker (session_id, speaker_id, position) VALUES ($1, $2, 0), ($1, $3, 1)`,
          [id, speakers[n % 30].id, speakers[(n + 7) % 30].id],
        );
      }
      const small = await t.gql(SESSIONS, { e, first: 5 });
      const big = await t.gql(SESSIONS, { e, first: 200 });
      expect(big.data.sessions.edges).toHaveLength(200);
      expect(big.data.sessions.edges[199].node.speakers).toHaveLength(2);
      expect(big.sqlQueries).toBe(small.sqlQueries);
      expect(big.sqlQueries).toBeLessThanOrEqual(5);
    });

    it('refuses queries that are too deep or too complex', async () => {
      const deep = `{ sessions(editionId: "${editionId}") { edges { node { speakers { sessions { speakers { sessions { speakers { sessions { speakers { name } } } } } } } } } } }`;
      const res = await t.gql(deep);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/too deep/);
      const wide = `{ a: sessions(editionId: "${editionId}", first: 200) { edges { node { speakers { sessions { title speakers { name } } } } } } b: sessions(editionId: "${editionId}", first: 200) { edges { node { speakers { sessions { title speakers { name } } } } } } }`;
      const res2 = await t.gql(wide);
      expect(codeOf(res2)).toBe('BAD_USER_INPUT');
      expect(res2.errors![0].message).toMatch(/too complex/);
      // The same text measured again with another page size (measures are remembered per text and numbers).
      const paged = `query($e: ID!, $n: Int) { a: sessions(editionId: $e, first: $n) { edges { node { speakers { sessions { title speakers { name } } } } } } b: sessions(editionId: $e, first: $n) { edges { node { speakers { sessions { title speakers { name } } } } } } }`;
      expect((await t.gql(paged, { e: editionId, n: 2 })).errors).toBeUndefined();
      expect((await t.gql(paged, { e: editionId, n: 2 })).errors).toBeUndefined();
      expect((await t.gql(paged, { e: editionId, n: 200 })).errors![0].message).toMatch(/too complex/);
    });
  });
});

describe('the public cache', () => {
  let t: TestApp;
  let admin: string;
  let e: string;
  const AGENDA = `query($e: ID!) { sessions(editionId: $e) { edges { node { title startsAt } } } }`;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.factory.admin();
    e = (await t.factory.edition()).id;
  });
  afterAll(() => t.close());

  it('answers repeated anonymous reads from memory, and never serves a moved session stale', async () => {
    const s = await t.factory.session(e, { title: 'Opening keynote', startsAt: at(8, 9), endsAt: at(8, 10) });
    const first = await t.gql(AGENDA, { e });
    expect(first.headers['x-cache']).toBeUndefined();
    const second = await t.gql(AGENDA, { e });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.data).toEqual(first.data);
    // A calendar app polling with the ETag gets 304 Not Modified.
    const polled = await t.http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .set('If-None-Match', second.headers.etag)
      .send({ query: AGENDA, variables: { e } });
    expect(polled.status).toBe(304);

    await t.ok(UPDATE, { id: s.id, p: { startsAt: at(8, 11), endsAt: at(8, 12) } }, admin);
    const moved = await t.gql(AGENDA, { e });
    expect(moved.headers['x-cache']).toBeUndefined();
    expect(moved.data.sessions.edges[0].node.startsAt).toBe(at(8, 11));
  });

  it('shares the public answers with signed-in callers who see the public view, but never with organizers; never caches seat counts', async () => {
    const draftsToo = await t.factory.session(
      e,
      { title: 'Unannounced panel', startsAt: at(8, 13), endsAt: at(8, 14) },
      false,
    );
    const AGENDA_SIGNED_IN = `query Signed($e: ID!) { sessions(editionId: $e) { edges { node { title attendance { reserved } } } } }`;
    const user = await t.factory.user();
    const first = await t.gql(AGENDA_SIGNED_IN, { e }, user.token); // a signed-in attendee fills the cache ...
    expect(first.headers['x-cache']).toBeUndefined();
    const anonymous = await t.gql(AGENDA_SIGNED_IN, { e }); // ... that anonymous visitors then share
    expect(anonymous.headers['x-cache']).toBe('hit');
    expect(anonymous.data).toEqual(first.data);
    expect((await t.gql(AGENDA_SIGNED_IN, { e }, user.token)).headers['x-cache']).toBe('hit');
    expect(first.data.sessions.edges.map((x: { node: { title: string } }) => x.node.title)).not.toContain(
      draftsToo.title,
    );

    // Organizers see drafts and attendance counts: always a fresh answer of their own.
    const organizer = await t.gql(AGENDA_SIGNED_IN, { e }, admin);
    expect(organizer.headers['x-cache']).toBeUndefined();
    expect(organizer.data.sessions.edges.map((x: { node: { title: string } }) => x.node.title)).toContain(
      draftsToo.title,
    );
    expect(organizer.data.sessions.edges[0].node.attendance).not.toBeNull();
    const promoted = await t.factory.user();
    await t.ok(
      `mutation($e: ID!, $m: String!) { grantRole(editionId: $e, email: $m, role: ORGANIZER) }`,
      { e, m: promoted.email },
      admin,
    );
    expect((await t.gql(AGENDA_SIGNED_IN, { e }, promoted.token)).headers['x-cache']).toBeUndefined();

    // A bad token is refused, cached answer or not.
    expect(codeOf(await t.gql(AGENDA_SIGNED_IN, { e }, 'not.a.token'))).toBe('UNAUTHENTICATED');

    const seats = `query($e: ID!) { sessions(editionId: $e) { edges { node { seatsTaken } } } }`;
    await t.gql(seats, { e });
    expect((await t.gql(seats, { e })).headers['x-cache']).toBeUndefined();
  });
});
