import { Scenario } from '../harness';

export const AGENDA_DAY = '2027-03-09';

const AGENDA = `query Agenda($e: ID!, $day: String!) {
  sessions(editionId: $e, filter: { day: $day }, first: 200) {
    totalCount
    edges { node { id title format status startsAt endsAt capacity room { id name } track { id name } speakers { id name company } } }
  }
}`;

/** The part of AGENDA's answer the scenarios report. */
type AgendaData = { sessions: { edges: unknown[] } };

/** One day's published programme with speakers, rooms and tracks, anonymously: what every attendee app loads first (served from the public cache after the first request). */
export const agenda: Scenario = {
  name: 'agenda',
  async run(ctx) {
    const variables = { e: ctx.editionId, day: AGENDA_DAY };
    const sample = await ctx.gql<AgendaData>(AGENDA, variables);
    const load = await ctx.load({ body: { query: AGENDA, variables } });
    return {
      sessions: sample.data.sessions.edges.length,
      sqlQueriesPerRequest: sample.sqlQueries,
      ...load,
      targets: { p99Ms: 100, fractionOfCeiling: 0.4 },
    };
  },
};

/** A bare Apollo resolver returning a constant, on the same stack in its own process (ceiling-server.ts): the stack's ceiling. */
export const ceiling: Scenario = {
  name: 'ceiling',
  async run(ctx) {
    return ctx.load({ base: ctx.ceilingUrl, path: '/bench/ceiling', body: { query: '{ ping }' } });
  },
};

/** The same agenda for a signed-in attendee: they see the public view, so they share the public cache (one SQL query: do they organize anything?). */
export const agendaSignedIn: Scenario = {
  name: 'agenda-signed-in',
  async run(ctx) {
    const { data } = await ctx.gql<{ login: { token: string } }>(
      `mutation { login(email: "attendee@example.com", password: "attendee-demo") { token } }`,
    );
    const token = data.login.token;
    const variables = { e: ctx.editionId, day: AGENDA_DAY };
    const load = await ctx.load({ body: { query: AGENDA, variables }, token });
    return { ...load };
  },
};

/**
 * The same agenda for an organizer (drafts included), as the back office's programme grid reads it:
 * served from the organizers' view of the cache (shared by the organizers of the same editions, renewed
 * by every change, drafts included), so a repeated read costs a role lookup. One organizer alone, then 50.
 */
export const agendaOrganizer: Scenario = {
  name: 'agenda-organizer',
  async run(ctx) {
    const token = await ctx.tokenFor('organizer@example.com');
    const variables = { e: ctx.editionId, day: AGENDA_DAY };
    const sample = await ctx.gql<AgendaData>(AGENDA, variables, token);
    const one = await ctx.load({ body: { query: AGENDA, variables }, token, connections: 1, durationSec: 5 });
    const load = await ctx.load({ body: { query: AGENDA, variables }, token });
    return {
      sessions: sample.data.sessions.edges.length,
      sqlQueriesPerRequest: sample.sqlQueries,
      ...load,
      oneClient: { p50Ms: one.p50Ms, p99Ms: one.p99Ms },
      targets: { oneClientP99Ms: 100, fractionOfCeiling: 0.15 },
    };
  },
};
