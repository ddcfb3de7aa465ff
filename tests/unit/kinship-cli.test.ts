import { describe, expect, it } from "vitest";
import { runJsonCli } from "./support/json-cli";

/**
 * Runs `npm run kinship -- FILE.json` as an independent checker would. The first case spawns it
 * for real; the others run the same script in this process, which spares npm, tsx and Node's start.
 */
function runKinship(input: unknown, how: "spawned" | "in-process" = "in-process") {
  return runJsonCli("kinship", input, how);
}

const request = {
  theta: 0,
  mutationRate: 0,
  minFrequency: 0.001,
  frequencies: { D3S1358: { "15": 0.25, "16": 0.2 }, TH01: { "6": 0.2, "9.3": 0.3 } },
  missing: { D3S1358: ["15", "16"], TH01: ["9.3"], FGA: ["20", "22"] },
  references: [{ id: "R1", relationship: "mother", genotype: { D3S1358: ["15", "15"], TH01: ["9.3", "6"] } }],
};

// Each case starts npm and tsx: seconds on a busy machine, far above the default five.
describe("npm run kinship", { timeout: 60_000 }, () => {
  it("prints the combined and per-locus likelihood ratios for the loci both sides typed", async () => {
    const { exitCode, stdout } = await runKinship(request, "spawned");
    expect(exitCode).toBe(0);
    const output = JSON.parse(stdout) as { lr: number; log10Lr: number; loci: Record<string, number>; inconsistentLoci: string[]; warnings: string[] };
    expect(Object.keys(output).sort()).toEqual(["inconsistentLoci", "loci", "log10Lr", "lr", "warnings"]);
    expect(output.warnings).toEqual([]);
    expect(output.loci.D3S1358).toBeCloseTo(2, 12);
    expect(output.loci.TH01).toBeCloseTo(1 / 0.6, 12);
    expect(output.lr).toBeCloseTo(2 / 0.6, 12);
    expect(output.log10Lr).toBeCloseTo(Math.log10(2 / 0.6), 12);
    expect(output.inconsistentLoci).toEqual([]);
  });

  it("lists an excluding locus and prints a zero ratio", async () => {
    const { exitCode, stdout } = await runKinship({ ...request, missing: { D3S1358: ["16", "16"] } });
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ lr: 0, log10Lr: null, loci: { D3S1358: 0 }, inconsistentLoci: ["D3S1358"], warnings: [] });
  });

  it.each([
    ["an unknown relationship", { references: [{ ...request.references[0], relationship: "neighbour" }] }, /unknown relationship "neighbour"/],
    ["a locus missing from the frequency table", { frequencies: { D3S1358: { "15": 0.25 } } }, /locus TH01 is missing from the frequency table/],
    ["a frequency outside (0, 1]", { frequencies: { ...request.frequencies, TH01: { "6": 1.5 } } }, /frequency of allele 6 at TH01 must lie in \(0, 1\]/],
    ["two mothers", { references: [request.references[0], { ...request.references[0], id: "R2" }] }, /references R1 and R2 are both the missing person's mother/],
    ["a malformed allele", { missing: { D3S1358: ["15", "abc"] } }, /malformed allele at D3S1358/],
  ])("refuses %s with exit code 2 and a message on standard error", async (_, change, message) => {
    const { exitCode, stdout, stderr } = await runKinship({ ...request, ...change });
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});

/** The pedigree form of issue #21, as the issue writes it. */
const pedigreeRequest = {
  theta: 0.02,
  mutation: { model: "proportional", rate: 0.002 },
  minFrequency: 0.001,
  frequencies: { D8S1179: { "12": 0.14, "13": 0.31 } },
  pedigree: [
    { id: "FA", sex: "male" },
    { id: "MO", sex: "female" },
    { id: "MP", sex: "male", father: "FA", mother: "MO" },
  ],
  missing: "MP",
  profiles: { MP: { D8S1179: ["12", "13"] }, MO: { D8S1179: ["13", "13"] } },
  dropout: { MP: 0.05 },
};

interface Output {
  lr: number;
  log10Lr: number | null;
  loci: Record<string, number>;
  inconsistentLoci: string[];
  warnings: string[];
}

describe("npm run kinship with a pedigree (issue #21)", { timeout: 60_000 }, () => {
  it("accepts the issue's example and prints lr, log10Lr, loci, inconsistentLoci and warnings", async () => {
    const { exitCode, stdout, stderr } = await runKinship(pedigreeRequest);
    expect(stderr).toBe("");
    expect(exitCode).toBe(0);
    const output = JSON.parse(stdout) as Output;
    expect(Object.keys(output).sort()).toEqual(["inconsistentLoci", "loci", "log10Lr", "lr", "warnings"]);
    expect(output.lr).toBeGreaterThan(1);
    expect(output.loci.D8S1179).toBe(output.lr);
    expect(output.log10Lr).toBeCloseTo(Math.log10(output.lr), 12);
    expect(output).toMatchObject({ inconsistentLoci: [], warnings: [] });
  });

  it("gives the textbook value for a mother without θ, mutation or drop-out: 1 / (2 p13)", async () => {
    const { stdout } = await runKinship({ ...pedigreeRequest, theta: 0, mutation: { model: "none" }, dropout: {} });
    expect((JSON.parse(stdout) as Output).lr).toBeCloseTo(1 / (2 * 0.31), 12);
  });

  it("gives the same answer whatever order the pedigree lists people in", async () => {
    const forward = JSON.parse((await runKinship(pedigreeRequest)).stdout) as Output;
    const backward = JSON.parse((await runKinship({ ...pedigreeRequest, pedigree: [...pedigreeRequest.pedigree].reverse() })).stdout) as Output;
    expect(backward.lr).toBeCloseTo(forward.lr, 12);
  });

  it("accepts separate female and male rates and the stepwise model", async () => {
    const female = JSON.parse((await runKinship({ ...pedigreeRequest, mutation: { model: "proportional", femaleRate: 0.001, maleRate: 0.004 } })).stdout) as Output;
    expect(female.lr).toBeGreaterThan(0);
    const stepwise = await runKinship({
      ...pedigreeRequest,
      frequencies: { D8S1179: { "11": 0.2, "12": 0.3, "13": 0.4, "13.3": 0.1 } },
      profiles: { MP: { D8S1179: ["12", "13"] }, MO: { D8S1179: ["11", "11"] } },
      mutation: { model: "stepwise", rate: 0.002, range: 0.1, microvariantRate: 0.0001 },
    });
    expect(stepwise.exitCode).toBe(0);
    const output = JSON.parse(stepwise.stdout) as Output;
    expect(output.lr).toBeGreaterThan(0);
    expect(output.inconsistentLoci).toEqual(["D8S1179"]);
  });

  const person = (id: string, sex: string, parents: { father?: string; mother?: string } = {}) => ({ id, sex, ...parents });
  it.each([
    ["an unknown parent id", { pedigree: [person("MO", "female"), person("MP", "male", { father: "XX", mother: "MO" })] }, /person MP: father XX is not in the pedigree/],
    ["a cycle", { pedigree: [person("FA", "male", { father: "MP" }), person("MO", "female"), person("MP", "male", { father: "FA", mother: "MO" })] }, /is their own ancestor/],
    ["a person who is their own parent", { pedigree: [person("MO", "female"), person("MP", "male", { father: "MP", mother: "MO" })] }, /person MP is their own father/],
    ["a parent of the wrong sex", { pedigree: [person("FA", "female"), person("MO", "female"), person("MP", "male", { father: "FA", mother: "MO" })] }, /father FA is female/],
    ["a profile for an unknown person", { profiles: { ...pedigreeRequest.profiles, ZZ: { D8S1179: ["12", "12"] } } }, /profile for unknown person ZZ/],
    ["frequencies that do not parse", { frequencies: { D8S1179: { "12": "0.14", "13": 0.31 } } }, /invalid input at frequencies\.D8S1179\.12/],
    ["a frequency outside (0, 1]", { frequencies: { D8S1179: { "12": 0, "13": 0.31 } } }, /frequency of allele 12 at D8S1179 must lie in \(0, 1\]/],
    ["a malformed allele name in the table", { frequencies: { D8S1179: { twelve: 0.14, "13": 0.31 } } }, /malformed allele "twelve" at D8S1179/],
    ["a missing person outside the pedigree", { missing: "NOBODY" }, /the missing person NOBODY is not in the pedigree/],
    ["a person listed twice", { pedigree: [...pedigreeRequest.pedigree, person("MO", "female")] }, /person MO appears twice/],
    ["an unknown field", { mutationRate: 0.002 }, /invalid input at top level: Unrecognized key: "mutationRate"/],
    ["a mutation model without its rate", { mutation: { model: "equal" } }, /the equal model needs rate/],
    ["drop-out for an unknown person", { dropout: { ZZ: 0.1 } }, /drop-out for unknown person ZZ/],
  ])("refuses %s: exit code 2 and one line naming the fault", async (_, change, message) => {
    const { exitCode, stdout, stderr } = await runKinship({ ...pedigreeRequest, ...change });
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});

describe("npm run kinship with the relationship form, now as a pedigree", { timeout: 60_000 }, () => {
  const frequencies = { L: { "10": 0.2, "11": 0.3, "12": 0.5 } };
  const base = { theta: 0.02, mutationRate: 0, frequencies, missing: { L: ["10", "11"] } };
  const grandparent = { id: "G", relationship: "grandparent", genotype: { L: ["10", "12"] } };
  const aunt = { id: "A", relationship: "aunt_uncle", genotype: { L: ["10", "11"] } };

  it("uses a grandparent and an aunt together, in either order, and says which side it assumed", async () => {
    const forward = JSON.parse((await runKinship({ ...base, references: [grandparent, aunt] })).stdout) as Output;
    const backward = JSON.parse((await runKinship({ ...base, references: [aunt, grandparent] })).stdout) as Output;
    expect(backward.lr).toBeCloseTo(forward.lr, 12);
    expect(forward.warnings).toEqual([
      "reference G (grandparent): no side given, the paternal side was assumed",
      "reference A (aunt_uncle): no side given, the paternal side was assumed",
    ]);
    // Both on the same side: not the same as the aunt alone, nor the grandparent alone.
    const alone = JSON.parse((await runKinship({ ...base, references: [aunt] })).stdout) as Output;
    expect(forward.lr).not.toBeCloseTo(alone.lr, 6);
  });

  it("places a relative on the side given, without a warning", async () => {
    const sided = JSON.parse((await runKinship({ ...base, references: [{ ...grandparent, side: "maternal" }, { ...aunt, side: "paternal" }] })).stdout) as Output;
    expect(sided.warnings).toEqual([]);
    const sameSide = JSON.parse((await runKinship({ ...base, references: [{ ...grandparent, side: "paternal" }, { ...aunt, side: "paternal" }] })).stdout) as Output;
    expect(sided.lr).not.toBeCloseTo(sameSide.lr, 6);
  });

  it("refuses two spouses beside children, whose parentage it cannot know", async () => {
    const { exitCode, stderr } = await runKinship({
      ...base,
      references: [
        { id: "W1", relationship: "spouse", genotype: { L: ["12", "12"] } },
        { id: "W2", relationship: "spouse", genotype: { L: ["11", "12"] } },
        { id: "C", relationship: "child", genotype: { L: ["10", "12"] } },
      ],
    });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/W1, W2 are all spouses: the relationship form cannot say whose children are whose/);
  });
});
