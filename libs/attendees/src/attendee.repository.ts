import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttendeeRow } from './attendee-row';
import { AccessLevel, Attendee } from './attendee.entity';
import { AttendeeBadgeStatus, AttendeeFilter } from './attendee.inputs';

/** A registration as the import wrote it: `created` is false when an existing one was updated. */
export interface WrittenAttendee {
  id: string;
  email: string;
  created: boolean;
}

/** What deciding a person's schedule adds needs from one registration. */
export interface RegistrationRow {
  id: string;
  editionId: string;
  email: string;
  accessLevel: AccessLevel;
}

/**
 * The attendees lib's check-in stamp, for a statement that must stamp check-ins together with its own
 * write (the scanning lib's door batch inserts the scans and checks people in in one round trip): the
 * `attendee` table is still written by this lib's SQL only.
 */
export const CHECK_IN_STATEMENT = {
  /** An UPDATE that stamps the earliest time per attendee from `source` (rows of attendee id, time), never moving an earlier stamp later. */
  from: (source: string) =>
    `UPDATE attendee a SET checked_in_at = c.at
       FROM (SELECT id, min(at) AS at FROM (${source}) AS c(id, at) GROUP BY id) c
      WHERE a.id = c.id AND (a.checked_in_at IS NULL OR a.checked_in_at > c.at)`,
};

/** One page of the organizers' attendee list: filters, keyset on (last name, first name, id). */
export interface AttendeePageQuery {
  editionId: string;
  filter: AttendeeFilter;
  after?: { lastName: string; firstName: string; id: string };
  take: number;
}

/**
 * The text attendee search matches (lower-cased), exactly the expression of the trigram index
 * `attendee_search_trgm` (migration AttendeeList), so `LIKE '%…%'` on it is served by the index.
 */
export const ATTENDEE_SEARCH_TEXT = `lower(a.first_name || ' ' || a.last_name || ' ' || a.email || ' ' || coalesce(a.company, ''))`;

