import type { RosterRecord, ScannerStore } from './scanner-store';

/**
 * Keeps the scanner's dataset (keys, roster, revocations) fresh by delta sync, as the API's
 * scannerDataset describes: the first page (no `after`) gives the bookmark, taken by the server
 * before it read anything; the next pages follow `endCursor` with the same `since`; once every page
 * is stored the bookmark becomes the next `since`. What changes while paging comes in the next
 * delta (overlap is possible, loss is not); a sync cut off halfway starts again from the old bookmark.
 */

export interface DatasetPage {
  bookmark: string;
  endCursor?: string | null;
  hasNextPage: boolean;
  keys: { kid: string; publicKey: string; retired: boolean }[];
  roster: Omit<RosterRecord, 'editionId'>[];
}

export interface DatasetPageRequest {
  editionId: string;
  since?: string;
  after?: string;
  first?: number;
}

export type FetchDatasetPage = (request: DatasetPageRequest) => Promise<DatasetPage>;

export interface DatasetSyncReport {
  pages: number;
  /** Roster entries received (new, changed or revoked). */
  entries: number;
  bookmark: string;
  /** A delta (false: the first, full sync). */
  delta: boolean;
}

/** Roster entries per page. */
export const DATASET_PAGE_SIZE = 1000;

/** One sync of the edition's dataset into the store. Throws when a page cannot be had (the bookmark stays). */
export async function syncDataset(
  store: ScannerStore,
  editionId: string,
  fetchPage: FetchDatasetPage,
  first = DATASET_PAGE_SIZE,
): Promise<DatasetSyncReport> {
  const since = await store.bookmark(editionId);
  let page = await fetchPage({ editionId, since, first });
  const bookmark = page.bookmark;
  await store.putKeys(editionId, page.keys);
  let pages = 1;
  let entries = 0;
  for (;;) {
    await store.putRoster(page.roster.map((r) => ({ ...r, editionId })));
    entries += page.roster.length;
    if (!page.hasNextPage || !page.endCursor) break;
    page = await fetchPage({ editionId, since, after: page.endCursor, first });
    pages++;
  }
  await store.setBookmark(editionId, bookmark);
  return { pages, entries, bookmark, delta: since !== undefined };
}

export interface DatasetSyncerOptions {
  store: ScannerStore;
  editionId: string;
  fetchPage: FetchDatasetPage;
  /** Every minute while online. */
  intervalMs?: number;
  onSynced?: (report: DatasetSyncReport) => void;
  onFailed?: (error: unknown) => void;
}

/** Syncs at start, every minute while the browser is online, and on reconnect. One sync at a time. */
export class DatasetSyncer {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<DatasetSyncReport | null> | undefined;
  private readonly onOnline = () => void this.syncNow();

  constructor(private readonly options: DatasetSyncerOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (typeof navigator === 'undefined' || navigator.onLine) void this.syncNow();
    }, this.options.intervalMs ?? 60_000);
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    void this.syncNow();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
  }

  /** A sync now (or the one running): its report, or null when it failed. */
  syncNow(): Promise<DatasetSyncReport | null> {
    this.running ??= syncDataset(this.options.store, this.options.editionId, this.options.fetchPage)
      .then(
        (report) => {
          this.options.onSynced?.(report);
          return report;
        },
        (error: unknown) => {
          this.options.onFailed?.(error);
          return null;
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
