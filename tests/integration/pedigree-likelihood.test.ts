import "./support/mock-action-request";
import { beforeEach, expect, it } from "vitest";
import { addReferenceDonor, createFamily } from "@/app/[locale]/staff/families/actions";
import { addPersonToPedigree, createPedigree, updatePedigreePerson } from "@/app/[locale]/staff/families/[familyId]/pedigree/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { collectSample } from "@/app/[locale]/staff/samples/actions";
import { dnaSamples, strProfiles } from "@/db/schema";
import { pairLikelihoodRatioBasis } from "@/lib/dna-profiles/pair-basis";
import { runKinshipScreen, screenSettingsSchema } from "@/lib/dna-profiles/screening";
import { parseFrequencyCsv } from "@/lib/kinship/csv";
import { pedigreeLikelihoodRatio } from "@/lib/kinship/pedigree";
import { readPedigreeView } from "@/lib/pedigrees/pedigree-view";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser as createUserRow, uniqueSuffix } from "./support/factories";
import { FREQUENCY_CSV, loadApprovedFrequencyTable } from "./support/frequency-tables";
import { familyInput, missingPersonInput, motherDonorInput, sampleInput, unwrap } from "./support/people";
import { readAs } from "./support/read-access";

const backends = await testBackends();

type Profile = Record<string, [string, string]>;

/**
 * The missing man (TH01 6/7, D3S1358 15/16), his typed wife (9.3/9.3, 15/15) and her son (6/9.3,
 * 15/16), and a daughter by his second wife, who gave no sample (7/7, 16/16). Placed by the labels
 * both children are the first wife's, and the daughter cannot be: the labels exclude the true man.
 */
const MAN: Profile = { TH01: ["6", "7"], D3S1358: ["15", "16"] };
const WIFE: Profile = { TH01: ["9.3", "9.3"], D3S1358: ["15", "15"] };
const SON: Profile = { TH01: ["6", "9.3"], D3S1358: ["15", "16"] };
const DAUGHTER: Profile = { TH01: ["7", "7"], D3S1358: ["16", "16"] };

describeOnEachBackend(backends, "likelihood ratios in a family's explicit pedigree (#21)", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
  });

  async function typedDonor(familyId: string, missingPersonId: string, givenName: string, sex: "male" | "female", relationship: "spouse" | "child", profile: Profile) {
    const { donorId } = unwrap(await addReferenceDonor(motherDonorInput(familyId, missingPersonId, { givenName, sex, relationships: [{ missingPersonId, relationship }] })));
    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
    await db().insert(strProfiles).values(Object.entries(profile).map(([locus, [allele1, allele2]]) => ({ sampleId, locus, allele1, allele2 })));
    return donorId;
  }

  it("gives on the screen and the identification form the engine's exact LR for children by two wives, one wife typed, and names every relative used", async () => {
    const { familyId } = unwrap(await createFamily(familyInput()));
    const { missingPersonId } = unwrap(await createMissingPerson(missingPersonInput({ familyId, sex: "male" })));
    const wife = await typedDonor(familyId, missingPersonId, "فاطمة", "female", "spouse", WIFE);
    const son = await typedDonor(familyId, missingPersonId, "عمر", "male", "child", SON);
    const daughter = await typedDonor(familyId, missingPersonId, "مريم", "female", "child", DAUGHTER);
    const body = await createRemains(db());
    const [sample] = await db()
      .insert(dnaSamples)
      .values({ barcode: `TST-DNA-B-${uniqueSuffix()}`, kind: "remains", remainsId: body.id, collectedOn: "2022-03-01", collectedByName: "مختبر", labStatus: "profiled" })
      .returning();
    if (!sample) expect.fail("no sample");
    await db().insert(strProfiles).values(Object.entries(MAN).map(([locus, [allele1, allele2]]) => ({ sampleId: sample.id, locus, allele1, allele2 })));
    await loadApprovedFrequencyTable(db());
    const settings = { theta: 0.02, mutationRate: 0.002 };
    const byLabels = await pairLikelihoodRatioBasis(db(), body.id, missingPersonId, settings);

    signInAs(await createUserRow(db(), "registrar"));
    const { version } = unwrap(await createPedigree({ familyId }));
    const { personId: secondWife } = unwrap(await addPersonToPedigree({ kind: "untyped", familyId, version, label: "الزوجة الثانية", sex: "female" }));
    const view = await readPedigreeView(readAs("registrar", "people.read"), db(), familyId);
    const idOf = (name: string) => view?.persons.find((person) => person.name.startsWith(name))?.id ?? "";
    const man = view?.persons.find((person) => person.kind === "missing")?.id ?? "";
    unwrap(await updatePedigreePerson({ familyId, version: version + 1, personId: idOf("مريم"), fatherId: man, motherId: secondWife, sex: "female", label: "" }));

    // The engine's exact LR for the pedigree as drawn, computed here directly.
    const frequencies: Record<string, Record<string, number>> = {};
    for (const row of parseFrequencyCsv(FREQUENCY_CSV).rows) frequencies[row.locus] = { ...frequencies[row.locus], [row.allele]: row.frequency };
    const exact = pedigreeLikelihoodRatio(
      {
        persons: [
          { id: "man", sex: "male" },
          { id: "wife", sex: "female" },
          { id: "second wife", sex: "female" },
          { id: "son", sex: "male", father: "man", mother: "wife" },
          { id: "daughter", sex: "female", father: "man", mother: "second wife" },
        ],
        missing: "man",
        profiles: { man: MAN, wife: WIFE, son: SON, daughter: DAUGHTER },
      },
      frequencies,
      { theta: 0.02, mutation: { model: "proportional", femaleRate: 0.002, maleRate: 0.002 }, minFrequency: 0.002 },
    );
    expect(exact.lr).toBeGreaterThan(1);
    // Placed by the labels the daughter contradicts her "mother": far weaker than the truth.
    expect(byLabels?.log10Lr ?? -Infinity).toBeLessThan(exact.log10Lr - 2);

    const basis = await pairLikelihoodRatioBasis(db(), body.id, missingPersonId, settings);
    expect(basis).toMatchObject({ placedBy: "pedigree", familyProblem: null, lociCompared: 2 });
    expect(basis?.log10Lr).toBeCloseTo(exact.log10Lr, 9);
    expect(basis?.relatives.map((relative) => relative.donorId).sort()).toEqual([wife, son, daughter].sort());

    const outcome = await runKinshipScreen(readAs("forensic", "dnaProfiles.use"), db(), screenSettingsSchema.parse({}));
    if (outcome.status !== "done") expect.fail("the screen did not run");
    const row = outcome.rows.find((entry) => entry.remainsId === body.id);
    expect(row?.best.map((person) => person.id)).toEqual([missingPersonId]);
    expect(row?.log10Lr).toBeCloseTo(exact.log10Lr, 9);
    expect(row?.relativesUsed).toHaveLength(3);
  });
});
