import { describe, expect, it } from "vitest";
import { splitNameList } from "@/lib/import/name-list";

describe("several names in one register cell (issue 28, point 4)", () => {
  it("splits full names joined by a free-standing و, commas (Latin and Arabic) and semicolons", () => {
    expect(splitNameList("محمد علي سالم القماطي و أحمد علي سالم القماطي")).toEqual(["محمد علي سالم القماطي", "أحمد علي سالم القماطي"]);
    expect(splitNameList("فرج عمر الككلي، سعد عمر الككلي, ناجي عمر الككلي; صالح عمر الككلي")).toEqual(["فرج عمر الككلي", "سعد عمر الككلي", "ناجي عمر الككلي", "صالح عمر الككلي"]);
  });

  it("reads an attached و after a name as 'and', and gives brothers' given names the parts they share", () => {
    expect(splitNameList("محمد علي القماطي وأحمد علي القماطي")).toEqual(["محمد علي القماطي", "أحمد علي القماطي"]);
    expect(splitNameList("محمد وأحمد ومصطفى مفتاح سالم الزنتاني")).toEqual(["محمد مفتاح سالم الزنتاني", "أحمد مفتاح سالم الزنتاني", "مصطفى مفتاح سالم الزنتاني"]);
    expect(splitNameList("عبد الله وعبد الرحمن خليفة الورفلي")).toEqual(["عبد الله خليفة الورفلي", "عبد الرحمن خليفة الورفلي"]);
  });

  it("keeps one name whole: compound names, names that begin with و, a trailing و", () => {
    expect(splitNameList("عبد الله مفتاح سالم الككلي")).toEqual(["عبد الله مفتاح سالم الككلي"]);
    expect(splitNameList("وليد ونيس وائل الترهوني")).toEqual(["وليد ونيس وائل الترهوني"]);
    expect(splitNameList("عبد ودود سالم الككلي")).toEqual(["عبد ودود سالم الككلي"]);
    expect(splitNameList("محمد و")).toEqual(["محمد"]);
    expect(splitNameList("  محمد علي  ")).toEqual(["محمد علي"]);
    expect(splitNameList("")).toEqual([]);
  });
});
