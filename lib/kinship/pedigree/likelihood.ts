import { compileStructure, runCompiled, type CompiledStructure } from "./compiled-structure";
import { entry, multiplyAndSum, splitAtPositions, type Factor } from "./factor";
import { writeMeiosis, writeOneGeneMeiosis } from "./meiosis-table";
import { NumericMemo } from "./numeric-memo";
import { beginFactorTables, factorTable } from "./factor-tables";
import type { LocusAlleles } from "./locus-alleles";
import { phenotypeProbability, possibleAlleles, type Observation } from "./phenotype";
import type { IndexedPedigree } from "./structure";

/**
 * P(observations | pedigree) at one locus, exactly.
 *
 * Variables are genes: person i carries gene 2i from the mother and 2i+1 from the father. A gene
 * whose parent is unknown is a founder gene. Factors: each typed person's observation on their two
 * genes, and each meiosis P(child's gene z | parent's genes x, y) = ½·M[x][z] + ½·M[y][z], M the
 * mother's or father's mutation matrix. Non-founder genes are summed out by variable elimination
 * (any pedigree, loops included); the founder genes are then summed over jointly with the
 * Balding–Nichols prior, the next founder allele being a with probability
 * (m_a·θ + (1−θ)·p_a) / (1 + (n−1)·θ) after n founder alleles of which m_a are a.
 */
export function pedigreeLikelihood(
  pedigree: IndexedPedigree,
  observations: readonly (Observation | null)[],
  locus: LocusAlleles,
  theta: number,
): number {
  const domains = geneDomains(pedigree.ids.length, observations, locus, -1);
  // The choices of the elimination and of the founder sum depend only on which genes share a
  // factor and how many values each has: made once per such structure (structureOf), then run
  // from its compiled form (compiled-structure.ts: the same operations in the same order).
  const key = structureKeyOf(pedigree, observations, domains, theta, locus.frequencies.length);
  let structure = findStructure(key);
  if (structure?.compiled) return runCompiled(structure.compiled, observations, domains, locus, theta);
  beginFactorTables();
  const { factors, founderGenes, card } = buildFactors(pedigree, observations, locus, -1, domains);
  const persons = pedigree.ids.length;
  if (theta === 0) {
    // Independent founders: each founder gene's prior is one more factor, and everything is eliminated.
    for (const gene of founderGenes) factors.push(founderPrior(gene, domains, locus));
    let scalars: Factor[];
    if (structure) scalars = replayElimination(factors, structure.steps, card);
    else {
      const steps: EliminationStep[] = [];
      scalars = eliminate(factors, new Set(Array.from({ length: 2 * persons }, (_, gene) => gene)), card, steps);
      rememberStructure(key, { steps, founders: null, compiled: compileStructure(factors, steps, card, null) });
    }
    return scalars.reduce((product, factor) => product * (factor.table[0] ?? 0), 1);
  }
  let remaining: Factor[];
  if (structure) remaining = replayElimination(factors, structure.steps, card);
  else {
    const steps: EliminationStep[] = [];
    remaining = eliminate(factors, new Set(genesOtherThan(founderGenes, persons)), card, steps);
    const founders = founderStructure(remaining, founderGenes, domains, locus.frequencies.length, theta, null);
    // Compiled when the founder sum's memo keys are numbers (always, on the DVI layer's pedigrees).
    structure = { steps, founders, compiled: founders.numericKeys ? compileStructure(factors, steps, card, founders) : null };
    rememberStructure(key, structure);
  }
  return sumOverFounders(structure.founders as FounderStructure, remaining, domains, locus.frequencies, theta, null).total;
}

/** One step of an elimination: the variable summed out and the positions (ascending) in the pool of the factors that hold it. */
interface EliminationStep {
  variable: number;
  touching: number[];
}

