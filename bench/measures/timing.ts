import os from "node:os";

/** The machine's 1-minute load average, written beside each figure (the machine is shared). */
export const loadNow = () => os.loadavg()[0]?.toFixed(2) ?? "?";

export async function timed<Result>(work: () => Promise<Result>): Promise<{ result: Result; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);

/** Runs `work` `warmups` times unmeasured, then `runs` times, and gives the median time. */
export async function medianTime(work: () => Promise<unknown>, runs: number, warmups = 2): Promise<number> {
  for (let run = 0; run < warmups; run += 1) await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push((await timed(work)).milliseconds);
  return median(samples);
}

export const milliseconds = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const ratio = (value: number) => `${value >= 0.01 ? value.toFixed(2) : value.toPrecision(2)}×`;

/** One line of the results table. */
export interface Figure {
  name: string;
  measured: string;
  ceiling: string;
  ratio: string;
  goal: string;
  /** null when the figure has no goal of its own, or in a smoke run. */
  pass: boolean | null;
  load: string;
}
