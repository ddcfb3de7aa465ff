/**
 * The founder sum's memo (likelihood.ts) when its keys are numbers: partial sums by a non-negative
 * integer key below 2^53, in one open-addressed table reused by every sum (a sum begins by
 * forgetting the last one's entries, by stamp, not by clearing).
 *
 * Why not a Map per sum: the DVI layer makes millions of sums, most with a handful of entries; a new
 * Map each time, and each key past 2^30 boxed as a heap number to be hashed (most keys are), were a
 * large part of the garbage the national layer made. A hit returns the value stored for that very
 * key, as the Map did, so the sums are the same bit for bit.
 */
export class NumericMemo {
  private keys = new Float64Array(1 << 10);
  private values = new Float64Array(1 << 10);
  private stamps = new Uint32Array(1 << 10);
  private stamp = 1;
  private count = 0;

  /** Forgets every entry (the start of a sum). */
  begin(): void {
    this.count = 0;
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** The slot holding `key` (≥ 0), or the bitwise complement of the free slot where it would go. */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    // The key's low and high 32 bits mixed (keys are integers below 2^53: both parts exact).
    const low = key >>> 0;
    const high = (key / 4294967296) >>> 0;
    let hash = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    let at = hash & mask;
    const { keys, stamps, stamp } = this;
    while (stamps[at] === stamp) {
      if (keys[at] === key) return at;
      at = (at + 1) & mask;
    }
    return ~at;
  }

  /** The value kept for `key`, or -1 when there is none (the sums kept are never negative). */
  get(key: number): number {
    const at = this.slot(key);
    return at >= 0 ? (this.values[at] as number) : -1;
  }

  set(key: number, value: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    let at = this.slot(key);
    if (at < 0) {
      at = ~at;
      this.count += 1;
    }
    this.keys[at] = key;
    this.values[at] = value;
    this.stamps[at] = this.stamp;
  }

  /** Doubles the table, keeping the current sum's entries. */
  private grow(): void {
    const { keys, values, stamps, stamp } = this;
    this.keys = new Float64Array(2 * keys.length);
    this.values = new Float64Array(2 * keys.length);
    this.stamps = new Uint32Array(2 * keys.length);
    this.stamp = 1;
    this.count = 0;
    for (let at = 0; at < keys.length; at += 1) if (stamps[at] === stamp) this.set(keys[at] as number, values[at] as number);
  }
}
