import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { addReferenceDonor, createFamily } from "@/app/[locale]/staff/families/actions";
import { createMissingPerson, mergeDuplicatePersons } from "@/app/[locale]/staff/persons/actions";
import { createPoliceReport } from "@/app/[locale]/staff/reports/actions";
import { collectSample } from "@/app/[locale]/staff/samples/actions";
import { donorRelationships, dnaSamples, missingPersons, policeReportPersons } from "@/db/schema";
import { findDuplicateCandidates } from "@/lib/people/duplicates";
import { resolveCaseNumber } from "@/lib/people/person-queries";
import { listPossibleDuplicates } from "@/lib/people/possible-duplicates";
import { searchMissingPersons } from "@/lib/people/search";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { familyInput, missingPersonInput, sampleInput, unwrap } from "./support/people";
import { readAs } from "./support/read-access";
import { relaxSecondPersonControl } from "./support/approval-policy";


const backends = await testBackends();

describeOnEachBackend(backends, "finding people, their duplicates, and merging them", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    await relaxSecondPersonControl(db());
    signInAs(await createUserRow(db(), "registrar"));
  });

  it("finds a person by a partial or misspelt Arabic name, ranking the closest first", async () => {
    const person = unwrap(
      await createMissingPerson(missingPersonInput({ givenName: "مصطفى", fatherName: "إبراهيم", grandfatherName: "عائشة", familyName: "البرغوثي" })),
    );
    unwrap(await createMissingPerson(missingPersonInput({ givenName: "يوسف", fatherName: "إبراهيم", grandfatherName: "عائشة", familyName: "البرغوثي" })));
    const [exactVariant] = await searchMissingPersons(db(), "مصطفي ابراهيم عايشه البرغوثى");
    expect(exactVariant).toMatchObject({ id: person.missingPersonId, matchedBy: "name" });
    const partial = await searchMissingPersons(db(), "مصطفى البرغوتي");
    expect(partial[0]?.id).toBe(person.missingPersonId);
  });

  it("still finds a badly misspelt name, and ranks a close likeness above it however short the page", async () => {
    const misspelt = unwrap(
      await createMissingPerson(missingPersonInput({ givenName: "سالم", fatherName: "مفتاح", grandfatherName: "", familyName: "الصنوبري" })),
    );
    const close = unwrap(
      await createMissingPerson(missingPersonInput({ givenName: "سليم", fatherName: "مفتح", grandfatherName: "", familyName: "الصنبري" })),
    );
    const [onlyFirst, ...none] = await searchMissingPersons(db(), "سليم مفتح الصنبري", 1);
    expect(onlyFirst?.id).toBe(close.missingPersonId);
    expect(none).toEqual([]);
    const found = (await searchMissingPersons(db(), "سليم مفتح الصنبري")).map((person) => person.id);
    expect(found.slice(0, 2)).toEqual([close.missingPersonId, misspelt.missingPersonId]);
  });

  it("fills the page below the closest name with people who share only the family name", async () => {
    const sought = unwrap(
      await createMissingPerson(missingPersonInput({ givenName: "مسعود", fatherName: "رجب", grandfatherName: "", familyName: "الزعفراني" })),
    );
    const relatives = [];
    for (const [givenName, fatherName] of [["خالد", "عمر"], ["يوسف", "علي"]] as const) {
      relatives.push(unwrap(await createMissingPerson(missingPersonInput({ givenName, fatherName, grandfatherName: "", familyName: "الزعفراني" }))));
    }
    const page = await searchMissingPersons(db(), "مسعود رجب الزعفرانى", 3);
    expect(page[0]?.id).toBe(sought.missingPersonId);
    expect(new Set(page.slice(1).map((person) => person.id))).toEqual(new Set(relatives.map((relative) => relative.missingPersonId)));
    expect(page[0]?.score).toBeGreaterThan(page[1]?.score ?? 1);
  });

  it("finds a person by Latin name, case number, family reference and report number", async () => {
    const family = familyInput();
    const { familyId } = unwrap(await createFamily(family));
    const person = unwrap(await createMissingPerson(missingPersonInput({ familyId, nameLatin: "Mustafa Ibrahim Al-Zintani" })));
    const reportNumber = `4815/${Date.now()}`;
    unwrap(
      await createPoliceReport({
        station: "مركز شرطة ترهونة", reportNumber, filedOn: "2020-06-10", reporterName: "سالم", reporterRelationship: "",
        category: "disappearance", narrative: "", missingPersonIds: [person.missingPersonId], newPersons: [],
      }),
    );
    for (const query of ["mustafa zintany", person.caseNumber, person.caseNumber.toLowerCase(), family.reference, reportNumber]) {
      const [first] = await searchMissingPersons(db(), query);
      expect(first?.id, query).toBe(person.missingPersonId);
    }
  });

  it("offers spelling variants of a name as duplicates, but not a different person", async () => {
    const familyName = missingPersonInput().familyName;
    unwrap(await createMissingPerson(missingPersonInput({ givenName: "عبد الله", fatherName: "مصطفى", familyName, birthYear: "1985" })));
    const variant = { givenName: "عبدالله", fatherName: "مصطفي", grandfatherName: "على", familyName, nameLatin: "" };
    expect(await findDuplicateCandidates(db(), { ...variant, birthYear: 1986 })).toHaveLength(1);
    expect(await findDuplicateCandidates(db(), { ...variant, birthYear: null })).toHaveLength(1);
    expect(await findDuplicateCandidates(db(), { ...variant, birthYear: 1995 })).toEqual([]);
    expect(await findDuplicateCandidates(db(), { ...variant, fatherName: "سالم", birthYear: 1985 })).toEqual([]);
    expect(await findDuplicateCandidates(db(), { ...variant, givenName: "خالد", birthYear: 1985 })).toEqual([]);
  });

  it("asks before registering a likely duplicate, and registers once the registrar has looked", async () => {
    const input = missingPersonInput({ givenName: "زكريا", fatherName: "منصور", grandfatherName: "عمران", duplicatesReviewed: false });
    unwrap(await createMissingPerson(input));
    const variant = { ...input, givenName: "زكرياء", grandfatherName: "عمرآن" };
    expect(await createMissingPerson(variant)).toMatchObject({ ok: false, error: "refused", message: "People.duplicatesFound" });
    unwrap(await createMissingPerson({ ...variant, duplicatesReviewed: true }));
    const pairs = await listPossibleDuplicates(db());
    expect(pairs.some((pair) => pair.first.fullName.endsWith(normalisedTail(input.familyName)))).toBe(true);
  });

  it("lists as possible duplicates a pair spelt differently with the grandfather left out, but not brothers or retired records", async () => {
    const person = (givenName: string, fatherName: string, grandfatherName: string, familyName: string) =>
      createMissingPerson(missingPersonInput({ givenName, fatherName, grandfatherName, familyName })).then(unwrap);
    // Hamza seat, "ة"/"ه", "ى"/"ي" and "الامحمدي"/"المحمدي": the same keys, though the whole names are only 0.58 alike by trigram.
    const written = await person("عائشة", "علي", "", "الامحمدي");
    const respelt = await person("عايشه", "علي", "مفتاح", "المحمدى");
    const brothers = [await person("حسن", "سالم", "مفتاح", "الامحمدي"), await person("حسين", "سالم", "مفتاح", "الامحمدي")];
    const voided = await person("عائشة", "علي", "مفتاح", "الامحمدي");
    await db().update(missingPersons).set({ voidedAt: new Date(), voidReason: "خطأ" }).where(eq(missingPersons.id, voided.missingPersonId));
    const merged = await person("عائشه", "على", "مفتاح", "المحمدي");
    unwrap(await mergeDuplicatePersons({ survivorId: respelt.missingPersonId, mergedId: merged.missingPersonId, survivorVersion: 1, mergedVersion: 1 }));

    const pairs = (await listPossibleDuplicates(db())).map((pair) => [pair.first.id, pair.second.id].sort().join(" "));
    expect(pairs).toContain([written.missingPersonId, respelt.missingPersonId].sort().join(" "));
    expect(pairs).not.toContain(brothers.map((brother) => brother.missingPersonId).sort().join(" "));
    const retired = [voided.missingPersonId, merged.missingPersonId];
    expect(pairs.filter((pair) => retired.some((id) => pair.includes(id)))).toEqual([]);
  });

  it("merges a duplicate: reports, donors and samples move, and the old case number still resolves", async () => {
    const { familyId } = unwrap(await createFamily(familyInput()));
    const survivor = unwrap(await createMissingPerson(missingPersonInput({ familyId })));
    const duplicate = unwrap(await createMissingPerson(missingPersonInput({ familyId, givenName: "احمد" })));
    const report = unwrap(
      await createPoliceReport({
        station: "مركز شرطة ترهونة", reportNumber: `9/${Date.now()}`, filedOn: "2020-06-10", reporterName: "سالم",
        reporterRelationship: "", category: "killing", narrative: "", missingPersonIds: [duplicate.missingPersonId], newPersons: [],
      }),
    );
    const { donorId } = unwrap(
      await addReferenceDonor({
        familyId, givenName: "فاطمة", fatherName: "", grandfatherName: "", familyName: "", nameLatin: "", sex: "female", phone: "",
        relationships: [{ missingPersonId: duplicate.missingPersonId, relationship: "mother" }],
      }),
    );
    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));

    unwrap(await mergeDuplicatePersons({ survivorId: survivor.missingPersonId, mergedId: duplicate.missingPersonId, survivorVersion: 1, mergedVersion: 1 }));

    expect(await db().select().from(policeReportPersons).where(eq(policeReportPersons.reportId, report.reportId))).toEqual([
      { reportId: report.reportId, missingPersonId: survivor.missingPersonId },
    ]);
    expect(await db().select().from(donorRelationships).where(eq(donorRelationships.donorId, donorId))).toMatchObject([
      { missingPersonId: survivor.missingPersonId, relationship: "mother" },
    ]);
    const [sample] = await db().select().from(dnaSamples).where(eq(dnaSamples.id, sampleId));
    expect(sample?.donorId).toBe(donorId);
    const [merged] = await db().select().from(missingPersons).where(eq(missingPersons.id, duplicate.missingPersonId));
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: survivor.missingPersonId });
    expect(await resolveCaseNumber(readAs("registrar", "people.read"), db(), duplicate.caseNumber)).toBe(survivor.missingPersonId);
    const [found] = await searchMissingPersons(db(), duplicate.caseNumber);
    expect(found?.id).toBe(survivor.missingPersonId);
    const [entry] = await auditEntriesFor(db(), "missing_person", survivor.missingPersonId).then((rows) => rows.filter((row) => row.action === "missingPerson.merge"));
    expect(entry?.before).toMatchObject({ survivor: { caseNumber: survivor.caseNumber }, merged: { caseNumber: duplicate.caseNumber } });
  });

  it("refuses a merge from a stale version, and a second merge of the same record", async () => {
    const survivor = unwrap(await createMissingPerson(missingPersonInput()));
    const duplicate = unwrap(await createMissingPerson(missingPersonInput()));
    const input = { survivorId: survivor.missingPersonId, mergedId: duplicate.missingPersonId, survivorVersion: 1, mergedVersion: 7 };
    expect(await mergeDuplicatePersons(input)).toMatchObject({ ok: false, error: "conflict" });
    unwrap(await mergeDuplicatePersons({ ...input, mergedVersion: 1 }));
    expect(await mergeDuplicatePersons({ ...input, mergedVersion: 2, survivorVersion: 2 })).toMatchObject({ ok: false, message: "People.mergedRecord" });
  });
});

function normalisedTail(familyName: string): string {
  return familyName.slice(-4);
}
