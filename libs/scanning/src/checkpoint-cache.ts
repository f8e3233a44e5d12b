import { Injectable } from '@nestjs/common';
import { notFound, Principal, TtlCache } from '@app/core';
import { AccessService, Role } from '@app/editions';
import { DoorCheckpoint, ScanRepository } from './scan.repository';

const CACHE_MS = 5000;

/** Checkpoints and staff rights, a few seconds old at most: a busy door reads them once a moment, not once a scan. */
@Injectable()
export class CheckpointCache {
  private readonly checkpoints = new TtlCache<DoorCheckpoint>(CACHE_MS, 1000);
  private readonly staff = new TtlCache<void>(CACHE_MS);

  constructor(
    private readonly scans: ScanRepository,
    private readonly access: AccessService,
  ) {}

  /** The checkpoint with its edition's zone and days; NOT_FOUND when there is none. */
  get(checkpointId: string): Promise<DoorCheckpoint> {
    return this.checkpoints.get(checkpointId, async () => {
      const checkpoint = await this.scans.doorCheckpoint(checkpointId);
      if (!checkpoint) throw notFound('Checkpoint', checkpointId);
      return checkpoint;
    });
  }

  /** Forgets a changed checkpoint here (other instances read it again within CACHE_MS). */
  forget(checkpointId: string): void {
    this.checkpoints.delete(checkpointId);
  }

  /** FORBIDDEN unless the caller is staff or an organizer of the edition (a yes is remembered, a no is asked again). */
  requireStaff(user: Principal, editionId: string): Promise<void> {
    return this.staff.get(`${user.email}|${editionId}`, () =>
      this.access.require(user, editionId, Role.STAFF).then(() => undefined),
    );
  }
}
