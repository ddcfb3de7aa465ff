import { splitAtPositions, sumOfTwoProducts, type Factor } from "./factor";
import type { FounderStructure } from "./likelihood";
import type { LocusAlleles } from "./locus-alleles";
import { writeMeiosis, writeOneGeneMeiosis } from "./meiosis-table";
import { NumericMemo } from "./numeric-memo";
import { phenotypeProbability, type Observation } from "./phenotype";

/**
 * A structure of pedigreeLikelihood (likelihood.ts) made into plain arrays of numbers, run on one
 * reused buffer: every later computation of that structure builds the same factor tables, makes the
 * same products in the same order and the same founder sum, without the objects the replay made per
 * computation (a factor, its variables, a view of the tables' buffer, the pools of each step, the
 * founder sum's lists and memo). At national scale the DVI layer makes 1.75 M such computations, and
 * their short-lived objects were most of the garbage collector's work.
 *
 * Everything here is fixed by the structure (who is typed, the parents, each gene's number of
 * values), so it is decided once: which factor each table is and where it lies, each step's scope,
 * the strides of each factor in it, and each founder level's factors with their strides.
 */

/** What an initial factor is (likelihood.ts's buildFactors, then the θ = 0 founder priors). */
const OBSERVATION = 0;
const MEIOSIS_ONE_GENE = 1;
const MEIOSIS = 2;
const FOUNDER_PRIOR = 3;

/** One step of the elimination: multiplyAndSum's loops with every index decided. */
interface CompiledStep {
  count: number;
  dimensions: number;
  last: number;
  outSize: number;
  outOffset: number;
  /** Per factor (in the product's order): its table's offset and its stride along the summed variable. */
  inOffsets: Int32Array;
  sumSteps: Int32Array;
  /** Per scope position: its number of values; steps[f · dimensions + position]: factor f's stride there. */
  cards: Int32Array;
  steps: Int32Array;
}

export interface CompiledStructure {
  /** Entries of the buffer the computation uses. */
  size: number;
  /** Per initial factor: its kind, its genes (observation: the person; meiosis: the parent and the child's gene; prior: the gene), its offset. */
  kinds: Int32Array;
  first: Int32Array;
  second: Int32Array;
  initialOffsets: Int32Array;
  steps: CompiledStep[];
  /** θ = 0: the scalars left, in the pool's order (their offsets). */
  finals: Int32Array;
  /** θ > 0: the founder sum. */
  founders: FounderStructure | null;
  constants: Int32Array;
  /** Per founder level, its factors (levelStart[level] … levelStart[level + 1] − 1): offset, and their variables with strides. */
  levelStart: Int32Array;
  attachedOffsets: Int32Array;
  varStart: Int32Array;
  vars: Int32Array;
  strides: Int32Array;
  /** Per level, the memo key's frontier genes (frontierStart[level] …) and their numbers of values. */
  frontierStart: Int32Array;
  frontierGenes: Int32Array;
  frontierRadix: Int32Array;
}

/** The kind of an initial factor from its variables (buildFactors' forms; a child's gene is never its parent's). */
function kindOf(vars: readonly number[]): number {
  if (vars.length === 1) return FOUNDER_PRIOR;
  if (vars.length === 3) return MEIOSIS;
  const [a = 0, b = 0] = vars;
  return a % 2 === 0 && b === a + 1 ? OBSERVATION : MEIOSIS_ONE_GENE;
}

/**
 * Compiles a structure from its first computation's initial factors (buildFactors' list, with the
 * θ = 0 founder priors), the elimination's recorded steps and (θ > 0) the founder sum's plan, whose
 * memo keys must be numeric. Replays the steps on the factors' variables as replayElimination
 * replays them on the factors.
 */
