/**
 * A map that starts over when full: cheaper than evicting entries one by one, and a cache of
 * answers that are cheap to recompute loses little by it. Every cache of the evaluator is one.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`cache limit must be at least 1, not ${limit}`);
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
