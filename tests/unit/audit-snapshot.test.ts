import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { antemortemRecords, custodyEvents, dnaSamples, donorRelationships, families, graveSites, identifications, missingPersons, personalEffects, policeReports, postmortemRecords, referenceDonors, remains, users } from "@/db/schema";
import { AUDITED_COLUMNS, auditSnapshot, UNAUDITED_COLUMNS, type AuditedEntity } from "@/lib/audit/snapshot";
import { auditedNewUser } from "@/lib/users/audit-state";

const TABLES = {
  family: families,
  missing_person: missingPersons,
  police_report: policeReports,
  reference_donor: referenceDonors,
  donor_relationship: donorRelationships,
  dna_sample: dnaSamples,
  remains,
  personal_effect: personalEffects,
  grave_site: graveSites,
  custody_event: custodyEvents,
  identification: identifications,
  user: users,
  antemortem_record: antemortemRecords,
  postmortem_record: postmortemRecords,
} as const;

const userRow: typeof users.$inferSelect = {
  id: "5b0c4f4e-0000-4000-8000-000000000001",
  username: "amal",
  displayName: "أمل",
  passwordHash: "$argon2id$v=19$secret",
  role: "registrar",
  locale: "ar",
  disabled: false,
  mustChangePassword: false,
  tokenVersion: 3,
  totpPendingSecret: "PENDINGSECRET",
  totpSecret: "TOTPSECRET",
  totpEnabledAt: new Date("2026-01-01T00:00:00Z"),
  totpLastStep: 12345,
  version: 2,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-02T00:00:00Z"),
};

describe("audit snapshots keep listed columns only", () => {
  for (const [entity, table] of Object.entries(TABLES) as [AuditedEntity, (typeof TABLES)[AuditedEntity]][]) {
    it(`classifies every ${entity} column as audited or left out, never both, and names no column the table lacks`, () => {
      const columns = Object.keys(getTableColumns(table)).sort();
      const audited: readonly string[] = AUDITED_COLUMNS[entity];
      const leftOut = Object.keys((UNAUDITED_COLUMNS as Partial<Record<AuditedEntity, object>>)[entity] ?? {});
      expect(audited.filter((column) => leftOut.includes(column))).toEqual([]);
      expect([...audited, ...leftOut].sort()).toEqual(columns);
    });
  }

  it("keeps a user's password hash, authenticator secrets and a column added tomorrow out of the snapshot", () => {
    const tomorrow = { ...userRow, recoveryCodes: ["1111-2222"], apiToken: "tok_secret" };
    const snapshot = auditSnapshot("user", tomorrow);
    expect(Object.keys(snapshot).sort()).toEqual(["disabled", "displayName", "locale", "mustChangePassword", "role", "username"]);
    expect(JSON.stringify(snapshot)).not.toMatch(/argon2|SECRET|tok_secret|1111-2222/);
    expect(auditedNewUser(tomorrow)).toEqual(snapshot);
  });

  it("keeps a family's access code hash and any unknown field out, and keeps what staff changed", () => {
    const snapshot = auditSnapshot("family", { id: "f1", reference: "F-1", phone: "0912345678", accessCodeHash: "hash", accessCodePepper: "new secret" });
    expect(snapshot).toEqual({ id: "f1", reference: "F-1", phone: "0912345678" });
  });
});
