import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, PublicRevision, RenderedByRevision } from '@app/core';
import { EditionsService } from '@app/editions';
import { SpeakersService } from '@app/speakers';
import { Programme, programmeVersion, scheduleJson, scheduleXml } from './programme-export';
import { SessionRepository } from './session.repository';

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
  private readonly rendered: RenderedByRevision<ProgrammeExport>;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly editions: EditionsService,
    private readonly speakers: SpeakersService,
    private readonly config: AppConfig,
    revision: PublicRevision,
  ) {
    this.rendered = new RenderedByRevision(revision, EXPORTS_KEPT);
  }

  export(editionId: string, format: ProgrammeFormat): Promise<ProgrammeExport> {
    return this.rendered.get(`${editionId}:${format}`, async () => {
      const programme = await this.publishedProgramme(editionId);
      const version = programmeVersion(programme);
      const body =
        format === 'xml'
          ? scheduleXml(programme, this.config.publicUrl, version)
          : JSON.stringify(scheduleJson(programme, this.config.publicUrl, version));
      return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, version };
    });
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
      this.sessions.publishedProgramme(editionId),
    ]);
    const speakerIds = [...new Set(sessions.flatMap((s) => s.speakerIds))];
    const speakers = speakerIds.length
      ? (await this.speakers.byIds(speakerIds)).sort((a, b) => a.number - b.number)
      : [];
    return {
      edition: {
        id: edition.id,
        name: edition.name,
        year: edition.year,
        timezone: edition.timezone,
        startsOn: edition.startsOn,
        endsOn: edition.endsOn,
      },
      rooms: rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
      tracks: tracks.map((t) => ({ id: t.id, name: t.name })),
      speakers: speakers.map((s) => ({ id: s.id, number: s.number, name: s.name, bio: s.bio })),
      sessions,
    };
  }
}
