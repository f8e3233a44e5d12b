import { Logger } from '@nestjs/common';

/** How long a repeated error message is kept quiet. */
const QUIET_MS = 10_000;

/**
 * Logs each distinct error at most once per QUIET_MS, with how many were held back meanwhile: a
 * Redis outage makes every client of the process report every reconnect attempt (some 125 lines a
 * second in a worker), which buries the one line that matters.
 */
export class ThrottledLog {
  private readonly last = new Map<string, { at: number; held: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** `key` says which messages count as the same (by default the message itself). */
  warn(message: string, key = message): void {
    const now = Date.now();
    const seen = this.last.get(key);
    if (seen && now - seen.at < this.quietMs) {
      seen.held++;
      return;
    }
    if (this.last.size > 100) this.last.clear();
    this.last.set(key, { at: now, held: 0 });
    this.logger.warn(
      seen?.held
        ? `${message} (and ${seen.held} more like it in the last ${Math.round((now - seen.at) / 1000)} s)`
        : message,
    );
  }
}

/** One per process: every Redis client's connection errors go through it. */
export const redisErrorLog = new ThrottledLog(new Logger('Redis'));
