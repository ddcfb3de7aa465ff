import { describe, expect, it } from "vitest";
import { runJsonCli } from "./support/json-cli";

/** `npm run dvi -- FILE.json`: the first case spawns it for real, the others run it in this process. */
function runDvi(input: unknown, how: "spawned" | "in-process" = "in-process") {
  return runJsonCli("dvi", input, how);
}

const loci = ["D3S1358", "D8S1179", "TH01"];
const table = { "12": 0.14, "13": 0.31 };
const everywhere = (alleles: [string, string]) => Object.fromEntries(loci.map((locus) => [locus, alleles]));

/** A mother 13/13 of missing son MP; B1 12/13 fits at every locus, B2 12/12 at none. */
const request = {
  theta: 0,
  mutation: { model: "none" },
  minFrequency: 0.001,
  frequencies: Object.fromEntries(loci.map((locus) => [locus, table])),
  bodies: [
    { id: "B1", sex: "male", profile: everywhere(["12", "13"]) },
    { id: "B2", profile: everywhere(["12", "12"]) },
  ],
  families: [
    {
      id: "F1",
      pedigree: [
        { id: "FA", sex: "male" },
        { id: "MO", sex: "female" },
        { id: "MP", sex: "male", father: "FA", mother: "MO" },
      ],
      missing: ["MP"],
      profiles: { MO: everywhere(["13", "13"]) },
    },
  ],
  threshold: 10000,
};
/** 1 / (2 p13) per locus, three loci. */
const lr = (1 / (2 * 0.31)) ** 3;

interface Output {
  excluded: { body: string; missing: string; inconsistentLoci: number }[];
  undisputed: { body: string; missing: string; lr: number }[];
  bestAssignment: Record<string, string | null>;
  pairingProbabilities: { body: string; missing: string | null; probability: number }[];
}

