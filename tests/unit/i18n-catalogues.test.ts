import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar";
import en from "@/lib/i18n/messages/en";

/** Every key path of a catalogue, e.g. "Figures.identified.label". */
function keyPaths(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The {placeholders} and <tags> a message uses: a translation must keep the same ones. A plural's
 * branches ({days, plural, =0 {since today} ...}) are text, not placeholders. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\s*[,}]|<(\w+)>/g)].map((match) => match[1] ?? match[2] ?? ""))].sort();
}

function valueAt(messages: object, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
}

describe("message catalogues", () => {
  it("have exactly the same keys in Arabic and English", () => {
    const arabic = keyPaths(ar).sort();
    const english = keyPaths(en).sort();
    expect(arabic.filter((key) => !english.includes(key)), "keys only in ar.json").toEqual([]);
    expect(english.filter((key) => !arabic.includes(key)), "keys only in en.json").toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    for (const path of keyPaths(en)) {
      expect(argumentsOf(String(valueAt(ar, path))), path).toEqual(argumentsOf(String(valueAt(en, path))));
    }
  });

  it("leave no message empty", () => {
    for (const [name, catalogue] of [["ar", ar], ["en", en]] as const) {
      for (const path of keyPaths(catalogue)) {
        expect(String(valueAt(catalogue, path)).trim(), `${name}: ${path}`).not.toBe("");
      }
    }
  });
});
