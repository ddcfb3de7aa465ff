import { answerDviRequest } from "@/lib/kinship/dvi/request";
import { runKinshipJsonCli } from "./support/kinship-json-cli";

/**
 * `npm run dvi -- FILE.json`: disaster-victim identification over bodies and reference families
 * (issue #22), without a database. Prints {"excluded","undisputed","bestAssignment",
 * "pairingProbabilities"}; a faulty input exits 2 with one line on standard error.
 */
runKinshipJsonCli("dvi", answerDviRequest);
