import { describe, expect, it } from "vitest";
import { createRandom, DEMO_RANDOM_SEED, mulberry32 } from "@/lib/demo/random";

const draw = (seed: number, length: number) => {
  const next = mulberry32(seed);
  return Array.from({ length }, () => next());
};

describe("the demo's random generator", () => {
  it("gives the same sequence for the same seed", () => {
    expect(draw(DEMO_RANDOM_SEED, 100)).toEqual(draw(DEMO_RANDOM_SEED, 100));
  });

  it("gives a different sequence for a different seed", () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
  });

  it("stays within [0, 1)", () => {
    expect(draw(42, 10_000).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it("draws integers within both bounds, reaching each", () => {
    const random = createRandom(7);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("repeats its UUIDs from run to run, in UUID version 4 form", () => {
    const first = createRandom(DEMO_RANDOM_SEED);
    const second = createRandom(DEMO_RANDOM_SEED);
    const ids = Array.from({ length: 50 }, () => first.uuid());
    expect(ids).toEqual(Array.from({ length: 50 }, () => second.uuid()));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses to pick from an empty list", () => {
    expect(() => createRandom(1).pick([])).toThrow(/empty/);
  });
});
