import { factorTable } from "./factor-tables";

/**
 * A table over a few discrete variables (here: alleles of genes), row-major with the last variable
 * fastest. Each variable has its own number of values (its domain after genotype elimination).
 */
export interface Factor {
  vars: number[];
  table: Float64Array;
}

export type Cardinality = (variable: number) => number;

/**
 * Work arrays of multiplyAndSum, reused between calls (it does not call itself): the DVI layer
 * makes millions of small products, where allocating six typed arrays each time cost more than
 * the arithmetic. Grown when a call needs more; every entry read is written first.
 */
let scratch = new Int32Array(256);
const scratchFor = (needed: number) => {
  if (scratch.length < needed) scratch = new Int32Array(Math.max(needed, 2 * scratch.length));
  return scratch;
};

/**
 * The product of `factors`, summed over `sumOut` when given: one step of variable elimination.
 * Exact whatever the order; the order only decides the size of the tables.
 */
export function multiplyAndSum(factors: readonly Factor[], sumOut: number | null, card: Cardinality): Factor {
  const scope: number[] = [];
  for (let f = 0; f < factors.length; f += 1) {
    const vars = (factors[f] as Factor).vars;
    for (let at = 0; at < vars.length; at += 1) {
      const v = vars[at] as number;
      if (v !== sumOut && !scope.includes(v)) scope.push(v);
    }
  }
  const dimensions = scope.length;
  const count = factors.length;
  // One scratch array, in parts at these offsets: cards (per scope position), steps[f · dimensions +
  // position] (how far factor f's index moves when that position steps by one), sumSteps[f] (when
  // the summed variable does), the odometer's assignment, each factor's index, and the inner index.
  const stepsAt = dimensions;
  const sumStepsAt = stepsAt + count * dimensions;
  const assignmentAt = sumStepsAt + count;
  const indicesAt = assignmentAt + dimensions;
  const innerAt = indicesAt + count;
  const work = scratchFor(innerAt + count);
  work.fill(0, 0, innerAt + count);
  let outSize = 1;
  for (let position = 0; position < dimensions; position += 1) {
    const size = card(scope[position] as number);
    work[position] = size;
    outSize *= size;
  }
  const last = sumOut === null ? 1 : card(sumOut);
  const out = factorTable(outSize);
  const tables: Float64Array[] = [];
  for (let f = 0; f < count; f += 1) {
    const factor = factors[f] as Factor;
    tables.push(factor.table);
    let stride = 1;
    for (let at = factor.vars.length - 1; at >= 0; at -= 1) {
      const v = factor.vars[at] as number;
      if (v === sumOut) work[sumStepsAt + f] = stride;
      else work[stepsAt + f * dimensions + scope.indexOf(v)] = stride;
      stride *= card(v);
    }
  }
  if (count === 2) {
    multiplyTwo(work, tables[0] as Float64Array, tables[1] as Float64Array, out, last, dimensions, stepsAt, sumStepsAt, assignmentAt);
    return { vars: scope, table: out };
  }
  for (let at = 0; at < outSize; at += 1) {
    // The same products, in the same order, and the same running sum over the summed variable as
    // entry by entry over scope then summed variable: the result is the same bit for bit.
    for (let f = 0; f < count; f += 1) work[innerAt + f] = work[indicesAt + f] as number;
    let sum = 0;
    for (let within = 0; within < last; within += 1) {
      let product = 1;
      for (let f = 0; f < count && product !== 0; f += 1) product *= (tables[f] as Float64Array)[work[innerAt + f] as number] as number;
      sum += product;
      for (let f = 0; f < count; f += 1) work[innerAt + f] = (work[innerAt + f] as number) + (work[sumStepsAt + f] as number);
    }
    out[at] = sum;
    // Odometer over the scope, keeping each factor's index in step.
    for (let position = dimensions - 1; position >= 0; position -= 1) {
      const value = (work[assignmentAt + position] as number) + 1;
      if (value < (work[position] as number)) {
        work[assignmentAt + position] = value;
        for (let f = 0; f < count; f += 1) work[indicesAt + f] = (work[indicesAt + f] as number) + (work[stepsAt + f * dimensions + position] as number);
        break;
      }
      for (let f = 0; f < count; f += 1) work[indicesAt + f] = (work[indicesAt + f] as number) - (value - 1) * (work[stepsAt + f * dimensions + position] as number);
      work[assignmentAt + position] = 0;
    }
  }
  return { vars: scope, table: out };
}

