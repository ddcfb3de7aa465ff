import { describe, expect, it } from "vitest";
import { formatDate, formatNumber } from "@/lib/i18n/format";

describe("locale formatting", () => {
  it("writes Arabic numbers with Western digits, as in Libya", () => {
    const formatted = formatNumber("ar", 3012);
    expect(formatted).not.toMatch(/[٠-٩]/);
    expect(formatted.replace(/\D/g, "")).toBe("3012");
  });

  it("writes Arabic counts so that no visitor can read a thousands separator as a decimal point", () => {
    // ar-LY groups with ".", so 3,050 bodies would read "3.050", three point nought five to many.
    expect(formatNumber("ar", 3050)).toBe("3050");
    expect(formatNumber("ar", 116)).toBe("116");
    expect(formatNumber("ar", 9999)).toBe("9999");
    // From 10,000, groups with the Arabic thousands separator (U+066C), never taken for a decimal point.
    expect(formatNumber("ar", 12500)).toBe("12\u066C500");
    expect(formatNumber("ar", 1234567)).toBe("1\u066C234\u066C567");
  });

  it("groups thousands in English", () => {
    expect(formatNumber("en", 3012)).toBe("3,012");
  });

  it("names the month in the page's language and dates events in Libyan time", () => {
    // 23:30 UTC on 31 May is already 1 June in Tripoli (UTC+2).
    expect(formatDate("en", "2020-05-31T23:30:00Z")).toBe("1 June 2020");
    const arabic = formatDate("ar", "2020-05-31T23:30:00Z");
    expect(arabic).toContain("يونيو");
    expect(arabic).not.toMatch(/[٠-٩]/);
  });
});
