import { AppConfig } from '@app/core';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { seedAttendees } from './attendees.seed';
import { seedExhibitors } from './exhibitors.seed';
import { seedProgramme } from './programme.seed';
import { Random } from './random';
import { DEMO_ATTENDEE_EMAIL, SeedContext, SeedScale } from './seed-context';

/** Each domain's seed step, in dependency order. */
const STEPS: ((ctx: SeedContext) => Promise<void>)[] = [seedProgramme, seedAttendees, seedExhibitors];

export const SEED_EDITIONS: Record<SeedScale, SeedContext['edition'] & { year: number; seed: number }> = {
  demo: {
    name: 'HealthConnect 2027 (demo)',
    year: 2027,
    timezone: 'America/Chicago',
    startsOn: '2027-03-08',
    endsOn: '2027-03-12',
    seed: 2027,
  },
  full: {
    name: 'HealthConnect 2027',
    year: 2027,
    timezone: 'America/Chicago',
    startsOn: '2027-03-08',
    endsOn: '2027-03-12',
    seed: 42,
  },
};

/** Demo accounts printed by `npm start` (besides the organizer from ORGANIZER_EMAIL). */
export const DEMO_LOGINS = [{ email: DEMO_ATTENDEE_EMAIL, password: 'attendee-demo', name: 'Demo Attendee' }];

/**
 * Adds the scale's edition if it is not there yet and returns its id. Deterministic: the same scale
 * always produces the same show.
 */
export async function seed(
  db: DataSource,
  config: AppConfig,
  scale: SeedScale,
  log: (line: string) => void = console.log,
): Promise<string> {
  const spec = SEED_EDITIONS[scale];
  const [existing] = await db.query<{ id: string }[]>(`SELECT id FROM edition WHERE name = $1`, [spec.name]);
  if (existing) {
    log(`edition "${spec.name}" is already there`);
    return existing.id;
  }
  const started = Date.now();
  const [{ id: editionId }] = await db.query<{ id: string }[]>(
    `INSERT INTO edition (name, year, timezone, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [spec.name, spec.year, spec.timezone, spec.startsOn, spec.endsOn],
  );
  if (config.organizerEmail) {
    await db.query(
      `INSERT INTO edition_role (edition_id, email, role) VALUES ($1, $2, 'ORGANIZER') ON CONFLICT DO NOTHING`,
      [editionId, config.organizerEmail.toLowerCase()],
    );
  }
  for (const login of DEMO_LOGINS) {
    // Demo logins are verified, as if their owners had opened the link (their registrations apply at once).
    await db.query(
      `INSERT INTO "user" (email, name, password_hash, email_verified) VALUES ($1, $2, $3, true) ON CONFLICT (email) WHERE email_verified DO NOTHING`,
      [login.email, login.name, await hash(login.password)],
    );
  }
  const ctx: SeedContext = { db, rng: new Random(spec.seed), scale, editionId, edition: spec, log };
  for (const step of STEPS) await step(ctx);
  await db.query('ANALYZE'); // fresh statistics, so the planner knows the tables just filled
  log(`seeded "${spec.name}" (${scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return editionId;
}
