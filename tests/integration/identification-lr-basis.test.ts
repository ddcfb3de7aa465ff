import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, expect, it } from "vitest";
import { proposeIdentification } from "@/app/[locale]/staff/identifications/actions";
import { dnaSamples, identifications, strProfiles } from "@/db/schema";
import { generateDossier } from "@/lib/dossier/generate";
import { authoriseRead } from "@/lib/auth/read-access";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createProfiledReference, createRemains, createUser, uniqueSuffix } from "./support/factories";
import { loadApprovedFrequencyTable } from "./support/frequency-tables";
import { unwrap } from "./support/people";
import { sessionOf } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "every likelihood ratio states how it was computed (#21)", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  it("keeps θ, the mutation model and rate, the frequency table and the relatives with the identification, and prints them in the dossier", async () => {
    const table = await loadApprovedFrequencyTable(db());
    const [body, person] = await Promise.all([createRemains(db()), createMissingPerson(db())]);
    await createProfiledReference(db(), person.id);
    const [sample] = await db()
      .insert(dnaSamples)
      .values({ barcode: `TST-DNA-B-${uniqueSuffix()}`, kind: "remains", remainsId: body.id, collectedOn: "2022-03-01", collectedByName: "مختبر", labStatus: "profiled" })
      .returning();
    if (!sample) expect.fail("no sample");
    await db().insert(strProfiles).values({ sampleId: sample.id, locus: "TH01", allele1: "6", allele2: "7" });
    signInAs(await createUser(db(), "forensic"));
    const { identificationId } = unwrap(
      await proposeIdentification({
        remainsCode: body.code,
        missingPersonId: person.id,
        basis: ["dna"],
        likelihoodRatio: "2",
        locale: "en",
        evidenceSummary: "Consistent with the mother at TH01.",
        acknowledgeMismatch: false,
        dnaProfileOverride: false,
        dnaOverrideReason: "",
      }),
    );
    const [row] = await db().select().from(identifications).where(eq(identifications.id, identificationId));
    expect(row?.lrBasis).toMatchObject({
      theta: 0.02,
      mutation: { model: "proportional", rate: 0.002 },
      frequencyTable: { id: table.tableId, sha256: table.sha256 },
      relatives: [{ relationship: "mother", side: null, sideAssumed: false }],
      lociCompared: 1,
      familyProblem: null,
    });
    // A mother 6/9.3 and a body 6/7: ½·p₇ / (2·p₆·p₇) = 1 / (4·p₆) = 1 at θ = 0, a little less at θ = 0.02.
    expect(row?.lrBasis?.log10Lr).toBeCloseTo(0, 1);
    expect(row?.lrBasis?.log10Lr).toBeLessThan(0);

    const access = authoriseRead(sessionOf("forensic", (await createUser(db(), "forensic")).id), "personalData.export");
    const pdf = await generateDossier(access, db(), {}, "identification", identificationId);
    if (!pdf) expect.fail("no dossier");
    const compact = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(/\s+/g, "");
    for (const stated of ["theta=0.02", "mu=0.002", "proportional"]) expect(compact).toContain(stated);
    expect(compact).toContain("Relativesused");
    expect(compact).toMatch(/Relativesused\S*Mother/);
    expect(compact).toContain(table.sha256);
  });
});
