import { z } from "zod";
import { parseGenotype } from "../alleles";
import { FrequencyError, FrequencyTable } from "../frequencies";
import { DEFAULT_MIN_FREQUENCY, DEFAULT_THETA, RELATIONSHIPS, type Genotype } from "../types";
import { LEGACY_MISSING_ID, legacyPedigree, type LegacyReference } from "./legacy-form";
import { pedigreeLikelihoodRatio } from "./ratio";
import { PedigreeError } from "./structure";
import type { MutationModel, PedigreeCase, PedigreeOptions } from "./types";

/** A request the caller can correct: the command prints it on one line and exits with code 2. */
export class KinshipInputError extends Error {}

/** What `npm run kinship` prints (issue #21). */
export interface KinshipOutput {
  lr: number;
  /** null when the LR is 0 (JSON has no −Infinity). */
  log10Lr: number | null;
  loci: Record<string, number>;
  inconsistentLoci: string[];
  warnings: string[];
}

const allele = z.union([z.string(), z.number()]).transform(String);
export const profileInput = z.record(z.string(), z.array(allele).min(1).max(2));
export const frequenciesInput = z.record(z.string(), z.record(z.string(), z.number()));
const rate = z.number().min(0).max(1);

export const mutationInput = z
  .object({
    model: z.enum(["none", "equal", "proportional", "stepwise"]),
    rate: rate.optional(),
    femaleRate: rate.optional(),
    maleRate: rate.optional(),
    range: z.number().gt(0).optional(),
    microvariantRate: rate.optional(),
  })
  .strict();

const pedigreeRequest = z
  .object({
    theta: z.number().min(0).lt(1).default(DEFAULT_THETA),
    mutation: mutationInput.default({ model: "none" }),
    minFrequency: z.number().default(DEFAULT_MIN_FREQUENCY),
    frequencies: frequenciesInput,
    silentAlleleFrequencies: z.record(z.string(), z.number().min(0).lt(1)).optional(),
    pedigree: z.array(
      z
        .object({
          id: z.string().min(1),
          sex: z.enum(["male", "female"]),
          father: z.string().min(1).optional(),
          mother: z.string().min(1).optional(),
        })
        .strict(),
    ),
    missing: z.string().min(1),
    profiles: z.record(z.string(), profileInput),
    dropout: z.record(z.string(), z.number().min(0).lt(1)).optional(),
  })
  .strict();

const legacyRequest = z.object({
  theta: z.number().min(0).lt(1).default(DEFAULT_THETA),
  mutationRate: z.number().min(0).max(1).default(0),
  minFrequency: z.number().default(DEFAULT_MIN_FREQUENCY),
  frequencies: frequenciesInput,
  missing: profileInput,
  references: z.array(
    z.object({
      id: z.string().min(1),
      relationship: z.string(),
      side: z.enum(["maternal", "paternal"]).optional(),
      sex: z.enum(["male", "female"]).optional(),
      genotype: profileInput,
    }),
  ),
});

function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new KinshipInputError(`invalid input at ${issue?.path.join(".") || "top level"}: ${issue?.message ?? "unreadable"}`);
}

export function toProfile(input: Record<string, string[]>, owner: string): Record<string, Genotype> {
  const profile: Record<string, Genotype> = {};
  for (const [locus, alleles] of Object.entries(input)) {
    const genotype = parseGenotype(alleles[0] ?? "", alleles[1]);
    if (!genotype) throw new KinshipInputError(`${owner}: malformed allele at ${locus}: ${JSON.stringify(alleles)}`);
    profile[locus] = genotype;
  }
  return profile;
}

export function checkFrequencies(frequencies: Record<string, Record<string, number>>, minFrequency: number): void {
  try {
    const table = new FrequencyTable(frequencies, minFrequency);
    for (const locus of table.locusNames()) {
      for (const name of table.allelesAt(locus).keys()) {
        if (!parseGenotype(name, undefined)) throw new KinshipInputError(`frequencies: malformed allele "${name}" at ${locus}`);
      }
    }
  } catch (error) {
    if (error instanceof FrequencyError) throw new KinshipInputError(`frequencies: ${error.message}`);
    throw error;
  }
}

