import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { loggerOptions, prettyLogStream, redactUrl, scrubForLog } from './logging';

const HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

/** A JSON log line, as far as these tests read it. */
interface LogLine {
  level: number;
  msg: string;
  context?: string;
  err?: { stack: string; driverError: object };
  req?: { url: string };
  input?: { email: string };
}

/** A pino logger with the apps' options, writing JSON lines into an array. */
function capture(level = 'info'): { logger: pino.Logger; lines: () => LogLine[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => void (chunks.push(String(chunk)), done()) });
  const logger = pino(loggerOptions(level), stream);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

/** The same logger writing through the development stream: the readable lines a developer sees. */
function capturePretty(): { logger: pino.Logger; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => void (chunks.push(String(chunk)), done()) });
  const logger = pino(loggerOptions('info'), prettyLogStream(false, stream));
  return { logger, text: () => chunks.join('') };
}

/** What a failed INSERT looks like: TypeORM keeps the statement and its parameters, pg the offending values in detail. */
function failedInsert(): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "user_email"'), {
    code: '23505',
    constraint: 'user_email',
    table: 'user',
    detail: 'Key (email)=(victim@example.com) already exists.',
  });
  return new QueryFailedError(
    'INSERT INTO "user" ("email", "password_hash") VALUES ($1, $2)',
    ['victim@example.com', HASH],
    driverError,
  );
}

describe('logging', () => {
  it('logs a failed statement without its parameters, query text or offending values', () => {
    const { logger, lines } = capture();
    logger.error({ err: failedInsert(), path: ['signUp'] }, 'Unexpected error');
    const raw = JSON.stringify(lines());
    expect(raw).not.toContain(HASH);
    expect(raw).not.toContain('victim@example.com');
    expect(raw).not.toContain('INSERT INTO');
    const [line] = lines();
    expect(line.err).toMatchObject({
      type: 'QueryFailedError',
      message: expect.stringContaining('duplicate key'),
      driverError: { code: '23505', constraint: 'user_email', table: 'user' },
    });
    expect(line.err?.stack).toContain('QueryFailedError');
    expect(line.err).not.toHaveProperty('parameters');
    expect(line.err?.driverError).not.toHaveProperty('detail');
  });

  it('scrubs the error formatError logs whatever logger is installed, nested causes included', () => {
    const wrapped = new Error('import failed', { cause: failedInsert() });
    const raw = JSON.stringify(scrubForLog(wrapped));
    expect(raw).not.toContain(HASH);
    expect(raw).toContain('import failed');
    expect(raw).toContain('23505');
  });

  it('redacts secrets from every line: authorization headers, cookies, passwords, tokens, signed links', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: {
          method: 'POST',
          url: '/badges/print.pdf?e=1&sig=abc123&exp=9',
          headers: { authorization: 'Bearer eyJsecret', cookie: 'session=s3cret' },
        },
      },
      'request',
    );
    logger.info(
      { input: { email: 'a@b.example', password: 'hunter22-secret', newPassword: 'n3w-secret' }, token: 'tok-secret' },
      'sign-up',
    );
    logger.info({ req: { method: 'GET', url: '/calendar/AbCdEfSecretToken.ics', headers: {} } }, 'feed');
    const raw = JSON.stringify(lines());
    for (const secret of [
      'eyJsecret',
      's3cret',
      'abc123',
      'hunter22-secret',
      'n3w-secret',
      'tok-secret',
      'AbCdEfSecretToken',
    ])
      expect(raw).not.toContain(secret);
    expect(lines()[0].req?.url).toBe('/badges/print.pdf?e=1&sig=[Redacted]&exp=9');
    expect(lines()[1].input?.email).toBe('a@b.example');
  });

  it('writes one readable line per entry outside production, with the same redaction', () => {
    const { logger, text } = capturePretty();
    logger.info({ context: 'ScheduleService', sessionId: 's1' }, 'session moved');
    logger.info(
      {
        req: { method: 'GET', url: '/badges/print.pdf?sig=abc123', headers: { authorization: 'Bearer eyJsecret' } },
        res: { statusCode: 200 },
        responseTime: 12,
        input: { password: 'hunter22-secret' },
      },
      'request completed',
    );
    logger.error({ err: failedInsert() }, 'Unexpected error');
    const out = text();
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: ScheduleService: session moved \{"sessionId":"s1"\}$/);
    expect(lines[1]).toMatch(
      /^\[[\d:.]+\] INFO: request completed — GET \/badges\/print\.pdf\?sig=\[Redacted\] → 200 \(12 ms\) \{"input":\{"password":"\[Redacted\]"\}\}$/,
    );
    expect(lines[2]).toMatch(/^\[[\d:.]+\] ERROR: Unexpected error/);
    // An error is printed under its line, stack readable; nothing else spans lines.
    expect(lines[3]).toBe('    err: {');
    expect(out).toContain('"type": "QueryFailedError"');
    expect(lines.filter((line) => /^\[[\d:.]+\] /.test(line))).toHaveLength(3);
    for (const secret of ['eyJsecret', 'abc123', 'hunter22-secret', HASH, 'victim@example.com', 'INSERT INTO'])
      expect(out).not.toContain(secret);
    expect(out).not.toMatch(/^\{/m); // not JSON
  });

  it('logs JSON lines in production', () => {
    expect(prettyLogStream(true)).toBeUndefined();
    expect(prettyLogStream(false)).toBeDefined();
  });

  it("puts Nest's boot lines at debug and keeps every other info line", () => {
    const info = capture('info');
    for (const context of ['InstanceLoader', 'RouterExplorer', 'RoutesResolver', 'NestFactory', 'NestApplication'])
      info.logger.info({ context }, `${context} line`);
    info.logger.info({ context: 'OutboxRelay' }, 'relay started');
    info.logger.warn({ context: 'NestApplication' }, 'a warning at boot');
    expect(info.lines().map((l) => [l.level, l.msg])).toEqual([
      [30, 'relay started'],
      [40, 'a warning at boot'],
    ]);
    const debug = capture('debug');
    debug.logger.info({ context: 'InstanceLoader' }, 'AppModule dependencies initialized');
    expect(debug.lines().map((l) => [l.level, l.context, l.msg])).toEqual([
      [20, 'InstanceLoader', 'AppModule dependencies initialized'],
    ]);
  });

  it('masks secret query values and calendar tokens in URLs', () => {
    expect(redactUrl('/x?token=abc&y=2')).toBe('/x?token=[Redacted]&y=2');
    expect(redactUrl('/calendar/editions/e1/programme.ics')).toBe('/calendar/editions/e1/programme.ics');
  });
});
