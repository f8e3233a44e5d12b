import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Names of the environment variables, next to the property each one sets. */
const ENV = {
  nodeEnv: 'NODE_ENV',
  databaseUrl: 'DATABASE_URL',
  redisUrl: 'REDIS_URL',
  redisPrefix: 'REDIS_PREFIX',
  port: 'PORT',
  jwtSecret: 'JWT_SECRET',
  jwtTtlSeconds: 'JWT_TTL_SECONDS',
  organizerEmail: 'ORGANIZER_EMAIL',
  organizerPassword: 'ORGANIZER_PASSWORD',
  logLevel: 'LOG_LEVEL',
  trustProxy: 'TRUST_PROXY',
  loginLimitPerEmail: 'LOGIN_LIMIT_PER_EMAIL',
  loginLimitPerIp: 'LOGIN_LIMIT_PER_IP',
  signupLimitPerIp: 'SIGNUP_LIMIT_PER_IP',
  maxQueryComplexity: 'MAX_QUERY_COMPLEXITY',
  maxQueryDepth: 'MAX_QUERY_DEPTH',
  maxQueryNodes: 'MAX_QUERY_NODES',
  maxQueryAliases: 'MAX_QUERY_ALIASES',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  graphqlIntrospection: 'GRAPHQL_INTROSPECTION',
  graphqlSuggestions: 'GRAPHQL_SUGGESTIONS',
  exposeQueryCount: 'EXPOSE_QUERY_COUNT',
  dbPoolSize: 'DB_POOL_SIZE',
  publicUrl: 'PUBLIC_URL',
  badgeKeySecret: 'BADGE_KEY_SECRET',
  webhookRetryBaseMs: 'WEBHOOK_RETRY_BASE_MS',
  webhookAllowPrivate: 'WEBHOOK_ALLOW_PRIVATE',
  smtpUrl: 'SMTP_URL',
  mailFrom: 'MAIL_FROM',
  mailRetryBaseMs: 'MAIL_RETRY_BASE_MS',
  fanoutChunkSize: 'FANOUT_CHUNK_SIZE',
  scanLateMinutes: 'SCAN_LATE_MINUTES',
  boothRequestHoldHours: 'BOOTH_REQUEST_HOLD_HOURS',
  logoMaxBytes: 'LOGO_MAX_BYTES',
  webDistDir: 'WEB_DIST_DIR',
  webBootstrapTimeoutMs: 'WEB_BOOTSTRAP_TIMEOUT_MS',
} as const;

type ConfigKey = keyof typeof ENV;

