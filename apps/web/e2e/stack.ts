import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MailCatcher as MailCatcherType } from '../../../libs/testing/src/mail-catcher';

// The Jest harness's pieces (CommonJS TypeScript, loaded through Playwright's require hook): this
// folder is an ES module package.
const require = createRequire(import.meta.url);
const { MailCatcher } =
  require('../../../libs/testing/src/mail-catcher') as typeof import('../../../libs/testing/src/mail-catcher');
const { adminQuery, databaseUrl, TEST_DB_PREFIX } =
  require('../../../libs/testing/src/test-db') as typeof import('../../../libs/testing/src/test-db');
const Redis = require('ioredis') as typeof import('ioredis').default;
const { Client } = require('pg') as typeof import('pg');
type MailCatcher = MailCatcherType;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const ADMIN = { email: 'admin@e2e.example', password: 'admin-password-e2e' };
export const PASSWORD = 'tangerine-octopus-42';

interface GqlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The real platform for the browser tests: a fresh database migrated from migrations/, the API
 * (serving the built web app at /) and the worker as their own processes through ts-node, on a free
 * port, with mail going to an SMTP listener in this process, so the mailed links can be opened.
 */
export class Stack {
  private constructor(
    readonly baseURL: string,
    readonly mails: MailCatcher,
    private readonly dbName: string,
    private readonly redisPrefix: string,
    private readonly processes: ChildProcess[],
  ) {}

  static async start(): Promise<Stack> {
    const stamp = Date.now().toString(36);
    const dbName = `${TEST_DB_PREFIX}${stamp}_pw_${randomBytes(3).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${dbName}"`);
    const [port, mails] = await Promise.all([freePort(), MailCatcher.start()]);
    const baseURL = `http://127.0.0.1:${port}`;
    const redisPrefix = `pw:${randomBytes(4).toString('hex')}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      DATABASE_URL: databaseUrl(dbName),
      REDIS_PREFIX: redisPrefix,
      PORT: String(port),
      PUBLIC_URL: baseURL,
      JWT_SECRET: 'e2e-secret-that-is-long-enough',
      BADGE_KEY_SECRET: 'e2e-badge-key-secret-long-enough',
      ORGANIZER_EMAIL: ADMIN.email,
      ORGANIZER_PASSWORD: ADMIN.password,
      SMTP_URL: mails.url,
      MAIL_RETRY_BASE_MS: '100',
      SIGNUP_LIMIT_PER_IP: '10000',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? join(ROOT, 'apps/web/dist'),
    };
    const tsNode = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
    await run([...tsNode, 'libs/core/src/database/migrate.ts'], { ...env, MIGRATE_URL: env.DATABASE_URL });
    const processes = [
      spawnUntil([...tsNode, 'apps/api/src/main.ts'], env, 'API ready'),
      spawnUntil([...tsNode, 'apps/worker/src/main.ts'], env, 'worker ready'),
    ];
    const stack = new Stack(
      baseURL,
      mails,
      dbName,
      redisPrefix,
      processes.map((p) => p.child),
    );
    try {
      await Promise.all(processes.map((p) => p.ready));
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** A GraphQL request to the API, as a client outside the browser (seeding, checks). */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GqlAnswer<T>> {
    const res = await fetch(`${this.baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlAnswer<T>;
  }

  /** Like gql, but every error fails the test. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const answer = await this.gql<T>(query, variables, token);
    if (answer.errors?.length || !answer.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  private adminToken?: Promise<string>;
  /** The platform organizer's token. */
  admin(): Promise<string> {
    return (this.adminToken ??= this.ok<{ login: { token: string } }>(
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      { e: ADMIN.email, p: ADMIN.password },
    ).then((d) => d.login.token));
  }

  /** Waits for (and takes out) the mail to `address` whose text matches, and returns the link in it to `path`. */
  async mailedLink(address: string, path: string, timeoutMs = 15_000): Promise<string> {
    const pattern = new RegExp(`https?://\\S+/${path}\\?token=\\S+`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = this.mails.take(address, (m) => pattern.test(m.text ?? ''));
      if (mail) return mail.text!.match(pattern)![0];
      if (Date.now() > deadline) throw new Error(`no mail to ${address} with a /${path} link within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** One SQL statement on the stack's database (a test that must change what no API changes, e.g. a scan's time). */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: databaseUrl(this.dbName) });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await this.mails.close();
    await adminQuery(`DROP DATABASE IF EXISTS "${this.dbName}" WITH (FORCE)`);
    // The stack's queues, limits and caches live under its own prefix: nothing of it outlives the run.
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`${this.redisPrefix}:*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.at(-1)} exited with ${code}`))));
  });
}

/** Starts a process and resolves once its output says `readyLine`; rejects if it exits first. */
function spawnUntil(
  args: string[],
  env: NodeJS.ProcessEnv,
  readyLine: string,
): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (out.includes(readyLine)) return;
      out = (out + chunk.toString()).slice(-8192);
      if (out.includes(readyLine)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${args.at(-1)} exited with ${code} before it was ready:\n${out}`)));
  });
  return { child, ready };
}
