import { clientsLoad, postJson, Scenario } from '../harness';

const SEARCH = `query Attendees($e: ID!, $f: AttendeeFilter, $after: String) {
  attendees(editionId: $e, filter: $f, first: 50, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id firstName lastName email company accessLevel checkedInAt badge { id status } } }
  }
}`;

type SearchData = { attendees: { totalCount: number; edges: unknown[] } };

/**
 * What an organizer types into the attendee list's search box, taken from the full seed: whole last
 * and first names, the start of a last name, a company, the start of an email address; some with a
 * filter (access level, checked in, badge status) beside them.
 */
async function searchTerms(ctx: Parameters<Scenario['run']>[0]): Promise<Record<string, unknown>[]> {
  const rows: { last_name: string; first_name: string; company: string | null; email: string }[] = await ctx.db.query(
    `SELECT last_name, first_name, company, email FROM attendee WHERE edition_id = $1 ORDER BY md5(id::text) LIMIT 40`,
    [ctx.editionId],
  );
  const terms = rows.flatMap((r, i) => [
    { search: r.last_name },
    { search: r.first_name.toLowerCase() },
    { search: r.last_name.slice(0, 4) },
    { search: r.email.slice(0, Math.min(8, r.email.indexOf('@'))) },
    ...(r.company ? [{ search: r.company }] : []),
    ...(i % 4 === 0 ? [{ search: r.last_name, accessLevel: 'FULL_CONFERENCE' }] : []),
    ...(i % 4 === 1 ? [{ search: r.last_name.slice(0, 4), checkedIn: false }] : []),
    ...(i % 4 === 2 ? [{ search: r.company ?? r.last_name, badgeStatus: 'ACTIVE' }] : []),
  ]);
  return [{}, { accessLevel: 'PRESS' }, { checkedIn: true }, { badgeStatus: 'NONE' }, ...terms];
}

/** One organizer searching the 40,000 registrations of the full edition, back to back: p50 and p99. */
export const attendeeSearch: Scenario = {
  name: 'attendee-search',
  async run(ctx) {
    const token = await ctx.tokenFor('organizer@example.com');
    const filters = await searchTerms(ctx);
    const sample = await ctx.gql<SearchData>(SEARCH, { e: ctx.editionId, f: { search: 'gupta' } }, token);
    let n = 0;
    const search = async () => {
      const body = await postJson<{ data?: SearchData }>(
        `${ctx.url}/graphql`,
        { query: SEARCH, variables: { e: ctx.editionId, f: filters[n++ % filters.length] } },
        { authorization: `Bearer ${token}` },
      );
      return !!body.data?.attendees;
    };
    const one = await clientsLoad(1, 10, search);
    return {
      searches: filters.length,
      matchesForGupta: sample.data.attendees.totalCount,
      sqlQueriesPerRequest: sample.sqlQueries,
      oneClient: { requestsPerSec: one.requestsPerSec, p50Ms: one.p50Ms, p99Ms: one.p99Ms, errors: one.errors },
      targets: { oneClientP99Ms: 50 },
    };
  },
};
