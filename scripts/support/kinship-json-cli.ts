import { readFile } from "node:fs/promises";
import { KinshipInputError } from "@/lib/kinship/pedigree/request";

/**
 * The shape of `npm run kinship` and `npm run dvi`: one JSON file in, one JSON answer on standard
 * output (notes on standard error); a file that does not parse or a faulty input exits 2 with one
 * line, anything else is a bug and exits 1.
 */
export function runKinshipJsonCli(command: string, answer: (json: unknown) => { output: unknown; notes?: readonly string[] }): void {
  const main = async (): Promise<number> => {
    const [file] = process.argv.slice(2);
    if (!file) {
      console.error(`Usage: npm run ${command} -- FILE.json`);
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
      const { output, notes = [] } = answer(json);
      for (const note of notes) console.error(note);
      console.log(JSON.stringify(output));
      return 0;
    } catch (error) {
      if (!(error instanceof KinshipInputError)) throw error;
      console.error(`Error: ${error.message.split("\n")[0]}`);
      return 2;
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
