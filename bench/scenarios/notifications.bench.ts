import { ChildProcess } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Scenario, startWorker } from '../harness';

const RECIPIENTS = 10_000;
const MOVE = `mutation Move($id: ID!, $p: SessionPatch!) { updateSession(id: $id, patch: $p) { id } }`;

/** An SMTP listener on loopback that only counts what it accepts. */
async function countingSmtp(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        accepted++;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    count: () => accepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * One change to a session in 10,000 attendees' schedules, with the worker running as its own
 * process and mail going to a local SMTP listener: time from the mutation's response until all
 * in-app notifications are stored, and until all mails were handed to SMTP.
 */
export const fanout: Scenario = {
  name: 'fanout',
  async run(ctx) {
    const smtp = await countingSmtp();
    let worker: ChildProcess | undefined;
    try {
      worker = await startWorker({ SMTP_URL: smtp.url, LOG_LEVEL: 'warn' });
      const run = Date.now();
      const [{ id: sessionId }]: { id: string }[] = await ctx.db.query(
        `INSERT INTO session (edition_id, title, format, status, starts_at, ends_at) VALUES ($1, $2, 'KEYNOTE', 'PUBLISHED', '2027-03-12T20:00:00Z', '2027-03-12T21:00:00Z') RETURNING id`,
        [ctx.editionId, `Fan-out benchmark ${run}`],
      );
      await ctx.db.query(
        `INSERT INTO schedule_entry (attendee_id, session_id, status)
         SELECT id, $2, 'BOOKMARKED' FROM attendee WHERE edition_id = $1 AND email_updates ORDER BY md5(id::text || $3) LIMIT $4`,
        [ctx.editionId, sessionId, String(run), RECIPIENTS],
      );
      const token = await ctx.tokenFor('organizer@example.com');
      const started = Date.now();
      await ctx.gql(
        MOVE,
        { id: sessionId, p: { startsAt: '2027-03-12T21:00:00Z', endsAt: '2027-03-12T22:00:00Z' } },
        token,
      );
      const responded = Date.now();
      let inAppMs: number | null = null;
      let mailMs: number | null = null;
      const deadline = responded + 120_000;
      while ((inAppMs === null || mailMs === null) && Date.now() < deadline) {
        if (inAppMs === null) {
          const [{ n }]: { n: number }[] = await ctx.db.query(
            `SELECT count(*)::int AS n FROM notification WHERE session_id = $1`,
            [sessionId],
          );
          if (n >= RECIPIENTS) inAppMs = Date.now() - responded;
        }
        if (mailMs === null && smtp.count() >= RECIPIENTS) mailMs = Date.now() - responded;
        await new Promise((r) => setTimeout(r, 50));
      }
      return {
        recipients: RECIPIENTS,
        mutationMs: responded - started,
        inAppMs,
        mailMs,
        mailsAccepted: smtp.count(),
        mailsPerSec: mailMs ? Math.round(RECIPIENTS / (mailMs / 1000)) : null,
        targets: { inAppMs: 3000, mailMs: 30_000 },
      };
    } finally {
      worker?.kill('SIGTERM');
      await smtp.close();
    }
  },
};
