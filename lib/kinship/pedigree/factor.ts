/**
 * A table over a few discrete variables (here: alleles of genes), row-major with the last variable
 * fastest. Each variable has its own number of values (its domain after genotype elimination).
 */
export interface Factor {
  vars: number[];
  table: Float64Array;
}

export type Cardinality = (variable: number) => number;

function strides(vars: readonly number[], card: Cardinality): number[] {
  const result = new Array<number>(vars.length).fill(1);
  for (let i = vars.length - 2; i >= 0; i -= 1) result[i] = (result[i + 1] ?? 1) * card(vars[i + 1] ?? 0);
  return result;
}

/**
 * The product of `factors`, summed over `sumOut` when given: one step of variable elimination.
 * Exact whatever the order; the order only decides the size of the tables.
 */
export function multiplyAndSum(factors: readonly Factor[], sumOut: number | null, card: Cardinality): Factor {
  const scope: number[] = [];
  for (const factor of factors) for (const v of factor.vars) if (!scope.includes(v) && v !== sumOut) scope.push(v);
  const full = sumOut === null ? scope : [...scope, sumOut];
  const dimensions = full.length;
  const cards = Int32Array.from(full, card);
  let total = 1;
  for (let position = 0; position < dimensions; position += 1) total *= cards[position] as number;
  const outSize = sumOut === null ? total : total / card(sumOut);
  const out = new Float64Array(outSize);
  const count = factors.length;
  const tables = factors.map((factor) => factor.table);
  // steps[f * dimensions + position]: how far factor f's index moves when `position` steps by one.
  const steps = new Int32Array(count * dimensions);
  factors.forEach((factor, f) => {
    const own = strides(factor.vars, card);
    full.forEach((v, position) => {
      const at = factor.vars.indexOf(v);
      steps[f * dimensions + position] = at < 0 ? 0 : (own[at] ?? 0);
    });
  });
  const assignment = new Int32Array(dimensions);
  const indices = new Int32Array(count);
  const last = sumOut === null ? 1 : card(sumOut);
  let at = 0;
  let within = 0;
  for (let flat = 0; flat < total; flat += 1) {
    // The same products, in the same order, as entry by entry: the result is the same bit for bit.
    let product = 1;
    for (let f = 0; f < count && product !== 0; f += 1) product *= (tables[f] as Float64Array)[indices[f] as number] as number;
    out[at] = (out[at] as number) + product;
    if (++within === last) {
      within = 0;
      at += 1;
    }
    // Odometer over `full`, keeping each factor's index in step.
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
