import { ChildProcess, spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { INestApplicationContext } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppConfig, REDIS } from '@app/core';
import { createTestPlace, dropTestDatabase, MailCatcher, testConfig } from '@app/testing';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../worker/src/worker.module';
import { AppModule } from '../src/app.module';
import { APP_OPTIONS, configureApp } from '../src/configure-app';
import { Factory } from './factory';

/** The password factory users sign up with (passes the password rules). */
export const TEST_PASSWORD = 'tangerine-octopus-42';

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}
export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: GqlError[];
  /** SQL statements the request ran (x-sql-queries). */
  sqlQueries: number;
  headers: Record<string, string>;
}

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/** The API-level test harness: one API instance on its own database and Redis prefix, one per test file (lib services alone: @app/testing's ServiceTier). */
export class TestApp {
  readonly factory = new Factory(this);
  private readonly workers: INestApplicationContext[] = [];
  private readonly instances: INestApplication[] = [];
  private readonly processes: ChildProcess[] = [];
  private mailCatcher?: Promise<MailCatcher>;

  private constructor(
    readonly app: INestApplication,
    readonly config: AppConfig,
    private readonly dbName: string,
  ) {}

  static async create(options: TestAppOptions = {}): Promise<TestApp> {
    const place = await createTestPlace();
    const config = testConfig(place, options.config);
    let builder = Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(AppConfig)
      .useValue(config);
    if (options.customize) builder = options.customize(builder);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication({ ...APP_OPTIONS, logger: false });
    configureApp(app);
    await app.init();
    return new TestApp(app, config, place.dbName);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  get http() {
    return request(this.app.getHttpServer() as Server);
  }

  /**
   * Sends a GraphQL operation. T is the data's shape; specs that leave it out read the answer as
   * untyped JSON (the lint config turns the no-unsafe rules off for them), typed helpers pass it.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the untyped-JSON default of ~650 spec calls
  async gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<T>> {
    let req = this.http.post('/graphql').set('Content-Type', 'application/json').set(headers);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    const body = res.body as { data?: T | null; errors?: GqlError[] } | undefined;
    return {
      status: res.status,
      data: body?.data ?? undefined,
      errors: body?.errors,
      sqlQueries: Number(res.headers['x-sql-queries'] ?? NaN),
      headers: res.headers,
    };
  }

  /** GETs a path and returns the body as bytes (PDFs and other binary downloads). */
  async download(path: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const res = await this.http
      .get(path)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { status: res.status, headers: res.headers, body: res.body as Buffer };
  }

  /** Runs an operation that must succeed and returns its data (T as in gql). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as gql's
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const res = await this.gql<T>(query, variables, token);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data;
  }

  /**
   * Starts the worker (processors and outbox relay) in this process, on the same database and Redis
   * prefix. config overrides let a test give it, say, an unreachable Redis.
   */
  async startWorker(config: Partial<AppConfig> = {}): Promise<INestApplicationContext> {
    // Mail goes somewhere a test can read it: the test's own SMTP listener, or this app's.
    const smtpUrl = config.smtpUrl ?? this.config.smtpUrl ?? (await this.mails()).url;
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(AppConfig)
      .useValue(Object.assign(Object.create(AppConfig.prototype), this.config, { smtpUrl }, config))
      .compile();
    moduleRef.useLogger(false);
    const worker = await moduleRef.init();
    this.workers.push(worker);
    return worker;
  }

  /** Another API instance on the same database and Redis prefix (as behind a load balancer), listening on a free port. */
  async secondInstance(config: Partial<AppConfig> = {}): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(AppConfig)
      .useValue(Object.assign(Object.create(AppConfig.prototype), this.config, config))
      .compile();
    const app = moduleRef.createNestApplication({ ...APP_OPTIONS, logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    this.instances.push(app);
    return app;
  }

  /**
   * The worker as its own process (apps/worker/src/main.ts through ts-node), on this app's database
   * and Redis prefix: for tests that kill it. Resolves once it is ready.
   */
  async spawnWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
    const root = join(__dirname, '..', '..', '..');
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'apps/worker/src/main.ts')],
      {
        cwd: root,
        env: {
          ...process.env,
          TS_NODE_PROJECT: join(root, 'tsconfig.json'),
          DATABASE_URL: this.config.databaseUrl,
          REDIS_URL: this.config.redisUrl,
          REDIS_PREFIX: this.config.redisPrefix,
          JWT_SECRET: this.config.jwtSecret,
          BADGE_KEY_SECRET: this.config.badgeKeySecret,
          SMTP_URL: this.config.smtpUrl ?? (await this.mails()).url,
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    this.processes.push(child);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('worker ready')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    });
    return child;
  }

  /** This app's SMTP listener (started on first use), where workers without a test-given SMTP_URL send mail. */
  mails(): Promise<MailCatcher> {
    return (this.mailCatcher ??= MailCatcher.start());
  }

  /** A worker to send the mails a factory waits for, unless the test already runs one. */
  async ensureWorker(): Promise<void> {
    if (!this.workers.length && !this.processes.some((p) => p.exitCode === null && p.signalCode === null))
      await this.startWorker();
  }

  async stopWorker(worker: INestApplicationContext): Promise<void> {
    this.workers.splice(this.workers.indexOf(worker), 1);
    await worker.close();
  }

  async close(): Promise<void> {
    for (const worker of this.workers.splice(0)) await worker.close();
    for (const instance of this.instances.splice(0)) await instance.close();
    for (const child of this.processes.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
    }
    const redis = this.app.get<Redis>(REDIS);
    const keys = await redis.keys(`${this.config.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await this.app.close();
    if (this.mailCatcher) await (await this.mailCatcher).close();
    await dropTestDatabase(this.dbName);
  }
}

/** The error code of the first error, for expect(). */
export const codeOf = (res: GqlResponse<unknown>) => res.errors?.[0]?.extensions?.code;