/** What pedigreeLikelihood's computations of one structure share: the elimination's steps and the founder sum's plan (θ > 0). */
interface Structure {
  steps: EliminationStep[];
  founders: FounderStructure | null;
  /** The structure as plain arrays (compiled-structure.ts), run by every computation after the first; null when the founder sum's keys are strings. */
  compiled: CompiledStructure | null;
}

/**
 * Structures by key (structureKey), for the whole process: at national scale a few hundred keys
 * serve millions of computations. Cleared if it ever grows past a bound (an unusual mix of pedigrees).
 */
const structures = new Map<string, Structure>();
/**
 * The same, by the pedigree's shape string (shapeOf) and then structureKey's other parts as one
 * number (numericStructureKey), when they fit: a lookup per computation (1.7 M at national scale)
 * by a string key built for it cost more than the elimination it replayed (its concatenation,
 * then hashing it in the map: ≈ 3 % of the national layer's samples).
 */
const structuresByShape = new Map<string, Map<number, Structure>>();
let structuresKept = 0;
const STRUCTURES_KEPT = 20_000;

/** A structure's key: the pedigree's shape and the rest as one number, or (when that does not fit) the whole key as a string. */
type StructureKey = { shape: string; rest: number } | string;

function findStructure(key: StructureKey): Structure | undefined {
  return typeof key === "string" ? structures.get(key) : structuresByShape.get(key.shape)?.get(key.rest);
}

function rememberStructure(key: StructureKey, structure: Structure): void {
  if (structuresKept >= STRUCTURES_KEPT) {
    structures.clear();
    structuresByShape.clear();
    structuresKept = 0;
  }
  structuresKept += 1;
  if (typeof key === "string") {
    structures.set(key, structure);
    return;
  }
  let byRest = structuresByShape.get(key.shape);
  if (!byRest) {
    byRest = new Map();
    structuresByShape.set(key.shape, byRest);
  }
  byRest.set(key.rest, structure);
}

/** Each pedigree's parents as a string, once per pedigree object. */
const shapeKeys = new WeakMap<IndexedPedigree, string>();
function shapeOf(pedigree: IndexedPedigree): string {
  let shape = shapeKeys.get(pedigree);
  if (shape === undefined) {
    shape = `${pedigree.mother.join(",")}|${pedigree.father.join(",")}`;
    shapeKeys.set(pedigree, shape);
  }
  return shape;
}

/**
 * structureKey's parts other than the shape as one number in mixed radix (θ > 0; the number of
 * alleles; the domains' largest possible size, which sets their radix; each person typed or not;
 * each gene's domain size), or -1 when it would not fit exactly in a double. With the shape (which
 * fixes the number of persons and so of digits) it names what structureKey names.
 */
function numericStructureKey(observations: readonly (Observation | null)[], domains: readonly (readonly number[])[], theta: number, alleleCount: number, persons: number): number {
  let largest = 0;
  for (let gene = 0; gene < domains.length; gene += 1) largest = Math.max(largest, (domains[gene] as readonly number[]).length);
  if (alleleCount >= 1 << 10 || largest >= 1 << 10) return -1;
  const radix = largest + 1;
  if (Math.log2(2 * 2 ** 20) + persons + domains.length * Math.log2(radix) > 52) return -1;
  let key = (theta > 0 ? 1 : 0) * (1 << 10) + alleleCount;
  key = key * (1 << 10) + largest;
  for (let person = 0; person < persons; person += 1) key = key * 2 + (observations[person] ? 1 : 0);
  for (let gene = 0; gene < domains.length; gene += 1) key = key * radix + (domains[gene] as readonly number[]).length;
  return key;
}

function structureKeyOf(pedigree: IndexedPedigree, observations: readonly (Observation | null)[], domains: readonly (readonly number[])[], theta: number, alleleCount: number): StructureKey {
  const rest = numericStructureKey(observations, domains, theta, alleleCount, pedigree.ids.length);
  return rest >= 0 ? { shape: shapeOf(pedigree), rest } : structureKey(pedigree, observations, domains, theta, alleleCount);
}

