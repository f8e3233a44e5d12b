import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually } from '@app/testing';
import { codeOf, TestApp } from './test-app';

const CREATE = `mutation($e: ID!, $i: WebhookInput!) { createWebhook(editionId: $e, input: $i) { id url } }`;
const MOVE = `mutation($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;
const DELIVERIES = `query($w: ID!) { webhookDeliveries(webhookId: $w) { state attempts lastStatus lastError } }`;
const SECRET = 'receiver-shared-secret';
const at = (day: number, hour: number) => new Date(Date.UTC(2027, 2, day, hour + 6)).toISOString();

/**
 * Webhooks cannot be aimed inside (SSRF). With WEBHOOK_ALLOW_PRIVATE off (the default) internal
 * targets are refused when registered, and again at delivery after the name is resolved. Nothing
 * here is sent anywhere but loopback.
 */
describe('webhook targets (SSRF)', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let server: Server;
  let port: number;
  let received = 0;

  beforeAll(async () => {
    t = await TestApp.create({ config: { webhookRetryBaseMs: 100 } });
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
    server = createServer((req, res) => {
      received++;
      req.resume();
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  it('refuses loopback, private, link-local and metadata targets, localhost and non-http schemes at registration', async () => {
    for (const url of [
      `http://127.0.0.1:${port}/hooks`,
      'http://[::1]:6379/',
      'http://169.254.169.254/latest/meta-data/iam/',
      'http://[::ffff:169.254.169.254]/',
      'http://10.0.0.8/',
      'http://192.168.1.20:8080/',
      'http://100.100.100.200/',
      'http://0.0.0.0:5432/',
      'http://2130706433/',
      `http://localhost:${port}/hooks`,
      'file:///etc/passwd',
    ]) {
      const res = await t.gql(
        CREATE,
        { e: editionId, i: { url, secret: SECRET, events: ['schedule.changed'] } },
        admin,
      );
      expect([url, codeOf(res)]).toEqual([url, 'BAD_USER_INPUT']);
    }
    expect((await t.ok(`query($e: ID!) { webhooks(editionId: $e) { id } }`, { e: editionId }, admin)).webhooks).toEqual(
      [],
    );
  });

  it('checks again after resolving the name at delivery: a name that now resolves to 127.0.0.1 gets nothing', async () => {
    // Registered while private targets were allowed (as a name that resolved outside would pass), delivered with them refused.
    t.config.webhookAllowPrivate = true;
    const hook = (
      await t.ok(
        CREATE,
        { e: editionId, i: { url: `http://localhost:${port}/hooks`, secret: SECRET, events: ['schedule.changed'] } },
        admin,
      )
    ).createWebhook;
    t.config.webhookAllowPrivate = false;
    await t.startWorker({ webhookAllowPrivate: false });

    const session = await t.factory.session(editionId, { startsAt: at(8, 9), endsAt: at(8, 10) });
    await t.ok(MOVE, { id: session.id, p: { startsAt: at(8, 11), endsAt: at(8, 12) } }, admin);
    const [delivery] = (await eventually(
      async () => (await t.ok(DELIVERIES, { w: hook.id }, admin)).webhookDeliveries,
      (d: { state: string }[]) => d[0]?.state === 'FAILED',
    )) as { state: string; attempts: number; lastStatus: number | null; lastError: string }[];
    expect(delivery).toMatchObject({ state: 'FAILED', attempts: 1, lastStatus: null });
    expect(delivery.lastError).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1)/);
    await new Promise((r) => setTimeout(r, 500)); // no retry reaches it either
    expect(received).toBe(0);
  });
});
