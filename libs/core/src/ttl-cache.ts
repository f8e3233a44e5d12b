/**
 * Values that may be a few seconds old (a checkpoint's settings, who is staff where, badge keys),
 * kept in memory for `ttlMs`. A key is loaded once however many requests miss it at the same
 * moment: when an entry expires at a busy door, the fifty scans in flight wait for one query
 * instead of sending fifty. A load that fails is not kept, so the next request tries again.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; until: number; loaded?: { value: T } }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const entry: { value: Promise<T>; until: number; loaded?: { value: T } } = {
      value: load(),
      until: now + this.ttlMs,
    };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => void (entry.loaded = { value }),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  /** The value of a fresh, loaded entry without waiting (no promise on a hot path); undefined otherwise. */
  peek(key: string): T | undefined {
    const hit = this.entries.get(key);
    return hit?.loaded && hit.until > Date.now() ? hit.loaded.value : undefined;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
