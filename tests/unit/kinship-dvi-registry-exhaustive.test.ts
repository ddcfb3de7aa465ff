import { describe, expect, it } from "vitest";
import { DVI_REFERENCE_CONFIGURATIONS } from "@/bench/dvi-configurations";
import { mulberry32 } from "@/lib/demo/random";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { registryDvi } from "@/lib/kinship/dvi/registry";
import { dropGenes } from "@/lib/kinship/dvi/sampling-advice";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { computeKinship } from "@/lib/kinship/likelihood";
import { legacyPedigree, LEGACY_MISSING_ID } from "@/lib/kinship/pedigree/legacy-form";
import { screenProfiles, type ScreenCandidate, type ScreenRemains } from "@/lib/kinship/screen";
import type { KinshipOptions, Profile } from "@/lib/kinship/types";

/**
 * The registry's DVI layer (lib/kinship/dvi/registry.ts, with its fast screen, its per-family
 * locus cache and its joint solver) against an exhaustive computation written out plainly here:
 * each pair's screen figure and exclusion count read locus by locus from the screen's own ranking,
 * every pair above the floor recomputed exactly on all its loci, the undisputed rule applied to
 * every LR of the row and column, and the posteriors summed over every assignment of each
 * component. Any shortcut that changed a lead, a best candidate, a runner-up, an exclusion count or
 * a posterior (beyond 1e-9) fails here.
 */
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const frequencies = Object.fromEntries(table.locusNames().map((locus) => [locus, Object.fromEntries(table.allelesAt(locus))]));
const THRESHOLD = 1e4;
const SETTINGS: KinshipOptions = { theta: 0.02, mutationRate: 0.002 };

const CONFIGURATIONS = DVI_REFERENCE_CONFIGURATIONS.map((configuration) => configuration.references);

/** Families of every configuration, half of them with their missing person among the bodies, and strangers. */
function programme(seed: number, bodyCount: number, familyCount: number) {
  const next = mulberry32(seed);
  const candidates: ScreenCandidate[] = [];
  const remains: ScreenRemains[] = [];
  for (let index = 0; index < familyCount; index += 1) {
    const configuration = CONFIGURATIONS[index % CONFIGURATIONS.length] ?? [];
    const references = configuration.map((reference, position) => ({ id: `F${index}-R${position}`, ...reference, genotype: {} }));
    const drawn = dropGenes({ id: `F${index}`, persons: legacyPedigree(references).persons, missing: [LEGACY_MISSING_ID], profiles: {} }, frequencies, DEMO_MIN_FREQUENCY, next);
    candidates.push({ id: `F${index}`, references: references.map((reference) => ({ ...reference, genotype: drawn.persons.get(reference.id) as Profile })) });
    if (remains.length < bodyCount / 2 && next() < 0.6) remains.push({ id: `B${remains.length}`, profile: drawn.persons.get(LEGACY_MISSING_ID) as Profile });
  }
  while (remains.length < bodyCount) {
    const stranger = dropGenes({ id: "X", persons: [{ id: "X", sex: "male" }], missing: [], profiles: {} }, frequencies, DEMO_MIN_FREQUENCY, next);
    remains.push({ id: `B${remains.length}`, profile: stranger.persons.get("X") as Profile });
  }
  return { remains, candidates };
}

/** The screen's log10 LR of one body against one family at one locus (−∞ when that locus excludes it). */
function screenAtLocus(body: ScreenRemains, candidate: ScreenCandidate, locus: string | null, options: KinshipOptions): number {
  const profile = locus === null ? body.profile : Object.fromEntries(Object.entries(body.profile).filter(([name]) => name === locus));
  const [ranking] = screenProfiles(table, [{ id: body.id, profile }], [candidate], { ...options, minLikelihoodRatio: 1, minRatioToRunnerUp: 1, missingPersonCount: 1 });
  return ranking?.best?.log10Lr ?? -Infinity;
}

