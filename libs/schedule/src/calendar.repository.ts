import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarSession } from './calendar';

/** Whose personal feed a calendar token opens: the attendee, and their edition's name and timezone. */
export interface FeedOwner {
  attendeeId: string;
  edition: string;
  timezone: string;
}

/** Sessions as calendar events: room, track and speakers in billing order (read in joins: one query per feed). */
const FEED_SESSIONS = `
  SELECT s.id, s.title, s.abstract, s.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.revision,
         s.updated_at AS "updatedAt", s.cancel_reason AS "cancelReason", r.name AS room, t.name AS track,
         coalesce((SELECT array_agg(sp.name ORDER BY ss.position, sp.name) FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id = s.id), '{}') AS speakers
    FROM session s LEFT JOIN room r ON r.id = s.room_id LEFT JOIN track t ON t.id = s.track_id`;
/** What a feed shows: published sessions, and cancelled ones (as cancelled events). */
const VISIBLE = `s.status IN ('PUBLISHED', 'CANCELLED')`;

/** The reads behind calendar feeds (schedule entries joined with other libs' rows: reads only). */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The owner of a personal calendar token, or undefined. */
  async ownerOf(token: string): Promise<FeedOwner | undefined> {
    const [owner]: { id: string; edition: string; timezone: string }[] = await this.db.query(
      `SELECT a.id, e.name AS edition, e.timezone FROM attendee a JOIN edition e ON e.id = a.edition_id WHERE a.calendar_token = $1`,
      [token],
    );
    return owner && { attendeeId: owner.id, edition: owner.edition, timezone: owner.timezone };
  }

  /** The visible sessions in an attendee's schedule, by start. */
  scheduleOf(attendeeId: string): Promise<CalendarSession[]> {
    return this.db.query(
      `${FEED_SESSIONS} JOIN schedule_entry se ON se.session_id = s.id WHERE se.attendee_id = $1 AND ${VISIBLE} ORDER BY s.starts_at, s.id`,
      [attendeeId],
    );
  }

  /** An edition's name and timezone, with a track's name when that track is the edition's; undefined for an unknown edition. */
  async feedTitle(
    editionId: string,
    trackId: string | null,
  ): Promise<{ name: string; timezone: string; track: string | null } | undefined> {
    const [edition]: { name: string; timezone: string; track: string | null }[] = await this.db.query(
      `SELECT e.name, e.timezone, t.name AS track FROM edition e LEFT JOIN track t ON t.id = $2 AND t.edition_id = e.id WHERE e.id = $1`,
      [editionId, trackId],
    );
    return edition;
  }

  /** The visible sessions of an edition (of one track, when given), by start. */
  programme(editionId: string, trackId: string | null): Promise<CalendarSession[]> {
    return this.db.query(
      `${FEED_SESSIONS} WHERE s.edition_id = $1 AND ${VISIBLE} AND ($2::uuid IS NULL OR s.track_id = $2) ORDER BY s.starts_at, s.id`,
      [editionId, trackId],
    );
  }
}