/**
 * The one place that reads process.env. Built once at boot by loadConfig(); a bad or missing
 * setting fails the boot with a message naming the variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  nodeEnv = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  databaseUrl = 'postgres://postgres@127.0.0.1:5432/conference';

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  redisUrl = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key and BullMQ queue: lets test files and instances share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,40}$/, { message: 'must be 1-40 letters, digits, ":", "_" or "-"' })
  redisPrefix = 'conf';

  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  jwtSecret: string;

  @IsInt()
  @Min(60)
  jwtTtlSeconds = 7 * 24 * 3600;

  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  organizerEmail?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  organizerPassword?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel = 'info';

  /**
   * Express "trust proxy". Off by default: X-Forwarded-For is ignored and the client IP is the
   * socket's, so no client can pick the IP its rate limits are counted under. Behind a load balancer
   * name what to trust ("loopback", a subnet, a hop count) so client IPs are real.
   */
  @IsString()
  trustProxy = 'false';

  @IsInt()
  @Min(1)
  loginLimitPerEmail = 10;

  @IsInt()
  @Min(1)
  loginLimitPerIp = 100;

  /** Sign-ups per client IP per hour. */
  @IsInt()
  @Min(1)
  signupLimitPerIp = 10;

  @IsInt()
  @Min(10)
  maxQueryComplexity = 20_000;

  @IsInt()
  @Min(2)
  maxQueryDepth = 10;

  /** Fields an operation may select once its fragments are expanded (aliases and __typename included). */
  @IsInt()
  @Min(100)
  maxQueryNodes = 2000;

  /** Aliased fields an operation may select once its fragments are expanded. */
  @IsInt()
  @Min(1)
  maxQueryAliases = 100;

  /** Time budget of one GraphQL request: past it the client gets SERVICE_UNAVAILABLE and no further field is resolved. */
  @IsInt()
  @Min(100)
  requestTimeoutMs = 10_000;

  /** Schema introspection; default: on outside production, off in production. */
  @IsOptional()
  @IsBoolean()
  graphqlIntrospection?: boolean;

  /** "Did you mean ...?" hints in validation errors (they reveal field names); default: on outside production. */
  @IsOptional()
  @IsBoolean()
  graphqlSuggestions?: boolean;

  /** Adds an x-sql-queries header to GraphQL responses (tests and benchmarks). */
  @IsBoolean()
  exposeQueryCount = false;

  @IsInt()
  @Min(1)
  @Max(200)
  dbPoolSize = 20;

  /** The API's public root, used in links (calendar feeds, mails). */
  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL' })
  publicUrl = 'http://localhost:3000';

  /** Encrypts the editions' badge signing keys at rest (AES-256-GCM); required in production. */
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  badgeKeySecret: string;

  /** First retry delay of a failed webhook delivery; doubles on each attempt (10 attempts). */
  @IsInt()
  @Min(10)
  webhookRetryBaseMs = 2000;

  /** Lets webhooks reach loopback, private and link-local addresses (development, tests); off, they are refused at creation and at delivery. */
  @IsBoolean()
  webhookAllowPrivate = false;

  /** Outgoing mail server (smtp:// or smtps://, credentials in the URL). Unset: mails are written to the log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  smtpUrl?: string;

  @IsString()
  @MinLength(3)
  mailFrom = 'HealthConnect <no-reply@conference.example>';

  /** First retry delay of a mail batch the SMTP server refused; doubles on each attempt (10 attempts). */
  @IsInt()
  @Min(10)
  mailRetryBaseMs = 5000;

  /** Recipients written per step of a notification fan-out (one multi-row insert each). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  fanoutChunkSize = 1000;

  /** An offline scan uploaded more than this many minutes after it was made is flagged late. */
  @IsInt()
  @Min(1)
  @Max(10_080)
  scanLateMinutes = 10;

  /** How long an exhibitor's booth request (requestBooth) holds the booth for the organizers to approve (assign). */
  @IsInt()
  @Min(1)
  @Max(8_760)
  boothRequestHoldHours = 48;

  /** The largest exhibitor logo an upload may carry (POST /logos/:exhibitorId), in bytes. */
  @IsInt()
  @Min(1024)
  @Max(20 * 1024 * 1024)
  logoMaxBytes = 1024 * 1024;

  /** The built web app (apps/web/dist, relative to the working directory) served at /; empty: none served. */
  @IsString()
  webDistDir = 'apps/web/dist';

  /** How long the programme's page waits for its first answers from the API (web-bootstrap.ts); then sent without them. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  webBootstrapTimeoutMs = 400;

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}

export class ConfigError extends Error {}

const NUMBER_KEYS: ConfigKey[] = [
  'webhookRetryBaseMs',
  'mailRetryBaseMs',
  'fanoutChunkSize',
  'scanLateMinutes',
  'webBootstrapTimeoutMs',
  'boothRequestHoldHours',
  'logoMaxBytes',
  'port',
  'jwtTtlSeconds',
  'loginLimitPerEmail',
  'loginLimitPerIp',
  'signupLimitPerIp',
  'maxQueryComplexity',
  'maxQueryDepth',
  'maxQueryNodes',
  'maxQueryAliases',
  'requestTimeoutMs',
  'dbPoolSize',
];
const BOOLEAN_KEYS: ConfigKey[] = [
  'webhookAllowPrivate',
  'exposeQueryCount',
  'graphqlIntrospection',
  'graphqlSuggestions',
];

/** Reads and validates settings; overrides (tests) win over env. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV) as [ConfigKey, string][]) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (NUMBER_KEYS.includes(key)) raw[key] = /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    else if (BOOLEAN_KEYS.includes(key))
      raw[key] = value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
    else raw[key] = value;
  }
  const config = Object.assign(new AppConfig(), plainToInstance(AppConfig, raw), overrides);
  if (!config.jwtSecret) config.jwtSecret = devSecret(config, 'jwt-secret', 'JWT_SECRET');
  if (!config.badgeKeySecret) config.badgeKeySecret = devSecret(config, 'badge-key-secret', 'BADGE_KEY_SECRET');
  if (!config.isProduction) {
    config.organizerEmail ??= 'organizer@example.com';
    config.organizerPassword ??= 'organizer-demo';
  }
  // Introspection and suggestions show the schema: on for development, off in production unless asked for.
  config.graphqlIntrospection ??= !config.isProduction;
  config.graphqlSuggestions ??= !config.isProduction;
  if (config.port && !env[ENV.publicUrl] && !overrides.publicUrl) config.publicUrl = `http://localhost:${config.port}`;
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length) {
    const lines = errors.map(
      (e) => `  ${ENV[e.property as ConfigKey] ?? e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

/** Outside production a missing secret gets a generated one, kept in .local/ so API and worker agree. */
function devSecret(config: AppConfig, fileName: string, variable: string): string {
  if (config.isProduction) return '';
  const dir = join(process.cwd(), '.local');
  const file = join(dir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  process.emitWarning(`${variable} is not set: using a generated development secret from .local/${fileName}`);
  return secret;
}
