import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Booth, BoothChange, BoothStatus, Hall } from './exhibitor.entity';
import { PlanBooth } from './floor-plan';

/** A booth as written: a new one, or an existing one (by id) with its new shape. */
export type BoothDraft = Pick<Booth, 'editionId' | 'hallId' | 'code' | 'xM' | 'yM' | 'widthM' | 'depthM' | 'type'> & {
  id?: string;
};

/** A floor rectangle in metres, for finding which booth one would overlap. */
export type FloorArea = Pick<Booth, 'hallId' | 'xM' | 'yM' | 'widthM' | 'depthM'>;

/** What a refusal says about a booth: its code, status and exhibitor's name. */
export interface BoothHolder {
  code: string;
  status: BoothStatus;
  exhibitorName: string | null;
}

/** A booth row locked for a move. */
export interface LockedBooth {
  id: string;
  editionId: string;
  exhibitorId: string | null;
}

/** One conditional UPDATE: the booth takes `status` for the exhibitor only while it is free (or already on hold for them). */
const TAKE_BOOTH = `UPDATE booth SET status = $3, exhibitor_id = $2, hold_expires_at = $4, requested_at = NULL, updated_at = now()
  WHERE id = $1 AND (status = 'AVAILABLE' OR (status = 'ON_HOLD' AND exhibitor_id = $2)) RETURNING id`;

/**
 * Data access for halls, booths and the booth history. Booth status changes are single conditional
 * statements: PostgreSQL, not the caller, decides which of concurrent writers wins.
 */
