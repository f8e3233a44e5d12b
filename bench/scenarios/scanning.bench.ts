import { randomUUID } from 'node:crypto';
import { BenchContext, clientsLoad, pacedLoad, postJson, Scenario, withFlushProbe } from '../harness';
import { encodeBadgeCode, KeyVault, privateKeyFromPem } from '@app/badges';
import { loadConfig } from '@app/core';

const SCAN = `mutation Scan($i: ScanInput!) { scanBadge(input: $i) { outcome reason attendee { id firstName } } }`;
const SYNC = `mutation Sync($c: ID!, $s: [OfflineScanInput!]!) { syncScans(checkpointId: $c, scans: $s) { admitted duplicates rejected } }`;
const STAFF = 'door-staff@bench.example';

/**
 * Codes of active badges for the full edition. When the `badges` scenario has not run, badge rows
 * are signed here with the edition's key (no PDFs: the doors only need codes).
 */
export async function badgeCodes(ctx: BenchContext, wanted: number): Promise<string[]> {
  const have: { code: string }[] = await ctx.db.query(
    `SELECT code FROM badge WHERE edition_id = $1 AND status = 'ACTIVE' LIMIT $2`,
    [ctx.editionId, wanted],
  );
  if (have.length >= wanted) return have.map((r) => r.code);
  await ctx.gql(`query($e: ID!) { badgeVerificationKeys(editionId: $e) { kid } }`, { e: ctx.editionId }); // creates the signing key if needed
  const [key]: { kid: string; private_key_enc: string }[] = await ctx.db.query(
    `SELECT kid, private_key_enc FROM badge_signing_key WHERE edition_id = $1 AND rotated_at IS NULL`,
    [ctx.editionId],
  );
  const privateKey = privateKeyFromPem(new KeyVault(loadConfig().badgeKeySecret).open(key.private_key_enc));
  const created: { id: string; version: number }[] = await ctx.db.query(
    `INSERT INTO badge (edition_id, attendee_id, version, status, activated_at)
     SELECT a.edition_id, a.id, 1, 'PENDING', now() FROM attendee a
      WHERE a.edition_id = $1 AND NOT EXISTS (SELECT 1 FROM badge b WHERE b.attendee_id = a.id) LIMIT $2 RETURNING id, version`,
    [ctx.editionId, wanted - have.length],
  );
  const codes = created.map((b) =>
    encodeBadgeCode(ctx.editionId, { kid: key.kid, badgeId: b.id, version: b.version }, privateKey),
  );
  await ctx.db.query(
    `UPDATE badge b SET code = v.code, status = 'ACTIVE' FROM unnest($1::uuid[], $2::text[]) AS v(id, code) WHERE b.id = v.id`,
    [created.map((b) => b.id), codes],
  );
  return [...have.map((r) => r.code), ...codes];
}

async function checkpoint(ctx: BenchContext, name: string): Promise<{ id: string; token: string }> {
  await ctx.db.query(
    `INSERT INTO edition_role (edition_id, email, role) VALUES ($1, $2, 'STAFF') ON CONFLICT DO NOTHING`,
    [ctx.editionId, STAFF],
  );
  const { data } = await ctx.gql<{ createCheckpoint: { id: string } }>(
    `mutation($e: ID!, $n: String!) { createCheckpoint(editionId: $e, input: { name: $n, kind: ENTRANCE, allowed: [FULL_CONFERENCE, EXPO_ONLY, EXHIBITOR, SPEAKER, PRESS, STAFF] }) { id } }`,
    { e: ctx.editionId, n: name },
    await ctx.tokenFor('organizer@example.com'),
  );
  return { id: data.createCheckpoint.id, token: await ctx.tokenFor(STAFF) };
}

