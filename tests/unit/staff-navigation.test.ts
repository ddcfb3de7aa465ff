import { describe, expect, it } from "vitest";
import { currentAreaHref, STAFF_AREAS } from "@/components/staff/staff-areas";

const hrefs = STAFF_AREAS.map((area) => area.href);

describe("which staff area the navigation marks as the current page", () => {
  it("marks the area a page belongs to, deeper pages included", () => {
    expect(currentAreaHref("/staff", hrefs)).toBe("/staff");
    expect(currentAreaHref("/staff/families", hrefs)).toBe("/staff/families");
    expect(currentAreaHref("/staff/families/2b6f0b52-1c1e-4c55-9a3c-0d1e2f3a4b5c/edit", hrefs)).toBe("/staff/families");
    expect(currentAreaHref("/staff/remains/TRH-GS-01-B017", hrefs)).toBe("/staff/remains");
  });

  it("prefers the closest area: allele frequencies, not kinship; duplicates, not the dashboard", () => {
    expect(currentAreaHref("/staff/kinship/frequencies", hrefs)).toBe("/staff/kinship/frequencies");
    expect(currentAreaHref("/staff/kinship/leads", hrefs)).toBe("/staff/kinship");
    expect(currentAreaHref("/staff/persons/duplicates", hrefs)).toBe("/staff/persons/duplicates");
  });

  it("marks nothing for a page outside every area, rather than the dashboard", () => {
    expect(currentAreaHref("/staff/persons/2b6f0b52-1c1e-4c55-9a3c-0d1e2f3a4b5c", hrefs)).toBeUndefined();
    expect(currentAreaHref("/staff/familiesx", hrefs)).toBeUndefined();
  });
});
