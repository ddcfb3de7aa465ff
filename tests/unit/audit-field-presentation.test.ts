import { describe, expect, it } from "vitest";
import { auditFieldLabel, presentAuditValue, presentFieldChanges } from "@/lib/audit/field-presentation";
import { AUDITED_COLUMNS } from "@/lib/audit/snapshot";
import ar from "@/lib/i18n/messages/ar";
import en from "@/lib/i18n/messages/en";

describe("audit changes as a person reads them (issue 24, item 2)", () => {
  it("labels every column an audit snapshot keeps, in Arabic and in English", () => {
    const columns = [...new Set(Object.values(AUDITED_COLUMNS).flat())] as string[];
    expect(columns.filter((column) => !(column in ar.Audit.fields)), "missing in Arabic").toEqual([]);
    expect(columns.filter((column) => !(column in en.Audit.fields)), "missing in English").toEqual([]);
    expect(auditFieldLabel("createdAt", "ar")).toBe("وقت الإنشاء");
    expect(auditFieldLabel("proposedBy", "en")).toBe("Proposed by");
  });

  it("writes a site's status in words, not its code", () => {
    const [change] = presentFieldChanges("grave_site", { status: "surveyed", version: 1 }, { status: "excavating", version: 1 }, "ar") ?? [];
    expect(change).toEqual({ field: "status", label: "الحالة", before: { kind: "text", text: ar.SiteStatus.surveyed }, after: { kind: "text", text: ar.SiteStatus.excavating } });
    expect(presentAuditValue("grave_site", "status", "surveyed", "en")).toEqual({ kind: "text", text: "Surveyed" });
  });

  it("reads one field name per record type: a person's status and an identification's are different words", () => {
    expect(presentAuditValue("missing_person", "status", "missing", "ar")).toEqual({ kind: "text", text: ar.People.statuses.missing });
    expect(presentAuditValue("identification", "status", "proposed", "ar")).toEqual({ kind: "text", text: ar.Identifications.statuses.proposed });
    expect(presentAuditValue("police_report", "category", "killing", "ar")).toEqual({ kind: "text", text: ar.People.categories.killing });
    expect(presentAuditValue("missing_person", "sex", "male", "ar")).toEqual({ kind: "text", text: ar.People.sexes.male });
  });

  it("leaves ids for the page to name and link, and writes days, yes/no and lists in words", () => {
    expect(presentAuditValue("identification", "proposedBy", "3F2504E0-4F89-41D3-9A0C-0305E82C3301", "ar")).toEqual({ kind: "record", id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301" });
    expect(presentAuditValue("remains", "recoveredOn", "2024-03-21", "en")).toEqual({ kind: "text", text: "21 March 2024" });
    expect(presentAuditValue("grave_site", "isPublic", true, "ar")).toEqual({ kind: "text", text: "نعم" });
    expect(presentAuditValue("remains", "effects", [], "ar")).toEqual({ kind: "text", text: "لا عناصر" });
    expect(presentAuditValue("remains", "effects", [], "en")).toEqual({ kind: "text", text: "no items" });
    expect(presentAuditValue("remains", "notes", "", "ar")).toEqual({ kind: "none" });
    expect(presentAuditValue("remains", "ageMin", 25, "ar")).toEqual({ kind: "code", text: "25" });
  });

  it("lists only the fields that changed, and none for values that are not records", () => {
    const changes = presentFieldChanges("remains", { code: "A", notes: "x" }, { code: "A", notes: "y" }, "en");
    expect(changes?.map((change) => change.label)).toEqual(["Notes"]);
    expect(presentFieldChanges("remains", "text", null, "en")).toBeNull();
  });
});
