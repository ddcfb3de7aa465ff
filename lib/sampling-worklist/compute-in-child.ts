import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import type { MissingPersonSampling } from "@/lib/dna-profiles/missing-person-sampling";
import type { MissingPersonSamplingInput, SamplingInputs } from "@/lib/dna-profiles/sampling-inputs";
import { childEntry } from "@/lib/processes/child-bundle";

export interface SamplingJob {
  id: number;
  inputs: SamplingInputs;
  person: MissingPersonSamplingInput;
}

/** The simulation's module, from the app's folder, bundled as the import's reader is (lib/processes/child-bundle.ts). */
const CHILD_SOURCE = "lib/sampling-worklist/sampling-child.ts";

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
  const pending = new Map<number, { resolve: (advice: MissingPersonSampling) => void; reject: (error: Error) => void }>();
  let next = 0;
  let closed = false;
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  // The bundle is built (or found built) first; questions asked meanwhile wait for the process.
  const started: Promise<ChildProcess> = childEntry(CHILD_SOURCE).then((entry) => {
    const child = fork(/* turbopackIgnore: true */ entry, [], {
      serialization: "advanced",
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child.on("message", (message: { id: number; advice: MissingPersonSampling }) => {
      pending.get(message.id)?.resolve(message.advice);
      pending.delete(message.id);
    });
    child.on("error", failAll);
    child.on("close", (code, signal) => failAll(new Error(`the sampling process stopped (${signal ?? `exit code ${code}`})`)));
    if (closed) child.disconnect();
    return child;
  });
  return {
    compute: (inputs, person) =>
      new Promise((resolve, reject) => {
        const id = (next += 1);
        pending.set(id, { resolve, reject });
        started.then(
          // Only what this person's advice is computed from: not every family's inputs.
          (child) => child.send({ id, inputs: { ...inputs, families: new Map() }, person } satisfies SamplingJob),
          (error: unknown) => failAll(error instanceof Error ? error : new Error(String(error))),
        );
      }),
    close: () => {
      closed = true;
      void started.then(
        (child) => {
          if (child.connected) child.disconnect();
        },
        () => undefined,
      );
    },
  };
}
