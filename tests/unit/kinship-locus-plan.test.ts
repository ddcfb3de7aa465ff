import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { pedigreeLikelihoodRatio, prepareLikelihoodRatio } from "@/lib/kinship/pedigree/ratio";
import type { Genotype, MutationModel, PedigreeOptions, PedigreePerson } from "@/lib/kinship/pedigree/types";

/**
 * The shortcut of lib/kinship/pedigree/locus-plan.ts: one family asked for many bodies shares, per
 * locus, the pruned pedigrees, and per set of alleles the body adds to the references', the allele
 * system and the references' observations in it. Every answer must be the one a fresh computation
 * of that body alone gives, bit for bit, whatever was asked before it (other genotypes adding the
 * same, other or no alleles; the same genotype with another drop-out; references with drop-out).
 */
const TABLE = {
  // Sums to 0.8: the rest is an unnamed allele (lumped).
  L1: { "10": 0.2, "11": 0.3, "12": 0.15, "13": 0.1, "14": 0.05 },
  // Sums to 1.1: renormalised; a body allele the table lacks changes the scale.
  L2: { "8": 0.5, "9": 0.4, "10": 0.2 },
};
const ALLELES = { L1: ["10", "11", "12", "13", "14", "99"], L2: ["8", "9", "10", "98"] } as const;

const male = (id: string, father?: string, mother?: string): PedigreePerson => ({ id, sex: "male", father, mother });
const female = (id: string, father?: string, mother?: string): PedigreePerson => ({ id, sex: "female", father, mother });

// Paternal grandparents typed (the commonest reference set at national scale), an uncle typed at L1 only.
const PERSONS = [male("GF"), female("GM"), male("P", "GF", "GM"), male("U", "GF", "GM"), female("S"), male("MP", "P", "S")];
const REFERENCES = {
  GF: { L1: ["10", "12"], L2: ["8", "9"] },
  GM: { L1: ["11", "11"], L2: ["9", "10"] },
  U: { L1: ["10", "11"] },
} satisfies Record<string, Record<string, Genotype>>;

const MODELS: MutationModel[] = [
  { model: "proportional", femaleRate: 0.002, maleRate: 0.003 },
  { model: "none" },
];

function bodies(seed: number, count: number): Record<string, Genotype>[] {
  const next = mulberry32(seed);
  const pick = (alleles: readonly string[]) => alleles[Math.floor(next() * alleles.length)] as string;
  return Array.from({ length: count }, () => ({
    L1: [pick(ALLELES.L1), pick(ALLELES.L1)],
    L2: [pick(ALLELES.L2), pick(ALLELES.L2)],
  }));
}

describe("a family's locus plan shared between bodies", () => {
  for (const mutation of MODELS) {
    for (const theta of [0, 0.02]) {
      it(`gives each body the answer it gets alone: θ = ${theta}, ${mutation.model}`, () => {
        const options: PedigreeOptions = { theta, mutation, minFrequency: 0.01 };
        const dropout = { GM: 0.1 };
        const prepared = prepareLikelihoodRatio({ persons: PERSONS, missing: "MP", profiles: REFERENCES, dropout }, TABLE, options);
        const asked = bodies(7, 60);
        // The same genotypes again, the alleles swapped, and with a drop-out of the body's own.
        const calls = [
          ...asked.map((profile) => ({ profile, missingDropout: undefined as number | undefined })),
          ...asked.slice(0, 20).map((profile) => ({ profile: { ...profile, L1: [...(profile.L1 as Genotype)].reverse() as unknown as Genotype }, missingDropout: undefined })),
          ...asked.slice(0, 20).map((profile) => ({ profile, missingDropout: 0.2 })),
        ];
        for (const { profile, missingDropout } of calls) {
          const shared = prepared(profile, missingDropout);
          const alone = pedigreeLikelihoodRatio(
            { persons: PERSONS, missing: "MP", profiles: { ...REFERENCES, MP: profile }, dropout: missingDropout === undefined ? dropout : { ...dropout, MP: missingDropout } },
            TABLE,
            options,
          );
          expect(shared.loci).toEqual(alone.loci);
          for (const locus of Object.keys(alone.loci)) expect(Object.is(shared.loci[locus], alone.loci[locus])).toBe(true);
          expect(Object.is(shared.lr, alone.lr)).toBe(true);
          expect(shared.inconsistentLoci).toEqual(alone.inconsistentLoci);
          expect(shared.referenceInconsistentLoci).toEqual(alone.referenceInconsistentLoci);
          expect(shared.warnings).toEqual(alone.warnings);
        }
      });
    }
  }
});
