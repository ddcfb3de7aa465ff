import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, expect, it } from "vitest";
import { proposeIdentification } from "@/app/[locale]/staff/identifications/actions";
import { identifications } from "@/db/schema";
import { generateDossier } from "@/lib/dossier/generate";
import type { ProposeIdentificationValues } from "@/lib/identifications/schemas";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createProfiledReference, createRemains, createUser } from "./support/factories";
import { loadApprovedFrequencyTable } from "./support/frequency-tables";
import { unwrap } from "./support/people";
import { sessionOf } from "./support/read-access";
import { authoriseRead } from "@/lib/auth/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "identifications on DNA: the ratio as typed, the reference profile, the dossier", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  async function proposal(overrides: Partial<ProposeIdentificationValues> = {}, options: { profiled?: boolean } = {}): Promise<ProposeIdentificationValues> {
    const [body, person] = await Promise.all([createRemains(db()), createMissingPerson(db())]);
    if (options.profiled !== false) await createProfiledReference(db(), person.id);
    signInAs(await createUser(db(), "forensic"));
    return {
      remainsCode: body.code,
      missingPersonId: person.id,
      basis: ["dna"],
      likelihoodRatio: "1.2e9",
      locale: "en",
      evidenceSummary: "STR profile consistent with the mother's reference on every locus.",
      acknowledgeMismatch: false,
      dnaProfileOverride: false,
      dnaOverrideReason: "",
      ...overrides,
    };
  }

  async function storedRatio(identificationId: string) {
    const [row] = await db().select().from(identifications).where(eq(identifications.id, identificationId));
    return row;
  }

  it("reads a ratio typed with the Arabic decimal comma at its value, not ten times it", async () => {
    const { identificationId } = unwrap(await proposeIdentification(await proposal({ likelihoodRatio: "1,2e9", locale: "ar" })));
    expect((await storedRatio(identificationId))?.likelihoodRatio).toBe(1.2e9);
  });

  it("reads Arabic-Indic digits and the Arabic decimal sign", async () => {
    const { identificationId } = unwrap(await proposeIdentification(await proposal({ likelihoodRatio: "٣٫٤e١٠", locale: "ar" })));
    expect((await storedRatio(identificationId))?.likelihoodRatio).toBe(3.4e10);
  });

  it("refuses a ratio whose comma could be a decimal sign or a thousands separator", async () => {
    expect(await proposeIdentification(await proposal({ likelihoodRatio: "1,200", locale: "en" }))).toMatchObject({
      ok: false,
      fieldErrors: { likelihoodRatio: "Identifications.likelihoodRatioAmbiguous" },
    });
    expect(await proposeIdentification(await proposal({ likelihoodRatio: "1,200,000", locale: "en" }))).toMatchObject({
      ok: false,
      fieldErrors: { likelihoodRatio: "Identifications.likelihoodRatioSeparators" },
    });
  });

  it("refuses DNA as a basis when no analysed reference profile is on record for the person", async () => {
    expect(await proposeIdentification(await proposal({}, { profiled: false }))).toMatchObject({
      ok: false,
      fieldErrors: { dnaProfileOverride: "Identifications.referenceProfileMissing" },
    });
    const reportedWithoutCalls = await proposal({}, { profiled: false });
    await createProfiledReference(db(), reportedWithoutCalls.missingPersonId, { calls: false });
    expect(await proposeIdentification(reportedWithoutCalls)).toMatchObject({ ok: false, fieldErrors: { dnaProfileOverride: "Identifications.referenceProfileMissing" } });
    const notYetProfiled = await proposal({}, { profiled: false });
    await createProfiledReference(db(), notYetProfiled.missingPersonId, { labStatus: "received" });
    expect(await proposeIdentification(notYetProfiled)).toMatchObject({ ok: false, fieldErrors: { dnaProfileOverride: "Identifications.referenceProfileMissing" } });
  });

  it("takes an explicit override only with a reason, and keeps the reason", async () => {
    expect(await proposeIdentification(await proposal({ dnaProfileOverride: true, dnaOverrideReason: "" }, { profiled: false }))).toMatchObject({
      ok: false,
      fieldErrors: { dnaOverrideReason: "Identifications.dnaOverrideReasonRequired" },
    });
    const reason = "Laboratory report LAB-2024-117 received on paper; profile import pending.";
    const { identificationId } = unwrap(await proposeIdentification(await proposal({ dnaProfileOverride: true, dnaOverrideReason: reason }, { profiled: false })));
    expect((await storedRatio(identificationId))?.dnaOverrideReason).toBe(reason);
  });

  it("prints the ratio, the SHA-256 of the frequency table behind it and the override reason in the dossier", async () => {
    const table = await loadApprovedFrequencyTable(db());
    const reason = "Laboratory report LAB-2024-118 received on paper; profile import pending.";
    const { identificationId } = unwrap(await proposeIdentification(await proposal({ likelihoodRatio: "3.4e10", dnaProfileOverride: true, dnaOverrideReason: reason }, { profiled: false })));
    expect((await storedRatio(identificationId))?.frequencyTableId).toBe(table.tableId);
    const access = authoriseRead(sessionOf("forensic", (await createUser(db(), "forensic")).id), "personalData.export");
    const pdf = await generateDossier(access, db(), {}, "identification", identificationId);
    if (!pdf) expect.fail("no dossier");
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
    const compact = text.replace(/\s+/g, "");
    expect(compact).toContain(table.sha256);
    expect(compact).toContain("3.4×10^10");
    expect(text).not.toContain("e+10");
    expect(compact).toContain(reason.replace(/\s+/g, ""));
  });
});
