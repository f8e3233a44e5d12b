import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, notFound, PublicRevision } from '@app/core';
import { DataSource } from 'typeorm';
import { CalendarSession, etagOf, renderCalendar } from './calendar';

export interface Feed {
  body: string;
  etag: string;
}

/** Sessions as calendar events: room, track and speakers in billing order. */
const FEED_SESSIONS = `
  SELECT s.id, s.title, s.abstract, s.status, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.revision,
         s.updated_at AS "updatedAt", s.cancel_reason AS "cancelReason", r.name AS room, t.name AS track,
         coalesce((SELECT array_agg(sp.name ORDER BY ss.position, sp.name) FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id = s.id), '{}') AS speakers
    FROM session s LEFT JOIN room r ON r.id = s.room_id LEFT JOIN track t ON t.id = s.track_id`;
const VISIBLE = `s.status IN ('PUBLISHED', 'CANCELLED')`;
const PUBLIC_FEEDS_KEPT = 200;

/**
 * Calendar feeds (text/calendar). Personal feeds are found by their secret token. Public feeds (the
 * programme, a track) are kept rendered per public revision, so the polling of thousands of
 * calendar apps costs one Redis read each, and a 304 when nothing moved.
 */
@Injectable()
export class CalendarService {
  private readonly rendered = new Map<string, Feed>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly revision: PublicRevision,
  ) {}

  async personal(token: string): Promise<Feed> {
    const [owner]: { id: string; first_name: string; edition: string; timezone: string }[] = await this.db.query(
      `SELECT a.id, a.first_name, e.name AS edition, e.timezone FROM attendee a JOIN edition e ON e.id = a.edition_id WHERE a.calendar_token = $1`,
      [token],
    );
    if (!owner) throw notFound('Calendar');
    const sessions: CalendarSession[] = await this.db.query(
      `${FEED_SESSIONS} JOIN schedule_entry se ON se.session_id = s.id WHERE se.attendee_id = $1 AND ${VISIBLE} ORDER BY s.starts_at, s.id`,
      [owner.id],
    );
    const body = renderCalendar(`${owner.edition}: my schedule`, owner.timezone, sessions, this.config.publicUrl);
    return { body, etag: etagOf(body) };
  }

  programme(editionId: string): Promise<Feed> {
    return this.publicFeed(`programme:${editionId}`, editionId, null);
  }

  track(editionId: string, trackId: string): Promise<Feed> {
    return this.publicFeed(`track:${trackId}`, editionId, trackId);
  }

  private async publicFeed(key: string, editionId: string, trackId: string | null): Promise<Feed> {
    const revision = await this.revision.current();
    const cacheKey = `${key}@${revision}`;
    const cached = revision === null ? undefined : this.rendered.get(cacheKey);
    if (cached) return cached;
    const [edition]: { name: string; timezone: string; track: string | null }[] = await this.db.query(
      `SELECT e.name, e.timezone, t.name AS track FROM edition e LEFT JOIN track t ON t.id = $2 AND t.edition_id = e.id WHERE e.id = $1`,
      [editionId, trackId],
    );
    if (!edition) throw notFound('Edition', editionId);
    if (trackId && !edition.track) throw notFound('Track', trackId);
    const sessions: CalendarSession[] = await this.db.query(
      `${FEED_SESSIONS} WHERE s.edition_id = $1 AND ${VISIBLE} AND ($2::uuid IS NULL OR s.track_id = $2) ORDER BY s.starts_at, s.id`,
      [editionId, trackId],
    );
    const body = renderCalendar(edition.track ? `${edition.name}: ${edition.track}` : edition.name, edition.timezone, sessions, this.config.publicUrl);
    const feed = { body, etag: etagOf(body) };
    if (revision !== null) {
      if (this.rendered.size >= PUBLIC_FEEDS_KEPT) this.rendered.delete(this.rendered.keys().next().value!);
      this.rendered.set(cacheKey, feed);
    }
    return feed;
  }
}
