import { describe, expect, it } from "vitest";
import { visualRuns } from "@/lib/dossier/bidi-text";

const drawn = (line: string, direction: "rtl" | "ltr") =>
  visualRuns(line, direction).map((run) => ({ text: run.text, arabic: run.arabic }));

describe("bidirectional runs of a dossier line", () => {
  it("keeps an Arabic name one run, in logical order, for the shaping engine", () => {
    expect(drawn("عبد الرحمن مصطفى", "rtl")).toEqual([{ text: "عبد الرحمن مصطفى", arabic: true }]);
  });

  it("places a Latin code to the left of the Arabic it follows in a right-to-left line", () => {
    expect(drawn("رقم الحالة TRH-MP-00004", "rtl")).toEqual([
      { text: "TRH-MP-00004", arabic: false },
      { text: "رقم الحالة ", arabic: true },
    ]);
  });

  it("draws runs in logical order so that extracted text reads as written", () => {
    const runs = visualRuns("البلاغ 135/2020 مركز", "rtl");
    expect([...runs].sort((first, second) => first.logicalIndex - second.logicalIndex).map((run) => run.text.trim())).toEqual(["البلاغ", "135/2020", "مركز"]);
  });

  it("writes Arabic-Indic digits as Western digits, which both fonts carry", () => {
    expect(drawn("١٩٨٥", "ltr")).toEqual([{ text: "1985", arabic: false }]);
  });
});
