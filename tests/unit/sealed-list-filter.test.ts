import { describe, expect, it } from "vitest";
import { familyListQuery, parseFamilyListFilters } from "@/lib/people/family-list";
import { parseReportListFilters, reportListQuery } from "@/lib/people/report-list";
import { sealedListSearch } from "@/lib/lists/sealed-filter";

const CONTACT = "سالمة مفتاح النخلاوي";
const STAFF = "7f1c2e0a-0000-4000-8000-000000000001";
const OTHER_STAFF = "7f1c2e0a-0000-4000-8000-000000000002";

describe("a staff list's free-text filter in the address", () => {
  it("travels sealed: the list opens it for the staff member who filtered, and its paging links carry the seal, not the name", () => {
    const address = sealedListSearch(`  ${CONTACT} `, STAFF);
    expect(Object.keys(address)).toEqual(["s"]);
    const filters = parseFamilyListFilters({ ...address, after: "cursor" }, STAFF);
    expect(filters.search).toBe(CONTACT);
    expect(filters.searchExpired).toBe(false);
    const next = familyListQuery(filters, { after: "next" });
    expect(next).toEqual({ s: address.s, after: "next" });
    expect(JSON.stringify(next)).not.toContain("النخلاوي");
  });

  it("does not open for another staff member, who is told it expired and sees the whole list", () => {
    const filters = parseReportListFilters({ ...sealedListSearch(CONTACT, STAFF), category: "disappearance" }, OTHER_STAFF);
    expect(filters.search).toBeUndefined();
    expect(filters.searchExpired).toBe(true);
    expect(filters.category).toBe("disappearance");
    expect(reportListQuery(filters)).toEqual({ category: "disappearance" });
  });

  it("still takes a reference or report number typed into the address by hand", () => {
    const filters = parseFamilyListFilters({ q: " TRH-F-0018 " }, STAFF);
    expect(filters.search).toBe("TRH-F-0018");
    expect(familyListQuery(filters)).toEqual({ q: "TRH-F-0018" });
  });

  it("seals nothing for an empty or over-long filter", () => {
    expect(sealedListSearch("   ", STAFF)).toEqual({});
    expect(sealedListSearch("x".repeat(101), STAFF)).toEqual({});
    expect(parseFamilyListFilters({ s: "not-a-seal" }, STAFF)).toMatchObject({ searchExpired: true });
  });
});
