import { readFile } from "node:fs/promises";
import { answerKinshipRequest, KinshipInputError } from "@/lib/kinship/request";

/** `npm run kinship -- FILE.json`: the likelihood ratio of issue #13, without a database. */
async function main(): Promise<number> {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error("Usage: npm run kinship -- FILE.json");
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`Error: cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  try {
    const { result, warnings } = answerKinshipRequest(json);
    for (const warning of warnings) console.error(`Warning: ${warning}`);
    const { lr, log10Lr, loci, inconsistentLoci } = result;
    // JSON has no -Infinity: an excluded relationship prints log10Lr as null.
    console.log(JSON.stringify({ lr, log10Lr: Number.isFinite(log10Lr) ? log10Lr : null, loci, inconsistentLoci }));
    return 0;
  } catch (error) {
    if (!(error instanceof KinshipInputError)) throw error;
    console.error(`Error: ${error.message}`);
    return 2;
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