/**
 * multiplyAndSum's loop for two factors, nearly every step of the DVI layer's eliminations (437,300
 * of 446,224 on a sample of families): the same products in the same order, the same running sums,
 * and the same odometer, with the two factors' indices held in locals rather than the work array.
 */
function multiplyTwo(
  work: Int32Array,
  first: Float64Array,
  second: Float64Array,
  out: Float64Array,
  last: number,
  dimensions: number,
  stepsAt: number,
  sumStepsAt: number,
  assignmentAt: number,
): void {
  const firstSumStep = work[sumStepsAt] as number;
  const secondSumStep = work[sumStepsAt + 1] as number;
  const secondStepsAt = stepsAt + dimensions;
  let firstIndex = 0;
  let secondIndex = 0;
  for (let at = 0; at < out.length; at += 1) {
    out[at] = sumOfTwoProducts(first, firstIndex, firstSumStep, second, secondIndex, secondSumStep, last);
    for (let position = dimensions - 1; position >= 0; position -= 1) {
      const value = (work[assignmentAt + position] as number) + 1;
      if (value < (work[position] as number)) {
        work[assignmentAt + position] = value;
        firstIndex += work[stepsAt + position] as number;
        secondIndex += work[secondStepsAt + position] as number;
        break;
      }
      firstIndex -= (value - 1) * (work[stepsAt + position] as number);
      secondIndex -= (value - 1) * (work[secondStepsAt + position] as number);
      work[assignmentAt + position] = 0;
    }
  }
}

/**
 * One entry of a two-factor product summed over the eliminated variable: Σ first[i]·second[j] over
 * its `last` values, stepping each table by its own stride. As the general loop: 1 × the first
 * entry, then the second unless the product is already 0, summed in order (multiplyTwo here,
 * compiled-structure.ts's two-factor steps on their one buffer), so either gives the same bits.
 */
export function sumOfTwoProducts(first: Float64Array, firstAt: number, firstStep: number, second: Float64Array, secondAt: number, secondStep: number, last: number): number {
  let i = firstAt;
  let j = secondAt;
  let sum = 0;
  for (let within = 0; within < last; within += 1) {
    let product = first[i] as number;
    if (product !== 0) product *= second[j] as number;
    sum += product;
    i += firstStep;
    j += secondStep;
  }
  return sum;
}

/** Index of an assignment (values by variable) into a factor's table. */
export function entry(factor: Factor, values: ArrayLike<number>, card: Cardinality): number {
  let index = 0;
  for (const v of factor.vars) index = index * card(v) + (values[v] ?? 0);
  return factor.table[index] ?? 0;
}

/**
 * One elimination step's split of the pool (pedigree/likelihood.ts, compiled-structure.ts): the
 * entries at `touching` (positions, ascending) in order, and the rest in order. The step's product
 * is then appended to the rest, so the pool's order, and with it every later product, is the same
 * wherever a structure's steps are replayed.
 */
export function splitAtPositions<Entry>(pool: readonly Entry[], touching: readonly number[]): { chosen: Entry[]; rest: Entry[] } {
  const chosen: Entry[] = [];
  const rest: Entry[] = [];
  let next = 0;
  for (let at = 0; at < pool.length; at += 1) {
    if (next < touching.length && touching[next] === at) {
      chosen.push(pool[at] as Entry);
      next += 1;
    } else rest.push(pool[at] as Entry);
  }
  return { chosen, rest };
}
