import { readFile } from "node:fs/promises";
import { answerDviRequest } from "@/lib/kinship/dvi/request";
import { KinshipInputError } from "@/lib/kinship/pedigree/request";

/**
 * `npm run dvi -- FILE.json`: disaster-victim identification over bodies and reference families
 * (issue #22), without a database. Prints {"excluded","undisputed","bestAssignment",
 * "pairingProbabilities"}; a faulty input exits 2 with one line on standard error.
 */
async function main(): Promise<number> {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error("Usage: npm run dvi -- FILE.json");
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`Error: cannot read ${file} as JSON: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
    return 2;
  }
  try {
    const { output, notes } = answerDviRequest(json);
    for (const note of notes) console.error(note);
    console.log(JSON.stringify(output));
    return 0;
  } catch (error) {
    if (!(error instanceof KinshipInputError)) throw error;
    console.error(`Error: ${error.message.split("\n")[0]}`);
    return 2;
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
