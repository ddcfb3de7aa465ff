import { describe, expect, it } from "vitest";
import { openSearch, SEARCH_TOKEN_SECONDS, sealSearch } from "@/lib/people/search-token";

const NAME = "مصطفى إبراهيم الطاهر الزقزوقي";
const STAFF = "7f1c2e0a-0000-4000-8000-000000000001";
const OTHER_STAFF = "7f1c2e0a-0000-4000-8000-000000000002";

describe("the sealed staff search in the results page's address", () => {
  it("names nobody: the searched name is not in the token in any spelling", () => {
    const token = sealSearch(NAME, STAFF);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const spelling of [NAME, encodeURIComponent(NAME), Buffer.from(NAME).toString("base64url"), "الزقزوقي"]) {
      expect(token).not.toContain(spelling);
    }
    // The same search twice gives two different addresses: nothing to compare across a log.
    expect(sealSearch(NAME, STAFF)).not.toBe(token);
  });

  it("gives the query back to the staff member who searched", () => {
    expect(openSearch(sealSearch(NAME, STAFF), STAFF)).toBe(NAME);
  });

  it("gives nothing to another staff member, after a working day, or once altered", () => {
    const now = Date.now();
    const token = sealSearch(NAME, STAFF, now);
    expect(openSearch(token, OTHER_STAFF, now)).toBeNull();
    expect(openSearch(token, STAFF, now + SEARCH_TOKEN_SECONDS * 1000 + 1000)).toBeNull();
    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect(openSearch(altered, STAFF, now)).toBeNull();
    expect(openSearch("not-a-sealed-search", STAFF, now)).toBeNull();
    expect(openSearch("", STAFF, now)).toBeNull();
  });
});
