interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit for hot single-item writes: items for the same key that arrive while that key's
 * previous batch is in flight (or in the same turn of the event loop) are handled together by one
 * `run` call, so fifty requests a moment cost a handful of statements instead of a hundred. At most
 * one batch per key is in flight: under load batches grow on their own, and when it is quiet a
 * batch is one item that starts at once. `run` answers each item in order; when it fails, every
 * item of that batch gets the error.
 */
export class GroupCommit<T, R> {
  private readonly queued = new Map<string, Waiting<T, R>[]>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly run: (key: string, items: T[]) => Promise<R[]>,
    private readonly maxBatch = 500,
  ) {}

  add(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queued.get(key);
      if (queue) queue.push({ item, resolve, reject });
      else {
        this.queued.set(key, [{ item, resolve, reject }]);
        if (!this.busy.has(key)) setImmediate(() => this.flush(key));
      }
    });
  }

  private flush(key: string): void {
    const queue = this.queued.get(key);
    if (!queue || this.busy.has(key)) return;
    const batch = queue.splice(0, this.maxBatch);
    if (!queue.length) this.queued.delete(key);
    this.busy.add(key);
    this.run(
      key,
      batch.map((w) => w.item),
    )
      .then(
        (results) => batch.forEach((w, i) => w.resolve(results[i])),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        this.busy.delete(key);
        if (this.queued.has(key)) this.flush(key);
      });
  }
}
