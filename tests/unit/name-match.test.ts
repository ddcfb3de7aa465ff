import { describe, expect, it } from "vitest";
import { arabicForLatin } from "@/lib/names/latin-names";
import { namePartKey, namePartKeys } from "@/lib/names/name-key";
import { createNameScorer, spellingSimilarity, type StoredName } from "@/lib/names/name-match";
import { nameQueryWords } from "@/lib/names/query-words";

const person = (givenName: string, fatherName: string, grandfatherName: string, familyName: string): StoredName => ({ givenName, fatherName, grandfatherName, familyName });

describe("namePartKey", () => {
  it.each([
    ["محمد", "Mohamed", "Muhammad", "Mohammed", "مُحَمَّد"],
    ["النخلاوي", "Al-Nakhlawi", "نخلاوي", "النخلاوى"],
    ["عبد الله", "عبدالله", "Abdullah", "Abd Allah"],
    ["فاطمة", "فاطمه", "Fatima"],
    ["مفتاح", "مفتح", "Muftah", "مفتـاح"],
    ["سليمان", "سلمان", "سليييمان"],
    ["مصطفى", "مسطفى", "مصتفى", "Mustafa"],
    ["عمر", "Omar", "امر"],
  ])("gives every spelling of %s one key", (...spellings) => {
    expect(new Set(spellings.map(namePartKey)).size).toBe(1);
  });

  it("keeps names with different consonants apart", () => {
    const keys = ["محمد", "أحمد", "علي", "سالم", "صالح", "بشير", "النخلاوي", "الرماني"].map(namePartKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("namePartKeys", () => {
  it("also looks for the name without a doubled ل typed after the article", () => {
    const doubled: [string, string][] = [["اللحجراوي", "الحجراوي"], ["الللفنّاري", "الفنّاري"], ["اللرحاوي", "الرحاوي"], ["اللـبلّوطى", "البلوطي"]];
    for (const [typed, stored] of doubled) {
      expect(namePartKey(typed), typed).not.toBe(namePartKey(stored));
      expect(namePartKeys(typed), typed).toEqual([namePartKey(typed), namePartKey(stored)]);
    }
  });

  it("gives other words their one key", () => {
    for (const word of ["محمد", "الحجراوي", "اللي", "Mohamed", "لل", ""]) expect(namePartKeys(word), word).toEqual([namePartKey(word)]);
  });

  it("scores a doubled ل after the article as a close spelling of the stored name", () => {
    const scorer = createNameScorer("منصور اللحجراوي");
    const match = scorer.score(person("منصور", "علي", "سالم", "الحجراوي"));
    expect(match.parts).toEqual([{ role: "given", quality: "exact" }, { role: "family", quality: "close" }]);
    expect(match.score).toBeGreaterThan(0.9);
    expect(scorer.wordKeys[1]).toContain(namePartKey("الحجراوي"));
  });
});

describe("nameQueryWords", () => {
  it("drops titles and بن, and keeps compound names and Latin particles as one word", () => {
    expect(nameQueryWords("الحاج مفتاح بن سالم النخلاوي")).toEqual(["مفتاح", "سالم", "النخلاوي"]);
    expect(nameQueryWords("الشهيد عبد الله ابن علي")).toEqual(["عبدالله", "علي"]);
    expect(nameQueryWords("Dr. Abdul Rahman bin Ali Al Nakhlawi")).toEqual(["abdulrahman", "ali", "alnakhlawi"]);
    expect(nameQueryWords("الشيخ")).toEqual(["الشيخ"]);
  });
});

describe("Latin spellings", () => {
  it("reads the common spellings of a name as its Arabic", () => {
    for (const spelling of ["Mohamed", "Muhammad", "mohammed", "MOHAMMAD"]) expect(arabicForLatin(spelling)).toBe("محمد");
    expect(arabicForLatin("Zintani")).toBeUndefined();
  });
});

describe("createNameScorer", () => {
  const sought = person("مفتاح", "سالم", "علي", "النخلاوي");
  const brother = person("صالح", "سالم", "علي", "النخلاوي");
  const cousin = person("مفتاح", "علي", "سالم", "النخلاوي");
  const nephew = person("بشير", "مفتاح", "سالم", "النخلاوي");

  const ranked = (query: string, people: StoredName[]) => {
    const scorer = createNameScorer(query);
    return [...people].sort((left, right) => scorer.score(right).score - scorer.score(left).score);
  };

  it("ranks the person whose given name matches above brothers who share father and family", () => {
    for (const query of ["مفتاح سالم النخلاوي", "مفتاح سللم النخلاوي", "مفتح سالم النخلاوى", "النخلاوي مفتاح سالم", "الحاج مفتاح بن سالم النخلاوي"]) {
      expect(ranked(query, [brother, nephew, cousin, sought])[0], query).toBe(sought);
    }
  });

  it("weighs the given name above the father's", () => {
    const scorer = createNameScorer("مفتاح سالم");
    expect(scorer.score(person("مفتاح", "خالد", "", "")).score).toBeGreaterThan(scorer.score(person("خالد", "سالم", "", "")).score);
  });

  it("explains which parts matched, exactly or by a spelling", () => {
    expect(createNameScorer("مفتاح سالم النخلاوي").score(sought)).toEqual({
      score: 1,
      parts: [{ role: "given", quality: "exact" }, { role: "father", quality: "exact" }, { role: "family", quality: "exact" }],
    });
    expect(createNameScorer("مفتح سالم النخلاوى").score(sought).parts).toEqual([
      { role: "given", quality: "close" }, { role: "father", quality: "exact" }, { role: "family", quality: "exact" },
    ]);
  });

  it("prefers the exact spelling among names that share a key", () => {
    const scorer = createNameScorer("حسن");
    expect(scorer.score(person("حسن", "", "", "")).score).toBeGreaterThan(scorer.score(person("حسين", "", "", "")).score);
  });

  it("matches a Latin query to the Arabic parts, and an Arabic query to parts typed in Latin", () => {
    expect(createNameScorer("Muhammad Salem Al-Nakhlawi").score(person("محمد", "سالم", "", "النخلاوي")).parts).toEqual([
      { role: "given", quality: "exact" }, { role: "father", quality: "exact" }, { role: "family", quality: "close" },
    ]);
    expect(createNameScorer("محمد النخلاوي").score(person("Mohamed", "", "", "Al-Nakhlawi")).score).toBeGreaterThan(0.7);
  });

  it("scores nothing for a name that shares no part", () => {
    expect(createNameScorer("مفتاح سالم النخلاوي").score(person("خالد", "عمر", "يوسف", "الرماني")).score).toBe(0);
  });
});

describe("spellingSimilarity", () => {
  it("is one minus the edit distance over the longer word", () => {
    expect(spellingSimilarity("سالم", "سالم")).toBe(1);
    expect(spellingSimilarity("سالم", "سلم")).toBe(0.75);
    expect(spellingSimilarity("", "سالم")).toBe(0);
  });
});
