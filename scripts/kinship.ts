import { readFile } from "node:fs/promises";
import { answerKinshipRequest, KinshipInputError } from "@/lib/kinship/pedigree/request";

/**
 * `npm run kinship -- FILE.json`: the likelihood ratio of a pedigree (issue #21; the relationship
 * form of issue #13 is still accepted), without a database. Prints
 * {"lr","log10Lr","loci","inconsistentLoci","warnings"}; a faulty input exits 2 with one line.
 */
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
    console.error(`Error: cannot read ${file} as JSON: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
    return 2;
  }
  try {
    console.log(JSON.stringify(answerKinshipRequest(json)));
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
