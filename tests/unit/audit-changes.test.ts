import { describe, expect, it } from "vitest";
import { auditFieldChanges } from "@/lib/audit/changes";

describe("the audit change summary", () => {
  it("lists only the fields that changed, in a stable order", () => {
    const before = { status: "missing", name: { given: "أحمد" }, birthYear: 1980 };
    const after = { name: { given: "أحمد" }, status: "identified", birthYear: 1981 };
    expect(auditFieldChanges(before, after)).toEqual([
      { field: "birthYear", before: "1980", after: "1981" },
      { field: "status", before: '"missing"', after: '"identified"' },
    ]);
  });

  it("shows a created record's fields as new and a removed field as gone", () => {
    expect(auditFieldChanges(null, { code: "TRH-GS-01" })).toEqual([{ field: "code", before: undefined, after: '"TRH-GS-01"' }]);
    expect(auditFieldChanges({ note: "x" }, {})).toEqual([{ field: "note", before: '"x"', after: undefined }]);
  });

  it("does not see a change in the order of keys", () => {
    expect(auditFieldChanges({ name: { a: 1, b: 2 } }, { name: { b: 2, a: 1 } })).toEqual([]);
  });

  it("shortens long values", () => {
    const [change] = auditFieldChanges({}, { narrative: "x".repeat(200) }) ?? [];
    expect(change?.after?.length).toBe(60);
    expect(change?.after?.endsWith("…")).toBe(true);
  });

  it("gives no field summary when a side is not an object", () => {
    expect(auditFieldChanges(["a"], { a: 1 })).toBeNull();
    expect(auditFieldChanges("text", null)).toBeNull();
  });
});
