import type { Executor } from "@/db/client";
import type { identifications } from "@/db/schema";
import { loadFrequencyTableInfo } from "@/lib/dna-profiles/frequency-store";
import { lrConditions, type LikelihoodRatioBasis } from "@/lib/kinship/lr-basis";
import { label, terms } from "./labels";

type Identification = typeof identifications.$inferSelect;

export interface CitedFrequencyTable {
  name: string;
  sha256: string;
}

/** The frequency tables behind the ratios the dossier cites, by id, with their SHA-256. */
export async function loadCitedFrequencyTables(db: Executor, cited: readonly Identification[]): Promise<Map<string, CitedFrequencyTable>> {
  const tableIds = [...new Set(cited.flatMap((item) => (item.likelihoodRatio !== null && item.frequencyTableId ? [item.frequencyTableId] : [])))];
  const tables = new Map<string, CitedFrequencyTable>();
  for (const tableId of tableIds) {
    const info = await loadFrequencyTableInfo(db, tableId);
    if (info) tables.set(tableId, { name: info.name, sha256: info.sha256 });
  }
  return tables;
}

/**
 * The lines an identification's DNA evidence adds to the dossier: the frequency table behind its
 * ratio (name and SHA-256 of its canonical rows, lib/kinship/frequency-digest.ts), and why it was
 * proposed without an analysed reference profile, when it was.
 */
/** How the dossier writes a ratio from its log10 (passed in by the section that prints it). */
type RatioFormat = (log10: number | null) => string;

type EvidenceLine = { key: "frequencyTable" | "lrComputed" | "lrRelatives" | "dnaOverride"; value: string };

/** The registry's own ratio for the pair, its θ and mutation model, and the relatives it used (#21). */
function basisLines(basis: LikelihoodRatioBasis, formatRatio: RatioFormat): EvidenceLine[] {
  const ratio = basis.familyProblem ?? `LR ${formatRatio(basis.log10Lr)}`;
  const relatives = basis.relatives.map((relative) =>
    [terms.relationship(relative.relationship), relative.side ? terms.side(relative.side) : null, relative.sideAssumed ? `${label("sideAssumed").en} · ${label("sideAssumed").ar}` : null].filter(Boolean).join(" — "),
  );
  return [
    { key: "lrComputed", value: `${ratio} · ${lrConditions(basis, { symbols: false })} · ${terms.mutationModel(basis.mutation.model)} · ${basis.frequencyTable.name} · SHA-256 ${basis.frequencyTable.sha256}` },
    { key: "lrRelatives", value: relatives.join("; ") || "—" },
  ];
}

export function dnaEvidenceLines(item: Identification, tables: ReadonlyMap<string, CitedFrequencyTable>, formatRatio: RatioFormat): EvidenceLine[] {
  const lines: EvidenceLine[] = [];
  if (item.likelihoodRatio !== null) {
    const table = item.frequencyTableId ? tables.get(item.frequencyTableId) : undefined;
    lines.push({ key: "frequencyTable", value: table ? `${table.name} · SHA-256 ${table.sha256}` : "—" });
  }
  if (item.lrBasis) lines.push(...basisLines(item.lrBasis, formatRatio));
  if (item.dnaOverrideReason) lines.push({ key: "dnaOverride", value: item.dnaOverrideReason });
  return lines;
}
