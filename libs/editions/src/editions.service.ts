import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  badInput,
  checkedEmail,
  conflict,
  isPgError,
  notFound,
  PgCode,
  Principal,
  PublicRevision,
  unauthenticated,
  writeOutbox,
} from '@app/core';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from './access.service';
import { Edition, Role, Room, Track } from './edition.entity';
import { EditionRepository } from './edition.repository';
import { EditionInput, EditionPatch, RoomInput, RoomPatch } from './edition.inputs';
import { ExhibitorStaffPort } from './exhibitor-staff.port';
import { RoleGrant } from './role-grant';
import { localDayRange } from './timezones';

/** A track's colour as clients send it: #rrggbb (stored lower-case). */
const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** A colour argument checked and lower-cased; undefined stays undefined (unchanged), null clears it. */
function checkedColour(colour: string | null | undefined): string | null | undefined {
  if (colour === undefined || colour === null) return colour;
  if (!COLOUR.test(colour.trim())) throw badInput('A colour is written #rrggbb, e.g. #1f6feb', { field: 'colour' });
  return colour.trim().toLowerCase();
}

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
    checkDays(input.startsOn, input.endsOn);
    const created = await this.db.transaction((em) =>
      this.repository.createWithOrganizer(
        { ...input, name: input.name.trim(), venue: input.venue?.trim() || null },
        user!.email!,
        em,
      ),
    );
    await this.revision.bump();
    return created;
  }

  /**
   * Organizers: renames an edition or moves its days or timezone. The days may not shrink (nor the
   * timezone move them) so that a published session falls outside: CONFLICT naming the first one.
   * The edition's row is locked for the change, so two updates queue.
   */
  async update(user: Principal | undefined, id: string, patch: EditionPatch): Promise<Edition> {
    await this.access.requireOrganizer(user, id);
    const name = patch.name?.trim();
    if (patch.name !== undefined && !name) throw badInput('An edition name has 1 to 200 characters', { field: 'name' });
    await this.db.transaction(async (em) => {
      const edition = await this.repository.lockEdition(id, em);
      if (!edition) throw notFound('Edition', id);
      const next = {
        name: name ?? edition.name,
        year: patch.year ?? edition.year,
        timezone: patch.timezone ?? edition.timezone,
        startsOn: patch.startsOn ?? edition.startsOn,
        endsOn: patch.endsOn ?? edition.endsOn,
        venue: patch.venue === undefined ? edition.venue : patch.venue.trim() || null,
      };
      checkDays(next.startsOn, next.endsOn);
      if (next.startsOn !== edition.startsOn || next.endsOn !== edition.endsOn || next.timezone !== edition.timezone) {
        const { start, end } = localDayRange(next.startsOn, next.endsOn, next.timezone);
        const outside = await this.repository.firstPublishedSessionOutside(id, start, end, em);
        if (outside)
          throw conflict(
            `The published session "${outside.title}" would fall outside the edition's days (${next.startsOn} to ${next.endsOn}, ${next.timezone}); move or cancel it first`,
            { conflictingSessionId: outside.id },
          );
      }
      await this.repository.updateEdition(id, next, em);
    });
    await this.revision.bump();
    return this.get(id);
  }

  /** Every role granted in the edition (organizers only), by role then email. */
  async grants(user: Principal | undefined, editionId: string): Promise<RoleGrant[]> {
    await this.access.requireOrganizer(user, editionId);
    return this.repository.grantsOf(editionId);
  }

  /**
   * The signed-in person's own roles in an edition (ORGANIZER for platform organizers), so an app can
   * show what they may use; empty for a caller without any (or before their email is verified).
   */
  async myRoles(user: Principal | undefined, editionId: string): Promise<Role[]> {
    if (!user) throw unauthenticated();
    const { roles } = await this.access.rolesIn(user, editionId);
    return Object.values(Role).filter((role) => roles.has(role));
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

  async createTrack(
    user: Principal | undefined,
    editionId: string,
    name: string,
    colour?: string | null,
  ): Promise<Track> {
    await this.access.requireOrganizer(user, editionId);
    const trimmed = checkedTrackName(name);
    const checked = checkedColour(colour) ?? null;
    return this.insertUnique(
      () => this.repository.insertTrack({ editionId, name: trimmed, colour: checked }),
      `A track named "${trimmed}" already exists`,
    );
  }

  /**
   * Organizers: renames a room or changes its seats. With enforceCapacity, the capacity may not go
   * below the reservations of a session that takes its seats from the room (BAD_USER_INPUT, as for a
   * session's own capacity); those sessions' rows are locked meanwhile. When the room's seat limit
   * changes, the waitlists of its published sessions are filled by the worker (through the outbox).
   */
  async updateRoom(user: Principal | undefined, id: string, patch: RoomPatch): Promise<Room> {
    const [found] = await this.repository.roomsByIds([id]);
    if (!found) throw notFound('Room', id);
    await this.access.requireOrganizer(user, found.editionId);
    const name = patch.name?.trim();
    if (patch.name !== undefined && !name) throw badInput('A room name has 1 to 200 characters', { field: 'name' });
    await this.unique(
      () =>
        this.db.transaction(async (em) => {
          const room = await this.repository.lockRoom(id, em);
          if (!room) throw notFound('Room', id);
          const next = {
            name: name ?? room.name,
            capacity: patch.capacity ?? room.capacity,
            enforceCapacity: patch.enforceCapacity ?? room.enforceCapacity,
          };
          const limitBefore = room.enforceCapacity ? room.capacity : null;
          const limitAfter = next.enforceCapacity ? next.capacity : null;
          const seated = limitBefore !== limitAfter ? await this.repository.sessionsSeatedByRoom(id, em) : [];
          const fullest = seated[0];
          if (limitAfter !== null && fullest && fullest.seatsTaken > limitAfter)
            throw badInput(
              `"${fullest.title}" already has ${fullest.seatsTaken} seats reserved in this room; capacity cannot go below that`,
              { field: 'capacity', seatsTaken: fullest.seatsTaken, sessionId: fullest.id },
            );
          await this.repository.updateRoom(id, next, em);
          for (const session of seated)
            if (session.status === 'PUBLISHED') await writeOutbox(em, 'session.seats', { sessionId: session.id });
        }),
      `A room named "${name}" already exists`,
    );
    await this.revision.bump();
    return (await this.repository.roomsByIds([id]))[0];
  }

  /** Organizers: renames a track or sets its colour (#rrggbb; null clears it). Arguments left out stay as they are. */
  async updateTrack(
    user: Principal | undefined,
    id: string,
    name: string | undefined,
    colour: string | null | undefined,
  ): Promise<Track> {
    const track = await this.repository.findTrack(id);
    if (!track) throw notFound('Track', id);
    await this.access.requireOrganizer(user, track.editionId);
    const fields: Partial<Pick<Track, 'name' | 'colour'>> = {};
    if (name !== undefined && name !== null) fields.name = checkedTrackName(name);
    const checked = checkedColour(colour);
    if (checked !== undefined) fields.colour = checked;
    if (Object.keys(fields).length)
      await this.unique(() => this.repository.updateTrack(id, fields), `A track named "${fields.name}" already exists`);
    await this.revision.bump();
    return (await this.repository.findTrack(id))!;
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
    checkRoleExhibitor(role, exhibitorId);
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
  async revokeRole(
    user: Principal | undefined,
    editionId: string,
    rawEmail: string,
    role: Role,
    exhibitorId?: string,
  ): Promise<boolean> {
    await this.access.requireOrganizer(user, editionId);
    const email = checkedEmail(rawEmail);
    checkRoleExhibitor(role, exhibitorId);
    if (role === Role.ORGANIZER && email === user!.email)
      throw badInput('You cannot revoke your own ORGANIZER role', { field: 'email' });
    // Exhibitor staff leave as removeExhibitorStaff takes them off: only this exhibitor's role, never another's.
    if (role === Role.EXHIBITOR) return this.setExhibitorRole(editionId, email, exhibitorId!, null);
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

  /** Organizers: opens or closes booth selection (exhibitors without a booth request one); returns the edition. */
  async setBoothSelection(user: Principal | undefined, editionId: string, open: boolean): Promise<Edition> {
    await this.access.requireOrganizer(user, editionId);
    await this.repository.setBoothSelection(editionId, open);
    await this.revision.bump(); // Edition is part of cached public answers
    return this.get(editionId);
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

  /** Runs a write that may hit a unique name: a duplicate is a CONFLICT with this message. */
  private async unique<T>(write: () => Promise<T>, message: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isPgError(error, PgCode.UNIQUE_VIOLATION)) throw conflict(message);
      throw error;
    }
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

/** Days in order, at most MAX_EDITION_DAYS of them (BAD_USER_INPUT otherwise). */
function checkDays(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw badInput('endsOn is before startsOn', { field: 'endsOn' });
  const days = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000 + 1;
  if (days > MAX_EDITION_DAYS) throw badInput(`An edition lasts at most ${MAX_EDITION_DAYS} days`, { field: 'endsOn' });
}

/** A track name trimmed, 1 to 200 characters (BAD_USER_INPUT otherwise). */
function checkedTrackName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) throw badInput('A track name has 1 to 200 characters', { field: 'name' });
  return trimmed;
}

/** An EXHIBITOR role names its exhibitor, and no other role does (BAD_USER_INPUT otherwise). */
function checkRoleExhibitor(role: Role, exhibitorId: string | undefined): void {
  if (role === Role.EXHIBITOR && !exhibitorId)
    throw badInput('An EXHIBITOR role needs an exhibitorId', { field: 'exhibitorId' });
  if (role !== Role.EXHIBITOR && exhibitorId)
    throw badInput('Only an EXHIBITOR role takes an exhibitorId', { field: 'exhibitorId' });
}
