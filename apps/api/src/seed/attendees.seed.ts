import { AccessLevel } from '@app/attendees';
import { SessionFormat } from '@app/sessions';
import { DEMO_ATTENDEE_EMAIL, SeedContext } from './seed-context';
import { COMPANIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './words';

const ATTENDEES = { demo: 200, full: 40_000 };
const CHUNK = 20_000;

/** Who comes to a large health-IT show. */
const ACCESS_MIX: [AccessLevel, number][] = [
  [AccessLevel.FULL_CONFERENCE, 62],
  [AccessLevel.EXPO_ONLY, 22],
  [AccessLevel.EXHIBITOR, 9],
  [AccessLevel.SPEAKER, 2],
  [AccessLevel.PRESS, 1],
  [AccessLevel.STAFF, 4],
];
const EXPO_FORMATS = new Set<SessionFormat>([SessionFormat.THEATER, SessionFormat.NETWORKING]);

interface SeatSession {
  id: string;
  starts_at: Date;
  format: SessionFormat;
  capacity: number | null;
  given: number;
  waiting: number;
}

/**
 * Registered attendees with realistic access levels, and their schedules: about one session per
 * programme slot (~15 each at full scale, a few double-booked), keynotes the most popular, seats
 * given in order until a session is full and the rest waitlisted, exactly as addToSchedule would.
 */
export async function seedAttendees(ctx: SeedContext): Promise<void> {
  const { db, rng, editionId } = ctx;
  const count = ATTENDEES[ctx.scale];
  const people = Array.from({ length: count }, (_, i) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    return {
      email: i === 0 ? DEMO_ATTENDEE_EMAIL : `${first}.${last.replace(/\W/g, '')}.${i}@attendees.example`.toLowerCase(),
      first: i === 0 ? 'Demo' : first,
      last: i === 0 ? 'Attendee' : last,
      company: rng.pick(COMPANIES),
      jobTitle: rng.pick(JOB_TITLES),
      accessLevel: i === 0 ? AccessLevel.FULL_CONFERENCE : rng.weighted(ACCESS_MIX),
    };
  });
  const ids: string[] = [];
  for (let from = 0; from < people.length; from += CHUNK) {
    const chunk = people.slice(from, from + CHUNK);
    const rows: { id: string }[] = await db.query(
      `INSERT INTO attendee (edition_id, email, first_name, last_name, company, job_title, access_level)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::access_level[]) RETURNING id`,
      [
        editionId,
        chunk.map((p) => p.email),
        chunk.map((p) => p.first),
        chunk.map((p) => p.last),
        chunk.map((p) => p.company),
        chunk.map((p) => p.jobTitle),
        chunk.map((p) => p.accessLevel),
      ],
    );
    ids.push(...rows.map((r) => r.id));
  }

  const sessions: SeatSession[] = await db.query(
    `SELECT id, starts_at, format, capacity, 0 AS given, 0 AS waiting FROM session WHERE edition_id = $1 AND status = 'PUBLISHED' ORDER BY starts_at, id`,
    [editionId],
  );
  const slots = new Map<number, SeatSession[]>();
  for (const s of sessions) slots.set(s.starts_at.getTime(), [...(slots.get(s.starts_at.getTime()) ?? []), s]);

  const entries: { attendee: string; session: string; status: string }[] = [];
  const take = (attendee: string, s: SeatSession) => {
    const status = s.capacity === null ? 'BOOKMARKED' : s.given < s.capacity ? 'RESERVED' : 'WAITLISTED';
    if (status === 'RESERVED') s.given++;
    if (status === 'WAITLISTED') s.waiting++;
    entries.push({ attendee, session: s.id, status });
  };
  people.forEach((p, i) => {
    const expo = p.accessLevel === AccessLevel.EXPO_ONLY;
    for (const options of slots.values()) {
      const open = expo ? options.filter((s) => EXPO_FORMATS.has(s.format)) : options;
      if (!open.length || rng.next() > (expo ? 0.5 : 0.92)) continue;
      // The keynote (first in its slot) draws a crowd; otherwise interest spreads across rooms.
      const first = open[0].format === SessionFormat.KEYNOTE && rng.next() < 0.6 ? open[0] : rng.pick(open);
      take(ids[i], first);
      if (rng.next() < 0.08 && open.length > 1) {
        const second = rng.pick(open);
        if (second !== first) take(ids[i], second);
      }
    }
  });
  for (let from = 0; from < entries.length; from += CHUNK * 2) {
    const chunk = entries.slice(from, from + CHUNK * 2);
    await db.query(
      `INSERT INTO schedule_entry (attendee_id, session_id, status) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::schedule_entry_status[])`,
      [chunk.map((e) => e.attendee), chunk.map((e) => e.session), chunk.map((e) => e.status)],
    );
  }
  const seated = sessions.filter((s) => s.given > 0);
  await db.query(
    `UPDATE session s SET seats_taken = v.given, waitlisted = v.waiting FROM unnest($1::uuid[], $2::int[], $3::int[]) AS v(id, given, waiting) WHERE s.id = v.id`,
    [seated.map((s) => s.id), seated.map((s) => s.given), seated.map((s) => s.waiting)],
  );
  ctx.log(`attendees: ${ids.length} registered, ${entries.length} schedule entries`);
}
