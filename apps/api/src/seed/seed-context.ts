import { DataSource } from 'typeorm';
import { Random } from './random';

export type SeedScale = 'demo' | 'full';

/** What each domain's seed step gets: one edition to fill, deterministically. */
export interface SeedContext {
  db: DataSource;
  rng: Random;
  scale: SeedScale;
  editionId: string;
  edition: { name: string; timezone: string; startsOn: string; endsOn: string };
  log: (line: string) => void;
}

/** The demo attendee: registered in every seeded edition, with a schedule, and a login. */
export const DEMO_ATTENDEE_EMAIL = 'attendee@example.com';
