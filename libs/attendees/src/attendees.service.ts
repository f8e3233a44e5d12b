import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  badInput,
  clip,
  ConnectionResult,
  csvRows,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  forbidden,
  isId,
  pgError,
  PgCode,
  Principal,
  toConnection,
  unauthenticated,
} from '@app/core';
import { AccessService } from '@app/editions';
import { DataSource, EntityManager } from 'typeorm';
import { checkRow, AttendeeRow, headerField } from './attendee-row';
import { Attendee } from './attendee.entity';
import {
  AttendeeImportReport,
  AttendeeImportRow,
  AttendeesArgs,
  AttendeeInput,
  ImportOutcome,
  ImportRowResult,
} from './attendee.inputs';
import { AttendeeRepository } from './attendee.repository';

/** Rows per transaction: a bad chunk costs at most this many rows, never the whole file. */
const IMPORT_CHUNK = 1000;
const MAX_IMPORT_ROWS = 100_000;

/** A person's registration in an edition, as far as what they may add to their schedule goes. */
export type Registration = Pick<Attendee, 'id' | 'accessLevel'>;

@Injectable()
export class AttendeesService {
  private readonly logger = new Logger(AttendeesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attendees: AttendeeRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * The organizers' attendee list: filtered, ordered by (last name, first name, id), keyset-paginated;
   * totalCount follows the filter.
   */
  async list(
    user: Principal | undefined,
    { editionId, filter = {}, first = DEFAULT_PAGE_SIZE, after }: AttendeesArgs,
  ): Promise<ConnectionResult<Attendee>> {
    await this.access.requireOrganizer(user, editionId);
    const cursor = after ? decodeCursor(after, ['string', 'string', 'string']).map(String) : undefined;
    if (cursor && !isId(cursor[2])) throw badInput('Malformed cursor', { argument: 'after' });
    const { rows, total } = await this.attendees.page({
      editionId,
      filter,
      after: cursor && { lastName: cursor[0], firstName: cursor[1], id: cursor[2] },
      take: first + 1,
    });
    return toConnection(
      rows,
      first,
      (a) => [a.lastName, a.firstName, a.id],
      total ?? (() => this.attendees.countPage(editionId, filter)),
    );
  }

  /** Registers one attendee, or updates the registration with the same email. */
  async register(user: Principal | undefined, editionId: string, input: AttendeeInput): Promise<Attendee> {
    const report = await this.import(user, editionId, [input]);
    const [result] = report.rows;
    if (result.outcome === ImportOutcome.REFUSED) throw badInput(result.reason ?? 'The attendee was refused');
    return (await this.attendees.findById(result.attendeeId!))!;
  }

  /**
   * Creates or updates attendees by (edition, email). Each row is checked on its own and reported;
   * rows are written in chunks, each in its own transaction, so one bad row never costs the others.
   */
  async import(
    user: Principal | undefined,
    editionId: string,
    rows: AttendeeImportRow[],
  ): Promise<AttendeeImportReport> {
    await this.access.requireOrganizer(user, editionId);
    if (rows.length > MAX_IMPORT_ROWS)
      throw badInput(`An import has at most ${MAX_IMPORT_ROWS} rows; split the file`, { rows: rows.length });
    const results: ImportRowResult[] = [];
    const valid: { result: ImportRowResult; row: AttendeeRow }[] = [];
    const firstRowOf = new Map<string, number>();
    rows.forEach((raw, i) => {
      const checked = checkRow(raw);
      const result: ImportRowResult = {
        row: i + 1,
        email: 'email' in checked ? checked.email : reportedEmail(raw.email),
        outcome: ImportOutcome.REFUSED,
        reason: null,
        attendeeId: null,
      };
      results.push(result);
      if ('reason' in checked) {
        result.reason = checked.reason;
      } else if (firstRowOf.has(checked.email)) {
        result.reason = `duplicate row: the same email as row ${firstRowOf.get(checked.email)}`;
      } else {
        firstRowOf.set(checked.email, i + 1);
        valid.push({ result, row: checked });
      }
    });
    // One global order (by email) for every import: concurrent imports of the same people lock the
    // same rows in the same order, so they wait for each other instead of deadlocking.
    valid.sort((a, b) => (a.row.email < b.row.email ? -1 : a.row.email > b.row.email ? 1 : 0));
    for (let start = 0; start < valid.length; start += IMPORT_CHUNK) {
      const chunk = valid.slice(start, start + IMPORT_CHUNK);
      try {
        await this.upsertChunkRetrying(editionId, chunk);
      } catch (error) {
        // Rows were checked before; should the chunk still fail, each row is tried alone so only the bad one is refused.
        this.logger.warn(
          `attendee import: a chunk of ${chunk.length} rows failed (${pgError(error)?.code ?? (error instanceof Error ? error.name : 'error')}); writing its rows one by one`,
        );
        for (const one of chunk) {
          try {
            await this.upsertChunkRetrying(editionId, [one]);
          } catch (rowError) {
            this.logger.error(
              `attendee import: row ${one.result.row} failed: ${pgError(rowError)?.code ?? (rowError instanceof Error ? rowError.message : String(rowError))}`,
            );
            Object.assign(one.result, {
              outcome: ImportOutcome.REFUSED,
              reason: 'could not be saved; import the row again',
            });
          }
        }
      }
    }
    const count = (outcome: ImportOutcome) => results.filter((r) => r.outcome === outcome).length;
    return {
      created: count(ImportOutcome.CREATED),
      updated: count(ImportOutcome.UPDATED),
      unchanged: count(ImportOutcome.UNCHANGED),
      refused: count(ImportOutcome.REFUSED),
      rows: results,
    };
  }

  /** The same import from a CSV file with a header row. */
  importCsv(user: Principal | undefined, editionId: string, csv: string): Promise<AttendeeImportReport> {
    const rows = csvRows(
      csv,
      headerField,
      ['email'],
      'The CSV needs a header row with at least an email column (and first name, last name, access level)',
    );
    return this.import(user, editionId, rows);
  }

  /**
   * Every registration of these people, in any edition (keyed `editionId|email`, emails in lower
   * case), with what deciding their schedule adds needs.
   */
  async registrationsOf(emails: string[]): Promise<Map<string, Registration>> {
    if (!emails.length) return new Map();
    const rows = await this.attendees.registrationsOf(emails.map((e) => e.toLowerCase()));
    return new Map(rows.map((r) => [`${r.editionId}|${r.email}`, { id: r.id, accessLevel: r.accessLevel }]));
  }

  /** The caller's registration in an edition, or null. */
  async mine(user: Principal | undefined, editionId: string): Promise<Attendee | null> {
    if (!user) throw unauthenticated();
    // An unverified account has no registration: it binds to none until its owner proves the address.
    if (!user.email) return null;
    return this.attendees.findInEdition(editionId, user.email);
  }

  /** The caller's registration; FORBIDDEN when they have none. */
  async requireMine(user: Principal | undefined, editionId: string): Promise<Attendee> {
    const attendee = await this.mine(user, editionId);
    if (!attendee) throw forbidden('You are not registered for this edition');
    return attendee;
  }

  /** An attendee, for the edition's organizers and the attendee themselves. */
  async get(user: Principal | undefined, id: string): Promise<Attendee | null> {
    if (!user) throw unauthenticated();
    const attendee = await this.attendees.findById(id);
    if (!attendee) return null;
    if (
      (user.email !== null && attendee.email === user.email) ||
      (await this.access.isOrganizer(user, attendee.editionId))
    )
      return attendee;
    return null;
  }

  /** An attendee by id, or null, with no access check: for rules that checked access themselves. */
  byId(id: string): Promise<Attendee | null> {
    return this.attendees.findById(id);
  }

  byIds(ids: readonly string[]): Promise<Attendee[]> {
    return this.attendees.findByIds(ids);
  }

  /**
   * Turns schedule-update mails on or off for the registration of (edition, email); false when
   * there is none. No access check: the caller has proved the address (signed in, or a mail's token).
   */
  setEmailUpdates(editionId: string, email: string, enabled: boolean): Promise<boolean> {
    return this.attendees.setEmailUpdates(editionId, email.toLowerCase(), enabled);
  }

  /**
   * Door admissions check attendees in: each one's check-in is the earliest admission seen. For
   * scanning, in its transaction (`manager`) so that the admissions and the check-ins commit together.
   */
  async markCheckedIn(checkins: { attendeeId: string; at: Date }[], manager?: EntityManager): Promise<void> {
    if (checkins.length) await this.attendees.markCheckedIn(checkins, manager);
  }

  /** The path of the caller's personal calendar feed (its token is made on first use). */
  async calendarPath(user: Principal | undefined, editionId: string): Promise<string> {
    const attendee = await this.requireMine(user, editionId);
    if (attendee.calendarToken) return calendarPath(attendee.calendarToken);
    return calendarPath(await this.attendees.ensureCalendarToken(attendee.id, newToken()));
  }

  /** Replaces the feed's token: the old URL stops working at once. */
  async rotateCalendarToken(user: Principal | undefined, editionId: string): Promise<string> {
    const attendee = await this.requireMine(user, editionId);
    const token = newToken();
    await this.attendees.setCalendarToken(attendee.id, token);
    return calendarPath(token);
  }

  /** upsertChunk, tried again (up to 3 times, after a short random pause) when PostgreSQL gives up on a deadlock or a serialization conflict: a last resort, since the fixed order prevents them. */
  private async upsertChunkRetrying(
    editionId: string,
    chunk: { result: ImportRowResult; row: AttendeeRow }[],
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.upsertChunk(editionId, chunk);
      } catch (error) {
        const code = pgError(error)?.code;
        if (attempt >= 3 || (code !== PgCode.DEADLOCK_DETECTED && code !== PgCode.SERIALIZATION_FAILURE)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
      }
    }
  }

