import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Speaker } from './speaker.entity';

/** A page of an edition's speakers: keyset on (name, id), optionally matching name or company. */
export interface SpeakerPageQuery {
  editionId: string;
  search?: string;
  after?: { name: string; id: string };
  take: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Data access for the speakers lib: the speaker table. */
@Injectable()
export class SpeakerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a speaker (its number is drawn from the sequence). */
  insert(speaker: Pick<Speaker, 'editionId' | 'name' | 'email' | 'company' | 'jobTitle' | 'bio'>): Promise<Speaker> {
    const speakers = this.db.getRepository(Speaker);
    return speakers.save(speakers.create(speaker));
  }

  /** One speaker, or null. */
  findById(id: string): Promise<Speaker | null> {
    return this.db.getRepository(Speaker).findOneBy({ id });
  }

  /** Writes a speaker's fields (all of them: updateSpeaker takes the whole profile). */
  async update(id: string, fields: Pick<Speaker, 'name' | 'email' | 'company' | 'jobTitle' | 'bio'>): Promise<void> {
    await this.db.getRepository(Speaker).update({ id }, fields);
  }

  /** One page by (name, id), the trigram index serving the search. */
  page({ editionId, search, after, take }: SpeakerPageQuery): Promise<Speaker[]> {
    const page = this.matching(editionId, search).orderBy('sp.name', 'ASC').addOrderBy('sp.id', 'ASC').take(take);
    if (after) page.andWhere('(sp.name, sp.id) > (:name, :id)', after);
    return page.getMany();
  }

  /** How many speakers the same filter matches. */
  count(editionId: string, search?: string): Promise<number> {
    return this.matching(editionId, search).getCount();
  }

  /** Speakers by id (DataLoader batch). */
  byIds(ids: readonly string[]): Promise<Speaker[]> {
    return this.db.getRepository(Speaker).findBy({ id: In([...ids]) });
  }

  /** How many of these ids are speakers of the edition (in the caller's transaction). */
  countInEdition(ids: string[], editionId: string, manager?: EntityManager): Promise<number> {
    return (manager ?? this.db.manager).count(Speaker, { where: { id: In(ids), editionId } });
  }

  /** Locks these speakers' rows in id order (no deadlock between two transactions), until the caller's transaction ends. */
  async lock(ids: string[], manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder(Speaker, 'sp')
      .select('sp.id')
      .where('sp.id IN (:...ids)', { ids })
      .orderBy('sp.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  private matching(editionId: string, search?: string): SelectQueryBuilder<Speaker> {
    const qb = this.db
      .getRepository(Speaker)
      .createQueryBuilder('sp')
      .where('sp.editionId = :editionId', { editionId });
    if (search?.trim())
      qb.andWhere("(sp.name || ' ' || coalesce(sp.company, '')) ILIKE :pattern", {
        pattern: likePattern(search.trim()),
      });
    return qb;
  }
}
