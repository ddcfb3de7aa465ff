import { z } from "zod";
import { checkFrequencies, frequenciesInput, KinshipInputError, mutationInput, profileInput, toMutation, toProfile } from "../pedigree/request";
import { indexPedigree, PedigreeError } from "../pedigree/structure";
import { DEFAULT_MUTATION, type MutationModel } from "../pedigree/types";
import { DEFAULT_MIN_FREQUENCY, DEFAULT_THETA } from "../types";
import { NOT_IN_DATABASE } from "./joint";
import { BODY_RELATIONS, relatedBodies, type BodyRelation } from "./body-to-body";
import { runDvi } from "./run";
import { familySamplingAdvice, samplingWorkList, type MissingPersonAdvice, type WorkListEntry } from "./sampling-advice";
import { DEFAULT_SAMPLING_SIMULATIONS, DEFAULT_BODY_LIST_FROM, DEFAULT_DVI_THRESHOLD, DEFAULT_EXCLUSION_LOCI, DEFAULT_SEARCH_LIMIT, missingKey, type DviBody, type DviFamily } from "./types";

/** What `npm run dvi` prints (issue #22). */
export interface DviOutput {
  excluded: { body: string; missing: string; inconsistentLoci: number; sexMismatch?: true }[];
  undisputed: { body: string; missing: string; lr: number }[];
  bestAssignment: Record<string, string | null>;
  pairingProbabilities: { body: string; missing: string | null; probability: number }[];
  /** Only when the input asks for "bodyToBody": pairs of bodies with a relation listed (issue #22, point 5). */
  relatedBodies?: RelatedBodiesOutput;
  /** Only when the input asks for "samplingAdvice" (issue #22, point 6). */
  samplingAdvice?: { missingPersons: MissingPersonAdvice[]; workList: WorkListEntry[] };
}

export type RelatedBodiesOutput = {
  a: string;
  b: string;
  lociCompared: number;
  strongest: BodyRelation;
  lr: Record<BodyRelation, number>;
  inconsistentLoci: Record<BodyRelation, number>;
}[];

const id = z.string().min(1);
const person = z.object({ id, sex: z.enum(["male", "female"]), father: id.optional(), mother: id.optional() }).strict();

const dviRequest = z
  .object({
    theta: z.number().min(0).lt(1).default(DEFAULT_THETA),
    mutation: mutationInput.optional(),
    minFrequency: z.number().default(DEFAULT_MIN_FREQUENCY),
    frequencies: frequenciesInput,
    silentAlleleFrequencies: z.record(z.string(), z.number().min(0).lt(1)).optional(),
    bodies: z.array(z.object({ id, sex: z.enum(["male", "female"]).optional(), profile: profileInput, dropout: z.number().min(0).lt(1).optional() }).strict()),
    families: z.array(
      z
        .object({
          id: id.refine((value) => !value.includes(":"), "a family id must not contain ':'"),
          pedigree: z.array(person),
          missing: z.array(id).min(1),
          profiles: z.record(z.string(), profileInput),
          dropout: z.record(z.string(), z.number().min(0).lt(1)).optional(),
        })
        .strict(),
    ),
    threshold: z.number().gt(1).default(DEFAULT_DVI_THRESHOLD),
    exclusionLoci: z.number().int().min(1).default(DEFAULT_EXCLUSION_LOCI),
    notInDatabaseWeight: z.number().gt(0).finite().default(1),
    searchLimit: z.number().int().min(1).default(DEFAULT_SEARCH_LIMIT),
    samplingAdvice: z
      .object({
        simulations: z.number().int().min(1).max(100_000).default(DEFAULT_SAMPLING_SIMULATIONS),
        seed: z.number().int().default(1),
        unavailable: z.record(z.string(), z.array(id)).default({}),
        workList: z.number().int().min(1).default(20),
      })
      .strict()
      .optional(),
    bodyToBody: z
      .object({ listFrom: z.number().gt(0).default(DEFAULT_BODY_LIST_FROM) })
      .strict()
      .optional(),
  })
  .strict();

function parse(json: unknown): z.output<typeof dviRequest> {
  const parsed = dviRequest.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new KinshipInputError(`invalid input at ${issue?.path.join(".") || "top level"}: ${issue?.message ?? "unreadable"}`);
}

function unique(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of ids) {
    if (seen.has(value)) throw new KinshipInputError(`${what} ${value} appears twice`);
    seen.add(value);
  }
}

function toFamily(input: z.output<typeof dviRequest>["families"][number]): DviFamily {
  indexPedigree(input.pedigree);
  const ids = new Set(input.pedigree.map((member) => member.id));
  unique(input.missing, `family ${input.id}: missing person`);
  for (const missing of input.missing) {
    if (!ids.has(missing)) throw new KinshipInputError(`family ${input.id}: the missing person ${missing} is not in the pedigree`);
    if (input.profiles[missing]) throw new KinshipInputError(`family ${input.id}: the missing person ${missing} must not have a profile`);
  }
  for (const owner of [...Object.keys(input.profiles), ...Object.keys(input.dropout ?? {})]) {
    if (!ids.has(owner)) throw new KinshipInputError(`family ${input.id}: profile or drop-out for unknown person ${owner}`);
  }
  const profiles = Object.fromEntries(Object.entries(input.profiles).map(([owner, profile]) => [owner, toProfile(profile, `family ${input.id}, profile of ${owner}`)]));
  return { id: input.id, persons: input.pedigree, missing: input.missing, profiles, dropout: input.dropout };
}

