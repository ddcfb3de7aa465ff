import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar";
import en from "@/lib/i18n/messages/en";

/**
 * Every number that counts something agrees with its noun through an ICU plural: Arabic has six
 * forms (لا سجلات، سجل واحد، سجلان، 3 سجلات، 11 سجلاً، 100 سجل), English two. The counted messages
 * are found in the catalogue itself, so a new one written as "{count} سجلاً" fails here.
 */

/** Argument names that hold a count wherever they appear. */
const COUNT_NAME =
  /^(count|total|days|minutes|rows|shown|saved|limit|leads|samples|loci|alleles|errors|remains|references|recovered|identified|sites|candidates|reports|persons|unchanged|retyped|addresses|dayFirst|monthFirst|ambiguous)$|Count$/;

/** Numbers with no counted noun beside them; each says why it needs no plural. */
const NOT_COUNTED: Record<string, string[]> = {
  "FamilyPortal.summaryLine": ["identified", "total"], // "3 of 7": a ratio, no noun
  "Import.saving": ["saved", "total"], // progress "120 of 3000"
  "Import.errorsTruncated": ["total"], // "the first 50 problems of 212": the noun goes with the first number
  "Import.preview.truncated": ["shown", "total"], // "the first 200 of 1234": a ratio, no noun
  "Import.fileErrors.uncompressedTooLarge": ["limit"], // ميغابايت does not change with the number
  "Import.sheets.hiddenRowsOfSheet": ["rows"], // a list of row numbers, not a count
  "Kinship.moreErrors": ["total"], // "the first 20 of 212 rejected rows": the noun goes with the first number
  "Kinship.leadsIntro": ["missing"], // a prior probability, 1/{missing}
  // A label and its figure ("Leads: 4", "الخيوط الواعدة: 4"): the noun comes first, in no agreement.
  "Kinship.leadsCount": ["leads"],
  "Remains.matches": ["count"],
  "FamilyPortal.staff.lockFailures": ["count"],
  // "116 bodies recovered, 6 identified": the second number stands alone.
  "Map.siteCounts": ["identified"],
  "Map.clusterCounts": ["identified"],
};

const NUMBERS = [0, 1, 2, 3, 11, 100, 101];
const ARABIC_FORMS = ["zero", "one", "two", "few", "many", "other"] as const;
const arabicRules = new Intl.PluralRules("ar");

function keyPaths(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function valueAt(messages: object, path: string): string {
  return String(path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages));
}

/** The branches of `{name, plural, ...}` in a message, by selector (zero, =0, one, ...). */
function pluralBranches(message: string, name: string): Map<string, string> | undefined {
  const start = message.indexOf(`{${name}, plural,`);
  if (start < 0) return undefined;
  const branches = new Map<string, string>();
  let position = start + `{${name}, plural,`.length;
  for (;;) {
    const selector = /^\s*([=\w]+)\s*\{/.exec(message.slice(position));
    if (!selector?.[1]) return branches;
    let depth = 1;
    let end = position + selector[0].length;
    for (; depth > 0; end += 1) depth += message[end] === "{" ? 1 : message[end] === "}" ? -1 : 0;
    branches.set(selector[1], message.slice(position + selector[0].length, end - 1));
    position = end;
  }
}

/** Every {argument} of a message, whatever its type. */
function argumentNames(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1] ?? ""))];
}