/** Shorter search terms have no trigram to look up: they are matched by a scan instead. */
export const TRIGRAM_MIN = 3;

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every SQL statement on the `attendee` table, which the attendees lib owns. */
@Injectable()
export class AttendeeRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private attendees(manager?: EntityManager) {
    return (manager ?? this.db.manager).getRepository(Attendee);
  }

  /** One attendee by id, or null. */
  findById(id: string): Promise<Attendee | null> {
    return this.attendees().findOneBy({ id });
  }

  /** The attendees with these ids (in no particular order; missing ids are skipped). */
  findByIds(ids: readonly string[]): Promise<Attendee[]> {
    return this.attendees().findBy({ id: In([...ids]) });
  }

  /** The registration of this (normalized) email in an edition, or null: unique by (edition, email). */
  findInEdition(editionId: string, email: string): Promise<Attendee | null> {
    return this.attendees().findOneBy({ editionId, email });
  }

  /** Every registration of these (lower-case) emails in any edition: one indexed query, no entity hydration (hot path). */
  async registrationsOf(emails: string[]): Promise<RegistrationRow[]> {
    const rows: { id: string; edition_id: string; email: string; access_level: AccessLevel }[] = await this.db.query(
      `SELECT id, edition_id, email, access_level FROM attendee WHERE email = ANY($1::text[])`,
      [emails],
    );
    return rows.map((r) => ({ id: r.id, editionId: r.edition_id, email: r.email, accessLevel: r.access_level }));
  }

  /** Sets the calendar token only if none is set yet, and returns the token in place: two first requests agree on one. */
  async ensureCalendarToken(id: string, token: string): Promise<string> {
    const [rows]: [{ calendar_token: string }[], number] = await this.db.query(
      `UPDATE attendee SET calendar_token = coalesce(calendar_token, $2) WHERE id = $1 RETURNING calendar_token`,
      [id, token],
    );
    return rows[0].calendar_token;
  }

  /** Replaces the calendar token: the old one matches no attendee from now on. */
  async setCalendarToken(id: string, token: string): Promise<void> {
    await this.attendees().update({ id }, { calendarToken: token });
  }

  /** Turns schedule-update mails on or off for the registration of (edition, email); false when there is none. */
  async setEmailUpdates(editionId: string, email: string, enabled: boolean): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE attendee SET email_updates = $3 WHERE edition_id = $1 AND email = $2`,
      [editionId, email, enabled],
    );
    return affected > 0;
  }

  /**
   * Creates or updates registrations by (edition, email) in one statement. Only rows whose fields
   * changed are written and returned; an identical row is left alone (its updated_at too).
   */
  upsertMany(editionId: string, rows: AttendeeRow[], manager?: EntityManager): Promise<WrittenAttendee[]> {
    return (manager ?? this.db.manager).query(
      `INSERT INTO attendee (edition_id, email, first_name, last_name, company, job_title, access_level)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::access_level[])
       ON CONFLICT (edition_id, email) DO UPDATE
          SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, company = EXCLUDED.company,
              job_title = EXCLUDED.job_title, access_level = EXCLUDED.access_level, updated_at = now()
        WHERE (attendee.first_name, attendee.last_name, attendee.company, attendee.job_title, attendee.access_level)
              IS DISTINCT FROM (EXCLUDED.first_name, EXCLUDED.last_name, EXCLUDED.company, EXCLUDED.job_title, EXCLUDED.access_level)
       RETURNING id, email, (xmax = 0) AS created`,
      [
        editionId,
        rows.map((r) => r.email),
        rows.map((r) => r.firstName),
        rows.map((r) => r.lastName),
        rows.map((r) => r.company),
        rows.map((r) => r.jobTitle),
        rows.map((r) => r.accessLevel),
      ],
    );
  }

  /** The ids of these emails' registrations in an edition, keyed by email. */
  async idsByEmail(editionId: string, emails: string[], manager?: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; email: string }[] = await (manager ?? this.db.manager).query(
      `SELECT id, email FROM attendee WHERE edition_id = $1 AND email = ANY($2)`,
      [editionId, emails],
    );
    return new Map(rows.map((r) => [r.email, r.id]));
  }

  /** Stamps each attendee's check-in with the earliest of the times given, never moving an earlier stamp later (one statement). */
  async markCheckedIn(checkins: { attendeeId: string; at: Date }[], manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      CHECK_IN_STATEMENT.from('SELECT * FROM unnest($1::uuid[], $2::timestamptz[])'),
      [checkins.map((c) => c.attendeeId), checkins.map((c) => c.at)],
    );
  }

  /**
   * One page of an edition's attendees by (last name, first name, id), filtered. A search of
   * TRIGRAM_MIN characters or more reads the matches through the trigram index once (a materialized
   * CTE: the planner would otherwise walk the roster index in name order and test every row) and
   * counts them in the same statement; `total` is then set. A shorter search reads the page and the
   * count (countPage) at the same time. Without a search, the page walks the `attendee_roster` index
   * and stops at `take`, and the count is a separate statement, asked only when wanted.
   * The badge filter reads the badges lib's `badge` table (latest version per attendee).
   */
  async page({ editionId, filter, after, take }: AttendeePageQuery): Promise<{ rows: Attendee[]; total?: number }> {
    const params: unknown[] = [editionId];
    const where = this.filterSql(filter, params);
    const search = filter.search?.trim() ?? '';
    let keyset = '';
    if (after) {
      params.push(after.lastName, after.firstName, after.id);
      const n = params.length;
      keyset = `AND (m.last_name, m.first_name, m.id) > ($${n - 2}, $${n - 1}, $${n}::uuid)`;
    }
    params.push(take);
    const limit = `$${params.length}`;
    const columns = (t: string) => `${t}.id, ${t}.edition_id AS "editionId", ${t}.email, ${t}.first_name AS "firstName",
              ${t}.last_name AS "lastName", ${t}.company, ${t}.job_title AS "jobTitle", ${t}.access_level AS "accessLevel",
              ${t}.checked_in_at AS "checkedInAt", ${t}.email_updates AS "emailUpdates", ${t}.created_at AS "createdAt",
              ${t}.updated_at AS "updatedAt"`;
    const keysetOn = (t: string) => keyset.replace(/\bm\./g, `${t}.`);
    if (search.length >= TRIGRAM_MIN) {
      const rows: (Attendee & { total: number })[] = await this.db.query(
        `WITH m AS MATERIALIZED (SELECT a.* FROM attendee a WHERE ${where})
         SELECT ${columns('m')}, (SELECT count(*) FROM m)::int AS total FROM m WHERE true ${keyset}
          ORDER BY m.last_name, m.first_name, m.id LIMIT ${limit}`,
        params,
      );
      // An empty page still needs the count (a cursor past the last match).
      const total = rows[0]?.total ?? (after ? await this.countPage(editionId, filter) : 0);
      return { rows: rows.map(({ total: _total, ...row }) => Object.assign(new Attendee(), row)), total };
    }
    const read: Promise<Attendee[]> = this.db.query(
      `SELECT ${columns('a')} FROM attendee a WHERE ${where} ${keysetOn('a')}
        ORDER BY a.last_name, a.first_name, a.id LIMIT ${limit}`,
      params,
    );
    // A short search has no index: the page walks the roster until it has its rows (quick when the
    // term is common, a scan when it is rare) and the count is a scan. Both at once, on two
    // connections, rather than one after the other.
    const [rows, total] = await Promise.all([read, search ? this.countPage(editionId, filter) : undefined]);
    return { rows: rows.map((row) => Object.assign(new Attendee(), row)), total };
  }

  /** How many attendees of the edition the filter matches. */
  async countPage(editionId: string, filter: AttendeeFilter): Promise<number> {
    const params: unknown[] = [editionId];
    const [row]: { count: number }[] = await this.db.query(
      `SELECT count(*)::int AS count FROM attendee a WHERE ${this.filterSql(filter, params)}`,
      params,
    );
    return row.count;
  }

  /** The WHERE clause of a filter on attendee `a` ($1 is the edition id); pushes its parameters. */
  private filterSql(filter: AttendeeFilter, params: unknown[]): string {
    const parts = ['a.edition_id = $1'];
    const search = filter.search?.trim();
    if (search) {
      params.push(likePattern(search));
      parts.push(`${ATTENDEE_SEARCH_TEXT} LIKE $${params.length}`);
    }
    if (filter.accessLevel) {
      params.push(filter.accessLevel);
      parts.push(`a.access_level = $${params.length}::access_level`);
    }
    if (filter.checkedIn !== undefined && filter.checkedIn !== null)
      parts.push(filter.checkedIn ? 'a.checked_in_at IS NOT NULL' : 'a.checked_in_at IS NULL');
    switch (filter.badgeStatus) {
      case AttendeeBadgeStatus.NONE:
        parts.push('NOT EXISTS (SELECT 1 FROM badge b WHERE b.attendee_id = a.id)');
        break;
      case AttendeeBadgeStatus.PENDING:
      case AttendeeBadgeStatus.ACTIVE:
        params.push(filter.badgeStatus);
        parts.push(
          `EXISTS (SELECT 1 FROM badge b WHERE b.attendee_id = a.id AND b.status = $${params.length}::badge_status)`,
        );
        break;
      case AttendeeBadgeStatus.REVOKED:
        parts.push(
          `EXISTS (SELECT 1 FROM badge b WHERE b.attendee_id = a.id) AND NOT EXISTS (SELECT 1 FROM badge b WHERE b.attendee_id = a.id AND b.status <> 'REVOKED')`,
        );
        break;
    }
    return parts.join(' AND ');
  }
}
