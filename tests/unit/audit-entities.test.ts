import { describe, expect, it } from "vitest";
import { appAndLibSources } from "./support/app-sources";
import { AUDIT_ENTITIES } from "@/lib/audit/filters";


/** Every record type an audit entry is written for: `entity: "…"`, `…_ENTITY = "…"` and the audited reads. */
function entitiesWrittenByTheCode(): string[] {
  const found = new Set<string>();
  for (const text of appAndLibSources()) {
    for (const match of text.matchAll(/\bentity: "([a-z_]+)"|_ENTITY = "([a-z_]+)"/g)) found.add(match[1] ?? match[2] ?? "");
    const reads = /export type ReadEntity = ([^;]+);/.exec(text)?.[1];
    for (const match of reads?.matchAll(/"([a-z_]+)"/g) ?? []) found.add(match[1] ?? "");
  }
  return [...found].sort();
}

describe("the audit viewer's list of record types", () => {
  it("offers every record type the registry writes audit entries for, so none has to be typed in English", () => {
    const written = entitiesWrittenByTheCode();
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((entity) => !(AUDIT_ENTITIES as readonly string[]).includes(entity))).toEqual([]);
  });
});
