/**
 * The process that simulates sampling advice for a refresh started from the work list page
 * (started by compute-in-child.ts): it receives one missing person's inputs at a time and answers
 * with their advice. No database here: the simulation is CPU-bound for seconds to minutes, and on
 * the server's own thread it would hold up every request.
 */
import { computeMissingPersonSampling } from "@/lib/dna-profiles/missing-person-sampling";
import type { SamplingJob } from "./compute-in-child";

// The server that started this process is gone: nobody waits for the answers.
process.once("disconnect", () => process.exit(0));

process.on("message", (job: SamplingJob) => {
  process.send?.({ id: job.id, advice: computeMissingPersonSampling(job.inputs, job.person) });
});
