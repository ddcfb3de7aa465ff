import type { FrequencyEntry } from "./frequency-digest";

/** A locus's frequencies must add up to one, give or take rounding in the published table. */
export const LOCUS_SUM_RANGE = { min: 0.98, max: 1.02 } as const;

/** D3S1358, TH01, vWA, PENTA_E, Penta E, DYS391: letters and digits, no punctuation that could hide a typo. */
const LOCUS_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(?: [A-Za-z0-9_]+)?$/;

export type FrequencyTableProblem =
  | { code: "malformedLocus"; locus: string }
  | { code: "locusSum"; locus: string; sum: number };

/**
 * What makes a parsed table unfit for casework as a whole (each row was already checked for a
 * well-formed allele, a frequency in (0, 1] and no duplicate): a malformed locus name, or a locus
 * whose frequencies do not sum to about one. A table of 0.001 everywhere fails the second.
 */
export function frequencyTableProblems(rows: readonly FrequencyEntry[]): FrequencyTableProblem[] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(row.locus, (sums.get(row.locus) ?? 0) + row.frequency);
  const problems: FrequencyTableProblem[] = [];
  for (const [locus, sum] of sums) {
    if (!LOCUS_PATTERN.test(locus) || locus.length > 24) problems.push({ code: "malformedLocus", locus });
    else if (sum < LOCUS_SUM_RANGE.min || sum > LOCUS_SUM_RANGE.max) problems.push({ code: "locusSum", locus, sum: Math.round(sum * 10_000) / 10_000 });
  }
  return problems;
}
