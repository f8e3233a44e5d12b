import { GroupCommit } from '@app/core';
import { ScanOutcome } from './scan.entity';
import { DoorCheckpoint } from './scan.repository';
import { ScanResult } from './scan.types';

/** A scan to judge, with who sent it; `serverId` when the server made its clientScanId (so it cannot have been seen before). */
export interface JudgedScan {
  code: string;
  clientScanId: string;
  scannedAt: Date;
  scannedBy: string;
  deviceId: string | null;
  /** What an offline scanner showed (syncScans), or null. */
  offlineOutcome: ScanOutcome | null;
  serverId: boolean;
}

/** Live scans at one checkpoint are judged together when they arrive together (group commit): one read and one write for the lot. */
export class DoorBatches {
  private readonly batches: GroupCommit<{ checkpoint: DoorCheckpoint; scan: JudgedScan }, ScanResult>;

  constructor(judge: (checkpoint: DoorCheckpoint, scans: JudgedScan[]) => Promise<ScanResult[]>) {
    this.batches = new GroupCommit((_, items) =>
      judge(
        items[0].checkpoint,
        items.map((i) => i.scan),
      ),
    );
  }

  /** The scan's result, once its batch is judged and written. */
  add(checkpoint: DoorCheckpoint, scan: JudgedScan): Promise<ScanResult> {
    return this.batches.add(checkpoint.id, { checkpoint, scan });
  }
}
