/**
 * The tables of one locus computation's factors, cut as views from one reused buffer.
 *
 * Why: a Float64Array of more than 8 entries gets a store of its own outside V8's heap, and making
 * and collecting it costs about 0.5 µs (measured, Node 24), more than the arithmetic of most of
 * these tables; a view of a buffer costs about 30 ns. The DVI layer at national scale computes
 * millions of locus likelihoods of a dozen tables each.
 *
 * Rule: tables are valid until the next `beginFactorTables()`, called at the start of each
 * computation (pedigreeLikelihood, pedigreeLikelihoodByGenes), which do not call one another and
 * return numbers or arrays of their own, never a table from here. A table is zero-filled, as a new
 * Float64Array is.
 */
let buffer = new Float64Array(1 << 16);
let used = 0;

/** Starts a computation: every table handed out before may be reused from now on. */
export function beginFactorTables(): void {
  used = 0;
}

/** A zero-filled table of `size` entries, not overlapping any other handed out since beginFactorTables. */
export function factorTable(size: number): Float64Array {
  if (used + size > buffer.length) {
    // Tables already handed out keep the old buffer alive; new ones come from a larger one.
    buffer = new Float64Array(Math.max(2 * buffer.length, 2 * size));
    used = 0;
  }
  const table = buffer.subarray(used, used + size);
  used += size;
  table.fill(0);
  return table;
}