/**
 * Everything the choices of the elimination and of the founder sum read: the parents (which genes
 * a meiosis joins), who is typed (which genes an observation joins, and which untyped founders pass
 * on one gene), each gene's number of values, whether θ > 0 and the number of alleles (the memo's
 * key space). Two computations with one key build factors over the same genes with the same
 * cardinalities in the same order, so every choice, and every product's order, is the same.
 */
function structureKey(pedigree: IndexedPedigree, observations: readonly (Observation | null)[], domains: readonly (readonly number[])[], theta: number, alleleCount: number): string {
  let key = `${shapeOf(pedigree)}|${theta > 0 ? 1 : 0}|${alleleCount}|`;
  for (let person = 0; person < pedigree.ids.length; person += 1) key += observations[person] ? "t" : "u";
  for (const domain of domains) key += `,${domain.length}`;
  return key;
}

/** eliminate's steps made again on factors of the same structure: the same products in the same order. */
function replayElimination(factors: Factor[], steps: readonly EliminationStep[], card: (gene: number) => number): Factor[] {
  let pool = factors;
  for (const { variable, touching } of steps) {
    if (touching.length === 0) continue;
    const { chosen, rest } = splitAtPositions(pool, touching);
    rest.push(multiplyAndSum(chosen, variable, card));
    pool = rest;
  }
  return pool;
}

/**
 * The same likelihood with one person's genes left open: entry x·K + y (K = locus.labels.length)
 * is P(every other observation, and `open` carries allele x from the mother and y from the
 * father). Whatever `open` is typed as is read from this vector alone, Σ P(observation | x, y) ·
 * entry, so one elimination serves every genotype of that person (the DVI layer's bodies against
 * one family). Exact with θ and mutation: `open`'s genes are founder genes of the joint θ draw when
 * its parents are unknown, and otherwise summed with their meioses like any other gene; only the
 * order of the sums differs from pedigreeLikelihood, so the two agree up to rounding.
 * `open` must be kept by pruning (counted as typed); its entry in `observations` is ignored.
 */
export function pedigreeLikelihoodByGenes(
  pedigree: IndexedPedigree,
  observations: readonly (Observation | null)[],
  locus: LocusAlleles,
  theta: number,
  open: number,
): Float64Array {
  const size = locus.labels.length;
  beginFactorTables();
  const domains = geneDomains(pedigree.ids.length, observations, locus, open);
  const { factors, founderGenes, card } = buildFactors(pedigree, observations, locus, open, domains);
  const persons = pedigree.ids.length;
  const openGenes = [2 * open, 2 * open + 1];
  if (theta === 0) {
    for (const gene of founderGenes) factors.push(founderPrior(gene, domains, locus));
    const remaining = eliminate(factors, new Set(genesOtherThan([...openGenes], persons)), card);
    const joint = multiplyAndSum(remaining, null, card);
    // The open genes' domains are every allele, so a gene's local value is the allele itself.
    const out = new Float64Array(size * size);
    const values = new Int32Array(2 * persons);
    for (let x = 0; x < size; x += 1) {
      for (let y = 0; y < size; y += 1) {
        values[2 * open] = x;
        values[2 * open + 1] = y;
        out[x * size + y] = entry(joint, values, card);
      }
    }
    return out;
  }
  const remaining = eliminate(factors, new Set(genesOtherThan([...founderGenes, ...openGenes], persons)), card);
  const founders = new Set(founderGenes);
  const openPart: OpenGenes = { genes: openGenes, founder: openGenes.map((gene) => founders.has(gene)), size };
  const structure = founderStructure(remaining, founderGenes.filter((gene) => !openGenes.includes(gene)), domains, locus.frequencies.length, theta, openPart);
  return sumOverFounders(structure, remaining, domains, locus.frequencies, theta, openPart).byOpen as Float64Array;
}

