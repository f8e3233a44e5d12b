import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Edition, EditionRole, Role, Room, Track } from './edition.entity';
import { RoleGrant } from './role-grant';

/** A caller's role rows in one edition; `editionExists` is false when the edition is unknown. */
export interface RoleRows {
  editionExists: boolean;
  roles: { role: Role; exhibitorId: string | null }[];
}

/** Data access for the editions lib: edition, room, track and edition_role. */
@Injectable()
export class EditionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** All editions, newest first. */
  list(): Promise<Edition[]> {
    return this.db.getRepository(Edition).find({ order: { startsOn: 'DESC', name: 'ASC' } });
  }

  /** One edition, or null (in the caller's transaction when given). */
  findById(id: string, manager?: EntityManager): Promise<Edition | null> {
    return (manager ?? this.db.manager).findOneBy(Edition, { id });
  }

  /** Editions by id, in no particular order (DataLoader batch). */
  byIds(ids: readonly string[]): Promise<Edition[]> {
    return this.db.getRepository(Edition).findBy({ id: In([...ids]) });
  }

  /** Creates an edition and makes its creator its first organizer, atomically (the caller's transaction). */
  async createWithOrganizer(
    input: Pick<Edition, 'name' | 'year' | 'timezone' | 'startsOn' | 'endsOn' | 'venue'>,
    organizerEmail: string,
    manager: EntityManager,
  ): Promise<Edition> {
    const edition = await manager.save(manager.create(Edition, input));
    await manager.insert(EditionRole, {
      editionId: edition.id,
      email: organizerEmail,
      role: Role.ORGANIZER,
      exhibitorId: null,
    });
    return edition;
  }

  /** Inserts a room; a duplicate name in the edition raises the unique violation `room_name_per_edition`. */
  insertRoom(room: Pick<Room, 'editionId' | 'name' | 'capacity' | 'enforceCapacity'>): Promise<Room> {
    const rooms = this.db.getRepository(Room);
    return rooms.save(rooms.create(room));
  }

  /** Inserts a track; a duplicate name in the edition raises the unique violation `track_name_per_edition`. */
  insertTrack(track: Pick<Track, 'editionId' | 'name' | 'colour'>): Promise<Track> {
    const tracks = this.db.getRepository(Track);
    return tracks.save(tracks.create(track));
  }

  /** Rooms of these editions, by name. */
  roomsOf(editionIds: readonly string[]): Promise<Room[]> {
    return this.db.getRepository(Room).find({ where: { editionId: In([...editionIds]) }, order: { name: 'ASC' } });
  }

  /** Tracks of these editions, by name. */
  tracksOf(editionIds: readonly string[]): Promise<Track[]> {
    return this.db.getRepository(Track).find({ where: { editionId: In([...editionIds]) }, order: { name: 'ASC' } });
  }

  /** Rooms by id (DataLoader batch; in the caller's transaction when given). */
  roomsByIds(ids: readonly string[], manager?: EntityManager): Promise<Room[]> {
    return (manager ?? this.db.manager).findBy(Room, { id: In([...ids]) });
  }

  /** Tracks by id (DataLoader batch; in the caller's transaction when given). */
  tracksByIds(ids: readonly string[], manager?: EntityManager): Promise<Track[]> {
    return (manager ?? this.db.manager).findBy(Track, { id: In([...ids]) });
  }

  /** The roles an email holds in an edition, and whether the edition exists (one statement). */
  async rolesOf(editionId: string, email: string): Promise<RoleRows> {
    const rows: { role: Role | null; exhibitor_id: string | null }[] = await this.db.query(
      `SELECT r.role, r.exhibitor_id FROM edition e LEFT JOIN edition_role r ON r.edition_id = e.id AND r.email = $2 WHERE e.id = $1`,
      [editionId, email],
    );
    return {
      editionExists: rows.length > 0,
      roles: rows.flatMap((r) => (r.role ? [{ role: r.role, exhibitorId: r.exhibitor_id }] : [])),
    };
  }

  /** Whether the email organizes any edition. */
  async organizesAny(email: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM edition_role WHERE email = $1 AND role = 'ORGANIZER' LIMIT 1`,
      [email],
    );
    return rows.length > 0;
  }

  /** Grants a non-exhibitor role; granting it again is a no-op (upsert on edition, email, role). */
  async grantRole(editionId: string, email: string, role: Role, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager)
      .createQueryBuilder()
      .insert()
      .into(EditionRole)
      .values({ editionId, email, role, exhibitorId: null, exhibitorAdmin: false })
      .orUpdate(['exhibitor_id', 'exhibitor_admin'], ['edition_id', 'email', 'role'])
      .execute();
  }

  /** Sets how many days the edition keeps its scan audit trail (null: kept). */
  async setScanRetention(editionId: string, days: number | null): Promise<void> {
    await this.db.getRepository(Edition).update({ id: editionId }, { scanRetentionDays: days });
  }

  /** Opens or closes booth selection (exhibitors' booth requests) for the edition. */
  async setBoothSelection(editionId: string, open: boolean): Promise<void> {
    await this.db.getRepository(Edition).update({ id: editionId }, { boothSelectionOpen: open });
  }

  /** Takes a role back; true when the email held it. */
  async revokeRole(editionId: string, email: string, role: Role): Promise<boolean> {
    const result = await this.db.getRepository(EditionRole).delete({ editionId, email, role });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Gives an email the EXHIBITOR role for this exhibitor with this admin flag (upsert on
   * `edition_role_once`); never takes over a role held for another exhibitor: false then.
   */
  async putExhibitorRole(
    editionId: string,
    email: string,
    exhibitorId: string,
    admin: boolean,
    manager?: EntityManager,
  ): Promise<boolean> {
    const rows: { id: string }[] = await (manager ?? this.db.manager).query(
      `INSERT INTO edition_role (edition_id, email, role, exhibitor_id, exhibitor_admin) VALUES ($1, $2, 'EXHIBITOR', $3, $4)
       ON CONFLICT ON CONSTRAINT edition_role_once DO UPDATE SET exhibitor_admin = EXCLUDED.exhibitor_admin WHERE edition_role.exhibitor_id = EXCLUDED.exhibitor_id
       RETURNING id`,
      [editionId, email, exhibitorId, admin],
    );
    return rows.length > 0;
  }

  /** The edition with its row locked until the caller's transaction ends (changes to one edition queue); null when missing. */
  lockEdition(id: string, manager: EntityManager): Promise<Edition | null> {
    return manager.findOne(Edition, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes an edition's changed fields in the caller's transaction. */
  async updateEdition(
    id: string,
    fields: Partial<Pick<Edition, 'name' | 'year' | 'timezone' | 'startsOn' | 'endsOn' | 'venue'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(Edition, { id }, fields);
  }

  /**
   * The first published session of the edition that does not lie within [start, end) (reads the
   * sessions lib's `session` table), or null: what stops an edition's days from shrinking.
   */
  async firstPublishedSessionOutside(
    editionId: string,
    start: Date,
    end: Date,
    manager: EntityManager,
  ): Promise<{ id: string; title: string; startsAt: Date } | null> {
    const [row]: { id: string; title: string; starts_at: Date }[] = await manager.query(
      `SELECT id, title, starts_at FROM session
        WHERE edition_id = $1 AND status = 'PUBLISHED' AND (starts_at < $2 OR ends_at > $3)
        ORDER BY starts_at, id LIMIT 1`,
      [editionId, start, end],
    );
    return row ? { id: row.id, title: row.title, startsAt: row.starts_at } : null;
  }

  /** One room with its row locked until the caller's transaction ends; null when missing. */
  lockRoom(id: string, manager: EntityManager): Promise<Room | null> {
    return manager.findOne(Room, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes a room's changed fields in the caller's transaction; a duplicate name raises `room_name_per_edition`. */
  async updateRoom(
    id: string,
    fields: Partial<Pick<Room, 'name' | 'capacity' | 'enforceCapacity'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.update(Room, { id }, fields);
  }

  /**
   * Sessions in the room that take their seats from it (no capacity of their own) and are not
   * cancelled, with their reservations, most reservations first (reads the sessions lib's `session`
   * table), their rows locked until the caller's transaction ends so no reservation slips in: a
   * room's enforced capacity may not go below them, and their waitlists get new seats.
   */
  async sessionsSeatedByRoom(
    roomId: string,
    manager: EntityManager,
  ): Promise<{ id: string; title: string; status: string; seatsTaken: number }[]> {
    const rows: { id: string; title: string; status: string; seats_taken: number }[] = await manager.query(
      `SELECT id, title, status, seats_taken FROM session
        WHERE room_id = $1 AND capacity IS NULL AND status <> 'CANCELLED' ORDER BY seats_taken DESC, id
          FOR NO KEY UPDATE`,
      [roomId],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, seatsTaken: r.seats_taken }));
  }

  /** One track, or null. */
  findTrack(id: string): Promise<Track | null> {
    return this.db.getRepository(Track).findOneBy({ id });
  }

  /** Writes a track's changed fields; a duplicate name raises `track_name_per_edition`, a bad colour `track_colour`. */
  async updateTrack(id: string, fields: Partial<Pick<Track, 'name' | 'colour'>>): Promise<void> {
    await this.db.getRepository(Track).update({ id }, fields);
  }

  /** Every role granted in the edition, by role then email. */
  async grantsOf(editionId: string): Promise<RoleGrant[]> {
    const rows: {
      email: string;
      role: Role;
      exhibitor_id: string | null;
      exhibitor_admin: boolean;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT email, role, exhibitor_id, exhibitor_admin, created_at FROM edition_role WHERE edition_id = $1 ORDER BY role, email`,
      [editionId],
    );
    return rows.map((r) => ({
      email: r.email,
      role: r.role,
      exhibitorId: r.exhibitor_id,
      exhibitorAdmin: r.exhibitor_admin,
      grantedAt: r.created_at,
    }));
  }

  /** The editions an email organizes (by id): which organizer view of the cached public answers it shares. */
  async organizedEditions(email: string): Promise<string[]> {
    const rows: { edition_id: string }[] = await this.db.query(
      `SELECT edition_id FROM edition_role WHERE email = $1 AND role = 'ORGANIZER' ORDER BY edition_id`,
      [email],
    );
    return rows.map((r) => r.edition_id);
  }

  /** Takes this exhibitor's EXHIBITOR role back from an email; true when the email held it. */
  async deleteExhibitorRole(
    editionId: string,
    email: string,
    exhibitorId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    const result = await (manager ?? this.db.manager)
      .getRepository(EditionRole)
      .delete({ editionId, email, role: Role.EXHIBITOR, exhibitorId });
    return (result.affected ?? 0) > 0;
  }
}
