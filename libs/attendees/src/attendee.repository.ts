import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttendeeRow } from './attendee-row';
import { AccessLevel, Attendee } from './attendee.entity';

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
}
