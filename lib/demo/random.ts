/**
 * The demo must come out identical on every run and machine: tests compare two seeds, and guides
 * and screenshots quote its figures. Math.random cannot be seeded, so the generator uses
 * mulberry32, a 32-bit generator small enough to read at a glance and plenty for invented data
 * (it is not for anything secret).
 */
export const DEMO_RANDOM_SEED = 0x7a2d1160;

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Weighted choice: each entry is [value, weight]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A version-4-shaped UUID drawn from the sequence, so primary keys repeat between runs too. */
  uuid(): string;
}

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(next: () => number, digits: number): string {
  let out = "";
  for (let i = 0; i < digits; i += 1) out += Math.floor(next() * 16).toString(16);
  return out;
}

export function createRandom(seed: number = DEMO_RANDOM_SEED): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("cannot pick from an empty list");
      return item;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let remaining = next() * total;
      for (const [value, weight] of entries) {
        remaining -= weight;
        if (remaining < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new Error("cannot choose from an empty list");
      return last[0];
    },
    uuid() {
      const variant = "89ab"[int(0, 3)] ?? "8";
      return `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-${variant}${hex(next, 3)}-${hex(next, 12)}`;
    },
  };
}
