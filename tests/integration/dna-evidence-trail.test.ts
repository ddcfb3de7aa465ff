import "./support/mock-action-request";
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { approveAlleleFrequencies, importAlleleFrequencies, importStrProfiles } from "@/app/[locale]/staff/kinship/actions";
import { auditLog, strProfileHistory, strProfiles } from "@/db/schema";
import { loadActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { frequencyTableSha256 } from "@/lib/kinship/frequency-digest";
import { parseFrequencyCsv } from "@/lib/kinship/csv";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createDonor, createReferenceSample, createUser, uniqueSuffix } from "./support/factories";
import { FREQUENCY_CSV, loadApprovedFrequencyTable } from "./support/frequency-tables";

const backends = await testBackends();
const firstTyping = { retyping: false, retypingReason: "" };
const RETYPING_REASON = "Laboratory re-ran the family reference after a contamination alert.";

describeOnEachBackend(backends, "DNA evidence keeps its trail", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  async function typedReference() {
    const table = await loadApprovedFrequencyTable(db());
    const sample = await createReferenceSample(db(), (await createDonor(db())).id);
    signInAs(await createUser(db(), "forensic"));
    const first = await importStrProfiles({ csv: [`${sample.barcode},TH01,6,6`, `${sample.barcode},D3S1358,15,16`].join("\n"), ...firstTyping });
    expect(first).toMatchObject({ ok: true, data: { samples: 1, loci: 2, retyped: 0 } });
    return { table, sample };
  }

  const callsOf = async (sampleId: string) =>
    Object.fromEntries((await db().select().from(strProfiles).where(eq(strProfiles.sampleId, sampleId))).map((row) => [row.locus, `${row.allele1}/${row.allele2} v${row.version}`]));

  const lastImportEntry = async () => {
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "kinship.importProfiles")).orderBy(desc(auditLog.id)).limit(1);
    return entry;
  };

  it("treats an identical re-upload as a no-op, not a re-typing", async () => {
    const { sample } = await typedReference();
    const again = await importStrProfiles({ csv: [`${sample.barcode},D3S1358,16,15`, `${sample.barcode},TH01,6`].join("\n"), ...firstTyping });
    expect(again).toMatchObject({ ok: true, data: { loci: 0, unchanged: 2, retyped: 0 } });
    expect(await callsOf(sample.id)).toEqual({ TH01: "6/6 v1", D3S1358: "15/16 v1" });
    expect(await db().select().from(strProfileHistory).where(eq(strProfileHistory.sampleId, sample.id))).toEqual([]);
  });

  it("refuses a file that changes a stored call unless it is declared a re-typing with a reason", async () => {
    const { sample } = await typedReference();
    const silent = await importStrProfiles({ csv: `${sample.barcode},TH01,7,9.3`, ...firstTyping });
    expect(silent).toMatchObject({ ok: false, fieldErrors: { retyping: "Kinship.retypingRequired" } });
    expect(await importStrProfiles({ csv: `${sample.barcode},TH01,7,9.3`, retyping: true, retypingReason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { retypingReason: "Kinship.retypingReasonRequired" },
    });
    expect(await callsOf(sample.id)).toEqual({ TH01: "6/6 v1", D3S1358: "15/16 v1" });
  });

  it("keeps the earlier call of a re-typed locus and audits each sample and locus before and after", async () => {
    const { sample, table } = await typedReference();
    const retyped = await importStrProfiles({ csv: [`${sample.barcode},TH01,7,9.3`, `${sample.barcode},D3S1358,15,16`].join("\n"), retyping: true, retypingReason: RETYPING_REASON });
    expect(retyped).toMatchObject({ ok: true, data: { loci: 1, unchanged: 1, retyped: 1 } });
    expect(await callsOf(sample.id)).toEqual({ TH01: "7/9.3 v2", D3S1358: "15/16 v1" });
    const history = await db().select().from(strProfileHistory).where(eq(strProfileHistory.sampleId, sample.id));
    expect(history).toEqual([expect.objectContaining({ locus: "TH01", allele1: "6", allele2: "6", version: 1, reason: RETYPING_REASON, replacedBy: actionRequest.session?.userId })]);
    const entry = await lastImportEntry();
    expect(entry?.before).toEqual({ calls: { [sample.barcode]: { TH01: "6/6" } } });
    expect(entry?.after).toMatchObject({
      retyped: 1,
      retypingReason: RETYPING_REASON,
      frequencyTable: { id: table.tableId, sha256: table.sha256 },
      calls: { [sample.barcode]: { TH01: "7/9.3" } },
    });
  });

  it("names every new call in the audit entry of a first typing", async () => {
    const { sample } = await typedReference();
    const entry = await lastImportEntry();
    expect(entry?.before).toBeNull();
    expect(entry?.after).toMatchObject({ calls: { [sample.barcode]: { TH01: "6/6", D3S1358: "15/16" } } });
  });

  it("never lets a replaced call be changed or removed", async () => {
    const { sample } = await typedReference();
    await importStrProfiles({ csv: `${sample.barcode},TH01,7,9.3`, retyping: true, retypingReason: RETYPING_REASON });
    await expect(db().execute(sql`update str_profile_history set allele_1 = '12' where sample_id = ${sample.id}`)).rejects.toThrow();
    await expect(db().execute(sql`delete from str_profile_history where sample_id = ${sample.id}`)).rejects.toThrow();
  });

  it("refuses a frequency table whose loci do not add up to one, or with a malformed locus", async () => {
    signInAs(await createUser(db(), "forensic"));
    const flat = ["locus,allele,frequency", ...["6", "7", "8", "9", "9.3", "10"].map((allele) => `TH01,${allele},0.001`)].join("\n");
    expect(await importAlleleFrequencies({ name: "All 0.001", minFrequency: 0.001, csv: flat })).toMatchObject({ ok: false, fieldErrors: { csv: "Kinship.frequencyLocusSum" } });
    const misnamed = ["locus,allele,frequency", "TH01;DROP,6,0.5", "TH01;DROP,7,0.5"].join("\n").replaceAll(";", "'");
    expect(await importAlleleFrequencies({ name: "Misnamed", minFrequency: 0.001, csv: misnamed })).toMatchObject({ ok: false, fieldErrors: { csv: "Kinship.frequencyLocusName" } });
    expect(await importAlleleFrequencies({ name: "Duplicate", minFrequency: 0.001, csv: `${FREQUENCY_CSV}\nTH01,6,0.25` })).toMatchObject({ ok: false, fieldErrors: { csv: "Kinship.frequencyFileInvalid" } });
  });

  it("puts a new table in force only once a second forensic examiner approves it, its SHA-256 in the audit", async () => {
    const before = await loadApprovedFrequencyTable(db());
    const loader = await createUser(db(), "forensic");
    signInAs(loader);
    const csv = FREQUENCY_CSV.replace("TH01,6,0.25", "TH01,6,0.2").replace("TH01,7,0.45", "TH01,7,0.5");
    const loaded = await importAlleleFrequencies({ name: `Pending ${uniqueSuffix()}`, minFrequency: 0.001, csv });
    if (!loaded.ok) expect.fail(JSON.stringify(loaded));
    expect(loaded.data.sha256).toBe(frequencyTableSha256(parseFrequencyCsv(csv).rows));
    expect((await loadActiveFrequencyTable(db()))?.info.id).toBe(before.tableId);

    expect(await approveAlleleFrequencies({ tableId: loaded.data.tableId })).toMatchObject({ ok: false, message: "Kinship.tableOwnApproval" });
    expect((await loadActiveFrequencyTable(db()))?.info.id).toBe(before.tableId);

    signInAs(await createUser(db(), "forensic"));
    expect(await approveAlleleFrequencies({ tableId: loaded.data.tableId })).toMatchObject({ ok: true });
    expect((await loadActiveFrequencyTable(db()))?.info).toMatchObject({ id: loaded.data.tableId, sha256: loaded.data.sha256 });
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.entity, "allele_frequency_tables"), eq(auditLog.entityId, loaded.data.tableId))).orderBy(auditLog.id);
    expect(entries.map((entry) => [entry.action, (entry.after as { sha256?: string }).sha256])).toEqual([
      ["kinship.importFrequencies", loaded.data.sha256],
      ["kinship.approveFrequencies", loaded.data.sha256],
    ]);
    expect(await approveAlleleFrequencies({ tableId: loaded.data.tableId })).toMatchObject({ ok: false, message: "Kinship.tableAlreadyApproved" });
  });

  it("lets only forensic staff load or approve a frequency table", async () => {
    for (const role of ["admin", "registrar", "viewer"] as const) {
      signInAs(await createUser(db(), role));
      expect(await importAlleleFrequencies({ name: "By another role", minFrequency: 0.001, csv: FREQUENCY_CSV })).toMatchObject({ ok: false, error: "forbidden" });
    }
  });
});
