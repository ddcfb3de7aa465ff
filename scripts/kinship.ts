import { answerKinshipRequest } from "@/lib/kinship/pedigree/request";
import { runKinshipJsonCli } from "./support/kinship-json-cli";

/**
 * `npm run kinship -- FILE.json`: the likelihood ratio of a pedigree (issue #21; the relationship
 * form of issue #13 is still accepted), without a database. Prints
 * {"lr","log10Lr","loci","inconsistentLoci","warnings"}; a faulty input exits 2 with one line.
 */
runKinshipJsonCli("kinship", (json) => ({ output: answerKinshipRequest(json) }));
