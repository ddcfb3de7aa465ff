import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/demo/random";
import { FrequencyTable, type Genotype, type Profile, type Reference } from "@/lib/kinship";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { planLocus } from "@/lib/kinship/likelihood";
import { NuclearFamilyLikelihood } from "@/lib/kinship/nuclear-family";
import { screenProfiles } from "@/lib/kinship/screen";
import { singleReferenceRatio } from "@/lib/kinship/single-reference";
import { ProfileSimulator } from "@/lib/kinship/simulate";

// The screen builds each family's tables from allele numbers shared by all families (one lookup per
// allele, not per genotype). The figures must be exactly those of the per-genotype formulas, bit for
// bit: a lead, its runner-up and the DVI layer's floor all read them.
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const random = createRandom(2026_12_06);
const simulator = new ProfileSimulator(table, random.next);

/** What the screen must give one body against one family: the per-genotype formulas, locus by locus, in order. */
function expectedLog10(body: Profile, references: readonly Reference[], options: { theta: number; mutationRate: number }): number {
  let sum = 0;
  for (const locus of table.locusNames()) {
    const genotype = body[locus];
    const plan = planLocus(references, locus);
    if (!genotype || !plan) continue;
    sum +=
      plan.kind === "single"
        ? Math.log10(singleReferenceRatio(table, locus, genotype, plan.genotype, plan.relationship, options))
        : Math.log10(new NuclearFamilyLikelihood(table, locus, plan.family, options.mutationRate).likelihoodRatio(table, locus, genotype));
  }
  return sum;
}

/** A body carrying, at its first locus, an allele no family has and the table does not list. */
function withRareAllele(profile: Profile): Profile {
  const [first] = table.locusNames();
  return first ? { ...profile, [first]: ["99.3", (profile[first] ?? ["8", "8"])[0]] as Genotype } : profile;
}

describe("the screen's family tables", () => {
  const mother = simulator.founder();
  const father = simulator.founder();
  const missing = simulator.child(mother, father);
  const families: Record<string, Reference[]> = {
    "one full sibling (θ formula)": [{ id: "S", relationship: "full_sibling", genotype: simulator.child(mother, father) }],
    "a mother (θ formula)": [{ id: "M", relationship: "mother", genotype: mother }],
    "mother, father and a sibling (peeled nuclear family)": [
      { id: "M", relationship: "mother", genotype: mother },
      { id: "F", relationship: "father", genotype: father },
      { id: "S", relationship: "full_sibling", genotype: simulator.child(mother, father) },
    ],
    "two children and their mother (peeled through the spouse)": [
      { id: "W", relationship: "spouse", genotype: (() => simulator.founder())() },
      { id: "C1", relationship: "child", genotype: simulator.child(missing, simulator.founder()) },
      { id: "C2", relationship: "child", genotype: simulator.child(missing, simulator.founder()) },
    ],
  };
  const bodies = [missing, withRareAllele(missing), ...Array.from({ length: 30 }, () => simulator.founder())].map((profile, index) => ({ id: `B${index}`, profile }));

  for (const [name, references] of Object.entries(families)) {
    for (const options of [
      { theta: 0.02, mutationRate: 0 },
      { theta: 0, mutationRate: 0.002 },
    ]) {
      it(`${name}, θ = ${options.theta}, mutation ${options.mutationRate}: every body's screen LR is the formulas' exactly`, () => {
        const rankings = screenProfiles(table, bodies, [{ id: "P", references }], { ...options, minLikelihoodRatio: 1e4, minRatioToRunnerUp: 1e4, missingPersonCount: 10 });
        for (const [index, body] of bodies.entries()) {
          // An excluded body (LR 0) is no candidate's best: its log10 LR is −∞.
          expect(rankings[index]?.best?.log10Lr ?? -Infinity, body.id).toBe(expectedLog10(body.profile, references, options));
        }
      });
    }
  }
});