interface Pair {
  body: string;
  candidate: string;
  lr: number;
  excluded: boolean;
}

function exhaustive(remains: readonly ScreenRemains[], candidates: readonly ScreenCandidate[], w: number) {
  const pairs: Pair[] = [];
  const belowFloor = new Map(remains.map((body) => [body.id, { count: 0, lrSum: 0, excluded: 0 }]));
  const details = new Map<string, ReturnType<typeof computeKinship>>();
  for (const candidate of candidates) {
    for (const body of remains) {
      const tally = belowFloor.get(body.id) as { count: number; lrSum: number; excluded: number };
      const inconsistent = table.locusNames().filter((locus) => body.profile[locus] && screenAtLocus(body, candidate, locus, { ...SETTINGS, mutationRate: 0 }) === -Infinity).length;
      if (inconsistent >= 3) {
        tally.excluded += 1;
        continue;
      }
      const screen = screenAtLocus(body, candidate, null, SETTINGS);
      if (!(screen >= 0)) {
        tally.count += 1;
        tally.lrSum += 10 ** screen;
        continue;
      }
      const exact = computeKinship(table, body.profile, candidate.references, SETTINGS);
      details.set(`${body.id}|${candidate.id}`, exact);
      const lr = Number.isNaN(exact.lr) ? 0 : exact.lr;
      pairs.push({ body: body.id, candidate: candidate.id, lr, excluded: exact.inconsistentLoci.length >= 3 || !(lr > 0) });
    }
  }
  const live = pairs.filter((pair) => !pair.excluded);
  const folded = live.filter((pair) => pair.lr < w);
  const joint = live.filter((pair) => pair.lr >= w);
  const outside = new Map(remains.map((body) => [body.id, w + (belowFloor.get(body.id)?.lrSum ?? 0) + folded.filter((pair) => pair.body === body.id).reduce((sum, pair) => sum + pair.lr, 0)]));
  // Every assignment of the joint pairs (each body and each family at most once), summed by brute force.
  const probability = new Map<string, number>();
  const unassigned = new Map<string, number>();
  const bodies = remains.map((body) => body.id);
  let total = 0;
  const chosen: (Pair | null)[] = [];
  const used = new Set<string>();
  const sums = new Map<string, number>();
  const visit = (index: number, weight: number) => {
    if (index === bodies.length) {
      total += weight;
      chosen.forEach((pair, at) => {
        const key = pair ? `${pair.body}|${pair.candidate}` : `${bodies[at]}|`;
        sums.set(key, (sums.get(key) ?? 0) + weight);
      });
      return;
    }
    const body = bodies[index] as string;
    chosen[index] = null;
    visit(index + 1, weight * (outside.get(body) ?? w));
    for (const pair of joint) {
      if (pair.body !== body || used.has(pair.candidate)) continue;
      used.add(pair.candidate);
      chosen[index] = pair;
      visit(index + 1, weight * pair.lr);
      used.delete(pair.candidate);
    }
    chosen[index] = null;
  };
  visit(0, 1);
  for (const body of bodies) {
    const share = (sums.get(`${body}|`) ?? 0) / total / (outside.get(body) ?? w);
    unassigned.set(body, w * share);
    for (const pair of joint.filter((candidate) => candidate.body === body)) probability.set(`${body}|${pair.candidate}`, (sums.get(`${body}|${pair.candidate}`) ?? 0) / total);
    for (const pair of folded.filter((candidate) => candidate.body === body)) probability.set(`${body}|${pair.candidate}`, pair.lr * share);
  }
  return bodies.map((body) => {
    const row = live.filter((pair) => pair.body === body);
    const p = (pair: Pair) => probability.get(`${pair.body}|${pair.candidate}`) ?? 0;
    const top = [...row].sort((a, b) => p(b) - p(a) || b.lr - a.lr)[0] ?? null;
    const rowRunnerUp = top ? Math.max(-Infinity, ...row.filter((pair) => pair !== top).map((pair) => pair.lr)) : -Infinity;
    const columnRunnerUp = top ? Math.max(-Infinity, ...live.filter((pair) => pair.candidate === top.candidate && pair.body !== body).map((pair) => pair.lr)) : -Infinity;
    // Undisputed: LR ≥ T and ≥ T × every other LR in its row and its column.
    const undisputed = (pair: Pair) =>
      live.every((other) => other === pair || (other.body !== pair.body && other.candidate !== pair.candidate) || pair.lr >= THRESHOLD * other.lr) && pair.lr >= THRESHOLD;
    const isLead = top !== null && row.some(undisputed);
    return {
      remainsId: body,
      best: top?.candidate ?? null,
      log10Lr: top ? Math.log10(top.lr) : null,
      detail: top ? details.get(`${body}|${top.candidate}`) : undefined,
      probability: top ? p(top) : null,
      notInDatabase: unassigned.get(body) ?? 1,
      rowRunnerUp,
      columnRunnerUp,
      isLead,
      excluded: pairs.filter((pair) => pair.body === body && pair.excluded).length + (belowFloor.get(body)?.excluded ?? 0),
      belowFloor: belowFloor.get(body)?.count ?? 0,
    };
  });
}

