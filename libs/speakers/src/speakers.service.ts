import { Injectable } from '@nestjs/common';
import {
  ConnectionResult,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  badInput,
  normalizeEmail,
  notFound,
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
    const speaker = await this.speakers.insert({ editionId, ...profileOf(input) });
    await this.revision.bump();
    return speaker;
  }

  /**
   * Organizers of the speaker's edition: changes the speaker's profile. The name is required; other
   * fields left out stay as they are (the email is never shown, so an edit form cannot resend it) and
   * an empty string clears one.
   */
  async update(user: Principal | undefined, id: string, input: SpeakerInput): Promise<Speaker> {
    const speaker = await this.speakers.findById(id);
    if (!speaker) throw notFound('Speaker', id);
    await this.access.requireOrganizer(user, speaker.editionId);
    const profile = profileOf(input);
    await this.speakers.update(id, {
      name: profile.name,
      email: input.email === undefined || input.email === null ? speaker.email : profile.email,
      company: input.company === undefined || input.company === null ? speaker.company : profile.company,
      jobTitle: input.jobTitle === undefined || input.jobTitle === null ? speaker.jobTitle : profile.jobTitle,
      bio: input.bio === undefined || input.bio === null ? speaker.bio : profile.bio,
    });
    await this.revision.bump();
    return (await this.speakers.findById(id))!;
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

/** The stored profile of a speaker input: trimmed, blank fields null, the email normalized. */
function profileOf(input: SpeakerInput): Pick<Speaker, 'name' | 'email' | 'company' | 'jobTitle' | 'bio'> {
  const blankToNull = (v?: string) => (v?.trim() ? v.trim() : null);
  const name = input.name.trim();
  if (!name) throw badInput('A speaker name has 1 to 200 characters', { field: 'name' });
  return {
    name,
    email: blankToNull(input.email) && normalizeEmail(input.email!),
    company: blankToNull(input.company),
    jobTitle: blankToNull(input.jobTitle),
    bio: blankToNull(input.bio),
  };
}