export function compileStructure(
  initial: readonly Factor[],
  steps: readonly { variable: number; touching: number[] }[],
  card: (gene: number) => number,
  founders: FounderStructure | null,
): CompiledStructure {
  const varsOf: (readonly number[])[] = [];
  const offsets: number[] = [];
  let size = 0;
  const place = (vars: readonly number[]) => {
    let entries = 1;
    for (const v of vars) entries *= card(v);
    varsOf.push(vars);
    offsets.push(size);
    size += entries;
    return varsOf.length - 1;
  };
  const kinds = new Int32Array(initial.length);
  const first = new Int32Array(initial.length);
  const second = new Int32Array(initial.length);
  let pool: number[] = [];
  initial.forEach((factor, at) => {
    const kind = kindOf(factor.vars);
    kinds[at] = kind;
    const [a = 0, , c = 0] = factor.vars;
    first[at] = kind === OBSERVATION ? a >> 1 : kind === FOUNDER_PRIOR ? a : a >> 1;
    second[at] = kind === MEIOSIS ? c : kind === MEIOSIS_ONE_GENE ? (factor.vars[1] as number) : 0;
    pool.push(place(factor.vars));
  });
  const compiledSteps: CompiledStep[] = [];
  for (const { variable, touching } of steps) {
    if (touching.length === 0) continue;
    const { chosen, rest } = splitAtPositions(pool, touching);
    // multiplyAndSum's scope, cards and strides, as it computes them.
    const scope: number[] = [];
    for (const id of chosen) for (const v of varsOf[id] as readonly number[]) if (v !== variable && !scope.includes(v)) scope.push(v);
    const dimensions = scope.length;
    const count = chosen.length;
    const stepsOf = new Int32Array(count * dimensions);
    const sumSteps = new Int32Array(count);
    chosen.forEach((id, f) => {
      const vars = varsOf[id] as readonly number[];
      let stride = 1;
      for (let at = vars.length - 1; at >= 0; at -= 1) {
        const v = vars[at] as number;
        if (v === variable) sumSteps[f] = stride;
        else stepsOf[f * dimensions + scope.indexOf(v)] = stride;
        stride *= card(v);
      }
    });
    const produced = place(scope);
    let outSize = 1;
    for (const v of scope) outSize *= card(v);
    compiledSteps.push({
      count,
      dimensions,
      last: card(variable),
      outSize,
      outOffset: offsets[produced] as number,
      inOffsets: Int32Array.from(chosen, (id) => offsets[id] as number),
      sumSteps,
      cards: Int32Array.from(scope, (v) => card(v)),
      steps: stepsOf,
    });
    rest.push(produced);
    pool = rest;
  }
  const levelStart = new Int32Array((founders?.attached.length ?? 0) + 1);
  const attachedOffsets: number[] = [];
  const varStart: number[] = [];
  const vars: number[] = [];
  const strides: number[] = [];
  const frontierStart = new Int32Array((founders?.frontier.length ?? 0) + 1);
  const frontierGenes: number[] = [];
  const frontierRadix: number[] = [];
  founders?.attached.forEach((positions, level) => {
    for (const at of positions) {
      const id = pool[at] as number;
      attachedOffsets.push(offsets[id] as number);
      varStart.push(vars.length);
      // readFactor's index, Σ values[v] · (the product of the later variables' numbers of values).
      const factorVars = varsOf[id] as readonly number[];
      let stride = 1;
      const own: number[] = [];
      for (let k = factorVars.length - 1; k >= 0; k -= 1) {
        own.unshift(stride);
        stride *= card(factorVars[k] as number);
      }
      vars.push(...factorVars);
      strides.push(...own);
    }
    levelStart[level + 1] = attachedOffsets.length;
  });
  varStart.push(vars.length);
  founders?.frontier.forEach((genes, level) => {
    for (const gene of genes) {
      frontierGenes.push(gene);
      frontierRadix.push(card(gene));
    }
    frontierStart[level + 1] = frontierGenes.length;
  });
  return {
    size,
    kinds,
    first,
    second,
    initialOffsets: Int32Array.from(initial, (_, at) => offsets[at] as number),
    steps: compiledSteps,
    finals: founders ? new Int32Array(0) : Int32Array.from(pool, (id) => offsets[id] as number),
    founders,
    constants: Int32Array.from(founders?.constants ?? [], (at) => offsets[pool[at] as number] as number),
    levelStart,
    attachedOffsets: Int32Array.from(attachedOffsets),
    varStart: Int32Array.from(varStart),
    vars: Int32Array.from(vars),
    strides: Int32Array.from(strides),
    frontierStart,
    frontierGenes: Int32Array.from(frontierGenes),
    frontierRadix: Int32Array.from(frontierRadix),
  };
}

/** The buffer of every compiled computation (one at a time: they do not call one another), and the work arrays. */
let buffer = new Float64Array(1 << 12);
let work = new Int32Array(64);
let values = new Int32Array(64);
let counts = new Int32Array(64);
const memo = new NumericMemo();