/**
 * The factors of one locus: each typed person's observation on their two genes and each meiosis,
 * with every gene's domain reduced to the alleles its observation allows (genotype elimination).
 * `open` (or -1) is a person left untyped but kept whole: all alleles, both genes (see
 * pedigreeLikelihoodByGenes).
 */
function buildFactors(pedigree: IndexedPedigree, observations: readonly (Observation | null)[], locus: LocusAlleles, open: number, domains: readonly (readonly number[])[]) {
  const size = locus.labels.length;
  const persons = pedigree.ids.length;
  const card = (gene: number) => domains[gene]?.length ?? 1;
  const factors: Factor[] = [];
  for (let i = 0; i < persons; i += 1) {
    const observation = i === open ? null : observations[i];
    if (!observation) continue;
    const xs = domains[2 * i] ?? [];
    const ys = domains[2 * i + 1] ?? [];
    const table = factorTable(xs.length * ys.length);
    for (let a = 0; a < xs.length; a += 1) {
      for (let b = 0; b < ys.length; b += 1) table[a * ys.length + b] = phenotypeProbability(observation, xs[a] as number, ys[b] as number, locus.silent);
    }
    factors.push({ vars: [2 * i, 2 * i + 1], table });
  }
  // An untyped founder with one child passes on one of their genes: only that one enters the
  // joint θ draw (the draw is exchangeable, so leaving the other out is exact), as gene 2·parent.
  const children = new Array<number>(persons).fill(0);
  for (let child = 0; child < persons; child += 1) {
    const mother = pedigree.mother[child] ?? -1;
    const father = pedigree.father[child] ?? -1;
    if (mother >= 0) children[mother] = (children[mother] ?? 0) + 1;
    if (father >= 0) children[father] = (children[father] ?? 0) + 1;
  }
  const oneGene: boolean[] = [];
  for (let person = 0; person < persons; person += 1) {
    oneGene.push(person !== open && !observations[person] && (pedigree.mother[person] ?? -1) < 0 && (pedigree.father[person] ?? -1) < 0 && children[person] === 1);
  }
  const founderGenes: number[] = [];
  const built = { factors, founderGenes, domains, oneGene, size };
  for (let child = 0; child < persons; child += 1) {
    addMeiosis(built, 2 * child, pedigree.mother[child] ?? -1, locus.female);
    addMeiosis(built, 2 * child + 1, pedigree.father[child] ?? -1, locus.male);
  }
  return { factors, founderGenes, card };
}

/** Each gene's possible alleles (both genes of a person alike), `open` (or -1) a person kept whole: every allele. */
function geneDomains(persons: number, observations: readonly (Observation | null)[], locus: LocusAlleles, open: number): (readonly number[])[] {
  const size = locus.labels.length;
  const domains: (readonly number[])[] = [];
  for (let i = 0; i < persons; i += 1) {
    const possible = possibleAlleles(i === open ? null : (observations[i] ?? null), size, locus.silent);
    domains.push(possible, possible);
  }
  return domains;
}

/** The factor of one meiosis into `gene` (or `gene` as a founder gene when its parent is unknown). */
function addMeiosis(
  built: { factors: Factor[]; founderGenes: number[]; domains: readonly (readonly number[])[]; oneGene: readonly boolean[]; size: number },
  gene: number,
  parent: number,
  matrix: Float64Array,
): void {
  const { factors, founderGenes, domains, oneGene, size } = built;
  if (parent < 0) {
    if (!oneGene[gene >> 1]) founderGenes.push(gene);
    return;
  }
  const zs = domains[gene] ?? [];
  if (oneGene[parent]) {
    const xs = domains[2 * parent] ?? [];
    const table = factorTable(xs.length * zs.length);
    writeOneGeneMeiosis(table, 0, xs, zs, matrix, size);
    factors.push({ vars: [2 * parent, gene], table });
    founderGenes.push(2 * parent);
    return;
  }
  const xs = domains[2 * parent] ?? [];
  const ys = domains[2 * parent + 1] ?? [];
  const table = factorTable(xs.length * ys.length * zs.length);
  writeMeiosis(table, 0, xs, ys, zs, matrix, size);
  factors.push({ vars: [2 * parent, 2 * parent + 1, gene], table });
}

