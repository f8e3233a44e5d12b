import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/**
 * The lead scanner's own IndexedDB database: the captures made while the API could not be reached
 * (each with its clientScanId, so syncLeads takes it exactly once), with the notes, rating and tags
 * written on the device, and the exhibitors last opened (so the page opens offline). Survives a reload.
 */

/** A capture waiting for syncLeads. */
export interface QueuedLead {
  clientScanId: string;
  exhibitorId: string;
  code: string;
  scannedAt: string;
  notes: string | null;
  rating: number | null;
  tags: string[] | null;
  /** Bumped by each edit: an edit made while the capture was uploading is sent after it (updateLead). */
  version: number;
}

/** An exhibitor as the lead page needs it offline. */
export interface LeadExhibitor {
  id: string;
  name: string;
  leadTags: string[];
}

export type LeadDetails = Pick<QueuedLead, 'notes' | 'rating' | 'tags'>;

interface LeadsDB extends DBSchema {
  queue: { key: string; value: QueuedLead; indexes: { exhibitor: string } };
  exhibitors: { key: string; value: LeadExhibitor };
}

export class LeadQueue {
  constructor(private readonly db: Promise<IDBPDatabase<LeadsDB>>) {}

  async add(entry: Omit<QueuedLead, 'version'>): Promise<QueuedLead> {
    const record = { ...entry, version: 0 };
    await (await this.db).put('queue', record);
    return record;
  }

  async get(clientScanId: string): Promise<QueuedLead | undefined> {
    return (await this.db).get('queue', clientScanId);
  }

  /** The exhibitor's captures waiting, oldest first. */
  async list(exhibitorId: string): Promise<QueuedLead[]> {
    const all = await (await this.db).getAllFromIndex('queue', 'exhibitor', exhibitorId);
    return all.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  }

  async count(exhibitorId: string): Promise<number> {
    return (await this.db).countFromIndex('queue', 'exhibitor', exhibitorId);
  }

  /** The waiting capture of this badge, if any (a rescan offline opens it rather than queueing again). */
  async findByCode(exhibitorId: string, code: string): Promise<QueuedLead | undefined> {
    return (await this.list(exhibitorId)).find((q) => q.code === code);
  }

  /** Sets notes, rating and tags of a waiting capture; undefined when it has gone up meanwhile. */
  async update(clientScanId: string, details: LeadDetails): Promise<QueuedLead | undefined> {
    const db = await this.db;
    const tx = db.transaction('queue', 'readwrite');
    const found = await tx.store.get(clientScanId);
    let updated: QueuedLead | undefined;
    if (found) {
      updated = { ...found, ...details, version: found.version + 1 };
      await tx.store.put(updated);
    }
    await tx.done;
    return updated;
  }

  /** Removes the uploaded captures; answers those edited since `sent` was read (their newer details). */
  async remove(sent: QueuedLead[]): Promise<QueuedLead[]> {
    const db = await this.db;
    const tx = db.transaction('queue', 'readwrite');
    const edited: QueuedLead[] = [];
    for (const s of sent) {
      const now = await tx.store.get(s.clientScanId);
      if (now && now.version !== s.version) edited.push(now);
      if (now) await tx.store.delete(s.clientScanId);
    }
    await tx.done;
    return edited;
  }

  async putExhibitors(list: LeadExhibitor[]): Promise<void> {
    const db = await this.db;
    const tx = db.transaction('exhibitors', 'readwrite');
    await Promise.all(list.map((x) => tx.store.put(x)));
    await tx.done;
  }

  async exhibitors(): Promise<LeadExhibitor[]> {
    return (await this.db).getAll('exhibitors');
  }
}

/** Opens (or creates) the database. `name` lets tests use their own. */
export function openLeadQueue(name = 'conference-leads'): LeadQueue {
  return new LeadQueue(
    openDB<LeadsDB>(name, 1, {
      upgrade(db) {
        db.createObjectStore('queue', { keyPath: 'clientScanId' }).createIndex('exhibitor', 'exhibitorId');
        db.createObjectStore('exhibitors', { keyPath: 'id' });
      },
    }),
  );
}

let shared: LeadQueue | undefined;
/** The app's one lead queue. */
export function leadQueue(): LeadQueue {
  shared ??= openLeadQueue();
  return shared;
}

/** A new id for a capture (captureLead and syncLeads dedup on it). */
export function newClientScanId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