/**
 * The command-line contract of issue #22: bodies and reference families in; the exclusions, the
 * undisputed matches, the most probable joint assignment and the posterior pairing probabilities
 * out. The mutation model defaults to the application's (proportional, 0.002), so that exclusion
 * counts inconsistent loci instead of stopping at the first. `notes` are for standard error.
 */
export function answerDviRequest(json: unknown): { output: DviOutput; notes: string[] } {
  try {
    return answer(json);
  } catch (error) {
    if (error instanceof PedigreeError) throw new KinshipInputError(error.message);
    throw error;
  }
}

function answer(json: unknown): { output: DviOutput; notes: string[] } {
  const request = parse(json);
  if (!(request.minFrequency > 0 && request.minFrequency <= 1)) throw new KinshipInputError(`minFrequency must lie in (0, 1], got ${request.minFrequency}`);
  checkFrequencies(request.frequencies, request.minFrequency);
  unique(request.bodies.map((body) => body.id), "body");
  unique(request.families.map((family) => family.id), "family");
  const bodies: DviBody[] = request.bodies.map((body) => ({ ...body, profile: toProfile(body.profile, `body ${body.id}`) }));
  const families = request.families.map(toFamily);
  const mutation: MutationModel = request.mutation ? toMutation(request.mutation) : DEFAULT_MUTATION;
  const result = runDvi(bodies, families, request.frequencies, {
    theta: request.theta,
    mutation,
    minFrequency: request.minFrequency,
    silentFrequencies: request.silentAlleleFrequencies,
    threshold: request.threshold,
    exclusionLoci: request.exclusionLoci,
    notInDatabaseWeight: request.notInDatabaseWeight,
    searchLimit: request.searchLimit,
  });
  const columnOrder = new Map(families.flatMap((family) => family.missing.map((missing) => missingKey(family.id, missing))).map((key, index) => [key, index]));
  const pairingProbabilities: DviOutput["pairingProbabilities"] = [];
  for (const body of bodies) {
    const entries = [...(result.probabilities.get(body.id) ?? [])].sort(
      ([a], [b]) => (a === NOT_IN_DATABASE ? Infinity : (columnOrder.get(a) ?? 0)) - (b === NOT_IN_DATABASE ? Infinity : (columnOrder.get(b) ?? 0)),
    );
    for (const [key, probability] of entries) pairingProbabilities.push({ body: body.id, missing: key === NOT_IN_DATABASE ? null : key, probability });
  }
  const notes =
    result.setAside.length === 0
      ? []
      : [
          `note: ${result.setAside.length} weak pairs were set aside to keep the joint search within ${request.searchLimit} assignments per component; posteriors are within a factor ${result.errorFactor.toPrecision(3)} of the exact ones`,
        ];
  const related = request.bodyToBody
    ? relatedBodies(bodies, request.frequencies, {
        theta: request.theta,
        mutation,
        minFrequency: request.minFrequency,
        silentFrequencies: request.silentAlleleFrequencies,
        listFrom: request.bodyToBody.listFrom,
        exclusionLoci: request.exclusionLoci,
      })
    : null;
  const sampling = request.samplingAdvice;
  if (sampling) {
    for (const [familyId, persons] of Object.entries(sampling.unavailable)) {
      const family = families.find((entry) => entry.id === familyId);
      if (!family) throw new KinshipInputError(`samplingAdvice.unavailable: unknown family ${familyId}`);
      const unknown = persons.find((person) => !family.persons.some((member) => member.id === person));
      if (unknown) throw new KinshipInputError(`samplingAdvice.unavailable: family ${familyId} has no person ${unknown}`);
    }
  }
  const advice = sampling
    ? families
        .flatMap((family) =>
          familySamplingAdvice(
            family,
            request.frequencies,
            { theta: request.theta, mutation, minFrequency: request.minFrequency, silentFrequencies: request.silentAlleleFrequencies },
            {
              threshold: request.threshold,
              exclusionLoci: request.exclusionLoci,
              simulations: sampling.simulations,
              seed: sampling.seed,
              unavailable: new Map(Object.entries(sampling.unavailable).map(([familyId, persons]) => [familyId, new Set(persons)])),
            },
          ),
        )
        // Families ranked by the gain of their best next sample.
        .sort((a, b) => (b.options[0]?.inclusionGain ?? 0) - (a.options[0]?.inclusionGain ?? 0) || a.key.localeCompare(b.key))
    : null;
  return {
    output: {
      excluded: result.pairs
        .filter((pair) => pair.excluded)
        .map((pair) => ({ body: pair.body, missing: pair.key, inconsistentLoci: pair.inconsistentLoci.length, ...(pair.sexMismatch ? { sexMismatch: true as const } : {}) })),
      undisputed: result.undisputed.map(({ pair }) => ({ body: pair.body, missing: pair.key, lr: pair.lr })),
      bestAssignment: Object.fromEntries(bodies.map((body) => [body.id, result.best.get(body.id) ?? null])),
      pairingProbabilities,
      ...(related
        ? {
            relatedBodies: related.map((pair) => ({
              a: pair.a,
              b: pair.b,
              lociCompared: pair.lociCompared,
              strongest: pair.strongest,
              lr: Object.fromEntries(BODY_RELATIONS.map((relation) => [relation, pair.relations[relation].lr])) as Record<BodyRelation, number>,
              inconsistentLoci: Object.fromEntries(BODY_RELATIONS.map((relation) => [relation, pair.relations[relation].inconsistentLoci.length])) as Record<BodyRelation, number>,
            })),
          }
        : {}),
      ...(advice && sampling ? { samplingAdvice: { missingPersons: advice, workList: samplingWorkList(advice, sampling.workList) } } : {}),
    },
    notes,
  };
}
