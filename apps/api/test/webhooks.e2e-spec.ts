import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '@app/notifications';
import { eventually } from '@app/testing';
import { codeOf, TestApp } from './test-app';

/** Waits for a condition; a time-out fails naming it. */
const until = async (check: () => boolean | Promise<boolean>, timeoutMs?: number) => {
  await eventually(check, Boolean, { timeoutMs, what: check.toString() });
};

const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour + 6)).toISOString();
const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
const CREATE = `mutation($e: ID!, $i: WebhookInput!) { createWebhook(editionId: $e, input: $i) { id url events active } }`;
const SECRET = 'receiver-shared-secret';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  /** When it arrived (ms). */
  at: number;
}

/** A real HTTP receiver on loopback; `answer` decides each response's status. */
async function receiver(
  answer: (n: number) => number | 'hang' = () => 200,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body, at: Date.now() });
      const status = answer(received.length);
      if (status === 'hang') return; // never answers: the sender's timeout must end it
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, server };
}

describe('webhooks', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    t = await TestApp.create({ config: { webhookRetryBaseMs: 10, webhookAllowPrivate: true } }); // retries 10, 20, 40 … ms; the receivers listen on loopback
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
    await t.startWorker();
  });
  afterAll(async () => {
    servers.forEach((s) => s.close());
    await t.close();
  });

  it('only organizers register endpoints, with a valid URL and known events', async () => {
    const user = await t.factory.user();
    expect(
      codeOf(
        await t.gql(
          CREATE,
          { e: editionId, i: { url: 'https://example.com/h', secret: SECRET, events: ['schedule.changed'] } },
          user.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(
          CREATE,
          { e: editionId, i: { url: 'ftp://example.com/h', secret: SECRET, events: ['schedule.changed'] } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          CREATE,
          { e: editionId, i: { url: 'https://example.com/h', secret: SECRET, events: ['session.eaten'] } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          CREATE,
          { e: editionId, i: { url: 'https://example.com/h', secret: 'short', events: ['schedule.changed'] } },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('POSTs each schedule change once, signed, to every endpoint; a failing receiver is retried until it accepts', async () => {
    const good = await receiver();
    const flaky = await receiver((n) => (n <= 2 ? 503 : 200));
    servers.push(good.server, flaky.server);
    const e = (await t.factory.edition()).id;
    for (const r of [good, flaky])
      await t.ok(CREATE, { e, i: { url: r.url, secret: SECRET, events: ['schedule.changed'] } }, admin);

    const session = await t.factory.session(e, { title: 'Opening keynote', startsAt: at(8, 9), endsAt: at(8, 10) });
    await t.ok(MOVE, { id: session.id, p: { startsAt: at(8, 11), endsAt: at(8, 12) } }, admin);

    await until(() => good.received.length === 1 && flaky.received.length === 3);
    const [delivery] = good.received;
    expect(verifyWebhook(SECRET, delivery.body, String(delivery.headers['x-conference-signature']))).toBe(true);
    expect(
      verifyWebhook('another-secret-value', delivery.body, String(delivery.headers['x-conference-signature'])),
    ).toBe(false);
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({
      event: 'schedule.changed',
      kind: 'TIME_CHANGED',
      session: { id: session.id, title: 'Opening keynote' },
    });
    expect(body.summary).toContain('moved from');
    expect(flaky.received.map((r) => r.body)).toEqual(Array(3).fill(flaky.received[2].body));

    const { webhooks } = await t.ok(`query($e: ID!) { webhooks(editionId: $e) { id url } }`, { e }, admin);
    const flakyId = webhooks.find((w: { url: string }) => w.url === flaky.url).id;
    await until(
      async () =>
        (await t.ok(`query($w: ID!) { webhookDeliveries(webhookId: $w) { state } }`, { w: flakyId }, admin))
          .webhookDeliveries[0]?.state === 'DELIVERED',
    );
    const { webhookDeliveries } = await t.ok(
      `query($w: ID!) { webhookDeliveries(webhookId: $w) { state attempts lastStatus } }`,
      { w: flakyId },
      admin,
    );
    expect(webhookDeliveries).toEqual([{ state: 'DELIVERED', attempts: 3, lastStatus: 200 }]);

    // Nothing more arrives later: each receiver got the change exactly as often as it had to. The
    // control: a second change reaches both, and by then any stray repeat of the first would have.
    await t.ok(MOVE, { id: session.id, p: { title: 'Opening keynote, renamed' } }, admin);
    await until(() => good.received.length === 2 && flaky.received.length === 4);
    const perDelivery = (r: Received[]) => [
      ...r
        .reduce(
          (m, x) =>
            m.set(
              String(x.headers['x-conference-delivery']),
              (m.get(String(x.headers['x-conference-delivery'])) ?? 0) + 1,
            ),
          new Map<string, number>(),
        )
        .values(),
    ];
    expect([perDelivery(good.received), perDelivery(flaky.received)]).toEqual([
      [1, 1],
      [3, 1],
    ]);
  });

  it('retries a receiver that keeps failing with growing delays, ten attempts in all, then marks the delivery FAILED', async () => {
    const broken = await receiver(() => 500);
    const good = await receiver();
    servers.push(broken.server, good.server);
    const e = (await t.factory.edition()).id;
    for (const r of [broken, good])
      await t.ok(CREATE, { e, i: { url: r.url, secret: SECRET, events: ['schedule.changed'] } }, admin);
    const brokenId = (await t.ok(`query($e: ID!) { webhooks(editionId: $e) { id url } }`, { e }, admin)).webhooks.find(
      (w: { url: string }) => w.url === broken.url,
    ).id;
    const session = await t.factory.session(e, { startsAt: at(9, 9), endsAt: at(9, 10) });
    await t.ok(MOVE, { id: session.id, p: { startsAt: at(9, 11), endsAt: at(9, 12) } }, admin);

    const DELIVERIES = `query($w: ID!) { webhookDeliveries(webhookId: $w) { state attempts lastStatus lastError } }`;
    // Retries are observed while they happen: the delivery is PENDING with attempts counted.
    const pending = await eventually(
      async () => (await t.ok(DELIVERIES, { w: brokenId }, admin)).webhookDeliveries[0],
      (d) => d?.state === 'PENDING' && d.attempts >= 2,
      { timeoutMs: 10_000 },
    );
    expect(pending).toMatchObject({ state: 'PENDING', lastStatus: 500, lastError: 'HTTP 500' });
    const failed = await eventually(
      async () => (await t.ok(DELIVERIES, { w: brokenId }, admin)).webhookDeliveries,
      (d) => d[0]?.state === 'FAILED',
      { timeoutMs: 20_000 },
    );
    expect(failed).toEqual([{ state: 'FAILED', attempts: 10, lastStatus: 500, lastError: 'HTTP 500' }]);
    // Ten POSTs of the same delivery, each a little later than the one before (exponential backoff from 10 ms).
    expect(broken.received).toHaveLength(10);
    expect(new Set(broken.received.map((r) => r.headers['x-conference-delivery'])).size).toBe(1);
    expect(new Set(broken.received.map((r) => r.body)).size).toBe(1);
    const gaps = broken.received.slice(1).map((r, i) => r.at - broken.received[i].at);
    expect(gaps.at(-1)!).toBeGreaterThanOrEqual(1280); // the ninth retry waits 10 ms × 2^8
    expect(gaps.at(-1)!).toBeGreaterThan(4 * gaps[0]);
    // No eleventh attempt: a later change reaches the good receiver twice and the broken one once more, as a new delivery.
    await t.ok(MOVE, { id: session.id, p: { title: 'After the failure' } }, admin);
    await until(() => good.received.length === 2 && broken.received.length >= 11);
    expect(new Set(broken.received.map((r) => r.headers['x-conference-delivery'])).size).toBe(2);
    expect(
      broken.received.filter(
        (r) => r.headers['x-conference-delivery'] === broken.received[0].headers['x-conference-delivery'],
      ),
    ).toHaveLength(10);
  });

  it('a receiver that never answers does not hold up the others', async () => {
    const dead = await receiver(() => 'hang');
    const good = await receiver();
    servers.push(dead.server, good.server);
    const e = (await t.factory.edition()).id;
    for (const r of [dead, good])
      await t.ok(CREATE, { e, i: { url: r.url, secret: SECRET, events: ['schedule.changed'] } }, admin);
    const session = await t.factory.session(e, { startsAt: at(8, 9), endsAt: at(8, 10) });
    const started = Date.now();
    await t.ok(MOVE, { id: session.id, p: { startsAt: at(8, 13), endsAt: at(8, 14) } }, admin);
    await until(() => good.received.length === 1 && dead.received.length >= 1);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
