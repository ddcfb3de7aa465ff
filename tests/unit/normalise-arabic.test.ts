import { describe, expect, it } from "vitest";
import { buildNameSearch, normaliseArabicName } from "@/lib/names/normalise-arabic";

/** Spellings of one name that families, police clerks and forms actually produce. */
const SAME_NAME_VARIANTS: readonly (readonly string[])[] = [
  ["أحمد", "احمد", "إحمد", "أَحْمَد", "احـــمد"],
  ["عائشة", "عايشه", "عائشه", "عايشة", "عَائِشَة"],
  ["مصطفى", "مصطفي", "مُصْطَفَى"],
  ["إبراهيم", "ابراهيم", "إِبْرَاهِيم", "ابراهيـم"],
  ["آمنة", "امنه", "آمِنَة"],
  ["مؤمن", "مومن"],
  ["يحيى", "يحيي", "يَحْيَى"],
  ["فاطمة", "فاطمه", "فَاطِمَة"],
  ["عبد الله", "عبدالله", "عَبْدُ اللّٰه", "عبد  الله"],
  ["ٱلطاهر", "الطاهر", "ألطاهر"],
  ["محمد بن علي", "محمد علي", "محمد ابن علي", "محمد إبن علي"],
  ["فاطمة بنت سالم", "فاطمه سالم"],
  ["مبروكة ١٩٨٠", "مبروكه 1980", "مبروكة ۱۹۸۰"],
];

describe("normaliseArabicName", () => {
  it.each(SAME_NAME_VARIANTS.map((variants) => [variants[0], variants] as const))(
    "gives every spelling of %s the same search form",
    (_, variants) => {
      const forms = new Set(variants.map(normaliseArabicName));
      expect([...forms]).toHaveLength(1);
    },
  );

  it("keeps different names apart", () => {
    expect(normaliseArabicName("حسن")).not.toBe(normaliseArabicName("حسين"));
    expect(normaliseArabicName("سالم")).not.toBe(normaliseArabicName("سالمة"));
  });

  it("drops harakat, shadda and tatweel", () => {
    expect(normaliseArabicName("مُحَمَّـــد")).toBe("محمد");
  });

  it("maps Eastern Arabic and Persian digits to Western digits", () => {
    expect(normaliseArabicName("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789 0123456789");
  });

  it("collapses whitespace, including invisible direction marks, and trims", () => {
    expect(normaliseArabicName("  علي\u200f \t  سالم\n")).toBe("علي سالم");
  });

  it("drops بن, ابن and بنت only as standalone words", () => {
    expect(normaliseArabicName("بنان بن بنت")).toBe("بنان");
    expect(normaliseArabicName("ابن")).toBe("");
  });

  it("lower-cases Latin letters", () => {
    expect(normaliseArabicName("Mohamed AL-Hadi")).toBe("mohamed al-hadi");
  });

  it("returns an empty string for blank input", () => {
    expect(normaliseArabicName(" \u0640 ")).toBe("");
  });
});

describe("buildNameSearch", () => {
  const parts = {
    givenName: "أحمد",
    fatherName: "مصطفى",
    grandfatherName: "",
    familyName: "الزيتوني",
    nameLatin: "Ahmed Mustafa Al-Zaytouni",
  };

  it("joins the normalised Arabic parts with single spaces, skipping empty ones", () => {
    expect(buildNameSearch(parts)).toBe("احمد مصطفي الزيتوني");
  });

  it("keeps the Latin transliteration out of the search form", () => {
    expect(buildNameSearch(parts)).not.toMatch(/[a-z]/i);
  });

  it("finds the same person however the parts were spelled", () => {
    const respelled = { ...parts, givenName: "احمد", fatherName: "مُصطفي", familyName: "الزيتونى" };
    expect(buildNameSearch(respelled)).toBe(buildNameSearch(parts));
  });
});