/**
 * The founder sum's state for visit: one object for the process (one sum at a time), its fields
 * rather than module variables, because a module variable holding a fraction (countsKey) boxes a new
 * number at every write, and the sum writes it twice per founder allele tried.
 */
class SumState {
  compiled: CompiledStructure | null = null;
  domains: readonly (readonly number[])[] = [];
  frequencies: Float64Array = new Float64Array(0);
  theta = 0.5;
  countsKey = 0.5;
}
const state = new SumState();

/**
 * The likelihood of one computation of a compiled structure: buildFactors' tables, the elimination's
 * products, then the θ = 0 product of scalars or the founder sum, each with the very operations of
 * the uncompiled path (likelihood.ts) in the same order.
 */
export function runCompiled(compiled: CompiledStructure, observations: readonly (Observation | null)[], domains: readonly (readonly number[])[], locus: LocusAlleles, theta: number): number {
  if (buffer.length < compiled.size) buffer = new Float64Array(Math.max(compiled.size, 2 * buffer.length));
  const table = buffer;
  const size = locus.labels.length;
  const { kinds, first, second, initialOffsets } = compiled;
  for (let f = 0; f < kinds.length; f += 1) {
    const offset = initialOffsets[f] as number;
    const kind = kinds[f] as number;
    if (kind === OBSERVATION) {
      const person = first[f] as number;
      const observation = observations[person] as Observation;
      const xs = domains[2 * person] as readonly number[];
      const ys = domains[2 * person + 1] as readonly number[];
      for (let a = 0; a < xs.length; a += 1) {
        for (let b = 0; b < ys.length; b += 1) table[offset + a * ys.length + b] = phenotypeProbability(observation, xs[a] as number, ys[b] as number, locus.silent);
      }
    } else if (kind === FOUNDER_PRIOR) {
      const domain = domains[first[f] as number] as readonly number[];
      for (let at = 0; at < domain.length; at += 1) table[offset + at] = locus.frequencies[domain[at] as number] as number;
    } else {
      const parent = first[f] as number;
      const gene = second[f] as number;
      // The mother's meiosis makes the child's even gene, the father's the odd one.
      const matrix = gene % 2 === 0 ? locus.female : locus.male;
      const zs = domains[gene] as readonly number[];
      const xs = domains[2 * parent] as readonly number[];
      if (kind === MEIOSIS_ONE_GENE) writeOneGeneMeiosis(table, offset, xs, zs, matrix, size);
      else writeMeiosis(table, offset, xs, domains[2 * parent + 1] as readonly number[], zs, matrix, size);
    }
  }
  const { steps, finals, constants } = compiled;
  for (let at = 0; at < steps.length; at += 1) runStep(table, steps[at] as CompiledStep);
  if (!compiled.founders) {
    let product = 1;
    for (let at = 0; at < finals.length; at += 1) product *= table[finals[at] as number] as number;
    return product;
  }
  let constant = 1;
  for (let at = 0; at < constants.length; at += 1) constant *= table[constants[at] as number] as number;
  if (constant === 0) return 0;
  if (values.length < domains.length) values = new Int32Array(2 * domains.length);
  if (counts.length < locus.frequencies.length) counts = new Int32Array(2 * locus.frequencies.length);
  counts.fill(0);
  state.countsKey = 0;
  state.compiled = compiled;
  state.domains = domains;
  state.frequencies = locus.frequencies;
  state.theta = theta;
  memo.begin();
  return constant * visit(compiled, 0);
}

