import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScriptInProcess } from "../integration/support/run-script-in-process";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const directory = await mkdtemp(join(tmpdir(), "kinship-cli-"));

interface CommandResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

async function inputFile(input: unknown): Promise<string> {
  const file = join(directory, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(input));
  return file;
}

/**
 * Runs `npm run kinship -- FILE.json` as an independent checker would. The first case spawns it
 * for real; the others run the same script in this process, which spares npm, tsx and Node's start.
 */
async function runKinship(input: unknown, how: "spawned" | "in-process" = "in-process"): Promise<CommandResult> {
  const file = await inputFile(input);
  if (how === "in-process") return runScriptInProcess("scripts/kinship.ts", {}, [file]);
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "kinship", "--", file], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
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
    const output = JSON.parse(stdout) as { lr: number; log10Lr: number; loci: Record<string, number>; inconsistentLoci: string[] };
    expect(Object.keys(output).sort()).toEqual(["inconsistentLoci", "loci", "log10Lr", "lr"]);
    expect(output.loci.D3S1358).toBeCloseTo(2, 12);
    expect(output.loci.TH01).toBeCloseTo(1 / 0.6, 12);
    expect(output.lr).toBeCloseTo(2 / 0.6, 12);
    expect(output.log10Lr).toBeCloseTo(Math.log10(2 / 0.6), 12);
    expect(output.inconsistentLoci).toEqual([]);
  });

  it("lists an excluding locus and prints a zero ratio", async () => {
    const { exitCode, stdout } = await runKinship({ ...request, missing: { D3S1358: ["16", "16"] } });
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ lr: 0, log10Lr: null, loci: { D3S1358: 0 }, inconsistentLoci: ["D3S1358"] });
  });

  it.each([
    ["an unknown relationship", { references: [{ ...request.references[0], relationship: "neighbour" }] }, /unknown relationship "neighbour"/],
    ["a locus missing from the frequency table", { frequencies: { D3S1358: { "15": 0.25 } } }, /locus TH01 is missing from the frequency table/],
    ["a frequency outside (0, 1]", { frequencies: { ...request.frequencies, TH01: { "6": 1.5 } } }, /frequency of allele 6 at TH01 must lie in \(0, 1\]/],
    ["a malformed allele", { missing: { D3S1358: ["15", "abc"] } }, /malformed allele at D3S1358/],
  ])("refuses %s with exit code 2 and a message on standard error", async (_, change, message) => {
    const { exitCode, stdout, stderr } = await runKinship({ ...request, ...change });
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});