/** A founder gene's prior (θ = 0): each allele of its domain at its population frequency. */
function founderPrior(gene: number, domains: readonly (readonly number[])[], locus: LocusAlleles): Factor {
  const domain = domains[gene] ?? [];
  const table = factorTable(domain.length);
  for (let at = 0; at < domain.length; at += 1) table[at] = locus.frequencies[domain[at] as number] ?? 0;
  return { vars: [gene], table };
}

function genesOtherThan(founders: readonly number[], persons: number): number[] {
  const genes: number[] = [];
  for (let gene = 0; gene < 2 * persons; gene += 1) if (!founders.includes(gene)) genes.push(gene);
  return genes;
}

/**
 * Variable elimination of `toEliminate`, greedily choosing the variable whose step makes the
 * smallest table (the first such in `toEliminate`'s order). The scope of each candidate step is
 * gathered with a stamp per variable rather than a set per candidate: the same choices, in the same
 * order, so the same products and sums bit for bit.
 */
function eliminate(factors: Factor[], toEliminate: Set<number>, card: (gene: number) => number, record?: EliminationStep[]): Factor[] {
  let pool = factors;
  const left = [...toEliminate];
  let width = 0;
  for (const factor of factors) for (const v of factor.vars) if (v >= width) width = v + 1;
  for (const v of left) if (v >= width) width = v + 1;
  const stamp = new Int32Array(width);
  let round = 0;
  while (left.length > 0) {
    let bestAt = -1;
    let bestCost = Infinity;
    for (let at = 0; at < left.length; at += 1) {
      const v = left[at] as number;
      round += 1;
      let cost = 1;
      for (let f = 0; f < pool.length; f += 1) {
        const vars = (pool[f] as Factor).vars;
        if (!vars.includes(v)) continue;
        for (let k = 0; k < vars.length; k += 1) {
          const u = vars[k] as number;
          if (stamp[u] === round) continue;
          stamp[u] = round;
          cost *= card(u);
        }
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestAt = at;
      }
    }
    const best = left[bestAt] as number;
    left.splice(bestAt, 1);
    const touching: Factor[] = [];
    const rest: Factor[] = [];
    const positions: number[] = [];
    pool.forEach((factor, at) => {
      if (factor.vars.includes(best)) {
        touching.push(factor);
        positions.push(at);
      } else rest.push(factor);
    });
    record?.push({ variable: best, touching: positions });
    pool = rest;
    if (touching.length > 0) pool.push(multiplyAndSum(touching, best, card));
  }
  return pool;
}

/** Genes left open by pedigreeLikelihoodByGenes: summed first, each value kept apart. */
interface OpenGenes {
  genes: readonly number[];
  /** Whether each is a founder gene (drawn in the θ prior) or a child's (prior 1, not counted). */
  founder: readonly boolean[];
  /** Number of alleles: an open gene's domain is every allele. */
  size: number;
}

/**
 * Σ over founder alleles of the joint θ prior times the remaining factors: depth first over the
 * founder genes, remembering partial sums by (allele counts so far, alleles of earlier genes that
 * later factors still read). With `open`, its genes come first and each of their combinations is
 * written apart into byOpen instead of summed (the memo below them is shared by all).
 */
/** What the founder sum of one structure reads besides the tables' values (founderStructure). */
export interface FounderStructure {
  order: number[];
  /** How many founder alleles the θ draw has seen before each level. */
  drawn: Int32Array;
  /** Per level, the positions (in the factors' order) of the factors it completes; and those of no variable. */
  attached: number[][];
  constants: number[];
  frontier: number[][];
  memoisedAt: Uint8Array;
  numericKeys: boolean;
  countWeights: Float64Array;
  countsScale: number;
}

