import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { importAlleleFrequencies, importStrProfiles } from "@/app/[locale]/staff/kinship/actions";
import { auditLog, strProfiles } from "@/db/schema";
import { loadActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createDonor, createReferenceSample, createUser, uniqueSuffix } from "./support/factories";
import { FREQUENCY_CSV, loadApprovedFrequencyTable } from "./support/frequency-tables";

const backends = await testBackends();
const asFirstTyping = { retyping: false, retypingReason: "" };

describeOnEachBackend(backends, "importing STR profiles and allele frequencies", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  const loadFrequencies = (name = `Test table ${uniqueSuffix()}`) => loadApprovedFrequencyTable(db(), FREQUENCY_CSV, name);

  it("lets forensic examiners load a published table, which screening uses once a second one approved it", async () => {
    const loaded = await loadFrequencies("North African reference table (test)");
    expect(loaded).toMatchObject({ loci: 2, alleles: 5 });
    const active = await loadActiveFrequencyTable(db());
    expect(active?.info).toMatchObject({ name: "North African reference table (test)", synthetic: false, minFrequency: 0.002 });
    expect(active?.table.frequency("TH01", "9.3")).toBe(0.3);
    expect(active?.table.frequency("TH01", "12")).toBe(0.002);
  });

  it("refuses a frequency file with a bad row as a whole", async () => {
    signInAs(await createUser(db(), "forensic"));
    const before = await loadActiveFrequencyTable(db());
    const result = await importAlleleFrequencies({ name: "Broken", minFrequency: 0.001, csv: `${FREQUENCY_CSV}\nTH01,8,1.5` });
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { csv: "Kinship.frequencyFileInvalid" } });
    expect((await loadActiveFrequencyTable(db()))?.info.id).toBe(before?.info.id);
  });

  it("stores a laboratory's profiles and reports each bad row with its line", async () => {
    await loadFrequencies();
    const sample = await createReferenceSample(db(), (await createDonor(db())).id);
    signInAs(await createUser(db(), "forensic"));
    const csv = [
      "sample barcode,locus,allele 1,allele 2",
      `${sample.barcode},TH01,9.3,`,
      `${sample.barcode},D3S1358,16,15`,
      `${sample.barcode},PENTA_E,12,13`,
      `${sample.barcode},TH01x,12,13`,
      `TRH-DNA-R-999999,TH01,6,7`,
      `${sample.barcode},D3S1358,abc,15`,
    ].join("\n");
    const result = await importStrProfiles({ csv, ...asFirstTyping });
    if (!result.ok) expect.fail(JSON.stringify(result));
    expect(result.data).toMatchObject({ samples: 1, loci: 2, errorCount: 4 });
    expect(result.data.errors.map((error) => [error.line, error.code])).toEqual([
      [4, "unknownLocus"],
      [5, "unknownLocus"],
      [6, "unknownBarcode"],
      [7, "malformedAllele"],
    ]);
    const stored = await db().select().from(strProfiles).where(eq(strProfiles.sampleId, sample.id));
    expect(stored.map((row) => [row.locus, row.allele1, row.allele2]).sort()).toEqual([
      ["D3S1358", "15", "16"],
      ["TH01", "9.3", "9.3"],
    ]);
  });

  it("replaces a locus re-typed with a reason and moves its version on, with an audit entry per import", async () => {
    await loadFrequencies();
    const sample = await createReferenceSample(db(), (await createDonor(db())).id);
    signInAs(await createUser(db(), "forensic"));
    await importStrProfiles({ csv: `${sample.barcode},TH01,6,7`, ...asFirstTyping });
    const again = await importStrProfiles({ csv: `${sample.barcode},TH01,6,9.3`, retyping: true, retypingReason: "Laboratory re-run after a contamination alert." });
    expect(again).toMatchObject({ ok: true, data: { loci: 1, errorCount: 0 } });
    const [row] = await db().select().from(strProfiles).where(eq(strProfiles.sampleId, sample.id));
    expect(row).toMatchObject({ allele1: "6", allele2: "9.3", version: 2 });
    const entries = await db().select().from(auditLog).where(eq(auditLog.action, "kinship.importProfiles"));
    expect(entries.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses profiles to a registrar, who may not read or write them", async () => {
    signInAs(await createUser(db(), "registrar"));
    expect(await importStrProfiles({ csv: "x,TH01,6,7", ...asFirstTyping })).toMatchObject({ ok: false, error: "forbidden" });
  });
});
