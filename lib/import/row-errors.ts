import { MAX_LISTED_ERRORS } from "./limits";
import type { RowError } from "./validate-row";

/** How many problems of each kind a file has, listed or not. */
export type ErrorCounts = Partial<Record<RowError["problem"], number>>;

/**
 * The problems of a file: the first MAX_LISTED_ERRORS in full, every one counted by kind. A file
 * of millions of bad rows costs a thousand entries and a few counters, not a list of millions.
 */
export class RowErrorList {
  readonly listed: RowError[] = [];
  readonly counts: ErrorCounts = {};
  total = 0;

  add(error: RowError): void {
    this.total += 1;
    this.counts[error.problem] = (this.counts[error.problem] ?? 0) + 1;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(error);
  }
}

export function addCounts(first: ErrorCounts, second: ErrorCounts): ErrorCounts {
  const sum: ErrorCounts = { ...first };
  for (const [problem, count] of Object.entries(second) as [RowError["problem"], number][]) sum[problem] = (sum[problem] ?? 0) + count;
  return sum;
}
