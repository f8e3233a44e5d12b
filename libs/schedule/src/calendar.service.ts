import { Injectable } from '@nestjs/common';
import { AppConfig, notFound, PublicRevision, RenderedByRevision } from '@app/core';
import { etagOf, renderCalendar } from './calendar';
import { CalendarRepository } from './calendar.repository';

export interface Feed {
  body: string;
  etag: string;
}

const PUBLIC_FEEDS_KEPT = 200;

/**
 * Calendar feeds (text/calendar). Personal feeds are found by their secret token. Public feeds (the
 * programme, a track) are kept rendered per public revision, so the polling of thousands of
 * calendar apps costs one Redis read each, and a 304 when nothing moved.
 */
@Injectable()
export class CalendarService {
  private readonly rendered: RenderedByRevision<Feed>;

  constructor(
    private readonly feeds: CalendarRepository,
    private readonly config: AppConfig,
    revision: PublicRevision,
  ) {
    this.rendered = new RenderedByRevision(revision, PUBLIC_FEEDS_KEPT);
  }

  async personal(token: string): Promise<Feed> {
    const owner = await this.feeds.ownerOf(token);
    if (!owner) throw notFound('Calendar');
    const sessions = await this.feeds.scheduleOf(owner.attendeeId);
    const body = renderCalendar(`${owner.edition}: my schedule`, owner.timezone, sessions, this.config.publicUrl);
    return { body, etag: etagOf(body) };
  }

  programme(editionId: string): Promise<Feed> {
    return this.publicFeed(`programme:${editionId}`, editionId, null);
  }

  track(editionId: string, trackId: string): Promise<Feed> {
    return this.publicFeed(`track:${trackId}`, editionId, trackId);
  }

  private publicFeed(key: string, editionId: string, trackId: string | null): Promise<Feed> {
    return this.rendered.get(key, async () => {
      const edition = await this.feeds.feedTitle(editionId, trackId);
      if (!edition) throw notFound('Edition', editionId);
      if (trackId && !edition.track) throw notFound('Track', trackId);
      const sessions = await this.feeds.programme(editionId, trackId);
      const body = renderCalendar(
        edition.track ? `${edition.name}: ${edition.track}` : edition.name,
        edition.timezone,
        sessions,
        this.config.publicUrl,
      );
      return { body, etag: etagOf(body) };
    });
  }
}