export function toMutation(input: z.output<typeof mutationInput>): MutationModel {
  if (input.model === "none") return { model: "none" };
  const single = input.rate;
  if (single !== undefined && (input.femaleRate !== undefined || input.maleRate !== undefined)) {
    throw new KinshipInputError("mutation: give either rate or femaleRate and maleRate, not both");
  }
  const femaleRate = single ?? input.femaleRate;
  const maleRate = single ?? input.maleRate;
  if (femaleRate === undefined || maleRate === undefined) throw new KinshipInputError(`mutation: the ${input.model} model needs rate, or femaleRate and maleRate`);
  if (input.model !== "stepwise") {
    if (input.range !== undefined || input.microvariantRate !== undefined) throw new KinshipInputError(`mutation: range and microvariantRate apply only to the stepwise model`);
    return { model: input.model, femaleRate, maleRate };
  }
  if (input.range === undefined) throw new KinshipInputError("mutation: the stepwise model needs range");
  const microvariantRate = input.microvariantRate ?? 0;
  if (Math.max(femaleRate, maleRate) + microvariantRate > 1) throw new KinshipInputError("mutation: rate + microvariantRate must not exceed 1");
  return { model: "stepwise", femaleRate, maleRate, range: input.range, microvariantRate };
}

function fromPedigreeForm(json: unknown): { input: PedigreeCase; options: PedigreeOptions; frequencies: Record<string, Record<string, number>>; warnings: string[] } {
  const request = parse(pedigreeRequest, json);
  const profiles = Object.fromEntries(Object.entries(request.profiles).map(([id, profile]) => [id, toProfile(profile, `profile of ${id}`)]));
  return {
    input: { persons: request.pedigree, missing: request.missing, profiles, dropout: request.dropout },
    options: {
      theta: request.theta,
      mutation: toMutation(request.mutation),
      minFrequency: request.minFrequency,
      silentFrequencies: request.silentAlleleFrequencies,
    },
    frequencies: request.frequencies,
    warnings: [],
  };
}

/** The old form of issue #13: references by relationship, translated to a pedigree. */
function fromRelationshipForm(json: unknown) {
  const request = parse(legacyRequest, json);
  const references: LegacyReference[] = request.references.map((reference) => {
    const relationship = RELATIONSHIPS.find((known) => known === reference.relationship);
    if (!relationship) {
      throw new KinshipInputError(`reference ${reference.id}: unknown relationship "${reference.relationship}" (expected one of ${RELATIONSHIPS.join(", ")})`);
    }
    return { ...reference, relationship, genotype: toProfile(reference.genotype, `reference ${reference.id}`) };
  });
  const { persons, warnings } = legacyPedigree(references);
  const profiles = Object.fromEntries([
    [LEGACY_MISSING_ID, toProfile(request.missing, "missing")],
    ...references.map((reference) => [reference.id, reference.genotype] as const),
  ]);
  const mutation: MutationModel =
    request.mutationRate === 0 ? { model: "none" } : { model: "proportional", femaleRate: request.mutationRate, maleRate: request.mutationRate };
  return {
    input: { persons, missing: LEGACY_MISSING_ID, profiles },
    options: { theta: request.theta, mutation, minFrequency: request.minFrequency },
    frequencies: request.frequencies,
    warnings,
  };
}

/** The command-line contract of issue #21: a pedigree (or the old relationship form) in, the LR out. */
export function answerKinshipRequest(json: unknown): KinshipOutput {
  try {
    return answer(json);
  } catch (error) {
    if (error instanceof PedigreeError) throw new KinshipInputError(error.message);
    throw error;
  }
}

function answer(json: unknown): KinshipOutput {
  const isObject = typeof json === "object" && json !== null;
  const { input, options, frequencies, warnings } = isObject && "pedigree" in json ? fromPedigreeForm(json) : fromRelationshipForm(json);
  if (!(options.minFrequency > 0 && options.minFrequency <= 1)) throw new KinshipInputError(`minFrequency must lie in (0, 1], got ${options.minFrequency}`);
  checkFrequencies(frequencies, options.minFrequency);
  const result = pedigreeLikelihoodRatio(input, frequencies, options);
  return {
    lr: result.lr,
    log10Lr: Number.isFinite(result.log10Lr) ? result.log10Lr : null,
    loci: result.loci,
    inconsistentLoci: result.inconsistentLoci,
    warnings: [...warnings, ...result.warnings],
  };
}
