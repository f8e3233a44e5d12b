import { SessionFormat, SessionStatus } from '@app/sessions';
import { DateTime } from 'luxon';
import { SeedContext } from './seed-context';
import { COMPANIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, OPENERS, TOPICS, ANGLES, TRACKS } from './words';

interface ProgrammeSize {
  rooms: number;
  speakers: number;
  tracks: number;
  /** Session slots per room per day (rooms × days × slots = sessions). */
  slots: number;
}

const SIZES: Record<'demo' | 'full', ProgrammeSize> = {
  demo: { rooms: 4, speakers: 16, tracks: 4, slots: 2 },
  full: { rooms: 60, speakers: 1200, tracks: 12, slots: 3 },
};

/** Local start hour and length (minutes) of each slot of the day. */
const SLOTS: [number, number][] = [
  [9, 60],
  [11, 60],
  [14, 75],
];

/**
 * Rooms, tracks, speakers and a published programme: every room hosts `slots` sessions a day, a
 * keynote opens each morning in the first room, speakers never overlap, and a few sessions stay in
 * draft or are cancelled so every state shows up.
 */
export async function seedProgramme(ctx: SeedContext): Promise<void> {
  const { db, rng, editionId, edition } = ctx;
  const size = SIZES[ctx.scale];

  const roomRows = Array.from({ length: size.rooms }, (_, i) =>
    i === 0
      ? { name: 'Main Hall', capacity: 5000 }
      : {
          name: `Room ${100 + Math.floor((i - 1) / 6) * 100 + ((i - 1) % 6)}${'ABCDEF'[(i - 1) % 6]}`,
          capacity: rng.pick([60, 120, 200, 300, 450]),
        },
  );
  const rooms: { id: string; name: string; capacity: number }[] = await db.query(
    `INSERT INTO room (edition_id, name, capacity) SELECT $1, * FROM unnest($2::text[], $3::int[]) RETURNING id, name, capacity`,
    [editionId, roomRows.map((r) => r.name), roomRows.map((r) => r.capacity)],
  );
  const tracks: { id: string }[] = await db.query(
    `INSERT INTO track (edition_id, name) SELECT $1, unnest($2::text[]) RETURNING id`,
    [editionId, TRACKS.slice(0, size.tracks)],
  );

  const speakerRows = Array.from({ length: size.speakers }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
    const suffix =
      i >= FIRST_NAMES.length * LAST_NAMES.length
        ? ` ${Math.floor(i / (FIRST_NAMES.length * LAST_NAMES.length)) + 1}`
        : '';
    const company = rng.pick(COMPANIES);
    return {
      name: `${rng.next() < 0.3 ? 'Dr. ' : ''}${first} ${last}${suffix}`,
      email: `${first}.${last.replace(/\W/g, '')}${i}@speakers.example`.toLowerCase(),
      company,
      jobTitle: rng.pick(JOB_TITLES),
      bio: `${first} leads digital programmes at ${company}.`,
    };
  });
  const speakers: { id: string }[] = await db.query(
    `INSERT INTO speaker (edition_id, name, email, company, job_title, bio) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) RETURNING id`,
    [
      editionId,
      speakerRows.map((s) => s.name),
      speakerRows.map((s) => s.email),
      speakerRows.map((s) => s.company),
      speakerRows.map((s) => s.jobTitle),
      speakerRows.map((s) => s.bio),
    ],
  );

  const days = Math.round(DateTime.fromISO(edition.endsOn).diff(DateTime.fromISO(edition.startsOn), 'days').days) + 1;
  const sessions: {
    title: string;
    abstract: string;
    format: SessionFormat;
    status: SessionStatus;
    startsAt: string;
    endsAt: string;
    roomId: string;
    trackId: string;
    capacity: number | null;
    ceCredits: number;
    speakerIds: string[];
  }[] = [];
  for (let day = 0; day < days; day++) {
    for (let slot = 0; slot < size.slots; slot++) {
      const [hour, minutes] = SLOTS[slot];
      const start = DateTime.fromISO(edition.startsOn, { zone: edition.timezone }).plus({ days: day }).set({ hour });
      // Each speaker at most once per slot: a fresh permutation of the speakers for every slot.
      const pool = rng.shuffle(speakers.map((s) => s.id));
      rooms.forEach((room, r) => {
        const keynote = r === 0 && slot === 0;
        const format = keynote
          ? SessionFormat.KEYNOTE
          : rng.weighted<SessionFormat>([
              [SessionFormat.EDUCATION, 55],
              [SessionFormat.PANEL, 20],
              [SessionFormat.WORKSHOP, 10],
              [SessionFormat.THEATER, 10],
              [SessionFormat.NETWORKING, 5],
            ]);
        const topic = rng.pick(TOPICS);
        const speakerCount =
          format === SessionFormat.PANEL
            ? 3
            : format === SessionFormat.NETWORKING
              ? 0
              : rng.weighted([
                  [1, 70],
                  [2, 30],
                ]);
        const status = keynote
          ? SessionStatus.PUBLISHED
          : rng.weighted([
              [SessionStatus.PUBLISHED, 96],
              [SessionStatus.DRAFT, 2],
              [SessionStatus.CANCELLED, 2],
            ]);
        sessions.push({
          title: keynote
            ? `Day ${day + 1} keynote: ${rng.pick(OPENERS)} ${topic}`
            : `${rng.pick(OPENERS)} ${topic}: ${rng.pick(ANGLES).toLowerCase()}`,
          abstract: `How ${rng.pick(COMPANIES)} approached ${topic}, and what ${rng.pick(['CIOs', 'clinicians', 'nurses', 'security teams', 'data teams'])} can take home.`,
          format,
          status,
          startsAt: start.toUTC().toISO()!,
          endsAt: start.plus({ minutes }).toUTC().toISO()!,
          roomId: room.id,
          trackId: rng.pick(tracks).id,
          capacity: format === SessionFormat.WORKSHOP ? Math.min(room.capacity, rng.pick([30, 40, 60])) : null,
          ceCredits:
            format === SessionFormat.EDUCATION || format === SessionFormat.WORKSHOP ? rng.pick([1, 1, 1.25, 1.5]) : 0,
          speakerIds: pool.splice(0, speakerCount),
        });
      });
    }
  }

  const ids: { id: string }[] = await db.query(
    `INSERT INTO session (edition_id, title, abstract, format, status, starts_at, ends_at, room_id, track_id, capacity, ce_credits, cancel_reason)
     SELECT $1, s.* FROM unnest($2::text[], $3::text[], $4::session_format[], $5::session_status[], $6::timestamptz[], $7::timestamptz[], $8::uuid[], $9::uuid[], $10::int[], $11::numeric[], $12::text[]) AS s
     RETURNING id`,
    [
      editionId,
      sessions.map((s) => s.title),
      sessions.map((s) => s.abstract),
      sessions.map((s) => s.format),
      sessions.map((s) => s.status),
      sessions.map((s) => s.startsAt),
      sessions.map((s) => s.endsAt),
      sessions.map((s) => s.roomId),
      sessions.map((s) => s.trackId),
      sessions.map((s) => s.capacity),
      sessions.map((s) => s.ceCredits),
      sessions.map((s) => (s.status === SessionStatus.CANCELLED ? 'Speaker unable to travel' : null)),
    ],
  );
  const links = sessions.flatMap((s, i) =>
    s.speakerIds.map((speakerId, position) => [ids[i].id, speakerId, position] as const),
  );
  await db.query(
    `INSERT INTO session_speaker (session_id, speaker_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::smallint[])`,
    [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
  );
  ctx.log(
    `programme: ${rooms.length} rooms, ${tracks.length} tracks, ${speakers.length} speakers, ${sessions.length} sessions`,
  );
}
