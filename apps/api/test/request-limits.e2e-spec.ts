import { spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { loadConfig } from '@app/core';
import { codeOf, TestApp } from './test-app';

/** The probe's document: F0 spreads F1 twice ... F<levels> selects editions { id }: 2^levels copies once expanded. */
const doubling = (levels: number) => {
  let q = '{ ...F0 } ';
  for (let i = 0; i < levels; i++) q += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} } `;
  return q + `fragment F${levels} on Query { editions { id } }`;
};
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const post = (app: INestApplication, body: unknown, headers: Record<string, string> = {}) =>
  request(app.getHttpServer())
    .post('/graphql')
    .set('Content-Type', 'application/json')
    .set(headers)
    .send(body as object);

/** What the GraphQL engine bounds: document size and shape, variables, time, schema exposure, client IPs, Redis outages. */
describe('request limits', () => {
  let t: TestApp;
  let admin: string;
  let editionId: string;
  let hallId: string;

  beforeAll(async () => {
    t = await TestApp.create({ config: { loginLimitPerIp: 3 } });
    admin = await t.factory.admin();
    editionId = (await t.factory.edition()).id;
    hallId = (
      await t.ok(
        `mutation($e: ID!) { createHall(editionId: $e, input: { name: "Hall A", widthM: 20, depthM: 20 }) { id } }`,
        { e: editionId },
        admin,
      )
    ).createHall.id;
  });
  afterAll(() => t.close());

  it.each([30, 20])(
    'refuses %i levels of doubling fragments at once with 400, while /health answers',
    async (levels) => {
      const started = Date.now();
      const [res, health] = await Promise.all([t.gql(doubling(levels)), t.http.get('/health')]);
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/too large/);
      expect(health.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3000);
    },
  );

  it('measures fragments, inline fragments and directives like the same fields written out', async () => {
    const e = { e: editionId };
    expect(
      codeOf(
        await t.gql(
          `query($e: ID!) { edition(id: $e) { ...E } } fragment E on Edition { id ... on Edition { name } }`,
          e,
        ),
      ),
    ).toBeUndefined();
    // Depth through a fragment: 11 levels of fields is one over the limit of 10.
    const deep = `query($e: ID!) { sessions(editionId: $e, first: 1) { edges { node { ...A } } } } fragment A on Session { speakers { sessions { speakers { ... on Speaker { sessions { speakers { sessions { speakers { name } } } } } } } } }`;
    const res = await t.gql(deep, e);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/too deep: depth 11, the limit is 10/);
  });

  it('gives expensive fields their cost and caps aliases: 8,000 aliased floor plans are refused', async () => {
    const res = await t.gql(aliases(8000, `floorPlanSvg(hallId: "${hallId}")`));
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    // Under the alias cap, 25 floor plans still cost more than the complexity limit.
    const costly = await t.gql(aliases(25, `floorPlanSvg(hallId: "${hallId}")`));
    expect(codeOf(costly)).toBe('BAD_USER_INPUT');
    expect(costly.errors![0].message).toMatch(/too complex/);
    expect((await t.ok(aliases(2, `floorPlanSvg(hallId: "${hallId}")`))).a1).toContain('<svg');
    expect(codeOf(await t.gql(aliases(101, '__typename')))).toBe('BAD_USER_INPUT');
  });

  it('answers 200,000 aliased __typename with 400, not 500', async () => {
    const res = await t.gql(aliases(200_000, '__typename'));
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('prices @skip/@include by this request’s variables: a cheap first request does not let an expensive one through', async () => {
    const page = `sessions(editionId: $e, first: 200) @skip(if: $s) { edges { node { id title abstract speakers { name company } room { name } track { name } } } }`;
    const q = `query($e: ID!, $s: Boolean!) { ${Array.from({ length: 10 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
    expect(codeOf(await t.gql(q, { e: editionId, s: true }))).toBeUndefined();
    const res = await t.gql(q, { e: editionId, s: false });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/too complex/);
  });

  it('refuses variables nested 100,000 deep and documents nested 5,000 deep with 400 BAD_USER_INPUT', async () => {
    // The JSON is written by hand: JSON.stringify itself overflows the stack on it.
    const body = `{"query":"query($f: SessionFilter) { sessions(editionId: \\"${editionId}\\", filter: $f) { totalCount } }","variables":{"f":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`;
    const res = await t.http.post('/graphql').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const nested = await t.gql(`{ ${'editions { '.repeat(5000)}id${' }'.repeat(5000)} }`);
    expect(nested.status).toBe(400);
    expect(codeOf(nested)).toBe('BAD_USER_INPUT');
    // Braces inside strings do not count.
    expect(
      await t.ok(
        `mutation($e: ID!) { createTrack(editionId: $e, name: "${'{'.repeat(70)}") { name } }`,
        { e: editionId },
        admin,
      ),
    ).toEqual({ createTrack: { name: '{'.repeat(70) } });
  });

  it('stops resolving fields once the time budget is spent: no further mutation runs', async () => {
    const hurried = await t.secondInstance({ requestTimeoutMs: 0 });
    const name = `late-${Date.now()}`;
    const res = await post(
      hurried,
      {
        query: `mutation($e: ID!) { a: createTrack(editionId: $e, name: "${name}-a") { id } b: createTrack(editionId: $e, name: "${name}-b") { id } }`,
        variables: { e: editionId },
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    await new Promise((r) => setTimeout(r, 200));
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM track WHERE name LIKE $1`, [`${name}%`]);
    expect(n).toBe(0);
  });

  it('hides introspection and suggestions when told to, and production defaults to that', async () => {
    expect(codeOf(await t.gql(getIntrospectionQuery()))).toBeUndefined();
    expect((await t.gql('{ editionz { id } }')).errors![0].message).toMatch(/Did you mean/);

    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), BADGE_KEY_SECRET: 'y'.repeat(32) });
    expect(prod).toMatchObject({ graphqlIntrospection: false, graphqlSuggestions: false, trustProxy: 'false' });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        BADGE_KEY_SECRET: 'y'.repeat(32),
        GRAPHQL_INTROSPECTION: 'true',
      }).graphqlIntrospection,
    ).toBe(true);

    const closed = await t.secondInstance({ graphqlIntrospection: false, graphqlSuggestions: false });
    const intro = await post(closed, { query: getIntrospectionQuery() });
    expect(intro.status).toBe(400);
    expect(intro.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const typo = await post(closed, { query: '{ editionz { id } }' });
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean|editions/);
  });

  describe('client IPs (LOGIN_LIMIT_PER_IP = 3)', () => {
    const login = (app: INestApplication, ip: string) =>
      post(
        app,
        {
          query: `mutation($e: String!) { login(email: $e, password: "wrong-password") { token } }`,
          variables: { e: `nobody-${Math.random()}@test.example` },
        },
        { 'x-forwarded-for': ip },
      ).then((r) => r.body.errors?.[0]?.extensions?.code as string);

    it('by default ignores X-Forwarded-For: a fresh one per request does not reset the per-IP limit', async () => {
      // The socket's IP (127.0.0.1) spends its 3 attempts (the admin's sign-in counts too), whatever each request claims.
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push(await login(t.app, `203.0.113.${i + 1}`));
      expect(codes.filter((c) => c !== 'RATE_LIMITED').length).toBeLessThanOrEqual(3);
      expect(codes.slice(3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    });

    it('with TRUST_PROXY=loopback takes the client IP from X-Forwarded-For', async () => {
      const proxied = await t.secondInstance({ trustProxy: 'loopback' });
      // The socket's IP is spent (above); each forwarded IP has its own allowance.
      expect(await login(proxied, '198.51.100.7')).not.toBe('RATE_LIMITED');
      expect(await login(proxied, '198.51.100.8')).not.toBe('RATE_LIMITED');
      const same: string[] = [];
      for (let i = 0; i < 4; i++) same.push(await login(proxied, '198.51.100.9'));
      expect(same[3]).toBe('RATE_LIMITED');
    });
  });

  it('answers SERVICE_UNAVAILABLE at once when Redis is unreachable, and writes do not wait on it', async () => {
    const cut = await t.secondInstance({ redisUrl: 'redis://127.0.0.1:1' });
    let started = Date.now();
    const res = await post(cut, {
      query: `mutation { login(email: "someone@test.example", password: "wrong-password") { token } }`,
    });
    expect(res.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(1500);
    started = Date.now();
    const write = await post(
      cut,
      {
        query: `mutation($e: ID!) { createTrack(editionId: $e, name: "while Redis is down") { id } }`,
        variables: { e: editionId },
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(write.body.errors).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

/** A real API process: SIGTERM ends it within 10 s even with a request stuck in flight. */
describe('shutdown', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.create()));
  afterAll(() => t.close());

  const freePort = () =>
    new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });

  it('exits within 10 s of SIGTERM while a slow client holds a request open', async () => {
    const root = join(__dirname, '..', '..', '..');
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'apps/api/src/main.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          TS_NODE_PROJECT: join(root, 'tsconfig.json'),
          PORT: String(port),
          DATABASE_URL: t.config.databaseUrl,
          REDIS_URL: t.config.redisUrl,
          REDIS_PREFIX: t.config.redisPrefix,
          JWT_SECRET: t.config.jwtSecret,
          BADGE_KEY_SECRET: t.config.badgeKeySecret,
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()).includes('API ready') && resolve());
        child.once('exit', (code) => reject(new Error(`API exited with ${code} before it was ready`)));
      });
      // A request whose body never finishes arriving: the server cannot close while it is open.
      const socket = new Socket();
      await new Promise<void>((resolve) => socket.connect(port, '127.0.0.1', resolve));
      socket.on('error', () => undefined);
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":`,
      );
      await new Promise((r) => setTimeout(r, 200));
      const started = Date.now();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(Date.now() - started).toBeLessThan(11_000);
      socket.destroy();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
