import { clientsLoad, pacedLoad, postJson, Scenario, withFlushProbe } from '../harness';

const ADD = `mutation Add($s: ID!) { addToSchedule(sessionId: $s) { id status waitlistPosition } }`;
const MINE = `query Mine($e: ID!) {
  mySchedule(editionId: $e) {
    id status waitlistPosition
    session { id title startsAt endsAt format room { id name } track { id name } speakers { id name company } }
    conflictsWith { id title }
  }
}`;
const DEMO_ATTENDEE = 'attendee@example.com';

/**
 * 50 attendees adding sessions at once, each working through the programme in their own order, so
 * seat-limited workshops are contended the way they are when registration opens.
 */
export const scheduleAdd: Scenario = {
  name: 'schedule-add',
  async run(ctx) {
    const clients = 50;
    const run = Date.now().toString(36);
    const emails = Array.from({ length: clients }, (_, i) => `bench-${run}-${i}@bench.example`);
    await ctx.db.query(
      `INSERT INTO attendee (edition_id, email, first_name, last_name, access_level) SELECT $1, e, 'Bench', 'Client', 'FULL_CONFERENCE' FROM unnest($2::text[]) e`,
      [ctx.editionId, emails],
    );
    const sessions: { id: string }[] = await ctx.db.query(
      `SELECT id FROM session WHERE edition_id = $1 AND status = 'PUBLISHED' ORDER BY md5(id::text)`,
      [ctx.editionId],
    );
    const tokens = await Promise.all(emails.map((e) => ctx.tokenFor(e)));
    const next = Array.from({ length: clients }, (_, i) => i * 17);
    const statuses: Record<string, number> = {};
    const add = async (client: number) => {
      const session = sessions[next[client]++ % sessions.length];
      const body = await postJson<{ data?: { addToSchedule: { status: string } }; errors?: unknown[] }>(
        `${ctx.url}/graphql`,
        { query: ADD, variables: { s: session.id } },
        { authorization: `Bearer ${tokens[client]}` },
      );
      if (body.errors || !body.data) return false;
      statuses[body.data.addToSchedule.status] = (statuses[body.data.addToSchedule.status] ?? 0) + 1;
      return true;
    };
    const oneClient = await clientsLoad(1, 3, add);
    const { result: load, slowFlushes } = await withFlushProbe(() => clientsLoad(clients, 10, add, ctx.apiPid));
    const { result: paced, slowFlushes: pacedFlushes } = await withFlushProbe(() =>
      pacedLoad(250, 10, (i) => add(i % clients)),
    );
    return {
      clients,
      ...load,
      slowFlushes,
      oneClient: { p50Ms: oneClient.p50Ms, p99Ms: oneClient.p99Ms },
      at250PerSec: { p50Ms: paced.p50Ms, p99Ms: paced.p99Ms, errors: paced.errors, slowFlushes: pacedFlushes },
      statuses,
      targets: { p99Ms: 50 },
    };
  },
};

/**
 * The demo attendee's schedule (~15 entries) with sessions, rooms, tracks, speakers and conflicts,
 * asked on 50 connections at once (the figure), and then by 50 different attendees of the
 * full seed (their own schedules, 10-20 entries each), each asking again as soon as answered.
 */
export const mySchedule: Scenario = {
  name: 'my-schedule',
  async run(ctx) {
    const token = await ctx.tokenFor(DEMO_ATTENDEE);
    const variables = { e: ctx.editionId };
    const sample = await ctx.gql<{ mySchedule: unknown[] }>(MINE, variables, token);
    const again = await ctx.gql(MINE, variables, token);
    const oneClient = await ctx.load({ body: { query: MINE, variables }, token, connections: 1, durationSec: 3 });
    const load = await ctx.load({ body: { query: MINE, variables }, token, cpu: true });
    const people: { email: string }[] = await ctx.db.query(
      `SELECT a.email FROM attendee a JOIN schedule_entry e ON e.attendee_id = a.id
        WHERE a.edition_id = $1 AND a.email <> $2 GROUP BY a.id HAVING count(*) BETWEEN 10 AND 20 ORDER BY md5(a.id::text) LIMIT 50`,
      [ctx.editionId, DEMO_ATTENDEE],
    );
    const tokens = await Promise.all(people.map((p) => ctx.tokenFor(p.email)));
    const body = { query: MINE, variables };
    const ask = async (client: number) => {
      const answer = await postJson<{ data?: { mySchedule: unknown[] }; errors?: unknown[] }>(
        `${ctx.url}/graphql`,
        body,
        { authorization: `Bearer ${tokens[client]}` },
      );
      return !answer.errors && !!answer.data?.mySchedule.length;
    };
    const fiftyAttendees = await clientsLoad(tokens.length, 10, ask, ctx.apiPid);
    return {
      entries: sample.data.mySchedule.length,
      sqlQueriesPerRequest: sample.sqlQueries,
      sqlQueriesPerRepeatedRequest: again.sqlQueries,
      ...load,
      oneClient: { p50Ms: oneClient.p50Ms, p99Ms: oneClient.p99Ms },
      fiftyAttendees: {
        requestsPerSec: fiftyAttendees.requestsPerSec,
        ...(ctx.ceilingPerSec
          ? { fractionOfCeiling: Math.round((fiftyAttendees.requestsPerSec / ctx.ceilingPerSec) * 100) / 100 }
          : {}),
        p50Ms: fiftyAttendees.p50Ms,
        p99Ms: fiftyAttendees.p99Ms,
        errors: fiftyAttendees.errors,
        cpu: fiftyAttendees.cpu,
      },
      targets: { fractionOfCeiling: 0.3, p99Ms: 100 },
    };
  },
};

/** Calendar apps polling a personal feed: a full render each time, and with If-None-Match (304). */
export const ical: Scenario = {
  name: 'ical',
  async run(ctx) {
    const token = await ctx.tokenFor(DEMO_ATTENDEE);
    const { data } = await ctx.gql<{ myCalendarUrl: string }>(
      `query($e: ID!) { myCalendarUrl(editionId: $e) }`,
      { e: ctx.editionId },
      token,
    );
    const path = data.myCalendarUrl;
    const first = await fetch(`${ctx.url}${path}`);
    const etag = first.headers.get('etag')!;
    const events = ((await first.text()).match(/BEGIN:VEVENT/g) ?? []).length;
    const full = await ctx.load({ path, durationSec: 5 });
    const notModified = await ctx.load({ path, durationSec: 5, headers: { 'if-none-match': etag } });
    const programmePath = `/calendar/editions/${ctx.editionId}/programme.ics`;
    const programmeEtag = (await fetch(`${ctx.url}${programmePath}`)).headers.get('etag')!;
    const programme = await ctx.load({ path: programmePath, durationSec: 5 });
    const programmeNotModified = await ctx.load({
      path: programmePath,
      durationSec: 5,
      headers: { 'if-none-match': programmeEtag },
    });
    return {
      events,
      personal: pick(full),
      personalWithEtag: pick(notModified),
      programme: pick(programme),
      programmeWithEtag: pick(programmeNotModified),
      requestsPerSec: full.requestsPerSec,
    };
  },
};

const pick = (r: { requestsPerSec: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number }) => ({
  requestsPerSec: r.requestsPerSec,
  p50Ms: r.p50Ms,
  p99Ms: r.p99Ms,
  errors: r.errors,
  non2xx: r.non2xx,
});
