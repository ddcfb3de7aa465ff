import fs from "node:fs/promises";
import os from "node:os";
import type { Figure } from "./measures/timing";

const RESULTS = new URL("./RESULTS.md", import.meta.url);
const START = "<!-- bench:runs:start (npm run bench appends its runs here; keep this marker) -->";
const END = "<!-- bench:runs:end -->";
const SECTION = `## Benchmarks at scale (\`npm run bench\`)

Synthetic records (bench/generate.ts) on PostgreSQL: M = 10,000 missing persons, 100,000 police
reports, 2,000 remains; L = 100,000 missing persons, 1,000,000 police reports, 10,000 remains,
50,000 donors with reference samples, each on top of the demo seed. Each figure is set against a
ceiling measured in the same run on the same machine; the machine is shared with other work, so
the 1-minute load average is written beside each figure.

${START}
${END}
`;

export const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

const verdict = (pass: boolean | null) => (pass === null ? "" : pass ? "pass" : "**miss**");

export function runSection(title: string, figures: Figure[], notes: string[]): string {
  return [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${title}`,
    "",
    `Machine: ${machine()}.`,
    "",
    "| figure | measured | ceiling (same run) | ratio | goal | | load |",
    "|---|---|---|---|---|---|---|",
    ...figures.map((figure) => `| ${figure.name} | ${figure.measured} | ${figure.ceiling} | ${figure.ratio} | ${figure.goal} | ${verdict(figure.pass)} | ${figure.load} |`),
    "",
    ...notes.map((note) => `- ${note}`),
    "",
  ].join("\n");
}

/** The kinship bench appends its runs at the very end of the file: our part goes before it. */
const KINSHIP_HEADING = "## Kinship screen";

/** Adds a run at the end of this benchmark's marked part of bench/RESULTS.md; the other parts stay as they are. */
export async function addRun(section: string): Promise<void> {
  let text = await fs.readFile(RESULTS, "utf8");
  if (!text.includes(END)) {
    const kinship = text.indexOf(`\n${KINSHIP_HEADING}`);
    text = kinship < 0 ? `${text.trimEnd()}\n\n${SECTION}` : `${text.slice(0, kinship).trimEnd()}\n\n${SECTION}${text.slice(kinship)}`;
  }
  const at = text.indexOf(END);
  await fs.writeFile(RESULTS, `${text.slice(0, at)}${section}\n${text.slice(at)}`);
}

export interface LighthouseRun {
  heading: string;
  rows: { page: string; figure: string; measured: string; goal: string; verdict: string }[];
}

/** The newest run in the Lighthouse part of RESULTS.md (written by `npm run bench:lighthouse`). */
export async function latestLighthouseRun(): Promise<LighthouseRun | null> {
  const lines = (await fs.readFile(RESULTS, "utf8")).split("\n");
  const start = lines.findIndex((line) => line.startsWith("## Lighthouse on the public page"));
  if (start < 0) return null;
  const end = lines.findIndex((line, index) => index > start && line.startsWith("## ") && !/^## \d{4}-/.test(line));
  const part = lines.slice(start, end < 0 ? undefined : end);
  const headingIndex = part.findLastIndex((line) => /^## \d{4}-/.test(line));
  if (headingIndex < 0) return null;
  const rows = part
    .slice(headingIndex)
    .filter((line) => /^\| \/(ar|en) \|/.test(line))
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .map((cells) => ({ page: cells[1] ?? "", figure: cells[2] ?? "", measured: cells[3] ?? "", goal: cells[4] ?? "", verdict: cells[5] ?? "" }))
    .filter((row) => row.goal !== "");
  return { heading: (part[headingIndex] ?? "").replace(/^## /, ""), rows };
}
