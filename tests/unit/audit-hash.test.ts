import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/audit/canonical";
import { auditEntryHash, GENESIS_HASH, type HashedAuditFields } from "@/lib/audit/hash";

const entry: HashedAuditFields = {
  occurredAt: new Date("2024-05-01T10:00:00.000Z"),
  actorId: "9d6c1f0e-2b1a-4c8e-9f00-000000000001",
  actorLabel: "registrar",
  action: "missing_person.update",
  entity: "missing_person",
  entityId: "9d6c1f0e-2b1a-4c8e-9f00-000000000002",
  before: { status: "missing", name: { given: "أحمد", family: "الزيتوني" } },
  after: { status: "identified", name: { given: "أحمد", family: "الزيتوني" } },
  ip: "10.0.0.1",
  userAgent: "test",
};

function reversedKeys<Value>(value: Value): Value {
  if (Array.isArray(value) || value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)]);
  return Object.fromEntries(entries) as Value;
}

describe("canonical JSON", () => {
  it("sorts keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it("writes undefined as null and drops undefined properties, as jsonb stores them", () => {
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe("the audit entry hash", () => {
  it("does not depend on the order of keys", () => {
    const reordered = { ...reversedKeys(entry), occurredAt: entry.occurredAt };
    expect(auditEntryHash(GENESIS_HASH, reordered)).toBe(auditEntryHash(GENESIS_HASH, entry));
  });

  it.each(Object.keys(entry) as (keyof HashedAuditFields)[])("changes when %s changes", (field) => {
    const changed: HashedAuditFields =
      field === "occurredAt"
        ? { ...entry, occurredAt: new Date(entry.occurredAt.getTime() + 1) }
        : { ...entry, [field]: field === "before" || field === "after" ? { status: "merged" } : "changed" };
    expect(auditEntryHash(GENESIS_HASH, changed)).not.toBe(auditEntryHash(GENESIS_HASH, entry));
  });

  it("changes when a nested value changes", () => {
    const changed = { ...entry, after: { ...entry.after as object, name: { given: "احمد", family: "الزيتوني" } } };
    expect(auditEntryHash(GENESIS_HASH, changed)).not.toBe(auditEntryHash(GENESIS_HASH, entry));
  });

  it("chains: the same entry after a different previous hash hashes differently", () => {
    expect(auditEntryHash("f".repeat(64), entry)).not.toBe(auditEntryHash(GENESIS_HASH, entry));
  });
});
