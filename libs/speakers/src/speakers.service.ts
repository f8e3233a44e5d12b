import { Injectable } from '@nestjs/common';
import {
  ConnectionResult,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  normalizeEmail,
  Principal,
  PublicRevision,
  toConnection,
} from '@app/core';
import { AccessService } from '@app/editions';
import { EntityManager } from 'typeorm';
import { Speaker } from './speaker.entity';
import { SpeakerInput, SpeakersArgs } from './speaker.inputs';
import { SpeakerRepository } from './speaker.repository';

@Injectable()
export class SpeakersService {
  constructor(
    private readonly speakers: SpeakerRepository,
    private readonly access: AccessService,
    private readonly revision: PublicRevision,
  ) {}

  async create(user: Principal | undefined, editionId: string, input: SpeakerInput): Promise<Speaker> {
    await this.access.requireOrganizer(user, editionId);
    const blankToNull = (v?: string) => (v?.trim() ? v.trim() : null);
    const speaker = await this.speakers.insert({
      editionId,
      name: input.name.trim(),
      email: blankToNull(input.email) && normalizeEmail(input.email!),
      company: blankToNull(input.company),
      jobTitle: blankToNull(input.jobTitle),
      bio: blankToNull(input.bio),
    });
    await this.revision.bump();
    return speaker;
  }

  /** Speakers of an edition by name, optionally matching name or company, keyset-paginated on (name, id). */
  async list({
    editionId,
    search,
    first = DEFAULT_PAGE_SIZE,
    after,
  }: SpeakersArgs): Promise<ConnectionResult<Speaker>> {
    const cursor = after ? decodeCursor(after, ['string', 'string']) : undefined;
    const rows = await this.speakers.page({
      editionId,
      search,
      after: cursor && { name: String(cursor[0]), id: String(cursor[1]) },
      take: first + 1,
    });
    return toConnection(
      rows,
      first,
      (s) => [s.name, s.id],
      () => this.speakers.count(editionId, search),
    );
  }

  byIds(ids: readonly string[]): Promise<Speaker[]> {
    return this.speakers.byIds(ids);
  }

  /** Whether every id is a speaker of the edition (read in the caller's transaction). */
  async allInEdition(ids: string[], editionId: string, manager?: EntityManager): Promise<boolean> {
    return (await this.speakers.countInEdition(ids, editionId, manager)) === ids.length;
  }

  /** Locks the speakers' rows until the caller's transaction ends: their sessions are checked for overlaps one change at a time. */
  lockForScheduling(ids: string[], manager: EntityManager): Promise<void> {
    return this.speakers.lock(ids, manager);
  }
}
