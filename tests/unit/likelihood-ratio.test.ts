import { describe, expect, it } from "vitest";
import { formatLikelihoodRatio, formatLog10LikelihoodRatio, parseLikelihoodRatio } from "@/lib/identifications/likelihood-ratio";

const value = (typed: string, locale: "ar" | "en") => {
  const parsed = parseLikelihoodRatio(typed, locale);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe("reading a likelihood ratio by the form's locale", () => {
  it("reads the Arabic decimal comma and decimal sign as decimals, never as thousands", () => {
    expect(value("1,2e9", "ar")).toBe(1.2e9);
    expect(value("1٫2e9", "ar")).toBe(1.2e9);
    expect(value("12,5", "ar")).toBe(12.5);
    expect(value("0,125", "ar")).toBe(0.125);
  });

  it("reads Arabic-Indic and Eastern Arabic-Indic digits", () => {
    expect(value("١٫٢e٩", "ar")).toBe(1.2e9);
    expect(value("۱۲۰۰۰۰۰", "en")).toBe(1_200_000);
  });

  it("reads scientific notation in its usual spellings, including the registry's own", () => {
    expect(value("1.2e9", "en")).toBe(1.2e9);
    expect(value("1.2E+09", "en")).toBe(1.2e9);
    expect(value("1.20e+10", "ar")).toBe(1.2e10);
    expect(value("1.2 × 10^9", "en")).toBe(1.2e9);
    expect(value("1.2 × 10⁹", "ar")).toBe(1.2e9);
    expect(value("4.7x10^5", "en")).toBe(4.7e5);
    expect(value("1200000000", "en")).toBe(1.2e9);
  });

  it("refuses a comma or point that could equally group thousands", () => {
    expect(value("1,2e9", "en")).toBe("ambiguous");
    expect(value("1,200", "en")).toBe("ambiguous");
    expect(value("1,200", "ar")).toBe("ambiguous");
    expect(value("1.200", "ar")).toBe("ambiguous");
  });

  it("refuses thousands separators with a request to write the number without them", () => {
    expect(value("1,200,000", "en")).toBe("separators");
    expect(value("1.200.000,5", "ar")).toBe("separators");
    expect(value("1٬200", "ar")).toBe("separators");
  });

  it("refuses what is not a positive finite number", () => {
    expect(value("", "en")).toBe("empty");
    expect(value("0", "en")).toBe("notPositive");
    expect(value("abc", "en")).toBe("invalid");
    expect(value("1e999", "en")).toBe("invalid");
    expect(value("-5", "en")).toBe("invalid");
  });
});

describe("showing a likelihood ratio", () => {
  it("writes a mantissa and a power of ten with a superscript, never e-notation", () => {
    expect(formatLikelihoodRatio(1.2e9)).toBe("1.2 × 10⁹");
    expect(formatLikelihoodRatio(1.2e10)).toBe("1.2 × 10¹⁰");
    expect(formatLikelihoodRatio(3.45e10)).toBe("3.45 × 10¹⁰");
    expect(formatLikelihoodRatio(4.7e5)).toBe("4.7 × 10⁵");
    expect(formatLikelihoodRatio(0.001)).toBe("1 × 10⁻³");
    expect(formatLikelihoodRatio(9.999e9)).toBe("1 × 10¹⁰");
  });

  it("writes small ratios as plain numbers and the PDF's form without superscripts", () => {
    expect(formatLikelihoodRatio(350)).toBe("350");
    expect(formatLikelihoodRatio(12.5)).toBe("12.5");
    expect(formatLikelihoodRatio(1.2e9, { superscript: false })).toBe("1.2 × 10^9");
  });

  it("shows ratios beyond a double's range from their logarithm", () => {
    expect(formatLog10LikelihoodRatio(400.3)).toBe("2 × 10⁴⁰⁰");
    expect(formatLog10LikelihoodRatio(null)).toBe("0");
  });

  it("reads back what it shows", () => {
    for (const ratio of [1.2e9, 3.45e10, 4.7e5, 350]) expect(value(formatLikelihoodRatio(ratio), "en")).toBe(ratio);
  });
});
