import { SeedContext } from './seed-context';
import { TOPICS } from './words';

const BRANDS = [
  'Helix',
  'Pulse',
  'Vita',
  'Cardio',
  'Neuro',
  'Med',
  'Care',
  'Clini',
  'Thera',
  'Onco',
  'Radi',
  'Gen',
  'Immuno',
  'Bio',
  'Nova',
  'Apex',
  'Summit',
  'Meridian',
  'Atlas',
  'Juniper',
  'Kestrel',
  'Harbor',
  'Cascade',
  'Lumen',
  'Quanta',
  'Sterling',
  'Beacon',
  'Cobalt',
  'Orchid',
  'Granite',
  'Evergreen',
  'Northstar',
  'Bluebird',
  'Redwood',
  'Silverline',
  'Clearwater',
  'Brightpath',
  'Keystone',
  'Trinity',
  'Zenith',
];
const KINDS = [
  'Health',
  'Diagnostics',
  'Informatics',
  'Labs',
  'Systems',
  'Analytics',
  'Medical',
  'Cloud',
  'Security',
  'Imaging',
  'Devices',
  'Networks',
  'Software',
  'Robotics',
  'Genomics',
  'Telehealth',
  'Data',
  'Pharma',
  'Solutions',
  'Connect',
  'AI',
  'Care Partners',
  'Scientific',
  'Technologies',
  'Group',
];
const CATEGORIES = [
  'EHR & Clinical Systems',
  'Imaging',
  'Cybersecurity',
  'AI & Analytics',
  'Telehealth',
  'Medical Devices',
  'Revenue Cycle',
  'Interoperability',
  'Patient Engagement',
  'Population Health',
  'Cloud & Infrastructure',
  'Workforce',
];

/** Halls of full-scale seed: blocks of two back-to-back rows of 3 x 3 m booths, with 3 m aisles. */
const HALLS = {
  demo: [{ name: 'Hall A', blocks: 2, cols: 10 }],
  full: [
    { name: 'Hall A', blocks: 4, cols: 50 },
    { name: 'Hall B', blocks: 3, cols: 50 },
    { name: 'Hall C', blocks: 3, cols: 50 },
    { name: 'Hall D', blocks: 2, cols: 50 },
  ],
};
const EXHIBITORS = { demo: 15, full: 1000 };

/**
 * The exhibition: halls laid out in booth rows (corner booths at row ends, an island of four per
 * block in the middle of the front row of larger halls), exhibitors with categories, tiers and
 * descriptions, most on one booth and some on two, the rest of the floor available.
 */
export async function seedExhibitors(ctx: SeedContext): Promise<void> {
  const { db, rng, editionId, scale } = ctx;
  const booths: { hallId: string; code: string; x: number; y: number; w: number; d: number; type: string }[] = [];
  for (const [h, spec] of HALLS[scale].entries()) {
    const width = spec.cols * 3 + 6;
    const depth = spec.blocks * 9 + 3;
    const [{ id: hallId }] = await db.query<{ id: string }[]>(
      `INSERT INTO hall (edition_id, name, width_m, depth_m) VALUES ($1, $2, $3, $4) RETURNING id`,
      [editionId, spec.name, width, depth],
    );
    const letter = 'ABCD'[h];
    for (let block = 0; block < spec.blocks; block++) {
      for (let row = 0; row < 2; row++) {
        for (let col = 0; col < spec.cols; col++) {
          const end = col === 0 || col === spec.cols - 1;
          booths.push({
            hallId,
            code: `${letter}${block + 1}${row}${String(col + 1).padStart(2, '0')}`,
            x: 3 + col * 3,
            y: 3 + block * 9 + row * 3,
            w: 3,
            d: 3,
            type: end ? 'CORNER' : 'INLINE',
          });
        }
      }
    }
  }
  const exhibitors = Array.from({ length: EXHIBITORS[scale] }, (_, i) => {
    const name = `${BRANDS[i % BRANDS.length]}${rng.next() < 0.5 ? '' : ' '}${KINDS[Math.floor(i / BRANDS.length) % KINDS.length]}`;
    const topic = rng.pick(TOPICS);
    const tier = rng.weighted<string | null>([
      ['PLATINUM', 2],
      ['GOLD', 5],
      ['SILVER', 10],
      [null, 83],
    ]);
    return {
      name,
      description: `${name} helps hospitals with ${topic}: ${rng.pick(['cloud platform', 'analytics suite', 'clinical app', 'managed service', 'device integration'])} for ${rng.pick(['nurses', 'physicians', 'CIOs', 'security teams', 'revenue cycle teams', 'patients'])}.`,
      category: rng.pick(CATEGORIES),
      tier,
      website: `https://${name.toLowerCase().replace(/[^a-z]/g, '')}.example`,
    };
  });
  const ids: { id: string }[] = await db.query(
    `INSERT INTO exhibitor (edition_id, name, description, category, sponsorship_tier, website, contact_email)
     SELECT $1, n, d, c, t, w, 'sales@' || substr(w, 9) FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(n, d, c, t, w) RETURNING id`,
    [
      editionId,
      exhibitors.map((x) => x.name),
      exhibitors.map((x) => x.description),
      exhibitors.map((x) => x.category),
      exhibitors.map((x) => x.tier),
      exhibitors.map((x) => x.website),
    ],
  );
  // About nine booths in ten are taken: each exhibitor gets one, sponsors a second next to it when free.
  const order = rng.shuffle(booths.map((_, i) => i));
  const owner = new Array<string | null>(booths.length).fill(null);
  ids.forEach(({ id }, i) => {
    const at = order[i];
    owner[at] = id;
    if (
      exhibitors[i].tier &&
      at + 1 < booths.length &&
      owner[at + 1] === null &&
      booths[at + 1].hallId === booths[at].hallId &&
      !order.slice(0, ids.length).includes(at + 1)
    )
      owner[at + 1] = id;
  });
  await db.query(
    `INSERT INTO booth (edition_id, hall_id, code, x_m, y_m, width_m, depth_m, type, status, exhibitor_id)
     SELECT $1, h, c, x, y, w, d, t::booth_type, CASE WHEN o IS NULL THEN 'AVAILABLE' ELSE 'ASSIGNED' END::booth_status, o
       FROM unnest($2::uuid[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::text[], $9::uuid[]) AS b(h, c, x, y, w, d, t, o)`,
    [
      editionId,
      booths.map((b) => b.hallId),
      booths.map((b) => b.code),
      booths.map((b) => b.x),
      booths.map((b) => b.y),
      booths.map((b) => b.w),
      booths.map((b) => b.d),
      booths.map((b) => b.type),
      owner,
    ],
  );
  ctx.log(
    `exhibition: ${HALLS[scale].length} halls, ${booths.length} booths (${owner.filter(Boolean).length} assigned), ${ids.length} exhibitors`,
  );
}
