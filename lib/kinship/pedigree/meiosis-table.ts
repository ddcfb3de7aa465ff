/**
 * The values of one meiosis factor (pedigree/likelihood.ts builds them as factors, compiled-structure.ts
 * into its one buffer): for each parental allele x (and y), each child allele z, the probability the
 * parent passes z. `matrix` is the mutation matrix of the parent's sex, `size` its number of alleles.
 * Written from `at` on, in the order the factor's variables are listed (parent's genes, then the
 * child's gene). Indexed loops: for-of here made an iterator's results per step in optimised code.
 */

/** A parent with one gene at this locus (a male's X, say): the entry is the mutation matrix's. */
export function writeOneGeneMeiosis(table: Float64Array, at: number, xs: readonly number[], zs: readonly number[], matrix: Float64Array, size: number): void {
  let position = at;
  for (let i = 0; i < xs.length; i += 1) {
    const x = xs[i] as number;
    for (let k = 0; k < zs.length; k += 1) table[position++] = matrix[x * size + (zs[k] as number)] ?? 0;
  }
}

/** A parent with two genes: either is passed with probability ½. */
export function writeMeiosis(table: Float64Array, at: number, xs: readonly number[], ys: readonly number[], zs: readonly number[], matrix: Float64Array, size: number): void {
  let position = at;
  for (let i = 0; i < xs.length; i += 1) {
    const x = xs[i] as number;
    for (let j = 0; j < ys.length; j += 1) {
      const y = ys[j] as number;
      for (let k = 0; k < zs.length; k += 1) {
        const z = zs[k] as number;
        table[position++] = 0.5 * ((matrix[x * size + z] ?? 0) + (matrix[y * size + z] ?? 0));
      }
    }
  }
}
