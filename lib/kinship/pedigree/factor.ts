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
  const cards = full.map(card);
  const total = cards.reduce((product, c) => product * c, 1);
  const outSize = sumOut === null ? total : total / card(sumOut);
  const out = new Float64Array(outSize);
  const factorStrides = factors.map((factor) => {
    const own = strides(factor.vars, card);
    return full.map((v) => {
      const at = factor.vars.indexOf(v);
      return at < 0 ? 0 : (own[at] ?? 0);
    });
  });
  const assignment = new Array<number>(full.length).fill(0);
  const indices = new Array<number>(factors.length).fill(0);
  const last = sumOut === null ? 1 : card(sumOut);
  for (let flat = 0; flat < total; flat += 1) {
    let product = 1;
    for (let f = 0; f < factors.length && product !== 0; f += 1) product *= factors[f]?.table[indices[f] ?? 0] ?? 0;
    const at = Math.floor(flat / last);
    out[at] = (out[at] ?? 0) + product;
    // Odometer over `full`, keeping each factor's index in step.
    for (let position = full.length - 1; position >= 0; position -= 1) {
      const value = (assignment[position] ?? 0) + 1;
      if (value < (cards[position] ?? 1)) {
        assignment[position] = value;
        for (let f = 0; f < factors.length; f += 1) indices[f] = (indices[f] ?? 0) + (factorStrides[f]?.[position] ?? 0);
        break;
      }
      for (let f = 0; f < factors.length; f += 1) indices[f] = (indices[f] ?? 0) - (value - 1) * (factorStrides[f]?.[position] ?? 0);
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
