import type { FrequencyData } from "./frequencies";

/**
 * SYNTHETIC allele frequencies for the demonstration. They are NOT measured in any population and
 * must never be used for casework: real screening needs a published table for the population
 * (for Libya, a North African table), loaded by an administrator.
 *
 * Each locus gets a smooth bell-shaped distribution over a plausible allele range, so that the
 * demo's simulated profiles look like real ones and its likelihood ratios land in a realistic range.
 */
export const DEMO_FREQUENCY_TABLE_NAME = "Synthetic demonstration table — not real population data";

interface LocusShape {
  from: number;
  to: number;
  mode: number;
  spread: number;
  /** Microvariants with their weight relative to the bell at the same position. */
  microvariants?: Readonly<Record<string, number>>;
}

const SHAPES: Readonly<Record<string, LocusShape>> = {
  CSF1PO: { from: 7, to: 15, mode: 11.5, spread: 1.2 },
  D1S1656: { from: 10, to: 19, mode: 15, spread: 2, microvariants: { "15.3": 0.4, "17.3": 0.6 } },
  D2S441: { from: 9, to: 16, mode: 11.5, spread: 1.3, microvariants: { "11.3": 0.3 } },
  D2S1338: { from: 15, to: 27, mode: 20, spread: 2.6 },
  D3S1358: { from: 12, to: 19, mode: 15.5, spread: 1.2 },
  D5S818: { from: 7, to: 15, mode: 11.5, spread: 1.3 },
  D7S820: { from: 6, to: 14, mode: 10, spread: 1.3 },
  D8S1179: { from: 8, to: 17, mode: 13, spread: 1.5 },
  D10S1248: { from: 10, to: 18, mode: 14, spread: 1.3 },
  D12S391: { from: 15, to: 25, mode: 19.5, spread: 1.8, microvariants: { "17.3": 0.3, "18.3": 0.5 } },
  D13S317: { from: 8, to: 14, mode: 11, spread: 1.3 },
  D16S539: { from: 8, to: 14, mode: 11, spread: 1.2 },
  D18S51: { from: 10, to: 23, mode: 15, spread: 2.4 },
  D19S433: { from: 11, to: 17, mode: 13.5, spread: 1.1, microvariants: { "13.2": 0.4, "14.2": 0.6, "15.2": 0.5 } },
  D21S11: { from: 26, to: 34, mode: 30, spread: 1.4, microvariants: { "30.2": 0.6, "31.2": 0.8, "32.2": 0.7, "33.2": 0.4 } },
  D22S1045: { from: 10, to: 18, mode: 15, spread: 1.4 },
  FGA: { from: 18, to: 28, mode: 22.5, spread: 2, microvariants: { "21.2": 0.1, "22.2": 0.15 } },
  TH01: { from: 5, to: 10, mode: 7.5, spread: 1.3, microvariants: { "9.3": 1.4 } },
  TPOX: { from: 6, to: 12, mode: 8.5, spread: 1.1 },
  vWA: { from: 13, to: 20, mode: 16.5, spread: 1.3 },
};

function bell(position: number, shape: LocusShape): number {
  const z = (position - shape.mode) / shape.spread;
  return Math.exp(-0.5 * z * z) + 0.01;
}

function locusFrequencies(shape: LocusShape): Record<string, number> {
  const weights: [string, number][] = [];
  for (let repeats = shape.from; repeats <= shape.to; repeats += 1) weights.push([String(repeats), bell(repeats, shape)]);
  for (const [allele, relative] of Object.entries(shape.microvariants ?? {})) weights.push([allele, relative * bell(Number(allele), shape)]);
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  // Four decimals, as published tables print them; the rounding leaves each locus within 0.001 of 1.
  return Object.fromEntries(weights.map(([allele, weight]) => [allele, Math.max(0.0001, Math.round((weight / total) * 10_000) / 10_000)]));
}

export const DEMO_FREQUENCIES: FrequencyData = Object.fromEntries(
  Object.entries(SHAPES).map(([locus, shape]) => [locus, locusFrequencies(shape)]),
);

export const DEMO_MIN_FREQUENCY = 0.001;
