import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'express';
import { currentEdition, type EditionDays, editionDays, localDate } from '@app/core/current-edition';

/**
 * The programme's first answers, inside the page that asks for them. Opening `/` would otherwise cost
 * the phone a chain of round trips (the editions, then the edition's rooms and the day and its seats)
 * and one render per answer. Here the API asks its own /graphql (over loopback: the public cache, the
 * limits and the error rules apply as to anyone) with the app's own query texts, which the web build
 * writes to `bootstrap-queries.json` (apps/web/src/app/bootstrap-documents.ts), and the page carries
 * the answers as JSON that the app takes into its answer store before its first render. Public data
 * only: no token is sent. An answer that fails or is slow is left out, and the app asks for it itself.
 */

/** One answer: the operation, its variables and its data, exactly as the app would have received them. */
export interface BootstrapEntry {
  operationName: string;
  variables: Record<string, unknown>;
  data: unknown;
}

interface EditionRow extends EditionDays {
  name: string;
}

export class WebBootstrap {
  private constructor(
    private readonly queries: Record<string, string>,
    private readonly timeoutMs: number,
  ) {}

  /**
   * The query texts of a web build, or null when the build has none (then pages are sent as built).
   * `timeoutMs`: how long the page waits for its own API (WEB_BOOTSTRAP_TIMEOUT_MS) before it goes without.
   */
  static load(distDir: string, timeoutMs: number): WebBootstrap | null {
    const file = join(distDir, 'bootstrap-queries.json');
    if (!existsSync(file)) return null;
    return new WebBootstrap(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>, timeoutMs);
  }

  /**
   * The answers the programme (`/`) starts from, for the edition and day it will show: `?edition=`
   * or the current edition; `?day=` or, during the show, today (the edition's timezone), else its
   * first day; `?q=` searches. Never throws.
   */
  async forProgramme(req: Request): Promise<BootstrapEntry[]> {
    const base = `http://127.0.0.1:${req.socket.localPort}/graphql`;
    const entries: BootstrapEntry[] = [];
    const ask = async (operationName: string, variables: Record<string, unknown>) => {
      const data = await this.ask(base, operationName, variables);
      if (data !== null) entries.push({ operationName, variables, data });
      return data;
    };
    const list = (await ask('EditionChoice', {})) as { editions?: EditionRow[] } | null;
    const editions = list?.editions ?? [];
    const wanted = typeof req.query.edition === 'string' ? req.query.edition : null;
    const edition = editions.find((e) => e.id === wanted) ?? currentEdition(editions);
    if (!edition) return entries;
    const days = editionDays(edition);
    const asked = typeof req.query.day === 'string' ? req.query.day : '';
    const today = localDate(new Date(), edition.timezone);
    const day = days.includes(asked) ? asked : days.includes(today) ? today : days[0];
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    const dayVariables = { editionId: edition.id, day, search: q || null };
    await Promise.all([
      ask('ProgrammeEdition', { id: edition.id }),
      ask('ProgrammeDay', dayVariables),
      ask('ProgrammeDaySeats', dayVariables),
    ]);
    return entries;
  }

  private async ask(url: string, operationName: string, variables: Record<string, unknown>): Promise<unknown> {
    const query = this.queries[operationName];
    if (!query) return null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
        body: JSON.stringify({ operationName, query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) return null;
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      return body.errors?.length || !body.data ? null : body.data;
    } catch {
      return null;
    }
  }
}

/** The answers as a script element the app reads (not run: JSON; `<` escaped so no text can close the element). */
export function bootstrapScript(entries: BootstrapEntry[]): string {
  const json = JSON.stringify(entries)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script id="bootstrap" type="application/json">${json}</script>`;
}