const close = (actual: number | null | undefined, expected: number | null) => {
  if (expected === null) return expect(actual ?? null).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

describe("the registry's DVI layer against an exhaustive computation", { timeout: 300_000 }, () => {
  for (const [seed, w] of [
    [1, 1],
    [2, 1],
    [3, 4],
  ] as const) {
    it(`gives the same leads, candidates, runner-ups, exclusions and posteriors (programme ${seed}, w = ${w})`, () => {
      const { remains, candidates } = programme(seed, 8, 20);
      const fast = registryDvi(table, remains, candidates, { ...SETTINGS, threshold: THRESHOLD, notInDatabaseWeight: w, floorLog10: 0 });
      const expected = exhaustive(remains, candidates, w);
      expect(fast.setAside).toBe(0);
      // The programme is not trivial: leads, bodies with no lead, and pairs left to the joint model.
      expect(expected.some((row) => row.isLead)).toBe(true);
      expect(expected.some((row) => !row.isLead && row.best !== null)).toBe(true);
      for (const row of expected) {
        const got = fast.rows.find((candidate) => candidate.remainsId === row.remainsId);
        expect(got, row.remainsId).toBeDefined();
        expect(got?.isLead, row.remainsId).toBe(row.isLead);
        expect(got?.bestIds ?? [], row.remainsId).toEqual(row.best === null ? [] : [row.best]);
        close(got?.best?.log10Lr ?? null, row.log10Lr);
        expect(got?.best?.inconsistentLoci ?? []).toEqual(row.detail?.inconsistentLoci ?? []);
        // The best pair's full result (made again for the row alone) is that body's own, bit for bit.
        expect(got?.best?.loci ?? null, row.remainsId).toEqual(row.detail?.loci ?? null);
        expect(got?.best?.warnings ?? null, row.remainsId).toEqual(row.detail?.warnings ?? null);
        expect(Object.is(got?.best?.lr ?? null, row.detail?.lr ?? null), row.remainsId).toBe(true);
        close(got?.probability ?? null, row.probability);
        close(got?.notInDatabase ?? null, row.notInDatabase);
        close(got?.rowRunnerUp ? 10 ** got.rowRunnerUp.log10Lr : null, row.rowRunnerUp === -Infinity ? null : row.rowRunnerUp);
        close(got?.columnRunnerUp ? 10 ** got.columnRunnerUp.log10Lr : null, row.columnRunnerUp === -Infinity ? null : row.columnRunnerUp);
        expect(got?.excluded, row.remainsId).toBe(row.excluded);
        expect(got?.belowFloor.count, row.remainsId).toBe(row.belowFloor);
      }
    });
  }
});
