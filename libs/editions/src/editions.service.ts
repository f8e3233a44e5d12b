import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { badInput, checkedEmail, conflict, isPgError, notFound, PgCode, Principal, PublicRevision } from '@app/core';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from './access.service';
import { Edition, Role, Room, Track } from './edition.entity';
import { EditionRepository } from './edition.repository';
import { EditionInput, RoomInput } from './edition.inputs';
import { ExhibitorStaffPort } from './exhibitor-staff.port';

const MAX_EDITION_DAYS = 31;

@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: EditionRepository,
    private readonly access: AccessService,
    private readonly revision: PublicRevision,
    private readonly staffRule: ExhibitorStaffPort,
  ) {}

  async create(user: Principal | undefined, input: EditionInput): Promise<Edition> {
    this.access.requireAdmin(user);
    if (input.endsOn < input.startsOn) throw badInput('endsOn is before startsOn', { field: 'endsOn' });
    const days = (Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 + 1;
    if (days > MAX_EDITION_DAYS)
      throw badInput(`An edition lasts at most ${MAX_EDITION_DAYS} days`, { field: 'endsOn' });
    const created = await this.db.transaction((em) =>
      this.repository.createWithOrganizer({ ...input, name: input.name.trim() }, user!.email!, em),
    );
    await this.revision.bump();
    return created;
  }

  list(): Promise<Edition[]> {
    return this.repository.list();
  }

  findById(id: string, manager?: EntityManager): Promise<Edition | null> {
    return this.repository.findById(id, manager);
  }

  /** An edition (in the caller's transaction when given); NOT_FOUND when there is none. */
  async get(id: string, manager?: EntityManager): Promise<Edition> {
    const edition = await this.findById(id, manager);
    if (!edition) throw notFound('Edition', id);
    return edition;
  }

  async createRoom(user: Principal | undefined, editionId: string, input: RoomInput): Promise<Room> {
    await this.access.requireOrganizer(user, editionId);
    return this.insertUnique(
      () =>
        this.repository.insertRoom({
          editionId,
          name: input.name.trim(),
          capacity: input.capacity,
          enforceCapacity: input.enforceCapacity ?? false,
        }),
      `A room named "${input.name}" already exists`,
    );
  }

  async createTrack(user: Principal | undefined, editionId: string, name: string): Promise<Track> {
    await this.access.requireOrganizer(user, editionId);
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200) throw badInput('A track name has 1 to 200 characters', { field: 'name' });
    return this.insertUnique(
      () => this.repository.insertTrack({ editionId, name: trimmed }),
      `A track named "${trimmed}" already exists`,
    );
  }

  async grantRole(
    user: Principal | undefined,
    editionId: string,
    rawEmail: string,
    role: Role,
    exhibitorId?: string,
  ): Promise<boolean> {
    await this.access.requireOrganizer(user, editionId);
    const email = checkedEmail(rawEmail);
    if (role === Role.EXHIBITOR && !exhibitorId)
      throw badInput('An EXHIBITOR role needs an exhibitorId', { field: 'exhibitorId' });
    if (role !== Role.EXHIBITOR && exhibitorId)
      throw badInput('Only an EXHIBITOR role takes an exhibitorId', { field: 'exhibitorId' });
    // Exhibitor staff join under the exhibitors' rule (the exhibitor in this edition, allotment, one
    // exhibitor per person); the organizer seats the exhibitor's first admin, later grants add plain staff.
    if (role === Role.EXHIBITOR) {
      await this.staffRule.enrolStaff(editionId, exhibitorId!, email, 'first');
      return true;
    }
    await this.repository.grantRole(editionId, email, role);
    return true;
  }

  /**
   * Takes a role back from an email (organizers only). True when the email held it. An organizer
   * cannot revoke their own ORGANIZER role, so an edition is never left without one by mistake.
   */
  async revokeRole(user: Principal | undefined, editionId: string, rawEmail: string, role: Role): Promise<boolean> {
    await this.access.requireOrganizer(user, editionId);
    const email = checkedEmail(rawEmail);
    if (role === Role.ORGANIZER && email === user!.email)
      throw badInput('You cannot revoke your own ORGANIZER role', { field: 'email' });
    return this.repository.revokeRole(editionId, email, role);
  }

  /**
   * Exhibitor staff roles, for the exhibitors lib, which applies the staff rule (allotment, admins)
   * before calling: gives the email the EXHIBITOR role for the exhibitor (`{ admin }`) or takes it
   * back (`null`). A role held for another exhibitor is never touched: false then. Runs in the
   * caller's transaction when given its manager.
   */
  setExhibitorRole(
    editionId: string,
    email: string,
    exhibitorId: string,
    staff: { admin: boolean } | null,
    manager?: EntityManager,
  ): Promise<boolean> {
    return staff
      ? this.repository.putExhibitorRole(editionId, email, exhibitorId, staff.admin, manager)
      : this.repository.deleteExhibitorRole(editionId, email, exhibitorId, manager);
  }

  /** Organizers: keep the scan audit trail this many days (null: keep it); the worker purges older scans hourly. */
  async setScanRetention(user: Principal | undefined, editionId: string, days: number | null): Promise<number | null> {
    await this.access.requireOrganizer(user, editionId);
    await this.repository.setScanRetention(editionId, days);
    return days;
  }

  roomsOf(editionIds: readonly string[]): Promise<Room[]> {
    return this.repository.roomsOf(editionIds);
  }

  tracksOf(editionIds: readonly string[]): Promise<Track[]> {
    return this.repository.tracksOf(editionIds);
  }

  /** Editions by id (DataLoader batch). */
  byIds(ids: readonly string[]): Promise<Edition[]> {
    return this.repository.byIds(ids);
  }

  /** Rooms by id (in the caller's transaction when given). */
  roomsByIds(ids: readonly string[], manager?: EntityManager): Promise<Room[]> {
    return this.repository.roomsByIds(ids, manager);
  }

  /** Tracks by id (in the caller's transaction when given). */
  tracksByIds(ids: readonly string[], manager?: EntityManager): Promise<Track[]> {
    return this.repository.tracksByIds(ids, manager);
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
