import { AddressInfo } from 'node:net';
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

  static async start(options: { refuse?: number } = {}): Promise<MailCatcher> {
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
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            catcher.messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => catcher.server.listen(0, '127.0.0.1', resolve));
    MailCatcher.running.add(catcher);
    return catcher;
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
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
}

/** Polls until `ok` holds or the time is up; returns the last value (the caller's expect() says what was wrong). */
export async function eventually<T>(check: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
