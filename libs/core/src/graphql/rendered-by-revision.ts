import { PublicRevision } from './public-cache';

/**
 * Public renders (calendar feeds, programme exports) kept per public revision, so the polling of
 * many apps costs one Redis read each. At most `max` are kept (the oldest go first); while Redis
 * cannot say the revision, every call renders afresh and nothing is kept.
 */
export class RenderedByRevision<T> {
  private readonly kept = new Map<string, T>();

  constructor(
    private readonly revision: PublicRevision,
    private readonly max: number,
  ) {}

  async get(key: string, render: () => Promise<T>): Promise<T> {
    const revision = await this.revision.current();
    const keyAt = `${key}@${revision}`;
    const kept = revision === null ? undefined : this.kept.get(keyAt);
    if (kept) return kept;
    const rendered = await render();
    if (revision !== null) {
      if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(keyAt, rendered);
    }
    return rendered;
  }
}
