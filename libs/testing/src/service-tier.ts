/**
 * The service-level test tier: a lib's services built with their real repositories on a fresh,
 * migrated PostgreSQL database, with no GraphQL and no HTTP. Files are `libs/<lib>/test/<topic>.service-spec.ts`.
 *
 *   let tier: ServiceTier;
 *   beforeAll(async () => (tier = await ServiceTier.create({ imports: [SessionsModule, ScheduleModule] })));
 *   afterAll(() => tier.close());
 *
 *   it('...', async () => {
 *     const edition = await tier.edition();
 *     const organizer = await tier.organizer(edition.id);
 *     const session = await tier.session(edition.id, { capacity: 1 });
 *     const svc = tier.get(ScheduleService);
 *     ...
 *     expect(await tier.sql(`SELECT seats_taken FROM session WHERE id = $1`, [session.id])).toEqual([{ seats_taken: 1 }]);
 *   });
 *
 * ServiceTier.create({ imports, providers?, queues?, config? })
 *   imports    the lib modules under test (their own imports come along, as in the apps).
 *   providers  extra providers, e.g. a fake: `{ provide: Mailer, useValue: fake }`.
 *   queues     true to register BullMQ and `Jobs` (for modules whose services enqueue jobs).
 *   config     AppConfig overrides (the defaults are those of the API tests: test-config.ts).
 *   Always present: AppConfig, the TypeORM DataSource, Redis (REDIS, on the tier's own prefix), the
 *   events PubSub, PublicRevision and the auth core (JwtService, AccountStates, AuthGuard).
 *
 * tier.get(Token)          a provider of the tier (a service, a repository, DataSource...).
 * tier.db                  the DataSource.
 * tier.sql(text, params)   runs one statement and returns its rows: fixtures in any table, or reading the outcome.
 * tier.insert(table, row)  inserts one row (snake_case columns) and returns it with its defaults (RETURNING *).
 * Fixtures (rows written directly, defaults filled in, each returns its row):
 *   tier.edition(), tier.room(editionId), tier.speaker(editionId), tier.session(editionId) (published,
 *   2027-03-08 16:00-17:00 UTC by default), tier.attendee(editionId), tier.user(), and callers:
 *   tier.organizer(editionId) / tier.withRole(editionId, role) (a verified account holding the role),
 *   tier.admin() (a platform organizer), tier.principal(user) (the Principal of an account row).
 * tier.close()             closes the module, clears the Redis prefix, drops the database.
 */
import { randomBytes } from 'node:crypto';
import { ModuleMetadata, Provider, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfig, AuthCoreModule, CoreModule, Principal, QueuesModule, REDIS } from '@app/core';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dropTestDatabase } from './test-db';
import { createTestPlace, testConfig } from './test-config';

export interface ServiceTierOptions {
  imports: NonNullable<ModuleMetadata['imports']>;
  providers?: Provider[];
  queues?: boolean;
  config?: Partial<AppConfig>;
}

/** A row as PostgreSQL returns it (snake_case columns). */
export type Row = Record<string, unknown>;
export interface EditionRow extends Row {
  id: string;
  name: string;
  timezone: string;
}
export interface IdRow extends Row {
  id: string;
}
export interface UserRow extends Row {
  id: string;
  email: string;
  is_admin: boolean;
}

const uid = () => randomBytes(4).toString('hex');
/** Only identifiers from a test's own code reach the SQL text; quoting keeps reserved names ("user") working. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class ServiceTier {
  private constructor(
    private readonly moduleRef: TestingModule,
    readonly config: AppConfig,
    private readonly dbName: string,
  ) {}

  static async create(options: ServiceTierOptions): Promise<ServiceTier> {
    const place = await createTestPlace();
    const config = testConfig(place, options.config);
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule, AuthCoreModule, ...(options.queues ? [QueuesModule] : []), ...options.imports],
      providers: options.providers ?? [],
    })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    return new ServiceTier(moduleRef, config, place.dbName);
  }

  get<T>(token: Type<T> | string | symbol): T {
    return this.moduleRef.get<T>(token, { strict: false });
  }

  get db(): DataSource {
    return this.get(DataSource);
  }

  sql<T extends Row = Row>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.db.query<T[]>(text, params);
  }

  async insert<T extends Row = IdRow>(table: string, row: Row): Promise<T> {
    const columns = Object.keys(row);
    const values = columns.map((_, i) => `$${i + 1}`).join(', ');
    const [inserted] = await this.sql<T>(
      `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES (${values}) RETURNING *`,
      Object.values(row),
    );
    return inserted;
  }

  edition(row: Row = {}): Promise<EditionRow> {
    return this.insert<EditionRow>('edition', {
      name: `Edition ${uid()}`,
      year: 2027,
      timezone: 'America/Chicago',
      starts_on: '2027-03-08',
      ends_on: '2027-03-12',
      ...row,
    });
  }

  room(editionId: string, row: Row = {}): Promise<IdRow> {
    return this.insert('room', { edition_id: editionId, name: `Room ${uid()}`, capacity: 100, ...row });
  }

  speaker(editionId: string, row: Row = {}): Promise<IdRow> {
    return this.insert('speaker', { edition_id: editionId, name: `Speaker ${uid()}`, ...row });
  }

  /** A published session on the edition's first day (16:00-17:00 UTC) unless the row says otherwise. */
  session(editionId: string, row: Row = {}): Promise<IdRow> {
    return this.insert('session', {
      edition_id: editionId,
      title: `Session ${uid()}`,
      format: 'EDUCATION',
      status: 'PUBLISHED',
      starts_at: '2027-03-08T16:00:00Z',
      ends_at: '2027-03-08T17:00:00Z',
      ...row,
    });
  }

  attendee(editionId: string, row: Row = {}): Promise<IdRow & { email: string }> {
    return this.insert('attendee', {
      edition_id: editionId,
      email: `attendee-${uid()}@test.example`,
      first_name: 'Ada',
      last_name: 'Attendee',
      access_level: 'FULL_CONFERENCE',
      ...row,
    });
  }

  /** A verified account (no password that can sign in). */
  user(row: Row = {}): Promise<UserRow> {
    return this.insert<UserRow>('user', {
      email: `user-${uid()}@test.example`,
      name: 'Test Person',
      password_hash: '!',
      email_verified: true,
      ...row,
    });
  }

  principal(user: UserRow): Principal {
    return { userId: user.id, email: user.email, isAdmin: user.is_admin };
  }

  /** A caller holding a role in an edition (edition_role row by email). */
  async withRole(editionId: string, role: string, row: Row = {}): Promise<Principal> {
    const user = await this.user();
    await this.insert('edition_role', { edition_id: editionId, email: user.email, role, ...row });
    return this.principal(user);
  }

  organizer(editionId: string): Promise<Principal> {
    return this.withRole(editionId, 'ORGANIZER');
  }

  /** A platform organizer (organizes every edition). */
  async admin(): Promise<Principal> {
    return this.principal(await this.user({ is_admin: true }));
  }

  async close(): Promise<void> {
    const redis = this.get<Redis>(REDIS);
    const keys = await redis.keys(`${this.config.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await this.moduleRef.close();
    await dropTestDatabase(this.dbName);
  }
}
