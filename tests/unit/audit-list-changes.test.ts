import { describe, expect, it } from "vitest";
import { presentedChangeText } from "@/lib/audit/change-text";
import { presentAuditValue, presentEntryDetails, presentFieldChanges } from "@/lib/audit/field-presentation";
import ar from "@/lib/i18n/messages/ar";

const PERSON = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const OTHER_PERSON = "9b2f1c1e-0d6a-4e55-8f3b-2a7c4f0e9d11";
const KEY = { id: "0e3c9a5e-7d1f-4b8e-9c2a-1f5d6e7a8b90", kind: "car_key", description: "مفتاح سيارة", material: "metal", colour: "unknown", category: null };
const PHONE = { id: "5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", kind: "phone", description: "", material: null, colour: "black", category: null };

describe("a list in an audit entry, element by element (issue 24, item 2)", () => {
  it("names a body's effect that was added, in words, not as a count", () => {
    const [change] = presentFieldChanges("remains", { effects: [PHONE] }, { effects: [PHONE, KEY] }, "ar") ?? [];
    expect(change?.label).toBe("المقتنيات الشخصية");
    expect(change?.elements).toEqual([{ change: "added", element: { kind: "text", text: `مفتاح سيارة (${ar.Belongings.materials.metal})` } }]);
    // An effect without a description is named by its kind, with its colour.
    expect(presentAuditValue("remains", "effects", [PHONE], "ar")).toEqual({ kind: "list", items: [{ kind: "text", text: `${ar.Forensic.effectKinds.phone} (${ar.Belongings.colours.black})` }] });
  });

  it("names a removed effect, and an effect whose material changed with the change itself", () => {
    const plastic = { ...KEY, material: "plastic" };
    const changes = presentFieldChanges("remains", { effects: [PHONE, KEY] }, { effects: [plastic] }, "ar") ?? [];
    const elements = changes[0]?.elements ?? [];
    expect(elements.map((element) => element.change)).toEqual(["removed", "changed"]);
    const changed = elements[1];
    expect(changed?.change === "changed" && changed.fields).toEqual([
      { field: "material", label: "المادة", before: { kind: "text", text: ar.Belongings.materials.metal }, after: { kind: "text", text: ar.Belongings.materials.plastic } },
    ]);
  });

  it("reads a family member's relationship changed from mother to sibling, with the person it is to", () => {
    const before = { relationships: [{ missingPersonId: PERSON, relationship: "mother", side: null }] };
    const after = { relationships: [{ missingPersonId: PERSON, relationship: "full_sibling", side: null }] };
    const [change] = presentFieldChanges("reference_donor", before, after, "ar") ?? [];
    expect(change?.elements).toEqual([
      {
        change: "changed",
        element: { kind: "parts", parts: [{ kind: "text", text: ar.People.relationships.full_sibling }, { kind: "record", id: PERSON }] },
        fields: [{ field: "relationship", label: "صلة القرابة", before: { kind: "text", text: ar.People.relationships.mother }, after: { kind: "text", text: ar.People.relationships.full_sibling } }],
      },
    ]);
    const text = presentedChangeText(change!, new Map([[PERSON, "TRH-MP-00012"]]), "ar");
    expect(text).toBe(`صلات القرابة: عُدِّل عنصر واحد\n  عُدِّل: ${ar.People.relationships.full_sibling} · TRH-MP-00012 (صلة القرابة: ${ar.People.relationships.mother} ← ${ar.People.relationships.full_sibling})`);
  });

  it("counts each kind of element change with the Arabic plural of its number", () => {
    const ids = (count: number, offset = 0) => Array.from({ length: count }, (_, index) => `TRH-MP-${String(index + offset).padStart(5, "0")}`);
    const counted = (added: number) => {
      const [change] = presentFieldChanges("police_report", { missingPersonIds: [] }, { missingPersonIds: ids(added) }, "ar") ?? [];
      return presentedChangeText(change!, new Map(), "ar").split("\n")[0];
    };
    expect(counted(1)).toBe("المفقودون: أُضيف عنصر واحد");
    expect(counted(2)).toBe("المفقودون: أُضيف عنصران");
    expect(counted(3)).toBe("المفقودون: أُضيفت 3 عناصر");
    expect(counted(11)).toBe("المفقودون: أُضيف 11 عنصراً");
    expect(counted(100)).toBe("المفقودون: أُضيف 100 عنصر");
  });

  it("names ids in a list as records, for the page to link", () => {
    const [change] = presentFieldChanges("police_report", { missingPersonIds: [PERSON] }, { missingPersonIds: [PERSON, OTHER_PERSON] }, "en") ?? [];
    expect(change?.elements).toEqual([{ change: "added", element: { kind: "record", id: OTHER_PERSON } }]);
    expect(presentedChangeText(change!, new Map([[OTHER_PERSON, "TRH-MP-00457"]]), "en")).toBe("Missing persons: one item added\n  Added: TRH-MP-00457");
  });
});

