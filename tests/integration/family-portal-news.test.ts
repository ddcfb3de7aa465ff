import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { families, identifications, missingPersons } from "@/db/schema";
import { getFamilyPortalStatus, identifiedCount } from "@/lib/family-portal/status";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser, proposeIdentification, uniqueSuffix } from "./support/factories";

const backends = await testBackends();

describeOnEachBackend(backends, "what the family portal tells a family of an identification", (database) => {
  const db = () => database().db;

  async function familyOf(people: { givenName: string; birthYear: number; lastSeenOn: string }[]) {
    const [family] = await db().insert(families).values({ reference: `TST-F-${uniqueSuffix().toUpperCase()}`, contactName: "جهة اتصال" }).returning();
    if (!family) throw new Error("no family");
    const suffix = uniqueSuffix().toUpperCase();
    const persons = await db()
      .insert(missingPersons)
      .values(people.map((person, index) => ({ ...person, caseNumber: `TST-MP-${suffix}-${index}`, familyId: family.id, fatherName: "محمد", familyName: "الترهوني", nameSearch: person.givenName })))
      .returning();
    return { family, persons: persons.sort((first, second) => (first.caseNumber < second.caseNumber ? -1 : 1)) };
  }

  async function identify(missingPersonId: string, values: Partial<typeof identifications.$inferInsert>) {
    const [proposer, confirmer] = [await createUser(db(), "forensic"), await createUser(db(), "forensic")];
    const remains = await createRemains(db());
    const identification = await proposeIdentification(db(), { remainsId: remains.id, missingPersonId, proposedBy: proposer.id });
    await db().update(identifications).set({ confirmedBy: confirmer.id, confirmedAt: new Date(), ...values }).where(eq(identifications.id, identification.id));
  }

  it("counts only relatives whose family was told in person, tells same-named relatives apart, and shows no other family", async () => {
    const { family, persons } = await familyOf([
      { givenName: "علي", birthYear: 1980, lastSeenOn: "2020-03-01" },
      { givenName: "علي", birthYear: 2001, lastSeenOn: "2020-05-14" },
      { givenName: "سالم", birthYear: 1975, lastSeenOn: "2020-04-02" },
    ]);
    const [firstAli, secondAli, salem] = persons;
    if (!firstAli || !secondAli || !salem) throw new Error("missing persons not created");
    const other = await familyOf([{ givenName: "علي", birthYear: 1980, lastSeenOn: "2020-03-01" }]);
    await identify(other.persons[0]?.id ?? "", { status: "family_notified", notifiedOn: "2024-02-01" });

    await identify(firstAli.id, { status: "confirmed" });
    let shown = await getFamilyPortalStatus(db(), family.id);
    expect(shown.map((person) => person.outcome)).toEqual(["news", "none", "none"]);
    expect(identifiedCount(shown)).toBe(0);

    await identify(salem.id, { status: "family_notified", notifiedOn: "2024-03-01" });
    shown = await getFamilyPortalStatus(db(), family.id);
    expect(shown.map((person) => person.outcome)).toEqual(["news", "none", "informed"]);
    expect(identifiedCount(shown)).toBe(1);
    expect(shown.map((person) => [person.sharesNameWithAnother, person.birthYear, person.lastSeenOn])).toEqual([
      [true, 1980, "2020-03-01"],
      [true, 2001, "2020-05-14"],
      [false, 1975, "2020-04-02"],
    ]);
    expect(shown.map((person) => person.caseNumber)).not.toContain(other.persons[0]?.caseNumber);
  });
});
