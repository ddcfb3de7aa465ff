/**
 * One family's pass over every body (lib/kinship/screen.ts): the body's log10 LR is the sum of the
 * family's table entries over its loci, and it matters only if it beats the body's runner-up so far
 * (the tallies keep the best and the runner-up: anything at or below the runner-up changes neither).
 * Most pairs can be abandoned long before their last locus, exactly:
 *
 * - A pair at −∞ (a locus excludes the body) stays at −∞ and never enters the tallies. Until some
 *   body gets through every locus, the tables are therefore built one locus at a time, when a body
 *   first reaches it: a family whose typed parents exclude every body within a few loci never has
 *   its other loci's tables built.
 * - Once every table exists, each locus's largest entry bounds what it can add: after some loci, the
 *   partial sum plus the remaining loci's largest entries bounds the pair's final sum. When that bound
 *   is below the body's runner-up the pair cannot enter the tallies and is abandoned. The loci are
 *   then visited by how much they are expected to pull a body below the bound, so it tightens fast.
 *
 * A pair that is not abandoned is summed again in the loci's canonical order, so every figure the
 * tallies keep is bit for bit the unpruned sum, and ties resolve as before (the earlier family wins).
 */

export interface CodedBodies {
  lociCount: number;
  /** Entries per locus row of the lookup; the last one (stride − 1) means "not typed" and holds 0. */
  stride: number;
  /** codes[body * lociCount + locus]: the body's genotype index at the locus. */
  codes: Uint16Array;
  /** counts[locus * stride + code]: how many bodies have that code, so bounds skip absent genotypes. */
  counts: Int32Array;
}

export interface Tallies {
  best: Float64Array;
  second: Float64Array;
  bestCandidate: Int32Array;
  secondCandidate: Int32Array;
}

/** Writes one locus's row of the lookup (locus * stride onwards); false when the family says nothing there. */
export type BuildLocusTable = (locus: number) => boolean;

/** Work arrays of one screen, reused by every family: nothing is allocated per family or body. */
export class FamilyPass {
  private readonly active: Int32Array;
  private readonly order: Int32Array;
  private readonly offsets: Int32Array;
  private readonly maxima: Float64Array;
  private readonly drops: Float64Array;
  private readonly rest: Float64Array;

  constructor(
    private readonly bodies: CodedBodies,
    private readonly lookup: Float64Array,
    private readonly tallies: Tallies,
  ) {
    const { lociCount } = bodies;
    this.active = new Int32Array(lociCount);
    this.order = new Int32Array(lociCount);
    this.offsets = new Int32Array(lociCount);
    this.maxima = new Float64Array(lociCount);
    this.drops = new Float64Array(lociCount);
    this.rest = new Float64Array(lociCount);
  }

  /** Ranks the family `familyIndex` against every body, building its tables through `build` as needed. */
  run(build: BuildLocusTable, familyIndex: number): void {
    const { lociCount, stride, codes } = this.bodies;
    const { lookup, active } = this;
    const bodyCount = this.tallies.best.length;
    let activeCount = 0;
    let nextLocus = 0;
    let body = 0;
    for (let row = 0; body < bodyCount; body += 1, row += lociCount) {
      let sum = 0;
      let position = 0;
      for (;;) {
        if (position === activeCount) {
          while (nextLocus < lociCount && activeCount === position) {
            if (build(nextLocus)) active[activeCount++] = nextLocus;
            nextLocus += 1;
          }
          if (position === activeCount) break;
        }
        const locus = active[position] as number;
        sum += lookup[locus * stride + (codes[row + locus] as number)] as number;
        position += 1;
        if (sum === -Infinity) break;
      }
      if (sum !== -Infinity) this.tally(body, sum, familyIndex);
      if (nextLocus === lociCount) break;
    }
    if (body + 1 < bodyCount) this.bounded(activeCount, body + 1, familyIndex);
  }

