import { describe, expect, it } from "vitest";
import { formatDayMonthYear, parseDayMonthYear } from "@/lib/forms/day-month-year";

describe("dates typed day/month/year", () => {
  it("reads day first, whatever separator", () => {
    expect(parseDayMonthYear("21/03/2024")).toBe("2024-03-21");
    expect(parseDayMonthYear("1/3/2024")).toBe("2024-03-01");
    expect(parseDayMonthYear("01-03-2024")).toBe("2024-03-01");
    expect(parseDayMonthYear(" 1.3.2024 ")).toBe("2024-03-01");
  });

  it("reads Arabic-Indic digits as typed on an Arabic keyboard", () => {
    expect(parseDayMonthYear("٢١/٠٣/٢٠٢٤")).toBe("2024-03-21");
    expect(parseDayMonthYear("۲۱/۰۳/۲۰۲۴")).toBe("2024-03-21");
  });

  it("keeps an ISO date pasted in", () => {
    expect(parseDayMonthYear("2024-03-21")).toBe("2024-03-21");
  });

  it("refuses days that are not on the calendar, and month-first dates that cannot be day-first", () => {
    expect(parseDayMonthYear("31/02/2024")).toBeNull();
    expect(parseDayMonthYear("29/02/2023")).toBeNull();
    expect(parseDayMonthYear("29/02/2024")).toBe("2024-02-29");
    expect(parseDayMonthYear("03/21/2024")).toBeNull();
    expect(parseDayMonthYear("21/03/24")).toBeNull();
    expect(parseDayMonthYear("00/01/2024")).toBeNull();
    expect(parseDayMonthYear("01/01/0000")).toBeNull();
    expect(parseDayMonthYear("yesterday")).toBeNull();
    expect(parseDayMonthYear("")).toBeNull();
  });

  it("shows a stored day as day/month/year", () => {
    expect(formatDayMonthYear("2024-03-21")).toBe("21/03/2024");
    expect(formatDayMonthYear("")).toBe("");
    expect(formatDayMonthYear(null)).toBe("");
    expect(formatDayMonthYear("21/3")).toBe("21/3");
  });
});
