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
 * The product of `factors`, summed over `sumOut` when given: one step of variable elimination.
 * Exact whatever the order; the order only decides the size of the tables.
 */
export function multiplyAndSum(factors: readonly Factor[], sumOut: number | null, card: Cardinality): Factor {
  const scope: number[] = [];
  for (const factor of factors) for (const v of factor.vars) if (v !== sumOut && !scope.includes(v)) scope.push(v);
  const dimensions = scope.length;
  const cards = new Int32Array(dimensions);
  let outSize = 1;
  for (let position = 0; position < dimensions; position += 1) {
    const size = card(scope[position] as number);
    cards[position] = size;
    outSize *= size;
  }
  const last = sumOut === null ? 1 : card(sumOut);
  const out = new Float64Array(outSize);
  const count = factors.length;
  const tables: Float64Array[] = [];
  // steps[f * dimensions + position]: how far factor f's index moves when `position` of the scope
  // steps by one; sumSteps[f]: when the summed variable does.
  const steps = new Int32Array(count * dimensions);
  const sumSteps = new Int32Array(count);
  for (let f = 0; f < count; f += 1) {
    const factor = factors[f] as Factor;
    tables.push(factor.table);
    let stride = 1;
    for (let at = factor.vars.length - 1; at >= 0; at -= 1) {
      const v = factor.vars[at] as number;
      if (v === sumOut) sumSteps[f] = stride;
      else steps[f * dimensions + scope.indexOf(v)] = stride;
      stride *= card(v);
    }
  }
  const assignment = new Int32Array(dimensions);
  const indices = new Int32Array(count);
  const inner = new Int32Array(count);
  for (let at = 0; at < outSize; at += 1) {
    // The same products, in the same order, and the same running sum over the summed variable as
    // entry by entry over scope then summed variable: the result is the same bit for bit.
    inner.set(indices);
    let sum = 0;
    for (let within = 0; within < last; within += 1) {
      let product = 1;
      for (let f = 0; f < count && product !== 0; f += 1) product *= (tables[f] as Float64Array)[inner[f] as number] as number;
      sum += product;
      for (let f = 0; f < count; f += 1) inner[f] = (inner[f] as number) + (sumSteps[f] as number);
    }
    out[at] = sum;
    // Odometer over the scope, keeping each factor's index in step.
    for (let position = dimensions - 1; position >= 0; position -= 1) {
      const value = (assignment[position] as number) + 1;
      if (value < (cards[position] as number)) {
        assignment[position] = value;
        for (let f = 0; f < count; f += 1) indices[f] = (indices[f] as number) + (steps[f * dimensions + position] as number);
        break;
      }
      for (let f = 0; f < count; f += 1) indices[f] = (indices[f] as number) - (value - 1) * (steps[f * dimensions + position] as number);
      assignment[position] = 0;
    }
  }
  return { vars: scope, table: out };
}

/** Index of an assignment (values by variable) into a factor's table. */
export function entry(factor: Factor, values: ArrayLike<number>, card: Cardinality): number {
  let index = 0;
  for (const v of factor.vars) index = index * card(v) + (values[v] ?? 0);
  return factor.table[index] ?? 0;
}
