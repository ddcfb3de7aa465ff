import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { MissingPersonSampling } from "@/lib/dna-profiles/missing-person-sampling";
import type { MissingPersonSamplingInput, SamplingInputs } from "@/lib/dna-profiles/sampling-inputs";

export interface SamplingJob {
  id: number;
  inputs: SamplingInputs;
  person: MissingPersonSamplingInput;
}

/** Found from the app's folder, as the import's reader is (parse-in-worker.ts): the build bundles this module elsewhere. */
const CHILD_ENTRY = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "sampling-worklist", "sampling-child.ts");

export interface SamplingProcess {
  compute(inputs: SamplingInputs, person: MissingPersonSamplingInput): Promise<MissingPersonSampling>;
  close(): void;
}

/**
 * One process for one refresh run, computing one missing person at a time, so that the server's
 * thread only reads and writes the database while the simulation runs. A process that stops
 * fails every pending question; the refresh then stops, and its claims lapse.
 */
export function startSamplingProcess(): SamplingProcess {
  const child: ChildProcess = fork(/* turbopackIgnore: true */ CHILD_ENTRY, [], {
    execArgv: ["--import", "tsx"],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (advice: MissingPersonSampling) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  child.on("message", (message: { id: number; advice: MissingPersonSampling }) => {
    pending.get(message.id)?.resolve(message.advice);
    pending.delete(message.id);
  });
  child.on("error", failAll);
  child.on("close", (code, signal) => failAll(new Error(`the sampling process stopped (${signal ?? `exit code ${code}`})`)));
  return {
    compute: (inputs, person) =>
      new Promise((resolve, reject) => {
        const id = (next += 1);
        pending.set(id, { resolve, reject });
        // Only what this person's advice is computed from: not every family's inputs.
        child.send({ id, inputs: { ...inputs, families: new Map() }, person } satisfies SamplingJob);
      }),
    close: () => {
      if (child.connected) child.disconnect();
    },
  };
}