/**
 * The founder sum's plan: the order of the genes, where each factor is read, the memo's frontier
 * per level and its keys' form. Depends on the factors' variables and the domains' sizes only.
 */
function founderStructure(
  factors: readonly Factor[],
  founderGenes: readonly number[],
  domains: readonly (readonly number[])[],
  alleleCount: number,
  theta: number,
  open: OpenGenes | null,
): FounderStructure {
  const openCount = open?.genes.length ?? 0;
  const order = open ? [...open.genes, ...founderOrder(factors, founderGenes, domains)] : founderOrder(factors, founderGenes, domains);
  // How many founder alleles the θ draw has seen before each level (open child genes are not drawn).
  const drawn = new Int32Array(order.length + 1);
  for (let level = 0; level < order.length; level += 1) drawn[level + 1] = (drawn[level] ?? 0) + (level < openCount && !open?.founder[level] ? 0 : 1);
  const position = new Map(order.map((gene, i) => [gene, i]));
  const attached: number[][] = order.map(() => []);
  const constants: number[] = [];
  factors.forEach((factor, at) => {
    if (factor.vars.length === 0) {
      constants.push(at);
      return;
    }
    const level = Math.max(...factor.vars.map((v) => position.get(v) ?? 0));
    attached[level]?.push(at);
  });
  const frontier = order.map((_, level) => {
    const needed = new Set<number>();
    for (let later = level; later < order.length; later += 1) {
      for (const at of attached[later] ?? []) for (const v of (factors[at] as Factor).vars) if ((position.get(v) ?? 0) < level) needed.add(v);
    }
    return [...needed].sort((a, b) => a - b);
  });
  // Two paths to a level share a key only when they differ in genes off the frontier (counted
  // alike when θ > 0, which takes two such genes swapping alleles): otherwise no memo is kept.
  const memoisedAt = Uint8Array.from(frontier, (genes, level) => (level - genes.length >= (theta > 0 ? 2 : 1) ? 1 : 0));
  // The memo's key: (level, the frontier's values, the allele counts so far when θ > 0). As one
  // number in mixed radix when every such key fits in a double's 53 bits (always, on the pedigrees
  // the DVI layer meets): building a string key per visit was most of the sum's cost. Otherwise as
  // a string. Either key names the same partial sum, so the result is the same bit for bit.
  const countRadix = order.length + 1;
  let keySpace = Math.log2(order.length + 1);
  for (const gene of order) keySpace += Math.log2(Math.max(1, domains[gene]?.length ?? 1));
  if (theta > 0) keySpace += alleleCount * Math.log2(countRadix);
  const numericKeys = keySpace < 52;
  // The counts' digits of a numeric key, Σ counts[a] · countRadix^(K−1−a), kept up to date as the
  // counts change (countsKey, by each allele's weight) instead of read allele by allele at every
  // visit: every term is an integer below 2^52, so the same key exactly.
  const countWeights = new Float64Array(alleleCount);
  let countsScale = 1;
  if (numericKeys && theta > 0) {
    for (let allele = alleleCount - 1; allele >= 0; allele -= 1) {
      countWeights[allele] = countsScale;
      countsScale *= countRadix;
    }
  }
  return { order, drawn, attached, constants, frontier, memoisedAt, numericKeys, countWeights, countsScale };
}

/**
 * The founder sum's working state (sumOverFounders): its recursion is a module function over this
 * rather than closures made per call (millions of calls at national scale; every closure made also
 * costs the bench's tsx a name definition).
 */
interface FounderSum {
  structure: FounderStructure;
  attached: Factor[][];
  domains: readonly (readonly number[])[];
  frequencies: Float64Array;
  theta: number;
  values: Int32Array;
  counts: Int32Array;
  countsKey: number;
  /** Partial sums by string key (numeric keys go in numericMemo, begun by each sum). */
  memo: Map<string, number>;
}

