import type { DestinationStream, LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';

/**
 * What logs never carry. A failed statement's error holds its parameters (a sign-up's argon2 hash,
 * emails, notes) and text; PostgreSQL's `detail` repeats the offending values ("Key (email)=(…)").
 * The SQLSTATE, constraint, table and column stay: they are what debugging needs.
 */
const DROPPED_KEYS = new Set(['parameters', 'query', 'detail', 'internalQuery', 'where', 'sql']);

/** Keys whose values are secrets wherever they appear in a logged object. */
const SECRET_KEYS = new Set([
  'password',
  'passwordhash',
  'password_hash',
  'newpassword',
  'currentpassword',
  'token',
  'secret',
  'authorization',
  'cookie',
  'sig',
  'jwt',
]);

const REDACTED = '[Redacted]';
const MAX_DEPTH = 5;

/**
 * A copy of an error (or any logged value) that is safe to log: statement parameters and query
 * text dropped, secrets redacted, at any depth (a QueryFailedError's driverError, a cause). Errors
 * keep their type, message and stack.
 */
export function scrubForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubForLog(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  if (value instanceof Error)
    Object.assign(out, { type: value.constructor?.name ?? value.name, message: value.message, stack: value.stack });
  for (const [key, item] of Object.entries(value)) {
    if (DROPPED_KEYS.has(key)) continue;
    out[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : scrubForLog(item, depth + 1, seen);
  }
  if (value instanceof Error && value.cause !== undefined && !('cause' in out))
    out.cause = scrubForLog(value.cause, depth + 1, seen);
  return out;
}

/** Query parameters that carry secrets (signed links, tokens) and the calendar feed's secret path. */
const SECRET_PARAMS = /([?&](?:sig|signature|token|key|secret|password)=)[^&#]*/gi;
const SECRET_PATHS = /\/(calendar)\/[^/?#]+\.ics/g;

/** A request URL as it may be logged: secret query values and calendar tokens masked. */
export const redactUrl = (url: string) =>
  url.replace(SECRET_PARAMS, `$1${REDACTED}`).replace(SECRET_PATHS, `/$1/${REDACTED}.ics`);

/**
 * pino options for both apps (nestjs-pino): secrets redacted from every line, errors scrubbed by
 * scrubForLog, request URLs without their secrets.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-conference-signature"]',
  'req.query.sig',
  'req.query.token',
  'req.params.file', // /calendar/<secret>.ics
  ...['password', 'passwordHash', 'newPassword', 'currentPassword', 'token', 'secret'].flatMap((key) => [
    key,
    `*.${key}`,
    `*.*.${key}`,
  ]),
];

export const LOG_SERIALIZERS = {
  err: (err: unknown) => scrubForLog(err),
  req: (req: { url?: string; [key: string]: unknown }) =>
    typeof req?.url === 'string' ? { ...req, url: redactUrl(req.url) } : req,
};

/**
 * Nest's boot chatter (a line per module, route and resolver at start-up): at `debug`, so `info`
 * shows what happens, not how the app was wired.
 */
export const BOOT_LOG_CONTEXTS = new Set([
  'InstanceLoader',
  'RouterExplorer',
  'RoutesResolver',
  'NestFactory',
  'NestApplication',
  'GraphQLModule',
]);

/** pino options for both apps (through nestjs-pino): the level, redaction, scrubbing serializers, boot lines demoted. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    // Secrets never reach a log line; failed statements are logged without their parameters.
    redact: LOG_REDACT_PATHS,
    serializers: LOG_SERIALIZERS,
    hooks: {
      // nestjs-pino logs Nest's `log()` at info with `{ context }` first; boot contexts go to debug instead.
      logMethod(args, method, level) {
        const first = args[0];
        const context = first && typeof first === 'object' ? (first as { context?: unknown }).context : undefined;
        if (level === 30 && typeof context === 'string' && BOOT_LOG_CONTEXTS.has(context)) return this.debug(...args);
        return method.apply(this, args);
      },
    },
  };
}

/**
 * Outside production: one readable line per entry (time, level, `Context: message`, the request in
 * short, then any other fields on the same line; an error's stack below it), written synchronously in-process so a crash's last lines are never lost.
 * Redaction and serializers run before a line reaches it, as for JSON. Production: undefined, so
 * pino writes JSON lines to stdout for a log collector.
 */
export function prettyLogStream(
  production: boolean,
  destination?: NodeJS.WritableStream,
): DestinationStream | undefined {
  if (production) return undefined;
  return pinoPretty({
    destination: destination ?? 1,
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    // A request reads as "GET /graphql → 200 (12 ms)"; its headers and ids are in the JSON of production.
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat:
      '{if context}{context}: {end}{msg}{if req.method} — {req.method} {req.url}{end}{if res.statusCode} → {res.statusCode}{end}{if responseTime} ({responseTime} ms){end}',
    colorize: destination ? false : undefined, // a terminal gets colours; a captured stream plain text
  });
}
