import { describe, expect, it } from "vitest";
import { waitFromQuery, waitMinutes } from "@/lib/family-portal/portal-request";

describe("the wait the family portal names", () => {
  it("rounds the seconds left up to whole minutes, never below one or above the hour", () => {
    expect([1, 60, 61, 119, 3600, 7200].map(waitMinutes)).toEqual([1, 1, 2, 2, 60, 60]);
  });

  it("shows from the page's address only a one- or two-digit number, held to one to sixty minutes", () => {
    expect(["1", "2", "60", "99", "0"].map(waitFromQuery)).toEqual([1, 2, 60, 60, 1]);
    expect(["", "1e9", "-5", "5.5", "١", "100", "<b>"].map(waitFromQuery)).toEqual(Array(7).fill(null));
    expect(waitFromQuery(["1", "2"])).toBeNull();
    expect(waitFromQuery(undefined)).toBeNull();
  });
});
