import { describe, expect, it } from "vitest";
import { getLibyaOutline } from "@/lib/map/libya-outline";
import { TARHUNA } from "@/lib/map/places";
import { simplifyLine } from "@/lib/map/simplify";

describe("simplifyLine", () => {
  it("drops points that lie on the line and keeps the corners", () => {
    expect(simplifyLine([[0, 0], [1, 0.001], [2, 0], [2, 2]], 0.01)).toEqual([[0, 0], [2, 0], [2, 2]]);
  });
});

describe("Libya's outline", () => {
  const outline = getLibyaOutline();

  it("is small enough to send to every visitor", () => {
    expect(JSON.stringify(outline).length).toBeLessThan(10_000);
  });

  it("contains Tarhuna", () => {
    const [[south, west], [north, east]] = outline.bounds;
    expect(TARHUNA.latitude).toBeGreaterThan(south);
    expect(TARHUNA.latitude).toBeLessThan(north);
    expect(TARHUNA.longitude).toBeGreaterThan(west);
    expect(TARHUNA.longitude).toBeLessThan(east);
  });
});
