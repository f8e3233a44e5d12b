import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, PublicRevision } from '@app/core';
import { EditionsService } from '@app/editions';
import { SpeakersService } from '@app/speakers';
import { DataSource } from 'typeorm';
import { Programme, ProgrammeSession, programmeVersion, scheduleJson, scheduleXml } from './programme-export';

export type ProgrammeFormat = 'xml' | 'json';

export interface ProgrammeExport {
  body: string;
  etag: string;
  version: string;
}

const EXPORTS_KEPT = 200;

/**
 * The published programme as frab XML and c3voc JSON. Each export is kept rendered per public
 * revision (bumped after every programme change), so the polling of many apps costs one Redis read
 * each, and a 304 when nothing moved; a render reads the whole programme in five queries.
 */
@Injectable()
export class ProgrammeExportService {
  private readonly rendered = new Map<string, ProgrammeExport>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly speakers: SpeakersService,
    private readonly config: AppConfig,
    private readonly revision: PublicRevision,
  ) {}

  async export(editionId: string, format: ProgrammeFormat): Promise<ProgrammeExport> {
    const revision = await this.revision.current();
    const key = `${editionId}:${format}@${revision}`;
    const cached = revision === null ? undefined : this.rendered.get(key);
    if (cached) return cached;
    const programme = await this.publishedProgramme(editionId);
    const version = programmeVersion(programme);
    const body = format === 'xml' ? scheduleXml(programme, this.config.publicUrl, version) : JSON.stringify(scheduleJson(programme, this.config.publicUrl, version));
    const rendered = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, version };
    if (revision !== null) {
      if (this.rendered.size >= EXPORTS_KEPT) this.rendered.delete(this.rendered.keys().next().value!);
      this.rendered.set(key, rendered);
    }
    return rendered;
  }

  /**
   * An edition's published programme (drafts and cancelled sessions left out), its rooms and tracks,
   * and the speakers of its published sessions only: five queries, whatever the programme's size.
   * NOT_FOUND for an unknown edition. Everything comes ordered, so the version hash is stable.
   */
  async publishedProgramme(editionId: string): Promise<Programme> {
    const edition = await this.editions.get(editionId);
    const [rooms, tracks, sessions] = await Promise.all([
      this.editions.roomsOf([editionId]),
      this.editions.tracksOf([editionId]),
      this.db.query(
        `SELECT s.id, s.number, s.title, s.abstract, s.format, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.room_id AS "roomId", s.track_id AS "trackId",
                coalesce((SELECT array_agg(sp.id::text ORDER BY ss.position, sp.name, sp.id) FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id = s.id), '{}') AS "speakerIds"
           FROM session s WHERE s.edition_id = $1 AND s.status = 'PUBLISHED' ORDER BY s.starts_at, s.number`,
        [editionId],
      ) as Promise<ProgrammeSession[]>,
    ]);
    const speakerIds = [...new Set(sessions.flatMap((s) => s.speakerIds))];
    const speakers = speakerIds.length ? (await this.speakers.byIds(speakerIds)).sort((a, b) => a.number - b.number) : [];
    return {
      edition: { id: edition.id, name: edition.name, year: edition.year, timezone: edition.timezone, startsOn: edition.startsOn, endsOn: edition.endsOn },
      rooms: rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
      tracks: tracks.map((t) => ({ id: t.id, name: t.name })),
      speakers: speakers.map((s) => ({ id: s.id, number: s.number, name: s.name, bio: s.bio })),
      sessions,
    };
  }
}
