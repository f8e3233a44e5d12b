import 'reflect-metadata';
import { loadConfig, migrate, typeormOptions } from '@app/core';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../apps/api/src/database/entities';
import { seed } from '../apps/api/src/seed/seed';
import { closeConnections, context, freePort, Scenario, startApi, startCeiling } from './harness';
import { agenda, agendaOrganizer, agendaSignedIn, ceiling } from './scenarios/programme.bench';
import { attendeeSearch } from './scenarios/attendees.bench';
import { badges } from './scenarios/badges.bench';
import { exhibitorSearch, floorPlan } from './scenarios/exhibitors.bench';
import { fanout } from './scenarios/notifications.bench';
import { doorScan, offlineSync } from './scenarios/scanning.bench';
import { scanner } from './scenarios/scanner.bench';
import { ical, mySchedule, scheduleAdd } from './scenarios/schedule.bench';
import { web } from './scenarios/web.bench';

/** Every scenario, in the order they run. `npm run bench -- agenda ceiling` runs a subset. */
const SCENARIOS: Scenario[] = [
  ceiling,
  agenda,
  agendaSignedIn,
  agendaOrganizer,
  scheduleAdd,
  mySchedule,
  ical,
  fanout,
  exhibitorSearch,
  attendeeSearch,
  floorPlan,
  badges,
  doorScan,
  offlineSync,
  web,
  scanner,
];

/**
 * Waits (up to 30 s) until PostgreSQL has no autovacuum at work, so the previous scenario's writes
 * (10,000 notifications, thousands of schedule entries) are not tidied up during the next one.
 */
async function settle(db: DataSource): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND state = 'active'`,
    );
    if (!n) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const config = loadConfig();
  await migrate(config.databaseUrl, () => undefined);
  const db = await new DataSource({
    ...typeormOptions(config.databaseUrl, { poolSize: 4, applicationName: 'conference-bench' }),
    entities: ENTITIES,
  }).initialize();
  const editionId = await seed(db, config, 'full', (line) => console.error(line));
  // The API runs as in production (NODE_ENV=production: graphql-js and Express skip their development checks).
  const production = { NODE_ENV: 'production', JWT_SECRET: config.jwtSecret, BADGE_KEY_SECRET: config.badgeKeySecret };
  const port = await freePort();
  const api = await startApi(port, production);
  const countingPort = await freePort();
  const counting = await startApi(countingPort, { ...production, EXPOSE_QUERY_COUNT: 'true' });
  const ceilingPort = await freePort();
  const ceilingServer = await startCeiling(ceilingPort, { NODE_ENV: 'production' });
  const results: Record<string, Record<string, unknown>> = {};
  try {
    const ctx = context(
      `http://127.0.0.1:${port}`,
      api.pid!,
      `http://127.0.0.1:${countingPort}`,
      `http://127.0.0.1:${ceilingPort}`,
      db,
      editionId,
      config.jwtSecret,
    );
    for (const scenario of SCENARIOS.filter((s) => !only.length || only.includes(s.name))) {
      await settle(db);
      const result = await scenario.run(ctx);
      results[scenario.name] = result;
      if (scenario.name === 'ceiling') ctx.ceilingPerSec = result.requestsPerSec as number;
      if (scenario.name !== 'ceiling' && results.ceiling && typeof result.requestsPerSec === 'number') {
        result.fractionOfCeiling =
          Math.round((result.requestsPerSec / (results.ceiling.requestsPerSec as number)) * 100) / 100;
      }
      console.log(JSON.stringify({ scenario: scenario.name, ...result }));
    }
  } finally {
    closeConnections();
    api.kill('SIGTERM');
    counting.kill('SIGTERM');
    ceilingServer.kill('SIGTERM');
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
