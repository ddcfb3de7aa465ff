"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { approveFrequencyTable, loadActiveFrequencyTable, saveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { storeProfileRows } from "@/lib/dna-profiles/profile-store";
import { frequencyApprovalSchema, frequencyImportSchema, profileImportSchema } from "@/lib/dna-profiles/schemas";
import { parseFrequencyCsv, parseProfileCsv } from "@/lib/kinship/csv";
import { frequencyTableProblems } from "@/lib/kinship/frequency-validation";

/** Rows reported back at most: enough to fix a file, small enough to send. */
const REPORTED_ERRORS = 200;

export const importStrProfiles = defineAction("kinship.importProfiles", profileImportSchema, async ({ input, session, tx, audit }) => {
  const active = await loadActiveFrequencyTable(tx);
  if (!active) throw new ActionRefusal("refused", "Kinship.noFrequencyTable");
  const parsed = parseProfileCsv(input.csv, new Set(active.table.locusNames()));
  const retyping = input.retyping ? { reason: input.retypingReason, userId: session.userId } : null;
  const stored = await storeProfileRows(tx, parsed.rows, retyping);
  const errors = [...parsed.errors, ...stored.errors].sort((first, second) => first.line - second.line);
  // Each sample and locus with its earlier call (before) and the call stored now (after).
  await audit({
    action: "kinship.importProfiles",
    entity: "str_profiles",
    before: stored.retyped > 0 ? { calls: stored.before } : null,
    after: {
      samples: stored.samples,
      loci: stored.loci,
      unchanged: stored.unchanged,
      retyped: stored.retyped,
      rowsRefused: errors.length,
      retypingReason: retyping?.reason ?? null,
      frequencyTable: { id: active.info.id, sha256: active.info.sha256 },
      calls: stored.after,
    },
  });
  return { samples: stored.samples, loci: stored.loci, unchanged: stored.unchanged, retyped: stored.retyped, errorCount: errors.length, errors: errors.slice(0, REPORTED_ERRORS) };
});

export const importAlleleFrequencies = defineAction("kinship.importFrequencies", frequencyImportSchema, async ({ input, session, tx, audit }) => {
  const parsed = parseFrequencyCsv(input.csv);
  // Half a table would give wrong ratios without saying so: a file with any bad row is refused whole.
  if (parsed.errors.length > 0 || parsed.rows.length === 0) {
    throw new ActionRefusal("invalid", "Kinship.frequencyFileInvalid", { csv: "Kinship.frequencyFileInvalid" });
  }
  const [problem] = frequencyTableProblems(parsed.rows);
  if (problem) {
    throw new ActionRefusal("invalid", "Kinship.frequencyFileInvalid", { csv: problem.code === "locusSum" ? "Kinship.frequencyLocusSum" : "Kinship.frequencyLocusName" });
  }
  const saved = await saveFrequencyTable(tx, {
    name: input.name,
    synthetic: false,
    minFrequency: input.minFrequency,
    loadedBy: session.userId,
    rows: parsed.rows,
  });
  const loci = new Set(parsed.rows.map((row) => row.locus)).size;
  await audit({
    action: "kinship.importFrequencies",
    entity: "allele_frequency_tables",
    entityId: saved.id,
    after: { name: input.name, minFrequency: input.minFrequency, loci, alleles: parsed.rows.length, sha256: saved.sha256, status: "pending" },
  });
  return { tableId: saved.id, loci, alleles: parsed.rows.length, sha256: saved.sha256 };
});

const APPROVAL_REFUSALS = {
  notFound: "Kinship.tableUnknown",
  alreadyApproved: "Kinship.tableAlreadyApproved",
  ownTable: "Kinship.tableOwnApproval",
} as const;

export const approveAlleleFrequencies = defineAction("kinship.approveFrequencies", frequencyApprovalSchema, async ({ input, session, tx, audit }) => {
  const previous = await loadActiveFrequencyTable(tx);
  const outcome = await approveFrequencyTable(tx, input.tableId, session.userId);
  if (outcome.status !== "approved") throw new ActionRefusal("refused", APPROVAL_REFUSALS[outcome.status]);
  await audit({
    action: "kinship.approveFrequencies",
    entity: "allele_frequency_tables",
    entityId: outcome.table.id,
    before: previous ? { activeTable: { id: previous.info.id, sha256: previous.info.sha256 } } : null,
    after: { name: outcome.table.name, sha256: outcome.table.sha256, loadedBy: outcome.table.loadedBy, approvedBy: session.userId, status: "active" },
  });
  return { tableId: outcome.table.id };
});