describe("an entry's details as a table in words, not JSON", () => {
  it("lists every field with its label, before and after, and marks the ones that changed", () => {
    const rows = presentEntryDetails("family", { reference: "FAM-1", waitingAddresses: 2, waitUntil: null }, { reference: "FAM-1", waitingAddresses: 0, waitUntil: null }, "ar") ?? [];
    expect(rows.map((row) => [row.label, row.changed])).toEqual([
      ["المرجع", false],
      ["عناوين في الانتظار", true],
      ["الانتظار حتى", false],
    ]);
    expect(rows[1]?.after).toEqual({ kind: "code", text: "0" });
  });

  it("writes a nested object's fields with their labels and translated codes (an export's filters)", () => {
    const value = presentAuditValue("export", "filters", { entity: "missing_person", kind: "read" }, "ar");
    expect(value).toEqual({
      kind: "fields",
      fields: [
        { field: "entity", label: "نوع السجل", value: { kind: "text", text: ar.Audit.entities.missing_person } },
        { field: "kind", label: "النوع", value: expect.objectContaining({ kind: expect.any(String) }) },
      ],
    });
    expect(presentedChangeText({ field: "filters", label: "عوامل التصفية", before: { kind: "none" }, after: value }, new Map(), "ar")).not.toMatch(/[{}]/);
  });

  it("translates the codes an entry carries: a server action's name, a consent level, a handover's disposition", () => {
    expect(presentAuditValue("approval_request", "action", "persons.void", "ar")).toEqual({ kind: "text", text: ar.Approvals.actions.persons.void });
    expect(presentAuditValue("action", "action", "missingPerson.create", "ar")).toEqual({ kind: "text", text: ar.Audit.actions.missingPerson.create });
    expect(presentAuditValue("data_consent", "level", "partners", "ar")).toEqual({ kind: "text", text: ar.OnlineReport.staff.consentLevels.partners });
    expect(presentAuditValue("identification", "disposition", "handed_over", "ar")).toEqual({ kind: "text", text: ar.Aftercare.dispositions.handed_over });
    expect(presentAuditValue("identification", "personStatus", "identified", "ar")).toEqual({ kind: "text", text: ar.People.statuses.identified });
    expect(presentAuditValue("system", "document", "collection receipt", "ar")).toEqual({ kind: "text", text: ar.Audit.documents["collection receipt"] });
    expect(presentAuditValue("field_device", "kind", "remains.create", "ar")).toEqual({ kind: "text", text: ar.Audit.actions.remains.create });
    expect(presentAuditValue("field_device", "status", "applied", "ar")).toEqual({ kind: "text", text: ar.Field.states.applied });
    expect(presentAuditValue("field_device", "message", "Actions.invalid", "ar")).toEqual({ kind: "text", text: ar.Actions.invalid });
    expect(presentAuditValue("allele_frequency_tables", "status", "active", "ar")).toEqual({ kind: "text", text: "معتمد" });
  });
});
