import { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP listener on loopback that keeps every message it accepts, parsed. */
export class MailCatcher {
  /** Every listener of this process that is open: the factory finds a person's verification mail in whichever one their worker sent it to. */
  static readonly running = new Set<MailCatcher>();
  readonly messages: ParsedMail[] = [];
  /** Transactions refused so far (the listener refuses the first `refuse` with a temporary error). */
  refused = 0;
  private server!: SMTPServer;

  private constructor(private readonly refuse: number) {}

  /** Messages received but not answered yet (holdAfter), by SMTP session id. */
  private readonly holding = new Set<string>();
  private readonly closed = new Set<string>();
  private gate?: { promise: Promise<void>; open: () => void };
  private released = false;

  /**
   * `refuse`: transactions to refuse first with a temporary error. `holdAfter`: once this many
   * messages are kept, later ones are received but not answered until release(), as a server that
   * stalls; a message whose client hung up meanwhile is not kept (the client never heard it was taken).
   */
  static async start(options: { refuse?: number; holdAfter?: number } = {}): Promise<MailCatcher> {
    const catcher = new MailCatcher(options.refuse ?? 0);
    catcher.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (catcher.refused < catcher.refuse) {
          catcher.refused++;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            if (options.holdAfter !== undefined && !catcher.released && catcher.messages.length >= options.holdAfter) {
              if (!catcher.gate) {
                let open!: () => void;
                const promise = new Promise<void>((resolve) => (open = resolve));
                catcher.gate = { promise, open };
              }
              catcher.holding.add(session.id);
              await catcher.gate.promise;
              catcher.holding.delete(session.id);
            }
            if (catcher.closed.has(session.id)) return callback(new Error('client gone'));
            catcher.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
      onClose: (session) => {
        catcher.closed.add(session.id);
      },
    });
    // A client killed mid-transaction (the worker-kill tests) resets its connection: smtp-server reports
    // that as an 'error' event, which unhandled would fail the test file. The session's onClose still runs.
    catcher.server.on('error', () => undefined);
    await new Promise<void>((resolve) => catcher.server.listen(0, '127.0.0.1', resolve));
    MailCatcher.running.add(catcher);
    return catcher;
  }

  /** Messages held unanswered, and how many of their clients are still connected. */
  get held(): { messages: number; connected: number } {
    return { messages: this.holding.size, connected: [...this.holding].filter((id) => !this.closed.has(id)).length };
  }

  /** Answers the held messages (keeping those whose client is still there) and stops holding. */
  release(): void {
    this.released = true;
    this.gate?.open();
    this.gate = undefined;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  to(email: string): ParsedMail[] {
    return this.messages.filter((m) => [m.to].flat().some((a) => a?.value.some((v) => v.address === email)));
  }

  /** Removes and returns the first message to this address that passes `match` (a factory reading its own mail leaves the test's counts alone). */
  take(email: string, match: (mail: ParsedMail) => boolean): ParsedMail | undefined {
    const mail = this.to(email).find(match);
    if (mail) this.messages.splice(this.messages.indexOf(mail), 1);
    return mail;
  }

  close(): Promise<void> {
    MailCatcher.running.delete(this);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A header as it was sent (mailparser folds List-* headers into a structure). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n\s+/g, ' ')
    .trim();
}

export interface EventuallyOptions {
  timeoutMs?: number;
  /** What is awaited, for the time-out message (default: the source of `ok`). */
  what?: string;
  /** Return the last value on time-out instead of failing: only for checks that something did NOT happen within the time. */
  returnLast?: boolean;
}

/**
 * Polls until `ok` holds and returns that value. A time-out fails with what was awaited and the last
 * value seen, so a wait whose result the caller drops still proves it came (`returnLast` is for the
 * rare "nothing arrives" check).
 */
export async function eventually<T>(
  check: () => Promise<T> | T,
  ok: (value: T) => boolean,
  options: number | EventuallyOptions = 15_000,
): Promise<T> {
  const {
    timeoutMs = 15_000,
    what,
    returnLast = false,
  } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      if (returnLast) return value;
      const last = inspect(value, { depth: 4, breakLength: Infinity }).slice(0, 2000);
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what ?? ok.toString()}; last value: ${last}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
