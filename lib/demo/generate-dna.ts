import { DEMO_FREQUENCIES, DEMO_FREQUENCY_TABLE_NAME, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { frequencyTableSha256 } from "@/lib/kinship/frequency-digest";
import { ProfileSimulator } from "@/lib/kinship/simulate";
import type { Profile } from "@/lib/kinship/types";
import type { FamilyDonors } from "./generate-donors";
import type { FamilyWithMembers } from "./generate-families";
import type { PlannedIdentification } from "./generate-identifications";
import { createRandom, type Random } from "./random";
import type { AlleleFrequencyRow, AlleleFrequencyTableRow, DnaSampleRow, DonorRelationshipRow, StrProfileRow } from "./types";

/**
 * Its own generator, so that the profiles can change without shifting a single name, date or
 * code of the rest of the demonstration. Simulated relatives sometimes share few alleles by
 * chance; this seed was picked among the first few tried as one where every DNA identification
 * of the story is also a clear screening lead (tests/integration/kinship-screen.test.ts).
 */
const DNA_RANDOM_SEED = 0x5f3c_2a12;

/** Unidentified bodies that are in truth a registered missing person: leads the screen should raise. */
const HIDDEN_MATCHES = 6;

type Relationship = DonorRelationshipRow["relationship"];

/** One family drawn through its pedigree: grandparents → mother and her sibling → the missing. */
class FamilyPedigree {
  private readonly grandmother: Profile;
  private readonly grandfather: Profile;
  private readonly mother: Profile;
  private readonly father: Profile;
  private readonly spouse: Profile;
  readonly missing: Profile[];

  constructor(
    private readonly simulator: ProfileSimulator,
    missingCount: number,
  ) {
    this.grandmother = simulator.founder();
    this.grandfather = simulator.founder();
    this.mother = simulator.child(this.grandmother, this.grandfather);
    this.father = simulator.founder();
    this.spouse = simulator.founder();
    this.missing = Array.from({ length: missingCount }, () => simulator.child(this.mother, this.father));
  }

  /** A new relative of the first missing person, as the donor's relationship says. */
  relative(relationship: Relationship): Profile {
    const { simulator } = this;
    const first = this.missing[0] ?? this.mother;
    switch (relationship) {
      case "mother":
        return this.mother;
      case "father":
        return this.father;
      case "full_sibling":
        return simulator.child(this.mother, this.father);
      case "child":
        return simulator.child(first, this.spouse);
      case "spouse":
        return this.spouse;
      case "maternal_half_sibling":
        return simulator.child(this.mother, simulator.founder());
      case "paternal_half_sibling":
        return simulator.child(this.father, simulator.founder());
      case "grandparent":
        return this.grandmother;
      case "aunt_uncle":
        return simulator.child(this.grandmother, this.grandfather);
      case "cousin":
        return simulator.child(simulator.child(this.grandmother, this.grandfather), simulator.founder());
    }
  }
}

/** Bodies recovered long ago come back from the laboratory with a few loci missing. */
function degrade(random: Random, profile: Profile): Profile {
  const dropped = random.int(0, 3);
  const loci = Object.keys(profile);
  const lost = new Set(Array.from({ length: dropped }, () => random.pick(loci)));
  return Object.fromEntries(Object.entries(profile).filter(([locus]) => !lost.has(locus)));
}

function profileRows(random: Random, sample: DnaSampleRow, profile: Profile): StrProfileRow[] {
  return Object.entries(profile).map(([locus, [allele1, allele2]]) => ({ id: random.uuid(), sampleId: sample.id, locus, allele1, allele2 }));
}

export interface DemoDnaInput {
  families: readonly FamilyWithMembers[];
  donorsByFamily: readonly FamilyDonors[];
  plans: readonly PlannedIdentification[];
  referenceSamples: readonly DnaSampleRow[];
  remainsSamples: readonly DnaSampleRow[];
}

export interface DemoDna {
  alleleFrequencyTables: AlleleFrequencyTableRow[];
  alleleFrequencies: AlleleFrequencyRow[];
  strProfiles: StrProfileRow[];
}

/**
 * Profiles for every sample the laboratory has profiled, simulated through each family's pedigree
 * from the synthetic demo table: a body identified on DNA is its missing person, a body rejected on
 * DNA is someone else, and a few unidentified bodies belong to families the screen should find.
 */
export function buildDemoDna(input: DemoDnaInput): DemoDna {
  const random = createRandom(DNA_RANDOM_SEED);
  const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
  const simulator = new ProfileSimulator(table, random.next);
  const pedigrees = new Map(input.families.map((entry) => [entry.family.id, new FamilyPedigree(simulator, entry.missingPersons.length)]));
  const donorFamily = new Map(input.donorsByFamily.flatMap((entry) => entry.donors.map((donor) => [donor.id, donor.familyId] as const)));
  const donorRelationship = new Map(input.donorsByFamily.flatMap((entry) => entry.relationships.map((row) => [row.donorId, row.relationship] as const)));
  const strProfiles: StrProfileRow[] = [];
  const profiledFamilies = new Set<string>();
  for (const sample of input.referenceSamples) {
    if (sample.labStatus !== "profiled" || !sample.donorId) continue;
    const familyId = donorFamily.get(sample.donorId) ?? "";
    const pedigree = pedigrees.get(familyId);
    const relationship = donorRelationship.get(sample.donorId);
    if (!pedigree || !relationship) continue;
    profiledFamilies.add(familyId);
    strProfiles.push(...profileRows(random, sample, pedigree.relative(relationship)));
  }
  const planned = new Map(input.plans.map((plan) => [plan.remains.id, plan]));
  const identifiedFamilies = new Set(input.plans.map((plan) => plan.family.id));
  const hidden = input.families.filter((entry) => profiledFamilies.has(entry.family.id) && !identifiedFamilies.has(entry.family.id));
  let hiddenLeft = HIDDEN_MATCHES;
  for (const sample of input.remainsSamples) {
    if (sample.labStatus !== "profiled" || !sample.remainsId) continue;
    const plan = planned.get(sample.remainsId);
    let profile: Profile;
    if (plan && plan.spec.basis.includes("dna") && plan.spec.status !== "rejected") {
      profile = pedigrees.get(plan.family.id)?.missing[0] ?? simulator.founder();
    } else if (!plan && hiddenLeft > 0 && hidden.length > 0 && random.chance(0.15)) {
      const family = hidden.splice(random.int(0, hidden.length - 1), 1)[0];
      hiddenLeft -= 1;
      profile = degrade(random, (family && pedigrees.get(family.family.id)?.missing[0]) ?? simulator.founder());
    } else {
      profile = degrade(random, simulator.founder());
    }
    strProfiles.push(...profileRows(random, sample, profile));
  }
  return { ...demoFrequencyTable(random), strProfiles };
}

function demoFrequencyTable(random: Random): Pick<DemoDna, "alleleFrequencyTables" | "alleleFrequencies"> {
  const tableId = random.uuid();
  const alleleFrequencies = Object.entries(DEMO_FREQUENCIES).flatMap(([locus, alleles]) =>
    Object.entries(alleles).map(([allele, frequency]) => ({ id: random.uuid(), tableId, locus, allele, frequency })),
  );
  return {
    alleleFrequencyTables: [
      {
        id: tableId,
        name: DEMO_FREQUENCY_TABLE_NAME,
        synthetic: true,
        minFrequency: DEMO_MIN_FREQUENCY,
        loadedAt: new Date("2024-01-15T09:00:00Z"),
        sha256: frequencyTableSha256(alleleFrequencies),
        // The demo's table is part of the seed: in force from the start, as a table approved on loading.
        approvedAt: new Date("2024-01-15T09:00:00Z"),
      },
    ],
    alleleFrequencies,
  };
}