/** The founder sums' memo of numeric keys, reused by every sum (one at a time: a sum calls no other). */
const numericMemo = new NumericMemo();

/** The memo's key at `level` (see founderStructure): numeric in mixed radix, else a string. */
function founderKey(sum: FounderSum, level: number): number | string {
  const { frontier, order, numericKeys, countsScale } = sum.structure;
  const { domains, values } = sum;
  if (numericKeys) {
    // The level is the last digit, so that each level's digits (its own frontier) decode uniquely.
    let key = 0;
    const genes = frontier[level] ?? [];
    for (let at = 0; at < genes.length; at += 1) {
      const v = genes[at] as number;
      key = key * (domains[v]?.length ?? 1) + (values[v] ?? 0);
    }
    return (key * countsScale + sum.countsKey) * (order.length + 1) + level;
  }
  let key = `${level}|`;
  for (const v of frontier[level] ?? []) key += `${values[v]},`;
  if (sum.theta > 0) key += `|${sum.counts.join(",")}`;
  return key;
}

/** A factor's entry at the current values. */
function readFactor(sum: FounderSum, factor: Factor): number {
  const { domains, values } = sum;
  const vars = factor.vars;
  let index = 0;
  for (let at = 0; at < vars.length; at += 1) {
    const v = vars[at] as number;
    index = index * (domains[v]?.length ?? 1) + (values[v] ?? 0);
  }
  return factor.table[index] ?? 0;
}

/** Σ over the founder genes from `level` on, given the earlier ones' values and counts. */
function visitFounders(sum: FounderSum, level: number): number {
  const { order, memoisedAt, drawn, countWeights } = sum.structure;
  if (level === order.length) return 1;
  const { domains, counts, frequencies, theta, values, memo } = sum;
  const gene = order[level] ?? 0;
  const memoised = memoisedAt[level] === 1;
  const key = memoised ? founderKey(sum, level) : 0;
  if (memoised) {
    if (typeof key === "number") {
      const known = numericMemo.get(key);
      if (known >= 0) return known;
    } else {
      const known = memo.get(key);
      if (known !== undefined) return known;
    }
  }
  let total = 0;
  const domain = domains[gene] ?? [];
  const attached = sum.attached[level] ?? [];
  for (let local = 0; local < domain.length; local += 1) {
    const allele = domain[local] ?? 0;
    const prior = ((counts[allele] ?? 0) * theta + (1 - theta) * (frequencies[allele] ?? 0)) / (1 + ((drawn[level] ?? 0) - 1) * theta);
    if (prior === 0) continue;
    values[gene] = local;
    let weight = prior;
    for (let at = 0; at < attached.length; at += 1) weight *= readFactor(sum, attached[at] as Factor);
    if (weight === 0) continue;
    counts[allele] = (counts[allele] ?? 0) + 1;
    sum.countsKey += countWeights[allele] ?? 0;
    total += weight * visitFounders(sum, level + 1);
    counts[allele] = (counts[allele] ?? 0) - 1;
    sum.countsKey -= countWeights[allele] ?? 0;
  }
  if (memoised) {
    if (typeof key === "number") numericMemo.set(key, total);
    else memo.set(key, total);
  }
  return total;
}

