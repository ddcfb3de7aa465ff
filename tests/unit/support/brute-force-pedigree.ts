/**
 * An independent, deliberately naive pedigree likelihood for the tests: it shares no code with
 * lib/kinship/pedigree. Every person's two genes are enumerated over every allele; founders' genes
 * are drawn one after another with the Balding–Nichols formula; every meiosis is enumerated over
 * the allele it passes (either parental gene, ½ each, then the mutation matrix); each typed person's
 * observation is enumerated over which copies drop out. Nothing is lumped, pruned or factorised.
 */
export interface BrutePerson {
  id: string;
  sex: "male" | "female";
  father?: string;
  mother?: string;
}

export interface BruteLocus {
  /** Every allele of the population, frequencies summing to 1; "0" is silent when listed. */
  alleles: string[];
  p: number[];
  /** P(parent's allele i becomes j), by sex of the parent. */
  female: number[][];
  male: number[][];
}

export type BruteProfiles = Record<string, [string, string]>;

/** P(what is seen | genes x, y): each copy of a non-silent allele drops out with probability d. */
function observationProbability(seen: [string, string], x: string, y: string, d: number): number {
  const shown = new Set(seen);
  let total = 0;
  for (const dropX of [true, false]) {
    for (const dropY of [true, false]) {
      const px = x === "0" ? (dropX ? 1 : 0) : dropX ? d : 1 - d;
      const py = y === "0" ? (dropY ? 1 : 0) : dropY ? d : 1 - d;
      if (px * py === 0) continue;
      const visible = new Set<string>();
      if (!dropX && x !== "0") visible.add(x);
      if (!dropY && y !== "0") visible.add(y);
      if (visible.size === shown.size && [...visible].every((allele) => shown.has(allele))) total += px * py;
    }
  }
  return total;
}

export function bruteForceLikelihood(
  persons: readonly BrutePerson[],
  profiles: BruteProfiles,
  locus: BruteLocus,
  theta: number,
  dropout: Record<string, number> = {},
): number {
  // Topological order: parents first.
  const order: BrutePerson[] = [];
  const placed = new Set<string>();
  while (order.length < persons.length) {
    const next = persons.find((person) => !placed.has(person.id) && [person.father, person.mother].every((parent) => parent === undefined || placed.has(parent)));
    if (!next) throw new Error("cycle");
    order.push(next);
    placed.add(next.id);
  }
  const K = locus.alleles.length;
  const genes = new Map<string, [number, number]>();
  // Founder alleles drawn so far, in all and by allele.
  let drawn = 0;
  const drawnOf = new Array<number>(K).fill(0);
  const draw = (allele: number) => ((drawnOf[allele] ?? 0) * theta + (1 - theta) * (locus.p[allele] ?? 0)) / (1 + (drawn - 1) * theta);
  const push = (allele: number) => {
    drawn += 1;
    drawnOf[allele] = (drawnOf[allele] ?? 0) + 1;
  };
  const pop = (allele: number) => {
    drawn -= 1;
    drawnOf[allele] = (drawnOf[allele] ?? 0) - 1;
  };
  // P(gene | parent): enumerate which of the parent's genes is passed and what it turns into.
  const geneOptions = (parentId: string | undefined, sexMatrix: "female" | "male"): Array<[number, number, boolean]> => {
    const options: Array<[number, number, boolean]> = [];
    if (parentId === undefined) {
      for (let a = 0; a < K; a += 1) options.push([a, Number.NaN, true]);
      return options;
    }
    const [x, y] = genes.get(parentId) ?? [0, 0];
    for (let to = 0; to < K; to += 1) {
      // Either parental gene, ½ each, then mutated (or not) by the matrix.
      const probability = 0.5 * (locus[sexMatrix][x]?.[to] ?? 0) + 0.5 * (locus[sexMatrix][y]?.[to] ?? 0);
      if (probability > 0) options.push([to, probability, false]);
    }
    return options;
  };
  // Each typed person's P(observation | x, y), written out once per pair of alleles.
  const observed = new Map<string, number[]>();
  for (const [id, seen] of Object.entries(profiles)) {
    const table: number[] = [];
    for (let x = 0; x < K; x += 1) {
      for (let y = 0; y < K; y += 1) table.push(observationProbability(seen, locus.alleles[x] ?? "", locus.alleles[y] ?? "", dropout[id] ?? 0));
    }
    observed.set(id, table);
  }
  const visit = (position: number): number => {
    if (position === order.length) return 1;
    const person = order[position] as BrutePerson;
    let total = 0;
    for (const [x, px, founderX] of geneOptions(person.mother, "female")) {
      const wx = founderX ? draw(x) : px;
      if (wx === 0) continue;
      if (founderX) push(x);
      for (const [y, py, founderY] of geneOptions(person.father, "male")) {
        const wy = founderY ? draw(y) : py;
        if (wy === 0) continue;
        if (founderY) push(y);
        const pObs = observed.get(person.id)?.[x * K + y] ?? 1;
        if (pObs > 0) {
          genes.set(person.id, [x, y]);
          total += wx * wy * pObs * visit(position + 1);
          genes.delete(person.id);
        }
        if (founderY) pop(y);
      }
      if (founderX) pop(x);
    }
    return total;
  };
  return visit(0);
}

