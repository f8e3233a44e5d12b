import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConnectionResult, decodeCursor, DEFAULT_PAGE_SIZE, normalizeEmail, Principal, PublicRevision, toConnection } from '@app/core';
import { AccessService } from '@app/editions';
import { In, Repository } from 'typeorm';
import { Speaker } from './speaker.entity';
import { SpeakerInput, SpeakersArgs } from './speaker.inputs';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class SpeakersService {
  constructor(
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
    private readonly access: AccessService,
    private readonly revision: PublicRevision,
  ) {}

  async create(user: Principal | undefined, editionId: string, input: SpeakerInput): Promise<Speaker> {
    await this.access.requireOrganizer(user, editionId);
    const blankToNull = (v?: string) => (v?.trim() ? v.trim() : null);
    const speaker = await this.speakers.save(
      this.speakers.create({
        editionId,
        name: input.name.trim(),
        email: blankToNull(input.email) && normalizeEmail(input.email!),
        company: blankToNull(input.company),
        jobTitle: blankToNull(input.jobTitle),
        bio: blankToNull(input.bio),
      }),
    );
    await this.revision.bump();
    return speaker;
  }

  /** Speakers of an edition by name, optionally matching name or company, keyset-paginated on (name, id). */
  async list({ editionId, search, first = DEFAULT_PAGE_SIZE, after }: SpeakersArgs): Promise<ConnectionResult<Speaker>> {
    const base = () => {
      const qb = this.speakers.createQueryBuilder('sp').where('sp.editionId = :editionId', { editionId });
      if (search?.trim()) qb.andWhere("(sp.name || ' ' || coalesce(sp.company, '')) ILIKE :pattern", { pattern: likePattern(search.trim()) });
      return qb;
    };
    const page = base().orderBy('sp.name', 'ASC').addOrderBy('sp.id', 'ASC').take(first + 1);
    if (after) {
      const [name, id] = decodeCursor(after, ['string', 'string']);
      page.andWhere('(sp.name, sp.id) > (:name, :id)', { name, id });
    }
    return toConnection(await page.getMany(), first, (s) => [s.name, s.id], () => base().getCount());
  }

  byIds(ids: readonly string[]): Promise<Speaker[]> {
    return this.speakers.findBy({ id: In([...ids]) });
  }
}