function sumOverFounders(
  structure: FounderStructure,
  factorList: readonly Factor[],
  domains: readonly (readonly number[])[],
  frequencies: Float64Array,
  theta: number,
  open: OpenGenes | null,
): { total: number; byOpen: Float64Array | null } {
  const openCount = open?.genes.length ?? 0;
  const { order, drawn, countWeights } = structure;
  let constant = 1;
  for (const at of structure.constants) constant *= (factorList[at] as Factor).table[0] ?? 0;
  const attached: Factor[][] = [];
  for (const positions of structure.attached) {
    const level: Factor[] = [];
    for (const at of positions) level.push(factorList[at] as Factor);
    attached.push(level);
  }
  const byOpen = open ? new Float64Array(open.size ** openCount) : null;
  if (constant === 0) return { total: 0, byOpen };
  const sum: FounderSum = {
    structure,
    attached,
    domains,
    frequencies,
    theta,
    values: new Int32Array(domains.length),
    counts: new Int32Array(frequencies.length),
    countsKey: 0,
    memo: new Map(),
  };
  numericMemo.begin();
  if (!open || !byOpen) return { total: constant * visitFounders(sum, 0), byOpen: null };
  const { counts, values } = sum;
  // The open genes: every combination of their alleles, each entry its own product.
  const descend = (level: number, flat: number, weightSoFar: number) => {
    if (level === openCount) {
      byOpen[flat] = constant * weightSoFar * visitFounders(sum, level);
      return;
    }
    const gene = order[level] ?? 0;
    const founder = open.founder[level] ?? false;
    for (let allele = 0; allele < open.size; allele += 1) {
      const prior = founder ? ((counts[allele] ?? 0) * theta + (1 - theta) * (frequencies[allele] ?? 0)) / (1 + ((drawn[level] ?? 0) - 1) * theta) : 1;
      if (prior === 0) continue;
      values[gene] = allele;
      let weight = weightSoFar * prior;
      const factors = attached[level] ?? [];
      for (let at = 0; at < factors.length; at += 1) weight *= readFactor(sum, factors[at] as Factor);
      if (weight === 0) continue;
      if (founder) {
        counts[allele] = (counts[allele] ?? 0) + 1;
        sum.countsKey += countWeights[allele] ?? 0;
      }
      descend(level + 1, flat * open.size + allele, weight);
      if (founder) {
        counts[allele] = (counts[allele] ?? 0) - 1;
        sum.countsKey -= countWeights[allele] ?? 0;
      }
    }
  };
  descend(0, 0, 1);
  return { total: Number.NaN, byOpen };
}

/**
 * The order of the depth-first sum: greedily the gene that leaves the fewest earlier genes still
 * read by later factors (the memo key), then the one with the fewest values; ties to the lowest
 * gene. Any order is exact. Which genes share a factor is tabulated once.
 */
function founderOrder(factors: readonly Factor[], founderGenes: readonly number[], domains: readonly (readonly number[])[]): number[] {
  const genes = [...founderGenes].sort((a, b) => a - b);
  const count = genes.length;
  const local = new Map(genes.map((gene, i) => [gene, i]));
  // together[a * count + b]: genes a and b appear in one factor.
  const together = new Uint8Array(count * count);
  for (const factor of factors) {
    for (const u of factor.vars) {
      const a = local.get(u);
      if (a === undefined) continue;
      for (const v of factor.vars) {
        const b = local.get(v);
        if (b !== undefined && b !== a) together[a * count + b] = 1;
      }
    }
  }
  const assigned = new Uint8Array(count);
  const order: number[] = [];
  for (let step = 0; step < count; step += 1) {
    let best = -1;
    let bestScore = Infinity;
    for (let candidate = 0; candidate < count; candidate += 1) {
      if (assigned[candidate]) continue;
      // Earlier genes (and the candidate) still sharing a factor with a gene left after the candidate.
      let frontier = 0;
      for (let a = 0; a < count; a += 1) {
        if (!assigned[a] && a !== candidate) continue;
        for (let b = 0; b < count; b += 1) {
          if (assigned[b] || b === candidate || !together[a * count + b]) continue;
          frontier += 1;
          break;
        }
      }
      const score = frontier * 1000 + (domains[genes[candidate] ?? 0]?.length ?? 0);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    assigned[best] = 1;
    order.push(genes[best] ?? 0);
  }
  return order;
}

/** Forgets every structure pedigreeLikelihood has made (tests: a computation from scratch against one replayed). */
export function forgetPedigreeStructures(): void {
  structures.clear();
  structuresByShape.clear();
  structuresKept = 0;
}