@Injectable()
export class BoothRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ---- halls ----

  /** Inserts a hall; a duplicate name in the edition raises the unique violation `hall_name_per_edition`. */
  insertHall(hall: Pick<Hall, 'editionId' | 'name' | 'widthM' | 'depthM'>): Promise<Hall> {
    const halls = this.db.getRepository(Hall);
    return halls.save(halls.create(hall));
  }

  /** The hall if it exists (in this edition when one is given), else null. */
  findHall(id: string, editionId?: string): Promise<Hall | null> {
    return this.db.getRepository(Hall).findOneBy({ id, ...(editionId ? { editionId } : {}) });
  }

  /** Halls of these editions, by name. */
  hallsOf(editionIds: readonly string[]): Promise<Hall[]> {
    return this.db.getRepository(Hall).find({ where: { editionId: In([...editionIds]) }, order: { name: 'ASC' } });
  }

  /** Halls by id (DataLoader batch). */
  hallsByIds(ids: readonly string[]): Promise<Hall[]> {
    return this.db.getRepository(Hall).findBy({ id: In([...ids]) });
  }

  // ---- booths ----

  /**
   * Inserts a booth, or updates it when `id` is given, and reads it back. PostgreSQL refuses an
   * overlap (`booth_no_overlap`), a booth outside its hall (`booth_inside_hall`) and a second code
   * in the edition (`booth_code_per_edition`): those errors reach the caller as raised.
   */
  async saveBooth(booth: BoothDraft, manager?: EntityManager): Promise<Booth> {
    const booths = (manager ?? this.db.manager).getRepository(Booth);
    const saved = await booths.save(booths.create(booth));
    return booths.findOneByOrFail({ id: saved.id });
  }

  /** A booth of the hall whose floor overlaps the area (other than `exceptId`), or null: what an overlap refusal names. */
  async overlapping(area: FloorArea, exceptId?: string): Promise<Pick<Booth, 'id' | 'code'> | null> {
    const [row]: Pick<Booth, 'id' | 'code'>[] = await this.db.query(
      `SELECT id, code FROM booth
        WHERE hall_id = $1 AND numrange(x_m, x_m + width_m) && numrange($2::numeric, $2::numeric + $4::numeric)
          AND numrange(y_m, y_m + depth_m) && numrange($3::numeric, $3::numeric + $5::numeric) AND id IS DISTINCT FROM $6::uuid
        LIMIT 1`,
      [area.hallId, area.xM, area.yM, area.widthM, area.depthM, exceptId ?? null],
    );
    return row ?? null;
  }

  /** One booth, or null. */
  findBooth(id: string): Promise<Booth | null> {
    return this.db.getRepository(Booth).findOneBy({ id });
  }

  /** An edition's booths by code, optionally of one hall and one status. */
  booths(editionId: string, filter: { hallId?: string; status?: BoothStatus } = {}): Promise<Booth[]> {
    const { hallId, status } = filter;
    return this.db.getRepository(Booth).find({
      where: { editionId, ...(hallId ? { hallId } : {}), ...(status ? { status } : {}) },
      order: { code: 'ASC' },
    });
  }

  /** The booths of these exhibitors, by code (DataLoader batch). */
  boothsOf(exhibitorIds: readonly string[]): Promise<Booth[]> {
    return this.db.getRepository(Booth).find({ where: { exhibitorId: In([...exhibitorIds]) }, order: { code: 'ASC' } });
  }

  /** A hall's booths by code, each with its exhibitor's name: what the floor plan draws (one statement). */
  async planOf(hallId: string): Promise<PlanBooth[]> {
    const rows: {
      code: string;
      x_m: string;
      y_m: string;
      width_m: string;
      depth_m: string;
      status: string;
      exhibitor: string | null;
    }[] = await this.db.query(
      `SELECT b.code, b.x_m, b.y_m, b.width_m, b.depth_m, b.status, x.name AS exhibitor
         FROM booth b LEFT JOIN exhibitor x ON x.id = b.exhibitor_id
        WHERE b.hall_id = $1 ORDER BY b.code`,
      [hallId],
    );
    return rows.map((r) => ({
      code: r.code,
      xM: Number(r.x_m),
      yM: Number(r.y_m),
      widthM: Number(r.width_m),
      depthM: Number(r.depth_m),
      status: r.status,
      exhibitor: r.exhibitor,
    }));
  }

  // ---- inventory: AVAILABLE -> ON_HOLD -> ASSIGNED ----

  /** Names who makes the booth changes of this transaction, for the history trigger (`app.actor`, transaction-local). */
  async nameActor(actor: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT set_config('app.actor', $1, true)`, [actor]);
  }

  /** Puts a free booth (or one already held for the exhibitor) on hold for them until a time; false when it is taken. */
  async hold(boothId: string, exhibitorId: string, until: Date, manager: EntityManager): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await manager.query(TAKE_BOOTH, [
      boothId,
      exhibitorId,
      BoothStatus.ON_HOLD,
      until,
    ]);
    return rows.length > 0;
  }

  /** Assigns a free booth (or one held for the exhibitor) to them; false when it is taken. Of concurrent calls exactly one wins. */
  async assign(boothId: string, exhibitorId: string, manager: EntityManager): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await manager.query(TAKE_BOOTH, [
      boothId,
      exhibitorId,
      BoothStatus.ASSIGNED,
      null,
    ]);
    return rows.length > 0;
  }

  /**
   * An exhibitor's own request: an AVAILABLE booth goes ON_HOLD for them until `until`, with the
   * request's time. One conditional UPDATE: of concurrent requests for one booth exactly one wins
   * (the others wait on the row lock, then find it no longer AVAILABLE); false for the losers.
   */
  async request(boothId: string, exhibitorId: string, until: Date, manager: EntityManager): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE booth SET status = 'ON_HOLD', exhibitor_id = $2, hold_expires_at = $3, requested_at = now(), updated_at = now()
        WHERE id = $1 AND status = 'AVAILABLE' RETURNING id`,
      [boothId, exhibitorId, until],
    );
    return rows.length > 0;
  }

  /** The code of a booth the exhibitor has (ASSIGNED or ON_HOLD), in this transaction, or null when it has none. */
  async boothCodeOf(exhibitorId: string, manager: EntityManager): Promise<string | null> {
    const [row]: { code: string }[] = await manager.query(
      `SELECT code FROM booth WHERE exhibitor_id = $1 AND status IN ('ASSIGNED', 'ON_HOLD') ORDER BY code LIMIT 1`,
      [exhibitorId],
    );
    return row?.code ?? null;
  }

  /**
   * The AVAILABLE booth of the same hall nearest to this one (distance between centres), one of the
   * same type when there is any; null when the hall has no other free booth. Read in the caller's
   * transaction (a refusal names what is free after the winner's change).
   */
  async nearestFree(boothId: string, manager: EntityManager): Promise<Pick<Booth, 'id' | 'code'> | null> {
    const [row]: Pick<Booth, 'id' | 'code'>[] = await manager.query(
      `SELECT f.id, f.code FROM booth b JOIN booth f ON f.hall_id = b.hall_id AND f.id <> b.id AND f.status = 'AVAILABLE'
        WHERE b.id = $1
        ORDER BY (f.type = b.type) DESC,
                 power((f.x_m + f.width_m / 2) - (b.x_m + b.width_m / 2), 2) + power((f.y_m + f.depth_m / 2) - (b.y_m + b.depth_m / 2), 2),
                 f.code
        LIMIT 1`,
      [boothId],
    );
    return row ?? null;
  }

  /** A booth's status and exhibitor as this transaction sees them, or null when it does not exist. */
  async statusOf(boothId: string, manager: EntityManager): Promise<Pick<Booth, 'status' | 'exhibitorId'> | null> {
    return manager
      .getRepository(Booth)
      .findOne({ where: { id: boothId }, select: { status: true, exhibitorId: true } });
  }

  /** What a refusal says about a booth: code, status and exhibitor name (one statement); null when it does not exist. */
  async holderOf(boothId: string, manager: EntityManager): Promise<BoothHolder | null> {
    const [row]: { code: string; status: BoothStatus; name: string | null }[] = await manager.query(
      `SELECT b.code, b.status, x.name FROM booth b LEFT JOIN exhibitor x ON x.id = b.exhibitor_id WHERE b.id = $1`,
      [boothId],
    );
    return row ? { code: row.code, status: row.status, exhibitorName: row.name } : null;
  }

  /** Locks the booths for update in id order (two moves never deadlock) and returns them as they are under the lock. */
  async lockForMove(boothIds: string[], manager: EntityManager): Promise<LockedBooth[]> {
    const rows: { id: string; edition_id: string; exhibitor_id: string | null }[] = await manager.query(
      `SELECT id, edition_id, exhibitor_id FROM booth WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [boothIds],
    );
    return rows.map((r) => ({ id: r.id, editionId: r.edition_id, exhibitorId: r.exhibitor_id }));
  }

  /** Makes a booth available again, whoever had it (no change when it already is). */
  async release(boothId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE booth SET status = 'AVAILABLE', exhibitor_id = NULL, hold_expires_at = NULL, requested_at = NULL, updated_at = now()
        WHERE id = $1 AND status <> 'AVAILABLE'`,
      [boothId],
    );
  }

  /** Makes a booth available only while this exhibitor still has it (the source of a move). */
  async vacate(boothId: string, exhibitorId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE booth SET status = 'AVAILABLE', exhibitor_id = NULL, hold_expires_at = NULL, requested_at = NULL, updated_at = now()
        WHERE id = $1 AND exhibitor_id = $2`,
      [boothId, exhibitorId],
    );
  }

  /** Releases a hold that has ended, only if the booth is still on that very hold; false when it moved on. */
  async releaseExpiredHold(boothId: string, holdExpiresAt: Date): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE booth SET status = 'AVAILABLE', exhibitor_id = NULL, hold_expires_at = NULL, requested_at = NULL, updated_at = now()
        WHERE id = $1 AND status = 'ON_HOLD' AND hold_expires_at = $2 AND hold_expires_at <= now()`,
      [boothId, holdExpiresAt],
    );
    return affected > 0;
  }

  /** Every change of a booth, oldest first (written by the history trigger). */
  history(boothId: string): Promise<BoothChange[]> {
    return this.db.getRepository(BoothChange).find({ where: { boothId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
