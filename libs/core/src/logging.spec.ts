import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { LOG_REDACT_PATHS, LOG_SERIALIZERS, redactUrl, scrubForLog } from './logging';

const HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

/** A pino logger with the apps' options, writing JSON lines into an array. */
function capture(): { logger: pino.Logger; lines: () => Record<string, any>[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => void (chunks.push(String(chunk)), done()) });
  const logger = pino({ level: 'info', redact: LOG_REDACT_PATHS, serializers: LOG_SERIALIZERS }, stream);
  return { logger, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l)) };
}

/** What a failed INSERT looks like: TypeORM keeps the statement and its parameters, pg the offending values in detail. */
function failedInsert(): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "user_email"'), {
    code: '23505',
    constraint: 'user_email',
    table: 'user',
    detail: 'Key (email)=(victim@example.com) already exists.',
  });
  return new QueryFailedError('INSERT INTO "user" ("email", "password_hash") VALUES ($1, $2)', ['victim@example.com', HASH], driverError);
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
    expect(line.err).toMatchObject({ type: 'QueryFailedError', message: expect.stringContaining('duplicate key'), driverError: { code: '23505', constraint: 'user_email', table: 'user' } });
    expect(line.err.stack).toContain('QueryFailedError');
    expect(line.err).not.toHaveProperty('parameters');
    expect(line.err.driverError).not.toHaveProperty('detail');
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
    logger.info({ req: { method: 'POST', url: '/badges/print.pdf?e=1&sig=abc123&exp=9', headers: { authorization: 'Bearer eyJsecret', cookie: 'session=s3cret' } } }, 'request');
    logger.info({ input: { email: 'a@b.example', password: 'hunter22-secret', newPassword: 'n3w-secret' }, token: 'tok-secret' }, 'sign-up');
    logger.info({ req: { method: 'GET', url: '/calendar/AbCdEfSecretToken.ics', headers: {} } }, 'feed');
    const raw = JSON.stringify(lines());
    for (const secret of ['eyJsecret', 's3cret', 'abc123', 'hunter22-secret', 'n3w-secret', 'tok-secret', 'AbCdEfSecretToken']) expect(raw).not.toContain(secret);
    expect(lines()[0].req.url).toBe('/badges/print.pdf?e=1&sig=[Redacted]&exp=9');
    expect(lines()[1].input.email).toBe('a@b.example');
  });

  it('masks secret query values and calendar tokens in URLs', () => {
    expect(redactUrl('/x?token=abc&y=2')).toBe('/x?token=[Redacted]&y=2');
    expect(redactUrl('/calendar/editions/e1/programme.ics')).toBe('/calendar/editions/e1/programme.ics');
  });
});