/** multiplyAndSum (factor.ts) on the buffer: the same products in the same order, the same running sums, the same odometer. */
function runStep(table: Float64Array, step: CompiledStep): void {
  const { count, dimensions, last, outSize, outOffset, inOffsets, sumSteps, cards, steps } = step;
  if (work.length < dimensions + 2 * count) work = new Int32Array(2 * (dimensions + 2 * count));
  const assignmentAt = 0;
  const indicesAt = dimensions;
  const innerAt = dimensions + count;
  work.fill(0, 0, dimensions + count);
  if (count === 2) {
    const firstOffset = inOffsets[0] as number;
    const secondOffset = inOffsets[1] as number;
    const firstSumStep = sumSteps[0] as number;
    const secondSumStep = sumSteps[1] as number;
    let firstIndex = 0;
    let secondIndex = 0;
    for (let at = 0; at < outSize; at += 1) {
      table[outOffset + at] = sumOfTwoProducts(table, firstOffset + firstIndex, firstSumStep, table, secondOffset + secondIndex, secondSumStep, last);
      for (let position = dimensions - 1; position >= 0; position -= 1) {
        const value = (work[assignmentAt + position] as number) + 1;
        if (value < (cards[position] as number)) {
          work[assignmentAt + position] = value;
          firstIndex += steps[position] as number;
          secondIndex += steps[dimensions + position] as number;
          break;
        }
        firstIndex -= (value - 1) * (steps[position] as number);
        secondIndex -= (value - 1) * (steps[dimensions + position] as number);
        work[assignmentAt + position] = 0;
      }
    }
    return;
  }
  for (let at = 0; at < outSize; at += 1) {
    for (let f = 0; f < count; f += 1) work[innerAt + f] = work[indicesAt + f] as number;
    let sum = 0;
    for (let within = 0; within < last; within += 1) {
      let product = 1;
      for (let f = 0; f < count && product !== 0; f += 1) product *= table[(inOffsets[f] as number) + (work[innerAt + f] as number)] as number;
      sum += product;
      for (let f = 0; f < count; f += 1) work[innerAt + f] = (work[innerAt + f] as number) + (sumSteps[f] as number);
    }
    table[outOffset + at] = sum;
    for (let position = dimensions - 1; position >= 0; position -= 1) {
      const value = (work[assignmentAt + position] as number) + 1;
      if (value < (cards[position] as number)) {
        work[assignmentAt + position] = value;
        for (let f = 0; f < count; f += 1) work[indicesAt + f] = (work[indicesAt + f] as number) + (steps[f * dimensions + position] as number);
        break;
      }
      for (let f = 0; f < count; f += 1) work[indicesAt + f] = (work[indicesAt + f] as number) - (value - 1) * (steps[f * dimensions + position] as number);
      work[assignmentAt + position] = 0;
    }
  }
}

/** visitFounders (likelihood.ts) over the compiled structure: Σ over the founder genes from `level` on. */
function visit(run: CompiledStructure, level: number): number {
  const founders = run.founders as FounderStructure;
  const { order, memoisedAt, drawn, countWeights, countsScale } = founders;
  if (level === order.length) return 1;
  const gene = order[level] as number;
  const memoised = memoisedAt[level] === 1;
  let key = 0;
  if (memoised) {
    // founderKey's numeric key: the frontier's values in mixed radix, the counts' digits, the level.
    const { frontierStart, frontierGenes, frontierRadix } = run;
    for (let at = frontierStart[level] as number; at < (frontierStart[level + 1] as number); at += 1) {
      key = key * (frontierRadix[at] as number) + (values[frontierGenes[at] as number] as number);
    }
    key = (key * countsScale + state.countsKey) * (order.length + 1) + level;
    const known = memo.get(key);
    if (known >= 0) return known;
  }
  const { theta, frequencies } = state;
  const { levelStart, attachedOffsets, varStart, vars, strides } = run;
  const table = buffer;
  const from = levelStart[level] as number;
  const to = levelStart[level + 1] as number;
  const domain = state.domains[gene] as readonly number[];
  let total = 0;
  for (let local = 0; local < domain.length; local += 1) {
    const allele = domain[local] as number;
    const prior = ((counts[allele] as number) * theta + (1 - theta) * (frequencies[allele] ?? 0)) / (1 + ((drawn[level] as number) - 1) * theta);
    if (prior === 0) continue;
    values[gene] = local;
    let weight = prior;
    for (let f = from; f < to; f += 1) {
      let index = 0;
      for (let at = varStart[f] as number; at < (varStart[f + 1] as number); at += 1) index += (values[vars[at] as number] as number) * (strides[at] as number);
      weight *= table[(attachedOffsets[f] as number) + index] as number;
    }
    if (weight === 0) continue;
    counts[allele] = (counts[allele] as number) + 1;
    state.countsKey += countWeights[allele] ?? 0;
    total += weight * visit(run, level + 1);
    counts[allele] = (counts[allele] as number) - 1;
    state.countsKey -= countWeights[allele] ?? 0;
  }
  if (memoised) memo.set(key, total);
  return total;
}
