import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/demo/random";
import { computeKinship, FrequencyTable, type Profile, type Reference } from "@/lib/kinship";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { posteriorProbability, screenProfiles, type ScreenCandidate } from "@/lib/kinship/screen";
import { ProfileSimulator } from "@/lib/kinship/simulate";

const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const options = { theta: 0.02, mutationRate: 0 };
const settings = { ...options, minLikelihoodRatio: 10_000, minRatioToRunnerUp: 10_000, missingPersonCount: 500 };

/** Families whose missing person is one of the bodies, each with a different set of references. */
function simulateFamilies(seed: number) {
  const random = createRandom(seed);
  const simulator = new ProfileSimulator(table, random.next);
  const remains: { id: string; profile: Profile }[] = [];
  const candidates: ScreenCandidate[] = [];
  const shapes = [["mother"], ["father", "full_sibling"], ["child"], ["full_sibling", "full_sibling"], ["mother", "father"], ["half_sibling"]] as const;
  shapes.forEach((shape, index) => {
    const mother = simulator.founder();
    const father = simulator.founder();
    const missing = simulator.child(mother, father);
    const spouse = simulator.founder();
    const profiles = { mother, father, full_sibling: () => simulator.child(mother, father), child: () => simulator.child(missing, spouse), half_sibling: () => simulator.child(mother, simulator.founder()) };
    const references: Reference[] = shape.map((relationship, position) => ({
      id: `F${index}-R${position}`,
      relationship,
      genotype: relationship === "mother" || relationship === "father" ? profiles[relationship] : profiles[relationship](),
    }));
    candidates.push({ id: `P${index}`, references });
    remains.push({ id: `B${index}`, profile: missing });
  });
  for (let extra = 0; extra < 4; extra += 1) remains.push({ id: `U${extra}`, profile: simulator.founder() });
  return { remains, candidates };
}

describe("kinship screening", () => {
  const { remains, candidates } = simulateFamilies(99);
  const rankings = screenProfiles(table, remains, candidates, settings);

  it("ranks first, for each body, the candidate the exact engine rates best", () => {
    // The screen may rank families at θ = 0 (issue #21); the numbers people read are recomputed exactly.
    for (const [index, body] of remains.entries()) {
      const logs = candidates.map((candidate) => computeKinship(table, body.profile, candidate.references, options).log10Lr);
      const top = Math.max(...logs);
      const ranking = rankings[index];
      expect(ranking?.best?.candidateIds).toEqual([candidates[logs.indexOf(top)]?.id]);
    }
  });

  it("finds the missing person of every closely typed family as a lead", () => {
    const leads = rankings.filter((ranking) => ranking.isLead).map((ranking) => `${ranking.remainsId}→${ranking.best?.candidateIds.join("+")}`);
    for (const expected of ["B0→P0", "B1→P1", "B2→P2", "B4→P4"]) expect(leads).toContain(expected);
    expect(leads.some((lead) => lead.startsWith("U"))).toBe(false);
  });

  it("does not call a lead when the runner-up comes too close", () => {
    const mother = candidates[0]?.references[0];
    if (!mother) throw new Error("the simulated families lost their first mother");
    const sameProfileOtherDonor: ScreenCandidate = { id: "other", references: [{ ...mother, id: "another donor" }] };
    const [first] = screenProfiles(table, remains.slice(0, 1), [candidates[0] ?? sameProfileOtherDonor, sameProfileOtherDonor], settings);
    expect(first?.best?.log10Lr).toBeGreaterThan(4);
    expect(first?.isLead).toBe(false);
  });

  it("ranks missing siblings who share the same references as one candidate, which can be a lead", () => {
    const brother: ScreenCandidate = { id: "brother", references: candidates[0]?.references ?? [] };
    const [first] = screenProfiles(table, remains.slice(0, 1), [...candidates, brother], settings);
    expect(first?.best?.candidateIds).toEqual(["P0", "brother"]);
    expect(first?.isLead).toBe(true);
  });

  it("turns LR and prior into a posterior probability", () => {
    expect(posteriorProbability(Math.log10(999), 1000)).toBeCloseTo(0.5, 12);
    expect(posteriorProbability(-Infinity, 1000)).toBe(0);
    expect(posteriorProbability(40, 1000)).toBe(1);
  });
});
