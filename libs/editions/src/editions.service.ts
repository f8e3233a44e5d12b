import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { badInput, checkedEmail, conflict, isPgError, notFound, PgCode, Principal, PublicRevision } from '@app/core';
import { DataSource, In, Repository } from 'typeorm';
import { AccessService } from './access.service';
import { Edition, EditionRole, Role, Room, Track } from './edition.entity';
import { EditionInput, RoomInput } from './edition.inputs';
import { ExhibitorStaffPort } from './exhibitor-staff.port';
import { isCalendarDay, isIanaZone } from './timezones';

const MAX_EDITION_DAYS = 31;

@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(Edition) private readonly editions: Repository<Edition>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    @InjectRepository(Track) private readonly tracks: Repository<Track>,
    private readonly access: AccessService,
    private readonly revision: PublicRevision,
    private readonly staffRule: ExhibitorStaffPort,
  ) {}

  async create(user: Principal | undefined, input: EditionInput): Promise<Edition> {
    this.access.requireAdmin(user);
    if (!isIanaZone(input.timezone)) throw badInput(`Unknown timezone "${input.timezone}": use an IANA name such as America/Chicago`, { field: 'timezone' });
    for (const field of ['startsOn', 'endsOn'] as const) {
      if (!isCalendarDay(input[field])) throw badInput(`${field} is not a calendar day`, { field });
    }
    if (input.endsOn < input.startsOn) throw badInput('endsOn is before startsOn', { field: 'endsOn' });
    const days = (Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 + 1;
    if (days > MAX_EDITION_DAYS) throw badInput(`An edition lasts at most ${MAX_EDITION_DAYS} days`, { field: 'endsOn' });
    const created = await this.db.transaction(async (em) => {
      const edition = await em.save(em.create(Edition, { ...input, name: input.name.trim() }));
      await em.insert(EditionRole, { editionId: edition.id, email: user!.email!, role: Role.ORGANIZER, exhibitorId: null });
      return edition;
    });
    await this.revision.bump();
    return created;
  }

  list(): Promise<Edition[]> {
    return this.editions.find({ order: { startsOn: 'DESC', name: 'ASC' } });
  }

  findById(id: string): Promise<Edition | null> {
    return this.editions.findOneBy({ id });
  }

  async get(id: string): Promise<Edition> {
    const edition = await this.findById(id);
    if (!edition) throw notFound('Edition', id);
    return edition;
  }

  async createRoom(user: Principal | undefined, editionId: string, input: RoomInput): Promise<Room> {
    await this.access.requireOrganizer(user, editionId);
    return this.insertUnique(() => this.rooms.save(this.rooms.create({ editionId, name: input.name.trim(), capacity: input.capacity, enforceCapacity: input.enforceCapacity ?? false })), `A room named "${input.name}" already exists`);
  }

  async createTrack(user: Principal | undefined, editionId: string, name: string): Promise<Track> {
    await this.access.requireOrganizer(user, editionId);
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) throw badInput('A track name has 1 to 200 characters', { field: 'name' });
    return this.insertUnique(() => this.tracks.save(this.tracks.create({ editionId, name: trimmed })), `A track named "${trimmed}" already exists`);
  }

  async grantRole(user: Principal | undefined, editionId: string, rawEmail: string, role: Role, exhibitorId?: string): Promise<boolean> {
    await this.access.requireOrganizer(user, editionId);
    const email = checkedEmail(rawEmail);
    if (role === Role.EXHIBITOR && !exhibitorId) throw badInput('An EXHIBITOR role needs an exhibitorId', { field: 'exhibitorId' });
    if (role !== Role.EXHIBITOR && exhibitorId) throw badInput('Only an EXHIBITOR role takes an exhibitorId', { field: 'exhibitorId' });
    if (exhibitorId && !(await this.db.query(`SELECT 1 FROM exhibitor WHERE id = $1 AND edition_id = $2`, [exhibitorId, editionId])).length) throw notFound('Exhibitor', exhibitorId);
    // Exhibitor staff join under the exhibitors' rule (allotment, one exhibitor per person); the
    // organizer seats the exhibitor's first admin, later grants add plain staff.
    if (role === Role.EXHIBITOR) {
      await this.staffRule.enrolStaff(editionId, exhibitorId!, email, 'first');
      return true;
    }
    await this.db
      .createQueryBuilder()
      .insert()
      .into(EditionRole)
      .values({ editionId, email, role, exhibitorId: null, exhibitorAdmin: false })
      .orUpdate(['exhibitor_id', 'exhibitor_admin'], ['edition_id', 'email', 'role'])
      .execute();
    return true;
  }

  /**
   * Takes a role back from an email (organizers only). True when the email held it. An organizer
   * cannot revoke their own ORGANIZER role, so an edition is never left without one by mistake.
   */
  async revokeRole(user: Principal | undefined, editionId: string, rawEmail: string, role: Role): Promise<boolean> {
    await this.access.requireOrganizer(user, editionId);
    const email = checkedEmail(rawEmail);
    if (role === Role.ORGANIZER && email === user!.email) throw badInput('You cannot revoke your own ORGANIZER role', { field: 'email' });
    const [, affected]: [unknown, number] = await this.db.query(`DELETE FROM edition_role WHERE edition_id = $1 AND email = $2 AND role = $3`, [editionId, email, role]);
    return affected > 0;
  }

  roomsOf(editionIds: readonly string[]): Promise<Room[]> {
    return this.rooms.find({ where: { editionId: In([...editionIds]) }, order: { name: 'ASC' } });
  }

  tracksOf(editionIds: readonly string[]): Promise<Track[]> {
    return this.tracks.find({ where: { editionId: In([...editionIds]) }, order: { name: 'ASC' } });
  }

  /** Editions by id (DataLoader batch). */
  byIds(ids: readonly string[]): Promise<Edition[]> {
    return this.editions.findBy({ id: In([...ids]) });
  }

  roomsByIds(ids: readonly string[]): Promise<Room[]> {
    return this.rooms.findBy({ id: In([...ids]) });
  }

  tracksByIds(ids: readonly string[]): Promise<Track[]> {
    return this.tracks.findBy({ id: In([...ids]) });
  }

  /** Inserts a public record (room, track): a duplicate name is a CONFLICT; cached public answers are renewed. */
  private async insertUnique<T>(insert: () => Promise<T>, message: string): Promise<T> {
    try {
      const row = await insert();
      await this.revision.bump();
      return row;
    } catch (error) {
      if (isPgError(error, PgCode.UNIQUE_VIOLATION)) throw conflict(message);
      throw error;
    }
  }
}
