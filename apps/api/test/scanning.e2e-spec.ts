import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { BadgeKeysService, encodeBadgeCode } from '@app/badges';
import { PUB_SUB } from '@app/core';
import { CHECKPOINT_STATS, ScanRepository, ScanRetention } from '@app/scanning';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { eventually, pdfText } from '@app/testing';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import fc from 'fast-check';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { chicagoDay, LEAD_CSV_COLUMNS } from './factory';
import { codeOf, TestApp } from './test-app';

const SCAN = `mutation($i: ScanInput!) { scanBadge(input: $i) { outcome reason firstAdmittedAt attendee { id firstName checkedInAt badge { id } } scan { id scannedAt outcome reason } } }`;
const SYNC = `mutation($c: ID!, $s: [OfflineScanInput!]!) { syncScans(checkpointId: $c, scans: $s) { admitted duplicates rejected results { outcome reason scan { id } attendee { id } } } }`;
const CHECKPOINT = `mutation($e: ID!, $i: CheckpointInput!) { createCheckpoint(editionId: $e, input: $i) { id name kind allowed session { id } } }`;
const STATS = `query($c: ID!) { checkpointStats(checkpointId: $c) { checkpointId admitted duplicates rejected uniqueAttendees } }`;
const CAPTURE = `mutation($i: LeadInput!) { captureLead(input: $i) { id capturedAt notes rating attendee { id firstName lastName company email badge { id } } } }`;
const LEADS = `query($x: ID!) { leads(exhibitorId: $x) { totalCount edges { node { id notes attendee { lastName } } } } }`;

/** An instant at a Chicago local time of yesterday. */
const yesterdayAt = (h: number, m = 0) =>
  DateTime.fromISO(chicagoDay(-1), { zone: 'America/Chicago' }).set({ hour: h, minute: m }).toUTC().toISO()!;

