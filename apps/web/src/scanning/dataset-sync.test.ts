import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type DatasetPage, type DatasetPageRequest, syncDataset } from './dataset-sync';
import { openScannerStore } from './scanner-store';

const edition = randomUUID();
const entry = (badgeId: string, patch: Partial<DatasetPage['roster'][number]> = {}) => ({
  badgeId,
  version: 1,
  attendeeId: `a-${badgeId}`,
  name: `Name ${badgeId}`,
  accessLevel: 'FULL_CONFERENCE',
  revoked: false,
  ...patch,
});

/** A server over a fixed roster: pages of `first` by badge id, the bookmark fixed per sync (carried by the cursor). */
function fakeServer(pagesFor: (since: string | undefined) => DatasetPage['roster'], bookmarks: string[]) {
  const requests: DatasetPageRequest[] = [];
  let n = 0;
  const fetchPage = (r: DatasetPageRequest): Promise<DatasetPage> => {
    requests.push(r);
    const all = pagesFor(r.since);
    const [bookmark, from] = r.after ? (JSON.parse(r.after) as [string, number]) : [bookmarks[n++], 0];
    const first = r.first ?? 1000;
    const rows = all.slice(from, from + first);
    const hasNextPage = from + first < all.length;
    return Promise.resolve({
      bookmark,
      keys: [{ kid: 'k1', publicKey: 'pk', retired: false }],
      roster: rows,
      hasNextPage,
      endCursor: rows.length ? JSON.stringify([bookmark, from + rows.length]) : null,
    });
  };
  return { fetchPage, requests };
}

describe('syncDataset', () => {
  it('full sync pages with after, then stores the first page bookmark; the next sync is a delta from it', async () => {
    const store = openScannerStore(`ds-${randomUUID()}`);
    const roster = ['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => entry(id));
    const server = fakeServer(
      (since) => (since ? [entry('b2', { revoked: true }), entry('b6')] : roster),
      ['2026-11-30T10:00:00.000Z', '2026-11-30T10:01:00.000Z'],
    );
    const first = await syncDataset(store, edition, server.fetchPage, 2);
    expect(first).toMatchObject({ pages: 3, entries: 5, delta: false, bookmark: '2026-11-30T10:00:00.000Z' });
    expect(server.requests.map((r) => [r.since, r.after !== undefined])).toEqual([
      [undefined, false],
      [undefined, true],
      [undefined, true],
    ]);
    expect(await store.bookmark(edition)).toBe('2026-11-30T10:00:00.000Z');
    expect(await store.rosterSize()).toBe(5);
    expect(await store.keys()).toEqual([{ kid: 'k1', publicKey: 'pk', retired: false, editionId: edition }]);

    const delta = await syncDataset(store, edition, server.fetchPage, 2);
    expect(delta).toMatchObject({ pages: 1, entries: 2, delta: true, bookmark: '2026-11-30T10:01:00.000Z' });
    expect(server.requests[3]).toMatchObject({ since: '2026-11-30T10:00:00.000Z' });
    expect(await store.rosterEntry('b2')).toMatchObject({ revoked: true, editionId: edition });
    expect(await store.rosterSize()).toBe(6);
  });

  it('keeps the old bookmark when a page fails midway (the next sync starts over, overlap but no loss)', async () => {
    const store = openScannerStore(`ds-${randomUUID()}`);
    await store.setBookmark(edition, 'B0');
    let calls = 0;
    const failing = () => {
      calls++;
      return calls === 1
        ? Promise.resolve({ bookmark: 'B1', keys: [], roster: [entry('x')], hasNextPage: true, endCursor: 'c' })
        : Promise.reject(new Error('network'));
    };
    await expect(syncDataset(store, edition, failing)).rejects.toThrow('network');
    expect(await store.bookmark(edition)).toBe('B0');
  });
});
