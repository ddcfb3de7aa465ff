import { z } from "zod";
import { parseGenotype } from "./alleles";
import { FrequencyError, FrequencyTable } from "./frequencies";
import { comparedLoci, computeKinship, type KinshipResult } from "./likelihood";
import { DEFAULT_MIN_FREQUENCY, RELATIONSHIPS, type Genotype, type Profile, type Reference } from "./types";

/** A request the caller can correct: the command prints it and exits with code 2. */
export class KinshipInputError extends Error {}

const allele = z.union([z.string(), z.number()]).transform(String);
const genotypeInput = z.array(allele).min(1).max(2);
const profileInput = z.record(z.string(), genotypeInput);

const requestSchema = z.object({
  theta: z.number().min(0).lt(1).default(0.02),
  mutationRate: z.number().min(0).max(1).default(0),
  minFrequency: z.number().default(DEFAULT_MIN_FREQUENCY),
  frequencies: z.record(z.string(), z.record(z.string(), z.number())),
  missing: profileInput,
  references: z.array(
    z.object({
      id: z.string().min(1),
      relationship: z.string(),
      genotype: profileInput,
    }),
  ),
});

function toProfile(input: Record<string, string[]>, owner: string): Profile {
  const profile: Record<string, Genotype> = {};
  for (const [locus, alleles] of Object.entries(input)) {
    const genotype = parseGenotype(alleles[0] ?? "", alleles[1]);
    if (!genotype) throw new KinshipInputError(`${owner}: malformed allele at ${locus}: ${JSON.stringify(alleles)}`);
    profile[locus] = genotype;
  }
  return profile;
}

function toReference(input: { id: string; relationship: string; genotype: Record<string, string[]> }): Reference {
  const relationship = RELATIONSHIPS.find((known) => known === input.relationship);
  if (!relationship) {
    throw new KinshipInputError(`reference ${input.id}: unknown relationship "${input.relationship}" (expected one of ${RELATIONSHIPS.join(", ")})`);
  }
  return { id: input.id, relationship, genotype: toProfile(input.genotype, `reference ${input.id}`) };
}

export interface KinshipAnswer {
  result: KinshipResult;
  /** Human-readable remarks for standard error, such as references left out of the pedigree. */
  warnings: string[];
}

/** The command-line contract of issue #13: JSON in, the likelihood ratio and its parts out. */
export function answerKinshipRequest(json: unknown): KinshipAnswer {
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KinshipInputError(`invalid input at ${issue?.path.join(".") || "top level"}: ${issue?.message ?? "unreadable"}`);
  }
  const request = parsed.data;
  let table: FrequencyTable;
  try {
    table = new FrequencyTable(request.frequencies, request.minFrequency);
  } catch (error) {
    if (error instanceof FrequencyError) throw new KinshipInputError(error.message);
    throw error;
  }
  const missing = toProfile(request.missing, "missing");
  const references = request.references.map(toReference);
  for (const locus of comparedLoci(missing, references)) {
    if (!table.hasLocus(locus)) throw new KinshipInputError(`locus ${locus} is missing from the frequency table`);
  }
  const result = computeKinship(table, missing, references, { theta: request.theta, mutationRate: request.mutationRate });
  const warnings = references
    .filter((reference) => result.unusedReferences.includes(reference.id))
    .map((reference) =>
      reference.relationship === "spouse"
        ? `reference ${reference.id} was left out: a spouse counts only beside a typed child of the missing person`
        : `reference ${reference.id} was left out: a distant relative is used only when no parent, sibling or child is typed, and only the closest one`,
    );
  return { result, warnings };
}
