import { describe, expect, it } from "vitest";
import { otherLanguageHref } from "@/components/layout/language-switch";

describe("the language switch", () => {
  it("keeps the page and its query string", () => {
    expect(otherLanguageHref("/ar/staff/audit", "?entity=family&entityId=TRH-MP-00457", "ar")).toBe("/en/staff/audit?entity=family&entityId=TRH-MP-00457");
    expect(otherLanguageHref("/en/staff/persons", "q=%D8%B9%D9%84%D9%8A&page=2", "en")).toBe("/ar/staff/persons?q=%D8%B9%D9%84%D9%8A&page=2");
  });

  it("adds no question mark when there is no query", () => {
    expect(otherLanguageHref("/ar", "", "ar")).toBe("/en");
    expect(otherLanguageHref("/en/family", "?", "en")).toBe("/ar/family");
  });
});