describe('badge scanning and lead capture', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let staff: string;
  let staffEmail: string;
  let door: string;
  const people: { id: string; email: string; token: string; code: string; badgeId: string }[] = [];

  /** An attendee with an ACTIVE badge (rendered by the worker). */
  const badged = (input: Record<string, string> = {}) => t.factory.badgedAttendee(editionId, input);
  const scan = (code: string, extra: Record<string, unknown> = {}, token = staff, checkpointId = door) =>
    t.gql(SCAN, { i: { checkpointId, code, ...extra } }, token);

  beforeAll(async () => {
    t = await TestApp.create();
    await t.startWorker();
    admin = await t.factory.admin();
    editionId = (await t.factory.edition({ startsOn: chicagoDay(-3), endsOn: chicagoDay(1) })).id; // running now
    const staffer = await t.factory.staff(editionId);
    staff = staffer.token;
    staffEmail = staffer.email;
    door = (
      await t.ok(
        CHECKPOINT,
        {
          e: editionId,
          i: { name: 'North entrance', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE', 'EXPO_ONLY', 'SPEAKER'] },
        },
        admin,
      )
    ).createCheckpoint.id;
    for (let i = 0; i < 4; i++) people.push(await badged({ firstName: `Person${i}` }));
  });
  afterAll(() => t.close());

  it('admits a badge once per day, then answers DUPLICATE with who it is; a retried scan returns its first result', async () => {
    const [p] = people;
    const first = (await scan(p.code, { clientScanId: 'dev1-0001' })).data!.scanBadge;
    expect(first).toMatchObject({
      outcome: 'ADMITTED',
      reason: null,
      attendee: { id: p.id, firstName: 'Person0', badge: null },
    });
    expect(first.attendee.checkedInAt).toBe(first.scan.scannedAt);
    const [{ checked_in_at }] = await t.db.query(`SELECT checked_in_at FROM attendee WHERE id = $1`, [p.id]);
    expect(checked_in_at.toISOString()).toBe(first.scan.scannedAt);
    const retry = (await scan(p.code, { clientScanId: 'dev1-0001' })).data!.scanBadge;
    expect(retry.scan.id).toBe(first.scan.id);
    expect(retry.outcome).toBe('ADMITTED');
    const again = (await scan(p.code)).data!.scanBadge;
    expect(again).toMatchObject({ outcome: 'DUPLICATE', attendee: { id: p.id } });
    expect(again.firstAdmittedAt).toBe(first.scan.scannedAt);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM scan WHERE checkpoint_id = $1 AND attendee_id = $2`,
      [door, p.id],
    );
    expect(n).toBe(2);
    const [audit] = await t.db.query(`SELECT scanned_by, device_id, received_at, scanned_at FROM scan WHERE id = $1`, [
      first.scan.id,
    ]);
    expect(audit.scanned_by).toMatch(/^user-.*@test\.example$/);
  });

  it('admits exactly one of many scanners reading the same badge at the same instant, on one API instance or two', async () => {
    const [, p, q] = people;
    const other = await t.factory.staff(editionId, 'Second Scanner');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => scan(p.code, { clientScanId: `race-${i}` }, i % 2 ? other.token : staff)),
    );
    const outcomes = results.map((r) => r.data!.scanBadge.outcome).sort();
    expect(outcomes).toEqual(['ADMITTED', ...Array(9).fill('DUPLICATE')]);

    // Behind a load balancer two instances judge a badge each on its own, and neither can see the
    // other's admission: only the one-admission unique index can decide. A lock that lets reads
    // through but holds inserts keeps both scans between their read and their write until both are
    // there, then releases them together.
    const second = await t.secondInstance();
    const url = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}/graphql`;
    type Answer = { outcome: string; firstAdmittedAt: string | null; scan: { id: string; scannedAt: string } };
    const viaSecond = async (): Promise<Answer> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
        body: JSON.stringify({
          query: SCAN,
          variables: { i: { checkpointId: door, code: q.code, clientScanId: 'lb-b' } },
        }),
      });
      return ((await res.json()) as { data: { scanBadge: Answer } }).data.scanBadge;
    };
    const waitingInserts = async () =>
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO scan%'`,
        )
      )[0].n as number;
    const lock = t.db.createQueryRunner();
    await lock.connect();
    let raced: Answer[];
    try {
      await lock.startTransaction();
      await lock.query(`LOCK TABLE scan IN SHARE MODE`); // SELECTs go on, INSERTs wait
      const both = Promise.all([
        scan(q.code, { clientScanId: 'lb-a' }).then((r) => r.data!.scanBadge as Answer),
        viaSecond(),
      ]);
      await eventually(waitingInserts, (n) => n === 2, {
        what: 'both instances judged the badge and wait to write it',
      });
      await lock.commitTransaction();
      raced = await both;
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
    }
    expect(raced.map((r) => r.outcome).sort()).toEqual(['ADMITTED', 'DUPLICATE']);
    const rows: { client_scan_id: string; outcome: string; scanned_at: Date }[] = await t.db.query(
      `SELECT client_scan_id, outcome, scanned_at FROM scan WHERE checkpoint_id = $1 AND attendee_id = $2 ORDER BY client_scan_id`,
      [door, q.id],
    );
    expect(rows.map((r) => [r.client_scan_id, r.outcome]).filter(([, o]) => o === 'ADMITTED')).toHaveLength(1);
    expect(rows.map((r) => r.client_scan_id)).toEqual(['lb-a', 'lb-b']);
    // The loser is told when the winner was admitted (not its own time).
    const winner = raced.find((r) => r.outcome === 'ADMITTED')!;
    const loser = raced.find((r) => r.outcome === 'DUPLICATE')!;
    expect(loser.firstAdmittedAt).toBe(winner.scan.scannedAt);
  });

  it('judges scans that arrive together in one batch, each with its own scanner, device and retry id', async () => {
    const gate = (
      await t.ok(
        CHECKPOINT,
        {
          e: editionId,
          i: { name: 'Busy gate', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE', 'EXPO_ONLY', 'SPEAKER'] },
        },
        admin,
      )
    ).createCheckpoint.id;
    const other = await t.factory.staff(editionId, 'Gate Scanner');
    const sent = Array.from({ length: 24 }, (_, i) => ({
      person: people[i % 4],
      id: `gate-${i % 20}`,
      token: i % 2 ? other.token : staff,
      device: `scanner-${i % 3}`,
    }));
    const results = await Promise.all(
      sent.map((s) =>
        t.gql(SCAN, { i: { checkpointId: gate, code: s.person.code, clientScanId: s.id } }, s.token, {
          'x-device-id': s.device,
        }),
      ),
    );
    const rows: { client_scan_id: string; scanned_by: string; device: string; outcome: string; attendee_id: string }[] =
      await t.db.query(
        `SELECT client_scan_id, scanned_by, device_id AS device, outcome, attendee_id FROM scan WHERE checkpoint_id = $1`,
        [gate],
      );
    // 20 distinct scan ids (4 retried), each stored once; each of the 4 people admitted once.
    expect(rows).toHaveLength(20);
    expect(
      rows
        .filter((r) => r.outcome === 'ADMITTED')
        .map((r) => r.attendee_id)
        .sort(),
    ).toEqual(people.map((p) => p.id).sort());
    const byId = new Map(rows.map((r) => [r.client_scan_id, r]));
    for (const [i, s] of sent.entries()) {
      const answer = results[i].data!.scanBadge;
      const row = byId.get(s.id)!;
      expect(answer).toMatchObject({ outcome: row.outcome, attendee: { id: s.person.id } });
      if (i < 20)
        expect([row.device, row.scanned_by]).toEqual([s.device, (i % 2 ? other.email : staffEmail).toLowerCase()]);
    }
    // A retry answers with the first scan's result, whoever sent it.
    for (let i = 20; i < 24; i++)
      expect(results[i].data!.scanBadge.scan.id).toBe(results[i - 20].data!.scanBadge.scan.id);
  });

  it('rejects with a reason: garbage, another edition, a revoked badge, an unknown badge, a pass not allowed, a closed door', async () => {
    for (const garbage of [
      '',
      'hello',
      'CB1.',
      'CB1.' + 'A'.repeat(115),
      '🎫'.repeat(300),
      'x'.repeat(4096),
      people[0].code.slice(0, -1),
      people[0].code + 'A',
      ' ' + people[0].code,
    ]) {
      expect((await scan(garbage)).data!.scanBadge).toMatchObject({
        outcome: 'REJECTED',
        reason: 'INVALID_CODE',
        attendee: null,
      });
    }
    const elsewhere = (await t.factory.edition()).id;
    const stranger = await t.factory.attendee(elsewhere);
    const { id } = (await t.ok(`mutation($a: ID!) { issueBadge(attendeeId: $a) { id } }`, { a: stranger.id }, admin))
      .issueBadge;
    const foreign = await eventually(
      async () => (await t.ok(`query($id: ID!) { badge(id: $id) { status code } }`, { id }, admin)).badge,
      (b) => b.status === 'ACTIVE',
    );
    expect((await scan(foreign.code)).data!.scanBadge).toMatchObject({ outcome: 'REJECTED', reason: 'WRONG_EDITION' });

    const lost = await badged();
    await t.ok(`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, { a: lost.id }, admin);
    expect((await scan(lost.code)).data!.scanBadge).toMatchObject({
      outcome: 'REJECTED',
      reason: 'REVOKED',
      attendee: { id: lost.id },
    });

    const key = await t.app.get(BadgeKeysService).signingKey(editionId);
    const forged = encodeBadgeCode(editionId, { kid: key.kid, badgeId: randomUUID(), version: 1 }, key.privateKey);
    expect((await scan(forged)).data!.scanBadge).toMatchObject({ outcome: 'REJECTED', reason: 'UNKNOWN_BADGE' });

    const vip = (
      await t.ok(CHECKPOINT, { e: editionId, i: { name: 'VIP lounge', kind: 'ENTRANCE', allowed: ['SPEAKER'] } }, admin)
    ).createCheckpoint.id;
    expect((await scan(people[2].code, {}, staff, vip)).data!.scanBadge).toMatchObject({
      outcome: 'REJECTED',
      reason: 'NOT_ALLOWED',
    });
    const hour = 3600_000;
    const later = (
      await t.ok(
        CHECKPOINT,
        {
          e: editionId,
          i: {
            name: 'Late door',
            kind: 'ENTRANCE',
            allowed: ['FULL_CONFERENCE'],
            opensAt: new Date(Date.now() + hour).toISOString(),
            closesAt: new Date(Date.now() + 9 * hour).toISOString(),
          },
        },
        admin,
      )
    ).createCheckpoint.id;
    // A live scan is judged at the server's clock: claiming a time inside the window opens nothing.
    expect(
      (await scan(people[2].code, { scannedAt: new Date(Date.now() + 2 * hour).toISOString() }, staff, later)).data!
        .scanBadge,
    ).toMatchObject({ outcome: 'REJECTED', reason: 'CLOSED' });
    const open = (
      await t.ok(
        CHECKPOINT,
        {
          e: editionId,
          i: {
            name: 'Open door',
            kind: 'ENTRANCE',
            allowed: ['FULL_CONFERENCE'],
            opensAt: new Date(Date.now() - hour).toISOString(),
            closesAt: new Date(Date.now() + hour).toISOString(),
          },
        },
        admin,
      )
    ).createCheckpoint.id;
    expect(
      (await scan(people[2].code, { scannedAt: '2027-03-08T15:00:00Z' }, staff, open)).data!.scanBadge.outcome,
    ).toBe('ADMITTED');
  });

  it('never admits random or mutated codes, and never fails (property-based)', async () => {
    const valid = people[3].code;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc
            .tuple(
              fc.nat(valid.length - 1),
              fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'),
            )
            .map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1))
            .filter((c) => c !== valid),
          fc.nat(valid.length - 1).map((n) => valid.slice(0, n)), // truncated (never the whole code)
        ),
        async (code) => {
          const res = await scan(code);
          // Control characters (NUL above all) are refused for every string argument, before any rule runs.
          // eslint-disable-next-line no-control-regex -- the control characters the API refuses are what this checks for
          if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(code)) {
            expect([res.status, codeOf(res)]).toEqual([400, 'BAD_USER_INPUT']);
            return;
          }
          expect(res.status).toBe(200);
          expect(res.errors).toBeUndefined();
          expect(res.data!.scanBadge.outcome).toBe('REJECTED');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('syncs an offline scanner: results in order, judged at their own time, and a re-upload changes nothing', async () => {
    const gate = (
      await t.ok(
        CHECKPOINT,
        { e: editionId, i: { name: 'South entrance (offline)', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } },
        admin,
      )
    ).createCheckpoint.id;
    const late = await badged({ firstName: 'Revoked later' });
    // Within the hour before now, and today in Chicago (the venue count below is today's).
    const base = Math.max(
      Date.now() - 3600_000,
      DateTime.now().setZone('America/Chicago').startOf('day').toMillis() + 1000,
    );
    const scans = [
      ...people.map((p, i) => ({
        code: p.code,
        clientScanId: `off-${i}`,
        scannedAt: new Date(base + i * 1000).toISOString(),
      })),
      { code: people[0].code, clientScanId: 'off-dup', scannedAt: new Date(base + 10_000).toISOString() },
      { code: 'garbage', clientScanId: 'off-bad', scannedAt: new Date(base + 11_000).toISOString() },
      { code: late.code, clientScanId: 'off-late', scannedAt: new Date(base + 12_000).toISOString() },
    ];
    await t.ok(`mutation($a: ID!) { reissueBadge(attendeeId: $a) { id } }`, { a: late.id }, admin); // revoked after the offline scan
    const first = (await t.ok(SYNC, { c: gate, s: scans }, staff)).syncScans;
    expect(first.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'ADMITTED',
      'ADMITTED',
      'ADMITTED',
      'ADMITTED',
      'DUPLICATE',
      'REJECTED',
      'ADMITTED',
    ]);
    expect(first).toMatchObject({ admitted: 5, duplicates: 1, rejected: 1 });
    const again = (await t.ok(SYNC, { c: gate, s: scans }, staff)).syncScans;
    expect(again.results.map((r: { scan: { id: string } }) => r.scan.id)).toEqual(
      first.results.map((r: { scan: { id: string } }) => r.scan.id),
    );
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM scan WHERE checkpoint_id = $1`, [gate]);
    expect(n).toBe(7);
    expect(
      codeOf(
        await t.gql(
          SYNC,
          {
            c: gate,
            s: Array.from({ length: 1001 }, (_, i) => ({
              code: 'x',
              clientScanId: `${i}`,
              scannedAt: new Date().toISOString(),
            })),
          },
          staff,
        ),
      ),
    ).toBe('BAD_USER_INPUT');

    // Per checkpoint and for the venue: people who came in through both doors count once.
    const stats = (await t.ok(STATS, { c: gate }, staff)).checkpointStats;
    expect(stats).toEqual({ checkpointId: gate, admitted: 5, duplicates: 1, rejected: 1, uniqueAttendees: 5 });
    // Today this file admitted the four people (at several entrances) and `late` (only here): five, each once.
    const venue = (
      await t.ok(`query($e: ID!) { venueStats(editionId: $e) { day uniqueAttendees } }`, { e: editionId }, staff)
    ).venueStats;
    expect(venue).toEqual({ day: chicagoDay(0), uniqueAttendees: new Set([...people.map((p) => p.id), late.id]).size });
    expect(venue.uniqueAttendees).toBe(5);
  });

  it('streams checkpoint statistics over graphql-ws as scans arrive', async () => {
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const gate = (
      await t.ok(
        CHECKPOINT,
        { e: editionId, i: { name: 'Live door', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } },
        admin,
      )
    ).createCheckpoint.id;
    const seen: { admitted: number }[] = [];
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${staff}` },
      lazy: false,
    });
    client.subscribe(
      {
        query: `subscription($c: ID!) { checkpointStatsChanged(checkpointId: $c) { admitted uniqueAttendees } }`,
        variables: { c: gate },
      },
      {
        next: (v) => seen.push((v.data as { checkpointStatsChanged: { admitted: number } }).checkpointStatsChanged),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    try {
      // A ping on the statistics channel: its arrival acknowledges that the subscription is registered.
      const pubsub = t.app.get<RedisPubSub>(PUB_SUB);
      await eventually(
        async () => {
          await pubsub.publish(CHECKPOINT_STATS, {
            checkpointId: gate,
            admitted: -1,
            duplicates: 0,
            rejected: 0,
            uniqueAttendees: -1,
          });
          await new Promise((r) => setTimeout(r, 50));
          return seen.length;
        },
        (n) => n > 0,
        { what: 'the ping on the statistics channel' },
      );
      await scan(people[1].code, {}, staff, gate);
      await scan(people[2].code, {}, staff, gate);
      expect(
        await eventually(
          () => seen.at(-1),
          (last) => last?.admitted === 2,
        ),
      ).toEqual({ admitted: 2, uniqueAttendees: 2 });
    } finally {
      await client.dispose();
    }
  });

  it('records session attendance with exit scans', async () => {
    const s = await t.factory.session(editionId, {
      title: 'Sepsis prediction',
      ceCredits: 1.5,
      startsAt: yesterdayAt(16),
      endsAt: yesterdayAt(17),
    });
    const room = (
      await t.ok(
        CHECKPOINT,
        {
          e: editionId,
          i: {
            name: 'Room 204',
            kind: 'SESSION_ROOM',
            sessionId: s.id,
            allowed: ['FULL_CONFERENCE'],
            exitScanning: true,
          },
        },
        admin,
      )
    ).createCheckpoint;
    expect(room).toMatchObject({ kind: 'SESSION_ROOM', session: { id: s.id } });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await scan(people[0].code, {}, staff, room.id)).data!.scanBadge);
    expect(outcomes.map((o) => [o.outcome, o.reason])).toEqual([
      ['ADMITTED', null],
      ['ADMITTED', 'EXIT'],
      ['DUPLICATE', null],
    ]);
    expect(
      codeOf(
        await t.gql(
          CHECKPOINT,
          { e: editionId, i: { name: 'Bad', kind: 'SESSION_ROOM', allowed: ['FULL_CONFERENCE'] } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('earns CE credits for sessions attended long enough, counts overlapping sessions once, and prints a certificate', async () => {
    const me = await badged({ firstName: 'Credit', lastName: 'Seeker' });
    const at = yesterdayAt; // Chicago
    const mk = async (title: string, from: string, to: string, ceCredits: number, exitScanning = true) => {
      const s = await t.factory.session(editionId, { title, startsAt: from, endsAt: to, ceCredits });
      const room = (
        await t.ok(
          CHECKPOINT,
          {
            e: editionId,
            i: {
              name: title,
              kind: 'SESSION_ROOM',
              sessionId: s.id,
              allowed: ['FULL_CONFERENCE'],
              exitScanning,
              minAttendanceShare: 0.75,
            },
          },
          admin,
        )
      ).createCheckpoint.id;
      return { id: s.id, room };
    };
    const full = await mk('Full attendance', at(9), at(10), 1.5);
    const short = await mk('Left early', at(11), at(12), 1);
    const a = await mk('Overlap A', at(14), at(15), 1);
    const b = await mk('Overlap B', at(14, 30), at(15, 30), 1.25, false);
    const sync = (room: string, times: string[]) =>
      t.ok(
        SYNC,
        { c: room, s: times.map((when, i) => ({ code: me.code, clientScanId: `${room}-${i}`, scannedAt: when })) },
        staff,
      );
    await sync(full.room, [at(9, 2), at(10, 5)]); // in for 58 of 60 minutes
    await sync(short.room, [at(11), at(11, 30)]); // 30 of 60: not enough
    await sync(a.room, [at(14), at(15)]); // 60 of 60
    await sync(b.room, [at(14, 30)]); // no exit scanning: until the end, 60 of 60, overlaps A and is worth more
    const report = (
      await t.ok(
        `query($e: ID!) { myCredits(editionId: $e) { total certificateUrl sessions { session { title } minutesAttended credits } } }`,
        { e: editionId },
        me.token,
      )
    ).myCredits;
    expect(
      report.sessions.map((s: { session: { title: string }; minutesAttended: number; credits: number }) => [
        s.session.title,
        s.minutesAttended,
        s.credits,
      ]),
    ).toEqual([
      ['Full attendance', 58, 1.5],
      ['Left early', 30, 0],
      ['Overlap A', 60, 0],
      ['Overlap B', 60, 1.25],
    ]);
    expect(report.total).toBe(2.75);
    const pdf = await t.download(report.certificateUrl);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('Credit Seeker');
    expect(text).toContain('Total: 2.75 CE credits');
    expect((await t.http.get(report.certificateUrl.replace(/sig=[^&]+/, 'sig=x'))).status).toBe(404);
  });

  it('keeps the scan audit trail for the retention the organizers set', async () => {
    await scan(people[0].code);
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM scan WHERE edition_id = $1`, [editionId]);
    await t.db.query(
      `UPDATE scan SET received_at = now() - interval '3 days' WHERE id = (SELECT id FROM scan WHERE edition_id = $1 LIMIT 1)`,
      [editionId],
    );
    expect(
      codeOf(await t.gql(`mutation($e: ID!) { setScanRetention(editionId: $e, days: 2) }`, { e: editionId }, staff)),
    ).toBe('FORBIDDEN');
    expect(
      (await t.ok(`mutation($e: ID!) { setScanRetention(editionId: $e, days: 2) }`, { e: editionId }, admin))
        .setScanRetention,
    ).toBe(2);
    expect(await new ScanRetention(new ScanRepository(t.db)).purgeExpired()).toBe(1); // what the worker's hourly job runs
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM scan WHERE edition_id = $1`, [editionId]);
    expect(after).toBe(before - 1);
    await t.ok(`mutation($e: ID!) { setScanRetention(editionId: $e, days: null) }`, { e: editionId }, admin);
  });

  describe('lead capture', () => {
    let exhibitorA: string;
    let exhibitorB: string;
    let repA: string;
    let repB: string;

    beforeAll(async () => {
      exhibitorA = (
        await t.ok(
          `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Alpha" }) { id } }`,
          { e: editionId },
          admin,
        )
      ).createExhibitor.id;
      exhibitorB = (
        await t.ok(
          `mutation($e: ID!) { createExhibitor(editionId: $e, input: { name: "Beta" }) { id } }`,
          { e: editionId },
          admin,
        )
      ).createExhibitor.id;
      repA = await t.factory.tokenFor('rep@alpha.example');
      repB = await t.factory.tokenFor('rep@beta.example');
      for (const [m, x] of [
        ['rep@alpha.example', exhibitorA],
        ['rep@beta.example', exhibitorB],
      ]) {
        await t.ok(
          `mutation($e: ID!, $m: String!, $x: ID) { grantRole(editionId: $e, email: $m, role: EXHIBITOR, exhibitorId: $x) }`,
          { e: editionId, m, x },
          admin,
        );
      }
    });

    it('captures a lead once with a contact snapshot; a rescan keeps the first capture time and updates notes and rating', async () => {
      const p = await badged({
        firstName: 'Ada',
        lastName: 'Lovelace, "Countess"',
        company: '=HYPERLINK("http://evil")',
      });
      const first = (await t.ok(CAPTURE, { i: { exhibitorId: exhibitorA, code: p.code } }, repA)).captureLead;
      expect(first).toMatchObject({
        notes: null,
        rating: null,
        attendee: { id: p.id, firstName: 'Ada', email: p.email, badge: null },
      });
      const again = (
        await t.ok(
          CAPTURE,
          { i: { exhibitorId: exhibitorA, code: p.code, notes: 'Wants a demo,\nnext week', rating: 5 } },
          repA,
        )
      ).captureLead;
      expect(again).toMatchObject({
        id: first.id,
        capturedAt: first.capturedAt,
        notes: 'Wants a demo,\nnext week',
        rating: 5,
      });
      expect(codeOf(await t.gql(CAPTURE, { i: { exhibitorId: exhibitorA, code: p.code, rating: 9 } }, repA))).toBe(
        'BAD_USER_INPUT',
      );
      const bad = await t.gql(CAPTURE, { i: { exhibitorId: exhibitorA, code: 'not a badge' } }, repA);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions).toMatchObject({ reason: 'INVALID_CODE' });

      const path = (await t.ok(`query($x: ID!) { leadsCsvUrl(exhibitorId: $x) }`, { x: exhibitorA }, repA)).leadsCsvUrl;
      const res = await t.http.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const rows: string[][] = parse(res.text, { bom: true });
      expect(rows[0]).toEqual(LEAD_CSV_COLUMNS);
      const row = rows.find((r) => r[1] === 'Ada')!;
      expect(row.slice(2, 8)).toEqual([
        'Lovelace, "Countess"',
        p.email,
        `'=HYPERLINK("http://evil")`,
        '',
        '5',
        'Wants a demo,\nnext week',
      ]);
      expect((await t.http.get(path.replace(/sig=[^&]+/, 'sig=nope'))).status).toBe(404);
      expect((await t.ok(LEADS, { x: exhibitorA }, repA)).leads.totalCount).toBe(1);
    });

    it('syncs an offline booth scanner idempotently, keeping the earliest capture time; exports can be kept to admins', async () => {
      const [p, q] = [people[2], people[3]];
      const SYNC_LEADS = `mutation($x: ID!, $s: [OfflineLeadInput!]!) { syncLeads(exhibitorId: $x, scans: $s) { ok reason lead { id capturedAt rating attendee { id } } } }`;
      const early = new Date(Date.now() - 7200_000).toISOString();
      const scans = [
        { code: p.code, clientScanId: 'b1', scannedAt: early, rating: 4 },
        { code: 'junk', clientScanId: 'b2', scannedAt: early },
        { code: q.code, clientScanId: 'b3', scannedAt: early },
      ];
      const first = (await t.ok(SYNC_LEADS, { x: exhibitorB, s: scans }, repB)).syncLeads;
      expect(first.map((r: { ok: boolean; reason: string | null }) => [r.ok, r.reason])).toEqual([
        [true, null],
        [false, 'INVALID_CODE'],
        [true, null],
      ]);
      expect(first[0].lead).toMatchObject({ capturedAt: early, rating: 4, attendee: { id: p.id } });
      const again = (await t.ok(SYNC_LEADS, { x: exhibitorB, s: scans }, repB)).syncLeads;
      expect(again.map((r: { lead: { id: string } | null }) => r.lead?.id ?? null)).toEqual(
        first.map((r: { lead: { id: string } | null }) => r.lead?.id ?? null),
      );
      expect((await t.ok(LEADS, { x: exhibitorB }, repB)).leads.totalCount).toBe(2);

      await t.ok(
        `mutation($id: ID!) { updateExhibitor(id: $id, input: { name: "Beta", leadExportAdminsOnly: true }) { leadExportAdminsOnly } }`,
        { id: exhibitorB },
        admin,
      );
      const staffOnly = await t.factory.tokenFor('booth-helper@beta.example');
      await t.ok(
        `mutation($x: ID!) { addExhibitorStaff(exhibitorId: $x, email: "booth-helper@beta.example") { email } }`,
        { x: exhibitorB },
        repB,
      );
      expect(codeOf(await t.gql(`query($x: ID!) { leadsCsvUrl(exhibitorId: $x) }`, { x: exhibitorB }, staffOnly))).toBe(
        'FORBIDDEN',
      );
      expect(
        (await t.ok(`query($x: ID!) { leadsCsvUrl(exhibitorId: $x) }`, { x: exhibitorB }, repB)).leadsCsvUrl,
      ).toMatch(/^\/leads\//);
    });

    it('keeps every scanning and lead operation to the people it belongs to (authorization table)', async () => {
      const p = people[1];
      const attendee = p.token;
      const lead = (await t.ok(CAPTURE, { i: { exhibitorId: exhibitorA, code: p.code } }, repA)).captureLead.id;
      const ops: Record<string, (token: string) => Promise<unknown>> = {
        scanBadge: (tk) => t.gql(SCAN, { i: { checkpointId: door, code: people[3].code } }, tk),
        syncScans: (tk) =>
          t.gql(
            SYNC,
            { c: door, s: [{ code: 'x', clientScanId: randomUUID(), scannedAt: new Date().toISOString() }] },
            tk,
          ),
        checkpointStats: (tk) => t.gql(STATS, { c: door }, tk),
        scannerDataset: (tk) =>
          t.gql(
            `query($e: ID!) { scannerDataset(editionId: $e, first: 1) { bookmark hasNextPage } }`,
            { e: editionId },
            tk,
          ),
        createCheckpoint: (tk) =>
          t.gql(CHECKPOINT, { e: editionId, i: { name: 'X', kind: 'ENTRANCE', allowed: ['FULL_CONFERENCE'] } }, tk),
        captureLeadA: (tk) => t.gql(CAPTURE, { i: { exhibitorId: exhibitorA, code: people[2].code } }, tk),
        leadsA: (tk) => t.gql(LEADS, { x: exhibitorA }, tk),
        leadsCsvA: (tk) => t.gql(`query($x: ID!) { leadsCsvUrl(exhibitorId: $x) }`, { x: exhibitorA }, tk),
        updateLeadA: (tk) => t.gql(`mutation($id: ID!) { updateLead(id: $id, rating: 3) { id } }`, { id: lead }, tk),
      };
      const who: Record<string, string> = { attendee, staff, exhibitorA: repA, exhibitorB: repB, organizer: admin };
      const expected: Record<string, Record<string, string>> = {
        attendee: {
          scanBadge: 'FORBIDDEN',
          syncScans: 'FORBIDDEN',
          checkpointStats: 'FORBIDDEN',
          scannerDataset: 'FORBIDDEN',
          createCheckpoint: 'FORBIDDEN',
          captureLeadA: 'FORBIDDEN',
          leadsA: 'FORBIDDEN',
          leadsCsvA: 'FORBIDDEN',
          updateLeadA: 'FORBIDDEN',
        },
        staff: {
          scanBadge: 'OK',
          syncScans: 'OK',
          checkpointStats: 'OK',
          scannerDataset: 'OK',
          createCheckpoint: 'FORBIDDEN',
          captureLeadA: 'FORBIDDEN',
          leadsA: 'FORBIDDEN',
          leadsCsvA: 'FORBIDDEN',
          updateLeadA: 'FORBIDDEN',
        },
        exhibitorA: {
          scanBadge: 'FORBIDDEN',
          syncScans: 'FORBIDDEN',
          checkpointStats: 'FORBIDDEN',
          scannerDataset: 'FORBIDDEN',
          createCheckpoint: 'FORBIDDEN',
          captureLeadA: 'OK',
          leadsA: 'OK',
          leadsCsvA: 'OK',
          updateLeadA: 'OK',
        },
        exhibitorB: {
          scanBadge: 'FORBIDDEN',
          syncScans: 'FORBIDDEN',
          checkpointStats: 'FORBIDDEN',
          scannerDataset: 'FORBIDDEN',
          createCheckpoint: 'FORBIDDEN',
          captureLeadA: 'NOT_FOUND',
          leadsA: 'NOT_FOUND',
          leadsCsvA: 'NOT_FOUND',
          updateLeadA: 'NOT_FOUND',
        },
        organizer: {
          scanBadge: 'OK',
          syncScans: 'OK',
          checkpointStats: 'OK',
          scannerDataset: 'OK',
          createCheckpoint: 'OK',
          captureLeadA: 'OK',
          leadsA: 'OK',
          leadsCsvA: 'OK',
          updateLeadA: 'OK',
        },
      };
      const actual: Record<string, Record<string, string>> = {};
      for (const [role, token] of Object.entries(who)) {
        actual[role] = {};
        for (const [op, run] of Object.entries(ops)) {
          const res = (await run(token)) as { errors?: { extensions?: { code?: string } }[] };
          actual[role][op] = res.errors?.length ? (res.errors[0].extensions?.code ?? 'ERROR') : 'OK';
        }
      }
      expect(actual).toEqual(expected);
      const signedOut = Object.fromEntries(
        await Promise.all(
          Object.entries(ops).map(async ([op, run]) => [
            op,
            codeOf((await run(undefined as unknown as string)) as never),
          ]),
        ),
      );
      expect(signedOut).toEqual(Object.fromEntries(Object.keys(ops).map((op) => [op, 'UNAUTHENTICATED'])));
    });
  });
});