  /** The rest of the bodies, every table built: abandoned as soon as the bound falls below the runner-up. */
  private bounded(activeCount: number, from: number, familyIndex: number): void {
    const { lociCount, codes } = this.bodies;
    const { lookup, order, offsets, rest } = this;
    const { second } = this.tallies;
    const bodyCount = second.length;
    const { ceiling, slack } = this.prepareBounds(activeCount);
    for (let body = from, row = from * lociCount; body < bodyCount; body += 1, row += lociCount) {
      const runnerUp = second[body] as number;
      // A sum at −∞ never enters the tallies, so against an empty runner-up any finite sum is needed.
      const needed = runnerUp === -Infinity ? -Number.MAX_VALUE : runnerUp - slack;
      if (!(ceiling >= needed)) continue;
      let sum = 0;
      let position = 0;
      for (; position < activeCount; position += 1) {
        sum += lookup[(offsets[position] as number) + (codes[row + (order[position] as number)] as number)] as number;
        if (!(sum + (rest[position] as number) >= needed)) break;
      }
      if (position === activeCount) this.tally(body, this.canonicalSum(row, activeCount), familyIndex);
    }
  }

  /**
   * Per active locus its largest entry over the genotypes bodies have, the visiting order (largest
   * expected drop below that entry first) and, per position, the largest entries still to come.
   * The slack covers rounding: the abandoned pairs' bounds and final sums add the same terms in
   * different orders, which can differ by a few units in the last place of the largest magnitude.
   */
  private prepareBounds(activeCount: number): { ceiling: number; slack: number } {
    const { stride, counts } = this.bodies;
    const { lookup, active, order, offsets, maxima, drops, rest } = this;
    let magnitude = 0;
    for (let position = 0; position < activeCount; position += 1) {
      const base = (active[position] as number) * stride;
      let maximum = (counts[base + stride - 1] as number) > 0 ? 0 : -Infinity;
      let largest = 0;
      for (let code = 0; code < stride - 1; code += 1) {
        if ((counts[base + code] as number) === 0) continue;
        const value = lookup[base + code] as number;
        if (value > maximum) maximum = value;
        if (Math.abs(value) > largest && Math.abs(value) !== Infinity) largest = Math.abs(value);
      }
      let drop = 0;
      for (let code = 0; code < stride; code += 1) {
        const count = counts[base + code] as number;
        if (count === 0) continue;
        const below = maximum - (code === stride - 1 ? 0 : (lookup[base + code] as number));
        // An excluding genotype (−∞) counts as a large fixed drop; NaN fails the test and does too.
        drop += count * (below < EXCLUSION_DROP ? below : EXCLUSION_DROP);
      }
      maxima[position] = maximum;
      drops[position] = drop;
      magnitude += largest;
      order[position] = position;
    }
    const positions = Array.from(order.subarray(0, activeCount)).sort((a, b) => (drops[b] as number) - (drops[a] as number) || a - b);
    let remaining = 0;
    for (let position = activeCount - 1; position >= 0; position -= 1) {
      const locusPosition = positions[position] as number;
      rest[position] = remaining;
      remaining += maxima[locusPosition] as number;
      order[position] = active[locusPosition] as number;
      offsets[position] = (active[locusPosition] as number) * stride;
    }
    return { ceiling: remaining, slack: 1e-9 * (1 + magnitude) };
  }

  /** The sum as the unpruned screen adds it: active loci in their canonical order. */
  private canonicalSum(row: number, activeCount: number): number {
    const { stride, codes } = this.bodies;
    let sum = 0;
    for (let position = 0; position < activeCount; position += 1) {
      const locus = this.active[position] as number;
      sum += this.lookup[locus * stride + (codes[row + locus] as number)] as number;
    }
    return sum;
  }

  private tally(body: number, sum: number, familyIndex: number): void {
    const { best, second, bestCandidate, secondCandidate } = this.tallies;
    const top = best[body] as number;
    if (sum > top) {
      second[body] = top;
      secondCandidate[body] = bestCandidate[body] as number;
      best[body] = sum;
      bestCandidate[body] = familyIndex;
    } else if (sum > (second[body] as number)) {
      second[body] = sum;
      secondCandidate[body] = familyIndex;
    }
  }
}

/** How far (log10) an excluding genotype is taken to pull a body down when ordering the loci. */
const EXCLUSION_DROP = 10;
