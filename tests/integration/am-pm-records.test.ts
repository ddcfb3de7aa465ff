import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { saveAntemortem } from "@/app/[locale]/staff/persons/actions";
import { savePostmortem } from "@/app/[locale]/staff/remains/actions";
import { antemortemRecords, donorRelationships, missingPersons, postmortemRecords, remains } from "@/db/schema";
import { getAntemortemRecord, nonDnaLeadsForPerson, nonDnaLeadsForRemains } from "@/lib/am-pm/queries";
import type { AntemortemValues, PostmortemValues } from "@/lib/am-pm/schemas";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createDonor, createMissingPerson, createRemains, createUser } from "./support/factories";
import { unwrap } from "./support/people";
import { readAs } from "./support/read-access";

const backends = await testBackends();

const greenJacket = { category: "outerwear", colour: "green", material: "synthetic", description: "Green windbreaker, zip broken" } as const;
const tattoo = { type: "tattoo", region: "right_arm", description: "A falcon" } as const;

function antemortemInput(personId: string, overrides: Partial<AntemortemValues> = {}): AntemortemValues {
  return {
    personId,
    version: null,
    ageAtDisappearance: 31,
    heightMinCm: 172,
    heightMaxCm: 176,
    build: "medium",
    hair: "Black, short",
    eyeColour: "brown",
    marks: [tattoo],
    teeth: [{ tooth: 36, condition: "crowned" }],
    dentalNotes: "",
    medical: [],
    belongings: [greenJacket],
    notes: "",
    informantDonorId: null,
    informantName: "His brother Salem",
    informedOn: "2021-03-02",
    ...overrides,
  };
}

function postmortemInput(remainsId: string, overrides: Partial<PostmortemValues> = {}): PostmortemValues {
  return { remainsId, version: null, statureMinCm: 170, statureMaxCm: 178, marks: [tattoo], teeth: [{ tooth: 36, condition: "crowned" }], dentalNotes: "", medical: [], belongings: [greenJacket], notes: "", ...overrides };
}

