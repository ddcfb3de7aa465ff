import { describe, expect, it } from "vitest";
import { appAndLibSources } from "./support/app-sources";
import { EXPORT_LISTS } from "@/lib/export/lists";
import { IDENTIFICATION_OPERATIONS } from "@/lib/identifications/state-machine";
import ar from "@/lib/i18n/messages/ar";
import en from "@/lib/i18n/messages/en";


/** Every action name the code writes: `action: "…"` (or either side of a `? :`), and voidRow's last argument. */
function actionsWrittenByTheCode(): string[] {
  const found = new Set<string>();
  for (const source of appAndLibSources()) {
    for (const line of source.split("\n")) {
      const written = /\baction: ([^,}]+)/.exec(line)?.[1] ?? /voidRow\(.*, ("[^"]+")\)/.exec(line)?.[1] ?? "";
      // Audit actions are "subject.verb" (or "personal data print"); a bare word is a custody event's action.
      for (const [, name] of written.matchAll(/"([^"\s]+\.[^"\s]+|[a-z]+(?: [a-z]+)+)"/g)) found.add(name ?? "");
    }
  }
  for (const list of EXPORT_LISTS) found.add(`export.${list}`);
  for (const operation of IDENTIFICATION_OPERATIONS) found.add(`identification.${operation}`);
  return [...found].sort();
}

function has(messages: object, path: string): boolean {
  let node: unknown = messages;
  for (const key of path.split(".")) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === "string";
}

describe("the audit viewer's action names", () => {
  it("names every action the registry writes in Arabic and in English, not as auth.signIn", () => {
    const written = actionsWrittenByTheCode();
    expect(written).toEqual(expect.arrayContaining(["auth.signIn", "missingPerson.create", "family.void", "user.disable", "export.families", "identification.confirm"]));
    expect(written.filter((action) => !has(ar.Audit.actions, action)), "missing in Arabic").toEqual([]);
    expect(written.filter((action) => !has(en.Audit.actions, action)), "missing in English").toEqual([]);
  });
});
