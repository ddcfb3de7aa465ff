"use server";

import { defineAction } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { loadActiveFrequencyTable, saveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { storeProfileRows } from "@/lib/dna-profiles/profile-store";
import { frequencyImportSchema, profileImportSchema } from "@/lib/dna-profiles/schemas";
import { parseFrequencyCsv, parseProfileCsv } from "@/lib/kinship/csv";

/** Rows reported back at most: enough to fix a file, small enough to send. */
const REPORTED_ERRORS = 200;

export const importStrProfiles = defineAction("kinship.importProfiles", profileImportSchema, async ({ input, tx, audit }) => {
  const active = await loadActiveFrequencyTable(tx);
  if (!active) throw new ActionRefusal("refused", "Kinship.noFrequencyTable");
  const parsed = parseProfileCsv(input.csv, new Set(active.table.locusNames()));
  const stored = await storeProfileRows(tx, parsed.rows);
  const errors = [...parsed.errors, ...stored.errors].sort((first, second) => first.line - second.line);
  await audit({
    action: "kinship.importProfiles",
    entity: "str_profiles",
    after: { samples: stored.samples, loci: stored.loci, rowsRefused: errors.length },
  });
  return { samples: stored.samples, loci: stored.loci, errorCount: errors.length, errors: errors.slice(0, REPORTED_ERRORS) };
});

export const importAlleleFrequencies = defineAction("kinship.importFrequencies", frequencyImportSchema, async ({ input, session, tx, audit }) => {
  const parsed = parseFrequencyCsv(input.csv);
  // Half a table would give wrong ratios without saying so: a file with any bad row is refused whole.
  if (parsed.errors.length > 0 || parsed.rows.length === 0) {
    throw new ActionRefusal("invalid", "Kinship.frequencyFileInvalid", { csv: "Kinship.frequencyFileInvalid" });
  }
  const tableId = await saveFrequencyTable(tx, {
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
    entityId: tableId,
    after: { name: input.name, minFrequency: input.minFrequency, loci, alleles: parsed.rows.length },
  });
  return { tableId, loci, alleles: parsed.rows.length };
});