describeOnEachBackend(backends, "antemortem and postmortem records and the non-DNA leads", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
  });

  async function person(sex: "male" | "female" = "male") {
    const created = await createMissingPerson(db());
    await db().update(missingPersons).set({ sex }).where(eq(missingPersons.id, created.id));
    return created;
  }

  async function body(sex: "male" | "female" = "male") {
    const created = await createRemains(db());
    await db().update(remains).set({ estimatedSex: sex, ageMin: 25, ageMax: 40 }).where(eq(remains.id, created.id));
    return created;
  }

  describe("antemortem records", () => {
    it("lets a registrar record what the family remembers, audited, and read back by a viewer", async () => {
      const registrar = signInAs(await createUser(db(), "registrar"));
      const missing = await person();
      unwrap(await saveAntemortem(antemortemInput(missing.id)));
      const record = await getAntemortemRecord(readAs("viewer", "people.read"), db(), missing.id);
      expect(record).toMatchObject({ heightMinCm: 172, belongings: [greenJacket], informantName: "His brother Salem", version: 1 });
      expect(await auditEntriesFor(db(), "antemortem_record", record!.id)).toMatchObject([
        { action: "antemortem.create", actorId: registrar.userId, after: { missingPersonId: missing.id, marks: [tattoo] } },
      ]);
    });

    it("changes nothing and writes no audit entry when a field is invalid", async () => {
      signInAs(await createUser(db(), "registrar"));
      const missing = await person();
      const lastBefore = await lastAuditEntryId(db());
      const result = await saveAntemortem(antemortemInput(missing.id, { heightMinCm: 180, heightMaxCm: 170, informantName: "", teeth: [{ tooth: 19, condition: "filled" }] }));
      expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { heightMaxCm: "AmPm.rangeOrder", informantName: "AmPm.informantRequired", "teeth.0.tooth": "AmPm.toothNumber" } });
      expect(await db().select().from(antemortemRecords).where(eq(antemortemRecords.missingPersonId, missing.id))).toEqual([]);
      expect(await auditEntriesAfter(db(), lastBefore)).toEqual([]);
    });

    it("takes as informant only a reference donor for this person", async () => {
      signInAs(await createUser(db(), "registrar"));
      const missing = await person();
      const stranger = await createDonor(db());
      expect(await saveAntemortem(antemortemInput(missing.id, { informantDonorId: stranger.id, informantName: "" }))).toMatchObject({
        ok: false,
        fieldErrors: { informantDonorId: "AmPm.informantNotRelative" },
      });
      await db().insert(donorRelationships).values({ donorId: stranger.id, missingPersonId: missing.id, relationship: "mother" });
      unwrap(await saveAntemortem(antemortemInput(missing.id, { informantDonorId: stranger.id, informantName: "" })));
      expect(await getAntemortemRecord(readAs("registrar", "people.read"), db(), missing.id)).toMatchObject({ informantDonorId: stranger.id, informantDonorName: "عائشة" });
    });

    it("edits with the version it was loaded with, and refuses a stale save saying who saved first", async () => {
      signInAs(await createUser(db(), "registrar"));
      const missing = await person();
      unwrap(await saveAntemortem(antemortemInput(missing.id)));
      unwrap(await saveAntemortem(antemortemInput(missing.id, { version: 1, hair: "Grey" })));
      const stale = await saveAntemortem(antemortemInput(missing.id, { version: 1, hair: "Brown" }));
      expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { changedBy: expect.stringContaining("registrar") } });
      // A second "new record" save over an existing one is a conflict too, never an overwrite.
      expect(await saveAntemortem(antemortemInput(missing.id, { hair: "Red" }))).toMatchObject({ ok: false, error: "conflict" });
      expect(await getAntemortemRecord(readAs("registrar", "people.read"), db(), missing.id)).toMatchObject({ hair: "Grey", version: 2 });
    });

    it("is refused to forensic staff and viewers, who may only read it", async () => {
      const missing = await person();
      for (const role of ["forensic", "viewer"] as const) {
        signInAs(await createUser(db(), role));
        expect(await saveAntemortem(antemortemInput(missing.id))).toMatchObject({ ok: false, error: "forbidden" });
      }
      expect(await db().select().from(antemortemRecords).where(eq(antemortemRecords.missingPersonId, missing.id))).toEqual([]);
    });
  });

  describe("postmortem records and the comparison", () => {
    it("is refused to registrars and viewers, and saved by forensic staff with an audit entry", async () => {
      const found = await body();
      for (const role of ["registrar", "viewer"] as const) {
        signInAs(await createUser(db(), role));
        expect(await savePostmortem(postmortemInput(found.id))).toMatchObject({ ok: false, error: "forbidden" });
      }
      const forensic = signInAs(await createUser(db(), "forensic"));
      unwrap(await savePostmortem(postmortemInput(found.id)));
      const [record] = await db().select().from(postmortemRecords).where(eq(postmortemRecords.remainsId, found.id));
      expect(await auditEntriesFor(db(), "postmortem_record", record!.id)).toMatchObject([{ action: "postmortem.create", actorId: forensic.userId }]);
    });

    it("changes nothing when the stature range is reversed", async () => {
      signInAs(await createUser(db(), "forensic"));
      const found = await body();
      const lastBefore = await lastAuditEntryId(db());
      expect(await savePostmortem(postmortemInput(found.id, { statureMinCm: 180, statureMaxCm: 170 }))).toMatchObject({ ok: false, fieldErrors: { statureMaxCm: "AmPm.rangeOrder" } });
      expect(await db().select().from(postmortemRecords).where(eq(postmortemRecords.remainsId, found.id))).toEqual([]);
      expect(await auditEntriesAfter(db(), lastBefore)).toEqual([]);
    });

    it("ranks the person whose AM record agrees first for the body, with its reasons, and excludes a woman", async () => {
      signInAs(await createUser(db(), "registrar"));
      const [matching, partly, woman] = [await person(), await person(), await person("female")];
      // A scar only this pair shares, so other tests' bodies cannot tie with this one.
      const scar = { type: "scar", region: "left_hand", description: "" } as const;
      unwrap(await saveAntemortem(antemortemInput(matching.id, { marks: [tattoo, scar] })));
      unwrap(await saveAntemortem(antemortemInput(partly.id, { marks: [], teeth: [] })));
      unwrap(await saveAntemortem(antemortemInput(woman.id)));
      signInAs(await createUser(db(), "forensic"));
      const found = await body();
      unwrap(await savePostmortem(postmortemInput(found.id, { marks: [tattoo, scar] })));

      const forBody = await nonDnaLeadsForRemains(readAs("viewer", "people.read"), db(), found.id);
      const ids = forBody!.leads.map((lead) => lead.subject.id);
      expect(ids.indexOf(matching.id)).toBeLessThan(ids.indexOf(partly.id));
      expect(ids).not.toContain(woman.id);
      expect(forBody!.leads.find((lead) => lead.subject.id === matching.id)!.reasons.map((reason) => reason.kind)).toEqual([
        "sexMatch",
        "ageConsistent",
        "statureConsistent",
        "belongingMatch",
        "markMatch",
        "markMatch",
        "toothMatch",
      ]);

      const forPerson = await nonDnaLeadsForPerson(readAs("registrar", "forensic.read"), db(), matching.id);
      expect(forPerson!.leads[0]?.subject).toEqual({ id: found.id, code: found.code });
      expect(await nonDnaLeadsForPerson(readAs("registrar", "forensic.read"), db(), (await person()).id)).toBeNull();
    });
  });
});
