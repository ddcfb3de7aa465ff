import { createHash } from "node:crypto";

export interface FrequencyEntry {
  locus: string;
  allele: string;
  frequency: number;
}

/**
 * The table's rows in one canonical text, so that anyone can recompute its fingerprint from the
 * rows alone: "locus,allele,frequency" lines sorted by locus then allele (code-unit order), the
 * frequency written as the shortest decimal that reads back as the same number, each line ended
 * by "\n", encoded as UTF-8.
 */
export function canonicalFrequencyText(rows: readonly FrequencyEntry[]): string {
  const ordered = [...rows].sort((first, second) => compareText(first.locus, second.locus) || compareText(first.allele, second.allele));
  return ordered.map((row) => `${row.locus},${row.allele},${String(row.frequency)}\n`).join("");
}

const compareText = (first: string, second: string): number => (first < second ? -1 : first > second ? 1 : 0);

/** SHA-256 of the canonical text, in lower-case hexadecimal: printed in audit entries and dossiers. */
export function frequencyTableSha256(rows: readonly FrequencyEntry[]): string {
  return createHash("sha256").update(canonicalFrequencyText(rows), "utf8").digest("hex");
}