describe("npm run dvi", { timeout: 60_000 }, () => {
  it("prints the exclusions, undisputed matches, best assignment and pairing probabilities", async () => {
    const { exitCode, stdout, stderr } = await runDvi(request, "spawned");
    expect(stderr).toBe("");
    expect(exitCode).toBe(0);
    const output = JSON.parse(stdout) as Output;
    expect(Object.keys(output)).toEqual(["excluded", "undisputed", "bestAssignment", "pairingProbabilities"]);
    expect(output.excluded).toEqual([{ body: "B2", missing: "F1:MP", inconsistentLoci: 3 }]);
    expect(output.undisputed).toEqual([]);
    expect(output.bestAssignment).toEqual({ B1: "F1:MP", B2: null });
    expect(output.pairingProbabilities.map(({ body, missing }) => [body, missing])).toEqual([
      ["B1", "F1:MP"],
      ["B1", null],
      ["B2", null],
    ]);
    // Flat prior: "nobody identified" weighs 1 against the pair's LR.
    expect(output.pairingProbabilities[0]?.probability).toBeCloseTo(lr / (lr + 1), 12);
    expect(output.pairingProbabilities[1]?.probability).toBeCloseTo(1 / (lr + 1), 12);
    expect(output.pairingProbabilities[2]?.probability).toBe(1);
  });

  it("reports an undisputed match with its LR when T allows it", async () => {
    const output = JSON.parse((await runDvi({ ...request, threshold: 2 })).stdout) as Output;
    expect(output.undisputed).toHaveLength(1);
    expect(output.undisputed[0]).toMatchObject({ body: "B1", missing: "F1:MP" });
    expect(output.undisputed[0]?.lr).toBeCloseTo(lr, 10);
    expect(output.pairingProbabilities[0]?.probability).toBeCloseTo(lr / (lr + 1), 12);
  });

  it("weighs 'not in the database' by notInDatabaseWeight", async () => {
    const output = JSON.parse((await runDvi({ ...request, notInDatabaseWeight: 10 })).stdout) as Output;
    expect(output.pairingProbabilities[0]?.probability).toBeCloseTo(lr / (lr + 10), 12);
    expect(output.bestAssignment).toEqual({ B1: null, B2: null });
  });

  it("with the default mutation model excludes at three inconsistent loci, not at two", async () => {
    const withDefault: Partial<typeof request> = { ...request };
    delete withDefault.mutation;
    const twoOff = { id: "B3", profile: { ...everywhere(["12", "12"]), TH01: ["12", "13"] } };
    const output = JSON.parse((await runDvi({ ...withDefault, bodies: [...request.bodies, twoOff] })).stdout) as Output;
    expect(output.excluded).toEqual([{ body: "B2", missing: "F1:MP", inconsistentLoci: 3 }]);
    expect(output.pairingProbabilities.find((entry) => entry.body === "B3" && entry.missing === "F1:MP")?.probability).toBeGreaterThan(0);
  });

  it("excludes a body of the other sex and says so", async () => {
    const output = JSON.parse((await runDvi({ ...request, bodies: [{ ...request.bodies[0], sex: "female" }] })).stdout) as Output;
    expect(output.excluded).toEqual([{ body: "B1", missing: "F1:MP", inconsistentLoci: 0, sexMismatch: true }]);
    expect(output.bestAssignment).toEqual({ B1: null });
  });

  it("beyond searchLimit sets weak pairs aside and says so on standard error", async () => {
    // Two missing brothers in one family: the exact dynamic programme does not apply, so with a
    // limit of one assignment the weaker pair is set aside; P changes by at most the factor 1 + LR.
    const brothers = { ...request.families[0], pedigree: [...(request.families[0]?.pedigree ?? []), { id: "S2", sex: "male", father: "FA", mother: "MO" }], missing: ["MP", "S2"] };
    const { exitCode, stdout, stderr } = await runDvi({ ...request, families: [brothers], searchLimit: 1 });
    expect(exitCode).toBe(0);
    expect(stderr).toMatch(/^note: 1 weak pairs were set aside .* within a factor 5\.20 of the exact ones\n$/);
    expect((JSON.parse(stdout) as Output).bestAssignment.B1).toMatch(/^F1:(MP|S2)$/);
  });

  it("lists a body split in two with the same-person LR when bodyToBody is asked, and only then", async () => {
    const split = { id: "B3", profile: everywhere(["12", "13"]) };
    const output = JSON.parse((await runDvi({ ...request, bodies: [...request.bodies, split], bodyToBody: { listFrom: 100 } })).stdout) as Output & {
      relatedBodies: { a: string; b: string; strongest: string; lr: Record<string, number>; inconsistentLoci: Record<string, number> }[];
    };
    // B1 and B3 are 12/13 at three loci: 1 / (2 p12 p13) per locus; B2 (12/12) is neither's parent or sibling beyond 100.
    expect(output.relatedBodies.map(({ a, b, strongest }) => [a, b, strongest])).toEqual([["B1", "B3", "samePerson"]]);
    expect(output.relatedBodies[0]?.lr.samePerson).toBeCloseTo((1 / (2 * 0.14 * 0.31)) ** 3, 6);
    expect(output.relatedBodies[0]?.inconsistentLoci).toEqual({ samePerson: 0, parentChild: 0, fullSiblings: 0 });
    expect(Object.keys(JSON.parse((await runDvi(request)).stdout) as object)).not.toContain("relatedBodies");
  });

  it("advises which relative to sample when samplingAdvice is asked: the exact exclusion power of the mother as typed, the father first", async () => {
    const { exitCode, stdout } = await runDvi({ ...request, exclusionLoci: 1, samplingAdvice: { simulations: 40, seed: 3 } });
    expect(exitCode).toBe(0);
    const advice = (JSON.parse(stdout) as { samplingAdvice: { missingPersons: { key: string; exactExclusionPower: number; options: { relative: string }[] }[]; workList: { family: string; relative: string }[] } }).samplingAdvice;
    // The table (12: 0.14, 13: 0.31) scaled to 1; a random person is excluded at a locus when they lack 13.
    const q = (1 - 0.31 / 0.45) ** 2;
    expect(advice.missingPersons[0]?.key).toBe("F1:MP");
    expect(advice.missingPersons[0]?.exactExclusionPower).toBeCloseTo(1 - (1 - q) ** 3, 12);
    expect(advice.missingPersons[0]?.options.map((option) => option.relative)).toEqual(["FA"]);
    expect(advice.workList).toMatchObject([{ family: "F1", relative: "FA" }]);
    const refused = await runDvi({ ...request, samplingAdvice: { unavailable: { F1: ["XX"] } } });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/family F1 has no person XX/);
  });

  const family = request.families[0] as (typeof request.families)[number];
  it.each([
    ["an unknown field", { extra: 1 }, /invalid input at top level/],
    ["a family id with a colon", { families: [{ ...family, id: "F:1" }] }, /must not contain ':'/],
    ["a missing person outside the pedigree", { families: [{ ...family, missing: ["XX"] }] }, /the missing person XX is not in the pedigree/],
    ["a typed missing person", { families: [{ ...family, profiles: { ...family.profiles, MP: everywhere(["12", "13"]) } }] }, /must not have a profile/],
    ["two bodies with one id", { bodies: [request.bodies[0], request.bodies[0]] }, /body B1 appears twice/],
    ["a threshold of 1", { threshold: 1 }, /invalid input at threshold/],
    ["a body-to-body floor of 0", { bodyToBody: { listFrom: 0 } }, /invalid input at bodyToBody.listFrom/],
    ["a locus without frequencies", { frequencies: { D3S1358: table } }, /locus D8S1179 is missing from the frequency table/],
    ["a parent of the wrong sex", { families: [{ ...family, pedigree: [{ id: "FA", sex: "female" }, ...family.pedigree.slice(1)] }] }, /FA/],
  ])("refuses %s with exit code 2 and one line", async (_, change, message) => {
    const { exitCode, stdout, stderr } = await runDvi({ ...request, ...change });
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