  /** Writes a chunk (rows in email order) in one transaction; the outcomes are set only once it committed. */
  private async upsertChunk(editionId: string, chunk: { result: ImportRowResult; row: AttendeeRow }[]): Promise<void> {
    const rows = chunk.map((c) => c.row);
    const outcomes = await this.db.transaction(async (em) => {
      const written = await this.attendees.upsertMany(editionId, rows, em);
      const byEmail = new Map(written.map((w) => [w.email, w]));
      const untouched = rows.filter((r) => !byEmail.has(r.email)).map((r) => r.email);
      const unchanged = untouched.length
        ? await this.attendees.idsByEmail(editionId, untouched, em)
        : new Map<string, string>();
      return chunk.map(({ row }) => {
        const w = byEmail.get(row.email);
        return w
          ? { outcome: w.created ? ImportOutcome.CREATED : ImportOutcome.UPDATED, attendeeId: w.id }
          : { outcome: ImportOutcome.UNCHANGED, attendeeId: unchanged.get(row.email) ?? null };
      });
    });
    chunk.forEach(({ result }, i) => Object.assign(result, outcomes[i]));
  }
}

/** A refused row's email as the report shows it: without control characters, clipped (a CSV cell may hold megabytes). */
const reportedEmail = (email: string | null | undefined) =>
  // eslint-disable-next-line no-control-regex -- control characters are what is stripped
  (typeof email === 'string' ? clip(email.replace(/[\u0000-\u001F]/g, '').trim(), 254) : '') || null;

const newToken = () => randomBytes(24).toString('base64url');
export const calendarPath = (token: string) => `/calendar/${token}.ics`;