/** 50 scanners at one entrance, each scanning distinct valid badges back to back for 10 s. */
export const doorScan: Scenario = {
  name: 'door-scan',
  async run(ctx) {
    // Every run starts from the same floor: the scans of earlier runs' doors go, and the table is vacuumed.
    await ctx.db.query(`DELETE FROM checkpoint WHERE edition_id = $1 AND name LIKE 'Bench %'`, [ctx.editionId]);
    await ctx.db.query(`VACUUM (ANALYZE) scan`);
    const codes = await badgeCodes(ctx, 40_000);
    const door = await checkpoint(ctx, `Bench door ${Date.now()}`);
    const clients = 50;
    const share = Math.floor(codes.length / clients);
    const next = Array.from({ length: clients }, (_, i) => i * share);
    const outcomes: Record<string, number> = {};
    // The second scan shows the steady state (the first also reads the checkpoint and the scanner's role, cached for a few seconds).
    await ctx.gql(
      SCAN,
      { i: { checkpointId: door.id, code: codes[codes.length - 2], clientScanId: randomUUID() } },
      door.token,
    );
    const sample = await ctx.gql(
      SCAN,
      { i: { checkpointId: door.id, code: codes[codes.length - 1], clientScanId: randomUUID() } },
      door.token,
    );
    const scanAt = async (checkpointId: string, client: number) => {
      const code = codes[next[client]++ % codes.length];
      const body = await postJson<{ data?: { scanBadge: { outcome: string } }; errors?: unknown[] }>(
        `${ctx.url}/graphql`,
        { query: SCAN, variables: { i: { checkpointId, code, clientScanId: randomUUID() } } },
        { authorization: `Bearer ${door.token}`, 'x-device-id': `bench-scanner-${client}` },
      );
      if (!body.data) return false;
      outcomes[body.data.scanBadge.outcome] = (outcomes[body.data.scanBadge.outcome] ?? 0) + 1;
      return true;
    };
    // The ceiling again, just before: on a shared machine it drifts over the minutes of a full run.
    const ceilingNow = await ctx.load({
      base: ctx.ceilingUrl,
      path: '/bench/ceiling',
      body: { query: '{ ping }' },
      durationSec: 5,
    });
    const { result: load, slowFlushes } = await withFlushProbe(() =>
      clientsLoad(clients, 10, (client) => scanAt(door.id, client), ctx.apiPid),
    );
    // The same 50 scanners offering 30% of the ceiling's rate between them, on schedule: the
    // latency at the throughput the target asks for (other badges, at a second door).
    const second = await checkpoint(ctx, `Bench paced door ${Date.now()}`);
    const rate = Math.round(0.3 * (ctx.ceilingPerSec ?? ceilingNow.requestsPerSec));
    const { result: paced, slowFlushes: pacedFlushes } = await withFlushProbe(() =>
      pacedLoad(rate, 10, (i) => scanAt(second.id, i % clients)),
    );
    // And at 250 scans/s, about ten times the busiest morning (15,000 people through the doors in half an hour).
    const third = await checkpoint(ctx, `Bench busy door ${Date.now()}`);
    const { result: busy, slowFlushes: busyFlushes } = await withFlushProbe(() =>
      pacedLoad(250, 10, (i) => scanAt(third.id, i % clients)),
    );
    return {
      clients,
      ...load,
      slowFlushes,
      sqlQueriesPerScan: sample.sqlQueries,
      ceilingJustBefore: ceilingNow.requestsPerSec,
      fractionOfCeilingJustBefore: Math.round((load.requestsPerSec / ceilingNow.requestsPerSec) * 100) / 100,
      atThirtyPercentOfCeiling: {
        offeredPerSec: paced.offeredPerSec,
        p50Ms: paced.p50Ms,
        p99Ms: paced.p99Ms,
        errors: paced.errors,
        slowFlushes: pacedFlushes,
      },
      at250PerSec: { p50Ms: busy.p50Ms, p99Ms: busy.p99Ms, errors: busy.errors, slowFlushes: busyFlushes },
      outcomes,
      targets: { p99Ms: 50, fractionOfCeiling: 0.3 },
    };
  },
};

/** An offline scanner's day: 10,000 scans uploaded in batches of 500. */
export const offlineSync: Scenario = {
  name: 'offline-sync',
  async run(ctx) {
    const codes = await badgeCodes(ctx, 10_000);
    // Offline times must fall on the edition's days and not after the upload: the seeded edition's
    // days are stretched to include today for the run (the checkpoint below is new, so read after).
    const [days]: { starts: string; ends: string }[] = await ctx.db.query(
      `SELECT starts_on::text AS starts, ends_on::text AS ends FROM edition WHERE id = $1`,
      [ctx.editionId],
    );
    await ctx.db.query(
      `UPDATE edition SET starts_on = least(starts_on, current_date - 1), ends_on = greatest(ends_on, current_date + 1) WHERE id = $1`,
      [ctx.editionId],
    );
    try {
      return await offlineRun(ctx, codes);
    } finally {
      await ctx.db.query(`UPDATE edition SET starts_on = $2, ends_on = $3 WHERE id = $1`, [
        ctx.editionId,
        days.starts,
        days.ends,
      ]);
    }
  },
};

/** The upload itself: 10,000 scans over the last hours, then one batch again. */
async function offlineRun(ctx: Parameters<Scenario['run']>[0], codes: string[]) {
  const gate = await checkpoint(ctx, `Bench offline gate ${Date.now()}`);
  const start = Date.now() - 8 * 3600_000;
  const scans = codes
    .slice(0, 10_000)
    .map((code, i) => ({ code, clientScanId: `offline-${i}`, scannedAt: new Date(start + i * 2000).toISOString() }));
  const started = performance.now();
  let admitted = 0;
  for (let i = 0; i < scans.length; i += 500)
    admitted += (
      await ctx.call<{ syncScans: { admitted: number } }>(SYNC, { c: gate.id, s: scans.slice(i, i + 500) }, gate.token)
    ).data.syncScans.admitted;
  const totalMs = Math.round(performance.now() - started);
  const again = performance.now();
  await ctx.call(SYNC, { c: gate.id, s: scans.slice(0, 500) }, gate.token);
  return {
    scans: scans.length,
    batches: scans.length / 500,
    admitted,
    totalMs,
    scansPerSec: Math.round(scans.length / (totalMs / 1000)),
    reuploadBatchMs: Math.round(performance.now() - again),
    targets: { totalMs: 5000 },
  };
}