/** (message path, argument) for every count in the catalogue that needs a plural. */
function countedArguments(): { path: string; name: string }[] {
  const pluralised = new Set(keyPaths(en).flatMap((path) => [...valueAt(en, path).matchAll(/\{(\w+), plural,/g)].map((match) => match[1])));
  return keyPaths(en).flatMap((path) =>
    [...new Set([...argumentNames(valueAt(en, path)), ...argumentNames(valueAt(ar, path))])]
      .filter((name) => (COUNT_NAME.test(name) || pluralised.has(name)) && !NOT_COUNTED[path]?.includes(name))
      .map((name) => ({ path, name })),
  );
}

function valuesFor(message: string, counted: string, value: number): Record<string, string | number> {
  return Object.fromEntries(argumentNames(message).map((name) => [name, name === counted ? value : COUNT_NAME.test(name) ? 5 : "X"]));
}

const counted = countedArguments();

describe("counts in messages agree with their noun", () => {
  it("finds the counted messages in the catalogue", () => {
    expect(counted.map(({ path }) => path)).toEqual(expect.arrayContaining(["Import.commit", "Identifications.ageInDays", "Map.siteCounts", "Kinship.profileCounts"]));
  });

  it("uses a plural for every count, in Arabic and in English", () => {
    for (const { path, name } of counted) {
      expect(pluralBranches(valueAt(ar, path), name), `ar ${path} {${name}}`).toBeDefined();
      expect(pluralBranches(valueAt(en, path), name), `en ${path} {${name}}`).toBeDefined();
    }
  });

  it("gives each Arabic count all six forms, and names one and two without a digit", () => {
    for (const { path, name } of counted) {
      const branches = pluralBranches(valueAt(ar, path), name) ?? new Map<string, string>();
      for (const form of ARABIC_FORMS) {
        const exact = { zero: "=0", one: "=1", two: "=2" }[form as string];
        expect(branches.has(form) || (exact !== undefined && branches.has(exact)), `ar ${path} {${name}}: ${form}`).toBe(true);
      }
      for (const form of ["one", "two", "=1", "=2"]) {
        expect(branches.get(form) ?? "", `ar ${path} {${name}} ${form} names the number in words`).not.toMatch(new RegExp(`#|\\{${name}\\b`));
      }
    }
  });

  it("renders each count for 0, 1, 2, 3, 11, 100 and 101 in Arabic with the form of that number", () => {
    const t = createTranslator({ locale: "ar", messages: ar });
    for (const { path, name } of counted) {
      const message = valueAt(ar, path);
      const branches = pluralBranches(message, name) ?? new Map<string, string>();
      expect(branches.size, `ar ${path} {${name}} has plural forms`).toBeGreaterThan(0);
      const rendered = NUMBERS.map((value) => t(path as never, valuesFor(message, name, value) as never));
      for (const [index, value] of NUMBERS.entries()) {
        const form = branches.get(`=${value}`) ?? branches.get(arabicRules.select(value)) ?? "";
        const fixedText = form.split(/\{[^}]*\}|#/).map((part) => part.trim()).filter((part) => !/[{}]/.test(part) && part !== "");
        for (const part of fixedText) expect(rendered[index], `${path} {${name}} = ${value}`).toContain(part);
      }
    }
  });

  it("writes Arabic counts as formatNumber does (3050, not ICU's 3,050): {count} in the forms, never #", () => {
    for (const path of keyPaths(ar)) {
      for (const [, name] of valueAt(ar, path).matchAll(/\{(\w+), plural,/g)) {
        for (const [form, text] of pluralBranches(valueAt(ar, path), name ?? "") ?? []) expect(text, `ar ${path} {${name}} ${form}`).not.toContain("#");
      }
    }
    const t = createTranslator({ locale: "ar", messages: ar });
    expect(t("Dashboard.reportsCaption", { total: 3050 })).toContain("3050 بلاغاً في المجموع");
  });

  it("reads as the issue asks for the counts it quoted", () => {
    const t = createTranslator({ locale: "ar", messages: ar });
    expect(t("Import.commit", { count: 4 })).toBe("استورد 4 سجلات جديدة");
    expect(t("Import.commit", { count: 11 })).toBe("استورد 11 سجلاً جديداً");
    expect(t("Identifications.ageInDays", { days: 711 })).toBe("ينتظر منذ 711 يوماً");
    expect(t("Identifications.ageInDays", { days: 0 })).toBe("ينتظر منذ اليوم");
    expect(t("Identifications.ageInDays", { days: 2 })).toBe("ينتظر منذ يومين");
    expect(t("Map.siteCounts", { recovered: 116, identified: 6 })).toContain("116 جثماناً مستخرجاً");
    expect(t("Kinship.profileCounts", { remains: 3, references: 309 })).toContain("309 عينات مرجعية");
    const english = createTranslator({ locale: "en", messages: en });
    expect(english("Import.commit", { count: 1 })).toBe("Import 1 new record");
    expect(english("Import.commit", { count: 4 })).toBe("Import 4 new records");
  });
});