/** LR with H2: the missing person's place untyped, the missing person an extra unrelated founder. */
export function bruteForceRatio(
  persons: readonly BrutePerson[],
  missing: string,
  profiles: BruteProfiles,
  locus: BruteLocus,
  theta: number,
  dropout: Record<string, number> = {},
): number {
  const h1 = bruteForceLikelihood(persons, profiles, locus, theta, dropout);
  const sex = persons.find((person) => person.id === missing)?.sex ?? "male";
  const { [missing]: missingProfile, ...others } = profiles;
  const h2Profiles: BruteProfiles = { ...others, ...(missingProfile ? { UNRELATED: missingProfile } : {}) };
  const h2Dropout = { ...dropout, UNRELATED: dropout[missing] ?? 0 };
  const h2 = bruteForceLikelihood([...persons, { id: "UNRELATED", sex }], h2Profiles, locus, theta, h2Dropout);
  return h1 / h2;
}

/** Matrices written out from the definitions (Familias/pedmut), over the full allele list. */
export function proportionalMatrix(p: readonly number[], rate: number): number[][] {
  const k = 1 / p.reduce((sum, pi) => sum + pi * (1 - pi), 0);
  return p.map((_, i) => p.map((pj, j) => (i === j ? 1 - k * rate * (1 - pj) : k * rate * pj)));
}

export function equalMatrix(size: number, rate: number): number[][] {
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 1 - rate : rate / (size - 1))));
}

export function identityMatrix(size: number): number[][] {
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 1 : 0)));
}

/**
 * pedmut's stepwise model written out: integer alleles and each microvariant family form groups;
 * within a group the weight of a step of s repeats is range^s, scaled to the rate; leaving the group
 * has probability rate2, spread evenly over the alleles outside.
 */
export function stepwiseMatrix(alleles: readonly string[], rate: number, rate2: number, range: number): number[][] {
  const n = alleles.map(Number);
  const family = n.map((x) => Math.round((x - Math.round(x)) * 10));
  return n.map((from, i) => {
    const sameFamily = n.map((_, j) => j !== i && family[j] === family[i]);
    const others = n.filter((_, j) => family[j] !== family[i]).length;
    const weight = (j: number) => range ** Math.abs(from - (n[j] ?? 0));
    const total = n.reduce((sum, _, j) => sum + (sameFamily[j] ? weight(j) : 0), 0);
    return n.map((_, j) => {
      if (j === i) return 1 - (total > 0 ? rate : 0) - (others > 0 ? rate2 : 0);
      if (sameFamily[j]) return (rate * weight(j)) / total;
      return rate2 / others;
    });
  });
}
