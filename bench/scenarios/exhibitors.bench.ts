import { PlanBooth, renderFloorPlan } from '@app/exhibitors';
import { TOPICS } from '../../apps/api/src/seed/words';
import { clientsLoad, pacedLoad, postJson, Scenario } from '../harness';

const SEARCH = `query Search($e: ID!, $s: String) { exhibitors(editionId: $e, search: $s, first: 20) { totalCount edges { node { id name category booths { code } } } } }`;

/** Searches people type: topics of the programme, alone or with a product word, each over the whole directory. */
const TERMS = [
  ...TOPICS,
  ...TOPICS.flatMap((t) => ['cloud', 'analytics', 'nurses', 'security', 'app'].map((w) => `${t} ${w}`)),
  'cloud imaging',
  'analytics',
  'patients',
  'device integration',
];

/** Signed-in attendees searching the exhibitor directory with different terms (never from the public cache). */
export const exhibitorSearch: Scenario = {
  name: 'exhibitor-search',
  async run(ctx) {
    const token = await ctx.tokenFor('attendee@example.com');
    const sample = await ctx.gql<{ exhibitors: { totalCount: number } }>(
      SEARCH,
      { e: ctx.editionId, s: 'cloud imaging' },
      token,
    );
    const search = async (i: number) => {
      const body = await postJson<{ data?: unknown }>(
        `${ctx.url}/graphql`,
        { query: SEARCH, variables: { e: ctx.editionId, s: TERMS[i % TERMS.length] } },
        { authorization: `Bearer ${token}` },
      );
      return !!body.data;
    };
    let n = 0;
    const one = await clientsLoad(1, 5, () => search(n++));
    const ten = await clientsLoad(10, 5, () => search(n++));
    const load = await clientsLoad(50, 10, () => search(n++));
    const paced = await pacedLoad(250, 10, search);
    return {
      terms: TERMS.length,
      matchesForCloudImaging: sample.data.exhibitors.totalCount,
      sqlQueriesPerRequest: sample.sqlQueries,
      ...load,
      oneClient: { p50Ms: one.p50Ms, p99Ms: one.p99Ms },
      tenClients: { requestsPerSec: ten.requestsPerSec, p50Ms: ten.p50Ms, p99Ms: ten.p99Ms },
      at250PerSec: { p50Ms: paced.p50Ms, p99Ms: paced.p99Ms, errors: paced.errors },
      targets: { p99Ms: 50 },
    };
  },
};

/** Rendering the largest hall's SVG (400 booths): in process, and through HTTP. */
export const floorPlan: Scenario = {
  name: 'floor-plan',
  async run(ctx) {
    const [hall]: { id: string; name: string; widthM: number; depthM: number; booths: number }[] = await ctx.db.query(
      `SELECT h.id, h.name, h.width_m::float AS "widthM", h.depth_m::float AS "depthM", count(b.id)::int AS booths FROM hall h JOIN booth b ON b.hall_id = h.id WHERE h.edition_id = $1 GROUP BY h.id ORDER BY booths DESC LIMIT 1`,
      [ctx.editionId],
    );
    const booths: PlanBooth[] = await ctx.db.query(
      `SELECT b.code, b.x_m::float AS "xM", b.y_m::float AS "yM", b.width_m::float AS "widthM", b.depth_m::float AS "depthM", b.status, x.name AS exhibitor FROM booth b LEFT JOIN exhibitor x ON x.id = b.exhibitor_id WHERE b.hall_id = $1`,
      [hall.id],
    );
    for (let i = 0; i < 20; i++) renderFloorPlan(hall, booths);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      bytes = renderFloorPlan(hall, booths).length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const http: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const res = await fetch(`${ctx.url}/floor-plans/${hall.id}.svg`);
      await res.text();
      http.push(performance.now() - t0);
    }
    http.sort((a, b) => a - b);
    const ms = (v: number) => Math.round(v * 100) / 100;
    return {
      booths: hall.booths,
      svgKb: Math.round(bytes / 1024),
      renderP50Ms: ms(times[100]),
      renderP99Ms: ms(times[198]),
      httpP50Ms: ms(http[25]),
      httpP99Ms: ms(http[49]),
      targets: { renderMs: 100 },
    };
  },
};
